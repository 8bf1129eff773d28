package dev.tobira.server.store;

import dev.tobira.core.Page;
import dev.tobira.core.PageTokens;
import dev.tobira.core.oauth.ResourceServer;
import dev.tobira.core.oauth.ResourceServerStore;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resource servers in the {@code resource_servers} table, each a JSON document ({@link StoreJson}) keyed
 * by pool and identifier; the primary key makes a duplicate identifier fail atomically.
 */
public final class JdbcResourceServerStore implements ResourceServerStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final StoreJson json;

    public JdbcResourceServerStore(JdbcClient jdbc, TransactionTemplate tx, StoreJson json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public boolean create(ResourceServer server) {
        String doc = json.write(server);
        try {
            tx.executeWithoutResult(s -> jdbc.sql("""
                            INSERT INTO resource_servers (pool_id, identifier, doc)
                            VALUES (:poolId, :identifier, :doc)""")
                    .param("poolId", server.userPoolId())
                    .param("identifier", server.identifier())
                    .param("doc", doc)
                    .update());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<ResourceServer> find(String userPoolId, String identifier) {
        return jdbc.sql("SELECT doc FROM resource_servers WHERE pool_id = :poolId AND identifier = :identifier")
                .param("poolId", userPoolId)
                .param("identifier", identifier)
                .query(String.class)
                .optional()
                .map(doc -> json.read(doc, ResourceServer.class));
    }

    @Override
    public boolean update(ResourceServer server) {
        String doc = json.write(server);
        Integer updated = tx.execute(s -> jdbc.sql(
                        "UPDATE resource_servers SET doc = :doc WHERE pool_id = :poolId AND identifier = :identifier")
                .param("poolId", server.userPoolId())
                .param("identifier", server.identifier())
                .param("doc", doc)
                .update());
        return updated != null && updated > 0;
    }

    @Override
    public boolean delete(String userPoolId, String identifier) {
        Integer deleted = tx.execute(s -> jdbc.sql(
                        "DELETE FROM resource_servers WHERE pool_id = :poolId AND identifier = :identifier")
                .param("poolId", userPoolId)
                .param("identifier", identifier)
                .update());
        return deleted != null && deleted > 0;
    }

    @Override
    public Page<ResourceServer> list(String userPoolId, int max, Optional<String> after) {
        Optional<String> from = PageTokens.decode(after);
        var query = jdbc.sql("SELECT doc FROM resource_servers WHERE pool_id = :poolId"
                        + (from.isPresent() ? " AND identifier > :after" : "")
                        + " ORDER BY identifier LIMIT :limit")
                .param("poolId", userPoolId)
                .param("limit", Keys.fetchSize(max));
        if (from.isPresent()) {
            query = query.param("after", from.get());
        }
        List<ResourceServer> fetched = query.query(String.class).list().stream()
                .map(doc -> json.read(doc, ResourceServer.class))
                .toList();
        return Keys.page(fetched, max, ResourceServer::identifier);
    }

    @Override
    public void deleteAll(String userPoolId) {
        tx.executeWithoutResult(s -> jdbc.sql("DELETE FROM resource_servers WHERE pool_id = :poolId")
                .param("poolId", userPoolId)
                .update());
    }
}

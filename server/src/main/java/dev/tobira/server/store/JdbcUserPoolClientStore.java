package dev.tobira.server.store;

import dev.tobira.core.Page;
import dev.tobira.core.PageTokens;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.pool.UserPoolClientStore;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * App clients in the {@code user_pool_clients} table, each a JSON document ({@link StoreJson}) beside
 * its pool and creation time. A client belongs to an existing pool (a foreign key) and goes with it.
 */
public final class JdbcUserPoolClientStore implements UserPoolClientStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final StoreJson json;
    private final ParsedDocuments<UserPoolClient> parsed;

    public JdbcUserPoolClientStore(JdbcClient jdbc, TransactionTemplate tx, StoreJson json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.parsed = new ParsedDocuments<>(json, UserPoolClient.class);
    }

    @Override
    public void create(UserPoolClient client) {
        String doc = json.write(client);
        tx.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO user_pool_clients (client_id, pool_id, created, doc)
                        VALUES (:clientId, :poolId, :created, :doc)""")
                .param("clientId", client.clientId())
                .param("poolId", client.userPoolId())
                .param("created", client.creationDate().toEpochMilli())
                .param("doc", doc)
                .update());
    }

    @Override
    public Optional<UserPoolClient> find(String clientId) {
        return jdbc.sql("SELECT doc FROM user_pool_clients WHERE client_id = :clientId")
                .param("clientId", clientId)
                .query(String.class)
                .optional()
                .map(doc -> parsed.read(clientId, doc));
    }

    @Override
    public boolean update(UserPoolClient client) {
        String doc = json.write(client);
        Integer updated = tx.execute(s -> jdbc.sql("""
                        UPDATE user_pool_clients SET pool_id = :poolId, created = :created, doc = :doc
                        WHERE client_id = :clientId""")
                .param("clientId", client.clientId())
                .param("poolId", client.userPoolId())
                .param("created", client.creationDate().toEpochMilli())
                .param("doc", doc)
                .update());
        return updated != null && updated > 0;
    }

    @Override
    public boolean delete(String userPoolId, String clientId) {
        Integer deleted = tx.execute(s -> jdbc.sql(
                        "DELETE FROM user_pool_clients WHERE client_id = :clientId AND pool_id = :poolId")
                .param("clientId", clientId)
                .param("poolId", userPoolId)
                .update());
        return deleted != null && deleted > 0;
    }

    @Override
    public Page<UserPoolClient> list(String userPoolId, int max, Optional<String> after) {
        Optional<Keys.Position> from = PageTokens.decode(after).map(Keys.Position::decode);
        var query = jdbc.sql("SELECT doc FROM user_pool_clients WHERE pool_id = :poolId"
                        + (from.isPresent() ? " AND (created, client_id) > (:created, :clientId)" : "")
                        + " ORDER BY created, client_id LIMIT :limit")
                .param("poolId", userPoolId)
                .param("limit", Keys.fetchSize(max));
        if (from.isPresent()) {
            query = query.param("created", from.get().createdMillis()).param("clientId", from.get().id());
        }
        List<UserPoolClient> fetched = query.query(String.class).list().stream()
                .map(doc -> json.read(doc, UserPoolClient.class))
                .toList();
        return Keys.page(fetched, max,
                c -> new Keys.Position(c.creationDate().toEpochMilli(), c.clientId()).encode());
    }
}

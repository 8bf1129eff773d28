package dev.tobira.server.store;

import dev.tobira.core.Page;
import dev.tobira.core.PageTokens;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolStore;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * User pools in the {@code user_pools} table, each a JSON document ({@link StoreJson}) beside the
 * columns it is listed by. Deleting a pool deletes its clients, users and their attributes through
 * {@code ON DELETE CASCADE}, in the same statement.
 */
public final class JdbcUserPoolStore implements UserPoolStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final StoreJson json;
    private final ParsedDocuments<UserPool> parsed;

    public JdbcUserPoolStore(JdbcClient jdbc, TransactionTemplate tx, StoreJson json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.parsed = new ParsedDocuments<>(json, UserPool.class);
    }

    @Override
    public void create(UserPool pool) {
        String doc = json.write(pool);
        tx.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO user_pools (id, name, created, modified, doc)
                        VALUES (:id, :name, :created, :modified, :doc)""")
                .param("id", pool.id())
                .param("name", pool.name())
                .param("created", pool.creationDate().toEpochMilli())
                .param("modified", pool.lastModifiedDate().toEpochMilli())
                .param("doc", doc)
                .update());
    }

    @Override
    public Optional<UserPool> find(String id) {
        return jdbc.sql("SELECT doc FROM user_pools WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .map(doc -> parsed.read(id, doc));
    }

    @Override
    public boolean update(UserPool pool) {
        String doc = json.write(pool);
        Integer updated = tx.execute(s -> jdbc.sql("""
                        UPDATE user_pools SET name = :name, created = :created, modified = :modified, doc = :doc
                        WHERE id = :id""")
                .param("id", pool.id())
                .param("name", pool.name())
                .param("created", pool.creationDate().toEpochMilli())
                .param("modified", pool.lastModifiedDate().toEpochMilli())
                .param("doc", doc)
                .update());
        return updated != null && updated > 0;
    }

    @Override
    public boolean delete(String id) {
        Integer deleted = tx.execute(s -> jdbc.sql("DELETE FROM user_pools WHERE id = :id").param("id", id).update());
        return deleted != null && deleted > 0;
    }

    @Override
    public Page<UserPool> list(int max, Optional<String> after) {
        Optional<Keys.Position> from = PageTokens.decode(after).map(Keys.Position::decode);
        var query = jdbc.sql("SELECT doc FROM user_pools"
                        + (from.isPresent() ? " WHERE (created, id) > (:created, :id)" : "")
                        + " ORDER BY created, id LIMIT :limit")
                .param("limit", Keys.fetchSize(max));
        if (from.isPresent()) {
            query = query.param("created", from.get().createdMillis()).param("id", from.get().id());
        }
        List<UserPool> fetched = query.query(String.class).list().stream()
                .map(doc -> json.read(doc, UserPool.class))
                .toList();
        return Keys.page(fetched, max, p -> position(p).encode());
    }

    private static Keys.Position position(UserPool pool) {
        return new Keys.Position(pool.creationDate().toEpochMilli(), pool.id());
    }
}

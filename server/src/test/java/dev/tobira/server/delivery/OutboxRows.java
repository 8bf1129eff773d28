package dev.tobira.server.delivery;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.server.store.JdbcStores;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test databases for the outbox, and what its rows hold. */
final class OutboxRows {

    /** One row of {@code outbox}, as the tests look at it. */
    record Row(long id, String recipient, String body, int attempts, long nextAttemptAt, Long lockedUntil,
            String lastError, Long deliveredAt) {}

    private OutboxRows() {}

    /** A connection pool on the H2 file database in {@code dir}, migrated; a second call opens the same database. */
    static HikariDataSource h2(Path dir) {
        HikariDataSource dataSource = pooled(JdbcStores.h2Url(dir), "sa");
        JdbcStores.migrate(dataSource);
        return dataSource;
    }

    static HikariDataSource pooled(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    static List<Row> all(DataSource dataSource) {
        return JdbcClient.create(dataSource)
                .sql("SELECT id, recipient, body, attempts, next_attempt_at, locked_until, last_error, delivered_at"
                        + " FROM outbox ORDER BY id")
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("recipient"), rs.getString("body"),
                        rs.getInt("attempts"), rs.getLong("next_attempt_at"), (Long) rs.getObject("locked_until", Long.class),
                        rs.getString("last_error"), (Long) rs.getObject("delivered_at", Long.class)))
                .list();
    }
}

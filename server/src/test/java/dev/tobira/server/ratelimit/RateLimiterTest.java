package dev.tobira.server.ratelimit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.server.store.JdbcStores;

/** The rate-limit contract on the embedded H2 database, in memory. */
class RateLimiterTest extends RateLimiterContract {

    @Override
    protected HikariDataSource newDatabase() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:ratelimit-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        HikariDataSource database = new HikariDataSource(config);
        JdbcStores.migrate(database);
        return database;
    }
}

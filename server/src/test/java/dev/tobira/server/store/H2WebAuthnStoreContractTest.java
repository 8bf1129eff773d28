package dev.tobira.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.WebAuthnStoreContract;
import dev.tobira.core.webauthn.Passkey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The passkey store contract on an H2 file database, plus the cascade only the database does. */
class H2WebAuthnStoreContractTest extends WebAuthnStoreContract {

    @TempDir
    Path dir;

    private HikariDataSource dataSource;
    private JdbcStores stores;

    @Override
    protected Stores emptyStores() {
        dataSource = TestDatabases.h2(dir);
        stores = JdbcStores.create(dataSource);
        return new Stores(stores.pools(), stores.users(), stores.webAuthn());
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void deleteUserWhenTheyHavePasskeysThenTheyGoWithThem() {
        String pool = "us-east-1_AAAAAAAAA";
        stores.webAuthn().add(new Passkey(pool, "ann", "Y3JlZC0x", "aGFuZGxl", "cHVibGlj", 0, "example.com",
                "Passkey", null, List.of(), Instant.EPOCH));
        assertThat(stores.users().delete(pool, "ann")).isTrue();
        assertThat(stores.webAuthn().passkey(pool, "Y3JlZC0x")).isEmpty();
    }
}

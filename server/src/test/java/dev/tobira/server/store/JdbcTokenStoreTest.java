package dev.tobira.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.SignInStoreContract;
import dev.tobira.core.signin.RefreshToken;
import dev.tobira.core.signin.TokenFamily;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;

/** What {@link JdbcTokenStore#create} does beyond the store contract: whose transaction commits a family. */
class JdbcTokenStoreTest {

    private static final String POOL = SignInStoreContract.POOL_ID;
    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05.123Z");

    @TempDir
    Path dir;

    private HikariDataSource dataSource;
    private JdbcStores stores;

    @BeforeEach
    void open() {
        dataSource = TestDatabases.h2(dir);
        stores = JdbcSignInStoreContractTest.seeded(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void createWhenInsideACallersTransactionThenCommittedOrRolledBackWithIt() {
        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            stores.tokens().create(family("jti-rolled-back", "alice"), token("h-rolled-back", "jti-rolled-back"));
            assertThat(stores.tokens().family("jti-rolled-back")).isPresent(); // seen inside the transaction
            throw new IllegalStateException("the caller's transaction fails after the family was written");
        })).hasMessageContaining("the caller's transaction fails");
        assertThat(stores.tokens().family("jti-rolled-back")).isEmpty();
        assertThat(stores.tokens().refreshToken("h-rolled-back")).isEmpty();

        stores.transactions().inTransaction(() -> {
            stores.tokens().create(family("jti-kept", "alice"), token("h-kept", "jti-kept"));
            return null;
        });
        assertThat(stores.tokens().family("jti-kept")).isPresent();
    }

    @Test
    void createWhenTheUserDoesNotExistThenRefusedWithNothingStoredAndTheNextOneStored() {
        assertThatThrownBy(() -> stores.tokens().create(family("jti-nobody", "nobody"), token("h-nobody", "jti-nobody")))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(stores.tokens().family("jti-nobody")).isEmpty();
        assertThat(stores.tokens().refreshToken("h-nobody")).isEmpty();

        stores.tokens().create(family("jti-bob", "bob"), token("h-bob", "jti-bob"));
        assertThat(stores.tokens().refreshToken("h-bob")).contains(token("h-bob", "jti-bob"));
    }

    private static TokenFamily family(String jti, String username) {
        return new TokenFamily(jti, POOL, "client", username, T0, Optional.empty());
    }

    private static RefreshToken token(String hash, String jti) {
        return new RefreshToken(hash, jti, T0, T0.plusSeconds(3600));
    }
}

package dev.tobira.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.pool.UserPoolStore;
import dev.tobira.core.user.UserStore;
import dev.tobira.core.webauthn.Passkey;
import dev.tobira.core.webauthn.PendingRegistration;
import dev.tobira.core.webauthn.WebAuthnConfig;
import dev.tobira.core.webauthn.WebAuthnStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link WebAuthnStore} must meet; the in-memory, H2 and PostgreSQL implementations
 * all run these same tests.
 */
public abstract class WebAuthnStoreContract {

    /** Empty stores over one database; pools and users are there because passkeys belong to them. */
    public record Stores(UserPoolStore pools, UserStore users, WebAuthnStore webAuthn) {}

    protected abstract Stores emptyStores();

    private static final Instant T0 = Instant.parse("2026-12-04T08:04:05.123Z");
    private static final String POOL = "us-east-1_AAAAAAAAA";
    private static final String OTHER = "us-east-1_BBBBBBBBB";

    private WebAuthnStore store;

    @BeforeEach
    void setUpStores() {
        Stores stores = emptyStores();
        stores.pools().create(Fixtures.pool(POOL, T0));
        stores.pools().create(Fixtures.pool(OTHER, T0));
        for (String pool : List.of(POOL, OTHER)) {
            stores.users().create(Fixtures.user(pool, "ann", "ann@example.com", T0), true);
            stores.users().create(Fixtures.user(pool, "bob", "bob@example.com", T0), true);
        }
        store = stores.webAuthn();
    }

    private static Passkey passkey(String pool, String username, String id, Instant created) {
        return new Passkey(pool, username, id, "aGFuZGxl", "cHVibGlj", 0, "example.com", "Passkey", "platform",
                List.of("internal", "hybrid"), created);
    }

    @Test
    void configWhenSavedThenFoundAndReplacedPerPool() {
        assertThat(store.config(POOL)).isEmpty();
        store.saveConfig(POOL, new WebAuthnConfig("example.com", "preferred"));
        store.saveConfig(POOL, new WebAuthnConfig("auth.example.com", "required"));
        assertThat(store.config(POOL)).contains(new WebAuthnConfig("auth.example.com", "required"));
        assertThat(store.config(OTHER)).isEmpty();
        store.saveConfig(OTHER, new WebAuthnConfig(null, "preferred"));
        assertThat(store.config(OTHER)).contains(new WebAuthnConfig(null, "preferred"));
    }

    @Test
    void addWhenNewThenListedOldestFirstAndWhenIdTakenInThePoolThenFalse() {
        Passkey second = passkey(POOL, "ann", "Y3JlZC0y", T0.plusSeconds(5));
        Passkey first = passkey(POOL, "ann", "Y3JlZC0x", T0);
        assertThat(store.add(second)).isTrue();
        assertThat(store.add(first)).isTrue();
        assertThat(store.passkeys(POOL, "ann")).containsExactly(first, second);
        assertThat(store.add(passkey(POOL, "bob", "Y3JlZC0x", T0))).isFalse();
        assertThat(store.passkeys(POOL, "bob")).isEmpty();
        assertThat(store.add(passkey(OTHER, "bob", "Y3JlZC0x", T0))).isTrue();
        assertThat(store.passkey(POOL, "Y3JlZC0x")).contains(first);
        assertThat(store.passkey(OTHER, "Y3JlZC0x").orElseThrow().username()).isEqualTo("bob");
        assertThat(store.passkey(POOL, "bm9uZQ")).isEmpty();
    }

    @Test
    void updateSignatureCountWhenExpectedMatchesThenMovesElseFalse() {
        store.add(passkey(POOL, "ann", "Y3JlZC0x", T0));
        assertThat(store.updateSignatureCount(POOL, "Y3JlZC0x", 0, 7)).isTrue();
        assertThat(store.updateSignatureCount(POOL, "Y3JlZC0x", 0, 8)).isFalse();
        assertThat(store.passkey(POOL, "Y3JlZC0x").orElseThrow().signatureCount()).isEqualTo(7);
        assertThat(store.updateSignatureCount(POOL, "bm9uZQ", 0, 1)).isFalse();
    }

    @Test
    void deleteWhenOwnedThenGoneAndWhenAnotherUsersThenFalse() {
        store.add(passkey(POOL, "ann", "Y3JlZC0x", T0));
        assertThat(store.delete(POOL, "bob", "Y3JlZC0x")).isFalse();
        assertThat(store.delete(OTHER, "ann", "Y3JlZC0x")).isFalse();
        assertThat(store.delete(POOL, "ann", "Y3JlZC0x")).isTrue();
        assertThat(store.delete(POOL, "ann", "Y3JlZC0x")).isFalse();
        assertThat(store.passkeys(POOL, "ann")).isEmpty();
    }

    @Test
    void takePendingRegistrationWhenSavedThenOnceAndTheLatestOnly() {
        store.savePendingRegistration(new PendingRegistration(POOL, "ann", "client", "{\"a\":1}", T0));
        store.savePendingRegistration(new PendingRegistration(POOL, "ann", "client", "{\"a\":2}", T0.plusSeconds(1)));
        assertThat(store.takePendingRegistration(OTHER, "ann")).isEmpty();
        assertThat(store.takePendingRegistration(POOL, "ann"))
                .contains(new PendingRegistration(POOL, "ann", "client", "{\"a\":2}", T0.plusSeconds(1)));
        assertThat(store.takePendingRegistration(POOL, "ann")).isEmpty();
    }
}

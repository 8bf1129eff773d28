package dev.tobira.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.oauth.AuthorizationCode;
import dev.tobira.core.oauth.AuthorizationCodeStore;
import dev.tobira.core.pool.UserPoolStore;
import dev.tobira.core.signin.RefreshToken;
import dev.tobira.core.signin.TokenFamily;
import dev.tobira.core.signin.TokenStore;
import dev.tobira.core.user.UserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link AuthorizationCodeStore} must meet; the in-memory, H2 and PostgreSQL implementations
 * all run these same tests. {@link #secondNode} gives a second store over the same data (another process's, for
 * the JDBC stores), so that a code issued through one is redeemed through the other.
 */
public abstract class AuthorizationCodeStoreContract {

    /** Empty stores over one database; pools, users and token families are there because codes and scopes belong to them. */
    public record Stores(UserPoolStore pools, UserStore users, TokenStore tokens, AuthorizationCodeStore codes) {}

    protected abstract Stores emptyStores();

    /** Another store over the same data as the last {@link #emptyStores()}, as another node would have. */
    protected abstract AuthorizationCodeStore secondNode();

    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05Z");
    private static final String POOL = "us-east-1_AAAAAAAAA";

    private Stores stores;
    private AuthorizationCodeStore codes;

    @BeforeEach
    void setUpStores() {
        stores = emptyStores();
        stores.pools().create(Fixtures.pool(POOL, T0));
        stores.users().create(Fixtures.user(POOL, "alice", "alice@example.com", T0), false);
        codes = stores.codes();
    }

    private static AuthorizationCode code(String hash, Instant expiresAt) {
        return new AuthorizationCode(hash, POOL, "client1", "https://app.example.com/cb?x=1",
                List.of("openid", "orders/read"), Optional.of("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"),
                Optional.of("S256"), Optional.of("n-0S6_WzA2Mj"), "alice", "sub-alice", T0.minusSeconds(30), expiresAt);
    }

    @Test
    void redeemWhenSavedAndUnexpiredThenEqualAndThenGone() {
        AuthorizationCode saved = code("a".repeat(64), T0.plus(Duration.ofMinutes(5)));
        codes.save(saved);
        assertThat(codes.redeem(saved.codeHash(), T0)).contains(saved);
        assertThat(codes.redeem(saved.codeHash(), T0)).isEmpty();
    }

    @Test
    void redeemWhenOptionalPartsAbsentThenEqual() {
        AuthorizationCode bare = new AuthorizationCode("b".repeat(64), POOL, "client1", "https://a.example/cb",
                List.of("openid"), Optional.empty(), Optional.empty(), Optional.empty(), "alice", "sub-alice", T0,
                T0.plusSeconds(300));
        codes.save(bare);
        assertThat(codes.redeem(bare.codeHash(), T0)).contains(bare);
    }

    @Test
    void redeemWhenAtOrPastExpiryThenEmptyAndGone() {
        AuthorizationCode saved = code("c".repeat(64), T0.plusSeconds(300));
        codes.save(saved);
        assertThat(codes.redeem(saved.codeHash(), T0.plusSeconds(300))).isEmpty();
        assertThat(codes.redeem(saved.codeHash(), T0)).isEmpty();
        assertThat(codes.redeem("d".repeat(64), T0)).isEmpty();
    }

    @Test
    void redeemWhenIssuedThroughOneNodeThenRedeemedThroughAnotherOnce() {
        AuthorizationCode saved = code("e".repeat(64), T0.plusSeconds(300));
        codes.save(saved);
        AuthorizationCodeStore other = secondNode();
        assertThat(other.redeem(saved.codeHash(), T0)).contains(saved);
        assertThat(codes.redeem(saved.codeHash(), T0)).isEmpty();
    }

    @Test
    void redeemWhenManyRaceOnTwoNodesThenExactlyOneWins() throws Exception {
        AuthorizationCodeStore other = secondNode();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                AuthorizationCode saved = code(Integer.toString(round).repeat(64), T0.plusSeconds(300));
                codes.save(saved);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Optional<AuthorizationCode>>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    AuthorizationCodeStore node = i % 2 == 0 ? codes : other;
                    Callable<Optional<AuthorizationCode>> redeem = () -> {
                        start.await();
                        return node.redeem(saved.codeHash(), T0);
                    };
                    results.add(pool.submit(redeem));
                }
                start.countDown();
                int winners = 0;
                for (Future<Optional<AuthorizationCode>> result : results) {
                    winners += result.get().isPresent() ? 1 : 0;
                }
                assertThat(winners).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void scopesWhenSavedForAFamilyThenFoundAndOtherwiseEmpty() {
        stores.tokens().create(new TokenFamily("jti-1", POOL, "client1", "alice", T0, Optional.empty()),
                new RefreshToken("f".repeat(64), "jti-1", T0, T0.plus(Duration.ofDays(30))));
        codes.saveScopes("jti-1", List.of("openid", "email", "orders/read"));
        assertThat(codes.scopes("jti-1")).contains(List.of("openid", "email", "orders/read"));
        assertThat(secondNode().scopes("jti-1")).contains(List.of("openid", "email", "orders/read"));
        assertThat(codes.scopes("jti-2")).isEmpty();
    }
}

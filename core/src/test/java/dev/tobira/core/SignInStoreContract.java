package dev.tobira.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.code.CodeStore;
import dev.tobira.core.code.OneTimeCode;
import dev.tobira.core.code.OneTimeCode.State;
import dev.tobira.core.session.AuthSession;
import dev.tobira.core.session.AuthSessionStore;
import dev.tobira.core.signin.Lockout;
import dev.tobira.core.signin.LockoutStore;
import dev.tobira.core.signin.RefreshToken;
import dev.tobira.core.signin.TokenFamily;
import dev.tobira.core.signin.TokenStore;
import java.util.Optional;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the stores behind sign-up and sign-in steps — {@link CodeStore},
 * {@link AuthSessionStore} and {@link ServerSecrets} — run against every implementation.
 * Subclasses supply empty stores (with the pool {@code us-east-1_AAAAAAAAA} and users {@code alice},
 * {@code bob} existing where the implementation needs them to).
 */
public abstract class SignInStoreContract {

    protected abstract CodeStore emptyCodeStore();

    protected abstract ServerSecrets emptySecrets();

    protected abstract AuthSessionStore emptySessionStore();

    protected abstract LockoutStore emptyLockouts();

    protected abstract TokenStore emptyTokens();

    public static final String POOL_ID = "us-east-1_AAAAAAAAA";
    protected static final String POOL = POOL_ID;
    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05.123Z");

    private CodeStore codes;

    @BeforeEach
    void setUpCodes() {
        codes = emptyCodeStore();
    }

    private static OneTimeCode code(String username, String hash, Instant issued) {
        return new OneTimeCode(POOL, username, CodePurpose.SIGN_UP, hash, issued, issued.plus(Duration.ofHours(24)), 0,
                State.ACTIVE);
    }

    @Test
    void activeWhenIssuedThenReturnedAndWhenReissuedThenOldIsSuperseded() {
        codes.issue(code("alice", "h1", T0));
        assertThat(codes.active(POOL, "alice", CodePurpose.SIGN_UP)).contains(code("alice", "h1", T0));
        codes.issue(code("alice", "h2", T0.plusSeconds(60)));
        assertThat(codes.active(POOL, "alice", CodePurpose.SIGN_UP).orElseThrow().codeHash()).isEqualTo("h2");
        assertThat(codes.find(POOL, "alice", CodePurpose.SIGN_UP, "h1").orElseThrow().state())
                .isEqualTo(State.SUPERSEDED);
        assertThat(codes.active(POOL, "alice", CodePurpose.FORGOT_PASSWORD)).isEmpty();
        assertThat(codes.active(POOL, "bob", CodePurpose.SIGN_UP)).isEmpty();
    }

    @Test
    void consumeWhenHashMatchesAndUnexpiredThenTrueOnceAndStateUsed() {
        codes.issue(code("alice", "h1", T0));
        assertThat(codes.consume(POOL, "alice", CodePurpose.SIGN_UP, "wrong", T0.plusSeconds(1))).isFalse();
        assertThat(codes.consume(POOL, "alice", CodePurpose.SIGN_UP, "h1", T0.plusSeconds(1))).isTrue();
        assertThat(codes.consume(POOL, "alice", CodePurpose.SIGN_UP, "h1", T0.plusSeconds(2))).isFalse();
        assertThat(codes.find(POOL, "alice", CodePurpose.SIGN_UP, "h1").orElseThrow().state()).isEqualTo(State.USED);
        assertThat(codes.active(POOL, "alice", CodePurpose.SIGN_UP)).isEmpty();
    }

    @Test
    void consumeWhenExpiredOrSupersededThenFalse() {
        codes.issue(code("alice", "h1", T0));
        assertThat(codes.consume(POOL, "alice", CodePurpose.SIGN_UP, "h1", T0.plus(Duration.ofHours(24)))).isFalse();
        codes.issue(code("alice", "h2", T0.plusSeconds(5)));
        assertThat(codes.consume(POOL, "alice", CodePurpose.SIGN_UP, "h1", T0.plusSeconds(6))).isFalse();
        assertThat(codes.consume(POOL, "alice", CodePurpose.SIGN_UP, "h2", T0.plusSeconds(6))).isTrue();
    }

    @Test
    void recordFailureWhenActiveCodeThenCountsAndReissueStartsAgain() {
        assertThat(codes.recordFailure(POOL, "alice", CodePurpose.SIGN_UP)).isZero();
        codes.issue(code("alice", "h1", T0));
        assertThat(codes.recordFailure(POOL, "alice", CodePurpose.SIGN_UP)).isEqualTo(1);
        assertThat(codes.recordFailure(POOL, "alice", CodePurpose.SIGN_UP)).isEqualTo(2);
        assertThat(codes.active(POOL, "alice", CodePurpose.SIGN_UP).orElseThrow().failedAttempts()).isEqualTo(2);
        codes.issue(code("alice", "h2", T0.plusSeconds(1)));
        assertThat(codes.active(POOL, "alice", CodePurpose.SIGN_UP).orElseThrow().failedAttempts()).isZero();
    }

    @Test
    void issueWhenCodeCarriesAPendingValueThenItIsKeptThroughFailuresAndUse() {
        OneTimeCode email = new OneTimeCode(POOL, "alice", CodePurpose.EMAIL_VERIFICATION, "h1", T0,
                T0.plus(Duration.ofHours(24)), 0, State.ACTIVE, java.util.Optional.of("alice@new.example"));
        codes.issue(email);
        codes.issue(new OneTimeCode(POOL, "alice", CodePurpose.PHONE_NUMBER_VERIFICATION, "h2", T0,
                T0.plus(Duration.ofHours(24)), 0, State.ACTIVE));
        codes.recordFailure(POOL, "alice", CodePurpose.EMAIL_VERIFICATION);
        assertThat(codes.active(POOL, "alice", CodePurpose.EMAIL_VERIFICATION).orElseThrow().pendingValue())
                .contains("alice@new.example");
        assertThat(codes.active(POOL, "alice", CodePurpose.PHONE_NUMBER_VERIFICATION).orElseThrow().pendingValue())
                .isEmpty();
        assertThat(codes.consume(POOL, "alice", CodePurpose.EMAIL_VERIFICATION, "h1", T0.plusSeconds(1))).isTrue();
        assertThat(codes.find(POOL, "alice", CodePurpose.EMAIL_VERIFICATION, "h1").orElseThrow().pendingValue())
                .contains("alice@new.example");
    }

    @Test
    void deleteAllWhenUserDeletedThenNoCodesRemain() {
        codes.issue(code("alice", "h1", T0));
        codes.issue(code("bob", "h2", T0));
        codes.deleteAll(POOL, "alice");
        assertThat(codes.find(POOL, "alice", CodePurpose.SIGN_UP, "h1")).isEmpty();
        assertThat(codes.active(POOL, "bob", CodePurpose.SIGN_UP)).isPresent();
    }

    @Test
    void consumeWhenManyThreadsRaceForOneCodeThenExactlyOneWins() throws Exception {
        codes.issue(code("alice", "h1", T0));
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(() -> codes.consume(POOL, "alice", CodePurpose.SIGN_UP, "h1", T0.plusSeconds(1)));
            }
            int wins = 0;
            for (Future<Boolean> f : executor.invokeAll(attempts)) {
                wins += f.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void getOrCreateWhenAskedTwiceThenSameSecretOfTheRightLength() {
        ServerSecrets secrets = emptySecrets();
        byte[] first = secrets.getOrCreate("code-key", 32);
        assertThat(first).hasSize(32);
        assertThat(secrets.getOrCreate("code-key", 32)).isEqualTo(first);
        assertThat(secrets.getOrCreate("other", 32)).isNotEqualTo(first);
    }

    @Test
    void sessionsWhenCreatedThenFoundAndConsumedByExactlyOneCaller() throws Exception {
        AuthSessionStore sessions = emptySessionStore();
        AuthSession session = new AuthSession(POOL, "client", "alice", AuthSession.Kind.CONFIRMED_SIGN_UP, T0,
                T0.plusSeconds(180), Map.of("confirmed", "true"));
        sessions.create("hash-1", session);
        assertThat(sessions.find("hash-1")).contains(session);
        assertThat(sessions.find("hash-2")).isEmpty();
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(() -> sessions.consume("hash-1").isPresent());
            }
            int wins = 0;
            for (Future<Boolean> f : executor.invokeAll(attempts)) {
                wins += f.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
        assertThat(sessions.find("hash-1")).isEmpty();
    }

    @Test
    void lockoutsWhenManyThreadsCountAFailureAtOnceThenEveryFailureIsCounted() throws Exception {
        LockoutStore lockouts = emptyLockouts();
        int threads = 12;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Lockout>> counting = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Instant at = T0.plusSeconds(i);
                counting.add(executor.submit(() -> {
                    start.await();
                    return lockouts.change(POOL, "alice", l -> l.failed(at));
                }));
            }
            start.countDown();
            List<Integer> seen = new ArrayList<>();
            for (Future<Lockout> f : counting) {
                seen.add(f.get().failures());
            }
            // Applied one after another: each change saw the one before, so the counts are 1..n.
            assertThat(seen).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, threads).boxed().toList());
            assertThat(lockouts.find(POOL, "alice").failures()).isEqualTo(threads);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void lockoutsWhenChangedThenFoundPerUserAndNoneClearsThem() {
        LockoutStore lockouts = emptyLockouts();
        assertThat(lockouts.find(POOL, "alice")).isEqualTo(Lockout.NONE);
        Lockout locked = new Lockout(6, Optional.of(T0.plusSeconds(2)), Optional.of(T0));
        List<Lockout> given = new ArrayList<>();
        assertThat(lockouts.change(POOL, "alice", l -> {
            given.add(l);
            return locked;
        })).isEqualTo(locked);
        assertThat(given.getLast()).isEqualTo(Lockout.NONE);
        assertThat(lockouts.find(POOL, "alice")).isEqualTo(locked);
        assertThat(lockouts.find(POOL, "bob")).isEqualTo(Lockout.NONE);
        Lockout counting = new Lockout(2, Optional.empty(), Optional.of(T0.plusSeconds(3)));
        assertThat(lockouts.change(POOL, "alice", l -> {
            given.add(l);
            return counting;
        })).isEqualTo(counting);
        assertThat(given.getLast()).isEqualTo(locked);
        assertThat(lockouts.find(POOL, "alice")).isEqualTo(counting);
        assertThat(lockouts.change(POOL, "alice", l -> l)).isEqualTo(counting);
        assertThat(lockouts.change(POOL, "alice", l -> Lockout.NONE)).isEqualTo(Lockout.NONE);
        assertThat(lockouts.find(POOL, "alice")).isEqualTo(Lockout.NONE);
        assertThat(lockouts.change(POOL, "alice", l -> Lockout.NONE)).isEqualTo(Lockout.NONE);
    }

    @Test
    void tokensWhenFamilyRevokedThenRevokedOnceAndUserWideRevocationReachesEveryFamily() {
        TokenStore tokens = emptyTokens();
        TokenFamily first = new TokenFamily("jti-1", POOL, "client", "alice", T0, Optional.empty());
        TokenFamily second = new TokenFamily("jti-2", POOL, "client", "alice", T0, Optional.empty());
        TokenFamily other = new TokenFamily("jti-3", POOL, "client", "bob", T0, Optional.empty());
        tokens.create(first, new RefreshToken("h1", "jti-1", T0, T0.plusSeconds(3600)));
        tokens.create(second, new RefreshToken("h2", "jti-2", T0, T0.plusSeconds(3600)));
        tokens.create(other, new RefreshToken("h3", "jti-3", T0, T0.plusSeconds(3600)));
        assertThat(tokens.family("jti-1")).contains(first);
        assertThat(tokens.refreshToken("h2")).contains(new RefreshToken("h2", "jti-2", T0, T0.plusSeconds(3600)));
        assertThat(tokens.refreshToken("nope")).isEmpty();

        tokens.revokeFamily("jti-1", T0.plusSeconds(10));
        tokens.revokeFamily("jti-1", T0.plusSeconds(20));
        assertThat(tokens.family("jti-1").orElseThrow().revokedAt()).contains(T0.plusSeconds(10));
        tokens.revokeUser(POOL, "alice", T0.plusSeconds(30));
        assertThat(tokens.family("jti-2").orElseThrow().revokedAt()).contains(T0.plusSeconds(30));
        assertThat(tokens.family("jti-1").orElseThrow().revokedAt()).contains(T0.plusSeconds(10));
        assertThat(tokens.family("jti-3").orElseThrow().revokedAt()).isEmpty();
    }

    @Test
    void tokensWhenManyThreadsCreateFamiliesAtOnceThenEachIsStoredWhenItsCreateReturns() throws Exception {
        TokenStore tokens = emptyTokens();
        int threads = 16;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> created = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String jti = "jti-many-" + i;
                String user = i % 2 == 0 ? "alice" : "bob";
                created.add(executor.submit(() -> {
                    start.await();
                    tokens.create(new TokenFamily(jti, POOL, "client", user, T0, Optional.empty()),
                            new RefreshToken("hash-" + jti, jti, T0, T0.plusSeconds(3600)));
                    // Stored by the time create returns, whichever thread's transaction committed it.
                    return tokens.family(jti).isPresent() && tokens.refreshToken("hash-" + jti).isPresent();
                }));
            }
            start.countDown();
            for (Future<Boolean> f : created) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(tokens.family("jti-many-15").orElseThrow().username()).isEqualTo("bob");
        assertThat(tokens.refreshToken("hash-jti-many-0").orElseThrow().originJti()).isEqualTo("jti-many-0");
    }

    @Test
    void replaceWhenRotatingThenOldMarkedNewStoredAndASecondRotationOfTheSameTokenLoses() {
        TokenStore tokens = emptyTokens();
        tokens.create(new TokenFamily("jti-r", POOL, "client", "alice", T0, Optional.empty()),
                new RefreshToken("old", "jti-r", T0, T0.plusSeconds(3600)));
        RefreshToken next = new RefreshToken("new", "jti-r", T0.plusSeconds(5), T0.plusSeconds(3605));
        assertThat(tokens.replace("old", next, T0.plusSeconds(5))).isTrue();
        assertThat(tokens.refreshToken("old").orElseThrow().replacedAt()).contains(T0.plusSeconds(5));
        assertThat(tokens.refreshToken("new")).contains(next);
        assertThat(tokens.replace("old", new RefreshToken("newer", "jti-r", T0.plusSeconds(6), T0.plusSeconds(3606)),
                T0.plusSeconds(6))).isFalse();
        assertThat(tokens.refreshToken("newer")).isEmpty();
    }
}

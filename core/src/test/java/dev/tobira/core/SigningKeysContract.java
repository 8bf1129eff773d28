package dev.tobira.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import dev.tobira.core.token.SigningKey;
import dev.tobira.core.token.SigningKeys;
import dev.tobira.core.token.TokenUse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SigningKeys}, run against every implementation. Subclasses supply an empty
 * store reading time from the given clock; the pools {@link #POOL} and {@link #OTHER_POOL} exist where
 * the implementation needs them to.
 */
public abstract class SigningKeysContract {

    public static final String POOL = "us-east-1_AAAAAAAAA";
    public static final String OTHER_POOL = "us-east-1_BBBBBBBBB";
    protected static final Instant T0 = Instant.parse("2026-11-02T08:04:05.123Z");

    protected final SettableClock clock = new SettableClock(T0);
    private SigningKeys keys;

    /** An empty store whose times come from {@code clock}. */
    protected abstract SigningKeys emptySigningKeys(Clock clock);

    @BeforeEach
    void setUpKeys() {
        keys = emptySigningKeys(clock);
    }

    @Test
    void currentWhenFirstUsedThenCreatesA2048BitRsaKeyNamedByItsSha256Thumbprint() throws Exception {
        SigningKey key = keys.current(POOL, TokenUse.ID);
        assertThat(key.userPoolId()).isEqualTo(POOL);
        assertThat(key.use()).isEqualTo(TokenUse.ID);
        assertThat(key.current()).isTrue();
        assertThat(key.retiredAt()).isEmpty();
        assertThat(key.createdAt()).isEqualTo(T0);
        assertThat(key.rsaKey().isPrivate()).isTrue();
        assertThat(key.rsaKey().size()).isEqualTo(2048);
        assertThat(key.kid()).matches("[A-Za-z0-9+/]{43}=")
                .isEqualTo(Base64.getEncoder().encodeToString(key.rsaKey().computeThumbprint("SHA-256").decode()))
                .isEqualTo(key.rsaKey().getKeyID());
        assertThat(key.rsaKey().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    }

    @Test
    void currentWhenIdAndAccessThenTwoDifferentKeys() {
        SigningKey id = keys.current(POOL, TokenUse.ID);
        SigningKey access = keys.current(POOL, TokenUse.ACCESS);
        assertThat(access.use()).isEqualTo(TokenUse.ACCESS);
        assertThat(access.kid()).isNotEqualTo(id.kid());
        assertThat(access.rsaKey().getModulus()).isNotEqualTo(id.rsaKey().getModulus());
    }

    @Test
    void currentWhenAskedAgainLaterThenTheSameKey() {
        SigningKey first = keys.current(POOL, TokenUse.ACCESS);
        clock.advance(Duration.ofDays(400));
        assertThat(keys.current(POOL, TokenUse.ACCESS)).isEqualTo(first);
    }

    @Test
    void currentWhenPoolsDifferThenKeysDiffer() {
        assertThat(keys.current(POOL, TokenUse.ID).kid()).isNotEqualTo(keys.current(OTHER_POOL, TokenUse.ID).kid());
    }

    @Test
    void publishedWhenNoKeyWasAskedForThenEmpty() {
        assertThat(keys.published(POOL)).isEmpty();
        keys.current(OTHER_POOL, TokenUse.ID);
        assertThat(keys.published(POOL)).isEmpty();
    }

    @Test
    void publishedWhenBothCurrentKeysExistThenIdKeyThenAccessKey() {
        SigningKey access = keys.current(POOL, TokenUse.ACCESS);
        SigningKey id = keys.current(POOL, TokenUse.ID);
        keys.current(OTHER_POOL, TokenUse.ID);
        assertThat(keys.published(POOL)).containsExactly(id, access);
    }

    @Test
    void rotateWhenAKeyIsCurrentThenANewCurrentKeyAndTheOldStaysPublishedAndFound() {
        SigningKey old = keys.current(POOL, TokenUse.ACCESS);
        SigningKey id = keys.current(POOL, TokenUse.ID);
        clock.advance(Duration.ofHours(5));
        SigningKey rotated = keys.rotate(POOL, TokenUse.ACCESS);

        assertThat(rotated.kid()).isNotEqualTo(old.kid());
        assertThat(rotated.current()).isTrue();
        assertThat(rotated.createdAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
        assertThat(keys.current(POOL, TokenUse.ACCESS)).isEqualTo(rotated);
        assertThat(keys.current(POOL, TokenUse.ID)).isEqualTo(id);
        SigningKey retired = old.retire(T0.plus(Duration.ofHours(5)));
        assertThat(keys.published(POOL)).containsExactly(id, rotated, retired);
        assertThat(keys.find(old.kid())).contains(retired);
        assertThat(keys.find(rotated.kid())).contains(rotated);
    }

    @Test
    void rotateWhenNoKeyYetThenTheFirstKey() {
        SigningKey first = keys.rotate(POOL, TokenUse.ID);
        assertThat(keys.current(POOL, TokenUse.ID)).isEqualTo(first);
        assertThat(keys.published(POOL)).containsExactly(first);
    }

    @Test
    void publishedWhenARetiredKeyIsPastTheRetentionThenGoneAndNotFound() {
        SigningKey old = keys.current(POOL, TokenUse.ID);
        SigningKey rotated = keys.rotate(POOL, TokenUse.ID);
        clock.advance(SigningKeys.RETIRED_KEY_RETENTION.minusMillis(1));
        assertThat(keys.find(old.kid())).isPresent();
        assertThat(keys.published(POOL)).hasSize(2);

        clock.advance(Duration.ofMillis(1));
        assertThat(keys.find(old.kid())).isEmpty();
        assertThat(keys.published(POOL)).containsExactly(rotated);

        SigningKey third = keys.rotate(POOL, TokenUse.ID);
        assertThat(keys.published(POOL)).containsExactly(third, rotated.retire(clock.instant()));
    }

    @Test
    void findWhenKidUnknownThenEmpty() {
        keys.current(POOL, TokenUse.ID);
        assertThat(keys.find("ap1BJd+WSxJpj6b6mDOvuIdkc5iIc8IGqhvhzkRryfA=")).isEmpty();
        assertThat(keys.find("")).isEmpty();
    }

    @Test
    void findWhenKeyStoredThenItsPrivatePartSignsWhatItsPublicPartVerifies() throws Exception {
        SigningKey created = keys.current(POOL, TokenUse.ACCESS);
        SigningKey found = keys.find(created.kid()).orElseThrow();
        assertThat(found).isEqualTo(created);
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload("{}"));
        jws.sign(new RSASSASigner(found.rsaKey()));
        assertThat(JWSObject.parse(jws.serialize()).verify(new RSASSAVerifier(created.publicJwk()))).isTrue();
    }

    @Test
    void deleteAllWhenPoolDeletedThenItsKeysAreGoneAndOtherPoolsKeepTheirs() {
        SigningKey id = keys.current(POOL, TokenUse.ID);
        keys.rotate(POOL, TokenUse.ID);
        SigningKey other = keys.current(OTHER_POOL, TokenUse.ID);
        keys.deleteAll(POOL);
        assertThat(keys.published(POOL)).isEmpty();
        assertThat(keys.find(id.kid())).isEmpty();
        assertThat(keys.published(OTHER_POOL)).containsExactly(other);
        assertThat(keys.current(POOL, TokenUse.ID).kid()).isNotEqualTo(id.kid());
    }

    @Test
    void currentWhenManyThreadsRaceForTheFirstKeyThenAllGetTheSameKey() throws Exception {
        List<SigningKey> results = runConcurrently(6, () -> keys.current(POOL, TokenUse.ACCESS));
        assertThat(results.stream().map(SigningKey::kid).distinct()).hasSize(1);
        assertThat(keys.published(POOL)).containsExactly(results.getFirst());
    }

    @Test
    void rotateWhenManyThreadsRotateAtOnceThenOneKeyIsCurrentAndTheOthersArePublished() throws Exception {
        SigningKey first = keys.current(POOL, TokenUse.ID);
        List<SigningKey> rotated = runConcurrently(4, () -> keys.rotate(POOL, TokenUse.ID));
        Set<String> kids = new HashSet<>();
        rotated.forEach(k -> kids.add(k.kid()));
        assertThat(kids).hasSize(4).doesNotContain(first.kid());
        List<SigningKey> published = keys.published(POOL);
        assertThat(published).hasSize(5);
        assertThat(published.stream().filter(SigningKey::current)).hasSize(1)
                .containsExactly(keys.current(POOL, TokenUse.ID));
        assertThat(published.getFirst().kid()).isIn(kids);
    }

    private static <T> List<T> runConcurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<T>> tasks = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                tasks.add(task);
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : executor.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    /** A clock that stands still until a test moves it; safe to read from several threads. */
    public static final class SettableClock extends Clock {

        private volatile Instant now;

        public SettableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant instant) {
            now = instant;
        }

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}

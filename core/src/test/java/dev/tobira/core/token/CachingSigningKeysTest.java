package dev.tobira.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.SigningKeysContract;
import dev.tobira.core.memory.InMemorySigningKeys;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CachingSigningKeysTest {

    private static final String POOL = SigningKeysContract.POOL;
    private static final Duration MAX_AGE = Duration.ofSeconds(1);

    /** Through one instance the cache changes nothing the contract says. */
    @Nested
    class Contract extends SigningKeysContract {
        @Override
        protected SigningKeys emptySigningKeys(Clock clock) {
            return new CachingSigningKeys(new InMemorySigningKeys(clock, new SecureRandom()), MAX_AGE, System::nanoTime);
        }
    }

    private final AtomicLong nanos = new AtomicLong(42);
    private final SigningKeys store = new InMemorySigningKeys(Clock.systemUTC(), new SecureRandom());
    // Two nodes on one store: the second one's rotations reach the first only through the store.
    private final CachingSigningKeys node = new CachingSigningKeys(store, MAX_AGE, nanos::get);
    private final CachingSigningKeys otherNode = new CachingSigningKeys(store, MAX_AGE, nanos::get);

    @Test
    void currentWhenAnotherNodeRotatedThenTheOldKeyUntilMaxAgeThenTheNewOne() {
        SigningKey old = node.current(POOL, TokenUse.ACCESS);
        SigningKey rotated = otherNode.rotate(POOL, TokenUse.ACCESS);

        nanos.addAndGet(MAX_AGE.toNanos() - 1);
        assertThat(node.current(POOL, TokenUse.ACCESS)).isEqualTo(old);
        assertThat(otherNode.current(POOL, TokenUse.ACCESS)).isEqualTo(rotated);
        assertThat(node.published(POOL)).extracting(SigningKey::kid).contains(old.kid(), rotated.kid());

        nanos.incrementAndGet();
        assertThat(node.current(POOL, TokenUse.ACCESS)).isEqualTo(rotated);
    }

    @Test
    void currentWhenThisNodeRotatedOrDeletedThenSeenAtOnce() {
        SigningKey old = node.current(POOL, TokenUse.ID);
        SigningKey rotated = node.rotate(POOL, TokenUse.ID);
        assertThat(node.current(POOL, TokenUse.ID)).isEqualTo(rotated).isNotEqualTo(old);

        node.deleteAll(POOL);
        assertThat(node.current(POOL, TokenUse.ID).kid()).isNotIn(old.kid(), rotated.kid());
    }

    @Test
    void currentWhenCachedThenTheStoreIsNotAskedAgain() {
        CountingKeys counting = new CountingKeys(store);
        CachingSigningKeys cached = new CachingSigningKeys(counting, MAX_AGE, nanos::get);
        SigningKey first = cached.current(POOL, TokenUse.ID);
        assertThat(cached.current(POOL, TokenUse.ID)).isEqualTo(first);
        assertThat(cached.current(POOL, TokenUse.ACCESS)).isNotEqualTo(first);
        assertThat(counting.currentCalls).isEqualTo(2);
    }

    private static final class CountingKeys implements SigningKeys {
        private final SigningKeys delegate;
        int currentCalls;

        CountingKeys(SigningKeys delegate) {
            this.delegate = delegate;
        }

        @Override
        public SigningKey current(String userPoolId, TokenUse use) {
            currentCalls++;
            return delegate.current(userPoolId, use);
        }

        @Override
        public java.util.List<SigningKey> published(String userPoolId) {
            return delegate.published(userPoolId);
        }

        @Override
        public SigningKey rotate(String userPoolId, TokenUse use) {
            return delegate.rotate(userPoolId, use);
        }

        @Override
        public java.util.Optional<SigningKey> find(String kid) {
            return delegate.find(kid);
        }

        @Override
        public void deleteAll(String userPoolId) {
            delegate.deleteAll(userPoolId);
        }
    }
}

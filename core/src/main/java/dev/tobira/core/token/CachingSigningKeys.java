package dev.tobira.core.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * {@link SigningKeys} that remembers each pool's {@linkplain #current current} keys for up to {@code maxAge},
 * so that issuing tokens does not read the store twice per sign-in. Everything else goes to the store.
 *
 * <p><b>What it relaxes.</b> A {@link #rotate} or {@link #deleteAll} through this instance is seen at once.
 * One made on another node (or straight in the store) is seen within {@code maxAge}: until then this node
 * keeps signing with the key that was just retired. Those tokens still verify everywhere, because a retired
 * key stays {@linkplain #published published} for {@link #RETIRED_KEY_RETENTION}, which is why a short
 * staleness is harmless here while it would not be for, say, a pool's settings.
 *
 * <p>Safe for concurrent use: a look-up that raced with a rotation through this instance is not remembered.
 */
public final class CachingSigningKeys implements SigningKeys {

    /** Cached keys at most; past it the cache starts again empty (one entry per pool and token use). */
    private static final int LIMIT = 10_000;

    private final SigningKeys store;
    private final long maxAgeNanos;
    private final LongSupplier nanoTicker;
    private final Map<Slot, Cached> current = new ConcurrentHashMap<>();
    /** Bumped by every change through this instance; a look-up started before one is not cached. */
    private final AtomicLong generation = new AtomicLong();

    private record Slot(String userPoolId, TokenUse use) {}

    private record Cached(SigningKey key, long readAtNanos) {}

    /**
     * @param maxAge how long a current key read from {@code store} is used without reading it again
     * @param nanoTicker a monotonic clock in nanoseconds ({@code System::nanoTime} in production); it measures
     *     only the cache's age, never a token's time
     */
    public CachingSigningKeys(SigningKeys store, Duration maxAge, LongSupplier nanoTicker) {
        this.store = Objects.requireNonNull(store, "store");
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTicker = Objects.requireNonNull(nanoTicker, "nanoTicker");
    }

    @Override
    public SigningKey current(String userPoolId, TokenUse use) {
        Slot slot = new Slot(userPoolId, use);
        long now = nanoTicker.getAsLong();
        Cached cached = current.get(slot);
        if (cached != null && now - cached.readAtNanos() < maxAgeNanos) {
            return cached.key();
        }
        long before = generation.get();
        SigningKey key = store.current(userPoolId, use);
        if (current.size() >= LIMIT) {
            current.clear();
        }
        current.put(slot, new Cached(key, now));
        if (generation.get() != before) {
            // A rotation or deletion here overlapped the read: the key may be the one it replaced.
            current.remove(slot);
        }
        return key;
    }

    @Override
    public List<SigningKey> published(String userPoolId) {
        return store.published(userPoolId);
    }

    @Override
    public SigningKey rotate(String userPoolId, TokenUse use) {
        try {
            return store.rotate(userPoolId, use);
        } finally {
            forget(userPoolId);
        }
    }

    @Override
    public Optional<SigningKey> find(String kid) {
        return store.find(kid);
    }

    @Override
    public void deleteAll(String userPoolId) {
        try {
            store.deleteAll(userPoolId);
        } finally {
            forget(userPoolId);
        }
    }

    private void forget(String userPoolId) {
        generation.incrementAndGet();
        current.keySet().removeIf(slot -> slot.userPoolId().equals(userPoolId));
    }
}

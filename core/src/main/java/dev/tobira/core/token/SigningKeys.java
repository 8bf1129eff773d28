package dev.tobira.core.token;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The RSA keys that sign each user pool's tokens: durable, shared by every node, and rotatable.
 *
 * <p>Each pool has at most one current key per {@link TokenUse} (spec §6.2: ID and access tokens
 * have different keys). {@link #rotate} replaces a current key; the replaced ("retired") key stays
 * published — in the JWKS and found by {@link #find} — for {@link #RETIRED_KEY_RETENTION} after it
 * was retired, long enough for every token it signed to expire, and is gone after that.
 *
 * <p>Implementations store private keys: whoever can read the store can sign tokens for every pool.
 * Every method is atomic and safe for concurrent use from many threads and processes; in particular
 * callers racing to create a pool's first key of a use all get the same key. No method returns null.
 */
public interface SigningKeys {

    /**
     * How long a retired key stays published: the longest validity of an ID or access token (1 day,
     * spec §6.1), plus 5 minutes for verifiers whose clocks run behind.
     */
    Duration RETIRED_KEY_RETENTION = Duration.ofDays(1).plusMinutes(5);

    /**
     * The key that signs {@code userPoolId}'s new tokens of {@code use}, created (2048-bit RSA) on
     * first use. Every caller, on any node, gets the same key until the next {@link #rotate}.
     */
    SigningKey current(String userPoolId, TokenUse use);

    /**
     * The pool's keys that verify tokens: the current key of each use that has one, and the retired
     * keys still within {@link #RETIRED_KEY_RETENTION}, in {@link SigningKey#PUBLICATION_ORDER}.
     * Creates nothing: empty for a pool whose keys were never asked for.
     */
    List<SigningKey> published(String userPoolId);

    /**
     * Replaces the current key of {@code use} with a new one (or creates the first); the replaced
     * key is retired now and stays published for {@link #RETIRED_KEY_RETENTION}. Retired keys past
     * that are deleted. Of several callers rotating at once, each gets a new key, the last one stays
     * current, and all others are retired.
     *
     * @return the key this call made current
     */
    SigningKey rotate(String userPoolId, TokenUse use);

    /** The published key (current, or retired within {@link #RETIRED_KEY_RETENTION}) with this kid, in any pool. */
    Optional<SigningKey> find(String kid);

    /** Deletes every key of the pool (when the pool is deleted): its tokens no longer verify. */
    void deleteAll(String userPoolId);
}

package dev.tobira.core.signin;

import java.util.Optional;

/**
 * Durable token families and refresh tokens (only their hashes), shared by every node, so that a
 * revocation on one node holds on all.
 */
public interface TokenStore {

    /** Stores a new family with its first refresh token, in one transaction. */
    void create(TokenFamily family, RefreshToken refreshToken);

    Optional<TokenFamily> family(String originJti);

    Optional<RefreshToken> refreshToken(String tokenHash);

    /**
     * Rotation: marks {@code oldHash} replaced at {@code at} and stores {@code next} in the same
     * family, in one transaction.
     *
     * @return false, storing nothing, when the old token was already replaced (a racing rotation won)
     */
    boolean replace(String oldHash, RefreshToken next, java.time.Instant at);

    /** Marks the family revoked (idempotent; the first revocation time stays). */
    void revokeFamily(String originJti, java.time.Instant at);

    /** Revokes every family of the user (GlobalSignOut). */
    void revokeUser(String userPoolId, String username, java.time.Instant at);
}

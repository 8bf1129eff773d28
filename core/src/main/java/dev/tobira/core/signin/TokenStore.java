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

    /** Marks the family revoked (idempotent; the first revocation time stays). */
    void revokeFamily(String originJti, java.time.Instant at);

    /** Revokes every family of the user (GlobalSignOut). */
    void revokeUser(String userPoolId, String username, java.time.Instant at);
}

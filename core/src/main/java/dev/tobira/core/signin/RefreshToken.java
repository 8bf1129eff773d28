package dev.tobira.core.signin;

import java.time.Instant;
import java.util.Optional;

/**
 * A refresh token as stored: its SHA-256 (never the token), its family and its lifetime.
 *
 * @param replacedAt when rotation (GetTokensFromRefreshToken) replaced it with a new token, if it did
 */
public record RefreshToken(String tokenHash, String originJti, Instant issuedAt, Instant expiresAt,
        Optional<Instant> replacedAt) {

    /** A token that has not been replaced. */
    public RefreshToken(String tokenHash, String originJti, Instant issuedAt, Instant expiresAt) {
        this(tokenHash, originJti, issuedAt, expiresAt, Optional.empty());
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

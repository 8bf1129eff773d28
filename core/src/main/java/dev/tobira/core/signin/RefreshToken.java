package dev.tobira.core.signin;

import java.time.Instant;

/**
 * A refresh token as stored: its SHA-256 (never the token), its family and its lifetime.
 */
public record RefreshToken(String tokenHash, String originJti, Instant issuedAt, Instant expiresAt) {

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

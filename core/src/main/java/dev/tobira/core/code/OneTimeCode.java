package dev.tobira.core.code;

import java.time.Instant;

/**
 * A code sent to a user, as stored: only its HMAC ({@link CodeHasher}), never the code.
 *
 * @param codeHash the HMAC of the code, lower-case hex
 * @param failedAttempts wrong guesses made against this code while it was active
 */
public record OneTimeCode(
        String userPoolId,
        String username,
        CodePurpose purpose,
        String codeHash,
        Instant issuedAt,
        Instant expiresAt,
        int failedAttempts,
        State state) {

    public enum State {
        /** The one code that can still be used. */
        ACTIVE,
        /** Replaced by a newer code before it was used. */
        SUPERSEDED,
        /** Used once; never again. */
        USED
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

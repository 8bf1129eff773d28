package dev.tobira.core.code;

import java.time.Instant;
import java.util.Optional;

/**
 * A code sent to a user, as stored: only its HMAC ({@link CodeHasher}), never the code.
 *
 * @param codeHash the HMAC of the code, lower-case hex
 * @param failedAttempts wrong guesses made against this code while it was active
 * @param pendingValue for an attribute-verification code: the new value of the attribute that
 *     becomes the user's when the code is used (a pool whose {@code UserAttributeUpdateSettings}
 *     keep the old value until the new one is verified); empty for every other code
 */
public record OneTimeCode(
        String userPoolId,
        String username,
        CodePurpose purpose,
        String codeHash,
        Instant issuedAt,
        Instant expiresAt,
        int failedAttempts,
        State state,
        Optional<String> pendingValue) {

    /** A code that carries no pending value. */
    public OneTimeCode(String userPoolId, String username, CodePurpose purpose, String codeHash, Instant issuedAt,
            Instant expiresAt, int failedAttempts, State state) {
        this(userPoolId, username, purpose, codeHash, issuedAt, expiresAt, failedAttempts, state, Optional.empty());
    }

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

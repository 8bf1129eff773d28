package dev.tobira.core.code;

import java.time.Instant;
import java.util.Optional;

/**
 * Durable one-time codes. Every method is atomic and safe for concurrent use across processes;
 * {@link #consume} succeeds for exactly one caller however many race for the same code.
 */
public interface CodeStore {

    /**
     * Stores {@code code} (state {@code ACTIVE}) as the user's active code for its purpose; an earlier
     * active code for the same user and purpose becomes {@code SUPERSEDED} in the same transaction.
     */
    void issue(OneTimeCode code);

    /** The user's active code for {@code purpose}, if any. */
    Optional<OneTimeCode> active(String userPoolId, String username, CodePurpose purpose);

    /**
     * The code the user was sent for {@code purpose} whose hash is {@code codeHash}, in whatever state;
     * the most recent one if there were several.
     */
    Optional<OneTimeCode> find(String userPoolId, String username, CodePurpose purpose, String codeHash);

    /**
     * Marks the active code {@code USED} if its hash is {@code codeHash} and it has not expired at
     * {@code now}.
     *
     * @return true for exactly one caller; false when there was no such unexpired active code
     */
    boolean consume(String userPoolId, String username, CodePurpose purpose, String codeHash, Instant now);

    /**
     * Counts one wrong guess against the user's active code for {@code purpose}.
     *
     * @return the active code's failed attempts after this one, or 0 when there is no active code
     */
    int recordFailure(String userPoolId, String username, CodePurpose purpose);

    /** Deletes every code of the user (when the user is deleted). */
    void deleteAll(String userPoolId, String username);
}

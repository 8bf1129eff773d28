package dev.tobira.core.session;

import java.util.Optional;

/**
 * Durable pending sign-in steps, keyed by the hash of their session string (never the string).
 * Safe for concurrent use across processes: {@link #consume} returns a session to exactly one caller.
 */
public interface AuthSessionStore {

    /** Stores {@code session} under {@code sessionHash}. */
    void create(String sessionHash, AuthSession session);

    /** The session stored under {@code sessionHash}, if it exists (expired or not). */
    Optional<AuthSession> find(String sessionHash);

    /** Removes and returns the session, for exactly one of several racing callers. */
    Optional<AuthSession> consume(String sessionHash);
}

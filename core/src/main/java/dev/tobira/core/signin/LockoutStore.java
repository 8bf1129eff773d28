package dev.tobira.core.signin;

/**
 * Durable lockout counters, shared by every node, so that a lockout holds whichever node the next
 * attempt reaches.
 */
public interface LockoutStore {

    /** The user's counters; {@link Lockout#NONE} when there are none. */
    Lockout find(String userPoolId, String username);

    /** Replaces the user's counters. */
    void save(String userPoolId, String username, Lockout lockout);
}

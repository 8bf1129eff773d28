package dev.tobira.core.signin;

/**
 * Durable lockout counters, shared by every node, so that a lockout holds whichever node the next
 * attempt reaches.
 */
public interface LockoutStore {

    /** The user's counters; {@link Lockout#NONE} when there are none. */
    Lockout find(String userPoolId, String username);

    /**
     * Replaces the user's counters. Safe for concurrent use: saves racing for one user (even the first
     * ones) all succeed, and one of them is kept.
     */
    void save(String userPoolId, String username, Lockout lockout);
}

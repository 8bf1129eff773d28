package dev.tobira.core.signin;

import java.util.function.UnaryOperator;

/**
 * Durable lockout counters, shared by every node, so that a lockout holds whichever node the next
 * attempt reaches.
 */
public interface LockoutStore {

    /** The user's counters; {@link Lockout#NONE} when there are none. */
    Lockout find(String userPoolId, String username);

    /**
     * Changes the user's counters atomically and returns what was stored. {@code change} is given the
     * current counters ({@link Lockout#NONE} when there are none) and answers the new ones;
     * {@link Lockout#NONE} removes them. Concurrent changes of one user's counters are applied one
     * after another, each to the result of the one before, so that no failure is lost however many
     * attempts race. {@code change} may be called more than once; only its last answer counts.
     */
    Lockout change(String userPoolId, String username, UnaryOperator<Lockout> change);
}

package dev.tobira.core.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A user's failed password proofs, as Cognito counts them (spec §7): after five failures the user is
 * locked out for one second, doubling with each further failure up to about fifteen minutes;
 * attempts during a lockout are refused with "Password attempts exceeded" and do not count; fifteen
 * minutes without any attempt after a lockout start the count again.
 *
 * @param failures failed proofs counted since the last reset
 * @param lockedUntil when the current lockout ends, if there is one
 * @param lastAttempt the last sign-in attempt, which the idle reset is measured from
 */
public record Lockout(int failures, Optional<Instant> lockedUntil, Optional<Instant> lastAttempt) {

    public static final Lockout NONE = new Lockout(0, Optional.empty(), Optional.empty());
    static final int FREE_FAILURES = 5;
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final Duration IDLE_RESET = Duration.ofMinutes(15);

    /** Whether an attempt at {@code now} is refused outright. */
    public boolean locked(Instant now) {
        return lockedUntil.filter(now::isBefore).isPresent();
    }

    /** This state as of an attempt at {@code now}: forgotten after fifteen idle minutes. */
    public Lockout asOf(Instant now) {
        boolean idle = lastAttempt.filter(t -> !now.isBefore(t.plus(IDLE_RESET))).isPresent();
        return idle ? NONE : this;
    }

    /** After an attempt refused because of the lockout: only the idle clock restarts. */
    public Lockout refused(Instant now) {
        return new Lockout(failures, lockedUntil, Optional.of(now));
    }

    /** After a wrong password at {@code now}: one more failure, and from the fifth a lockout of 2^(n−5) s. */
    public Lockout failed(Instant now) {
        int n = failures + 1;
        if (n < FREE_FAILURES) {
            return new Lockout(n, Optional.empty(), Optional.of(now));
        }
        // 2^10 s already exceeds the cap; stopping the shift there also keeps it from overflowing.
        long seconds = Math.min(1L << Math.min(n - FREE_FAILURES, 10), MAX_LOCK.toSeconds());
        return new Lockout(n, Optional.of(now.plusSeconds(seconds)), Optional.of(now));
    }
}

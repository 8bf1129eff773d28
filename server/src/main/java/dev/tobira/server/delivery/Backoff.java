package dev.tobira.server.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a message waits after a failed attempt: {@code first} doubled for each earlier failure,
 * capped at {@code max}, then jittered down by up to half so that messages that failed together (an
 * SMTP server that was down) do not all come back at once. With the defaults, after failure 1, 2, 3, …
 * the wait is 0.5–1 s, 1–2 s, 2–4 s, … 128–256 s, and from the tenth failure on 150–300 s, forever.
 */
public record Backoff(Duration first, Duration max) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < first <= max: " + first + ", " + max);
        }
    }

    /**
     * The wait after the {@code failures}-th failed attempt (1 for the first): in
     * [{@code ceiling/2}, {@code ceiling}] where {@code ceiling = min(first * 2^(failures-1), max)}.
     */
    public Duration after(int failures, RandomGenerator random) {
        long maxMillis = max.toMillis();
        long ceiling = first.toMillis();
        for (int i = 1; i < failures && ceiling < maxMillis; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, maxMillis);
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + random.nextLong(ceiling - floor + 1));
    }
}

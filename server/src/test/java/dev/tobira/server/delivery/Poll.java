package dev.tobira.server.delivery;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something another thread does, with a deadline that only a hung test reaches. */
final class Poll {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    private Poll() {}

    /** Returns once {@code condition} holds; fails the test at the deadline. */
    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still waiting after " + DEADLINE + " for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for: " + what, e);
            }
        }
    }
}

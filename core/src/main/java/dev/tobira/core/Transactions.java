package dev.tobira.core;

import java.util.function.Supplier;

/**
 * Makes several port calls one atomic change: every store write and every message sent inside
 * {@link #inTransaction} commits together, or none does. Calls nest: an inner one joins the outer.
 */
public interface Transactions {

    /**
     * Runs {@code work} in a transaction and returns its result. A {@link RuntimeException} thrown by
     * {@code work} rolls everything back and is rethrown unchanged.
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * For in-memory stores, which write at once and cannot roll back: runs {@code work} directly.
     * Only for tests and single-threaded tools.
     */
    static Transactions direct() {
        return new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };
    }
}

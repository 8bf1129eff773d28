package dev.tobira.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes that many threads make at the same moment, committed together: each caller queues its item
 * and returns once a transaction holding it has committed, as if it had committed alone, but one commit
 * serves every item queued while the previous one was being written.
 *
 * <p>There is no writer thread: the first caller to find no write in progress writes everything queued
 * so far (up to {@code maxBatch} items) in one transaction, and callers that queued meanwhile either
 * find their item written when they get their turn or write the next batch. A commit is most of the
 * cost of a small durable write (H2 writes a chunk of pages for it, PostgreSQL flushes its log), so
 * under load the cost per item falls with the batch's size; a lone caller writes at once, with no wait.
 *
 * <p>A batch that fails is written again item by item, each in its own transaction, so one bad item
 * (a constraint it breaks) fails only its own caller, with its own exception.
 *
 * @param <T> what one caller writes
 */
final class GroupCommit<T> {

    private final Consumer<List<T>> writeInOneTransaction;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    /**
     * @param writeInOneTransaction writes the items it is given and commits them in one transaction,
     *     or throws having committed none of them
     * @param maxBatch the most items one transaction writes
     */
    GroupCommit(Consumer<List<T>> writeInOneTransaction, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
        }
        this.writeInOneTransaction = writeInOneTransaction;
        this.maxBatch = maxBatch;
    }

    /**
     * Writes {@code item}, returning once it is committed.
     *
     * @throws RuntimeException what writing {@code item} alone threw, nothing of it stored; or an
     *     {@link IllegalStateException} when the thread writing its batch failed with an {@link Error}, which
     *     leaves unknown whether it was stored
     */
    void write(T item) {
        Pending<T> mine = new Pending<>(item);
        queue.add(mine);
        writing.lock();
        try {
            // The queue is first in, first out: batches written from here reach this item in the end.
            while (!mine.done) {
                writeNextBatch();
            }
        } finally {
            writing.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** How many items wait for a batch (for tests that arrange callers in a known order). */
    int queued() {
        return queue.size();
    }

    private void writeNextBatch() {
        List<Pending<T>> batch = new ArrayList<>();
        for (Pending<T> next; batch.size() < maxBatch && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        try {
            writeInOneTransaction.accept(batch.stream().map(p -> p.item).toList());
            batch.forEach(p -> p.done = true);
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.getFirst().failure = batchFailed;
                batch.getFirst().done = true;
                return;
            }
            for (Pending<T> p : batch) {
                try {
                    writeInOneTransaction.accept(List.of(p.item));
                } catch (RuntimeException e) {
                    p.failure = e;
                }
                p.done = true;
            }
        } finally {
            // An Error (out of memory) leaves items unwritten: their callers must not wait for them.
            for (Pending<T> p : batch) {
                if (!p.done) {
                    p.failure = new IllegalStateException("The write was abandoned by an error; it may not be stored");
                    p.done = true;
                }
            }
        }
    }

    /** One caller's item; its fields are written under the lock, and its caller reads them after taking it. */
    private static final class Pending<T> {
        final T item;
        boolean done;
        RuntimeException failure;

        Pending(T item) {
            this.item = item;
        }
    }
}

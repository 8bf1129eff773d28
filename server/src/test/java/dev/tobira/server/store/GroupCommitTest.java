package dev.tobira.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** The batches the "transaction" was given, in order, and the items it committed. */
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final Set<String> committed = ConcurrentHashMap.newKeySet();
    private final CountDownLatch firstBatchMayCommit = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    /** Commits its batch unless it holds "bad"; the first batch waits for {@link #firstBatchMayCommit}. */
    private Consumer<List<String>> transaction() {
        return batch -> {
            batches.add(batch);
            if (batches.size() == 1) {
                await(firstBatchMayCommit);
            }
            if (batch.contains("bad")) {
                throw new IllegalArgumentException("bad item");
            }
            committed.addAll(batch);
        };
    }

    @Test
    void writeWhenAloneThenCommittedAtOnceInABatchOfItsOwn() {
        firstBatchMayCommit.countDown();
        GroupCommit<String> commit = new GroupCommit<>(transaction(), 8);
        commit.write("a");
        assertThat(committed).containsExactly("a");
        commit.write("b");
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void writeWhenOthersQueueDuringACommitThenTheyShareTheNextOneAndEachReturnsCommitted() throws Exception {
        GroupCommit<String> commit = new GroupCommit<>(transaction(), 8);
        List<Future<Boolean>> others = queuedDuringTheFirstBatch(commit, List.of("b", "c", "d", "e", "f"));
        for (Future<Boolean> other : others) {
            assertThat(other.get()).isTrue();
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly("first");
        assertThat(batches.get(1)).containsExactlyInAnyOrder("b", "c", "d", "e", "f");
    }

    @Test
    void writeWhenABatchFailsThenOnlyTheBadItemsCallerFailsAndTheOthersAreCommitted() throws Exception {
        GroupCommit<String> commit = new GroupCommit<>(transaction(), 8);
        List<Future<Boolean>> others = queuedDuringTheFirstBatch(commit, List.of("b", "bad", "c"));
        List<Object> outcomes = new ArrayList<>();
        for (Future<Boolean> other : others) {
            try {
                outcomes.add(other.get());
            } catch (java.util.concurrent.ExecutionException e) {
                outcomes.add(e.getCause().getMessage());
            }
        }
        assertThat(outcomes).containsExactlyInAnyOrder(true, true, "bad item");
        assertThat(committed).containsExactlyInAnyOrder("first", "b", "c");
        // The shared batch failed, then each of its items was written alone.
        assertThat(batches.subList(2, batches.size())).containsExactlyInAnyOrder(List.of("b"), List.of("bad"),
                List.of("c"));
    }

    @Test
    void writeWhenAloneAndBadThenItsOwnExceptionAndTheTransactionRanOnce() {
        firstBatchMayCommit.countDown();
        GroupCommit<String> commit = new GroupCommit<>(transaction(), 8);
        assertThatThrownBy(() -> commit.write("bad")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad item");
        assertThat(batches).containsExactly(List.of("bad"));
        assertThat(committed).isEmpty();
    }

    @Test
    void writeWhenMoreQueueThanABatchHoldsThenSeveralBatchesOfAtMostMaxBatch() throws Exception {
        GroupCommit<String> commit = new GroupCommit<>(transaction(), 2);
        List<Future<Boolean>> others = queuedDuringTheFirstBatch(commit, List.of("b", "c", "d", "e", "f"));
        for (Future<Boolean> other : others) {
            assertThat(other.get()).isTrue();
        }
        assertThat(committed).containsExactlyInAnyOrder("first", "b", "c", "d", "e", "f");
        assertThat(batches.subList(1, batches.size())).allSatisfy(b -> assertThat(b).hasSizeBetween(1, 2));
        assertThat(batches.subList(1, batches.size()).stream().mapToInt(List::size).sum()).isEqualTo(5);
    }

    @Test
    void constructorWhenMaxBatchBelowOneThenRefused() {
        assertThatThrownBy(() -> new GroupCommit<String>(batch -> {}, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Writes {@code item}; true when it was committed by the time write returned. */
    private Boolean writeAndCheck(GroupCommit<String> commit, String item) {
        commit.write(item);
        return committed.contains(item);
    }

    /**
     * Writes "first", holds its batch open until a caller per item has queued behind it, then lets it
     * commit; returns those callers' outcomes.
     */
    private List<Future<Boolean>> queuedDuringTheFirstBatch(GroupCommit<String> commit, List<String> items)
            throws Exception {
        Future<Boolean> first = callers.submit(() -> writeAndCheck(commit, "first"));
        while (batches.isEmpty()) {
            Thread.onSpinWait();
        }
        List<Future<Boolean>> futures = new ArrayList<>();
        for (String item : items) {
            futures.add(callers.submit(() -> writeAndCheck(commit, item)));
        }
        while (commit.queued() < items.size()) {
            Thread.onSpinWait();
        }
        firstBatchMayCommit.countDown();
        assertThat(first.get()).isTrue();
        return futures;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.tobira.bench.sidebyside;

import dev.tobira.bench.SignInLoad;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: one thread per connection runs its operation again and again, each time as soon as
 * the last one finished, for a warm-up that is not counted and then a measured window. An operation
 * that throws is an error and is not retried.
 */
final class ClosedLoop {

    /** One complete operation of a flow (one or more HTTP requests); throws when it did not complete. */
    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }

    /**
     * A flow's measured window. Latencies are sorted, in nanoseconds; {@code serverCpuNanos} is the CPU
     * the system's process used in the window (-1 when unknown); {@code rssBytes} its resident memory at
     * the end of the window (-1 when unknown).
     */
    record Measurement(long operations, long errors, Map<String, Long> errorKinds, double seconds,
            long[] latencies, long serverCpuNanos, long rssBytes) {

        Measurement {
            errorKinds = Map.copyOf(errorKinds);
        }

        double perSecond() {
            return operations / seconds;
        }

        /** The p-th percentile latency in milliseconds (nearest rank), NaN without operations. */
        double percentileMillis(double p) {
            return SignInLoad.percentileMillis(latencies, p);
        }

        /** Server CPU milliseconds per completed operation, NaN when unknown. */
        double cpuMillisPerOperation() {
            return serverCpuNanos < 0 || operations == 0 ? Double.NaN : serverCpuNanos / 1e6 / operations;
        }
    }

    private ClosedLoop() {}

    /**
     * Runs {@code operations} (one per connection, each on its own thread) for {@code warmup}, then for
     * {@code measured}; {@code system} is read for CPU and memory at the window's edges. Operations under
     * way when the window closes still count, so the window ends when the last one returned.
     */
    static Measurement run(List<Operation> operations, Duration warmup, Duration measured, SystemProcess system)
            throws InterruptedException {
        int connections = operations.size();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + measured.toNanos();
        AtomicLong errors = new AtomicLong();
        Map<String, Long> errorKinds = new ConcurrentHashMap<>();
        long[][] latencies = new long[connections][];
        CountDownLatch done = new CountDownLatch(connections);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int id = c;
            Operation operation = operations.get(c);
            Thread thread = new Thread(() -> {
                long[] lat = new long[1024];
                int n = 0;
                try {
                    while (true) {
                        long begin = System.nanoTime();
                        if (begin >= measureTo) {
                            break;
                        }
                        boolean counted = begin >= measureFrom;
                        try {
                            operation.run();
                            if (counted) {
                                if (n == lat.length) {
                                    lat = Arrays.copyOf(lat, n * 2);
                                }
                                lat[n++] = System.nanoTime() - begin;
                            }
                        } catch (Exception e) {
                            if (counted) {
                                errors.incrementAndGet();
                                String kind = e instanceof PlainCall.Refused r ? r.type : e.getClass().getSimpleName();
                                errorKinds.merge(kind, 1L, Long::sum);
                            }
                        }
                    }
                } finally {
                    latencies[id] = Arrays.copyOf(lat, n);
                    done.countDown();
                }
            }, "load-" + c);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        long cpuFrom = system.cpuNanos();
        long wallFrom = System.nanoTime();
        done.await();
        long wallTo = System.nanoTime();
        long cpuTo = system.cpuNanos();
        long rss = system.rssBytes();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Measurement(all.length, errors.get(), new TreeMap<>(errorKinds),
                Math.max(1e-9, (wallTo - wallFrom) / 1e9), all,
                cpuFrom < 0 || cpuTo < 0 ? -1 : cpuTo - cpuFrom, rss);
    }
}

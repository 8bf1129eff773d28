package dev.tobira.server.delivery;

import dev.tobira.core.message.Message;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Delivers the messages of table {@code outbox} through a {@link Transport}: oldest first (by id),
 * each until it is delivered, however long that takes.
 *
 * <h2>Claiming</h2>
 * Any number of workers, in any number of processes, may share one database. A worker claims a due
 * row with one conditional UPDATE that increments {@code attempts} and sets {@code locked_until} to
 * now + {@link #LEASE}, matching the {@code attempts} it read and an absent or lapsed lease. Both
 * PostgreSQL and H2 re-check the condition after waiting for a concurrent writer of the row, so
 * exactly one claim succeeds; the other sees 0 rows and moves on. The {@code attempts} value a worker
 * set is its claim: it records a failure only while the row still carries it. Delivery itself runs
 * outside any transaction, so no row lock and no connection is held during an SMTP or HTTP call
 * ({@code SELECT … FOR UPDATE SKIP LOCKED}, which both databases support, would hold both). A worker
 * that dies mid-delivery leaves a lease that lapses after {@link #LEASE}; the message is then tried
 * again. So delivery is at least once: a crash after a transport accepted a message and before the row
 * was marked may send it twice, and nothing else does.
 *
 * <h2>Failures</h2>
 * A failed attempt is recorded in {@code last_error} ({@link FailureText}: no subject, body or html) and
 * the row waits {@link Backoff#DEFAULT} (1 s doubling, capped at 5 minutes, jittered); there is no
 * limit on attempts, so no message is ever dropped, and a failing message does not hold up the others.
 *
 * <h2>Delivered rows</h2>
 * A delivered row keeps its recipient, subject, attempts and times for {@link #RETENTION}, for
 * diagnosis, but its body and html are erased at once: they carry codes and temporary passwords, which
 * need not outlive their delivery. Rows delivered longer ago are deleted, at most once an hour.
 *
 * <h2>Scheduling</h2>
 * As a {@link SmartLifecycle} bean the worker runs one thread that drains due messages every
 * {@link #POLL_INTERVAL} and whenever {@link #nudge}d (after an outbox commit in this process). It
 * starts before the web server and stops after it; stopping waits for the delivery in flight.
 *
 * <h2>Metrics</h2>
 * Each delivery counts in {@value #DELIVERED} and times, from the message's creation, in
 * {@value #DELIVERY_DELAY}; each failed attempt counts in {@value #FAILED}; all by channel only (never
 * a recipient).
 */
public final class OutboxWorker implements SmartLifecycle {

    public static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    /** Longer than any one delivery can take: the transports' connect, read and call timeouts are shorter. */
    public static final Duration LEASE = Duration.ofMinutes(5);
    public static final Duration RETENTION = Duration.ofDays(7);
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration ERROR_LOG_INTERVAL = Duration.ofMinutes(1);
    private static final int BATCH = 20;

    public static final String DELIVERED = "tobira.messages.delivered";
    public static final String FAILED = "tobira.messages.failed";
    public static final String DELIVERY_DELAY = "tobira.messages.delivery.delay";

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final JdbcClient jdbc;
    private final Transport transport;
    private final Clock clock;
    private final Backoff backoff;
    private final RandomGenerator random;
    private final Duration pollInterval;
    private final MeterRegistry metrics;

    /** Held while delivering: one delivery at a time per worker, and {@link #deliverPendingNow} waits its turn. */
    private final ReentrantLock delivering = new ReentrantLock();
    private final Object wakeUp = new Object();
    private boolean nudged;
    private volatile boolean running;
    private Thread thread;
    private long nextPurge;
    private long nextErrorLog;

    public OutboxWorker(DataSource dataSource, Transport transport, Clock clock) {
        this(dataSource, transport, clock, new CompositeMeterRegistry());
    }

    /** @param metrics where deliveries and failed attempts are counted */
    public OutboxWorker(DataSource dataSource, Transport transport, Clock clock, MeterRegistry metrics) {
        this(dataSource, transport, clock, Backoff.DEFAULT, RandomGenerator.getDefault(), POLL_INTERVAL, metrics);
    }

    OutboxWorker(DataSource dataSource, Transport transport, Clock clock, Backoff backoff, RandomGenerator random,
            Duration pollInterval) {
        this(dataSource, transport, clock, backoff, random, pollInterval, new CompositeMeterRegistry());
    }

    OutboxWorker(DataSource dataSource, Transport transport, Clock clock, Backoff backoff, RandomGenerator random,
            Duration pollInterval, MeterRegistry metrics) {
        this.metrics = metrics;
        this.jdbc = JdbcClient.create(dataSource);
        this.transport = transport;
        this.clock = clock;
        this.backoff = backoff;
        this.random = random;
        this.pollInterval = pollInterval;
    }

    /** Wakes the worker's thread to look for due messages now; cheap, and harmless when there are none. */
    public void nudge() {
        synchronized (wakeUp) {
            nudged = true;
            wakeUp.notifyAll();
        }
    }

    /**
     * Delivers, in the calling thread, every message that is due now, after waiting for this worker's
     * delivery in flight (if any) to finish; returns how many it delivered. A message that fails waits
     * for its backoff as usual. Rows claimed by other processes are left to them. The dev outbox
     * endpoint calls this so that a message is listed as soon as the change that sent it returned.
     */
    public int deliverPendingNow() {
        delivering.lock();
        try {
            return drain(false);
        } finally {
            delivering.unlock();
        }
    }

    private record Pending(long id, Message message, int attempts) {}

    private int drain(boolean background) {
        int delivered = 0;
        while (true) {
            long now = clock.millis();
            List<Pending> due = jdbc.sql("""
                            SELECT id, channel, recipient, subject, body, html, created_at, attempts, sender, message_id FROM outbox
                            WHERE delivered_at IS NULL AND next_attempt_at <= :now
                              AND (locked_until IS NULL OR locked_until <= :now)
                            ORDER BY id LIMIT :batch""")
                    .param("now", now)
                    .param("batch", BATCH)
                    .query(OutboxWorker::pending)
                    .list();
            for (Pending pending : due) {
                if (background && !running) {
                    return delivered;
                }
                if (claim(pending) && attempt(pending)) {
                    delivered++;
                }
            }
            if (due.size() < BATCH) {
                return delivered;
            }
        }
    }

    private static Pending pending(ResultSet rs, int row) throws SQLException {
        Message message = new Message(Message.Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), rs.getString("html"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("sender"), rs.getString("message_id"));
        return new Pending(rs.getLong("id"), message, rs.getInt("attempts"));
    }

    private boolean claim(Pending pending) {
        long now = clock.millis();
        return jdbc.sql("""
                        UPDATE outbox SET attempts = attempts + 1, locked_until = :lease
                        WHERE id = :id AND attempts = :attempts AND delivered_at IS NULL
                          AND (locked_until IS NULL OR locked_until <= :now)""")
                .param("lease", now + LEASE.toMillis())
                .param("id", pending.id())
                .param("attempts", pending.attempts())
                .param("now", now)
                .update() == 1;
    }

    /** Delivers a claimed row and records the outcome; returns whether it was delivered. */
    private boolean attempt(Pending pending) {
        try {
            transport.deliver(pending.message());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable failure) {
            recordFailure(pending, failure);
            Counter.builder(FAILED).description("Outbox delivery attempts that failed (each is retried)")
                    .tag("channel", pending.message().channel().name()).register(metrics).increment();
            return false;
        }
        long now = clock.millis();
        Counter.builder(DELIVERED).description("Outbox messages delivered")
                .tag("channel", pending.message().channel().name()).register(metrics).increment();
        Timer.builder(DELIVERY_DELAY).description("From a message's creation to its delivery")
                .tag("channel", pending.message().channel().name())
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
                        Duration.ofMinutes(30))
                .register(metrics)
                .record(Duration.ofMillis(Math.max(0, now - pending.message().createdAt().toEpochMilli())));
        jdbc.sql("""
                        UPDATE outbox SET delivered_at = :now, locked_until = NULL, body = '', html = ''
                        WHERE id = :id AND delivered_at IS NULL""")
                .param("now", now)
                .param("id", pending.id())
                .update();
        return true;
    }

    private void recordFailure(Pending pending, Throwable failure) {
        int attempts = pending.attempts() + 1;
        Duration wait = backoff.after(attempts, random);
        String error = FailureText.of(failure, pending.message());
        jdbc.sql("""
                        UPDATE outbox SET next_attempt_at = :next, locked_until = NULL, last_error = :error
                        WHERE id = :id AND attempts = :attempts AND delivered_at IS NULL""")
                .param("next", clock.millis() + wait.toMillis())
                .param("error", error)
                .param("id", pending.id())
                .param("attempts", attempts)
                .update();
        log.warn("Outbox message {} ({}) not delivered, attempt {}; next attempt in {} ms: {}", pending.id(),
                pending.message().channel(), attempts, wait.toMillis(), error);
    }

    private void purgeIfDue() {
        long now = clock.millis();
        if (now < nextPurge) {
            return;
        }
        nextPurge = now + PURGE_INTERVAL.toMillis();
        int deleted = purgeDelivered();
        if (deleted > 0) {
            log.debug("Deleted {} outbox rows delivered more than {} ago", deleted, RETENTION);
        }
    }

    /** Deletes the rows delivered more than {@link #RETENTION} ago; returns how many. */
    int purgeDelivered() {
        return jdbc.sql("DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < :cutoff")
                .param("cutoff", clock.millis() - RETENTION.toMillis())
                .update();
    }

    private void run() {
        while (running) {
            delivering.lock();
            try {
                if (running) {
                    drain(true);
                    purgeIfDue();
                }
            } catch (RuntimeException e) {
                // The database is unreachable, most likely: keep polling, and say so now and then, not twice a second.
                long now = clock.millis();
                if (now >= nextErrorLog) {
                    nextErrorLog = now + ERROR_LOG_INTERVAL.toMillis();
                    log.warn("Outbox worker cannot read the outbox; retrying every {} ms: {}", pollInterval.toMillis(),
                            e.toString());
                }
            } finally {
                delivering.unlock();
            }
            awaitNudge();
        }
    }

    private void awaitNudge() {
        long deadline = System.nanoTime() + pollInterval.toNanos();
        synchronized (wakeUp) {
            try {
                long left;
                while (!nudged && running && (left = deadline - System.nanoTime()) > 0) {
                    wakeUp.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            nudged = false;
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "tobira-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops polling, waiting for the delivery in flight to finish. Undelivered messages stay in the outbox. */
    @Override
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        running = false;
        nudge();
        try {
            thread.join(STOP_TIMEOUT);
            if (thread.isAlive()) {
                log.warn("Outbox worker still delivering after {}; interrupting it", STOP_TIMEOUT);
                thread.interrupt();
                thread.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Below the web server's phases: started before it accepts requests, stopped after it has drained them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public String toString() {
        return "OutboxWorker[" + transport + "]";
    }
}

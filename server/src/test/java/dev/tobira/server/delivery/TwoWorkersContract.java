package dev.tobira.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.Transactions;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.Message.Channel;
import dev.tobira.server.store.JdbcStores;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Several Tobira processes on one database: each with its own connection pool and worker, all
 * delivering from the same outbox. Every message must be delivered exactly once.
 */
abstract class TwoWorkersContract {

    private static final int MESSAGES = 200;

    /** A new connection pool on the shared, migrated database; the first call of a test finds its outbox empty. */
    protected abstract HikariDataSource newDataSource();

    @Test
    void workersWhenSharingOneDatabaseThenEachMessageIsDeliveredExactlyOnce() throws Exception {
        RecordingTransport transport = new RecordingTransport();
        // Yield inside delivery, so that the workers interleave between claim and record.
        Transport yielding = message -> {
            Thread.yield();
            transport.deliver(message);
        };
        List<HikariDataSource> pools = List.of(newDataSource(), newDataSource());
        List<OutboxWorker> workers = pools.stream()
                .map(pool -> new OutboxWorker(pool, yielding, Clock.systemUTC())).toList();
        try {
            Transactions transactions = JdbcStores.create(pools.getFirst()).transactions();
            JdbcOutbox outbox = new JdbcOutbox(pools.getFirst(), Set.of(Channel.EMAIL), Clock.systemUTC(), () -> { });
            for (int i = 0; i < MESSAGES; i++) {
                String to = "user" + i + "@example.com";
                transactions.inTransaction(() -> {
                    outbox.send(new Message(Channel.EMAIL, to, "Code", "Code " + to, Instant.now()));
                    return null;
                });
            }

            workers.forEach(OutboxWorker::start);
            // And synchronous drains from request threads at the same time, as the dev outbox endpoint does.
            try (ExecutorService requests = Executors.newFixedThreadPool(4)) {
                List<Future<Integer>> drains = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    OutboxWorker worker = workers.get(i % 2);
                    drains.add(requests.submit(worker::deliverPendingNow));
                }
                for (Future<Integer> drain : drains) {
                    drain.get();
                }
            }
            Poll.until("every message delivered", () -> OutboxRows.all(pools.getFirst()).stream()
                    .allMatch(row -> row.deliveredAt() != null));
        } finally {
            workers.forEach(OutboxWorker::stop);
            pools.forEach(HikariDataSource::close);
        }

        Map<String, Long> deliveries = transport.delivered().stream()
                .collect(Collectors.groupingBy(Message::to, Collectors.counting()));
        assertThat(deliveries).hasSize(MESSAGES);
        assertThat(deliveries.values()).allMatch(count -> count == 1);
        assertThat(transport.delivered()).hasSize(MESSAGES);
    }

}

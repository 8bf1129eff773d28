package dev.tobira.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox as seen from the database, so every node reports the same, cluster-wide values (read at
 * each scrape): {@value #DEPTH}, how many messages wait for delivery, and {@value #OLDEST_AGE}, how
 * long the oldest of them has waited (0 when none waits). Deliveries and failed attempts are counted by
 * the {@link dev.tobira.server.delivery.OutboxWorker} of each node.
 */
public final class OutboxMetrics implements MeterBinder {

    static final String DEPTH = "tobira.outbox.pending";
    static final String OLDEST_AGE = "tobira.outbox.oldest.age";

    private final JdbcClient jdbc;
    private final Clock clock;

    public OutboxMetrics(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(DEPTH, this, OutboxMetrics::pending)
                .description("Messages in the outbox not yet delivered")
                .register(registry);
        Gauge.builder(OLDEST_AGE, this, OutboxMetrics::oldestAgeSeconds)
                .description("How long the oldest undelivered message has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    private double pending() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL").query(Long.class).single();
    }

    private double oldestAgeSeconds() {
        long oldest = jdbc.sql("SELECT COALESCE(MIN(created_at), -1) FROM outbox WHERE delivered_at IS NULL")
                .query(Long.class).single();
        return oldest < 0 ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
    }
}

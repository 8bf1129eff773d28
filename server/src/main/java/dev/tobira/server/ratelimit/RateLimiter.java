package dev.tobira.server.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts hits per bucket in the database (table {@code rate_limits}), so that every node behind a
 * load balancer sees the same counts; the web app's form posts and the Cognito API's calls both go
 * through it, in buckets of their own. Hits are counted per calendar minute, and a hit is allowed
 * while the count over the last sixty seconds, estimated from this minute's hits and the share of
 * last minute's that falls within them, is within the limit: a sliding window, so that a burst across
 * a minute's edge is limited as one inside a minute is, at the cost of one row per bucket and minute.
 *
 * <p>Buckets are stored as their kind and a SHA-256 of their key: no client address or username is
 * kept in clear, and a key of any length (a forwarded address is whatever a proxy passed on) fits.
 * The counts are shared, not transactional: a hit is counted, read and, when refused, taken back
 * in separate statements, each seeing what the other nodes have counted by then.
 */
public final class RateLimiter {

    private static final long MINUTE = 60_000;

    /** What happens to a refused hit. */
    public enum Refusals {
        /**
         * A refused hit counts like any other: a client that keeps trying stays refused until it pauses
         * for a minute. For a person at a form, who has no reason to keep posting.
         */
        COUNTED,
        /**
         * A refused hit leaves every count as it was: whoever goes over a limit still gets the limit's
         * worth a minute, and one limit's refusal costs nothing on the others. For an API shared by
         * many clients behind one address, whose SDKs retry refusals.
         */
        NOT_COUNTED
    }

    /**
     * At most {@code perMinute} hits in any sixty seconds on the bucket {@code kind} and {@code key}.
     *
     * @param kind what is counted and for whom, e.g. {@code api:address}: lower-case words and colons
     * @param key which one, e.g. the client address; stored only as a hash
     * @param perMinute at least 1
     */
    public record Limit(String kind, String key, int perMinute) {

        public Limit {
            if (!kind.matches("[a-z]+(:[a-z]+)*") || kind.length() > 30) {
                throw new IllegalArgumentException("a bucket kind is lower-case words and colons, not " + kind);
            }
            if (perMinute < 1) {
                throw new IllegalArgumentException("a rate limit must be at least 1 a minute, not " + perMinute);
            }
        }

        /** Hits from one client address, in {@code scope} ({@code web}, {@code api}). */
        public static Limit perAddress(String scope, String address, int perMinute) {
            return new Limit(scope + ":address", address, perMinute);
        }

        /**
         * Hits naming one username among those of {@code namespace} (a user pool): the same name in
         * another pool is another bucket. Names compare stripped and case-insensitively, which at worst
         * counts two users of a case-sensitive pool together.
         */
        public static Limit perUsername(String scope, String namespace, String username, int perMinute) {
            return new Limit(scope + ":username", namespace + "\n" + username.strip().toLowerCase(Locale.ROOT),
                    perMinute);
        }

        String bucket() {
            return kind + ":" + sha256(key);
        }

        /** Never shows the key: it may be a username. */
        @Override
        public String toString() {
            return "Limit[" + kind + ", " + perMinute + " a minute]";
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AtomicLong sweptWindow = new AtomicLong(Long.MIN_VALUE);

    public RateLimiter(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    /**
     * Counts one hit on the bucket of every limit in {@code limits}; whether each is within its limit.
     * With {@link Refusals#NOT_COUNTED} a hit that any limit refuses is taken back from every bucket.
     * Two hits racing for the last place may both be refused; more than a limit's worth is never let
     * through. No limits: allowed, and nothing is counted.
     */
    public boolean allow(List<Limit> limits, Refusals refusals) {
        if (limits.isEmpty()) {
            return true;
        }
        long millis = clock.millis();
        long window = millis / MINUTE;
        sweep(window);
        // In one order everywhere, so that two hits counting the same rows never wait on each other's locks.
        Map<String, Integer> buckets = new TreeMap<>();
        for (Limit limit : limits) {
            buckets.merge(limit.bucket(), limit.perMinute(), Math::min);
        }
        List<String> names = List.copyOf(buckets.keySet());
        hit(names, window);
        Map<String, Hits> hits = hits(names, window);
        double lastMinuteShare = (double) (MINUTE - millis % MINUTE) / MINUTE;
        boolean allowed = buckets.entrySet().stream().allMatch(limit -> {
            Hits counted = hits.getOrDefault(limit.getKey(), Hits.NONE);
            return counted.current() + counted.previous() * lastMinuteShare <= limit.getValue();
        });
        if (!allowed && refusals == Refusals.NOT_COUNTED) {
            jdbc.sql("UPDATE rate_limits SET hits = hits - 1 WHERE window_start = :window AND bucket IN (:buckets)")
                    .param("window", window).param("buckets", names).update();
        }
        return allowed;
    }

    private record Hits(int current, int previous) {
        static final Hits NONE = new Hits(0, 0);
    }

    /** Counts one hit on each bucket in this minute's row, making the rows that do not exist yet. */
    private void hit(List<String> buckets, long window) {
        // The usual case, every row there, is one commit; the update counts say which rows were missing.
        List<String> missing = tx.execute(status -> buckets.stream().filter(bucket -> increment(bucket, window) == 0)
                .toList());
        for (String bucket : missing) {
            // Outside the transaction: on PostgreSQL a failed INSERT would spoil it.
            try {
                jdbc.sql("INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 1)")
                        .params(bucket, window).update();
            } catch (DuplicateKeyException raced) {
                // Another node made this minute's row first: count on it.
                increment(bucket, window);
            }
        }
    }

    private int increment(String bucket, long window) {
        return jdbc.sql("UPDATE rate_limits SET hits = hits + 1 WHERE bucket = ? AND window_start = ?")
                .params(bucket, window).update();
    }

    /** This minute's and last minute's hits of each bucket that has any. */
    private Map<String, Hits> hits(List<String> buckets, long window) {
        record Row(String bucket, long window, int hits) {}
        List<Row> rows = jdbc.sql("SELECT bucket, window_start, hits FROM rate_limits "
                        + "WHERE bucket IN (:buckets) AND window_start IN (:previous, :current)")
                .param("buckets", buckets).param("previous", window - 1).param("current", window)
                .query((row, n) -> new Row(row.getString("bucket"), row.getLong("window_start"), row.getInt("hits")))
                .list();
        Map<String, Hits> hits = new LinkedHashMap<>();
        for (Row row : rows) {
            Hits before = hits.getOrDefault(row.bucket(), Hits.NONE);
            hits.put(row.bucket(), row.window() == window ? new Hits(row.hits(), before.previous())
                    : new Hits(before.current(), row.hits()));
        }
        return hits;
    }

    /** Once a minute on each node, drops the windows that can no longer matter. */
    private void sweep(long window) {
        if (sweptWindow.getAndSet(window) != window) {
            jdbc.sql("DELETE FROM rate_limits WHERE window_start < ?").params(window - 1).update();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

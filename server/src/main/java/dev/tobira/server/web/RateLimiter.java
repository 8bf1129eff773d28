package dev.tobira.server.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts form posts per client address and per username in the database (table
 * {@code web_rate_limits}), so that every node behind a load balancer sees the same counts. Posts are
 * counted per calendar minute, and a post is allowed while the count over the last sixty seconds,
 * estimated from this minute's posts and the share of last minute's that falls within them, is within
 * the limit: a sliding window, so that a burst across a minute's edge is limited as one inside a
 * minute is, at the cost of one row per bucket and minute. Usernames are kept only as a SHA-256 hash.
 */
public final class RateLimiter {

    private static final long MINUTE = 60_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    public RateLimiter(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** Counts one post from {@code address}; whether it is within {@code perMinute}. */
    public boolean allowAddress(String address, int perMinute) {
        return allow("ip:" + address, perMinute);
    }

    /** Counts one post naming {@code username} (case-insensitive); whether it is within {@code perMinute}. */
    public boolean allowUsername(String username, int perMinute) {
        return allow("user:" + sha256(username.strip().toLowerCase(Locale.ROOT)), perMinute);
    }

    /** Counts one hit on {@code bucket}; whether the hits of the last sixty seconds are within {@code limit}. */
    boolean allow(String bucket, int limit) {
        long millis = clock.millis();
        long window = millis / MINUTE;
        // Each statement commits on its own: on PostgreSQL a failed INSERT would spoil a surrounding transaction.
        if (increment(bucket, window) == 0) {
            try {
                jdbc.sql("INSERT INTO web_rate_limits (bucket, window_start, hits) VALUES (?, ?, 1)")
                        .params(bucket, window).update();
            } catch (DuplicateKeyException raced) {
                // Another node made this minute's row first: count on it.
                increment(bucket, window);
            }
        }
        int hits = hits(bucket, window);
        if (hits == 1) {
            // First post of a bucket this minute: a cheap moment to drop windows that can no longer matter.
            jdbc.sql("DELETE FROM web_rate_limits WHERE window_start < ?").params(window - 1).update();
        }
        double lastMinuteShare = (double) (MINUTE - millis % MINUTE) / MINUTE;
        return hits + hits(bucket, window - 1) * lastMinuteShare <= limit;
    }

    private int hits(String bucket, long window) {
        return jdbc.sql("SELECT hits FROM web_rate_limits WHERE bucket = ? AND window_start = ?")
                .params(bucket, window).query(Integer.class).optional().orElse(0);
    }

    private int increment(String bucket, long window) {
        return jdbc.sql("UPDATE web_rate_limits SET hits = hits + 1 WHERE bucket = ? AND window_start = ?")
                .params(bucket, window).update();
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

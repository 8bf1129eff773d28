package dev.tobira.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.server.ratelimit.RateLimiter.Limit;
import dev.tobira.server.ratelimit.RateLimiter.Refusals;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rate limits, counted in the database so that every node sees the same counts; run on H2 and on
 * PostgreSQL. Each limiter here is a node of its own, told the time by a fixed clock.
 */
abstract class RateLimiterContract {

    private static final Instant MINUTE = Instant.parse("2026-01-01T10:00:00Z");

    private HikariDataSource database;

    /** A connection pool on a migrated database with no counts in it. */
    protected abstract HikariDataSource newDatabase();

    @BeforeEach
    void open() {
        database = newDatabase();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private RateLimiter at(Instant now) {
        return new RateLimiter(database, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static boolean address(RateLimiter limiter, String address, int perMinute) {
        return limiter.allow(List.of(Limit.perAddress("web", address, perMinute)), Refusals.COUNTED);
    }

    private static boolean username(RateLimiter limiter, String pool, String username, int perMinute) {
        return limiter.allow(List.of(Limit.perUsername("web", pool, username, perMinute)), Refusals.COUNTED);
    }

    private long storedHits() {
        return JdbcClient.create(database).sql("SELECT COALESCE(SUM(hits), 0) FROM rate_limits").query(Long.class)
                .single();
    }

    @Test
    void allowWhenOverTheLimitThenRefusedAndAnotherAddressIsNot() {
        RateLimiter limiter = at(MINUTE);

        assertThat(IntStream.range(0, 3).mapToObj(i -> address(limiter, "192.0.2.1", 3)))
                .containsExactly(true, true, true);
        assertThat(address(limiter, "192.0.2.1", 3)).isFalse();
        assertThat(address(limiter, "192.0.2.2", 3)).isTrue();
    }

    @Test
    void allowWhenTwoNodesShareTheDatabaseThenTheyShareTheCount() {
        RateLimiter one = at(MINUTE.plusSeconds(1));
        RateLimiter two = at(MINUTE.plusSeconds(2));

        assertThat(username(one, "pool", "alice@example.com", 2)).isTrue();
        assertThat(username(two, "pool", "alice@example.com", 2)).isTrue();

        assertThat(username(one, "pool", "alice@example.com", 2)).isFalse();
        assertThat(username(two, "pool", "ALICE@example.com ", 2)).as("same user, other spelling").isFalse();
    }

    @Test
    void allowWhenTheSameNameIsInAnotherPoolOrScopeThenCountedApart() {
        RateLimiter limiter = at(MINUTE);
        assertThat(username(limiter, "us-east-1_One", "alice", 1)).isTrue();
        assertThat(username(limiter, "us-east-1_One", "alice", 1)).isFalse();

        assertThat(username(limiter, "us-east-1_Two", "alice", 1)).as("another pool").isTrue();
        assertThat(limiter.allow(List.of(Limit.perUsername("api", "us-east-1_One", "alice", 1)), Refusals.COUNTED))
                .as("another scope (the API beside the web app)").isTrue();
    }

    @Test
    void allowWhenABurstCrossesAMinutesEdgeThenLimitedAsWithinAMinute() {
        assertThat(IntStream.range(0, 3).mapToObj(i -> address(at(MINUTE.plusSeconds(59)), "192.0.2.7", 3)))
                .containsExactly(true, true, true);

        // Two seconds later, in the next calendar minute, the last sixty seconds already hold three posts.
        assertThat(address(at(MINUTE.plusSeconds(61)), "192.0.2.7", 3)).isFalse();
        // Fifty seconds on, only a sixth of the earlier minute still counts: 0.5 + 2 posts.
        assertThat(address(at(MINUTE.plusSeconds(110)), "192.0.2.7", 3)).isTrue();
    }

    @Test
    void allowWhenAFullMinuteHasPassedThenAllowedAgainAndOldWindowsAreDropped() {
        RateLimiter now = at(MINUTE);
        address(now, "192.0.2.9", 1);
        assertThat(address(now, "192.0.2.9", 1)).isFalse();

        assertThat(address(at(MINUTE.plusSeconds(60)), "192.0.2.9", 1)).as("the last sixty seconds are full")
                .isFalse();
        // A refused post counts too: a client that keeps trying stays refused until it pauses a full minute.
        assertThat(address(at(MINUTE.plusSeconds(120)), "192.0.2.9", 1)).isFalse();
        assertThat(address(at(MINUTE.plusSeconds(240)), "192.0.2.9", 1)).isTrue();
        address(at(MINUTE.plusSeconds(360)), "192.0.2.10", 1);

        assertThat(JdbcClient.create(database).sql("SELECT COUNT(*) FROM rate_limits").query(Long.class).single())
                .as("only the current and the previous minute are kept").isEqualTo(1);
    }

    @Test
    void allowWhenRefusalsAreNotCountedThenAClientOverTheLimitGetsTheLimitsWorthEachMinute() {
        RateLimiter now = at(MINUTE);
        List<Limit> limit = List.of(Limit.perAddress("api", "198.51.100.1", 3));
        assertThat(IntStream.range(0, 13).mapToObj(i -> now.allow(limit, Refusals.NOT_COUNTED)))
                .containsExactly(true, true, true, false, false, false, false, false, false, false, false, false, false);
        assertThat(storedHits()).as("the ten refusals left no trace").isEqualTo(3);

        // Half of the last minute's three still count: 1.5 + 1 ≤ 3. Had the refusals counted, 6.5 + 1 would not.
        assertThat(at(MINUTE.plusSeconds(90)).allow(limit, Refusals.NOT_COUNTED)).isTrue();
    }

    @Test
    void allowWhenOneOfTwoLimitsRefusesThenNeitherBucketCountsTheHit() {
        RateLimiter now = at(MINUTE);
        String address = "198.51.100.2";
        assertThat(now.allow(List.of(Limit.perAddress("api", address, 3),
                Limit.perUsername("api", "pool", "ren", 1)), Refusals.NOT_COUNTED)).isTrue();
        assertThat(now.allow(List.of(Limit.perAddress("api", address, 3),
                Limit.perUsername("api", "pool", "ren", 1)), Refusals.NOT_COUNTED)).as("ren's second").isFalse();

        // The refused call took nothing from the address: two more fit under its three.
        assertThat(IntStream.range(0, 3).mapToObj(i -> now.allow(List.of(Limit.perAddress("api", address, 3),
                Limit.perUsername("api", "pool", "user" + i, 1)), Refusals.NOT_COUNTED)))
                .containsExactly(true, true, false);
    }

    @Test
    void allowWhenManyThreadsRaceThenNeverMoreThanTheLimitAndOnlyAdmittedHitsStay() throws Exception {
        RateLimiter one = at(MINUTE.plusSeconds(5));
        RateLimiter two = at(MINUTE.plusSeconds(5));
        List<Limit> limit = List.of(Limit.perUsername("api", "pool", "raced", 40));
        List<Future<Boolean>> calls = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 160; i++) {
                RateLimiter node = i % 2 == 0 ? one : two;
                calls.add(threads.submit(() -> node.allow(limit, Refusals.NOT_COUNTED)));
            }
        }
        long admitted = 0;
        for (Future<Boolean> call : calls) {
            admitted += call.get() ? 1 : 0;
        }

        // Two racing for the last place may both be refused, so the count can fall short of forty; never over.
        assertThat(admitted).isBetween(1L, 40L);
        assertThat(storedHits()).as("each refusal was taken back").isEqualTo(admitted);
    }

    @Test
    void allowWhenRefusalsCountAndThreadsRaceThenEveryHitIsCountedOnce() throws Exception {
        List<Limit> limit = List.of(Limit.perAddress("web", "192.0.2.50", 10));
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 80; i++) {
                RateLimiter node = at(MINUTE.plusSeconds(5));
                threads.submit(() -> node.allow(limit, Refusals.COUNTED));
            }
        }
        assertThat(storedHits()).isEqualTo(80);
    }

    @Test
    void allowWhenANodesClockIsAMinuteAheadThenItsMinuteIsNotTakenForThePast() {
        List<Limit> limit = List.of(Limit.perAddress("api", "203.0.113.8", 3));
        RateLimiter ahead = at(MINUTE.plusSeconds(90));
        IntStream.range(0, 3).forEach(i -> ahead.allow(limit, Refusals.NOT_COUNTED));

        assertThat(at(MINUTE.plusSeconds(5)).allow(limit, Refusals.NOT_COUNTED)).isTrue();
    }

    @Test
    void allowWhenNoLimitsThenAllowedAndNothingStored() {
        assertThat(at(MINUTE).allow(List.of(), Refusals.NOT_COUNTED)).isTrue();
        assertThat(JdbcClient.create(database).sql("SELECT COUNT(*) FROM rate_limits").query(Long.class).single())
                .isZero();
    }

    @Test
    void allowWhenCountedThenNeitherTheAddressNorTheNameIsStoredInClear() throws Exception {
        String longForwardedAddress = "x".repeat(500);
        at(MINUTE).allow(List.of(Limit.perAddress("api", longForwardedAddress, 5),
                Limit.perUsername("api", "us-east-1_Pool", "Secret-Person@example.com", 5)), Refusals.COUNTED);

        String nameHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("us-east-1_Pool\nsecret-person@example.com".getBytes(StandardCharsets.UTF_8)));
        assertThat(JdbcClient.create(database).sql("SELECT bucket FROM rate_limits ORDER BY bucket").query(String.class)
                .list()).containsExactly("api:address:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(longForwardedAddress.getBytes(StandardCharsets.UTF_8))), "api:username:" + nameHash)
                .allSatisfy(bucket -> assertThat(bucket).doesNotContainIgnoringCase("secret-person").hasSizeLessThan(100));
    }

    @Test
    void limitWhenBelowOneOrOfAnOddKindThenRefused() {
        assertThatThrownBy(() -> Limit.perAddress("api", "192.0.2.1", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a rate limit must be at least 1 a minute, not 0");
        assertThatThrownBy(() -> new Limit("API Address", "192.0.2.1", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a bucket kind is lower-case words and colons, not API Address");
    }
}

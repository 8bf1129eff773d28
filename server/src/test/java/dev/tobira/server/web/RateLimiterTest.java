package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.server.store.JdbcStores;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The form-post limits, counted in the database so that every node sees the same counts. */
class RateLimiterTest {

    private static final Instant MINUTE = Instant.parse("2026-01-01T10:00:00Z");

    private HikariDataSource database;

    @BeforeEach
    void migrate() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:ratelimit-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        database = new HikariDataSource(config);
        JdbcStores.migrate(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private RateLimiter at(Instant now) {
        return new RateLimiter(database, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void allowAddressWhenOverTheLimitThenRefusedAndAnotherAddressIsNot() {
        RateLimiter limiter = at(MINUTE);

        assertThat(IntStream.range(0, 3).mapToObj(i -> limiter.allowAddress("192.0.2.1", 3)))
                .containsExactly(true, true, true);
        assertThat(limiter.allowAddress("192.0.2.1", 3)).isFalse();
        assertThat(limiter.allowAddress("192.0.2.2", 3)).isTrue();
    }

    @Test
    void allowWhenTwoNodesShareTheDatabaseThenTheyShareTheCount() {
        RateLimiter one = at(MINUTE.plusSeconds(1));
        RateLimiter two = at(MINUTE.plusSeconds(2));

        assertThat(one.allowUsername("alice@example.com", 2)).isTrue();
        assertThat(two.allowUsername("alice@example.com", 2)).isTrue();

        assertThat(one.allowUsername("alice@example.com", 2)).isFalse();
        assertThat(two.allowUsername("ALICE@example.com ", 2)).as("same user, other spelling").isFalse();
    }

    @Test
    void allowWhenABurstCrossesAMinutesEdgeThenLimitedAsWithinAMinute() {
        assertThat(IntStream.range(0, 3).mapToObj(i -> at(MINUTE.plusSeconds(59)).allowAddress("192.0.2.7", 3)))
                .containsExactly(true, true, true);

        // Two seconds later, in the next calendar minute, the last sixty seconds already hold three posts.
        assertThat(at(MINUTE.plusSeconds(61)).allowAddress("192.0.2.7", 3)).isFalse();
        // Fifty seconds on, only a sixth of the earlier minute still counts: 0.5 + 2 posts.
        assertThat(at(MINUTE.plusSeconds(110)).allowAddress("192.0.2.7", 3)).isTrue();
    }

    @Test
    void allowWhenAFullMinuteHasPassedThenAllowedAgainAndOldWindowsAreDropped() {
        RateLimiter now = at(MINUTE);
        now.allowAddress("192.0.2.9", 1);
        assertThat(now.allowAddress("192.0.2.9", 1)).isFalse();

        assertThat(at(MINUTE.plusSeconds(60)).allowAddress("192.0.2.9", 1)).as("the last sixty seconds are full")
                .isFalse();
        // A refused post counts too: a client that keeps trying stays refused until it pauses a full minute.
        assertThat(at(MINUTE.plusSeconds(120)).allowAddress("192.0.2.9", 1)).isFalse();
        assertThat(at(MINUTE.plusSeconds(240)).allowAddress("192.0.2.9", 1)).isTrue();
        at(MINUTE.plusSeconds(360)).allowAddress("192.0.2.10", 1);

        assertThat(JdbcClient.create(database).sql("SELECT COUNT(*) FROM web_rate_limits").query(Long.class).single())
                .as("only the current and the previous minute are kept").isEqualTo(1);
    }

    @Test
    void allowUsernameWhenCountedThenOnlyAHashOfTheNameIsStored() {
        at(MINUTE).allowUsername("secret-person@example.com", 5);

        assertThat(JdbcClient.create(database).sql("SELECT bucket FROM web_rate_limits").query(String.class).list())
                .singleElement().asString().startsWith("user:").doesNotContain("secret-person").hasSize(5 + 64);
    }
}

package dev.tobira.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.config.Settings.ApiRateLimits;
import org.junit.jupiter.api.Test;

/**
 * The command line's API rate limits and client address (also TOBIRA_API_RATE_LIMIT_PER_ADDRESS,
 * TOBIRA_API_RATE_LIMIT_PER_USERNAME and TOBIRA_BEHIND_PROXY): on in production, off in dev mode.
 */
class RateLimitSettingsTest {

    @Test
    void startWhenNoRateLimitOptionsThenThreeHundredPerAddressAndThirtyPerUsername() {
        CommandRun run = CommandRun.start();
        assertThat(run.code()).isZero();
        assertThat(run.settings().apiRateLimits()).isEqualTo(new ApiRateLimits(300, 30));
        assertThat(run.settings().apiRateLimits().toString())
                .isEqualTo("300 calls a minute per client address, 30 per username");
        assertThat(run.settings().behindProxy()).as("addresses from the connection").isFalse();
    }

    @Test
    void devWhenNoRateLimitOptionsThenTheApiIsNotLimited() {
        CommandRun run = CommandRun.dev();
        assertThat(run.code()).isZero();
        assertThat(run.settings().apiRateLimits()).isEqualTo(ApiRateLimits.OFF);
        assertThat(run.settings().apiRateLimits().toString()).isEqualTo("off");
        assertThat(run.settings().behindProxy()).isFalse();
    }

    @Test
    void startWhenRateLimitOptionsGivenThenTheSettingsCarryThemAndZeroTurnsOneOff() {
        CommandRun run = CommandRun.start("--api-rate-limit-per-address", "1000", "--api-rate-limit-per-username", "0",
                "--behind-proxy");
        assertThat(run.code()).isZero();
        assertThat(run.settings().apiRateLimits()).isEqualTo(new ApiRateLimits(1000, 0));
        assertThat(run.settings().apiRateLimits().toString())
                .isEqualTo("1000 calls a minute per client address, no limit per username");
        assertThat(run.settings().behindProxy()).isTrue();
    }

    @Test
    void devWhenRateLimitOptionsGivenThenTheApiIsLimited() {
        CommandRun run = CommandRun.dev("--api-rate-limit-per-username", "5");
        assertThat(run.code()).isZero();
        assertThat(run.settings().apiRateLimits()).as("the other limit keeps dev's default, off")
                .isEqualTo(new ApiRateLimits(0, 5));
        assertThat(run.settings().apiRateLimits().toString())
                .isEqualTo("no limit per client address, 5 per username");
    }

    @Test
    void startWhenARateLimitIsNegativeThenRefusesToStartAndSaysWhy() {
        CommandRun run = CommandRun.start("--api-rate-limit-per-username", "-1");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.settings()).isNull();
        assertThat(run.err()).contains(
                "tobira: invalid rate limit: --api-rate-limit-per-username must be 0 (no limit) or more, not -1");
    }

    @Test
    void devWhenARateLimitIsNegativeThenRefusesToStartAndSaysWhy() {
        CommandRun run = CommandRun.dev("--api-rate-limit-per-address", "-300");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.settings()).isNull();
        assertThat(run.err()).contains(
                "tobira: invalid rate limit: --api-rate-limit-per-address must be 0 (no limit) or more, not -300");
    }

    @Test
    void startWhenARateLimitIsNotANumberThenRefusedByTheCommandLine() {
        CommandRun run = CommandRun.start("--api-rate-limit-per-address", "lots");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.settings()).isNull();
        assertThat(run.err()).contains("Invalid value for option '--api-rate-limit-per-address': 'lots' is not an int");
    }
}

package dev.tobira.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.memory.InMemoryUserPoolClientStore;
import dev.tobira.core.memory.InMemoryUserPoolStore;
import dev.tobira.core.memory.InMemoryUserStore;
import dev.tobira.server.api.ApiCall;
import dev.tobira.server.api.WireJson;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@link ApiMetrics}: what each kind of answered call counts, and that tag values come from fixed sets. */
class ApiMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryUserPoolClientStore clients = new InMemoryUserPoolClientStore();
    private final ApiMetrics metrics = ApiMetrics.of(registry,
            new InMemoryUserPoolStore(clients, new InMemoryUserStore()), clients, WireJson.mapper());

    private static JsonNode json(String text) {
        return WireJson.mapper().readTree(text);
    }

    private static ApiCall failed(String operation, String input, String type, String message) {
        return new ApiCall(Optional.of(operation), json(input), Optional.empty(), Optional.of(type),
                Optional.of(message), Duration.ofMillis(3));
    }

    private double count(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void observeWhenLockedOutThenCountsALockoutAndAFailedSignIn() {
        metrics.observe(failed("InitiateAuth", """
                {"ClientId":"c1","AuthFlow":"USER_PASSWORD_AUTH","AuthParameters":{"USERNAME":"kai@example.com"}}""",
                "NotAuthorizedException", "Password attempts exceeded"));
        assertThat(count(ApiMetrics.LOCKOUTS, "operation", "InitiateAuth")).isEqualTo(1);
        assertThat(count(ApiMetrics.SIGN_INS, "flow", "USER_PASSWORD_AUTH", "outcome", "NotAuthorizedException"))
                .isEqualTo(1);
    }

    @Test
    void observeWhenOverARateLimitOrCooldownThenCountsARefusal() {
        metrics.observe(failed("SignUp", "{\"ClientId\":\"c1\"}", "TooManyRequestsException", "Too many requests"));
        metrics.observe(failed("ResendConfirmationCode", "{\"ClientId\":\"c1\"}", "LimitExceededException",
                "Attempt limit exceeded, please try after some time."));
        assertThat(count(ApiMetrics.RATE_LIMITED, "outcome", "TooManyRequestsException")).isEqualTo(1);
        assertThat(count(ApiMetrics.RATE_LIMITED, "outcome", "LimitExceededException")).isEqualTo(1);
    }

    @Test
    void observeWhenCodeCouldNotBeSentThenCountsAFailedCode() {
        metrics.observe(failed("ForgotPassword", "{}", "CodeDeliveryFailureException", "No SMS delivery"));
        assertThat(count(ApiMetrics.CODES_FAILED, "operation", "ForgotPassword")).isEqualTo(1);
    }

    @Test
    void observeWhenValuesAreMadeUpThenTagsTakeNoneOfThem() {
        metrics.observe(failed("InitiateAuth", """
                {"UserPoolId":"us-east-1_madeUp","AuthFlow":"mio@example.com"}""", "InvalidParameterException", "x"));
        assertThat(registry.getMeters()).isNotEmpty();
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getTags()).extracting(Tag::getValue)
                    .doesNotContain("us-east-1_madeUp", "mio@example.com");
        }
        assertThat(count(ApiMetrics.SIGN_INS, "pool", ApiMetrics.NO_POOL, "flow", ApiMetrics.OTHER)).isEqualTo(1);
    }
}

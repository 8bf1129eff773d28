package dev.tobira.server.metrics;

import dev.tobira.server.api.ApiCall;
import dev.tobira.server.api.ApiObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Cognito API's metrics, from each answered call ({@link ApiObserver}):
 * <ul>
 *   <li>{@value #REQUESTS}: a timer per operation, outcome ({@code Success} or the error's
 *       {@code __type}) and pool, with histogram buckets for latency;
 *   <li>{@value #SIGN_INS}: sign-in steps ({@code InitiateAuth}, {@code RespondToAuthChallenge} and their
 *       admin forms) by pool, step, flow (the {@code AuthFlow}, or the {@code ChallengeName} answered) and
 *       outcome: {@code tokens}, {@code challenge} (another challenge follows), or the error's {@code __type};
 *   <li>{@value #LOCKOUTS}: password checks refused because the user is locked out;
 *   <li>{@value #RATE_LIMITED}: calls refused by the API rate limits ({@code TooManyRequestsException}) or a
 *       cooldown ({@code LimitExceededException});
 *   <li>{@value #CODES_SENT} and {@value #CODES_FAILED}: calls that sent a code (their answer names a code
 *       delivery) by operation and medium, and calls refused because the code could not be sent. A
 *       custom-auth trigger's code (the built-in {@code tobira-email-otp}'s too) is not among them: its
 *       answer names no delivery; it counts as a {@code CUSTOM_CHALLENGE} sign-in step and in the outbox.
 * </ul>
 * Tag values come from fixed sets (operation names, Cognito's enums, error types) or are the ids of
 * existing pools ({@link KnownPools}); never a username, address, code or client address.
 */
public final class ApiMetrics implements ApiObserver {

    static final String REQUESTS = "tobira.api.requests";
    static final String SIGN_INS = "tobira.signins";
    static final String LOCKOUTS = "tobira.signin.lockouts";
    static final String RATE_LIMITED = "tobira.ratelimit.refusals";
    static final String CODES_SENT = "tobira.codes.sent";
    static final String CODES_FAILED = "tobira.codes.failed";

    /** Where no pool is named or the one named does not exist. */
    static final String NO_POOL = "none";
    /** A value outside the fixed set a tag draws from. */
    static final String OTHER = "other";

    /** What core answers while a user is locked out (Cognito's message). */
    private static final String LOCKED_OUT = "Password attempts exceeded";

    private static final Set<String> SIGN_IN_STARTS = Set.of("InitiateAuth", "AdminInitiateAuth");
    private static final Set<String> SIGN_IN_ANSWERS = Set.of("RespondToAuthChallenge", "AdminRespondToAuthChallenge");
    private static final Set<String> AUTH_FLOWS = Set.of("USER_SRP_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN",
            "CUSTOM_AUTH", "ADMIN_NO_SRP_AUTH", "USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH", "USER_AUTH");
    private static final Set<String> CHALLENGES = Set.of("SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA",
            "SELECT_MFA_TYPE", "MFA_SETUP", "PASSWORD_VERIFIER", "CUSTOM_CHALLENGE", "SELECT_CHALLENGE",
            "DEVICE_SRP_AUTH", "DEVICE_PASSWORD_VERIFIER", "ADMIN_NO_SRP_AUTH", "NEW_PASSWORD_REQUIRED", "SMS_OTP",
            "PASSWORD", "PASSWORD_SRP", "WEB_AUTHN");
    private static final Set<String> MEDIUMS = Set.of("EMAIL", "SMS");

    /** Latency buckets: from a token refresh on a warm node to a trigger near its 5 s limit. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final KnownPools pools;
    private final JsonMapper json;

    ApiMetrics(MeterRegistry registry, KnownPools pools, JsonMapper json) {
        this.registry = registry;
        this.pools = pools;
        this.json = json;
    }

    /** Metrics into {@code registry}, tagging calls with the pools {@code pools} and {@code clients} hold. */
    public static ApiMetrics of(MeterRegistry registry, dev.tobira.core.pool.UserPoolStore pools,
            dev.tobira.core.pool.UserPoolClientStore clients, JsonMapper json) {
        return new ApiMetrics(registry, new KnownPools(pools, clients), json);
    }

    @Override
    public void observe(ApiCall call) {
        String operation = call.operation().orElse(OTHER);
        String pool = pools.of(call.input()).orElse(NO_POOL);
        String outcome = call.outcome();
        Timer.builder(REQUESTS)
                .description("Cognito API calls by operation, outcome and user pool")
                .tags("operation", operation, "outcome", outcome, "pool", pool)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(call.duration());
        Optional<JsonNode> output = call.output().map(json::valueToTree);
        if (SIGN_IN_STARTS.contains(operation) || SIGN_IN_ANSWERS.contains(operation)) {
            boolean start = SIGN_IN_STARTS.contains(operation);
            String flow = start ? oneOf(call.input().path("AuthFlow"), AUTH_FLOWS)
                    : oneOf(call.input().path("ChallengeName"), CHALLENGES);
            String result = output.map(o -> o.has("AuthenticationResult") ? "tokens" : "challenge").orElse(outcome);
            Counter.builder(SIGN_INS)
                    .description("Sign-in steps by user pool, step, flow and outcome")
                    .tags("pool", pool, "step", start ? "initiate" : "respond", "flow", flow, "outcome", result)
                    .register(registry)
                    .increment();
        }
        if (call.errorMessage().filter(LOCKED_OUT::equals).isPresent()) {
            Counter.builder(LOCKOUTS).description("Password checks refused because the user is locked out")
                    .tags("pool", pool, "operation", operation).register(registry).increment();
        }
        if (outcome.equals("TooManyRequestsException") || outcome.equals("LimitExceededException")) {
            Counter.builder(RATE_LIMITED).description("Calls refused by a rate limit or a resend cooldown")
                    .tags("pool", pool, "operation", operation, "outcome", outcome).register(registry).increment();
        }
        if (outcome.equals("CodeDeliveryFailureException")) {
            Counter.builder(CODES_FAILED).description("Calls refused because a code could not be sent")
                    .tags("pool", pool, "operation", operation).register(registry).increment();
        }
        output.flatMap(ApiMetrics::codeMedium).ifPresent(medium -> Counter.builder(CODES_SENT)
                .description("Calls that sent a one-time code, by medium")
                .tags("pool", pool, "operation", operation, "medium", oneOf(medium, MEDIUMS))
                .register(registry)
                .increment());
    }

    /** The medium of the code an answer says was sent: its code delivery details, or its challenge's. */
    private static Optional<JsonNode> codeMedium(JsonNode output) {
        for (JsonNode medium : new JsonNode[] {output.path("CodeDeliveryDetails").path("DeliveryMedium"),
                output.path("CodeDeliveryDetailsList").path(0).path("DeliveryMedium"),
                output.path("ChallengeParameters").path("CODE_DELIVERY_DELIVERY_MEDIUM")}) {
            if (medium.isString()) {
                return Optional.of(medium);
            }
        }
        return Optional.empty();
    }

    private static String oneOf(JsonNode value, Set<String> allowed) {
        return value.isString() && allowed.contains(value.asString()) ? value.asString() : OTHER;
    }
}

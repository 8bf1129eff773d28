package dev.tobira.server.ratelimit;

import dev.tobira.core.CognitoException;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.pool.UserPoolClientStore;
import dev.tobira.server.config.Settings;
import dev.tobira.server.ratelimit.RateLimiter.Limit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The Cognito API's rate limits (DESIGN, security defaults: sign-up, code sending and sign-in are
 * rate-limited per user and per client address, shared across nodes). The operations that sign up,
 * send codes, or check codes or passwords ({@link #LIMITED}) count against two limits, in the
 * database through {@link RateLimiter}: one per client address, and one per username of a user pool
 * when the request names one. A call over either is refused with Cognito's
 * {@code TooManyRequestsException} before its operation runs, so it changes nothing and sends
 * nothing; a refused call is not counted ({@link RateLimiter.Refusals#NOT_COUNTED}), so clients behind
 * one address that go over are slowed to the limit, not shut out, and an SDK's retries cost nothing.
 *
 * <p>The username is the request's own ({@code Username}, {@code AuthParameters.USERNAME},
 * {@code ChallengeResponses.USERNAME}), stripped and case-folded, so a user named by an alias or by
 * the internal name SRP answers with is counted under each name given. It is counted within its user
 * pool: {@code UserPoolId} where the request has it, else the pool of its {@code ClientId}, so that
 * every app client of a pool, and the admin calls, share one count. {@code ChangePassword} names no
 * user (its access token does): it has the address limit, and its password proofs count towards the
 * user's lockout like any other.
 */
public final class ApiRateLimiter {

    /** What Cognito answers over its limits (observed in aws-sdk-java#2301, HTTP 400). */
    public static final String MESSAGE = "Too many requests";

    private static final Logger log = LoggerFactory.getLogger("tobira");

    /** How many clients' pools are kept in memory at most; far more than any deployment has clients. */
    private static final int MAX_CLIENTS_KEPT = 10_000;

    /** Where a limited operation names its user, if it does. */
    private record UsernameIn(String member, Optional<String> key) {

        static UsernameIn member(String member) {
            return new UsernameIn(member, Optional.empty());
        }

        static UsernameIn mapKey(String member, String key) {
            return new UsernameIn(member, Optional.of(key));
        }

        static UsernameIn none() {
            return new UsernameIn("", Optional.empty());
        }

        Optional<String> in(JsonNode input) {
            JsonNode value = input.path(member);
            if (key.isPresent()) {
                value = value.path(key.get());
            }
            return value.isString() && !value.asString().isBlank() ? Optional.of(value.asString()) : Optional.empty();
        }
    }

    /**
     * The operations that sign up, send codes, or check codes or passwords, by name, and where each
     * names its user. The others (token calls, reads, signed administration) are not limited here.
     */
    static final Map<String, UsernameIn> LIMITED = Map.ofEntries(
            Map.entry("SignUp", UsernameIn.member("Username")),
            Map.entry("ConfirmSignUp", UsernameIn.member("Username")),
            Map.entry("ResendConfirmationCode", UsernameIn.member("Username")),
            Map.entry("ForgotPassword", UsernameIn.member("Username")),
            Map.entry("ConfirmForgotPassword", UsernameIn.member("Username")),
            Map.entry("InitiateAuth", UsernameIn.mapKey("AuthParameters", "USERNAME")),
            Map.entry("RespondToAuthChallenge", UsernameIn.mapKey("ChallengeResponses", "USERNAME")),
            Map.entry("AdminInitiateAuth", UsernameIn.mapKey("AuthParameters", "USERNAME")),
            Map.entry("AdminRespondToAuthChallenge", UsernameIn.mapKey("ChallengeResponses", "USERNAME")),
            Map.entry("ChangePassword", UsernameIn.none()),
            // The self-service calls that send or check codes name their user only by access token.
            Map.entry("UpdateUserAttributes", UsernameIn.none()),
            Map.entry("GetUserAttributeVerificationCode", UsernameIn.none()),
            Map.entry("VerifyUserAttribute", UsernameIn.none()));

    private final RateLimiter limiter;
    private final Settings.ApiRateLimits limits;
    private final UserPoolClientStore clients;
    private final Clock clock;
    private final AtomicLong loggedMinute = new AtomicLong(Long.MIN_VALUE);
    /** The pools of the clients seen, which never change: a client belongs to one pool for good. */
    private final Map<String, String> poolOfClient = new ConcurrentHashMap<>();

    /**
     * @param clients where the user pool of a request's {@code ClientId} is found
     * @param clock when refusals were last logged (at most once a minute)
     */
    public ApiRateLimiter(RateLimiter limiter, Settings.ApiRateLimits limits, UserPoolClientStore clients,
            Clock clock) {
        this.limiter = limiter;
        this.limits = limits;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * Counts a call of {@code operation} from {@code clientAddress} with the (model-checked) body
     * {@code input} when it is one of the limited operations and within every limit.
     *
     * @throws CognitoException.TooManyRequestsException when it is over a limit; nothing is counted then
     */
    public void admit(String operation, JsonNode input, String clientAddress) {
        UsernameIn where = LIMITED.get(operation);
        if (where == null) {
            return;
        }
        List<Limit> over = new ArrayList<>(2);
        if (limits.perAddressPerMinute() > 0) {
            over.add(Limit.perAddress("api", clientAddress, limits.perAddressPerMinute()));
        }
        if (limits.perUsernamePerMinute() > 0) {
            where.in(input).ifPresent(username -> over.add(
                    Limit.perUsername("api", pool(input), username, limits.perUsernamePerMinute())));
        }
        if (!limiter.allow(over, RateLimiter.Refusals.NOT_COUNTED)) {
            logRefusal(operation, clientAddress);
            throw new CognitoException.TooManyRequestsException(MESSAGE);
        }
    }

    /** The user pool the request is about: its {@code UserPoolId}, else its client's pool. */
    private String pool(JsonNode input) {
        JsonNode poolId = input.path("UserPoolId");
        if (poolId.isString()) {
            return poolId.asString();
        }
        String clientId = input.path("ClientId").asString("");
        String known = poolOfClient.get(clientId);
        if (known != null) {
            return known;
        }
        Optional<String> pool = clients.find(clientId).map(UserPoolClient::userPoolId);
        if (pool.isEmpty()) {
            // An unknown client fails in its operation; its names still count, apart from any pool's.
            return "client " + clientId;
        }
        if (poolOfClient.size() >= MAX_CLIENTS_KEPT) {
            poolOfClient.clear();
        }
        poolOfClient.put(clientId, pool.get());
        return pool.get();
    }

    /** Says, at most once a minute on each node, that calls are being refused; never which username. */
    private void logRefusal(String operation, String clientAddress) {
        long minute = clock.millis() / 60_000;
        if (loggedMinute.getAndSet(minute) != minute) {
            log.info("Refused {} from {}: over the API rate limits ({}); further refusals this minute go unlogged.",
                    operation, clientAddress, limits);
        }
    }
}

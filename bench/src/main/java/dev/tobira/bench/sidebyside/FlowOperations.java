package dev.tobira.bench.sidebyside;

import dev.tobira.bench.SignInLoad;
import dev.tobira.core.srp.SrpClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import tools.jackson.databind.JsonNode;

/**
 * What one operation of each {@link Flow} is, per connection: the users it signs in with are made
 * before the load starts and belong to that connection only, so that an emailed code read from the dev
 * outbox is always the one this operation asked for.
 */
final class FlowOperations {

    /** Users each connection cycles through in the emailed-code flows, so that no address's outbox grows long. */
    private static final int CODE_USERS_PER_CONNECTION = 8;
    private static final AtomicLong SIGN_UPS = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FlowOperations() {}

    /** The operation connection number {@code connection} repeats for {@code flow} on {@code target}. */
    static ClosedLoop.Operation prepare(Flow flow, Target target, int connection, int connections) {
        String prefix = flow.key + "-" + connection;
        return switch (flow) {
            case PASSWORD -> {
                List<byte[]> bodies = usersOf(target, prefix, connection, connections).stream()
                        .map(user -> PlainCall.body(Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", target.clientId(),
                                "AuthParameters", Map.of("USERNAME", user, "PASSWORD", Target.PASSWORD))))
                        .toList();
                int[] next = {0};
                yield () -> tokens(PlainCall.post(target.endpoint(), "InitiateAuth", bodies.get(next[0]++ % bodies.size())));
            }
            case LIST_USERS -> {
                List<String> users = usersOf(target, prefix, connection, connections);
                int[] next = {0};
                yield () -> {
                    String user = users.get(next[0]++ % users.size());
                    int found = target.cognito().listUsers(b -> b.userPoolId(target.poolId())
                            .filter("email = \"" + user + "\"")).users().size();
                    if (found != 1) {
                        throw new IllegalStateException("ListUsers found " + found + " users with the email " + user);
                    }
                };
            }
            case SIGN_UP -> () -> signUpAndConfirm(target, connection);
            case REFRESH -> {
                String user = target.createUser(prefix + "@bench.example");
                String[] refreshToken = {tokens(passwordSignIn(target, user, Target.PASSWORD)).refreshToken()};
                if (refreshToken[0] == null) {
                    throw new IllegalStateException("a password sign-in returned no refresh token");
                }
                yield () -> {
                    JsonNode refreshed = tokens(PlainCall.post(target.endpoint(), "InitiateAuth", PlainCall.body(Map.of(
                            "AuthFlow", "REFRESH_TOKEN_AUTH", "ClientId", target.clientId(),
                            "AuthParameters", Map.of("REFRESH_TOKEN", refreshToken[0])))));
                    String rotated = refreshed.path("AuthenticationResult").path("RefreshToken").asString(null);
                    if (rotated != null) {
                        refreshToken[0] = rotated; // a server that rotates refresh tokens
                    }
                };
            }
            case SRP -> {
                String user = target.createUser(prefix + "@bench.example");
                SecureRandom random = new SecureRandom();
                yield () -> tokens(SignInLoad.srpSignIn(target.cognito(), target.poolId(), target.clientId(), user,
                        Target.PASSWORD, random, new long[1]));
            }
            case CUSTOM_AUTH -> {
                List<String> users = codeUsers(target, prefix);
                SecureRandom random = new SecureRandom();
                int[] next = {0};
                yield () -> tokens(customAuth(target, users.get(next[0]++ % users.size()), random));
            }
            case EMAIL_OTP -> {
                List<String> users = codeUsers(target, prefix);
                int[] next = {0};
                yield () -> tokens(emailOtp(target, users.get(next[0]++ % users.size())));
            }
        };
    }

    /**
     * A note for the table when {@code target} does not check what {@code flow} claims to check: a
     * password sign-in with a wrong password must be refused, or the flow measures no password check.
     */
    static Optional<String> probe(Flow flow, Target target) {
        if (flow != Flow.PASSWORD && flow != Flow.SRP) {
            return Optional.empty();
        }
        String user = target.createUser(flow.key + "-probe@bench.example");
        try {
            AuthenticationResultType result = flow == Flow.PASSWORD
                    ? passwordSignIn(target, user, "Wrong-Passw0rd!")
                    : SignInLoad.srpSignIn(target.cognito(), target.poolId(), target.clientId(), user,
                            "Wrong-Passw0rd!", new SecureRandom(), new long[1]);
            return result != null && result.accessToken() != null
                    ? Optional.of("signs in with a wrong password") : Optional.empty();
        } catch (AwsServiceException refused) {
            // NotAuthorizedException as Cognito says; cognito-local says InvalidPasswordException.
            return Optional.empty();
        }
    }

    /** The target's sample users that are this connection's (every {@code connections}-th), or a user of its own. */
    private static List<String> usersOf(Target target, String prefix, int connection, int connections) {
        if (target.sample().isEmpty()) {
            return List.of(target.createUser(prefix + "@bench.example"));
        }
        List<String> users = IntStream.range(0, target.sample().size()).filter(i -> i % connections == connection)
                .mapToObj(target.sample()::get).toList();
        return users.isEmpty() ? List.of(target.sample().get(connection % target.sample().size())) : users;
    }

    private static List<String> codeUsers(Target target, String prefix) {
        return IntStream.range(0, CODE_USERS_PER_CONNECTION)
                .mapToObj(i -> target.createUser(prefix + "-" + i + "@bench.example")).toList();
    }

    private static AuthenticationResultType passwordSignIn(Target target, String user, String password) {
        return target.cognito().initiateAuth(b -> b.clientId(target.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user, "PASSWORD", password))).authenticationResult();
    }

    /** SignUp, then AdminConfirmSignUp: the confirmation every system has (cognito-local keeps its codes to itself). */
    private static void signUpAndConfirm(Target target, int connection) {
        String user = "signup-" + connection + "-" + SIGN_UPS.incrementAndGet() + "-" + System.nanoTime()
                + "@bench.example";
        target.cognito().signUp(b -> b.clientId(target.clientId()).username(user).password(Target.PASSWORD)
                .userAttributes(a -> a.name("email").value(user)));
        target.cognito().adminConfirmSignUp(b -> b.userPoolId(target.poolId()).username(user));
    }

    /** CUSTOM_AUTH begun with SRP as amazon-cognito-identity-js begins it, then the code the triggers emailed. */
    private static AuthenticationResultType customAuth(Target target, String user, SecureRandom random)
            throws IOException, InterruptedException {
        SrpClient srp = new SrpClient(target.poolId(), random);
        InitiateAuthResponse verifier = target.cognito().initiateAuth(b -> b.clientId(target.clientId())
                .authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", user, "SRP_A", srp.srpA(), "CHALLENGE_NAME", "SRP_A")));
        expect(verifier.challengeName(), ChallengeNameType.PASSWORD_VERIFIER);
        Map<String, String> p = verifier.challengeParameters();
        RespondToAuthChallengeResponse custom = target.cognito().respondToAuthChallenge(b -> b
                .clientId(target.clientId()).session(verifier.session())
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .challengeResponses(srp.passwordVerifierResponses(p.get("USER_ID_FOR_SRP"), Target.PASSWORD,
                        p.get("SALT"), p.get("SRP_B"), p.get("SECRET_BLOCK"), Instant.now())));
        expect(custom.challengeName(), ChallengeNameType.CUSTOM_CHALLENGE);
        String code = emailedCode(target, user, 6);
        return target.cognito().respondToAuthChallenge(b -> b.clientId(target.clientId()).session(custom.session())
                .challengeName(ChallengeNameType.CUSTOM_CHALLENGE)
                .challengeResponses(Map.of("USERNAME", user, "ANSWER", code))).authenticationResult();
    }

    /** Choice-based sign-in with the emailed code as the first factor. */
    private static AuthenticationResultType emailOtp(Target target, String user) throws IOException, InterruptedException {
        InitiateAuthResponse challenge = target.cognito().initiateAuth(b -> b.clientId(target.clientId())
                .authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", user, "PREFERRED_CHALLENGE", "EMAIL_OTP")));
        expect(challenge.challengeName(), ChallengeNameType.EMAIL_OTP);
        String code = emailedCode(target, user, 8);
        return target.cognito().respondToAuthChallenge(b -> b.clientId(target.clientId()).session(challenge.session())
                .challengeName(ChallengeNameType.EMAIL_OTP)
                .challengeResponses(Map.of("USERNAME", user, "EMAIL_OTP_CODE", code))).authenticationResult();
    }

    /** The {@code digits}-digit code in the newest message to {@code address} in the dev outbox. */
    private static String emailedCode(Target target, String address, int digits) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(target.endpoint()
                + "/_tobira/outbox?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode messages = PlainCall.JSON.readTree(response.body()).path("messages");
        if (messages.isEmpty()) {
            throw new IllegalStateException("no message to " + address + " in the dev outbox");
        }
        Matcher code = Pattern.compile("(?<!\\d)(\\d{" + digits + "})(?!\\d)")
                .matcher(messages.get(0).path("body").asString());
        if (!code.find()) {
            throw new IllegalStateException("no " + digits + "-digit code in the newest message to " + address);
        }
        return code.group(1);
    }

    private static void expect(ChallengeNameType actual, ChallengeNameType expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected the challenge " + expected + ", got " + actual);
        }
    }

    /** {@code answer} when it carries an access and an ID token, as a sign-in's answer must. */
    private static JsonNode tokens(JsonNode answer) {
        JsonNode result = answer.path("AuthenticationResult");
        if (result.path("AccessToken").asString(null) == null || result.path("IdToken").asString(null) == null) {
            throw new IllegalStateException("the flow returned no tokens");
        }
        return answer;
    }

    private static AuthenticationResultType tokens(AuthenticationResultType result) {
        if (result == null || result.accessToken() == null || result.idToken() == null) {
            throw new IllegalStateException("the flow returned no tokens");
        }
        return result;
    }
}

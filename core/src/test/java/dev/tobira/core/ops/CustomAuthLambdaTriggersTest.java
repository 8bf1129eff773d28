package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.InvalidLambdaResponseException;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.InvalidUserPoolConfigurationException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.CognitoException.UserLambdaValidationException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Limits;
import dev.tobira.core.TestServices;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.LambdaConfig;
import dev.tobira.core.trigger.TriggerInvoker;
import dev.tobira.core.user.Attribute;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CUSTOM_AUTH with triggers that are Lambda functions: the events they get (spec §3.2–§3.4), what
 * their answers do, and their failures. The "functions" here are a question-and-answer design written
 * against the raw event, as a Node.js or Python trigger would be.
 */
class CustomAuthLambdaTriggersTest {

    private static final String DEFINE = "arn:aws:lambda:us-east-1:123456789012:function:qa-define";
    private static final String CREATE = "arn:aws:lambda:us-east-1:123456789012:function:qa-create";
    private static final String VERIFY = "arn:aws:lambda:us-east-1:123456789012:function:qa-verify";

    /** Every event sent, in order, as (function name, event). */
    private final List<Map.Entry<String, Map<String, Object>>> events = new ArrayList<>();
    /** Replaces a function's returned event, to make it misbehave. */
    private UnaryOperator<Map<String, Object>> tamper = UnaryOperator.identity();

    private TestServices t;
    private String poolId;
    private String clientId;
    private String sub;

    @BeforeEach
    void setUp() {
        TriggerInvoker invoker = (arn, trigger, event) -> {
            events.add(Map.entry(trigger, deepCopy(event)));
            return tamper.apply(run(arn, event));
        };
        t = new TestServices(Limits.DEFAULT, invoker);
        poolWithUser();
        new AdminSetUserPassword(t.services).handle(new AdminSetUserPassword.Request(poolId, "ren", "Right-Passw0rd!",
                true));
        sub = new AdminGetUser(t.services).handle(new AdminGetUser.Request(poolId, "ren")).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        events.clear();
    }

    private String client(String preventUserExistenceErrors) {
        return client(preventUserExistenceErrors, null);
    }

    private String client(String preventUserExistenceErrors, Integer authSessionValidityMinutes) {
        return new CreateUserPoolClient(t.services).handle(new CreateUserPoolClient.Request(poolId, "c", null, null,
                null, null, null, null, null, null, List.of("ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"), null,
                null, null, null, null, null, null, null, preventUserExistenceErrors, null, null,
                authSessionValidityMinutes, null)).userPoolClient().clientId();
    }

    // ---- The trigger functions: "what colour is the sky?", two tries. ----

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(String arn, Map<String, Object> event) {
        Map<String, Object> request = (Map<String, Object>) event.get("request");
        Map<String, Object> response = new LinkedHashMap<>((Map<String, Object>) event.get("response"));
        if (arn.equals(DEFINE)) {
            // SRP first when the client began with it, then the question.
            List<Map<String, Object>> session = (List<Map<String, Object>>) request.get("session");
            Object last = session.isEmpty() ? null : session.getLast().get("challengeName");
            long tries = session.stream().filter(c -> "CUSTOM_CHALLENGE".equals(c.get("challengeName"))).count();
            boolean solved = "CUSTOM_CHALLENGE".equals(last)
                    && Boolean.TRUE.equals(session.getLast().get("challengeResult"));
            response.put("issueTokens", solved);
            response.put("failAuthentication", !solved && tries >= 2);
            response.put("challengeName", "SRP_A".equals(last) ? "PASSWORD_VERIFIER"
                    : solved || tries >= 2 ? null : "CUSTOM_CHALLENGE");
        } else if (arn.equals(CREATE)) {
            response.put("publicChallengeParameters", Map.of("question", "What colour is the sky?"));
            response.put("privateChallengeParameters", Map.of("answer", "blue"));
            response.put("challengeMetadata", "SKY-" + ((List<?>) request.get("session")).size());
        } else {
            Map<String, Object> secret = (Map<String, Object>) request.get("privateChallengeParameters");
            response.put("answerCorrect", secret.get("answer").equals(request.get("challengeAnswer")));
        }
        Map<String, Object> out = new LinkedHashMap<>(event);
        out.put("response", response);
        return out;
    }

    private AuthResponse start(String client, String username) {
        return new InitiateAuth(t.services).handle(new InitiateAuth.Request("CUSTOM_AUTH",
                Map.of("USERNAME", username), null, client, null, null, null));
    }

    private AuthResponse answer(String client, String username, AuthResponse challenge, String answer,
            Map<String, String> clientMetadata) {
        return new RespondToAuthChallenge(t.services).handle(new RespondToAuthChallenge.Request(client,
                "CUSTOM_CHALLENGE", challenge.session(), Map.of("USERNAME", username, "ANSWER", answer), null, null,
                clientMetadata));
    }

    private Map<String, Object> event(int index) {
        return events.get(index).getValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> request(int index) {
        return (Map<String, Object>) event(index).get("request");
    }

    @Test
    @DisplayName("DefineAuthChallenge gets the common envelope, the user's attributes as strings and an empty session")
    void initiateWhenCustomAuthWithoutSrpThenDefineEventHasCognitosShape() {
        start(clientId, "ren");

        assertThat(events.getFirst().getKey()).isEqualTo("DefineAuthChallenge");
        Map<String, Object> define = event(0);
        assertThat(define.keySet()).containsExactly("version", "triggerSource", "region", "userPoolId", "userName",
                "callerContext", "request", "response");
        assertThat(define).containsEntry("version", "1")
                .containsEntry("triggerSource", "DefineAuthChallenge_Authentication")
                .containsEntry("region", "us-east-1")
                .containsEntry("userPoolId", poolId)
                .containsEntry("userName", "ren")
                .containsEntry("callerContext", Map.of("awsSdkVersion", "aws-sdk-unknown-unknown", "clientId", clientId));
        assertThat(request(0).keySet()).containsExactly("userAttributes", "session", "clientMetadata", "userNotFound");
        assertThat(request(0)).containsEntry("session", List.of()).containsEntry("clientMetadata", Map.of())
                .containsEntry("userNotFound", false);
        assertThat((Map<String, Object>) request(0).get("userAttributes")).containsEntry("sub", sub)
                .containsEntry("email", "ren@example.com").containsEntry("cognito:user_status", "CONFIRMED")
                .allSatisfy((k, v) -> assertThat(v).isInstanceOf(String.class));
        Map<String, Object> nulls = new LinkedHashMap<>();
        nulls.put("challengeName", null);
        nulls.put("issueTokens", null);
        nulls.put("failAuthentication", null);
        assertThat(define.get("response")).isEqualTo(nulls);
    }

    @Test
    void initiateWhenDefineAsksForCustomChallengeThenCreateRunsAndItsPublicParametersAreTheChallenge() {
        AuthResponse challenge = start(clientId, "ren");

        assertThat(challenge.challengeName()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(challenge.challengeParameters()).isEqualTo(Map.of("question", "What colour is the sky?"));
        assertThat(challenge.session()).isNotBlank();
        assertThat(events.get(1).getKey()).isEqualTo("CreateAuthChallenge");
        assertThat(event(1)).containsEntry("triggerSource", "CreateAuthChallenge_Authentication");
        assertThat(request(1).keySet()).containsExactly("userAttributes", "challengeName", "session", "clientMetadata",
                "userNotFound");
        assertThat(request(1)).containsEntry("challengeName", "CUSTOM_CHALLENGE").containsEntry("session", List.of());
        assertThat(event(1).get("response")).isEqualTo(nullMap("publicChallengeParameters",
                "privateChallengeParameters", "challengeMetadata"));
    }

    @Test
    void respondWhenAnswerWrongThenVerifySeesPrivateParametersAndDefineSeesResultWithMetadata() {
        AuthResponse first = start(clientId, "ren");
        events.clear();

        AuthResponse second = answer(clientId, "ren", first, "green", Map.of("device", "kiosk-7"));

        assertThat(second.challengeName()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(second.session()).isNotEqualTo(first.session());
        assertThat(events.get(0).getKey()).isEqualTo("VerifyAuthChallengeResponse");
        assertThat(event(0)).containsEntry("triggerSource", "VerifyAuthChallengeResponse_Authentication");
        assertThat(request(0).keySet()).containsExactly("userAttributes", "privateChallengeParameters",
                "challengeAnswer", "clientMetadata", "userNotFound");
        assertThat(request(0)).containsEntry("privateChallengeParameters", Map.of("answer", "blue"))
                .containsEntry("challengeAnswer", "green")
                .containsEntry("clientMetadata", Map.of("device", "kiosk-7"));
        assertThat(event(0).get("response")).isEqualTo(nullMap("answerCorrect"));
        assertThat(events.get(1).getKey()).isEqualTo("DefineAuthChallenge");
        assertThat(request(1)).containsEntry("session", List.of(entry("CUSTOM_CHALLENGE", false, "SKY-0")))
                .containsEntry("clientMetadata", Map.of("device", "kiosk-7"));
    }

    @Test
    void respondWhenAnswerRightThenTokensAndTheSpentSessionIsRefused() {
        AuthResponse challenge = start(clientId, "ren");

        AuthResponse done = answer(clientId, "ren", challenge, "blue", null);

        assertThat(done.authenticationResult().idToken()).isNotBlank();
        assertThatThrownBy(() -> answer(clientId, "ren", challenge, "blue", null))
                .isInstanceOf(NotAuthorizedException.class).hasMessage("Invalid session for the user.");
    }

    @Test
    void respondWhenDefineFailsAuthenticationThenIncorrectUsernameOrPassword() {
        AuthResponse first = start(clientId, "ren");
        AuthResponse second = answer(clientId, "ren", first, "green", null);

        assertThatThrownBy(() -> answer(clientId, "ren", second, "red", null))
                .isInstanceOf(NotAuthorizedException.class).hasMessage("Incorrect username or password.");
    }

    @Test
    void initiateWhenTriggerFailsThenItsErrorReachesTheClient() {
        TriggerInvoker failing = (arn, trigger, event) -> {
            throw new UserLambdaValidationException(trigger + " failed with error Registration closed.");
        };
        t = new TestServices(Limits.DEFAULT, failing);
        poolWithUser();

        assertThatThrownBy(() -> start(clientId, "ren")).isInstanceOf(UserLambdaValidationException.class)
                .hasMessage("DefineAuthChallenge failed with error Registration closed.");
    }

    @Test
    void initiateWhenDefineAnswersWrongTypeThenInvalidLambdaResponse() {
        tamper = returned -> {
            Map<String, Object> out = new LinkedHashMap<>(returned);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("issueTokens", "yes");
            out.put("response", response);
            return out;
        };

        assertThatThrownBy(() -> start(clientId, "ren")).isInstanceOf(InvalidLambdaResponseException.class)
                .hasMessageStartingWith("Invalid lambda function output : ");
    }

    @Test
    void initiateWhenReturnedEventHasNoResponseThenInvalidLambdaResponse() {
        tamper = returned -> Map.of("version", "1");

        assertThatThrownBy(() -> start(clientId, "ren")).isInstanceOf(InvalidLambdaResponseException.class);
    }

    @Test
    void initiateWhenDefineAsksForPasswordVerifierWithoutSrpThenInvalidParameter() {
        tamper = returned -> {
            Map<String, Object> out = new LinkedHashMap<>(returned);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("challengeName", "PASSWORD_VERIFIER");
            out.put("response", response);
            return out;
        };

        assertThatThrownBy(() -> start(clientId, "ren")).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void initiateWhenUserUnknownThenUserNotFound() {
        assertThatThrownBy(() -> start(clientId, "nobody")).isInstanceOf(UserNotFoundException.class)
                .hasMessage("User does not exist.");
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("With PreventUserExistenceErrors the triggers run for an unknown user (userNotFound: true), who never gets tokens")
    void respondWhenUserUnknownAndExistenceErrorsPreventedThenTriggersRunButNoTokens() {
        String hiding = client("ENABLED");

        AuthResponse challenge = start(hiding, "nobody");

        assertThat(challenge.challengeName()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(event(0)).containsEntry("userName", "nobody");
        assertThat(request(0)).containsEntry("userNotFound", true).containsEntry("userAttributes", Map.of());
        assertThatThrownBy(() -> answer(hiding, "nobody", challenge, "blue", null))
                .isInstanceOf(NotAuthorizedException.class).hasMessage("Incorrect username or password.");
        assertThat(request(2)).containsEntry("userNotFound", true);
    }

    /** One entry of the session list, with every member present as Cognito sends it (spec §3.3). */
    private static Map<String, Object> entry(String challengeName, boolean challengeResult, String challengeMetadata) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("challengeName", challengeName);
        entry.put("challengeResult", challengeResult);
        entry.put("challengeMetadata", challengeMetadata);
        return entry;
    }

    private AuthResponse srpThenChallenge(String client, String username, String password) {
        return CustomAuthSrp.passwordThenNext(t, poolId, client, username, password, new Random(5));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> session(int index) {
        return (List<Map<String, Object>>) request(index).get("session");
    }

    @Test
    @DisplayName("After SRP the session list has SRP_A, then PASSWORD_VERIFIER, each with challengeMetadata null, then the rounds")
    void respondWhenCustomAuthBeganWithSrpThenEachTriggerSeesTheSessionListOfSpec33() {
        AuthResponse challenge = srpThenChallenge(clientId, "ren", "Right-Passw0rd!");

        assertThat(challenge.challengeName()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(events).extracting(Map.Entry::getKey)
                .containsExactly("DefineAuthChallenge", "DefineAuthChallenge", "CreateAuthChallenge");
        assertThat(session(0)).containsExactly(entry("SRP_A", true, null));
        List<Map<String, Object>> afterPassword = List.of(entry("SRP_A", true, null),
                entry("PASSWORD_VERIFIER", true, null));
        assertThat(session(1)).isEqualTo(afterPassword);
        assertThat(session(2)).isEqualTo(afterPassword);
        assertThat(session(1)).allSatisfy(c -> assertThat(c).containsKey("challengeMetadata"));

        AuthResponse done = answer(clientId, "ren", challenge, "blue", null);

        assertThat(done.authenticationResult().idToken()).isNotBlank();
        assertThat(events.get(3).getKey()).isEqualTo("VerifyAuthChallengeResponse");
        assertThat(events.get(4).getKey()).isEqualTo("DefineAuthChallenge");
        assertThat(session(4)).isEqualTo(List.of(entry("SRP_A", true, null), entry("PASSWORD_VERIFIER", true, null),
                entry("CUSTOM_CHALLENGE", true, "SKY-2")));
    }

    @Test
    void respondWhenPasswordWrongAfterSrpThenIncorrectAndDefineIsNotAskedAgain() {
        assertThatThrownBy(() -> srpThenChallenge(clientId, "ren", "Wrong-Passw0rd!"))
                .isInstanceOf(NotAuthorizedException.class).hasMessage("Incorrect username or password.");
        assertThat(events).extracting(Map.Entry::getKey).containsExactly("DefineAuthChallenge");
    }

    @Test
    @DisplayName("A CUSTOM_CHALLENGE session lasts the client's AuthSessionValidity; later: \"Invalid session for the user, session is expired.\"")
    void respondWhenRoundSessionIsPastAuthSessionValidityThenSessionExpiredAndVerifyNotRun() {
        String fiveMinutes = client(null, 5);
        AuthResponse first = start(fiveMinutes, "ren");
        t.clock.advance(Duration.ofMinutes(5).minusMillis(1));
        AuthResponse second = answer(fiveMinutes, "ren", first, "green", null);
        assertThat(second.challengeName()).isEqualTo("CUSTOM_CHALLENGE");
        t.clock.advance(Duration.ofMinutes(5));
        events.clear();

        assertThatThrownBy(() -> answer(fiveMinutes, "ren", second, "blue", null))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user, session is expired.")
                .hasMessage(SignInFlow.EXPIRED_SESSION);
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("Define asks for CUSTOM_CHALLENGE but the pool has no CreateAuthChallenge: Cognito's missing-trigger error")
    void initiateWhenDefineAsksForCustomChallengeAndPoolHasNoCreateTriggerThenNotConfigured() {
        poolWithUser(DEFINE, null, VERIFY);
        events.clear();

        assertThatThrownBy(() -> start(clientId, "ren"))
                .isInstanceOf(InvalidUserPoolConfigurationException.class)
                .hasMessage("Custom auth lambda trigger is not configured for the user pool.");
        assertThat(events).extracting(Map.Entry::getKey).containsExactly("DefineAuthChallenge");
    }

    @Test
    void respondWhenPoolHasNoVerifyTriggerThenNotConfigured() {
        poolWithUser(DEFINE, CREATE, null);
        AuthResponse challenge = start(clientId, "ren");
        events.clear();

        assertThatThrownBy(() -> answer(clientId, "ren", challenge, "blue", null))
                .isInstanceOf(InvalidUserPoolConfigurationException.class)
                .hasMessage("Custom auth lambda trigger is not configured for the user pool.");
        assertThat(events).isEmpty();
    }

    /** A pool with the three trigger ARNs, a client, and the user "ren" (temporary password). */
    private void poolWithUser() {
        poolWithUser(DEFINE, CREATE, VERIFY);
    }

    /** A pool with these auth-challenge trigger ARNs (null: none), a client, and the user "ren". */
    private void poolWithUser(String define, String create, String verify) {
        UserPool pool = new CreateUserPool(t.services).handle(new CreateUserPool.Request("p", null, null,
                new LambdaConfig(null, null, null, null, null, define, create, verify, null, null, null, null, null,
                        null), null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null)).userPool();
        poolId = pool.id();
        clientId = client(null);
        new AdminCreateUser(t.services).handle(new AdminCreateUser.Request(poolId, "ren",
                List.of(new Attribute("email", "ren@example.com")), null, "Temp-Passw0rd!", null, "SUPPRESS", null,
                null));
    }

    private static Map<String, Object> nullMap(String... keys) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : keys) {
            m.put(k, null);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> event) {
        Map<String, Object> out = new LinkedHashMap<>();
        event.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m)
                : v instanceof List<?> l ? new ArrayList<>(l) : v));
        return out;
    }
}

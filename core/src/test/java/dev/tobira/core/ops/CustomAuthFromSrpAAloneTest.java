package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Limits;
import dev.tobira.core.TestServices;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.LambdaConfig;
import dev.tobira.core.srp.SrpClient;
import dev.tobira.core.trigger.TriggerInvoker;
import dev.tobira.core.user.Attribute;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CUSTOM_AUTH begun with {@code SRP_A} and no {@code CHALLENGE_NAME}, as pycognito's
 * {@code AWSSRP.get_auth_params()} sends it (spec §3.1), with triggers written like the original
 * demo's (seed 000): Define answers by the session's length — empty → PASSWORD_VERIFIER,
 * [PASSWORD_VERIFIER ✓] → CUSTOM_CHALLENGE, [PASSWORD_VERIFIER ✓, CUSTOM_CHALLENGE ✓] → tokens,
 * anything else fails; Create "emails" a 6-digit code; Verify compares it.
 */
class CustomAuthFromSrpAAloneTest {

    private static final String DEFINE = "arn:aws:lambda:ap-northeast-1:123456789012:function:define-auth";
    private static final String CREATE = "arn:aws:lambda:ap-northeast-1:123456789012:function:create-auth";
    private static final String VERIFY = "arn:aws:lambda:ap-northeast-1:123456789012:function:verify-auth";
    private static final String PASSWORD = "Right-Passw0rd!";

    /** Every trigger run, in order: (trigger, the event's request). */
    private final List<Map.Entry<String, Map<String, Object>>> runs = new ArrayList<>();
    /** What the Create function emailed: (address, code). */
    private final List<Map.Entry<String, String>> emailed = new ArrayList<>();
    private final Random codes = new Random(11);
    /** When set, the Define function answers this challenge to an empty session instead. */
    private String firstChallenge = "PASSWORD_VERIFIER";

    private TestServices t;
    private String poolId;
    private String clientId;
    private String hidingClientId;

    @BeforeEach
    void setUp() {
        TriggerInvoker invoker = (arn, trigger, event) -> {
            runs.add(Map.entry(trigger, request(event)));
            return run(arn, event);
        };
        t = new TestServices(Limits.DEFAULT, invoker);
        UserPool pool = new CreateUserPool(t.services).handle(new CreateUserPool.Request("p", null, null,
                new LambdaConfig(null, null, null, null, null, DEFINE, CREATE, VERIFY, null, null, null, null, null,
                        null), null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null)).userPool();
        poolId = pool.id();
        clientId = client(null);
        hidingClientId = client("ENABLED");
        new AdminCreateUser(t.services).handle(new AdminCreateUser.Request(poolId, "ren",
                List.of(new Attribute("email", "ren@example.com")), null, "Temp-Passw0rd!", null, "SUPPRESS", null,
                null));
        new AdminSetUserPassword(t.services).handle(new AdminSetUserPassword.Request(poolId, "ren", PASSWORD, true));
    }

    private String client(String preventUserExistenceErrors) {
        return new CreateUserPoolClient(t.services).handle(new CreateUserPoolClient.Request(poolId, "app", null, null,
                null, null, null, null, null, null, List.of("ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"), null,
                null, null, null, null, null, null, null, preventUserExistenceErrors, null, null, null, null))
                .userPoolClient().clientId();
    }

    // ---- The functions, written against the raw event as the seed's Python is ----

    @SuppressWarnings("unchecked")
    private static Map<String, Object> request(Map<String, Object> event) {
        return (Map<String, Object>) event.get("request");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> run(String arn, Map<String, Object> event) {
        Map<String, Object> request = request(event);
        Map<String, Object> response = new LinkedHashMap<>((Map<String, Object>) event.get("response"));
        if (arn.equals(DEFINE)) {
            List<Map<String, Object>> session = (List<Map<String, Object>>) request.get("session");
            Map<String, Object> last = session.isEmpty() ? Map.of() : session.getLast();
            boolean lastPassed = Boolean.TRUE.equals(last.get("challengeResult"));
            response.put("issueTokens", false);
            response.put("failAuthentication", false);
            if (session.isEmpty()) {
                response.put("challengeName", firstChallenge);
            } else if (session.size() == 1 && "PASSWORD_VERIFIER".equals(last.get("challengeName")) && lastPassed) {
                response.put("challengeName", "CUSTOM_CHALLENGE");
            } else if (session.size() == 2 && "CUSTOM_CHALLENGE".equals(last.get("challengeName")) && lastPassed) {
                response.put("issueTokens", true);
            } else {
                response.put("failAuthentication", true);
            }
        } else if (arn.equals(CREATE)) {
            String email = String.valueOf(((Map<String, Object>) request.get("userAttributes"))
                    .getOrDefault("email", ""));
            String otp = String.valueOf(100000 + codes.nextInt(900000));
            if (!email.isEmpty()) {
                emailed.add(Map.entry(email, otp));
            }
            response.put("publicChallengeParameters",
                    Map.of("email", email.isEmpty() ? "" : email.substring(0, 3) + "***" + email.substring(email.indexOf('@'))));
            response.put("privateChallengeParameters", Map.of("otp", otp));
            response.put("challengeMetadata", "OTP_CHALLENGE");
        } else {
            Map<String, Object> secret = (Map<String, Object>) request.get("privateChallengeParameters");
            response.put("answerCorrect", secret.get("otp").equals(request.get("challengeAnswer")));
        }
        Map<String, Object> out = new LinkedHashMap<>(event);
        out.put("response", response);
        return out;
    }

    // ---- The client, as pycognito drives it ----

    private AuthResponse initiate(String client, Map<String, String> parameters) {
        return new InitiateAuth(t.services).handle(new InitiateAuth.Request("CUSTOM_AUTH", parameters, null, client,
                null, null, null));
    }

    /** InitiateAuth CUSTOM_AUTH with USERNAME and SRP_A only. */
    private AuthResponse begin(String client, String username, SrpClient srp) {
        return initiate(client, Map.of("USERNAME", username, "SRP_A", srp.srpA()));
    }

    private AuthResponse passwordThenNext(String client, String username, String password) {
        return CustomAuthSrp.passwordThenNext(t, poolId, client, CustomAuthSrp.Shape.SRP_A_ALONE, username, password,
                new Random(3));
    }

    private AuthResponse answer(AuthResponse challenge, String code) {
        return new RespondToAuthChallenge(t.services).handle(new RespondToAuthChallenge.Request(clientId,
                "CUSTOM_CHALLENGE", challenge.session(), Map.of("USERNAME", "ren", "ANSWER", code), null, null, null));
    }

    private List<String> triggersRun() {
        return runs.stream().map(Map.Entry::getKey).toList();
    }

    private Object session(int run) {
        return runs.get(run).getValue().get("session");
    }

    private static Map<String, Object> entry(String challengeName, boolean challengeResult, String challengeMetadata) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("challengeName", challengeName);
        entry.put("challengeResult", challengeResult);
        entry.put("challengeMetadata", challengeMetadata);
        return entry;
    }

    private static void assertIncorrect(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Incorrect username or password.");
    }

    // ---- The tests ----

    @Test
    @DisplayName("SRP_A alone: Define sees an empty session, and its PASSWORD_VERIFIER is USER_SRP_AUTH's challenge")
    void initiateWhenSrpAAloneAndDefineAsksPasswordVerifierThenSrpChallengeFromThatSrpA() {
        AuthResponse verifier = begin(clientId, "ren", new SrpClient(poolId, new Random(3)));

        assertThat(triggersRun()).containsExactly("DefineAuthChallenge");
        assertThat(session(0)).isEqualTo(List.of());
        assertThat(verifier.challengeName()).isEqualTo("PASSWORD_VERIFIER");
        assertThat(verifier.session()).isNotBlank();
        assertThat(verifier.challengeParameters().keySet())
                .containsExactlyInAnyOrder("SALT", "SRP_B", "SECRET_BLOCK", "USERNAME", "USER_ID_FOR_SRP");
        assertThat(verifier.challengeParameters()).containsEntry("USER_ID_FOR_SRP", "ren")
                .containsEntry("USERNAME", "ren");
    }

    @Test
    @DisplayName("the seed's flow: [] → PASSWORD_VERIFIER, [PASSWORD_VERIFIER ✓] → CUSTOM_CHALLENGE, then the code → tokens")
    void respondWhenPasswordThenEmailedCodeRightThenDefineSeesTheSeedsSessionsAndTokensAreIssued() {
        AuthResponse challenge = passwordThenNext(clientId, "ren", PASSWORD);

        assertThat(challenge.challengeName()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(challenge.challengeParameters()).isEqualTo(Map.of("email", "ren***@example.com"));
        assertThat(triggersRun()).containsExactly("DefineAuthChallenge", "DefineAuthChallenge", "CreateAuthChallenge");
        List<Map<String, Object>> proven = List.of(entry("PASSWORD_VERIFIER", true, null));
        assertThat(session(1)).isEqualTo(proven);
        assertThat(session(2)).isEqualTo(proven);
        assertThat(emailed).singleElement().satisfies(e -> assertThat(e.getKey()).isEqualTo("ren@example.com"));

        AuthResponse done = answer(challenge, emailed.getLast().getValue());

        assertThat(done.authenticationResult().accessToken()).isNotBlank();
        assertThat(triggersRun()).endsWith("VerifyAuthChallengeResponse", "DefineAuthChallenge");
        assertThat(session(4)).isEqualTo(List.of(entry("PASSWORD_VERIFIER", true, null),
                entry("CUSTOM_CHALLENGE", true, "OTP_CHALLENGE")));
    }

    @Test
    void respondWhenCodeWrongThenTheSeedsDefineFailsTheSignIn() {
        AuthResponse challenge = passwordThenNext(clientId, "ren", PASSWORD);
        String wrong = emailed.getLast().getValue().equals("100000") ? "100001" : "100000";

        assertIncorrect(() -> answer(challenge, wrong));
    }

    @Test
    void respondWhenPasswordWrongThenIncorrectAndNoCodeIsCreated() {
        assertIncorrect(() -> passwordThenNext(clientId, "ren", "Wrong-Passw0rd!"));

        assertThat(triggersRun()).containsExactly("DefineAuthChallenge");
        assertThat(emailed).isEmpty();
    }

    @Test
    void initiateWhenUserUnknownThenUserNotFoundAndNoTriggerRuns() {
        assertThatThrownBy(() -> begin(clientId, "nobody", new SrpClient(poolId, new Random(3))))
                .isInstanceOf(UserNotFoundException.class).hasMessage("User does not exist.");
        assertThat(runs).isEmpty();
    }

    @Test
    @DisplayName("PreventUserExistenceErrors: an unknown user gets a simulated PASSWORD_VERIFIER of the same shape, whose proof fails")
    void respondWhenUserUnknownAndExistenceErrorsPreventedThenSimulatedChallengeAndIncorrect() {
        AuthResponse known = begin(hidingClientId, "ren", new SrpClient(poolId, new Random(3)));
        SrpClient srp = new SrpClient(poolId, new Random(4));
        AuthResponse ghost = begin(hidingClientId, "nobody", srp);

        assertThat(runs.get(1).getValue()).containsEntry("userNotFound", true).containsEntry("session", List.of());
        assertThat(ghost.challengeName()).isEqualTo(known.challengeName()).isEqualTo("PASSWORD_VERIFIER");
        assertThat(ghost.challengeParameters().keySet()).isEqualTo(known.challengeParameters().keySet());
        assertThat(ghost.challengeParameters().get("USER_ID_FOR_SRP"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(begin(hidingClientId, "nobody", srp).challengeParameters())
                .containsEntry("SALT", ghost.challengeParameters().get("SALT"))
                .containsEntry("USER_ID_FOR_SRP", ghost.challengeParameters().get("USER_ID_FOR_SRP"));
        runs.clear();

        assertIncorrect(() -> CustomAuthSrp.prove(t, hidingClientId, srp, ghost, PASSWORD));
        assertThat(runs).isEmpty();
        assertThat(emailed).isEmpty();
    }

    @Test
    @DisplayName("a spent PASSWORD_VERIFIER session is refused: a replayed proof gets no second challenge")
    void respondWhenProofReplayedThenInvalidSession() {
        SrpClient srp = new SrpClient(poolId, new Random(3));
        AuthResponse verifier = begin(clientId, "ren", srp);
        assertThat(CustomAuthSrp.prove(t, clientId, srp, verifier, PASSWORD).challengeName())
                .isEqualTo("CUSTOM_CHALLENGE");
        runs.clear();

        assertThatThrownBy(() -> CustomAuthSrp.prove(t, clientId, srp, verifier, PASSWORD))
                .isInstanceOf(NotAuthorizedException.class).hasMessage("Invalid session for the user.");
        assertThat(runs).isEmpty();
        assertThat(emailed).hasSize(1);
    }

    @Test
    void respondWhenWrongProofReplayedThenInvalidSession() {
        SrpClient srp = new SrpClient(poolId, new Random(3));
        AuthResponse verifier = begin(clientId, "ren", srp);
        assertIncorrect(() -> CustomAuthSrp.prove(t, clientId, srp, verifier, "Wrong-Passw0rd!"));

        assertThatThrownBy(() -> CustomAuthSrp.prove(t, clientId, srp, verifier, PASSWORD))
                .isInstanceOf(NotAuthorizedException.class).hasMessage("Invalid session for the user.");
    }

    @Test
    @DisplayName("five wrong proofs are \"Incorrect username or password.\", then the right one \"Password attempts exceeded\" (spec §7)")
    void respondWhenFiveWrongProofsThenPasswordAttemptsExceededEvenForTheRightOne() {
        for (int i = 0; i < 5; i++) {
            assertIncorrect(() -> passwordThenNext(clientId, "ren", "Wrong-Passw0rd!"));
        }
        assertThatThrownBy(() -> passwordThenNext(clientId, "ren", PASSWORD))
                .isInstanceOf(NotAuthorizedException.class).hasMessage("Password attempts exceeded");
        assertThat(emailed).isEmpty();

        t.clock.advance(Duration.ofSeconds(1));
        assertThat(passwordThenNext(clientId, "ren", PASSWORD).challengeName()).isEqualTo("CUSTOM_CHALLENGE");
    }

    @Test
    @DisplayName("SRP_A alone, Define answers CUSTOM_CHALLENGE to the empty session: the plain custom flow")
    void initiateWhenSrpAAloneAndDefineAsksCustomChallengeThenPlainCustomFlow() {
        firstChallenge = "CUSTOM_CHALLENGE";

        AuthResponse challenge = begin(clientId, "ren", new SrpClient(poolId, new Random(3)));

        assertThat(challenge.challengeName()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(triggersRun()).containsExactly("DefineAuthChallenge", "CreateAuthChallenge");
        assertThat(session(1)).isEqualTo(List.of());
        assertThat(emailed).hasSize(1);
    }

    @Test
    @DisplayName("no SRP_A at all and Define asks PASSWORD_VERIFIER: a clear InvalidParameterException")
    void initiateWhenNoSrpAAndDefineAsksPasswordVerifierThenInvalidParameter() {
        assertThatThrownBy(() -> initiate(clientId, Map.of("USERNAME", "ren")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("SRP_A is required: begin a custom authentication with SRP to verify the password.");
        assertThat(triggersRun()).containsExactly("DefineAuthChallenge");
    }

    @Test
    @DisplayName("CHALLENGE_NAME=SRP_A without SRP_A: a missing required parameter, before any trigger runs")
    void initiateWhenChallengeNameSrpAWithoutSrpAThenMissingParameter() {
        assertThatThrownBy(() -> initiate(clientId, Map.of("USERNAME", "ren", "CHALLENGE_NAME", "SRP_A")))
                .isInstanceOf(InvalidParameterException.class).hasMessage("Missing required parameter SRP_A");
        assertThat(runs).isEmpty();
    }

    @Test
    void initiateWhenSrpAAloneIsNotHexThenInvalidParameterBeforeAnyTriggerRuns() {
        assertThatThrownBy(() -> initiate(clientId, Map.of("USERNAME", "ren", "SRP_A", "not-hex")))
                .isInstanceOf(InvalidParameterException.class).hasMessage("SRP_A is not a valid hexadecimal number.");
        assertThat(runs).isEmpty();
    }
}

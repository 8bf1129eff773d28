package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.AdjustableClock;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.dev.DevPool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import tools.jackson.databind.JsonNode;

/**
 * The password-then-emailed-code design with amazon-cognito-identity-js, {@code CUSTOM_AUTH}, against the
 * dev pool's built-in tobira-email-otp triggers: SRP, then the code from the dev outbox, then tokens.
 * The tests of an expired code have a server of their own whose clock they move.
 */
class CognitoIdentityJsCustomAuthTest {

    private static final String POOL = DevPool.poolId("us-east-1");
    private static final String PASSWORD = "Right-Passw0rd!";
    private static final String INCORRECT = "Incorrect username or password.";

    private static RunningTobira tobira;

    @BeforeAll
    static void start() throws Exception {
        CognitoIdentityJs.assumeInstalled();
        tobira = RunningTobira.devInMemory();
    }

    @AfterAll
    static void stop() {
        if (tobira != null) {
            tobira.close();
        }
    }

    private static void confirmedUser(RunningTobira server, String email) {
        try (CognitoIdentityProviderClient cognito = server.client()) {
            cognito.signUp(b -> b.clientId(DevPool.CLIENT_ID).username(email).password(PASSWORD));
            cognito.confirmSignUp(b -> b.clientId(DevPool.CLIENT_ID).username(email)
                    .confirmationCode(DevOutbox.latestCode(server.endpoint(), email, 6)));
        }
    }

    /** The scenario {@code customAuth} of cognito-client.mjs with the dev client, on the shared server. */
    private static JsonNode customAuth(String email, String password, List<?> answers) {
        return customAuth(tobira, DevPool.CLIENT_ID, Optional.empty(), email, password, answers);
    }

    /**
     * The scenario {@code customAuth} of cognito-client.mjs against {@code server} with {@code clientId};
     * an answer may move the server's clock through {@code clock}.
     */
    private static JsonNode customAuth(RunningTobira server, String clientId, Optional<ClockControl> clock,
            String email, String password, List<?> answers) {
        Map<String, Object> request = new HashMap<>(Map.of("scenario", "customAuth", "endpoint", server.endpoint(),
                "userPoolId", POOL, "clientId", clientId, "username", email, "password", password,
                "issuer", server.settings().issuerUrl() + "/" + POOL,
                "jwksUri", server.endpoint() + "/" + POOL + "/.well-known/jwks.json"));
        request.put("email", email);
        request.put("answers", answers);
        clock.ifPresent(c -> request.put("clockUrl", c.url()));
        return CognitoIdentityJs.run(request);
    }

    /** An answer given after the server's clock has moved {@code seconds} ahead. */
    private static Map<String, Object> after(long seconds, String answer) {
        return Map.of("advanceClockSeconds", seconds, "answer", answer);
    }

    private static void assertFailure(JsonNode result, String code, String message) {
        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("failure");
        assertThat(result.get("code").asString()).as(result.toString()).isEqualTo(code);
        assertThat(result.get("message").asString()).isEqualTo(message);
    }

    private static void assertSignedIn(JsonNode result, String email) {
        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
        assertThat(result.get("tokens").get("id").get("claims").get("email").asString()).isEqualTo(email);
    }

    /** The code the client read from the outbox at challenge {@code i}, and what it answered. */
    private static String code(JsonNode result, int i) {
        return result.get("answered").get(i).get("code").asString();
    }

    private static String answer(JsonNode result, int i) {
        return result.get("answered").get(i).get("answer").asString();
    }

    @Test
    void customAuthWhenPasswordAndEmailedCodeAreRightThenVerifiedTokens() {
        confirmedUser(tobira, "kim@example.com");
        JsonNode result = customAuth("kim@example.com", PASSWORD, List.of("$CODE"));
        assertSignedIn(result, "kim@example.com");
        assertThat(result.get("challenges").get(0).get("email").asString()).isEqualTo("k***@e***");
        // One sign-up code and one sign-in code: the email went out once the password was proven.
        assertThat(DevOutbox.count(tobira.endpoint(), "kim@example.com")).isEqualTo(2);
    }

    @Test
    @DisplayName("PreventUserExistenceErrors: an unknown user and a known one with a wrong password look the same on the wire; neither gets an email")
    void customAuthWhenUserUnknownThenIndistinguishableFromAWrongPasswordAndNoEmail() {
        confirmedUser(tobira, "lin@example.com");

        JsonNode known = customAuth("lin@example.com", "Wrong-Passw0rd!", List.of());
        JsonNode unknown = customAuth("nobody@example.com", "Wrong-Passw0rd!", List.of());

        for (JsonNode result : List.of(known, unknown)) {
            assertFailure(result, "NotAuthorizedException", INCORRECT);
            assertThat(result.get("challenges")).isEmpty();
            JsonNode wire = result.get("wire");
            assertThat(wire).hasSize(2);
            assertThat(wire.get(0).get("target").asString()).isEqualTo("InitiateAuth");
            assertThat(wire.get(0).get("status").asInt()).isEqualTo(200);
            assertThat(wire.get(0).get("challengeName").asString()).isEqualTo("PASSWORD_VERIFIER");
            JsonNode parameters = wire.get(0).get("challengeParameters");
            assertThat(parameters.propertyNames()).containsExactlyInAnyOrder("SALT", "SECRET_BLOCK", "SRP_B",
                    "USERNAME", "USER_ID_FOR_SRP");
            assertThat(parameters.get("USER_ID_FOR_SRP").asString())
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(parameters.get("SALT").asString()).matches("[0-9a-f]{32}");
            assertThat(wire.get(1).get("target").asString()).isEqualTo("RespondToAuthChallenge");
            assertThat(wire.get(1).get("status").asInt()).isEqualTo(400);
            assertThat(wire.get(1).get("type").asString()).isEqualTo("NotAuthorizedException");
            assertThat(wire.get(1).get("message").asString()).isEqualTo(INCORRECT);
        }
        assertThat(DevOutbox.count(tobira.endpoint(), "lin@example.com")).as("the sign-up code only").isEqualTo(1);
        assertThat(DevOutbox.count(tobira.endpoint(), "nobody@example.com")).isZero();
    }

    @Test
    @DisplayName("3 wrong codes, each 6 digits: NotAuthorizedException 'Incorrect username or password.'; a new sign-in gets a new code that works")
    void customAuthWhenCodeWrongThreeTimesThenTheSignInFailsAndAFreshSignInWorksWithANewCode() {
        confirmedUser(tobira, "mo@example.com");

        JsonNode result = customAuth("mo@example.com", PASSWORD, List.of("$WRONG", "$WRONG", "$WRONG"));

        assertFailure(result, "NotAuthorizedException", INCORRECT);
        assertThat(result.get("challenges")).hasSize(3);
        String right = code(result, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(code(result, i)).as("the same code is asked for").isEqualTo(right);
            assertThat(answer(result, i)).matches("\\d{6}").isNotEqualTo(right);
        }
        assertThat(DevOutbox.count(tobira.endpoint(), "mo@example.com")).isEqualTo(2);

        JsonNode again = customAuth("mo@example.com", PASSWORD, List.of("$CODE"));

        assertSignedIn(again, "mo@example.com");
        assertThat(DevOutbox.count(tobira.endpoint(), "mo@example.com")).isEqualTo(3);
        assertThat(answer(again, 0)).isNotEqualTo(right);
    }

    @Test
    @DisplayName("An expired code is refused (injected clock): past 3 minutes the right code finds the session expired; a new sign-in works")
    void customAuthWhenRightCodeAnsweredAfterThreeMinutesThenSessionExpiredAndAFreshSignInWorks() {
        AdjustableClock time = new AdjustableClock();
        try (RunningTobira server = RunningTobira.devInMemory(Settings.Triggers.none(), time);
                ClockControl clock = ClockControl.serve(time)) {
            confirmedUser(server, "rio@example.com");

            // The dev client's AuthSessionValidity is 3 minutes, as long as the code works.
            JsonNode late = customAuth(server, DevPool.CLIENT_ID, Optional.of(clock), "rio@example.com", PASSWORD,
                    List.of(after(181, "$CODE")));

            assertFailure(late, "NotAuthorizedException", "Invalid session for the user, session is expired.");
            assertThat(late.get("challenges")).hasSize(1);
            assertThat(answer(late, 0)).isEqualTo(code(late, 0));
            assertThat(DevOutbox.count(server.endpoint(), "rio@example.com")).isEqualTo(2);

            JsonNode again = customAuth(server, DevPool.CLIENT_ID, Optional.empty(), "rio@example.com", PASSWORD,
                    List.of("$CODE"));

            assertSignedIn(again, "rio@example.com");
            assertThat(DevOutbox.count(server.endpoint(), "rio@example.com")).isEqualTo(3);
            assertThat(code(again, 0)).isNotEqualTo(code(late, 0));
        }
    }

    @Test
    @DisplayName("An expired code is refused (injected clock): with a 15-minute session, the right code after 3 minutes asks again, a new code is emailed and it signs in")
    void customAuthWhenRightCodeExpiredWithinALongerSessionThenRefusedAndTheNewlyEmailedCodeSignsIn() {
        AdjustableClock time = new AdjustableClock();
        try (RunningTobira server = RunningTobira.devInMemory(Settings.Triggers.none(), time);
                ClockControl clock = ClockControl.serve(time);
                CognitoIdentityProviderClient cognito = server.client()) {
            String client = cognito.createUserPoolClient(b -> b.userPoolId(POOL).clientName("long-sessions")
                    .authSessionValidity(15).explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
            confirmedUser(server, "sora@example.com");

            JsonNode result = customAuth(server, client, Optional.of(clock), "sora@example.com", PASSWORD,
                    List.of(after(181, "$CODE"), "$CODE"));

            assertSignedIn(result, "sora@example.com");
            assertThat(result.get("challenges")).hasSize(2);
            assertThat(result.get("challenges").get(1).get("email").asString()).isEqualTo("s***@e***");
            assertThat(answer(result, 0)).as("the right code, refused once expired").isEqualTo(code(result, 0));
            assertThat(code(result, 1)).as("a new code").isNotEqualTo(code(result, 0));
            assertThat(answer(result, 1)).isEqualTo(code(result, 1));
            assertThat(DevOutbox.count(server.endpoint(), "sora@example.com")).isEqualTo(3);
        }
    }
}

package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The README's "Passwordless sign-in with the AWS CLI" tutorial with the real AWS CLI against the dev
 * pool, typed as a user types it: sign-up without a password, confirm-sign-up (Session), initiate-auth
 * USER_AUTH with that session (tokens); later initiate-auth USER_AUTH (EMAIL_OTP) and
 * respond-to-auth-challenge with the emailed code; a second initiate-auth as "resend".
 */
class PasswordlessWithAwsCliTest {

    private static final String CLIENT = DevPool.CLIENT_ID;

    private static RunningTobira tobira;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
    }

    @AfterAll
    static void stop() {
        tobira.close();
    }

    private static JsonNode ok(String... args) {
        return new AwsCli(tobira.endpoint()).ok(args);
    }

    private static String error(String... args) {
        return new AwsCli(tobira.endpoint()).error(args);
    }

    /** sign-up without --password, then confirm-sign-up with the emailed code; returns confirm-sign-up's output. */
    private static JsonNode signUpAndConfirm(String email) {
        JsonNode signedUp = ok("sign-up", "--client-id", CLIENT, "--username", email,
                "--user-attributes", "Name=email,Value=" + email);
        assertThat(signedUp.get("UserConfirmed").asBoolean()).isFalse();
        assertThat(signedUp.get("Session").asString()).isNotBlank();
        return ok("confirm-sign-up", "--client-id", CLIENT, "--username", email,
                "--confirmation-code", DevOutbox.latestCode(tobira.endpoint(), email, 6));
    }

    private static JsonNode emailOtp(String email) {
        return ok("initiate-auth", "--auth-flow", "USER_AUTH", "--client-id", CLIENT,
                "--auth-parameters", "USERNAME=" + email);
    }

    private static String[] answer(String email, JsonNode challenge, String code) {
        return new String[] {"respond-to-auth-challenge", "--client-id", CLIENT, "--challenge-name", "EMAIL_OTP",
            "--session", challenge.get("Session").asString(),
            "--challenge-responses", "USERNAME=" + email + ",EMAIL_OTP_CODE=" + code};
    }

    private static String code(String email) {
        return DevOutbox.latestCode(tobira.endpoint(), email, 8);
    }

    @Test
    @DisplayName("The README tutorial, step by step")
    void tutorialWhenTypedAsInTheReadmeThenSignUpSignsInAndLaterTheEmailedCodeSignsIn() {
        JsonNode confirmed = signUpAndConfirm("hana@example.com");
        String session = confirmed.get("Session").asString();

        JsonNode autoSignIn = ok("initiate-auth", "--auth-flow", "USER_AUTH", "--client-id", CLIENT,
                "--auth-parameters", "USERNAME=hana@example.com,SESSION=" + session);
        assertThat(autoSignIn.get("AuthenticationResult").get("TokenType").asString()).isEqualTo("Bearer");
        assertThat(autoSignIn.get("ChallengeParameters").isEmpty()).isTrue();

        JsonNode challenge = emailOtp("hana@example.com");
        assertThat(challenge.get("ChallengeName").asString()).isEqualTo("EMAIL_OTP");
        assertThat(challenge.get("ChallengeParameters").get("CODE_DELIVERY_DELIVERY_MEDIUM").asString())
                .isEqualTo("EMAIL");
        assertThat(challenge.get("ChallengeParameters").get("CODE_DELIVERY_DESTINATION").asString())
                .isEqualTo("h***@e***");
        assertThat(challenge.get("AvailableChallenges").toString()).isEqualTo("[\"EMAIL_OTP\"]");
        assertThat(DevOutbox.newest(tobira.endpoint(), "hana@example.com").get("subject").asString())
                .isEqualTo("Your sign-in code");

        JsonNode tokens = ok(answer("hana@example.com", challenge, code("hana@example.com")));
        String accessToken = tokens.get("AuthenticationResult").get("AccessToken").asString();
        JsonNode user = ok("get-user", "--access-token", accessToken);
        assertThat(user.get("UserAttributes").toString()).contains("\"Value\":\"hana@example.com\"");
        JsonNode factors = ok("get-user-auth-factors", "--access-token", accessToken);
        assertThat(factors.get("ConfiguredUserAuthFactors").toString()).isEqualTo("[\"EMAIL_OTP\"]");
    }

    @Test
    void initiateAuthWhenConfirmSignUpsSessionGivenAsTopLevelSessionThenTokensAndOnlyOnce() {
        String session = signUpAndConfirm("iku@example.com").get("Session").asString();
        String[] autoSignIn = {"initiate-auth", "--auth-flow", "USER_AUTH", "--client-id", CLIENT,
            "--auth-parameters", "USERNAME=iku@example.com", "--session", session};
        assertThat(ok(autoSignIn).get("AuthenticationResult").get("IdToken").asString()).isNotBlank();
        assertThat(error(autoSignIn)).isEqualTo("An error occurred (NotAuthorizedException) when calling the "
                + "InitiateAuth operation: Invalid session for the user.");
    }

    @Test
    @DisplayName("A second initiate-auth serves as resend: a new code, and the first session is dead")
    void initiateAuthAgainWhenCodeNotYetUsedThenNewCodeAndTheOldSessionIsRefused() {
        signUpAndConfirm("jun@example.com");
        JsonNode first = emailOtp("jun@example.com");
        String firstCode = code("jun@example.com");
        JsonNode second = emailOtp("jun@example.com");
        String secondCode = code("jun@example.com");
        assertThat(DevOutbox.count(tobira.endpoint(), "jun@example.com")).isEqualTo(3);

        assertThat(error(answer("jun@example.com", first, firstCode))).isEqualTo("An error occurred "
                + "(NotAuthorizedException) when calling the RespondToAuthChallenge operation: Invalid session for the user.");
        assertThat(ok(answer("jun@example.com", second, secondCode)).get("AuthenticationResult")).isNotNull();
    }

    @Test
    @DisplayName("Wrong code: CodeMismatchException, the session kept; after 3 wrong answers it is dead")
    void respondWhenCodeWrongThenCodeMismatchAndAfterThreeWrongAnswersInvalidSession() {
        signUpAndConfirm("kei@example.com");
        JsonNode challenge = emailOtp("kei@example.com");
        String right = code("kei@example.com");
        String wrong = right.equals("00000000") ? "11111111" : "00000000";
        String mismatch = "An error occurred (CodeMismatchException) when calling the RespondToAuthChallenge "
                + "operation: Invalid code or auth state for the user.";
        assertThat(error(answer("kei@example.com", challenge, wrong))).isEqualTo(mismatch);
        assertThat(ok(answer("kei@example.com", challenge, right)).get("AuthenticationResult")).isNotNull();

        JsonNode next = emailOtp("kei@example.com");
        String nextRight = code("kei@example.com");
        String nextWrong = nextRight.equals("00000000") ? "11111111" : "00000000";
        for (int i = 0; i < 3; i++) {
            assertThat(error(answer("kei@example.com", next, nextWrong))).isEqualTo(mismatch);
        }
        assertThat(error(answer("kei@example.com", next, nextRight))).isEqualTo("An error occurred "
                + "(NotAuthorizedException) when calling the RespondToAuthChallenge operation: Invalid session for the user.");
    }
}

package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.Limits;
import dev.tobira.server.AdjustableClock;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The README's "Passwordless sign-in with the AWS CLI" tutorial with the real AWS CLI against the dev
 * pool, typed as a user types it: sign-up without a password, confirm-sign-up (Session), initiate-auth
 * USER_AUTH with that session (tokens); later initiate-auth USER_AUTH (EMAIL_OTP) and
 * respond-to-auth-challenge with the emailed code; a second initiate-auth as "resend", after the
 * cooldown. The server runs with {@code ./tobira dev}'s limits (a 10-second resend cooldown, 3
 * answers per code) on a clock the tests move past cooldowns and session validities.
 */
class PasswordlessWithAwsCliTest {

    private static final String CLIENT = DevPool.CLIENT_ID;
    private static final String INVALID_SESSION = "Invalid session for the user.";
    private static final String MISMATCH = "Invalid code or auth state for the user.";

    private static final AdjustableClock clock = new AdjustableClock();
    private static RunningTobira tobira;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory(Limits.DEFAULT, clock);
    }

    @AfterAll
    static void stop() {
        tobira.close();
    }

    /** What the AWS CLI prints for the service error {@code type} with {@code message} from {@code operation}. */
    private static String cliError(String type, String operation, String message) {
        return "An error occurred (" + type + ") when calling the " + operation + " operation: " + message;
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

    /** {@code aws cognito-idp initiate-auth --auth-flow USER_AUTH … --auth-parameters PARAMETERS}. */
    private static String[] userAuth(String parameters) {
        return new String[] {"initiate-auth", "--auth-flow", "USER_AUTH", "--client-id", CLIENT,
            "--auth-parameters", parameters};
    }

    private static JsonNode emailOtp(String email) {
        return ok(userAuth("USERNAME=" + email));
    }

    private static String[] answer(String email, JsonNode challenge, String code) {
        return new String[] {"respond-to-auth-challenge", "--client-id", CLIENT, "--challenge-name", "EMAIL_OTP",
            "--session", challenge.get("Session").asString(),
            "--challenge-responses", "USERNAME=" + email + ",EMAIL_OTP_CODE=" + code};
    }

    private static String code(String email) {
        return DevOutbox.latestCode(tobira.endpoint(), email, 8);
    }

    /** An 8-digit code that is not {@code right}. */
    private static String wrong(String right) {
        return right.equals("00000000") ? "11111111" : "00000000";
    }

    @Test
    @DisplayName("The README tutorial, step by step")
    void tutorialWhenTypedAsInTheReadmeThenSignUpSignsInAndLaterTheEmailedCodeSignsIn() {
        JsonNode confirmed = signUpAndConfirm("hana@example.com");
        String session = confirmed.get("Session").asString();

        JsonNode autoSignIn = ok(userAuth("USERNAME=hana@example.com,SESSION=" + session));
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
        assertThat(error(autoSignIn)).isEqualTo(cliError("NotAuthorizedException", "InitiateAuth", INVALID_SESSION));
    }

    @Test
    @DisplayName("Resend: a second initiate-auth within the 10-second cooldown is refused and the first session "
            + "still takes answers; after the cooldown a new code, and the old code and old session are refused")
    void initiateAuthAgainWhenWithinTheCooldownThenLimitExceededAndAfterItANewCodeSupersedesTheOld() {
        signUpAndConfirm("jun@example.com");
        JsonNode first = emailOtp("jun@example.com");
        String firstCode = code("jun@example.com");
        assertThat(error(userAuth("USERNAME=jun@example.com"))).isEqualTo(cliError("LimitExceededException",
                "InitiateAuth", "Attempt limit exceeded, please try after some time."));
        assertThat(DevOutbox.count(tobira.endpoint(), "jun@example.com")).isEqualTo(2);
        assertThat(error(answer("jun@example.com", first, wrong(firstCode))))
                .isEqualTo(cliError("CodeMismatchException", "RespondToAuthChallenge", MISMATCH));

        clock.advance(Limits.DEFAULT.resendCooldown());
        JsonNode second = emailOtp("jun@example.com");
        String secondCode = code("jun@example.com");
        assertThat(DevOutbox.count(tobira.endpoint(), "jun@example.com")).isEqualTo(3);
        assertThat(second.get("Session").asString()).isNotEqualTo(first.get("Session").asString());

        assertThat(error(answer("jun@example.com", first, firstCode)))
                .isEqualTo(cliError("NotAuthorizedException", "RespondToAuthChallenge", INVALID_SESSION));
        if (!firstCode.equals(secondCode)) {
            assertThat(error(answer("jun@example.com", second, firstCode)))
                    .isEqualTo(cliError("CodeMismatchException", "RespondToAuthChallenge", MISMATCH));
        }
        assertThat(ok(answer("jun@example.com", second, secondCode)).get("AuthenticationResult")).isNotNull();
    }

    @Test
    @DisplayName("Wrong code: CodeMismatchException, the session kept; after 3 wrong answers it is dead")
    void respondWhenCodeWrongThenCodeMismatchAndAfterThreeWrongAnswersInvalidSession() {
        signUpAndConfirm("kei@example.com");
        JsonNode challenge = emailOtp("kei@example.com");
        String right = code("kei@example.com");
        String mismatch = cliError("CodeMismatchException", "RespondToAuthChallenge", MISMATCH);
        assertThat(error(answer("kei@example.com", challenge, wrong(right)))).isEqualTo(mismatch);
        assertThat(ok(answer("kei@example.com", challenge, right)).get("AuthenticationResult")).isNotNull();

        JsonNode next = emailOtp("kei@example.com");
        String nextRight = code("kei@example.com");
        for (int i = 0; i < 3; i++) {
            assertThat(error(answer("kei@example.com", next, wrong(nextRight)))).isEqualTo(mismatch);
        }
        assertThat(error(answer("kei@example.com", next, nextRight)))
                .isEqualTo(cliError("NotAuthorizedException", "RespondToAuthChallenge", INVALID_SESSION));
    }

    @Test
    void respondWhenTheCodeAndSessionWereAlreadyUsedThenInvalidSession() {
        signUpAndConfirm("lea@example.com");
        String[] answer = answer("lea@example.com", emailOtp("lea@example.com"), code("lea@example.com"));
        assertThat(ok(answer).get("AuthenticationResult").get("AccessToken").asString()).isNotBlank();
        assertThat(error(answer)).isEqualTo(cliError("NotAuthorizedException", "RespondToAuthChallenge",
                INVALID_SESSION));
    }

    @Test
    @DisplayName("A code answered after the client's AuthSessionValidity (3 minutes) finds its session expired")
    void respondWhenTheCodeIsAnsweredAfterTheAuthSessionValidityThenSessionIsExpired() {
        signUpAndConfirm("mio@example.com");
        JsonNode challenge = ok(userAuth("USERNAME=mio@example.com,PREFERRED_CHALLENGE=EMAIL_OTP"));
        assertThat(challenge.get("ChallengeName").asString()).isEqualTo("EMAIL_OTP");
        assertThat(challenge.has("AvailableChallenges")).as(challenge.toString()).isFalse();
        String right = code("mio@example.com");
        clock.advance(Duration.ofMinutes(3));
        assertThat(error(answer("mio@example.com", challenge, right))).isEqualTo(cliError("NotAuthorizedException",
                "RespondToAuthChallenge", "Invalid session for the user, session is expired."));
    }

    @Test
    @DisplayName("ConfirmSignUp's session is for the first sign-in only: once the emailed code signed the user in, it is refused")
    void initiateAuthWhenTheUserSignedInWithAnEmailedCodeFirstThenConfirmSignUpsSessionIsRefused() {
        String session = signUpAndConfirm("nao@example.com").get("Session").asString();
        JsonNode challenge = emailOtp("nao@example.com");
        assertThat(ok(answer("nao@example.com", challenge, code("nao@example.com"))).get("AuthenticationResult"))
                .isNotNull();
        assertThat(error(userAuth("USERNAME=nao@example.com,SESSION=" + session)))
                .isEqualTo(cliError("NotAuthorizedException", "InitiateAuth", INVALID_SESSION));
    }
}

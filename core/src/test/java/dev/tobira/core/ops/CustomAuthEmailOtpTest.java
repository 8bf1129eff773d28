package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.InvalidUserPoolConfigurationException;
import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.TestServices;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.LambdaConfig;
import dev.tobira.core.user.Attribute;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CUSTOM_AUTH with the built-in tobira-email-otp triggers: password over SRP, then the emailed code. */
class CustomAuthEmailOtpTest {

    private static final String TRIGGER = "arn:aws:lambda:us-east-1:000000000000:function:tobira-email-otp";

    private TestServices t;
    private String poolId;
    private String clientId;

    @BeforeEach
    void setUp() {
        t = new TestServices();
        UserPool pool = new CreateUserPool(t.services).handle(new CreateUserPool.Request("p", null, null,
                new LambdaConfig(null, null, null, null, null, TRIGGER, TRIGGER, TRIGGER, null, null, null, null, null,
                        null), null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null)).userPool();
        poolId = pool.id();
        clientId = new CreateUserPoolClient(t.services).handle(new CreateUserPoolClient.Request(poolId, "c", null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null)).userPoolClient().clientId();
        new AdminCreateUser(t.services).handle(new AdminCreateUser.Request(poolId, "ren",
                List.of(new Attribute("email", "ren@example.com")), null, "Temp-Passw0rd!", null, "SUPPRESS", null,
                null));
        new AdminSetUserPassword(t.services).handle(new AdminSetUserPassword.Request(poolId, "ren", "Right-Passw0rd!",
                true));
    }

    /** Another client of the pool, with the default auth flows. */
    private String client(String preventUserExistenceErrors, Integer authSessionValidityMinutes) {
        return new CreateUserPoolClient(t.services).handle(new CreateUserPoolClient.Request(poolId, "other", null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                preventUserExistenceErrors, null, null, authSessionValidityMinutes, null)).userPoolClient().clientId();
    }

    /** SRP_A, then the password proof: the CUSTOM_CHALLENGE that follows it. */
    private AuthResponse passwordThenChallenge(String password) {
        return passwordThenChallenge("ren", password);
    }

    private AuthResponse passwordThenChallenge(String username, String password) {
        return passwordThenChallenge(CustomAuthSrp.Shape.SRP_A_FIRST, username, password);
    }

    private AuthResponse passwordThenChallenge(CustomAuthSrp.Shape shape, String username, String password) {
        return CustomAuthSrp.passwordThenNext(t, poolId, clientId, shape, username, password, new Random(9));
    }

    private AuthResponse respond(String challenge, Map<String, String> responses, String session) {
        return new RespondToAuthChallenge(t.services).handle(new RespondToAuthChallenge.Request(clientId, challenge,
                session, responses, null, null, null));
    }

    private AuthResponse answer(AuthResponse challenge, String code) {
        return respond("CUSTOM_CHALLENGE", Map.of("USERNAME", "ren", "ANSWER", code), challenge.session());
    }

    private String emailedCode() {
        Matcher m = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)").matcher(t.sent.getLast().body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @ParameterizedTest
    @EnumSource(CustomAuthSrp.Shape.class)
    void customAuthWhenPasswordAndCodeRightThenTokens(CustomAuthSrp.Shape shape) {
        AuthResponse challenge = passwordThenChallenge(shape, "ren", "Right-Passw0rd!");
        assertThat(challenge.challengeName()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(challenge.challengeParameters()).containsEntry("email", "r***@e***");
        assertThat(t.sent).hasSize(1);
        assertThat(t.sent.getLast().to()).isEqualTo("ren@example.com");
        assertThat(t.sent.getLast().body()).contains("3 minutes");
        assertThat(answer(challenge, emailedCode()).authenticationResult().accessToken()).isNotBlank();
        assertThatThrownBy(() -> answer(challenge, emailedCode()))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Invalid session for the user.");
    }

    @ParameterizedTest
    @EnumSource(CustomAuthSrp.Shape.class)
    void customAuthWhenPasswordWrongThenRefusedBeforeAnyEmail(CustomAuthSrp.Shape shape) {
        assertThatThrownBy(() -> passwordThenChallenge(shape, "ren", "Wrong-Passw0rd!"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Incorrect username or password.");
        assertThat(t.sent).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CustomAuthSrp.Shape.class)
    @DisplayName("at most 3 code attempts per sign-in, then it must start over")
    void customAuthWhenCodeWrongThreeTimesThenFailsAndOnlyOneEmailWasSent(CustomAuthSrp.Shape shape) {
        AuthResponse challenge = passwordThenChallenge(shape, "ren", "Right-Passw0rd!");
        String right = emailedCode();
        String wrong = right.equals("000000") ? "111111" : "000000";
        AuthResponse second = answer(challenge, wrong);
        assertThat(second.challengeName()).isEqualTo("CUSTOM_CHALLENGE");
        AuthResponse third = answer(second, wrong);
        assertThatThrownBy(() -> answer(third, wrong))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Incorrect username or password.");
        assertThat(t.sent).hasSize(1);
    }

    @Test
    @DisplayName("a code older than 3 minutes is refused even if right; that round emails a new code, which signs in")
    void customAuthWhenCodeOlderThanThreeMinutesThenRefusedEvenIfRightAndANewCodeIsEmailed() {
        AuthResponse challenge = passwordThenChallenge("Right-Passw0rd!");
        String code = emailedCode();
        t.clock.advance(Duration.ofMinutes(2).plusSeconds(59));
        AuthResponse again = answer(challenge, "999999".equals(code) ? "000000" : "999999");
        assertThat(t.sent).hasSize(1);
        t.clock.advance(Duration.ofSeconds(1));

        AuthResponse late = answer(again, code);

        assertThat(late.authenticationResult()).isNull();
        assertThat(late.challengeName()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(late.challengeParameters()).isEqualTo(Map.of("email", "r***@e***"));
        assertThat(t.sent).hasSize(2);
        assertThat(t.sent.getLast().to()).isEqualTo("ren@example.com");
        String fresh = emailedCode();
        assertThat(fresh).isNotEqualTo(code);
        assertThat(answer(late, fresh).authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    void customAuthWhenNewCodesFollowExpiredOnesThenStillAtMostThreeAnswers() {
        // Each round's session outlives the code: AuthSessionValidity 15 minutes.
        clientId = client(null, 15);
        AuthResponse challenge = passwordThenChallenge("Right-Passw0rd!");
        t.clock.advance(Duration.ofMinutes(3));
        AuthResponse second = answer(challenge, emailedCode());
        t.clock.advance(Duration.ofMinutes(3));
        AuthResponse third = answer(second, emailedCode());
        t.clock.advance(Duration.ofMinutes(3));

        assertThatThrownBy(() -> answer(third, emailedCode()))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Incorrect username or password.");
        assertThat(t.sent).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(CustomAuthSrp.Shape.class)
    @DisplayName("PreventUserExistenceErrors: an unknown user gets PASSWORD_VERIFIER and the wrong-password error; no email")
    void customAuthWhenUserUnknownAndExistenceErrorsPreventedThenAsAWrongPasswordAndNothingSent(
            CustomAuthSrp.Shape shape) {
        clientId = client("ENABLED", null);

        assertThatThrownBy(() -> passwordThenChallenge(shape, "nobody", "Right-Passw0rd!"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Incorrect username or password.");
        assertThatThrownBy(() -> passwordThenChallenge(shape, "ren", "Wrong-Passw0rd!"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessage("Incorrect username or password.");
        assertThat(t.sent).isEmpty();
    }

    @Test
    @DisplayName("CUSTOM_AUTH with no SRP_A: the built-in Define asks for the password, which needs SRP_A; nothing is sent")
    void customAuthWhenNoSrpAThenSrpAIsRequiredAndNothingSent() {
        assertThatThrownBy(() -> new InitiateAuth(t.services).handle(new InitiateAuth.Request("CUSTOM_AUTH",
                Map.of("USERNAME", "ren"), null, clientId, null, null, null)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("SRP_A is required: begin a custom authentication with SRP to verify the password.");
        assertThat(t.sent).isEmpty();
    }

    @Test
    void customAuthWhenPoolHasNoTriggersThenNotConfigured() {
        UserPool bare = new CreateUserPool(t.services).handle(new CreateUserPool.Request("bare", null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null)).userPool();
        String bareClient = new CreateUserPoolClient(t.services).handle(new CreateUserPoolClient.Request(bare.id(),
                "c", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null)).userPoolClient().clientId();
        assertThatThrownBy(() -> new InitiateAuth(t.services).handle(new InitiateAuth.Request("CUSTOM_AUTH",
                Map.of("USERNAME", "x"), null, bareClient, null, null, null)))
                .isInstanceOf(InvalidUserPoolConfigurationException.class)
                .hasMessage("Custom auth lambda trigger is not configured for the user pool.");
    }

    @Test
    void customAuthWhenUserHasNoEmailThenCreateFailsAsAFunctionWouldAndNothingIsSent() {
        new AdminCreateUser(t.services).handle(new AdminCreateUser.Request(poolId, "kai", List.of(), null,
                "Temp-Passw0rd!", null, "SUPPRESS", null, null));
        new AdminSetUserPassword(t.services).handle(new AdminSetUserPassword.Request(poolId, "kai",
                "Right-Passw0rd!", true));
        int sent = t.sent.size();

        assertThatThrownBy(() -> passwordThenChallenge("kai", "Right-Passw0rd!"))
                .isInstanceOf(dev.tobira.core.CognitoException.UserLambdaValidationException.class)
                .hasMessage("CreateAuthChallenge failed with error The user has no email address..");
        assertThat(t.sent).hasSize(sent);
    }
}

package dev.tobira.core.ops;

import static dev.tobira.core.ops.TriggerPool.ARN;
import static dev.tobira.core.ops.TriggerPool.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.message.Message;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The CustomMessage trigger on every message Tobira sends with a code. */
class CustomMessageTest {

    private static final String FUNCTION = ARN + "customMessage";

    private final TriggerPool p = new TriggerPool(TriggerPool.lambdaConfig("customMessage"));

    private static Map<String, Object> answer(String subject, String email, String sms) {
        Map<String, Object> out = new HashMap<>();
        out.put("emailSubject", subject);
        out.put("emailMessage", email);
        out.put("smsMessage", sms);
        return out;
    }

    private void signUp(String username) {
        new SignUp(p.t.services).handle(new SignUp.Request(p.clientId, null, username, TriggerPool.PASSWORD,
                List.of(new Attribute("email", username + "@example.com")), null, Map.of("from", "landing")));
    }

    private static String code(Message message) {
        Matcher m = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)").matcher(message.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }


    @Test
    @DisplayName("CustomMessage_SignUp gets codeParameter {####}, a null usernameParameter and null response "
            + "members; its subject and HTML message replace Tobira's, {####} filled with the code")
    void signUpWhenFunctionRewritesTheEmailThenTheRewrittenEmailIsSent() {
        p.functions.put(FUNCTION, event -> answer("Welcome to Acme", "<p>Your Acme code: <b>{####}</b></p>", null));

        signUp("ren");

        Map<String, Object> event = p.events("CustomMessage_SignUp").getFirst();
        assertThat(event).containsEntry("userName", "ren");
        Map<String, Object> expected = new HashMap<>();
        expected.put("codeParameter", "{####}");
        expected.put("usernameParameter", null);
        assertThat(request(event)).containsAllEntriesOf(expected)
                .containsEntry("clientMetadata", Map.of("from", "landing"));
        assertThat(event.get("response")).isEqualTo(answer(null, null, null));
        Message sent = p.t.sent.getLast();
        assertThat(sent.subject()).isEqualTo("Welcome to Acme");
        assertThat(sent.body()).startsWith("Your Acme code: ").matches("Your Acme code: \\d{6}\\s*");
        assertThat(sent.html()).contains("<b>" + code(sent) + "</b>");
    }

    @Test
    void signUpWhenFunctionChangesNothingThenTobirasMessage() {
        signUp("ren");

        assertThat(p.events("CustomMessage_SignUp")).hasSize(1);
        assertThat(p.t.sent.getLast().subject()).isNotBlank().doesNotContain("Acme");
    }

    @Test
    @DisplayName("A message without {####} is refused as Cognito refuses it, and no user is made")
    void signUpWhenFunctionMessageLacksTheCodeThenInvalidParameterWithCognitosText() {
        p.functions.put(FUNCTION, event -> answer(null, "Welcome aboard!", null));

        assertThatThrownBy(() -> signUp("ren")).isInstanceOf(InvalidParameterException.class).hasMessage(
                "1 validation error detected: Value 'Welcome aboard!' at 'emailBody' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: "
                        + "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*");
        assertThatThrownBy(() -> new AdminGetUser(p.t.services).handle(new AdminGetUser.Request(p.poolId, "ren")))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void resendAndForgotPasswordWhenPoolHasCustomMessageThenEachHasItsSource() {
        signUp("ren");
        p.t.clock.advance(java.time.Duration.ofMinutes(5));
        new ResendConfirmationCode(p.t.services).handle(new ResendConfirmationCode.Request(p.clientId, null, "ren",
                null));
        assertThat(p.events).extracting(e -> e.get("triggerSource")).containsExactly("CustomMessage_SignUp",
                "CustomMessage_ResendCode");
        p.createUser("lou");
        p.functions.put(FUNCTION, event -> answer("Reset", "Reset with {####}", null));

        new ForgotPassword(p.t.services).handle(new ForgotPassword.Request(p.clientId, null, "lou", null));

        assertThat(p.events).extracting(e -> e.get("triggerSource")).containsExactly("CustomMessage_ForgotPassword");
        assertThat(p.t.sent.getLast().body()).matches("Reset with \\d{6}\\s*");
    }

    @Test
    @DisplayName("CustomMessage_AdminCreateUser gets usernameParameter {username}; both placeholders are filled")
    void adminCreateUserWhenFunctionRewritesTheInvitationThenUsernameAndPasswordFilled() {
        p.functions.put(FUNCTION, event -> answer("Join Acme", "Hi {username}, your password is {####}", null));

        new AdminCreateUser(p.t.services).handle(new AdminCreateUser.Request(p.poolId, "ren",
                List.of(new Attribute("email", "ren@example.com")), null, "Temp-Passw0rd!", null, null,
                List.of("EMAIL"), null));

        assertThat(request(p.events("CustomMessage_AdminCreateUser").getFirst()))
                .containsEntry("usernameParameter", "{username}");
        assertThat(p.t.sent.getLast().body()).isEqualTo("Hi ren, your password is Temp-Passw0rd!");
        assertThat(p.t.sent.getLast().subject()).isEqualTo("Join Acme");
    }

    private static final String CODE_PATTERN =
            "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*";

    private static String refusal(String text, String pattern) {
        return "1 validation error detected: Value '" + text + "' at 'emailBody' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: " + pattern;
    }

    @Test
    @DisplayName("Every triggerSource that sends a code refuses a function message without {####}, and nothing changes")
    void everySourceWhenFunctionMessageLacksTheCodeThenInvalidParameterAndNothingChanges() {
        p.createUser("lou");
        String access = p.signIn("lou", TriggerPool.PASSWORD).authenticationResult().accessToken();
        p.functions.put(FUNCTION, event -> answer(null, "No code here", null));
        int sentBefore = p.t.sent.size();

        assertThatThrownBy(() -> new ForgotPassword(p.t.services).handle(new ForgotPassword.Request(p.clientId, null,
                "lou", null))).isInstanceOf(InvalidParameterException.class)
                .hasMessage(refusal("No code here", CODE_PATTERN));
        assertThatThrownBy(() -> new AdminResetUserPassword(p.t.services).handle(new AdminResetUserPassword.Request(
                p.poolId, "lou", null))).isInstanceOf(InvalidParameterException.class)
                .hasMessage(refusal("No code here", CODE_PATTERN));
        assertThatThrownBy(() -> new UpdateUserAttributes(p.t.services).handle(new UpdateUserAttributes.Request(
                List.of(new Attribute("email", "lou2@example.com")), access, null)))
                .isInstanceOf(InvalidParameterException.class).hasMessage(refusal("No code here", CODE_PATTERN));
        assertThatThrownBy(() -> new GetUserAttributeVerificationCode(p.t.services).handle(
                new GetUserAttributeVerificationCode.Request(access, "email", null)))
                .isInstanceOf(InvalidParameterException.class).hasMessage(refusal("No code here", CODE_PATTERN));
        assertThatThrownBy(() -> new AdminCreateUser(p.t.services).handle(new AdminCreateUser.Request(p.poolId, "ren",
                List.of(new Attribute("email", "ren@example.com")), null, "Temp-Passw0rd!", null, null,
                List.of("EMAIL"), null))).isInstanceOf(InvalidParameterException.class)
                .hasMessage(refusal("No code here", CODE_PATTERN));

        assertThat(p.events).extracting(e -> e.get("triggerSource")).containsExactly("CustomMessage_ForgotPassword",
                "CustomMessage_ForgotPassword", "CustomMessage_UpdateUserAttribute", "CustomMessage_VerifyUserAttribute",
                "CustomMessage_AdminCreateUser");
        assertThat(p.t.sent).hasSize(sentBefore);
        User lou = p.t.services.users().find(p.poolId, "lou", true).orElseThrow();
        assertThat(lou.status()).as("AdminResetUserPassword changed nothing").isEqualTo(UserStatus.CONFIRMED);
        assertThat(lou.attribute("email")).as("UpdateUserAttributes changed nothing").contains("lou@example.com");
        assertThatThrownBy(() -> new AdminGetUser(p.t.services).handle(new AdminGetUser.Request(p.poolId, "ren")))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    @DisplayName("An invitation (CustomMessage_AdminCreateUser) without {username} is refused: the function's "
            + "response must include the username and code placeholders (Cognito developer guide)")
    void adminCreateUserWhenFunctionInvitationLacksTheUsernameThenInvalidParameterAndNoUser() {
        p.functions.put(FUNCTION, event -> answer("Join", "Your password is {####}", null));

        assertThatThrownBy(() -> new AdminCreateUser(p.t.services).handle(new AdminCreateUser.Request(p.poolId, "ren",
                List.of(new Attribute("email", "ren@example.com")), null, "Temp-Passw0rd!", null, null,
                List.of("EMAIL"), null))).isInstanceOf(InvalidParameterException.class)
                .hasMessage(refusal("Your password is {####}", "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*"
                        + "\\{username\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*"));
        assertThatThrownBy(() -> new AdminGetUser(p.t.services).handle(new AdminGetUser.Request(p.poolId, "ren")))
                .isInstanceOf(UserNotFoundException.class);
    }
}

package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.UserLambdaValidationException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Limits;
import dev.tobira.core.TestServices;
import dev.tobira.core.pool.UserPool.LambdaConfig;
import dev.tobira.core.trigger.TriggerInvoker;
import dev.tobira.core.user.Attribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The PreSignUp and PostConfirmation triggers around SignUp and ConfirmSignUp. */
class SignUpTriggersTest {

    private static final String PRE = "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up";
    private static final String POST = "arn:aws:lambda:us-east-1:123456789012:function:post-confirmation";

    private final List<Map<String, Object>> events = new ArrayList<>();
    /** What PreSignUp answers, or null to make it fail. */
    private Map<String, Object> preSignUpAnswer = Map.of();
    private boolean postConfirmationFails;

    private TestServices t;
    private String poolId;
    private String clientId;

    @BeforeEach
    void setUp() {
        TriggerInvoker invoker = (arn, trigger, event) -> {
            events.add(event);
            if (arn.equals(PRE) && preSignUpAnswer == null) {
                throw new UserLambdaValidationException("PreSignUp failed with error Sign-ups are closed..");
            }
            if (arn.equals(POST) && postConfirmationFails) {
                throw new UserLambdaValidationException("PostConfirmation failed with error CRM is down..");
            }
            Map<String, Object> out = new LinkedHashMap<>(event);
            out.put("response", arn.equals(PRE) ? preSignUpAnswer : Map.of());
            return out;
        };
        t = new TestServices(Limits.DEFAULT, invoker);
        poolId = new CreateUserPool(t.services).handle(new CreateUserPool.Request("p", null, null,
                new LambdaConfig(PRE, null, POST, null, null, null, null, null, null, null, null, null, null, null),
                List.of("email"), null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null)).userPool().id();
        clientId = new CreateUserPoolClient(t.services).handle(new CreateUserPoolClient.Request(poolId, "c", null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null)).userPoolClient().clientId();
    }

    private SignUp.Response signUp(String username) {
        return new SignUp(t.services).handle(new SignUp.Request(clientId, null, username, "Right-Passw0rd!",
                List.of(new Attribute("email", username + "@example.com")),
                List.of(new Attribute("invite", "TOBIRA-2026")), Map.of("source", "landing-page")));
    }

    private AdminGetUser.Response user(String username) {
        return new AdminGetUser(t.services).handle(new AdminGetUser.Request(poolId, username));
    }

    private String code() {
        Matcher m = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)").matcher(t.sent.getLast().body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> request(Map<String, Object> event) {
        return (Map<String, Object>) event.get("request");
    }

    @Test
    @DisplayName("PreSignUp gets Cognito's event: the new user's attributes, ValidationData and ClientMetadata")
    void signUpWhenPoolHasPreSignUpThenItGetsTheEvent() {
        signUp("ren");

        Map<String, Object> event = events.getFirst();
        assertThat(event).containsEntry("triggerSource", "PreSignUp_SignUp").containsEntry("userPoolId", poolId)
                .containsEntry("userName", "ren")
                .containsEntry("callerContext", Map.of("awsSdkVersion", "aws-sdk-unknown-unknown", "clientId", clientId));
        assertThat(request(event)).containsEntry("validationData", Map.of("invite", "TOBIRA-2026"))
                .containsEntry("clientMetadata", Map.of("source", "landing-page"));
        assertThat((Map<String, Object>) request(event).get("userAttributes"))
                .containsEntry("email", "ren@example.com").containsEntry("cognito:user_status", "UNCONFIRMED")
                .containsKey("sub");
        assertThat(event.get("response")).isEqualTo(Map.of("autoConfirmUser", false, "autoVerifyEmail", false,
                "autoVerifyPhone", false));
    }

    @Test
    void signUpWhenPreSignUpFailsThenItsErrorAndNoUserAndNoEmail() {
        preSignUpAnswer = null;

        assertThatThrownBy(() -> signUp("ren")).isInstanceOf(UserLambdaValidationException.class)
                .hasMessage("PreSignUp failed with error Sign-ups are closed..");
        assertThatThrownBy(() -> user("ren")).isInstanceOf(UserNotFoundException.class);
        assertThat(t.sent).isEmpty();
    }

    @Test
    void signUpWhenPreSignUpConfirmsAndVerifiesThenConfirmedAtOnceAndNoCodeIsSent() {
        preSignUpAnswer = Map.of("autoConfirmUser", true, "autoVerifyEmail", true, "autoVerifyPhone", false);

        SignUp.Response response = signUp("ren");

        assertThat(response.userConfirmed()).isTrue();
        assertThat(response.codeDeliveryDetails()).isNull();
        assertThat(t.sent).isEmpty();
        assertThat(user("ren").userStatus()).isEqualTo("CONFIRMED");
        assertThat(user("ren").userAttributes()).contains(new Attribute("email_verified", "true"));
    }

    @Test
    void signUpWhenPreSignUpAnswersWithoutConfirmingThenUnconfirmedAndTheCodeIsSent() {
        SignUp.Response response = signUp("ren");

        assertThat(response.userConfirmed()).isFalse();
        assertThat(t.sent).hasSize(1);
        assertThat(user("ren").userStatus()).isEqualTo("UNCONFIRMED");
    }

    @Test
    void confirmSignUpWhenPoolHasPostConfirmationThenItRunsWithTheConfirmedUser() {
        signUp("ren");
        events.clear();

        new ConfirmSignUp(t.services).handle(new ConfirmSignUp.Request(clientId, null, "ren", code(), null, null,
                Map.of("step", "confirm")));

        assertThat(events).hasSize(1);
        assertThat(events.getFirst()).containsEntry("triggerSource", "PostConfirmation_ConfirmSignUp")
                .containsEntry("userName", "ren");
        assertThat((Map<String, Object>) request(events.getFirst()).get("userAttributes"))
                .containsEntry("cognito:user_status", "CONFIRMED").containsEntry("email_verified", "true");
        assertThat(request(events.getFirst())).containsEntry("clientMetadata", Map.of("step", "confirm"));
    }

    @Test
    void confirmSignUpWhenPostConfirmationFailsThenItsErrorButTheUserStaysConfirmed() {
        signUp("ren");
        postConfirmationFails = true;

        assertThatThrownBy(() -> new ConfirmSignUp(t.services).handle(new ConfirmSignUp.Request(clientId, null, "ren",
                code(), null, null, null))).isInstanceOf(UserLambdaValidationException.class)
                .hasMessage("PostConfirmation failed with error CRM is down..");
        assertThat(user("ren").userStatus()).isEqualTo("CONFIRMED");
    }

    @Test
    void adminConfirmSignUpWhenPoolHasPostConfirmationThenItRunsForNoAppClient() {
        signUp("ren");
        events.clear();

        new AdminConfirmSignUp(t.services).handle(new AdminConfirmSignUp.Request(poolId, "ren", null));

        assertThat(events.getFirst()).containsEntry("triggerSource", "PostConfirmation_ConfirmSignUp")
                .containsEntry("callerContext", Map.of("awsSdkVersion", "aws-sdk-unknown-unknown",
                        "clientId", "CLIENT_ID_NOT_APPLICABLE"));
    }
}

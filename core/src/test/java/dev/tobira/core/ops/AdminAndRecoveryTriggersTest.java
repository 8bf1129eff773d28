package dev.tobira.core.ops;

import static dev.tobira.core.ops.TriggerPool.ARN;
import static dev.tobira.core.ops.TriggerPool.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.UserLambdaValidationException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.user.Attribute;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PreSignUp on AdminCreateUser and PostConfirmation on ConfirmForgotPassword. */
class AdminAndRecoveryTriggersTest {

    private final TriggerPool p = new TriggerPool(TriggerPool.lambdaConfig("preSignUp", "postConfirmation"));

    private AdminCreateUser.Response adminCreate(String username) {
        return new AdminCreateUser(p.t.services).handle(new AdminCreateUser.Request(p.poolId, username,
                List.of(new Attribute("email", username + "@example.com")), List.of(new Attribute("team", "ops")),
                "Temp-Passw0rd!", null, "SUPPRESS", null, Map.of("source", "console")));
    }

    @Test
    @DisplayName("PreSignUp_AdminCreateUser gets the new user, ValidationData and ClientMetadata; its autoVerifyEmail "
            + "verifies the address, and the user still must choose a password")
    @SuppressWarnings("unchecked")
    void adminCreateUserWhenPoolHasPreSignUpThenItRunsAndItsVerificationApplies() {
        p.functions.put(ARN + "preSignUp", event -> Map.of("autoConfirmUser", true, "autoVerifyEmail", true,
                "autoVerifyPhone", false));

        AdminCreateUser.Response response = adminCreate("ren");

        Map<String, Object> event = p.events("PreSignUp_AdminCreateUser").getFirst();
        assertThat(event).containsEntry("userName", "ren").containsEntry("callerContext",
                Map.of("awsSdkVersion", "aws-sdk-unknown-unknown", "clientId", "CLIENT_ID_NOT_APPLICABLE"));
        assertThat(request(event)).containsEntry("validationData", Map.of("team", "ops"))
                .containsEntry("clientMetadata", Map.of("source", "console"));
        assertThat((Map<String, Object>) request(event).get("userAttributes"))
                .containsEntry("email", "ren@example.com");
        assertThat(response.user().userStatus()).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(response.user().attributes()).contains(new Attribute("email_verified", "true"));
    }

    @Test
    void adminCreateUserWhenPreSignUpRefusesThenItsErrorAndNoUser() {
        p.functions.put(ARN + "preSignUp", event -> {
            throw new UserLambdaValidationException("PreSignUp failed with error Not invited..");
        });

        assertThatThrownBy(() -> adminCreate("ren")).isInstanceOf(UserLambdaValidationException.class)
                .hasMessage("PreSignUp failed with error Not invited..");
        assertThatThrownBy(() -> new AdminGetUser(p.t.services).handle(new AdminGetUser.Request(p.poolId, "ren")))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    @DisplayName("ConfirmForgotPassword tells PostConfirmation (PostConfirmation_ConfirmForgotPassword) with its "
            + "ClientMetadata")
    void confirmForgotPasswordWhenPoolHasPostConfirmationThenItRuns() {
        p.createUser("lou");
        new ForgotPassword(p.t.services).handle(new ForgotPassword.Request(p.clientId, null, "lou", null));
        Matcher code = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)").matcher(p.t.sent.getLast().body());
        assertThat(code.find()).isTrue();

        new ConfirmForgotPassword(p.t.services).handle(new ConfirmForgotPassword.Request(p.clientId, null, "lou",
                code.group(1), "New-Passw0rd!", Map.of("step", "reset")));

        Map<String, Object> event = p.events("PostConfirmation_ConfirmForgotPassword").getFirst();
        assertThat(event).containsEntry("userName", "lou");
        assertThat(request(event)).containsEntry("clientMetadata", Map.of("step", "reset"));
        assertThat(p.signIn("lou", "New-Passw0rd!").authenticationResult()).isNotNull();
    }
}

package dev.tobira.core.ops;

import static dev.tobira.core.ops.TriggerPool.ARN;
import static dev.tobira.core.ops.TriggerPool.PASSWORD;
import static dev.tobira.core.ops.TriggerPool.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.CognitoException.UserLambdaValidationException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PreAuthentication and PostAuthentication around a sign-in. */
class AuthenticationTriggersTest {

    private final TriggerPool p = new TriggerPool(TriggerPool.lambdaConfig("preAuthentication",
            "postAuthentication"));

    AuthenticationTriggersTest() {
        p.createUser("lou");
    }

    @Test
    @DisplayName("PreAuthentication gets the user's attributes, InitiateAuth's ClientMetadata as validationData, "
            + "and userNotFound; PostAuthentication gets newDeviceUsed and clientMetadata")
    @SuppressWarnings("unchecked")
    void signInWhenPoolHasBothTriggersThenEachGetsCognitosEvent() {
        AuthResponse response = p.adminSignIn("lou", PASSWORD, Map.of("app", "web"));

        assertThat(response.authenticationResult()).isNotNull();
        Map<String, Object> pre = p.events("PreAuthentication_Authentication").getFirst();
        assertThat(pre).containsEntry("version", "1").containsEntry("userName", "lou")
                .containsEntry("response", Map.of());
        assertThat(request(pre)).containsOnlyKeys("userAttributes", "validationData", "userNotFound")
                .containsEntry("validationData", Map.of("app", "web")).containsEntry("userNotFound", false);
        assertThat((Map<String, Object>) request(pre).get("userAttributes"))
                .containsEntry("email", "lou@example.com").containsKey("sub");
        Map<String, Object> post = p.events("PostAuthentication_Authentication").getFirst();
        assertThat(request(post)).containsOnlyKeys("userAttributes", "newDeviceUsed", "clientMetadata")
                .containsEntry("newDeviceUsed", false).containsEntry("clientMetadata", Map.of());
        assertThat(p.events).extracting(e -> e.get("triggerSource")).containsExactly(
                "PreAuthentication_Authentication", "PostAuthentication_Authentication");
    }

    @Test
    void signInWhenPreAuthenticationFailsThenItsErrorAndNoPostAuthentication() {
        p.functions.put(ARN + "preAuthentication", event -> {
            throw new UserLambdaValidationException("PreAuthentication failed with error Sign-in is paused..");
        });

        assertThatThrownBy(() -> p.signIn("lou", PASSWORD)).isInstanceOf(UserLambdaValidationException.class)
                .hasMessage("PreAuthentication failed with error Sign-in is paused..");
        assertThat(p.events("PostAuthentication_Authentication")).isEmpty();
    }

    @Test
    void signInWhenPasswordWrongThenPreAuthenticationRanAndPostAuthenticationDidNot() {
        assertThatThrownBy(() -> p.signIn("lou", "Wrong-Passw0rd!")).isInstanceOf(NotAuthorizedException.class);

        assertThat(p.events("PreAuthentication_Authentication")).hasSize(1);
        assertThat(p.events("PostAuthentication_Authentication")).isEmpty();
    }

    @Test
    void signInWhenPostAuthenticationFailsThenNoTokens() {
        p.functions.put(ARN + "postAuthentication", event -> {
            throw new UserLambdaValidationException("PostAuthentication failed with error Audit log is down..");
        });

        assertThatThrownBy(() -> p.signIn("lou", PASSWORD)).isInstanceOf(UserLambdaValidationException.class)
                .hasMessage("PostAuthentication failed with error Audit log is down..");
    }

    @Test
    void refreshWhenPoolHasAuthenticationTriggersThenNeitherRuns() {
        String refreshToken = p.signIn("lou", PASSWORD).authenticationResult().refreshToken();
        p.events.clear();

        p.refresh(refreshToken);

        assertThat(p.events).isEmpty();
    }
}

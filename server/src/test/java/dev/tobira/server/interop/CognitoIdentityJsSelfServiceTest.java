package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;
import tools.jackson.databind.JsonNode;

/**
 * amazon-cognito-identity-js, signed in by SRP, changes its user's email ({@code updateAttributes}),
 * verifies the new address with the code that reached the dev outbox ({@code verifyAttribute}) and
 * deletes the user ({@code deleteUser}).
 */
class CognitoIdentityJsSelfServiceTest {

    private static final String PASSWORD = "Right-Passw0rd!";

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
        cognito = tobira.client();
    }

    @AfterAll
    static void stop() {
        cognito.close();
        tobira.close();
    }

    @BeforeEach
    void node() throws Exception {
        CognitoIdentityJs.assumeInstalled();
    }

    private String[] poolAndClient(String name, boolean verifyBeforeUpdate) {
        String poolId = cognito.createUserPool(b -> {
            b.poolName(name).autoVerifiedAttributes(VerifiedAttributeType.EMAIL);
            if (verifyBeforeUpdate) {
                b.userAttributeUpdateSettings(s -> s.attributesRequireVerificationBeforeUpdate(
                        VerifiedAttributeType.EMAIL));
            }
        }).userPool().id();
        String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("browser")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("kim").messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value("kim@example.com").build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username("kim").password(PASSWORD).permanent(true));
        return new String[] {poolId, clientId};
    }

    private JsonNode run(String poolId, String clientId, String newEmail) {
        Map<String, Object> request = new HashMap<>(Map.of("scenario", "selfService", "endpoint", tobira.endpoint(),
                "userPoolId", poolId, "clientId", clientId, "username", "kim", "password", PASSWORD,
                "issuer", tobira.endpoint() + "/" + poolId,
                "jwksUri", tobira.endpoint() + "/" + poolId + "/.well-known/jwks.json"));
        request.put("newEmail", newEmail);
        request.put("name", "Kim");
        return CognitoIdentityJs.run(request);
    }

    @Test
    @DisplayName("updateAttributes changes the email at once (unverified) and a code reaches the new address; "
            + "verifyAttribute verifies it; deleteUser deletes the user")
    void selfServiceWhenEmailChangesThenCodeVerifiesItAndDeleteUserRemovesTheUser() {
        String[] ids = poolAndClient("js-self-service", false);

        JsonNode result = run(ids[0], ids[1], "kim@new.example");

        assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("success");
        assertThat(result.path("update").path("result").asString()).isEqualTo("SUCCESS");
        JsonNode delivery = result.path("update").path("details").path("CodeDeliveryDetailsList").path(0);
        assertThat(delivery.path("AttributeName").asString()).isEqualTo("email");
        assertThat(delivery.path("DeliveryMedium").asString()).isEqualTo("EMAIL");
        assertThat(delivery.path("Destination").asString()).isEqualTo("k***@n***");
        assertThat(result.path("afterUpdate").path("email").asString()).isEqualTo("kim@new.example");
        assertThat(result.path("afterUpdate").path("email_verified").asString()).isEqualTo("false");
        assertThat(result.path("afterUpdate").path("name").asString()).isEqualTo("Kim");
        assertThat(result.path("wrongCode").path("code").asString()).isEqualTo("CodeMismatchException");
        assertThat(result.path("wrongCode").path("message").asString())
                .isEqualTo("Invalid verification code provided, please try again.");
        assertThat(result.path("verify").asString()).isEqualTo("SUCCESS");
        assertThat(result.path("afterVerify").path("email_verified").asString()).isEqualTo("true");
        assertThat(result.path("delete").asString()).isEqualTo("SUCCESS");
        assertThat(result.path("getUserAfterDelete").path("code").asString()).isEqualTo("NotAuthorizedException");
        assertThat(result.path("signInAfterDelete").path("code").asString()).isEqualTo("UserNotFoundException");
        assertThat(result.path("signInAfterDelete").path("message").asString()).isEqualTo("User does not exist.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cognito.adminGetUser(b -> b.userPoolId(ids[0])
                .username("kim"))).isInstanceOf(UserNotFoundException.class);
    }

    @Test
    @DisplayName("With AttributesRequireVerificationBeforeUpdate the old email stays until verifyAttribute "
            + "gets the code sent to the new one")
    void selfServiceWhenPoolVerifiesBeforeUpdateThenOldEmailStaysUntilVerified() {
        String[] ids = poolAndClient("js-self-service-verify-first", true);

        JsonNode result = run(ids[0], ids[1], "kim@later.example");

        assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("success");
        assertThat(result.path("afterUpdate").path("email").asString()).isEqualTo("kim@example.com");
        assertThat(result.path("afterUpdate").path("email_verified").asString()).isEqualTo("true");
        assertThat(result.path("afterUpdate").path("name").asString()).isEqualTo("Kim");
        assertThat(result.path("verify").asString()).isEqualTo("SUCCESS");
        assertThat(result.path("afterVerify").path("email").asString()).isEqualTo("kim@later.example");
        assertThat(result.path("afterVerify").path("email_verified").asString()).isEqualTo("true");
        assertThat(result.path("delete").asString()).isEqualTo("SUCCESS");
    }
}

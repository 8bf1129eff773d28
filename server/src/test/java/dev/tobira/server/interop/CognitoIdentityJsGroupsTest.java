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
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import tools.jackson.databind.JsonNode;

/**
 * amazon-cognito-identity-js signs in (SRP) a user who is in two groups, and jose verifies its tokens
 * against the pool's JWKS before the group claims are read.
 */
class CognitoIdentityJsGroupsTest {

    private static final String PASSWORD = "Right-Passw0rd!";
    private static final String ADMIN_ROLE = "arn:aws:iam::123456789012:role/Admin";
    private static final String EDITOR_ROLE = "arn:aws:iam::123456789012:role/Editor";

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

    @Test
    @DisplayName("A user in two groups: the verified ID token has cognito:groups by precedence and "
            + "cognito:preferred_role; the access token cognito:groups")
    void signInWhenUserInTwoGroupsThenVerifiedTokensCarryGroupsAndPreferredRole() {
        String poolId = cognito.createUserPool(b -> b.poolName("js-groups")).userPool().id();
        String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("browser")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("kim").messageAction(MessageActionType.SUPPRESS));
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username("kim").password(PASSWORD).permanent(true));
        cognito.createGroup(b -> b.userPoolId(poolId).groupName("editors").roleArn(EDITOR_ROLE).precedence(10));
        cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins").roleArn(ADMIN_ROLE).precedence(1));
        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username("kim").groupName("editors"));
        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username("kim").groupName("admins"));

        Map<String, Object> request = new HashMap<>(Map.of("scenario", "signIn", "endpoint", tobira.endpoint(),
                "userPoolId", poolId, "clientId", clientId, "username", "kim", "password", PASSWORD,
                "issuer", tobira.endpoint() + "/" + poolId,
                "jwksUri", tobira.endpoint() + "/" + poolId + "/.well-known/jwks.json"));
        JsonNode result = CognitoIdentityJs.run(request);

        assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("success");
        JsonNode id = result.path("tokens").path("id").path("claims");
        assertThat(id.path("cognito:groups").toString()).isEqualTo("[\"admins\",\"editors\"]");
        assertThat(id.path("cognito:preferred_role").asString()).isEqualTo(ADMIN_ROLE);
        assertThat(id.path("cognito:roles").toString())
                .isEqualTo("[\"" + ADMIN_ROLE + "\",\"" + EDITOR_ROLE + "\"]");
        JsonNode access = result.path("tokens").path("access").path("claims");
        assertThat(access.path("cognito:groups").toString()).isEqualTo("[\"admins\",\"editors\"]");
        assertThat(access.has("cognito:preferred_role")).isFalse();
    }
}

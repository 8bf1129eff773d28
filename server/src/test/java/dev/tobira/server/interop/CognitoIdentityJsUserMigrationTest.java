package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.trigger.TestHandlers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import tools.jackson.databind.JsonNode;

/**
 * A UserMigration function (a Java class written against aws-lambda-java-events) lets a user the pool
 * does not know sign in from amazon-cognito-identity-js with USER_PASSWORD_AUTH and the password it
 * approves; afterwards the user exists with that password, and SRP sign-in (which never reveals a
 * password, so never migrates) works with it. Tokens are verified with jose against the JWKS.
 */
class CognitoIdentityJsUserMigrationTest {

    private static final String LEGACY_PASSWORD = "Legacy-Passw0rd!";

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory(new Settings.Triggers(Map.of("legacy-directory",
                TestHandlers.LegacyDirectoryMigration.class.getName()), List.of(), Optional.empty()));
        cognito = tobira.client();
    }

    @AfterAll
    static void stop() {
        if (tobira != null) {
            cognito.close();
            tobira.close();
        }
    }

    @BeforeEach
    void node() throws Exception {
        CognitoIdentityJs.assumeInstalled();
    }

    private static JsonNode signIn(String poolId, String clientId, String username, String password, String flow) {
        Map<String, Object> request = new HashMap<>(Map.of("scenario", "signIn", "endpoint", tobira.endpoint(),
                "userPoolId", poolId, "clientId", clientId, "username", username, "password", password,
                "issuer", tobira.endpoint() + "/" + poolId,
                "jwksUri", tobira.endpoint() + "/" + poolId + "/.well-known/jwks.json"));
        if (flow != null) {
            request.put("flow", flow);
        }
        return CognitoIdentityJs.run(request);
    }

    @Test
    @DisplayName("USER_PASSWORD_AUTH of an unknown user migrates them with the approved password; SRP works after")
    void signInWhenMigrationApprovesThenUserExistsWithThatPasswordAndSrpWorks() {
        String poolId = cognito.createUserPool(b -> b.poolName("migrating").lambdaConfig(l -> l.userMigration(
                "arn:aws:lambda:us-east-1:123456789012:function:legacy-directory"))).userPool().id();
        String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("browser")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();

        JsonNode wrong = signIn(poolId, clientId, "ada", "Guess-Passw0rd!", "USER_PASSWORD_AUTH");
        assertThat(wrong.path("outcome").asString()).isEqualTo("failure");
        assertThat(wrong.path("code").asString()).isEqualTo("UserLambdaValidationException");
        assertThat(wrong.path("message").asString()).isEqualTo("UserMigration failed with error Bad password.");

        JsonNode migrated = signIn(poolId, clientId, "ada", LEGACY_PASSWORD, "USER_PASSWORD_AUTH");
        assertThat(migrated.path("outcome").asString()).as(migrated.toString()).isEqualTo("success");
        assertThat(migrated.path("tokens").path("id").path("claims").path("email").asString())
                .isEqualTo("ada@example.com");
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("ada")).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);

        JsonNode srp = signIn(poolId, clientId, "ada", LEGACY_PASSWORD, null);
        assertThat(srp.path("outcome").asString()).as(srp.toString()).isEqualTo("success");
        assertThat(srp.path("tokens").path("access").path("claims").path("username").asString()).isEqualTo("ada");
        JsonNode srpWrong = signIn(poolId, clientId, "ada", "Guess-Passw0rd!", null);
        assertThat(srpWrong.path("code").asString()).isEqualTo("NotAuthorizedException");
    }
}

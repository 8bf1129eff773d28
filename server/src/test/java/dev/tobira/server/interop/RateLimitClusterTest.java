package dev.tobira.server.interop;

import static dev.tobira.server.interop.CognitoErrors.assertCognitoError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.EmbeddedPostgresServer;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.config.Settings.ApiRateLimits;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;

/**
 * Two production-mode nodes on one PostgreSQL share the API's rate limits: calls made on either count
 * towards one limit, so a load balancer spreading a client's calls over the nodes does not multiply it.
 */
class RateLimitClusterTest {

    private static final String PASSWORD = "Right-Passw0rd!";

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

    private static RunningTobira node(ApiRateLimits limits) {
        return RunningTobira.production(POSTGRES.jdbcUrl("postgres"), Optional.of("postgres"), Settings.Delivery.none(),
                limits, true);
    }

    @Test
    void initiateAuthWhenTwoNodesShareTheDatabaseThenTheyShareTheCount() {
        ApiRateLimits limits = new ApiRateLimits(6, 4);
        try (RunningTobira a = node(limits); RunningTobira b = node(limits); var admin = a.client();
                CognitoIdentityProviderClient viaA = a.publicClient("203.0.113.10");
                CognitoIdentityProviderClient viaB = b.publicClient("203.0.113.10");
                CognitoIdentityProviderClient elsewhere = b.publicClient("203.0.113.11")) {
            String poolId = admin.createUserPool(p -> p.poolName("cluster")).userPool().id();
            String clientId = admin.createUserPoolClient(c -> c.userPoolId(poolId).clientName("app")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
            for (String name : new String[] {"mei", "jun"}) {
                admin.adminCreateUser(u -> u.userPoolId(poolId).username(name).messageAction(MessageActionType.SUPPRESS));
                admin.adminSetUserPassword(u -> u.userPoolId(poolId).username(name).password(PASSWORD).permanent(true));
            }
            Runnable meiOnA = () -> signIn(viaA, clientId, "mei");
            Runnable meiOnB = () -> signIn(viaB, clientId, "mei");

            meiOnA.run();
            meiOnB.run();
            meiOnA.run();
            meiOnB.run();

            assertCognitoError(meiOnA::run, TooManyRequestsException.class, "Too many requests");
            assertCognitoError(meiOnB::run, TooManyRequestsException.class, "Too many requests");
            // The address has made four calls that counted: two more fit, on either node, then it is full too.
            signIn(viaB, clientId, "jun");
            signIn(viaA, clientId, "jun");
            assertCognitoError(() -> signIn(viaB, clientId, "jun"), TooManyRequestsException.class, "Too many requests");
            assertThat(signIn(elsewhere, clientId, "jun")).as("another address, another count").isNotBlank();
        }
    }

    private static String signIn(CognitoIdentityProviderClient client, String clientId, String username) {
        return client.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult().idToken();
    }
}

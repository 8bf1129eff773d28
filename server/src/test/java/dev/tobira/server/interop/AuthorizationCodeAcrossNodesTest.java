package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.oauth.AuthorizationRequest;
import dev.tobira.core.oauth.Authorizations;
import dev.tobira.server.EmbeddedPostgresServer;
import dev.tobira.server.RunningTobira;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two production servers on one PostgreSQL: a code issued through one (authorize there, sign in there, complete
 * there) is redeemed through the other's {@code /oauth2/token}, once; redeeming it again on the first is
 * {@code invalid_grant}.
 */
class AuthorizationCodeAcrossNodesTest {

    private static final String CALLBACK = "http://localhost:3000/cb";
    private static final String PASSWORD = "Right-Passw0rd!";

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

    private static RunningTobira node() {
        return RunningTobira.production(POSTGRES.jdbcUrl("postgres"), Optional.of("postgres"));
    }

    private static HttpResponse<String> redeem(RunningTobira node, String clientId, String code) throws Exception {
        return OAuthHttp.postForm(node.endpoint() + "/nodes/oauth2/token", null, OAuthEndpointsTest.form(
                "grant_type", "authorization_code", "client_id", clientId, "code", code, "redirect_uri", CALLBACK));
    }

    @Test
    void tokenWhenTheCodeWasIssuedOnAnotherNodeThenRedeemedThereOnce() throws Exception {
        try (RunningTobira a = node(); RunningTobira b = node(); CognitoIdentityProviderClient admin = a.client()) {
            String poolId = admin.createUserPool(p -> p.poolName("nodes")).userPool().id();
            admin.createUserPoolDomain(d -> d.userPoolId(poolId).domain("nodes"));
            UserPoolClientType app = admin.createUserPoolClient(c -> c.userPoolId(poolId).clientName("app")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                    .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes("openid").callbackURLs(CALLBACK).supportedIdentityProviders("COGNITO"))
                    .userPoolClient();
            admin.adminCreateUser(u -> u.userPoolId(poolId).username("kai").messageAction(MessageActionType.SUPPRESS));
            admin.adminSetUserPassword(u -> u.userPoolId(poolId).username("kai").password(PASSWORD).permanent(true));

            String accessToken = admin.initiateAuth(i -> i.clientId(app.clientId())
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "kai", "PASSWORD", PASSWORD))).authenticationResult().accessToken();
            Authorizations onA = a.bean(Authorizations.class);
            AuthorizationRequest request = onA.validate("nodes", Map.of("response_type", "code", "client_id",
                    app.clientId(), "redirect_uri", CALLBACK, "state", "s"));
            URI back = onA.complete(request, accessToken);
            String code = OAuthEndpointsTest.decode(back.getRawQuery()).get("code");

            HttpResponse<String> onB = redeem(b, app.clientId(), code);
            assertThat(onB.statusCode()).as(onB.body()).isEqualTo(200);
            assertThat(JsonMapper.builder().build().readTree(onB.body()).propertyNames())
                    .contains("id_token", "access_token", "refresh_token");
            HttpResponse<String> again = redeem(a, app.clientId(), code);
            assertThat(again.statusCode() + " " + again.body()).isEqualTo("400 {\"error\":\"invalid_grant\"}");
        }
    }
}

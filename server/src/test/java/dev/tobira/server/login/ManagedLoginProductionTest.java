package dev.tobira.server.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;

/**
 * The managed login in production mode (no web app, no dev pool): a pool made with the admin API whose
 * client allows only SRP gets a password-only page, and the password alone returns to the client.
 */
class ManagedLoginProductionTest {

    private static final String CALLBACK = "http://localhost:9/callback";

    @TempDir
    Path dataDir;

    @Test
    void loginWhenTheClientAllowsOnlySrpThenPasswordOnlyPageInJapaneseAndThePasswordReturnsACode() throws Exception {
        try (RunningTobira tobira = RunningTobira.production(dataDir);
                CognitoIdentityProviderClient cognito = tobira.client()) {
            String pool = cognito.createUserPool(b -> b.poolName("shop").usernameAttributes(
                    software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType.EMAIL))
                    .userPool().id();
            cognito.createUserPoolDomain(b -> b.userPoolId(pool).domain("shop-prod"));
            String clientId = cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName("web")
                    .explicitAuthFlowsWithStrings("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")
                    .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes("openid").supportedIdentityProviders("COGNITO").callbackURLs(CALLBACK))
                    .userPoolClient().clientId();
            String email = "kenji@example.com";
            cognito.adminCreateUser(b -> b.userPoolId(pool).username(email).messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(AttributeType.builder().name("email").value(email).build()));
            cognito.adminSetUserPassword(b -> b.userPoolId(pool).username(email)
                    .password(ManagedLoginFixture.PASSWORD).permanent(true));

            LoginVisitor visitor = new LoginVisitor(tobira.endpoint());
            HttpResponse<String> login = visitor.authorize("shop-prod", Map.of("client_id", clientId,
                    "response_type", "code", "redirect_uri", CALLBACK, "state", "s1", "lang", "ja"));
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("<html lang=\"ja\"", "id=\"password-sign-in\"")
                    .doesNotContain("id=\"code-sign-in\"");

            HttpResponse<String> done = visitor.post(login, "password-sign-in",
                    Map.of("email", email, "password", ManagedLoginFixture.PASSWORD));
            assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
            assertThat(visitor.location(done)).startsWith(CALLBACK + "?code=").endsWith("&state=s1");
        }
    }
}

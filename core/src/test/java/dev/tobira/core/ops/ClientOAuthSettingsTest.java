package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.InvalidOAuthFlowException;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.ScopeDoesNotExistException;
import dev.tobira.core.pool.UserPoolClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Create/UpdateUserPoolClient's OAuth settings, checked as Cognito checks them. */
class ClientOAuthSettingsTest {

    private final OAuthFixtures f = new OAuthFixtures();

    private UserPoolClient create(CreateUserPoolClient.Request r) {
        return new CreateUserPoolClient(f.t.services).handle(r).userPoolClient();
    }

    @Test
    void createWhenClientCredentialsWithResourceServerScopeAndSecretThenStoredAsGiven() {
        f.resourceServer("orders", "read");
        UserPoolClient client = f.client(true, List.of("client_credentials"), List.of("orders/read"), null);
        assertThat(client.allowedOAuthFlows()).containsExactly("client_credentials");
        assertThat(client.allowedOAuthScopes()).containsExactly("orders/read");
        assertThat(client.allowedOAuthFlowsUserPoolClient()).isTrue();
        assertThat(client.supportedIdentityProviders()).containsExactly("COGNITO");
    }

    @Test
    void createWhenClientCredentialsWithoutSecretThenInvalidOAuthFlow() {
        f.resourceServer("orders", "read");
        assertThatThrownBy(() -> f.client(false, List.of("client_credentials"), List.of("orders/read"), null))
                .isInstanceOf(InvalidOAuthFlowException.class)
                .hasMessage("client_credentials flow can not be selected if client does not have a client secret.");
    }

    @Test
    void createWhenClientCredentialsMixedWithCodeThenInvalidOAuthFlow() {
        f.resourceServer("orders", "read");
        assertThatThrownBy(() -> f.client(true, List.of("client_credentials", "code"), List.of("orders/read"),
                List.of("https://app.example.com/cb")))
                .isInstanceOf(InvalidOAuthFlowException.class)
                .hasMessage("client_credentials flow can not be selected along with code flow or implicit flow.");
    }

    @Test
    void createWhenScopeUnknownThenScopeDoesNotExist() {
        f.resourceServer("orders", "read");
        assertThatThrownBy(() -> f.client(true, List.of("client_credentials"), List.of("orders/write"), null))
                .isInstanceOf(ScopeDoesNotExistException.class)
                .hasMessage("Invalid scope requested: orders/write");
    }

    @Test
    void createWhenStandardScopesThenAccepted() {
        UserPoolClient client = f.client(false, List.of("code"), List.of("openid", "email", "phone", "profile",
                "aws.cognito.signin.user.admin"), List.of("https://app.example.com/cb"));
        assertThat(client.allowedOAuthScopes()).hasSize(5);
    }

    @Test
    void createWhenOAuthAllowedWithoutFlowsOrScopesThenInvalidParameter() {
        assertThatThrownBy(() -> f.client(false, List.of("code"), null, List.of("https://app.example.com/cb")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed "
                        + "to use OAuth flows.");
    }

    @Test
    void createWhenCallbackIsPlainHttpToAnotherHostThenInvalidParameter() {
        assertThatThrownBy(() -> f.client(false, List.of("code"), List.of("openid"),
                List.of("http://app.example.com/cb")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("CallbackURLs must use https, except for http://localhost: http://app.example.com/cb");
    }

    @Test
    void createWhenCallbackIsLoopbackHttpOrAppSchemeThenAccepted() {
        UserPoolClient client = f.client(false, List.of("code"), List.of("openid"), List.of(
                "http://localhost:3000/cb", "http://127.0.0.1:8080/cb", "http://[::1]/cb", "myapp://callback"));
        assertThat(client.callbackURLs()).hasSize(4);
    }

    @Test
    void createWhenCallbackHasFragmentThenInvalidParameter() {
        assertThatThrownBy(() -> f.client(false, List.of("code"), List.of("openid"),
                List.of("https://app.example.com/cb#x")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("CallbackURLs must be absolute URLs without a fragment: https://app.example.com/cb#x");
    }

    @Test
    void createWhenDefaultRedirectNotACallbackThenInvalidParameter() {
        assertThatThrownBy(() -> create(f.oauthClient(false, List.of("code"), List.of("openid"),
                List.of("https://app.example.com/cb"), "https://app.example.com/other")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("DefaultRedirectURI must be one of the CallbackURLs.");
    }

    @Test
    void createWhenIdentityProviderOtherThanCognitoThenInvalidParameter() {
        CreateUserPoolClient.Request r = f.oauthClient(false, List.of("code"), List.of("openid"),
                List.of("https://app.example.com/cb"), null);
        CreateUserPoolClient.Request google = new CreateUserPoolClient.Request(r.userPoolId(), "c", false, null, null,
                null, null, null, null, null, null, List.of("COGNITO", "Google"), r.callbackURLs(), null, null,
                r.allowedOAuthFlows(), r.allowedOAuthScopes(), true, null, null, null, null, null, null);
        assertThatThrownBy(() -> create(google))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The provider Google does not exist for User Pool " + f.poolId);
    }

    @Test
    void updateWhenScopeUnknownThenScopeDoesNotExistAndClientUnchanged() {
        f.resourceServer("orders", "read");
        UserPoolClient client = f.client(true, List.of("client_credentials"), List.of("orders/read"), null);
        assertThatThrownBy(() -> new UpdateUserPoolClient(f.t.services).handle(new UpdateUserPoolClient.Request(
                f.poolId, client.clientId(), null, null, null, null, null, null, null, null, null, null, null, null,
                List.of("client_credentials"), List.of("orders/delete"), true, null, null, null, null, null, null)))
                .isInstanceOf(ScopeDoesNotExistException.class)
                .hasMessage("Invalid scope requested: orders/delete");
        assertThat(f.t.services.clients().find(client.clientId())).contains(client);
    }

    @Test
    void updateWhenClientHasSecretThenClientCredentialsAllowed() {
        f.resourceServer("orders", "read");
        UserPoolClient client = f.client(true, List.of("client_credentials"), List.of("orders/read"), null);
        UserPoolClient updated = new UpdateUserPoolClient(f.t.services).handle(new UpdateUserPoolClient.Request(
                f.poolId, client.clientId(), null, null, null, null, null, null, null, null, null, null, null, null,
                List.of("client_credentials"), List.of("orders/read"), true, null, null, null, null, null, null))
                .userPoolClient();
        assertThat(updated.allowedOAuthFlows()).containsExactly("client_credentials");
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.PoolSettings;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.pool.UserPoolClient.RefreshTokenRotation;
import dev.tobira.core.pool.UserPoolClient.TokenValidityUnits;
import java.util.List;

/**
 * Changes an app client. As in Cognito, settings left out of the request go back to their defaults;
 * the id, secret and creation date are kept.
 */
public final class UpdateUserPoolClient
        implements Operation<UpdateUserPoolClient.Request, CreateUserPoolClient.Response> {

    public record Request(
            String userPoolId,
            String clientId,
            String clientName,
            Integer refreshTokenValidity,
            Integer accessTokenValidity,
            Integer idTokenValidity,
            TokenValidityUnits tokenValidityUnits,
            List<String> readAttributes,
            List<String> writeAttributes,
            List<String> explicitAuthFlows,
            List<String> supportedIdentityProviders,
            List<String> callbackURLs,
            List<String> logoutURLs,
            String defaultRedirectURI,
            List<String> allowedOAuthFlows,
            List<String> allowedOAuthScopes,
            Boolean allowedOAuthFlowsUserPoolClient,
            Object analyticsConfiguration,
            String preventUserExistenceErrors,
            Boolean enableTokenRevocation,
            Boolean enablePropagateAdditionalUserContextData,
            Integer authSessionValidity,
            RefreshTokenRotation refreshTokenRotation) {}

    private final Services services;

    public UpdateUserPoolClient(Services services) {
        this.services = services;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public CreateUserPoolClient.Response handle(Request r) {
        UserPoolClient old = Pools.client(services, r.userPoolId(), r.clientId());
        if (r.analyticsConfiguration() != null) {
            throw new dev.tobira.core.CognitoException.UnsupportedOperationException(
                    "Tobira does not support AnalyticsConfiguration.");
        }
        ClientSettings.Validities v = ClientSettings.validities(r.refreshTokenValidity(), r.accessTokenValidity(),
                r.idTokenValidity(), r.tokenValidityUnits());
        UserPoolClient client = new UserPoolClient(
                old.userPoolId(),
                PoolSettings.orDefault(r.clientName(), old.clientName()),
                old.clientId(),
                old.clientSecret(),
                services.clock().instant(),
                old.creationDate(),
                v.refresh(),
                v.access(),
                v.id(),
                v.units(),
                ClientSettings.orEmpty(r.readAttributes()),
                ClientSettings.orEmpty(r.writeAttributes()),
                ClientSettings.explicitAuthFlows(r.explicitAuthFlows()),
                ClientSettings.orEmpty(r.supportedIdentityProviders()),
                ClientSettings.orEmpty(r.callbackURLs()),
                ClientSettings.orEmpty(r.logoutURLs()),
                r.defaultRedirectURI(),
                ClientSettings.orEmpty(r.allowedOAuthFlows()),
                ClientSettings.orEmpty(r.allowedOAuthScopes()),
                Boolean.TRUE.equals(r.allowedOAuthFlowsUserPoolClient()),
                PoolSettings.orDefault(r.preventUserExistenceErrors(), "LEGACY"),
                r.enableTokenRevocation() == null || r.enableTokenRevocation(),
                Boolean.TRUE.equals(r.enablePropagateAdditionalUserContextData()),
                r.authSessionValidity() == null ? 3 : r.authSessionValidity(),
                r.refreshTokenRotation());
        if (!services.clients().update(client)) {
            throw new ResourceNotFoundException("User pool client " + r.clientId() + " does not exist.");
        }
        return new CreateUserPoolClient.Response(client);
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.ResourceNotFoundException;
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
        extends ServiceOperation<UpdateUserPoolClient.Request, CreateUserPoolClient.Response> {

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

    public UpdateUserPoolClient(Services services) {
        super(services, Request.class);
    }

    @Override
    public CreateUserPoolClient.Response handle(Request r) {
        UserPoolClient old = Pools.client(services, r.userPoolId(), r.clientId());
        CreateUserPoolClient.Request settings = new CreateUserPoolClient.Request(r.userPoolId(),
                PoolSettings.orDefault(r.clientName(), old.clientName()), null, null, r.refreshTokenValidity(),
                r.accessTokenValidity(), r.idTokenValidity(), r.tokenValidityUnits(), r.readAttributes(),
                r.writeAttributes(), r.explicitAuthFlows(), r.supportedIdentityProviders(), r.callbackURLs(),
                r.logoutURLs(), r.defaultRedirectURI(), r.allowedOAuthFlows(), r.allowedOAuthScopes(),
                r.allowedOAuthFlowsUserPoolClient(), r.analyticsConfiguration(), r.preventUserExistenceErrors(),
                r.enableTokenRevocation(), r.enablePropagateAdditionalUserContextData(), r.authSessionValidity(),
                r.refreshTokenRotation());
        UserPoolClient client = CreateUserPoolClient.newClient(settings, Pools.pool(services, r.userPoolId()),
                old.clientId(), old.clientSecret(), old.creationDate(), services);
        if (!services.clients().update(client)) {
            throw new ResourceNotFoundException("User pool client " + r.clientId() + " does not exist.");
        }
        return new CreateUserPoolClient.Response(client);
    }
}

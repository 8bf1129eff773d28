package dev.tobira.core.ops;

import dev.tobira.core.Ids;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.pool.UserPoolClient.RefreshTokenRotation;
import dev.tobira.core.pool.UserPoolClient.TokenValidityUnits;
import java.time.Instant;
import java.util.List;

/** Creates an app client of a pool, with a generated id (and secret when asked for). */
public final class CreateUserPoolClient
        extends ServiceOperation<CreateUserPoolClient.Request, CreateUserPoolClient.Response> {

    public record Request(
            String userPoolId,
            String clientName,
            Boolean generateSecret,
            String clientSecret,
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

    public record Response(UserPoolClient userPoolClient) {}

    public CreateUserPoolClient(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        String secret = r.clientSecret() != null ? r.clientSecret()
                : Boolean.TRUE.equals(r.generateSecret()) ? Ids.clientSecret(services.random()) : null;
        UserPoolClient client = newClient(r, pool, Ids.clientId(services.random()), secret,
                services.clock().instant(), services);
        services.clients().create(client);
        return new Response(client);
    }

    /**
     * The client of {@code pool} that {@code r} describes, with Cognito's defaults for what it leaves
     * out, under the given id, secret (or null) and creation date; nothing is stored.
     * UpdateUserPoolClient builds the replacement client the same way.
     */
    public static UserPoolClient newClient(Request r, UserPool pool, String clientId, String secret, Instant created,
            Services services) {
        if (r.analyticsConfiguration() != null) {
            throw new dev.tobira.core.CognitoException.UnsupportedOperationException(
                    "Tobira does not support AnalyticsConfiguration.");
        }
        ClientOAuthSettings.check(r, secret, services);
        ClientSettings.Validities v = ClientSettings.validities(r.refreshTokenValidity(), r.accessTokenValidity(),
                r.idTokenValidity(), r.tokenValidityUnits());
        return new UserPoolClient(
                pool.id(),
                r.clientName(),
                clientId,
                secret,
                services.clock().instant(),
                created,
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
                // Only as given (null behaves as LEGACY): Cognito's answers for clients created without it have no
                // PreventUserExistenceErrors (CreateUserPoolClient outputs of 2024-11-22 and 2025-07-02 in public
                // walkthroughs, each with only a name and ExplicitAuthFlows).
                r.preventUserExistenceErrors(),
                r.enableTokenRevocation() == null || r.enableTokenRevocation(),
                Boolean.TRUE.equals(r.enablePropagateAdditionalUserContextData()),
                r.authSessionValidity() == null ? 3 : r.authSessionValidity(),
                r.refreshTokenRotation());
    }
}

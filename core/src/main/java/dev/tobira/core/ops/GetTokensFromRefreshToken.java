package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import java.util.Map;

/**
 * New tokens from a refresh token (spec §6.5); with the client's {@code RefreshTokenRotation}
 * enabled, also a new refresh token that replaces the old one, whose later reuse revokes the family
 * and fails with {@code RefreshTokenReuseException}.
 */
public final class GetTokensFromRefreshToken
        extends ServiceOperation<GetTokensFromRefreshToken.Request, GetTokensFromRefreshToken.Response> {

    public record Request(String refreshToken, String clientId, String clientSecret, String deviceKey,
            Map<String, String> clientMetadata) {}

    public record Response(AuthResponse.AuthenticationResult authenticationResult) {}

    public GetTokensFromRefreshToken(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        UserPoolClient client = AppClients.client(services, r.clientId());
        if (client.hasSecret()) {
            if (r.clientSecret() == null) {
                throw new NotAuthorizedException(
                        "Client " + client.clientId() + " is configured with secret but ClientSecret was not received");
            }
            if (!CodeHasher.same(client.clientSecret(), r.clientSecret())) {
                throw new NotAuthorizedException("Unable to verify client secret for client " + client.clientId());
            }
        }
        UserPool pool = Pools.pool(services, client.userPoolId());
        return new Response(SignInTokens.refreshed(services, pool, client, r.refreshToken(), user -> { },
                SignInTokens.rotates(client)));
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.UnauthorizedException;
import dev.tobira.core.CognitoException.UnsupportedOperationException;
import dev.tobira.core.CognitoException.UnsupportedTokenTypeException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.signin.RefreshToken;

/**
 * Revokes a refresh token and every access token issued from it: its whole family (spec §6.6).
 * Revoking a token that is unknown or already revoked succeeds, as in OAuth token revocation.
 */
public final class RevokeToken extends ServiceOperation<RevokeToken.Request, Operation.Empty> {

    public record Request(String token, String clientId, String clientSecret) {}

    public RevokeToken(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        UserPoolClient client = AppClients.client(services, r.clientId());
        if (client.hasSecret() && (r.clientSecret() == null
                || !CodeHasher.same(client.clientSecret(), r.clientSecret()))) {
            throw new UnauthorizedException("Client authentication failed.");
        }
        if (Boolean.FALSE.equals(client.enableTokenRevocation())) {
            throw new UnsupportedOperationException("Token revocation is not enabled for this app client.");
        }
        if (r.token().chars().filter(c -> c == '.').count() == 2) {
            throw new UnsupportedTokenTypeException("Only refresh tokens can be revoked.");
        }
        revokeFamily(services, client, r.token());
        return new Empty();
    }

    /** Revokes the family of {@code refreshToken} if it is one of {@code client}'s; nothing happens otherwise. */
    static void revokeFamily(Services services, UserPoolClient client, String refreshToken) {
        services.tokenStore().refreshToken(SignInTokens.hash(refreshToken))
                .map(RefreshToken::originJti)
                .flatMap(services.tokenStore()::family)
                .filter(f -> f.clientId().equals(client.clientId()))
                .ifPresent(f -> services.tokenStore().revokeFamily(f.originJti(), services.clock().instant()));
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.token.AccessTokenClaims;

/**
 * Signs the user out everywhere: every token family of the user is revoked, so its refresh tokens
 * and access tokens are refused from now on (spec §6.6).
 */
public final class GlobalSignOut extends ServiceOperation<GlobalSignOut.Request, Operation.Empty> {

    public record Request(String accessToken) {}

    public GlobalSignOut(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        AccessTokenClaims claims = SignInTokens.usableAccessToken(services, r.accessToken());
        services.tokenStore().revokeUser(claims.userPoolId(), claims.username(), services.clock().instant());
        return new Empty();
    }
}

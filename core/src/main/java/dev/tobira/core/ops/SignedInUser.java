package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.token.AccessTokenClaims;
import dev.tobira.core.user.User;

/**
 * The caller of a call users make about themselves with an access token (UpdateUserAttributes,
 * DeleteUser…): the token checked as GetUser checks it (signed here, unexpired, its sign-in not
 * revoked, its user there and enabled), with the user's pool and the app client the token was
 * issued to.
 */
record SignedInUser(UserPool pool, UserPoolClient client, User user) {

    static SignedInUser of(Services services, String accessToken) {
        AccessTokenClaims claims = SignInTokens.usableAccessToken(services, accessToken);
        User user = SignInTokens.user(services, claims);
        UserPool pool = Pools.pool(services, claims.userPoolId());
        // A deleted app client's tokens are as dead as revoked ones.
        UserPoolClient client = services.clients().find(claims.clientId())
                .filter(c -> c.userPoolId().equals(pool.id()))
                .orElseThrow(() -> new NotAuthorizedException(SignInTokens.REVOKED_ACCESS));
        return new SignedInUser(pool, client, user);
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.token.AccessTokenClaims;
import dev.tobira.core.token.Authentication;
import dev.tobira.core.token.TokenIssuer.OAuthGrant;
import dev.tobira.core.user.User;

/**
 * The sign-in token paths the OAuth 2.0 endpoints ({@code dev.tobira.core.oauth}) share with the Cognito API
 * operations, so that there is one way to issue, refresh, check and revoke a user's tokens. Errors are the
 * API's ({@code NotAuthorizedException}, {@code RefreshTokenReuseException}); the OAuth callers translate them.
 */
public final class OAuthTokens {

    private OAuthTokens() {}

    /** A new token family for an OAuth grant: refresh, ID and access tokens (see {@code SignInTokens.oauthSignIn}). */
    public static AuthResponse.AuthenticationResult signIn(Services services, UserPoolClient client, User user,
            Authentication authentication, OAuthGrant grant) {
        UserPool pool = Pools.pool(services, client.userPoolId());
        return SignInTokens.oauthSignIn(services, pool, client, user, authentication, grant);
    }

    /**
     * New ID and access tokens from a refresh token of {@code client} (its secret already checked), as
     * {@code GetTokensFromRefreshToken}: the family's scopes kept, a new refresh token only with rotation.
     */
    public static AuthResponse.AuthenticationResult refresh(Services services, UserPoolClient client,
            String refreshToken) {
        UserPool pool = Pools.pool(services, client.userPoolId());
        return SignInTokens.refreshed(services, pool, client, refreshToken, user -> { },
                SignInTokens.rotates(client));
    }

    /** An access token that may still be used (signed here, unexpired, its family not revoked). */
    public static AccessTokenClaims usableAccessToken(Services services, String accessToken) {
        return SignInTokens.usableAccessToken(services, accessToken);
    }

    /** The existing, enabled user an access token belongs to. */
    public static User user(Services services, AccessTokenClaims claims) {
        return SignInTokens.user(services, claims);
    }

    /**
     * The scopes recorded for the family of an access token this server just issued, or empty for a family that
     * did not come from the token endpoint.
     */
    public static java.util.Optional<java.util.List<String>> scopesOf(Services services, String accessToken) {
        return services.authorizationCodes().scopes(services.tokenIssuer().verifyAccessToken(accessToken).originJti());
    }

    /** Revokes the family of {@code refreshToken} when it belongs to {@code client}, as {@code RevokeToken}. */
    public static void revoke(Services services, UserPoolClient client, String refreshToken) {
        RevokeToken.revokeFamily(services, client, refreshToken);
    }
}

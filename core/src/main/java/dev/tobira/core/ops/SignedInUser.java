package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import com.nimbusds.jwt.SignedJWT;
import dev.tobira.core.token.AccessTokenClaims;
import dev.tobira.core.token.TokenIssuer;
import dev.tobira.core.user.User;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;

/**
 * The caller of a call users make about themselves with an access token (UpdateUserAttributes,
 * DeleteUser…): the token checked as GetUser checks it (signed here, unexpired, its sign-in not
 * revoked, its user there and enabled), and carrying the scope these calls need,
 * {@value TokenIssuer#SIGNIN_SCOPE}; with the user's pool and the app client the token was issued to.
 */
record SignedInUser(UserPool pool, UserPoolClient client, User user) {

    /** Cognito's answer to a token without {@value TokenIssuer#SIGNIN_SCOPE} (amplify-js#1906, aws-sdk-android#1813). */
    static final String MISSING_SCOPE = "Access Token does not have required scopes";

    static SignedInUser of(Services services, String accessToken) {
        AccessTokenClaims claims = SignInTokens.usableAccessToken(services, accessToken);
        if (!scopes(accessToken).contains(TokenIssuer.SIGNIN_SCOPE)) {
            throw new NotAuthorizedException(MISSING_SCOPE);
        }
        User user = SignInTokens.user(services, claims);
        UserPool pool = Pools.pool(services, claims.userPoolId());
        // A deleted app client's tokens are as dead as revoked ones.
        UserPoolClient client = services.clients().find(claims.clientId())
                .filter(c -> c.userPoolId().equals(pool.id()))
                .orElseThrow(() -> new NotAuthorizedException(SignInTokens.REVOKED_ACCESS));
        return new SignedInUser(pool, client, user);
    }

    /** The {@code scope} claim of a token already verified, split at spaces. */
    private static List<String> scopes(String verifiedAccessToken) {
        try {
            String scope = SignedJWT.parse(verifiedAccessToken).getJWTClaimsSet().getStringClaim("scope");
            return scope == null ? List.of() : Arrays.asList(scope.split(" "));
        } catch (ParseException e) {
            throw new NotAuthorizedException(MISSING_SCOPE); // not reached: the token was parsed when verified
        }
    }
}

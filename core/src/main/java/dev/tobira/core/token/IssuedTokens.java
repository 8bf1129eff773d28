package dev.tobira.core.token;

import java.time.Instant;

/**
 * The tokens of an {@code AuthenticationResult} (spec §6.1), without the refresh token, which is
 * not a JWT this issuer makes.
 *
 * @param accessToken the signed access token (JWS compact)
 * @param idToken the signed ID token (JWS compact)
 * @param expiresIn {@code ExpiresIn}: the access token's validity in seconds
 * @param accessTokenJti the access token's {@code jti} (revocation lists)
 * @param idTokenJti the ID token's {@code jti}
 * @param authentication the sign-in both tokens descend from
 */
public record IssuedTokens(
        String accessToken,
        String idToken,
        int expiresIn,
        Instant accessTokenExpiresAt,
        Instant idTokenExpiresAt,
        String accessTokenJti,
        String idTokenJti,
        Authentication authentication) {

    /** {@code TokenType} of every {@code AuthenticationResult}. */
    public static final String TOKEN_TYPE = "Bearer";

    /** {@value #TOKEN_TYPE}. */
    public String tokenType() {
        return TOKEN_TYPE;
    }

    /** Shows the jtis and expiries, never the tokens: a token in a log would be a usable credential. */
    @Override
    public String toString() {
        return "IssuedTokens[accessTokenJti=" + accessTokenJti + ", idTokenJti=" + idTokenJti + ", expiresIn="
                + expiresIn + ", accessTokenExpiresAt=" + accessTokenExpiresAt + ", idTokenExpiresAt="
                + idTokenExpiresAt + ", " + authentication + "]";
    }
}

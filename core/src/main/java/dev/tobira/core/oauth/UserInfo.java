package dev.tobira.core.oauth;

import dev.tobira.core.CognitoException;
import dev.tobira.core.Services;
import dev.tobira.core.ops.OAuthTokens;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.token.AccessTokenClaims;
import dev.tobira.core.token.TokenIssuer;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /oauth2/userInfo}: the user attributes an access token from the token endpoint may see, by its scopes, as
 * Cognito documents: {@code openid} alone — every attribute the client can read; with {@code profile} — the
 * profile attributes and custom ones; with {@code email} — {@code email}, {@code email_verified}; with
 * {@code phone} — {@code phone_number}, {@code phone_number_verified}; always {@code sub} and {@code username}.
 * Values are strings, as Cognito's.
 */
public final class UserInfo {

    private static final Set<String> PROFILE = Set.of("name", "family_name", "given_name", "middle_name", "nickname",
            "preferred_username", "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale",
            "updated_at", "address");
    private static final Set<String> EMAIL = Set.of("email", "email_verified");
    private static final Set<String> PHONE = Set.of("phone_number", "phone_number_verified");

    private final Services services;

    public UserInfo(Services services) {
        this.services = services;
    }

    /** Why a token was refused: Cognito answers each as {@code invalid_token}, HTTP 401. */
    public static final class InvalidToken extends RuntimeException {
        InvalidToken(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * @param userPoolId the pool of the domain the request came to; the token must be one of its
     * @throws InvalidToken when the token is not a usable access token of this pool (expired, revoked, user gone
     *     or disabled) or lacks the {@code openid} scope
     */
    public Map<String, String> claims(String userPoolId, String accessToken) {
        AccessTokenClaims claims;
        User user;
        List<String> scopes;
        try {
            claims = OAuthTokens.usableAccessToken(services, accessToken);
            user = OAuthTokens.user(services, claims);
            scopes = OAuthTokens.scopesOf(services, accessToken).orElse(List.of());
        } catch (CognitoException e) {
            throw new InvalidToken(e.getMessage());
        }
        if (!claims.userPoolId().equals(userPoolId)) {
            throw new InvalidToken("the access token is of another user pool");
        }
        if (!scopes.contains("openid")) {
            throw new InvalidToken("the access token has no openid scope");
        }
        UserPoolClient client = services.clients().find(claims.clientId())
                .filter(c -> c.userPoolId().equals(claims.userPoolId()))
                .orElseThrow(() -> new InvalidToken("the token's client is gone"));
        boolean everything = !scopes.contains("profile") && !scopes.contains("email") && !scopes.contains("phone");
        Map<String, String> out = new LinkedHashMap<>();
        out.put("sub", user.sub());
        for (Attribute a : TokenIssuer.readableAttributes(client, user)) {
            String name = a.name();
            if (everything || scopes.contains("profile") && (PROFILE.contains(name) || name.startsWith("custom:"))
                    || scopes.contains("email") && EMAIL.contains(name)
                    || scopes.contains("phone") && PHONE.contains(name)) {
                out.put(name, a.value());
            }
        }
        out.put("username", user.username());
        return out;
    }

    /** The token of an {@code Authorization: Bearer …} header, or empty when there is none. */
    public static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}

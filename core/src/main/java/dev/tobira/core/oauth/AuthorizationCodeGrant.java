package dev.tobira.core.oauth;

import dev.tobira.core.CognitoException;
import dev.tobira.core.Ids;
import dev.tobira.core.Services;
import dev.tobira.core.oauth.OAuthError.Code;
import dev.tobira.core.ops.AuthResponse.AuthenticationResult;
import dev.tobira.core.ops.OAuthTokens;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.token.Authentication;
import dev.tobira.core.token.TokenIssuer.OAuthGrant;
import dev.tobira.core.user.User;
import java.util.Optional;

/**
 * The token endpoint's user grants: {@code authorization_code} (RFC 6749 §4.1.3 with RFC 7636's
 * {@code code_verifier}) and {@code refresh_token} (§6), and the revocation endpoint (RFC 7009), as Cognito runs
 * them. Tokens come from the same path as the API's sign-in tokens ({@link OAuthTokens}).
 */
public final class AuthorizationCodeGrant {

    private final Services services;

    public AuthorizationCodeGrant(Services services) {
        this.services = services;
    }

    /** The token response: {@code idToken} only with scope {@code openid}, {@code refreshToken} when one is issued. */
    public record Tokens(Optional<String> idToken, String accessToken, Optional<String> refreshToken, int expiresIn) {}

    /**
     * Redeems an authorization code, in order:
     * <ol>
     *   <li>the client authenticates ({@link OAuthClients#authenticate}) — else {@code invalid_client};
     *   <li>it allows the {@code code} flow — else {@code unauthorized_client};
     *   <li>{@code code} and {@code redirect_uri} are present — else {@code invalid_request};
     *   <li>the code is redeemed (it is gone from then on, whatever follows): it exists, has not expired or been
     *       used, was issued to this client for this exact {@code redirect_uri}, and the {@code code_verifier}
     *       matches its PKCE challenge, if it has one; its user still exists (same {@code sub}) and is enabled —
     *       else {@code invalid_grant}.
     * </ol>
     * Then a new token family with the code's scopes, nonce and {@code auth_time}.
     */
    public Tokens redeem(Optional<String> domain, String clientId, Optional<String> clientSecret, Optional<String> code,
            Optional<String> redirectUri, Optional<String> codeVerifier) {
        UserPoolClient client = OAuthClients.authenticate(services, domain, clientId, clientSecret);
        if (!OAuthClients.allowsFlow(client, "code")) {
            throw new OAuthError(Code.UNAUTHORIZED_CLIENT, "the client does not allow the code flow");
        }
        if (code.isEmpty() || redirectUri.isEmpty()) {
            throw new OAuthError(Code.INVALID_REQUEST, "code and redirect_uri are required");
        }
        AuthorizationCode stored = services.authorizationCodes()
                .redeem(OAuthClients.sha256(code.get()), services.clock().instant())
                .orElseThrow(() -> new OAuthError(Code.INVALID_GRANT, "unknown, used or expired code"));
        if (!stored.clientId().equals(client.clientId())) {
            throw new OAuthError(Code.INVALID_GRANT, "the code was issued to another client");
        }
        if (!stored.redirectUri().equals(redirectUri.get())) {
            throw new OAuthError(Code.INVALID_GRANT, "redirect_uri differs from the authorization request's");
        }
        if (stored.codeChallenge().isPresent() && (codeVerifier.isEmpty() || !Pkce.verifies(
                stored.codeChallengeMethod().orElse(Pkce.PLAIN), stored.codeChallenge().get(), codeVerifier.get()))) {
            throw new OAuthError(Code.INVALID_GRANT, "code_verifier is missing or does not match the challenge");
        }
        User user = services.users().find(stored.poolId(), stored.username(), true)
                .filter(u -> u.sub().equals(stored.sub()) && u.enabled())
                .orElseThrow(() -> new OAuthError(Code.INVALID_GRANT, "the user is gone or disabled"));
        Authentication authentication = new Authentication(stored.authTime(), Ids.uuid(services.random()),
                Ids.uuid(services.random()));
        AuthenticationResult result = OAuthTokens.signIn(services, client, user, authentication,
                new OAuthGrant(stored.scopes(), stored.nonce()));
        return new Tokens(stored.scopes().contains("openid") ? Optional.of(result.idToken()) : Optional.empty(),
                result.accessToken(), Optional.of(result.refreshToken()), result.expiresIn());
    }

    /**
     * New ID and access tokens from a refresh token: the client authenticates ({@code invalid_client}),
     * {@code refresh_token} is present ({@code invalid_request}), and the token is the client's, unexpired and
     * not revoked ({@code invalid_grant}). A family from this endpoint keeps its scopes and gets an ID token only
     * with {@code openid}; a new refresh token only when the client rotates them.
     */
    public Tokens refresh(Optional<String> domain, String clientId, Optional<String> clientSecret,
            Optional<String> refreshToken) {
        UserPoolClient client = OAuthClients.authenticate(services, domain, clientId, clientSecret);
        if (refreshToken.isEmpty()) {
            throw new OAuthError(Code.INVALID_REQUEST, "refresh_token is required");
        }
        AuthenticationResult result;
        try {
            result = OAuthTokens.refresh(services, client, refreshToken.get());
        } catch (CognitoException e) {
            throw new OAuthError(Code.INVALID_GRANT, e.getMessage());
        }
        boolean openid = OAuthTokens.scopesOf(services, result.accessToken()).map(s -> s.contains("openid"))
                .orElse(true);
        return new Tokens(openid ? Optional.of(result.idToken()) : Optional.empty(), result.accessToken(),
                Optional.ofNullable(result.refreshToken()), result.expiresIn());
    }

    /** The revocation endpoint's refusals, beyond {@link OAuthError}'s codes. */
    public enum RevokeError { UNSUPPORTED_TOKEN_TYPE }

    /**
     * Revokes a refresh token and every token issued from it, as {@code RevokeToken}. Refusals follow Cognito's
     * revocation endpoint documentation ("Revocation error response", developer guide, revocation-endpoint):
     * the client authenticates — a confidential client with its secret, a public client with its id and no
     * secret — else {@code invalid_client}; {@code token} is present and the client allows token revocation
     * ({@code EnableTokenRevocation}) — else {@code invalid_request} for either; the token is not a JWT — else
     * {@link RevokeError#UNSUPPORTED_TOKEN_TYPE}. An unknown token, or another client's, changes nothing and
     * is no error (RFC 7009 §2.2: "the client submitted an invalid token").
     *
     * @return empty on success
     * @throws OAuthError {@code invalid_client} or {@code invalid_request} as above
     */
    public Optional<RevokeError> revoke(Optional<String> domain, String clientId, Optional<String> clientSecret,
            Optional<String> token) {
        UserPoolClient client = OAuthClients.authenticate(services, domain, clientId, clientSecret);
        if (token.isEmpty()) {
            throw new OAuthError(Code.INVALID_REQUEST, "token is required");
        }
        if (Boolean.FALSE.equals(client.enableTokenRevocation())) {
            throw new OAuthError(Code.INVALID_REQUEST, "token revocation is disabled for the client");
        }
        if (token.get().chars().filter(c -> c == '.').count() == 2) {
            return Optional.of(RevokeError.UNSUPPORTED_TOKEN_TYPE);
        }
        OAuthTokens.revoke(services, client, token.get());
        return Optional.empty();
    }
}

package dev.tobira.core.oauth;

import dev.tobira.core.pool.UserPoolClient;
import java.net.URI;
import java.util.Map;

/**
 * The authorization endpoint's core, shared by {@code /<prefix>/oauth2/authorize} and the managed login pages
 * ({@code /<prefix>/login} …) that finish what it starts. Framework-free; the server provides one
 * {@code Authorizations} bean ({@code DefaultAuthorizations}, in this package).
 *
 * <p>The flow: {@code /oauth2/authorize} calls {@link #validate} and redirects the browser to
 * {@code /<prefix>/login?<the same query>}. The login page calls {@link #validate} again on its own query (it
 * must not trust the query), signs the user in with the pool's API ({@code InitiateAuth} … for
 * {@code request.clientId()}), and passes the resulting access token to {@link #complete}, which returns
 * where the browser goes next.
 */
public interface Authorizations {

    /**
     * Validates an authorization request as Cognito does, in this order:
     * <ol>
     *   <li>{@code client_id} names an existing client of the pool whose domain is {@code domainPrefix}
     *       — else {@link AuthorizationException.Target#ERROR_PAGE};
     *   <li>{@code redirect_uri} is present and exactly (string equality) one of the client's
     *       {@code CallbackURLs} — else error page ({@code redirect_mismatch});
     *   <li>{@code response_type} is {@code code} or {@code token} — else {@code unsupported_response_type};
     *       the client has {@code AllowedOAuthFlowsUserPoolClient} and the flow ({@code code} or
     *       {@code implicit}) among {@code AllowedOAuthFlows} — else {@code unauthorized_client};
     *   <li>{@code scope} (space separated) ⊆ the client's {@code AllowedOAuthScopes}, default all of them
     *       — else {@code invalid_scope}; the client must allow some scope;
     *   <li>{@code code_challenge_method} is {@code S256} or {@code plain} and comes with a
     *       {@code code_challenge} (43–128 characters of RFC 7636's unreserved set); PKCE with
     *       {@code response_type=token} is refused — else {@code invalid_request};
     *   <li>{@code identity_provider}, when given, is {@code COGNITO} (and among the client's
     *       {@code SupportedIdentityProviders}) — else {@code invalid_request}.
     * </ol>
     * From step 3 on, refusals go to {@link AuthorizationException.Target#REDIRECT_URI} with {@code state}.
     *
     * @param domainPrefix the prefix domain of the path
     * @param query the request's query parameters, decoded (a repeated parameter is the caller's
     *     {@code invalid_request})
     * @throws AuthorizationException for every refusal
     */
    AuthorizationRequest validate(String domainPrefix, Map<String, String> query);

    /**
     * Finishes an authorization after the user signed in.
     *
     * <p>Checks that {@code accessToken} is an access token of this server, for {@code request.poolId()} and
     * {@code request.clientId()}, not expired and not revoked (globally signed out or its refresh token
     * revoked), and that the client and redirect URI of {@code request} are still valid; each failure is an
     * {@link AuthorizationException.Target#ERROR_PAGE} ({@code invalid_token} or as {@link #validate}).
     * Then, for the user the token names:
     * <ul>
     *   <li>{@code code}: stores a new single-use authorization code (5 minutes, bound to the client,
     *       redirect URI, scopes, PKCE challenge, nonce, user and the token's {@code auth_time}) and
     *       returns {@code redirect_uri?code=…&state=…};
     *   <li>{@code token}: issues tokens now and returns
     *       {@code redirect_uri#id_token=…&access_token=…&token_type=Bearer&expires_in=…&state=…}
     *       ({@code id_token} only with scope {@code openid}).
     * </ul>
     * {@code state} is left out when the request had none.
     *
     * @throws AuthorizationException as above
     */
    URI complete(AuthorizationRequest request, String accessToken);

    /**
     * Finishes an authorization for a user with a managed-login session: one sign-in at the domain serves every
     * client of its pool, as Cognito's managed login keeps one session cookie per domain, so a user who signed in
     * through one app is not asked again by another app of the same pool.
     *
     * <p>As {@link #complete}, except that {@code sessionAccessToken} may be of any client of
     * {@code request.poolId()} (the one the user signed in through); a token of another pool is
     * {@code invalid_token}. Everything about the request's own client is checked as always — its redirect URI,
     * flows and scopes (by {@link #validate}, and again here) — and the code or tokens are that client's,
     * carrying the session's {@code auth_time}.
     *
     * @throws AuthorizationException as {@link #complete}
     */
    URI completeFromSession(AuthorizationRequest request, String sessionAccessToken);

    /**
     * The settings of the request's client that the login pages need (such as its
     * {@code ExplicitAuthFlows} to choose between password, SRP and choice-based sign-in, and whether it has
     * a secret, for {@code SECRET_HASH}).
     *
     * @throws AuthorizationException error page when the client no longer exists
     */
    UserPoolClient client(AuthorizationRequest request);
}

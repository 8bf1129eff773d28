package dev.tobira.core.oauth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated {@code GET /<prefix>/oauth2/authorize} request: only {@link Authorizations#validate} makes one
 * from a browser's query, and only after every check (client, response type, redirect URI, scopes, PKCE)
 * passed. {@link Authorizations#complete} still re-checks the client and redirect URI, because a record can be
 * built by anyone.
 *
 * @param domainPrefix the prefix domain the request came to ({@code /<domainPrefix>/oauth2/authorize})
 * @param poolId the user pool of the domain, which is the client's pool
 * @param clientId the app client
 * @param responseType {@link #CODE} or {@link #TOKEN} (implicit grant)
 * @param redirectUri exactly one of the client's {@code CallbackURLs}
 * @param scopes the granted scopes, in request order without duplicates; never empty (when the request
 *     named none, all of the client's {@code AllowedOAuthScopes}, as Cognito does)
 * @param state the opaque {@code state}, returned as is to the redirect URI
 * @param nonce the OIDC {@code nonce}, put in the ID token
 * @param codeChallenge the PKCE {@code code_challenge} (RFC 7636); only with {@code responseType} {@code code}
 * @param codeChallengeMethod {@code S256} or {@code plain}; present exactly when {@code codeChallenge} is
 *     ({@code plain} when the request omitted it, RFC 7636 §4.3)
 * @param identityProvider {@code COGNITO} when the request named it (the only provider Tobira has)
 * @param lang the managed login's language ({@code lang} parameter), as given
 */
public record AuthorizationRequest(
        String domainPrefix,
        String poolId,
        String clientId,
        String responseType,
        String redirectUri,
        List<String> scopes,
        Optional<String> state,
        Optional<String> nonce,
        Optional<String> codeChallenge,
        Optional<String> codeChallengeMethod,
        Optional<String> identityProvider,
        Optional<String> lang) {

    /** {@code response_type=code}: the authorization code grant. */
    public static final String CODE = "code";

    /** {@code response_type=token}: the implicit grant. */
    public static final String TOKEN = "token";

    public AuthorizationRequest {
        Objects.requireNonNull(domainPrefix, "domainPrefix");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(responseType, "responseType");
        Objects.requireNonNull(redirectUri, "redirectUri");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(codeChallengeMethod, "codeChallengeMethod");
        Objects.requireNonNull(identityProvider, "identityProvider");
        Objects.requireNonNull(lang, "lang");
    }

    /** Whether the client asked for OpenID Connect (an ID token): {@code openid} is among the scopes. */
    public boolean openid() {
        return scopes.contains("openid");
    }

    /**
     * The request as the query parameters of {@code /oauth2/authorize} (and of the {@code /login} page it
     * redirects to), in Cognito's order; absent optional parameters are left out and scopes are space
     * separated. {@link Authorizations#validate} of this map gives an equal request.
     */
    public Map<String, String> toQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", clientId);
        q.put("response_type", responseType);
        q.put("scope", String.join(" ", scopes));
        q.put("redirect_uri", redirectUri);
        state.ifPresent(v -> q.put("state", v));
        nonce.ifPresent(v -> q.put("nonce", v));
        codeChallenge.ifPresent(v -> q.put("code_challenge", v));
        codeChallengeMethod.ifPresent(v -> q.put("code_challenge_method", v));
        identityProvider.ifPresent(v -> q.put("identity_provider", v));
        lang.ifPresent(v -> q.put("lang", v));
        return q;
    }
}

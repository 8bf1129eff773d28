package dev.tobira.core.oauth;

import dev.tobira.core.CognitoException;
import dev.tobira.core.Ids;
import dev.tobira.core.Services;
import dev.tobira.core.ops.AuthResponse;
import dev.tobira.core.ops.OAuthTokens;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.token.AccessTokenClaims;
import dev.tobira.core.token.Authentication;
import dev.tobira.core.token.TokenIssuer.OAuthGrant;
import dev.tobira.core.user.User;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@link Authorizations} over the pool's stores; codes go to {@link Services#authorizationCodes()}. */
public final class DefaultAuthorizations implements Authorizations {

    /** How long an authorization code works: Cognito's 5 minutes. */
    public static final Duration CODE_VALIDITY = Duration.ofMinutes(5);

    /** RFC 7636 §4.2: {@code code_challenge} is 43–128 characters of the unreserved set. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final Services services;

    public DefaultAuthorizations(Services services) {
        this.services = services;
    }

    @Override
    public AuthorizationRequest validate(String domainPrefix, Map<String, String> query) {
        UserPoolClient client = OAuthClients.inDomain(services, Optional.of(domainPrefix), query.get("client_id"))
                .orElseThrow(() -> AuthorizationException.errorPage("invalid_request",
                        "client_id is missing or names no client of this domain's user pool"));
        String redirectUri = query.get("redirect_uri");
        if (redirectUri == null || !client.callbackURLs().contains(redirectUri)) {
            throw AuthorizationException.errorPage("redirect_mismatch",
                    "redirect_uri is missing or not one of the client's callback URLs");
        }
        Optional<String> state = param(query, "state");
        String responseType = query.get("response_type");
        boolean implicit = AuthorizationRequest.TOKEN.equals(responseType);
        if (responseType == null || responseType.isEmpty()) {
            throw refused("invalid_request", "response_type is missing", redirectUri, state, false);
        }
        if (!implicit && !AuthorizationRequest.CODE.equals(responseType)) {
            throw refused("unsupported_response_type", "response_type must be code or token", redirectUri, state,
                    false);
        }
        if (!OAuthClients.allowsFlow(client, implicit ? "implicit" : "code")) {
            throw refused("unauthorized_client", "the client does not allow the " + (implicit ? "implicit" : "code")
                    + " flow", redirectUri, state, implicit);
        }
        List<String> scopes = scopes(client, param(query, "scope"), redirectUri, state, implicit);
        Optional<String> challenge = param(query, "code_challenge");
        Optional<String> method = param(query, "code_challenge_method");
        if (challenge.isPresent() || method.isPresent()) {
            if (implicit) {
                throw refused("invalid_request", "PKCE applies to response_type=code only", redirectUri, state, true);
            }
            if (challenge.isEmpty() || !CHALLENGE.matcher(challenge.get()).matches()) {
                throw refused("invalid_request", "code_challenge must be 43 to 128 characters of [A-Za-z0-9-._~]",
                        redirectUri, state, false);
            }
            method = Optional.of(method.orElse(Pkce.PLAIN));
            if (!Pkce.METHODS.contains(method.get())) {
                throw refused("invalid_request", "code_challenge_method must be S256 or plain", redirectUri, state,
                        false);
            }
        }
        Optional<String> identityProvider = param(query, "identity_provider");
        if (identityProvider.isPresent() && (!identityProvider.get().equals("COGNITO")
                || !client.supportedIdentityProviders().contains("COGNITO"))) {
            throw refused("invalid_request", "identity_provider must be COGNITO, the only identity provider of "
                    + "Tobira, and one of the client's", redirectUri, state, implicit);
        }
        if (param(query, "idp_identifier").isPresent()) {
            throw refused("invalid_request", "idp_identifier is not supported: Tobira has no federated identity "
                    + "providers", redirectUri, state, implicit);
        }
        return new AuthorizationRequest(domainPrefix, client.userPoolId(), client.clientId(), responseType,
                redirectUri, scopes, state, param(query, "nonce"), challenge, method, identityProvider,
                param(query, "lang"));
    }

    /** Requested scopes ⊆ the client's allowed ones; none requested: all of those, as Cognito. */
    private static List<String> scopes(UserPoolClient client, Optional<String> scope, String redirectUri,
            Optional<String> state, boolean implicit) {
        List<String> allowed = client.allowedOAuthScopes();
        List<String> requested = scope.map(s -> Arrays.stream(s.split(" ")).filter(t -> !t.isEmpty()).toList())
                .orElse(List.of());
        if (requested.isEmpty()) {
            if (allowed.isEmpty()) {
                throw refused("invalid_scope", "the client allows no scope", redirectUri, state, implicit);
            }
            return allowed;
        }
        List<String> granted = new ArrayList<>(new LinkedHashSet<>(requested));
        for (String s : granted) {
            if (!allowed.contains(s)) {
                throw refused("invalid_scope", "scope " + s + " is not allowed for the client", redirectUri, state,
                        implicit);
            }
        }
        return List.copyOf(granted);
    }

    @Override
    public URI complete(AuthorizationRequest request, String accessToken) {
        return complete(request, accessToken, false);
    }

    @Override
    public URI completeFromSession(AuthorizationRequest request, String sessionAccessToken) {
        return complete(request, sessionAccessToken, true);
    }

    /** {@code anyClientOfPool}: the token may be of another client of the request's pool (a domain's session). */
    private URI complete(AuthorizationRequest request, String accessToken, boolean anyClientOfPool) {
        UserPoolClient client = client(request);
        if (!client.callbackURLs().contains(request.redirectUri())) {
            throw AuthorizationException.errorPage("redirect_mismatch", "redirect_uri is not a callback URL");
        }
        boolean implicit = AuthorizationRequest.TOKEN.equals(request.responseType());
        if (!OAuthClients.allowsFlow(client, implicit ? "implicit" : "code")) {
            throw AuthorizationException.errorPage("unauthorized_client", "the client no longer allows this flow");
        }
        AccessTokenClaims claims;
        User user;
        try {
            claims = OAuthTokens.usableAccessToken(services, accessToken);
            user = OAuthTokens.user(services, claims);
        } catch (CognitoException e) {
            throw AuthorizationException.errorPage("invalid_token", "the access token is not usable: " + e.getMessage());
        }
        if (!claims.userPoolId().equals(request.poolId())) {
            throw AuthorizationException.errorPage("invalid_token", "the access token is of another user pool");
        }
        if (!anyClientOfPool && !claims.clientId().equals(request.clientId())) {
            throw AuthorizationException.errorPage("invalid_token", "the access token is of another client");
        }
        StringBuilder params = new StringBuilder();
        if (implicit) {
            Authentication authentication = new Authentication(claims.authTime(), Ids.uuid(services.random()),
                    Ids.uuid(services.random()));
            AuthResponse.AuthenticationResult tokens = OAuthTokens.signIn(services, client, user, authentication,
                    new OAuthGrant(request.scopes(), request.nonce()));
            if (request.openid()) {
                params.append("id_token=").append(tokens.idToken()).append('&');
            }
            params.append("access_token=").append(tokens.accessToken())
                    .append("&token_type=Bearer&expires_in=").append(tokens.expiresIn());
        } else {
            String code = Ids.uuid(services.random());
            Instant now = services.clock().instant();
            services.authorizationCodes().save(new AuthorizationCode(OAuthClients.sha256(code), request.poolId(),
                    request.clientId(), request.redirectUri(), request.scopes(), request.codeChallenge(),
                    request.codeChallengeMethod(), request.nonce(), user.username(), user.sub(), claims.authTime(),
                    now.plus(CODE_VALIDITY)));
            params.append("code=").append(code);
        }
        request.state().ifPresent(s -> params.append("&state=").append(AuthorizationException.encode(s)));
        String separator = implicit ? "#" : request.redirectUri().contains("?") ? "&" : "?";
        return URI.create(request.redirectUri() + separator + params);
    }

    @Override
    public UserPoolClient client(AuthorizationRequest request) {
        return OAuthClients.inDomain(services, Optional.of(request.domainPrefix()), request.clientId())
                .filter(c -> c.userPoolId().equals(request.poolId()))
                .orElseThrow(() -> AuthorizationException.errorPage("invalid_request",
                        "the client no longer exists in this domain's user pool"));
    }

    private static Optional<String> param(Map<String, String> query, String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
    }

    private static AuthorizationException refused(String error, String description, String redirectUri,
            Optional<String> state, boolean fragment) {
        return AuthorizationException.toRedirectUri(error, description, redirectUri, state, fragment);
    }
}

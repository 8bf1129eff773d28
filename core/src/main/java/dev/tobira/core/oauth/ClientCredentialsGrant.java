package dev.tobira.core.oauth;

import dev.tobira.core.Services;
import dev.tobira.core.oauth.OAuthError.Code;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.token.TokenIssuer.ClientToken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The token endpoint's {@code client_credentials} grant (RFC 6749 §4.4) as Cognito runs it: a confidential
 * client, authenticated by its secret, gets an access token for its own custom scopes.
 *
 * <p>Steps, each failing with Cognito's {@code error}:
 * <ol>
 *   <li>The client exists, and belongs to the pool of the domain the request came to (or, at the
 *       domain-less path, to a pool that has a domain) — else {@code invalid_client}.
 *   <li>The client has a secret and the request carries it — else {@code invalid_client}.
 *   <li>The client allows OAuth flows and {@code client_credentials} among them — else
 *       {@code unauthorized_client}.
 *   <li>Every requested scope is one of the client's allowed custom scopes that still exists (omitted:
 *       all of them) — else {@code invalid_scope}.
 * </ol>
 */
public final class ClientCredentialsGrant {

    private final Services services;

    public ClientCredentialsGrant(Services services) {
        this.services = services;
    }

    /**
     * @param domain the prefix domain in the request's path, or empty at the domain-less {@code /oauth2/token}
     * @param clientId from HTTP Basic or the body
     * @param clientSecret likewise; empty when the request carried none
     * @param scope the {@code scope} parameter, space separated, or empty when omitted
     * @throws OAuthError for every refusal
     */
    public ClientToken token(Optional<String> domain, String clientId, Optional<String> clientSecret,
            Optional<String> scope) {
        UserPoolClient client = OAuthClients.authenticate(services, domain, clientId, clientSecret);
        if (!client.hasSecret()) {
            throw new OAuthError(Code.INVALID_CLIENT, "public client");
        }
        if (!OAuthClients.allowsFlow(client, "client_credentials")) {
            throw new OAuthError(Code.UNAUTHORIZED_CLIENT, "the client does not allow client_credentials");
        }
        List<String> granted = scopes(client, scope);
        return services.tokenIssuer().issueClientCredentials(client, granted);
    }

    private List<String> scopes(UserPoolClient client, Optional<String> scope) {
        Set<String> existing = new HashSet<>(OAuthScopes.custom(services.resourceServers(), client.userPoolId()));
        List<String> allowed = client.allowedOAuthScopes().stream()
                .filter(OAuthScopes::isCustom)
                .filter(existing::contains)
                .toList();
        List<String> requested = scope.map(s -> Arrays.stream(s.split(" ")).filter(t -> !t.isEmpty()).toList())
                .orElse(List.of());
        if (requested.isEmpty()) {
            if (allowed.isEmpty()) {
                throw new OAuthError(Code.INVALID_SCOPE, "the client has no custom scope");
            }
            return allowed;
        }
        List<String> granted = new ArrayList<>(new LinkedHashSet<>(requested));
        for (String s : granted) {
            if (!allowed.contains(s)) {
                throw new OAuthError(Code.INVALID_SCOPE, "scope " + s + " is not allowed for the client");
            }
        }
        return List.copyOf(granted);
    }

}

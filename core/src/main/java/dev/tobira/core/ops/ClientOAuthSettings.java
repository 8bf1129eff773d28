package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidOAuthFlowException;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.ScopeDoesNotExistException;
import dev.tobira.core.Services;
import dev.tobira.core.oauth.OAuthScopes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks Cognito makes on an app client's OAuth 2.0 settings (Create and UpdateUserPoolClient), in
 * the order it makes them: identity providers, flows, the client-credentials rules, scopes, then URLs.
 */
final class ClientOAuthSettings {

    /** Hosts whose callback and sign-out URLs may use plain {@code http} (Cognito's loopback exception). */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private ClientOAuthSettings() {}

    static void check(CreateUserPoolClient.Request r, String secret, Services services) {
        for (String provider : ClientSettings.orEmpty(r.supportedIdentityProviders())) {
            // Tobira has no federation yet: COGNITO (the pool's own users) is the only provider a pool has.
            if (!provider.equals("COGNITO")) {
                throw new InvalidParameterException(
                        "The provider " + provider + " does not exist for User Pool " + r.userPoolId());
            }
        }
        List<String> flows = ClientSettings.orEmpty(r.allowedOAuthFlows());
        List<String> scopes = ClientSettings.orEmpty(r.allowedOAuthScopes());
        if (Boolean.TRUE.equals(r.allowedOAuthFlowsUserPoolClient()) && (flows.isEmpty() || scopes.isEmpty())) {
            throw new InvalidParameterException(
                    "AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use "
                            + "OAuth flows.");
        }
        if (flows.contains("client_credentials")) {
            if (flows.contains("code") || flows.contains("implicit")) {
                throw new InvalidOAuthFlowException(
                        "client_credentials flow can not be selected along with code flow or implicit flow.");
            }
            if (secret == null) {
                throw new InvalidOAuthFlowException(
                        "client_credentials flow can not be selected if client does not have a client secret.");
            }
        }
        checkScopes(scopes, r.userPoolId(), services);
        List<String> callbacks = ClientSettings.orEmpty(r.callbackURLs());
        callbacks.forEach(url -> checkUrl("CallbackURLs", url));
        ClientSettings.orEmpty(r.logoutURLs()).forEach(url -> checkUrl("LogoutURLs", url));
        if (r.defaultRedirectURI() != null) {
            checkUrl("DefaultRedirectURI", r.defaultRedirectURI());
            if (!callbacks.contains(r.defaultRedirectURI())) {
                throw new InvalidParameterException("DefaultRedirectURI must be one of the CallbackURLs.");
            }
        }
    }

    private static void checkScopes(List<String> scopes, String userPoolId, Services services) {
        Set<String> custom = null;
        for (String scope : scopes) {
            if (!OAuthScopes.isCustom(scope)) {
                continue;
            }
            if (custom == null) {
                custom = new HashSet<>(OAuthScopes.custom(services.resourceServers(), userPoolId));
            }
            if (!custom.contains(scope)) {
                throw new ScopeDoesNotExistException("Invalid scope requested: " + scope);
            }
        }
    }

    /**
     * An absolute URL without a fragment, {@code https}, or {@code http} to a loopback host (Cognito allows
     * other schemes for native apps, such as {@code myapp://callback}, so only {@code http} is restricted).
     */
    private static void checkUrl(String member, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalidUrl(member, url);
        }
        if (!uri.isAbsolute() || uri.getRawFragment() != null) {
            throw invalidUrl(member, url);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(host)) {
            throw new InvalidParameterException(member + " must use https, except for http://localhost: " + url);
        }
    }

    private static InvalidParameterException invalidUrl(String member, String url) {
        return new InvalidParameterException(member + " must be absolute URLs without a fragment: " + url);
    }
}

package dev.tobira.core.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An app client, shaped as Cognito's {@code UserPoolClientType}: what {@code DescribeUserPoolClient}
 * returns. Settings Cognito omits when never set are {@code null}; lists are never null.
 *
 * @param clientSecret the secret, or null for a public client
 * @param explicitAuthFlows the {@code ALLOW_*} flows; Cognito's default when none were given
 * @param preventUserExistenceErrors {@code ENABLED} or {@code LEGACY}; null when never set, which behaves
 *     as {@code LEGACY}
 */
public record UserPoolClient(
        String userPoolId,
        String clientName,
        String clientId,
        String clientSecret,
        Instant lastModifiedDate,
        Instant creationDate,
        Integer refreshTokenValidity,
        Integer accessTokenValidity,
        Integer idTokenValidity,
        TokenValidityUnits tokenValidityUnits,
        List<String> readAttributes,
        List<String> writeAttributes,
        List<String> explicitAuthFlows,
        List<String> supportedIdentityProviders,
        List<String> callbackURLs,
        List<String> logoutURLs,
        String defaultRedirectURI,
        List<String> allowedOAuthFlows,
        List<String> allowedOAuthScopes,
        Boolean allowedOAuthFlowsUserPoolClient,
        String preventUserExistenceErrors,
        Boolean enableTokenRevocation,
        Boolean enablePropagateAdditionalUserContextData,
        Integer authSessionValidity,
        RefreshTokenRotation refreshTokenRotation) {

    /** Flows a client allows when it is created without {@code ExplicitAuthFlows} (spec §4.1). */
    public static final List<String> DEFAULT_EXPLICIT_AUTH_FLOWS =
            List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH");

    public UserPoolClient {
        readAttributes = List.copyOf(readAttributes);
        writeAttributes = List.copyOf(writeAttributes);
        explicitAuthFlows = List.copyOf(explicitAuthFlows);
        supportedIdentityProviders = List.copyOf(supportedIdentityProviders);
        callbackURLs = List.copyOf(callbackURLs);
        logoutURLs = List.copyOf(logoutURLs);
        allowedOAuthFlows = List.copyOf(allowedOAuthFlows);
        allowedOAuthScopes = List.copyOf(allowedOAuthScopes);
    }

    /** Whether this client allows {@code flow} ({@code ALLOW_…}); the legacy names count as their successors. */
    /** How long each step of a sign-in may wait for its answer: {@code AuthSessionValidity}, 3 minutes unless set (spec §3.5). */
    public Duration authSessionDuration() {
        return Duration.ofMinutes(authSessionValidity == null ? 3 : authSessionValidity);
    }

    public boolean allows(String flow) {
        return explicitAuthFlows.contains(flow);
    }

    public boolean hasSecret() {
        return clientSecret != null;
    }

    /** Units for the three validities; null members mean Cognito's defaults (days for refresh, hours otherwise). */
    public record TokenValidityUnits(String accessToken, String idToken, String refreshToken) {}

    public record RefreshTokenRotation(String feature, Integer retryGracePeriodSeconds) {}
}

package dev.tobira.core.oauth;

import dev.tobira.core.Services;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.oauth.OAuthError.Code;
import dev.tobira.core.pool.UserPoolClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/** Client authentication and look-ups shared by the OAuth 2.0 endpoints. */
public final class OAuthClients {

    private OAuthClients() {}

    /**
     * The client of a token or revocation request, authenticated as Cognito does: it exists and its pool is the
     * pool of {@code domain} (or, with no domain in the path, has a domain); a confidential client sent its
     * secret (HTTP Basic or body) and the secret is right; a public client sent no secret.
     *
     * @throws OAuthError {@code invalid_client} for each failure
     */
    public static UserPoolClient authenticate(Services services, Optional<String> domain, String clientId,
            Optional<String> clientSecret) {
        UserPoolClient client = inDomain(services, domain, clientId)
                .orElseThrow(() -> new OAuthError(Code.INVALID_CLIENT, "no client " + clientId + " at this domain"));
        if (client.hasSecret()) {
            if (clientSecret.isEmpty() || !CodeHasher.same(client.clientSecret(), clientSecret.get())) {
                throw new OAuthError(Code.INVALID_CLIENT, "wrong or missing secret");
            }
        } else if (clientSecret.isPresent() && !clientSecret.get().isEmpty()) {
            throw new OAuthError(Code.INVALID_CLIENT, "a secret for a public client");
        }
        return client;
    }

    /** The client, when it exists and its pool is served at {@code domain} (any domain when empty). */
    public static Optional<UserPoolClient> inDomain(Services services, Optional<String> domain, String clientId) {
        if (clientId == null || clientId.isEmpty()) {
            return Optional.empty();
        }
        return services.clients().find(clientId).filter(client -> {
            Optional<UserPoolDomain> poolDomain = services.domains().findByPool(client.userPoolId());
            return poolDomain.isPresent() && (domain.isEmpty() || domain.get().equals(poolDomain.get().domain()));
        });
    }

    /** Whether the client may use the OAuth flow ({@code code}, {@code implicit}, {@code client_credentials}). */
    public static boolean allowsFlow(UserPoolClient client, String flow) {
        return Boolean.TRUE.equals(client.allowedOAuthFlowsUserPoolClient()) && client.allowedOAuthFlows().contains(flow);
    }

    /** Lower-case hex SHA-256 of a secret's UTF-8 bytes: how codes are stored. */
    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}

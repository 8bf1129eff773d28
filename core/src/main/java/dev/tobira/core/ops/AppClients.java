package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** How the unsigned operations identify their app client, and check its secret (spec §1.5). */
final class AppClients {

    private AppClients() {}

    /** The app client and its pool, as an unsigned call that names a user identifies them. */
    record Caller(UserPoolClient client, UserPool pool) {}

    /**
     * For an unsigned call about {@code username}: its client (which must exist), the client's proof
     * ({@code SECRET_HASH}), and the pool.
     */
    static Caller caller(Services services, String clientId, String username, String secretHash) {
        UserPoolClient client = client(services, clientId);
        checkSecretHash(client, username, secretHash);
        return new Caller(client, Pools.pool(services, client.userPoolId()));
    }

    /** The client named by an unsigned call's {@code ClientId}. */
    static UserPoolClient client(Services services, String clientId) {
        return services.clients().find(clientId)
                .orElseThrow(() -> new ResourceNotFoundException("User pool client " + clientId + " does not exist."));
    }

    /**
     * For a client with a secret: {@code secretHash} must be Base64(HMAC-SHA256(secret, username + clientId)).
     * Clients without a secret ignore it, as Cognito does.
     */
    static void checkSecretHash(UserPoolClient client, String username, String secretHash) {
        if (!client.hasSecret()) {
            return;
        }
        if (secretHash == null || secretHash.isEmpty()) {
            throw new NotAuthorizedException(
                    "Client " + client.clientId() + " is configured with secret but SECRET_HASH was not received");
        }
        if (!CodeHasher.same(secretHash(client, username), secretHash)) {
            throw new NotAuthorizedException("Unable to verify secret hash for client " + client.clientId());
        }
    }

    static String secretHash(UserPoolClient client, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(client.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((username + client.clientId()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

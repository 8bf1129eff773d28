package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.server.web.WebState.Account;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * What a visitor's web session holds, read the way the app stored it (Spring Session's tables in
 * the app's database), and what the pool says of those tokens when another client uses them. No
 * hook in the app: this is what anyone with the database could read.
 */
final class WebSessions {

    private WebSessions() {}

    /** The signed-in user of the session whose {@code TOBIRA_WEB_SESSION} cookie is {@code cookie}. */
    static Account account(DataSource database, String cookie) {
        // The cookie carries the session id in Base64 (DefaultCookieSerializer's default).
        String sessionId = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
        byte[] bytes = JdbcClient.create(database).sql("""
                SELECT a.attribute_bytes FROM spring_session_attributes a
                JOIN spring_session s ON a.session_primary_id = s.primary_id
                WHERE s.session_id = ? AND a.attribute_name = ?""")
                .params(sessionId, WebController.ACCOUNT).query(byte[].class).single();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (Account) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** The account's tokens, refreshed through {@code REFRESH_TOKEN_AUTH} by another SDK client. */
    static AuthenticationResultType refresh(CognitoIdentityProviderClient api, String clientId,
            Optional<String> clientSecret, Account account) {
        Map<String, String> parameters = new HashMap<>(Map.of("REFRESH_TOKEN", account.tokens().refreshToken()));
        clientSecret.ifPresent(secret -> parameters.put("SECRET_HASH", secretHash(secret, account.username(), clientId)));
        return api.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(parameters)).authenticationResult();
    }

    /**
     * Asserts that the pool has ended the sign-in these tokens belong to: {@code REFRESH_TOKEN_AUTH} with the
     * refresh token and {@code GetUser} with the access token are refused, in Cognito's words.
     */
    static void assertRevoked(CognitoIdentityProviderClient api, String clientId, Optional<String> clientSecret,
            Account account) {
        assertThatThrownBy(() -> refresh(api, clientId, clientSecret, account))
                .isInstanceOfSatisfying(NotAuthorizedException.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Refresh Token has been revoked"));
        assertAccessRevoked(api, account.tokens().accessToken());
    }

    /** Asserts that {@code GetUser} with {@code accessToken} is refused: "Access Token has been revoked". */
    static void assertAccessRevoked(CognitoIdentityProviderClient api, String accessToken) {
        assertThatThrownBy(() -> api.getUser(b -> b.accessToken(accessToken)))
                .isInstanceOfSatisfying(NotAuthorizedException.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Access Token has been revoked"));
    }

    /** {@code SECRET_HASH} for {@code username} at a client with a secret (spec §1.5). */
    static String secretHash(String secret, String username, String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}

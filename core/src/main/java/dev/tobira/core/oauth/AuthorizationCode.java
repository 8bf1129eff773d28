package dev.tobira.core.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An authorization code as stored: only the SHA-256 of the code itself, and what it was issued for, so that
 * the token endpoint can check the redemption against it (RFC 6749 §4.1.3, RFC 7636 §4.6).
 *
 * @param codeHash lower-case hex SHA-256 of the code's UTF-8 bytes
 * @param username the internal username of the user who signed in
 * @param sub the user's {@code sub}, so that a user deleted and re-created under the same name does not
 *     inherit the code
 * @param authTime when the user signed in ({@code auth_time} of the tokens)
 * @param expiresAt when the code stops working (Cognito: 5 minutes after issue)
 */
public record AuthorizationCode(
        String codeHash,
        String poolId,
        String clientId,
        String redirectUri,
        List<String> scopes,
        Optional<String> codeChallenge,
        Optional<String> codeChallengeMethod,
        Optional<String> nonce,
        String username,
        String sub,
        Instant authTime,
        Instant expiresAt) {

    public AuthorizationCode {
        Objects.requireNonNull(codeHash, "codeHash");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(codeChallengeMethod, "codeChallengeMethod");
        Objects.requireNonNull(nonce, "nonce");
    }

    /** Shows no hash: even a hash of a live code is kept out of logs. */
    @Override
    public String toString() {
        return "AuthorizationCode[poolId=" + poolId + ", clientId=" + clientId + ", username=" + username
                + ", expiresAt=" + expiresAt + "]";
    }
}

package dev.tobira.core.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable OAuth 2.0 grants shared by every node: authorization codes (only their hashes) between
 * {@code /oauth2/authorize} and {@code /oauth2/token}, and the scopes granted to a token family that came from
 * the token endpoint, so that its refreshed tokens carry the same scopes. Implementations are safe for
 * concurrent use from many threads and processes. A pool's codes go with the pool; a family's scopes go with
 * the family (its user).
 */
public interface AuthorizationCodeStore {

    /** Stores a new code; codes past their expiry may be deleted at the same time. */
    void save(AuthorizationCode code);

    /**
     * Redeems a code: removes it, atomically, and returns it when it had not expired at {@code now}
     * ({@code now} before {@code expiresAt}). Of several callers racing on one code, on any nodes, at most one
     * gets it; every later call gets empty. An expired code is removed and not returned.
     */
    Optional<AuthorizationCode> redeem(String codeHash, Instant now);

    /** Records the scopes granted to the token family {@code originJti} (which must exist). */
    void saveScopes(String originJti, List<String> scopes);

    /** The scopes recorded for the family, or empty for a family that did not come from the token endpoint. */
    Optional<List<String>> scopes(String originJti);
}

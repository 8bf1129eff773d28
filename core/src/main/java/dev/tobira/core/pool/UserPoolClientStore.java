package dev.tobira.core.pool;

import dev.tobira.core.Page;
import java.util.Optional;

/**
 * Durable app clients of user pools. Each method is atomic; implementations are safe for concurrent
 * use. Client ids are unique across all pools (unsigned calls name only the client).
 */
public interface UserPoolClientStore {

    /** Stores a new client of an existing pool. */
    void create(UserPoolClient client);

    /** The client with this id in any pool, or empty. */
    Optional<UserPoolClient> find(String clientId);

    /** @return false when no such client exists (nothing is written) */
    boolean update(UserPoolClient client);

    /** @return false when the pool has no such client */
    boolean delete(String userPoolId, String clientId);

    /** The pool's clients in a stable order (by creation, then id), at most {@code max} per page. */
    Page<UserPoolClient> list(String userPoolId, int max, Optional<String> after);
}

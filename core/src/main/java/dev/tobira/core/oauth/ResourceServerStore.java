package dev.tobira.core.oauth;

import dev.tobira.core.Page;
import java.util.Optional;

/**
 * Durable resource servers of user pools, keyed by pool and identifier. Each method is atomic;
 * implementations are safe for concurrent use from many threads and processes. A pool's resource
 * servers go when the pool is deleted.
 */
public interface ResourceServerStore {

    /** @return false when the pool already has a resource server with this identifier (nothing is written) */
    boolean create(ResourceServer server);

    /** The pool's resource server with this identifier, or empty. */
    Optional<ResourceServer> find(String userPoolId, String identifier);

    /** @return false when no such resource server exists (nothing is written) */
    boolean update(ResourceServer server);

    /** @return false when the pool has no such resource server */
    boolean delete(String userPoolId, String identifier);

    /** The pool's resource servers ordered by identifier, at most {@code max} per page. */
    Page<ResourceServer> list(String userPoolId, int max, Optional<String> after);

    /** Deletes every resource server of the pool (used when the pool goes). */
    void deleteAll(String userPoolId);
}

package dev.tobira.core.pool;

import dev.tobira.core.Page;
import java.util.Optional;

/**
 * Durable user pools. Each method is atomic: after a crash a pool is either wholly written or not
 * at all. Implementations must be safe for concurrent use from many threads and processes.
 */
public interface UserPoolStore {

    /** Stores a new pool. Ids are generated with enough entropy that a collision is a bug: it fails. */
    void create(UserPool pool);

    /** The pool with this id, or empty. */
    Optional<UserPool> find(String id);

    /**
     * Replaces a stored pool with {@code pool} (matched by id).
     *
     * @return false when no such pool exists (nothing is written)
     */
    boolean update(UserPool pool);

    /**
     * Deletes the pool together with its clients and users, in one transaction.
     *
     * @return false when no such pool existed
     */
    boolean delete(String id);

    /**
     * Pools in a stable order (by creation, then id), at most {@code max} per page.
     *
     * @param after a token from a previous page's {@link Page#nextToken()}, or empty for the first page
     */
    Page<UserPool> list(int max, Optional<String> after);
}

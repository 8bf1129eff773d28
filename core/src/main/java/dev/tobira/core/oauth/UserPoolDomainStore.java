package dev.tobira.core.oauth;

import java.util.Optional;

/**
 * Durable user pool domains. A domain belongs to one pool and a pool has at most one domain; both are
 * enforced atomically by {@link #create}, also across processes. A pool's domain goes when the pool is
 * deleted.
 */
public interface UserPoolDomainStore {

    /** Outcome of {@link #create}. */
    enum Created { CREATED, DOMAIN_TAKEN, POOL_HAS_DOMAIN }

    /** Stores a new domain unless the name is taken or its pool already has a domain. */
    Created create(UserPoolDomain domain);

    /** The domain with this name, in any pool, or empty. */
    Optional<UserPoolDomain> find(String domain);

    /** The pool's domain, or empty. */
    Optional<UserPoolDomain> findByPool(String userPoolId);

    /** @return false when no such domain exists (nothing is written) */
    boolean update(UserPoolDomain domain);

    /** @return false when the pool has no domain of this name */
    boolean delete(String userPoolId, String domain);

    /** Deletes the pool's domain, if any (used when the pool goes). */
    void deleteAll(String userPoolId);
}

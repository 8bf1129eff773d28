package dev.tobira.core.memory;

import dev.tobira.core.oauth.UserPoolDomain;
import dev.tobira.core.oauth.UserPoolDomainStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** User pool domains in memory, for tests; one lock keeps "one domain per pool, one pool per domain" atomic. */
public final class InMemoryUserPoolDomainStore implements UserPoolDomainStore {

    private final Map<String, UserPoolDomain> domains = new HashMap<>();

    @Override
    public synchronized Created create(UserPoolDomain domain) {
        if (domains.containsKey(domain.domain())) {
            return Created.DOMAIN_TAKEN;
        }
        if (findByPool(domain.userPoolId()).isPresent()) {
            return Created.POOL_HAS_DOMAIN;
        }
        domains.put(domain.domain(), domain);
        return Created.CREATED;
    }

    @Override
    public synchronized Optional<UserPoolDomain> find(String domain) {
        return Optional.ofNullable(domains.get(domain));
    }

    @Override
    public synchronized Optional<UserPoolDomain> findByPool(String userPoolId) {
        return domains.values().stream().filter(d -> d.userPoolId().equals(userPoolId)).findFirst();
    }

    @Override
    public synchronized boolean update(UserPoolDomain domain) {
        return domains.replace(domain.domain(), domain) != null;
    }

    @Override
    public synchronized boolean delete(String userPoolId, String domain) {
        UserPoolDomain existing = domains.get(domain);
        return existing != null && existing.userPoolId().equals(userPoolId) && domains.remove(domain) != null;
    }

    @Override
    public synchronized void deleteAll(String userPoolId) {
        domains.values().removeIf(d -> d.userPoolId().equals(userPoolId));
    }
}

package dev.tobira.server.metrics;

import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.pool.UserPoolClientStore;
import dev.tobira.core.pool.UserPoolStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The user pool a request is about, for a metric's {@code pool} tag: its {@code UserPoolId}, else the
 * pool of its {@code ClientId}, and only when that pool exists. A tag value never comes straight from
 * the request, so a caller cannot make up tag values (each one would be a new time series).
 */
final class KnownPools {

    /** How many ids are kept in memory at most; far more than any deployment has pools and clients. */
    private static final int MAX_KEPT = 10_000;

    private final UserPoolStore pools;
    private final UserPoolClientStore clients;
    /** Pools seen to exist, and the pool of each client seen; a client belongs to one pool for good. */
    private final Map<String, String> poolOf = new ConcurrentHashMap<>();

    KnownPools(UserPoolStore pools, UserPoolClientStore clients) {
        this.pools = pools;
        this.clients = clients;
    }

    /** The existing pool {@code input} names, directly or by its client; empty when it names none. */
    Optional<String> of(JsonNode input) {
        JsonNode poolId = input.path("UserPoolId");
        if (poolId.isString()) {
            return known("pool " + poolId.asString(), () -> pools.find(poolId.asString()).map(UserPool::id));
        }
        JsonNode clientId = input.path("ClientId");
        if (clientId.isString()) {
            return known("client " + clientId.asString(),
                    () -> clients.find(clientId.asString()).map(UserPoolClient::userPoolId));
        }
        return Optional.empty();
    }

    private Optional<String> known(String key, java.util.function.Supplier<Optional<String>> lookUp) {
        String pool = poolOf.get(key);
        if (pool != null) {
            return Optional.of(pool);
        }
        Optional<String> found = lookUp.get();
        found.ifPresent(id -> {
            if (poolOf.size() >= MAX_KEPT) {
                poolOf.clear();
            }
            poolOf.put(key, id);
        });
        return found;
    }
}

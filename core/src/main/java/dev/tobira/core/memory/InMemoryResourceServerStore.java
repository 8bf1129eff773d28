package dev.tobira.core.memory;

import dev.tobira.core.Page;
import dev.tobira.core.oauth.ResourceServer;
import dev.tobira.core.oauth.ResourceServerStore;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Resource servers in memory, for tests. */
public final class InMemoryResourceServerStore implements ResourceServerStore {

    private final Map<String, ResourceServer> servers = new ConcurrentHashMap<>();

    private static String key(String userPoolId, String identifier) {
        return userPoolId + "\n" + identifier;
    }

    @Override
    public boolean create(ResourceServer server) {
        return servers.putIfAbsent(key(server.userPoolId(), server.identifier()), server) == null;
    }

    @Override
    public Optional<ResourceServer> find(String userPoolId, String identifier) {
        return Optional.ofNullable(servers.get(key(userPoolId, identifier)));
    }

    @Override
    public boolean update(ResourceServer server) {
        return servers.replace(key(server.userPoolId(), server.identifier()), server) != null;
    }

    @Override
    public boolean delete(String userPoolId, String identifier) {
        return servers.remove(key(userPoolId, identifier)) != null;
    }

    @Override
    public Page<ResourceServer> list(String userPoolId, int max, Optional<String> after) {
        var sorted = servers.values().stream()
                .filter(s -> s.userPoolId().equals(userPoolId))
                .sorted(Comparator.comparing(ResourceServer::identifier))
                .toList();
        return Paging.page(sorted, ResourceServer::identifier, max, after);
    }

    @Override
    public void deleteAll(String userPoolId) {
        servers.values().removeIf(s -> s.userPoolId().equals(userPoolId));
    }
}

package dev.tobira.core.memory;

import dev.tobira.core.Page;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.pool.UserPoolClientStore;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** App clients in memory, for tests and {@code --in-memory}. */
public final class InMemoryUserPoolClientStore implements UserPoolClientStore {

    private final Map<String, UserPoolClient> clients = new ConcurrentHashMap<>();

    @Override
    public void create(UserPoolClient client) {
        if (clients.putIfAbsent(client.clientId(), client) != null) {
            throw new IllegalStateException("Duplicate client id " + client.clientId());
        }
    }

    @Override
    public Optional<UserPoolClient> find(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    @Override
    public boolean update(UserPoolClient client) {
        return clients.replace(client.clientId(), client) != null;
    }

    @Override
    public boolean delete(String userPoolId, String clientId) {
        UserPoolClient client = clients.get(clientId);
        return client != null && client.userPoolId().equals(userPoolId) && clients.remove(clientId, client);
    }

    @Override
    public Page<UserPoolClient> list(String userPoolId, int max, Optional<String> after) {
        var sorted = clients.values().stream()
                .filter(c -> c.userPoolId().equals(userPoolId))
                .sorted(Comparator.comparing(UserPoolClient::creationDate).thenComparing(UserPoolClient::clientId))
                .toList();
        return Paging.page(sorted, c -> c.creationDate().toEpochMilli() + "/" + c.clientId(), max, after);
    }

    void deleteAll(String userPoolId) {
        clients.values().removeIf(c -> c.userPoolId().equals(userPoolId));
    }
}

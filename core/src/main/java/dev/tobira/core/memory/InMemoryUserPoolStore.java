package dev.tobira.core.memory;

import dev.tobira.core.Page;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pools in memory, for tests and {@code --in-memory}; deleting a pool also deletes its clients and users. */
public final class InMemoryUserPoolStore implements UserPoolStore {

    private final Map<String, UserPool> pools = new ConcurrentHashMap<>();
    private final InMemoryUserPoolClientStore clients;
    private final InMemoryUserStore users;

    public InMemoryUserPoolStore(InMemoryUserPoolClientStore clients, InMemoryUserStore users) {
        this.clients = clients;
        this.users = users;
    }

    @Override
    public void create(UserPool pool) {
        if (pools.putIfAbsent(pool.id(), pool) != null) {
            throw new IllegalStateException("Duplicate user pool id " + pool.id());
        }
    }

    @Override
    public Optional<UserPool> find(String id) {
        return Optional.ofNullable(pools.get(id));
    }

    @Override
    public boolean update(UserPool pool) {
        return pools.replace(pool.id(), pool) != null;
    }

    @Override
    public synchronized boolean delete(String id) {
        clients.deleteAll(id);
        users.deleteAll(id);
        return pools.remove(id) != null;
    }

    @Override
    public Page<UserPool> list(int max, Optional<String> after) {
        List<UserPool> sorted = new ArrayList<>(pools.values());
        sorted.sort(Comparator.comparing(UserPool::creationDate).thenComparing(UserPool::id));
        return Paging.page(sorted, p -> p.creationDate().toEpochMilli() + "/" + p.id(), max, after);
    }
}

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
import java.util.function.Consumer;

/** Pools in memory, for tests and {@code --in-memory}; deleting a pool also deletes its clients and users. */
public final class InMemoryUserPoolStore implements UserPoolStore {

    private final Map<String, UserPool> pools = new ConcurrentHashMap<>();
    private final InMemoryUserPoolClientStore clients;
    private final InMemoryUserStore users;
    private final Consumer<String> alsoDelete;

    public InMemoryUserPoolStore(InMemoryUserPoolClientStore clients, InMemoryUserStore users) {
        this(clients, users, id -> {});
    }

    /** @param alsoDelete deletes the other things a pool owns (its groups), given the pool's id */
    public InMemoryUserPoolStore(InMemoryUserPoolClientStore clients, InMemoryUserStore users,
            Consumer<String> alsoDelete) {
        this.clients = clients;
        this.users = users;
        this.alsoDelete = alsoDelete;
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
        alsoDelete.accept(id);
        return pools.remove(id) != null;
    }

    @Override
    public Page<UserPool> list(int max, Optional<String> after) {
        List<UserPool> sorted = new ArrayList<>(pools.values());
        sorted.sort(Comparator.comparing(UserPool::creationDate).thenComparing(UserPool::id));
        return Paging.page(sorted, p -> p.creationDate().toEpochMilli() + "/" + p.id(), max, after);
    }
}

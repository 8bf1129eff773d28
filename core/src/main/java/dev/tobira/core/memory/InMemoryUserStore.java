package dev.tobira.core.memory;

import dev.tobira.core.CognitoException.UsernameExistsException;
import dev.tobira.core.Page;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserFilter;
import dev.tobira.core.user.UserStore;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/** Users in memory, for tests and {@code --in-memory}. */
public final class InMemoryUserStore implements UserStore {

    /** Keyed by pool id, then by the username's lookup key (lower-cased unless the pool is case-sensitive). */
    private final Map<String, Map<String, User>> users = new ConcurrentHashMap<>();
    private final Map<String, Boolean> caseSensitivity = new ConcurrentHashMap<>();
    private BiConsumer<String, String> deletionListener = (pool, username) -> {};

    @Override
    public synchronized void create(User user, boolean caseSensitive) {
        caseSensitivity.put(user.userPoolId(), caseSensitive);
        Map<String, User> pool = users.computeIfAbsent(user.userPoolId(), k -> new ConcurrentHashMap<>());
        if (pool.putIfAbsent(key(user.username(), caseSensitive), user) != null) {
            throw new UsernameExistsException("User account already exists");
        }
    }

    @Override
    public Optional<User> find(String userPoolId, String username, boolean caseSensitive) {
        return Optional.ofNullable(pool(userPoolId).get(key(username, caseSensitive)));
    }

    @Override
    public List<User> findByAttribute(String userPoolId, String name, String value, boolean caseSensitive) {
        return pool(userPoolId).values().stream()
                .filter(u -> u.attribute(name)
                        .filter(v -> caseSensitive ? v.equals(value) : v.equalsIgnoreCase(value))
                        .isPresent())
                .sorted(Comparator.comparing(User::username))
                .toList();
    }

    @Override
    public synchronized boolean update(User user) {
        Map<String, User> pool = pool(user.userPoolId());
        String key = key(user.username(), caseSensitivity.getOrDefault(user.userPoolId(), true));
        User current = pool.get(key);
        if (current == null || !current.username().equals(user.username())) {
            return false;
        }
        pool.put(key, user);
        return true;
    }

    @Override
    public synchronized boolean delete(String userPoolId, String username) {
        Map<String, User> pool = pool(userPoolId);
        boolean deleted = pool.entrySet().removeIf(e -> e.getValue().username().equals(username));
        if (deleted) {
            deletionListener.accept(userPoolId, username);
        }
        return deleted;
    }

    /**
     * Whether the pool has a user with exactly this username. Not synchronized: the group store asks
     * while holding its own lock, and a delete tells the group store while holding this one.
     */
    boolean exists(String userPoolId, String username) {
        return pool(userPoolId).values().stream().anyMatch(u -> u.username().equals(username));
    }

    /** Told of every deleted user (pool id, username), as a database's cascades would be. */
    synchronized void onDelete(BiConsumer<String, String> listener) {
        deletionListener = listener;
    }

    @Override
    public long count(String userPoolId) {
        return pool(userPoolId).size();
    }

    @Override
    public Page<User> list(String userPoolId, Optional<UserFilter> filter, int limit, Optional<String> after) {
        List<User> sorted = pool(userPoolId).values().stream()
                .filter(u -> filter.map(f -> matches(u, f)).orElse(true))
                .sorted(Comparator.comparing(User::username))
                .toList();
        return Paging.page(sorted, User::username, limit, after);
    }

    /** Filter semantics shared with the JDBC store: exact or prefix match on one searchable field. */
    private static boolean matches(User user, UserFilter f) {
        Optional<String> actual = switch (f.attribute()) {
            case "username" -> Optional.of(user.username());
            case "cognito:user_status" -> Optional.of(user.status().name());
            case "status" -> Optional.of(user.enabled() ? "Enabled" : "Disabled");
            default -> user.attribute(f.attribute());
        };
        return actual.filter(v -> f.prefix() ? v.startsWith(f.value()) : v.equals(f.value())).isPresent();
    }

    void deleteAll(String userPoolId) {
        users.remove(userPoolId);
    }

    private Map<String, User> pool(String userPoolId) {
        return users.getOrDefault(userPoolId, Map.of());
    }

    private static String key(String username, boolean caseSensitive) {
        return caseSensitive ? username : username.toLowerCase(Locale.ROOT);
    }
}

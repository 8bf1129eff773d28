package dev.tobira.core.memory;

import dev.tobira.core.signin.Lockout;
import dev.tobira.core.signin.LockoutStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Lockout counters in memory, for tests. */
public final class InMemoryLockoutStore implements LockoutStore {

    private final Map<String, Lockout> lockouts = new ConcurrentHashMap<>();

    @Override
    public Lockout find(String userPoolId, String username) {
        return lockouts.getOrDefault(userPoolId + "\n" + username, Lockout.NONE);
    }

    @Override
    public Lockout change(String userPoolId, String username, UnaryOperator<Lockout> change) {
        Lockout stored = lockouts.compute(userPoolId + "\n" + username, (key, current) -> {
            Lockout next = change.apply(current == null ? Lockout.NONE : current);
            return next.equals(Lockout.NONE) ? null : next;
        });
        return stored == null ? Lockout.NONE : stored;
    }
}

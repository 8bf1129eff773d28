package dev.tobira.core.memory;

import dev.tobira.core.signin.Lockout;
import dev.tobira.core.signin.LockoutStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Lockout counters in memory, for tests. */
public final class InMemoryLockoutStore implements LockoutStore {

    private final Map<String, Lockout> lockouts = new ConcurrentHashMap<>();

    @Override
    public Lockout find(String userPoolId, String username) {
        return lockouts.getOrDefault(userPoolId + "\n" + username, Lockout.NONE);
    }

    @Override
    public void save(String userPoolId, String username, Lockout lockout) {
        lockouts.put(userPoolId + "\n" + username, lockout);
    }
}

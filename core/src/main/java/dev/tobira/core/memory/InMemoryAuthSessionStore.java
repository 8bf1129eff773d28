package dev.tobira.core.memory;

import dev.tobira.core.session.AuthSession;
import dev.tobira.core.session.AuthSessionStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pending sign-in steps in memory, for tests. */
public final class InMemoryAuthSessionStore implements AuthSessionStore {

    private final Map<String, AuthSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void create(String sessionHash, AuthSession session) {
        sessions.put(sessionHash, session);
    }

    @Override
    public Optional<AuthSession> find(String sessionHash) {
        return Optional.ofNullable(sessions.get(sessionHash));
    }

    @Override
    public Optional<AuthSession> consume(String sessionHash) {
        return Optional.ofNullable(sessions.remove(sessionHash));
    }
}

package dev.tobira.core.memory;

import dev.tobira.core.oauth.AuthorizationCode;
import dev.tobira.core.oauth.AuthorizationCodeStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link AuthorizationCodeStore} in maps, for tests and {@code --in-memory}; redeeming is a map removal. */
public final class InMemoryAuthorizationCodeStore implements AuthorizationCodeStore {

    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final Map<String, List<String>> scopes = new ConcurrentHashMap<>();

    @Override
    public void save(AuthorizationCode code) {
        // Codes that expired long before this one was issued can no longer be redeemed by anyone.
        codes.values().removeIf(c -> c.expiresAt().isBefore(code.expiresAt().minusSeconds(3600)));
        codes.put(code.codeHash(), code);
    }

    @Override
    public Optional<AuthorizationCode> redeem(String codeHash, Instant now) {
        return Optional.ofNullable(codes.remove(codeHash)).filter(c -> now.isBefore(c.expiresAt()));
    }

    @Override
    public void saveScopes(String originJti, List<String> granted) {
        scopes.put(originJti, List.copyOf(granted));
    }

    @Override
    public Optional<List<String>> scopes(String originJti) {
        return Optional.ofNullable(scopes.get(originJti));
    }
}

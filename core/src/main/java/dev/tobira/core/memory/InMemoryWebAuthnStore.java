package dev.tobira.core.memory;

import dev.tobira.core.webauthn.Passkey;
import dev.tobira.core.webauthn.PendingRegistration;
import dev.tobira.core.webauthn.WebAuthnConfig;
import dev.tobira.core.webauthn.WebAuthnStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link WebAuthnStore} in memory, for tests and {@code --in-memory}. */
public final class InMemoryWebAuthnStore implements WebAuthnStore {

    private final Map<String, WebAuthnConfig> configs = new ConcurrentHashMap<>();
    private final Map<List<String>, PendingRegistration> pending = new ConcurrentHashMap<>();
    private final Map<List<String>, Passkey> passkeys = new ConcurrentHashMap<>();

    @Override
    public Optional<WebAuthnConfig> config(String userPoolId) {
        return Optional.ofNullable(configs.get(userPoolId));
    }

    @Override
    public void saveConfig(String userPoolId, WebAuthnConfig config) {
        configs.put(userPoolId, config);
    }

    @Override
    public void savePendingRegistration(PendingRegistration registration) {
        pending.put(List.of(registration.userPoolId(), registration.username()), registration);
    }

    @Override
    public Optional<PendingRegistration> takePendingRegistration(String userPoolId, String username) {
        return Optional.ofNullable(pending.remove(List.of(userPoolId, username)));
    }

    @Override
    public boolean add(Passkey passkey) {
        return passkeys.putIfAbsent(List.of(passkey.userPoolId(), passkey.credentialId()), passkey) == null;
    }

    @Override
    public List<Passkey> passkeys(String userPoolId, String username) {
        return passkeys.values().stream()
                .filter(p -> p.userPoolId().equals(userPoolId) && p.username().equals(username))
                .sorted(Comparator.comparing(Passkey::createdAt).thenComparing(Passkey::credentialId))
                .toList();
    }

    @Override
    public Optional<Passkey> passkey(String userPoolId, String credentialId) {
        return Optional.ofNullable(passkeys.get(List.of(userPoolId, credentialId)));
    }

    @Override
    public boolean updateSignatureCount(String userPoolId, String credentialId, long expected, long updated) {
        boolean[] done = {false};
        passkeys.computeIfPresent(List.of(userPoolId, credentialId), (k, p) -> {
            if (p.signatureCount() != expected) {
                return p;
            }
            done[0] = true;
            return p.withSignatureCount(updated);
        });
        return done[0];
    }

    @Override
    public boolean delete(String userPoolId, String username, String credentialId) {
        List<String> key = List.of(userPoolId, credentialId);
        Passkey p = passkeys.get(key);
        return p != null && p.username().equals(username) && passkeys.remove(key, p);
    }
}

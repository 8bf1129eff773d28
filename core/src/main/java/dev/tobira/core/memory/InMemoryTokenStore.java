package dev.tobira.core.memory;

import dev.tobira.core.signin.RefreshToken;
import dev.tobira.core.signin.TokenFamily;
import dev.tobira.core.signin.TokenStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Token families and refresh tokens in memory, for tests. */
public final class InMemoryTokenStore implements TokenStore {

    private final Map<String, TokenFamily> families = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();

    @Override
    public synchronized void create(TokenFamily family, RefreshToken refreshToken) {
        families.put(family.originJti(), family);
        refreshTokens.put(refreshToken.tokenHash(), refreshToken);
    }

    @Override
    public Optional<TokenFamily> family(String originJti) {
        return Optional.ofNullable(families.get(originJti));
    }

    @Override
    public Optional<RefreshToken> refreshToken(String tokenHash) {
        return Optional.ofNullable(refreshTokens.get(tokenHash));
    }

    @Override
    public synchronized boolean replace(String oldHash, RefreshToken next, Instant at) {
        RefreshToken old = refreshTokens.get(oldHash);
        if (old == null || old.replacedAt().isPresent()) {
            return false;
        }
        refreshTokens.put(oldHash, new RefreshToken(old.tokenHash(), old.originJti(), old.issuedAt(), old.expiresAt(),
                Optional.of(at)));
        refreshTokens.put(next.tokenHash(), next);
        return true;
    }

    @Override
    public synchronized void revokeFamily(String originJti, Instant at) {
        families.computeIfPresent(originJti, (k, f) -> f.revokedAt().isPresent() ? f
                : new TokenFamily(f.originJti(), f.userPoolId(), f.clientId(), f.username(), f.authTime(),
                        Optional.of(at)));
    }

    @Override
    public synchronized void revokeUser(String userPoolId, String username, Instant at) {
        families.values().stream()
                .filter(f -> f.userPoolId().equals(userPoolId) && f.username().equals(username))
                .map(TokenFamily::originJti)
                .toList()
                .forEach(jti -> revokeFamily(jti, at));
    }
}

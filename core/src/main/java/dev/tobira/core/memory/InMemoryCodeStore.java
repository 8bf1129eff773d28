package dev.tobira.core.memory;

import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.code.CodeStore;
import dev.tobira.core.code.OneTimeCode;
import dev.tobira.core.code.OneTimeCode.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One-time codes in memory, for tests and tools; every method is synchronized, hence atomic. */
public final class InMemoryCodeStore implements CodeStore {

    private final List<OneTimeCode> codes = new ArrayList<>();

    @Override
    public synchronized void issue(OneTimeCode code) {
        codes.replaceAll(c -> isActiveFor(c, code.userPoolId(), code.username(), code.purpose())
                ? with(c, c.failedAttempts(), State.SUPERSEDED) : c);
        codes.add(with(code, code.failedAttempts(), State.ACTIVE));
    }

    @Override
    public synchronized Optional<OneTimeCode> active(String userPoolId, String username, CodePurpose purpose) {
        return codes.stream().filter(c -> isActiveFor(c, userPoolId, username, purpose)).findFirst();
    }

    @Override
    public synchronized Optional<OneTimeCode> find(String userPoolId, String username, CodePurpose purpose,
            String codeHash) {
        return codes.stream()
                .filter(c -> c.userPoolId().equals(userPoolId) && c.username().equals(username)
                        && c.purpose() == purpose && c.codeHash().equals(codeHash))
                .max(Comparator.comparing(OneTimeCode::issuedAt));
    }

    @Override
    public synchronized boolean consume(String userPoolId, String username, CodePurpose purpose, String codeHash,
            Instant now) {
        for (int i = 0; i < codes.size(); i++) {
            OneTimeCode c = codes.get(i);
            if (isActiveFor(c, userPoolId, username, purpose) && c.codeHash().equals(codeHash) && !c.expired(now)) {
                codes.set(i, with(c, c.failedAttempts(), State.USED));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized int recordFailure(String userPoolId, String username, CodePurpose purpose) {
        for (int i = 0; i < codes.size(); i++) {
            OneTimeCode c = codes.get(i);
            if (isActiveFor(c, userPoolId, username, purpose)) {
                codes.set(i, with(c, c.failedAttempts() + 1, State.ACTIVE));
                return c.failedAttempts() + 1;
            }
        }
        return 0;
    }

    @Override
    public synchronized void deleteAll(String userPoolId, String username) {
        codes.removeIf(c -> c.userPoolId().equals(userPoolId) && c.username().equals(username));
    }

    private static boolean isActiveFor(OneTimeCode c, String userPoolId, String username, CodePurpose purpose) {
        return c.state() == State.ACTIVE && c.userPoolId().equals(userPoolId) && c.username().equals(username)
                && c.purpose() == purpose;
    }

    private static OneTimeCode with(OneTimeCode c, int failedAttempts, State state) {
        return new OneTimeCode(c.userPoolId(), c.username(), c.purpose(), c.codeHash(), c.issuedAt(), c.expiresAt(),
                failedAttempts, state, c.pendingValue());
    }
}

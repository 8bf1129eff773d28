package dev.tobira.server.store;

import dev.tobira.core.signin.Lockout;
import dev.tobira.core.signin.LockoutStore;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lockout counters in {@code lockouts}, one row per user with any failures. Racing saves of one user
 * all succeed, the last one kept.
 */
public final class JdbcLockoutStore implements LockoutStore {

    private static final String UPDATE = "UPDATE lockouts SET failures = :failures, locked_until = :locked, "
            + "last_attempt = :last WHERE pool_id = :pool AND username = :username";
    private static final String INSERT = "INSERT INTO lockouts (pool_id, username, failures, locked_until, "
            + "last_attempt) VALUES (:pool, :username, :failures, :locked, :last)";
    private static final int SAVE_ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    JdbcLockoutStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Lockout find(String userPoolId, String username) {
        return jdbc.sql("SELECT failures, locked_until, last_attempt FROM lockouts WHERE pool_id = :pool "
                        + "AND username = :username")
                .param("pool", userPoolId).param("username", username)
                .query((rs, row) -> new Lockout(rs.getInt("failures"), instant(rs.getObject("locked_until")),
                        instant(rs.getObject("last_attempt"))))
                .optional()
                .orElse(Lockout.NONE);
    }

    @Override
    public void save(String userPoolId, String username, Lockout lockout) {
        if (lockout.equals(Lockout.NONE)) {
            jdbc.sql("DELETE FROM lockouts WHERE pool_id = :pool AND username = :username")
                    .param("pool", userPoolId).param("username", username).update();
            return;
        }
        // Two racing first failures both find no row to update, and the second insert hits the key
        // once the first commits; doing it again then updates that row, as a later save should.
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(s -> {
                    if (write(UPDATE, userPoolId, username, lockout) == 0) {
                        write(INSERT, userPoolId, username, lockout);
                    }
                });
                return;
            } catch (DuplicateKeyException e) {
                if (attempt == SAVE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private int write(String sql, String userPoolId, String username, Lockout lockout) {
        return jdbc.sql(sql)
                .param("pool", userPoolId).param("username", username)
                .param("failures", lockout.failures())
                .param("locked", lockout.lockedUntil().map(Instant::toEpochMilli).orElse(null))
                .param("last", lockout.lastAttempt().map(Instant::toEpochMilli).orElse(null))
                .update();
    }

    private static Optional<Instant> instant(Object millis) {
        return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(((Number) millis).longValue()));
    }
}

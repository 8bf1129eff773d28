package dev.tobira.server.store;

import dev.tobira.core.signin.Lockout;
import dev.tobira.core.signin.LockoutStore;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lockout counters in {@code lockouts}, one row per user with any failures. A change locks the user's
 * row ({@code SELECT … FOR UPDATE}) for the length of its transaction, so racing changes, on one node
 * or many, wait for each other instead of overwriting each other.
 */
public final class JdbcLockoutStore implements LockoutStore {

    private static final String SELECT = "SELECT failures, locked_until, last_attempt FROM lockouts "
            + "WHERE pool_id = :pool AND username = :username";
    private static final String UPDATE = "UPDATE lockouts SET failures = :failures, locked_until = :locked, "
            + "last_attempt = :last WHERE pool_id = :pool AND username = :username";
    // A first failure racing another inserts nothing here; the row the other inserted is then locked and changed.
    private static final String INSERT = "INSERT INTO lockouts (pool_id, username, failures, locked_until, "
            + "last_attempt) VALUES (:pool, :username, :failures, :locked, :last) ON CONFLICT DO NOTHING";
    private static final String DELETE = "DELETE FROM lockouts WHERE pool_id = :pool AND username = :username";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    JdbcLockoutStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Lockout find(String userPoolId, String username) {
        return read(SELECT, userPoolId, username).orElse(Lockout.NONE);
    }

    @Override
    public Lockout change(String userPoolId, String username, UnaryOperator<Lockout> change) {
        // Every successful sign-in of a user with no failures: no row, and the change keeps it so. Then there is
        // nothing to lock (SELECT … FOR UPDATE of no row locks nothing, on H2 or PostgreSQL) and nothing to write,
        // so no transaction either: one plain read instead of a transaction with a locking read.
        if (read(SELECT, userPoolId, username).isEmpty() && change.apply(Lockout.NONE).equals(Lockout.NONE)) {
            return Lockout.NONE;
        }
        return tx.execute(status -> {
            while (true) {
                Optional<Lockout> row = read(SELECT + " FOR UPDATE", userPoolId, username);
                Lockout current = row.orElse(Lockout.NONE);
                Lockout next = change.apply(current);
                if (next.equals(current)) {
                    return next;
                }
                if (next.equals(Lockout.NONE)) {
                    jdbc.sql(DELETE).param("pool", userPoolId).param("username", username).update();
                    return next;
                }
                if (write(row.isPresent() ? UPDATE : INSERT, userPoolId, username, next) == 1) {
                    return next;
                }
            }
        });
    }

    private Optional<Lockout> read(String sql, String userPoolId, String username) {
        return jdbc.sql(sql)
                .param("pool", userPoolId).param("username", username)
                .query((rs, row) -> new Lockout(rs.getInt("failures"), instant(rs.getObject("locked_until")),
                        instant(rs.getObject("last_attempt"))))
                .optional();
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

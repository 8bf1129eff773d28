package dev.tobira.server.store;

import dev.tobira.core.code.CodePurpose;
import dev.tobira.core.code.CodeStore;
import dev.tobira.core.code.OneTimeCode;
import dev.tobira.core.code.OneTimeCode.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-time codes in {@code one_time_codes}. The unique key on the active slot makes "one active code
 * per user and purpose" hold across processes; {@link #consume} is a single conditional UPDATE, so
 * exactly one of several racing callers sees its row change.
 */
public final class JdbcCodeStore implements CodeStore {

    private static final String COLUMNS =
            "pool_id, username, purpose, code_hash, issued_at, expires_at, failed_attempts, state, pending_value";
    private static final String ACTIVE = "pool_id = :pool AND username = :username AND purpose = :purpose "
            + "AND active_slot = 1";
    private static final int ISSUE_ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    JdbcCodeStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void issue(OneTimeCode code) {
        // Two racing issues both find nothing to supersede, and the second insert hits the unique
        // active slot; doing it again then supersedes the winner's code, as a later issue should.
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(s -> {
                    jdbc.sql("UPDATE one_time_codes SET state = 'SUPERSEDED', active_slot = NULL WHERE " + ACTIVE)
                            .param("pool", code.userPoolId()).param("username", code.username())
                            .param("purpose", code.purpose().name())
                            .update();
                    jdbc.sql("INSERT INTO one_time_codes (" + COLUMNS + ", active_slot) VALUES (:pool, :username, "
                                    + ":purpose, :hash, :issued, :expires, :failed, 'ACTIVE', :pending, 1)")
                            .param("pool", code.userPoolId()).param("username", code.username())
                            .param("purpose", code.purpose().name()).param("hash", code.codeHash())
                            .param("issued", code.issuedAt().toEpochMilli())
                            .param("expires", code.expiresAt().toEpochMilli())
                            .param("failed", code.failedAttempts())
                            .param("pending", code.pendingValue().orElse(null))
                            .update();
                });
                return;
            } catch (DuplicateKeyException e) {
                if (attempt == ISSUE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<OneTimeCode> active(String userPoolId, String username, CodePurpose purpose) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM one_time_codes WHERE " + ACTIVE)
                .param("pool", userPoolId).param("username", username).param("purpose", purpose.name())
                .query(JdbcCodeStore::code)
                .optional();
    }

    @Override
    public Optional<OneTimeCode> find(String userPoolId, String username, CodePurpose purpose, String codeHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM one_time_codes WHERE pool_id = :pool AND username = :username "
                        + "AND purpose = :purpose AND code_hash = :hash ORDER BY issued_at DESC, id DESC")
                .param("pool", userPoolId).param("username", username).param("purpose", purpose.name())
                .param("hash", codeHash)
                .query(JdbcCodeStore::code)
                .list().stream().findFirst();
    }

    @Override
    public boolean consume(String userPoolId, String username, CodePurpose purpose, String codeHash, Instant now) {
        return jdbc.sql("UPDATE one_time_codes SET state = 'USED', active_slot = NULL WHERE " + ACTIVE
                        + " AND code_hash = :hash AND expires_at > :now")
                .param("pool", userPoolId).param("username", username).param("purpose", purpose.name())
                .param("hash", codeHash).param("now", now.toEpochMilli())
                .update() == 1;
    }

    @Override
    public int recordFailure(String userPoolId, String username, CodePurpose purpose) {
        Integer count = tx.execute(s -> {
            jdbc.sql("UPDATE one_time_codes SET failed_attempts = failed_attempts + 1 WHERE " + ACTIVE)
                    .param("pool", userPoolId).param("username", username).param("purpose", purpose.name())
                    .update();
            return jdbc.sql("SELECT failed_attempts FROM one_time_codes WHERE " + ACTIVE)
                    .param("pool", userPoolId).param("username", username).param("purpose", purpose.name())
                    .query(Integer.class)
                    .optional()
                    .orElse(0);
        });
        return count == null ? 0 : count;
    }

    @Override
    public void deleteAll(String userPoolId, String username) {
        jdbc.sql("DELETE FROM one_time_codes WHERE pool_id = :pool AND username = :username")
                .param("pool", userPoolId).param("username", username)
                .update();
    }

    private static OneTimeCode code(ResultSet rs, int row) throws SQLException {
        return new OneTimeCode(rs.getString("pool_id"), rs.getString("username"),
                CodePurpose.valueOf(rs.getString("purpose")), rs.getString("code_hash"),
                Instant.ofEpochMilli(rs.getLong("issued_at")), Instant.ofEpochMilli(rs.getLong("expires_at")),
                rs.getInt("failed_attempts"), State.valueOf(rs.getString("state")),
                java.util.Optional.ofNullable(rs.getString("pending_value")));
    }
}

package dev.tobira.server.store;

import dev.tobira.core.session.AuthSession;
import dev.tobira.core.session.AuthSessionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pending sign-in steps in {@code auth_sessions}. {@link #consume} reads and deletes in one
 * transaction and reports the session only if its DELETE removed the row, so one caller wins.
 */
public final class JdbcAuthSessionStore implements AuthSessionStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final StoreJson json;

    JdbcAuthSessionStore(JdbcClient jdbc, TransactionTemplate tx, StoreJson json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public void create(String sessionHash, AuthSession s) {
        jdbc.sql("INSERT INTO auth_sessions (session_hash, pool_id, client_id, username, kind, created_at, "
                        + "expires_at, data) VALUES (:hash, :pool, :client, :username, :kind, :created, :expires, :data)")
                .param("hash", sessionHash).param("pool", s.userPoolId()).param("client", s.clientId())
                .param("username", s.username()).param("kind", s.kind().name())
                .param("created", s.createdAt().toEpochMilli()).param("expires", s.expiresAt().toEpochMilli())
                .param("data", json.write(s.data()))
                .update();
    }

    @Override
    public Optional<AuthSession> find(String sessionHash) {
        return jdbc.sql("SELECT * FROM auth_sessions WHERE session_hash = :hash").param("hash", sessionHash)
                .query(this::session).optional();
    }

    @Override
    public Optional<AuthSession> consume(String sessionHash) {
        return tx.execute(status -> {
            Optional<AuthSession> found = find(sessionHash);
            boolean removed = jdbc.sql("DELETE FROM auth_sessions WHERE session_hash = :hash")
                    .param("hash", sessionHash).update() == 1;
            return removed ? found : Optional.<AuthSession>empty();
        });
    }

    @SuppressWarnings("unchecked")
    private AuthSession session(ResultSet rs, int row) throws SQLException {
        return new AuthSession(rs.getString("pool_id"), rs.getString("client_id"), rs.getString("username"),
                AuthSession.Kind.valueOf(rs.getString("kind")), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("expires_at")),
                (Map<String, String>) json.read(rs.getString("data"), Map.class));
    }
}

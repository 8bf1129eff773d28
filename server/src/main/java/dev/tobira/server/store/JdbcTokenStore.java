package dev.tobira.server.store;

import dev.tobira.core.signin.RefreshToken;
import dev.tobira.core.signin.TokenFamily;
import dev.tobira.core.signin.TokenStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Token families and refresh-token hashes in {@code token_families} and {@code refresh_tokens}.
 *
 * <p>Every sign-in creates a family, and its commit was the largest single cost of a sign-in
 * (docs/benchmarks.md), so families created at the same moment by different requests are committed
 * together ({@link GroupCommit}); each {@link #create} still returns only once its own rows are committed.
 */
public final class JdbcTokenStore implements TokenStore {

    /** The most families one group commit writes; a sign-in's rows are about 300 bytes. */
    private static final int MAX_BATCH = 64;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate tx;
    private final GroupCommit<NewFamily> newFamilies;

    private record NewFamily(TokenFamily family, RefreshToken refreshToken) {}

    JdbcTokenStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.tx = tx;
        this.newFamilies = new GroupCommit<>(batch -> tx.executeWithoutResult(s -> insert(batch)), MAX_BATCH);
    }

    @Override
    public void create(TokenFamily f, RefreshToken t) {
        NewFamily created = new NewFamily(f, t);
        if (TransactionSynchronizationManager.hasResource(jdbcTemplate.getDataSource())) {
            // Inside the caller's transaction (an OAuth grant with its scopes): committed with the rest of it.
            tx.executeWithoutResult(s -> insert(List.of(created)));
        } else {
            newFamilies.write(created);
        }
    }

    /** The families and their first refresh tokens, as two batched statements of the current transaction. */
    private void insert(List<NewFamily> batch) {
        jdbcTemplate.batchUpdate("INSERT INTO token_families (origin_jti, pool_id, client_id, username, auth_time) "
                + "VALUES (?, ?, ?, ?, ?)", batch, batch.size(), (ps, created) -> {
                    TokenFamily f = created.family();
                    ps.setString(1, f.originJti());
                    ps.setString(2, f.userPoolId());
                    ps.setString(3, f.clientId());
                    ps.setString(4, f.username());
                    ps.setLong(5, f.authTime().toEpochMilli());
                });
        insertRefreshTokens(batch.stream().map(NewFamily::refreshToken).toList());
    }

    private void insertRefreshTokens(List<RefreshToken> tokens) {
        jdbcTemplate.batchUpdate("INSERT INTO refresh_tokens (token_hash, origin_jti, issued_at, expires_at) "
                + "VALUES (?, ?, ?, ?)", tokens, tokens.size(), (ps, t) -> {
                    ps.setString(1, t.tokenHash());
                    ps.setString(2, t.originJti());
                    ps.setLong(3, t.issuedAt().toEpochMilli());
                    ps.setLong(4, t.expiresAt().toEpochMilli());
                });
    }

    @Override
    public Optional<TokenFamily> family(String originJti) {
        return jdbc.sql("SELECT * FROM token_families WHERE origin_jti = :jti").param("jti", originJti)
                .query((rs, row) -> new TokenFamily(rs.getString("origin_jti"), rs.getString("pool_id"),
                        rs.getString("client_id"), rs.getString("username"),
                        Instant.ofEpochMilli(rs.getLong("auth_time")),
                        rs.getObject("revoked_at") == null ? Optional.empty()
                                : Optional.of(Instant.ofEpochMilli(rs.getLong("revoked_at")))))
                .optional();
    }

    @Override
    public Optional<RefreshToken> refreshToken(String tokenHash) {
        return jdbc.sql("SELECT * FROM refresh_tokens WHERE token_hash = :hash").param("hash", tokenHash)
                .query((rs, row) -> new RefreshToken(rs.getString("token_hash"), rs.getString("origin_jti"),
                        Instant.ofEpochMilli(rs.getLong("issued_at")), Instant.ofEpochMilli(rs.getLong("expires_at")),
                        rs.getObject("replaced_at") == null ? Optional.empty()
                                : Optional.of(Instant.ofEpochMilli(rs.getLong("replaced_at")))))
                .optional();
    }

    @Override
    public boolean replace(String oldHash, RefreshToken next, Instant at) {
        Boolean replaced = tx.execute(s -> {
            // The conditional UPDATE decides a race: only one rotation sees its row change.
            if (jdbc.sql("UPDATE refresh_tokens SET replaced_at = :at WHERE token_hash = :hash AND replaced_at IS NULL")
                    .param("at", at.toEpochMilli()).param("hash", oldHash).update() != 1) {
                return false;
            }
            insertRefreshTokens(List.of(next));
            return true;
        });
        return Boolean.TRUE.equals(replaced);
    }

    @Override
    public void revokeFamily(String originJti, Instant at) {
        jdbc.sql("UPDATE token_families SET revoked_at = :at WHERE origin_jti = :jti AND revoked_at IS NULL")
                .param("at", at.toEpochMilli()).param("jti", originJti).update();
    }

    @Override
    public void revokeUser(String userPoolId, String username, Instant at) {
        jdbc.sql("UPDATE token_families SET revoked_at = :at WHERE pool_id = :pool AND username = :username "
                        + "AND revoked_at IS NULL")
                .param("at", at.toEpochMilli()).param("pool", userPoolId).param("username", username).update();
    }
}

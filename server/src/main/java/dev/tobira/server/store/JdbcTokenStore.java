package dev.tobira.server.store;

import dev.tobira.core.signin.RefreshToken;
import dev.tobira.core.signin.TokenFamily;
import dev.tobira.core.signin.TokenStore;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Token families and refresh-token hashes in {@code token_families} and {@code refresh_tokens}. */
public final class JdbcTokenStore implements TokenStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    JdbcTokenStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void create(TokenFamily f, RefreshToken t) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("INSERT INTO token_families (origin_jti, pool_id, client_id, username, auth_time) "
                            + "VALUES (:jti, :pool, :client, :username, :authTime)")
                    .param("jti", f.originJti()).param("pool", f.userPoolId()).param("client", f.clientId())
                    .param("username", f.username()).param("authTime", f.authTime().toEpochMilli())
                    .update();
            insert(t);
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
            insert(next);
            return true;
        });
        return Boolean.TRUE.equals(replaced);
    }

    private void insert(RefreshToken t) {
        jdbc.sql("INSERT INTO refresh_tokens (token_hash, origin_jti, issued_at, expires_at) "
                        + "VALUES (:hash, :jti, :issued, :expires)")
                .param("hash", t.tokenHash()).param("jti", t.originJti())
                .param("issued", t.issuedAt().toEpochMilli()).param("expires", t.expiresAt().toEpochMilli())
                .update();
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

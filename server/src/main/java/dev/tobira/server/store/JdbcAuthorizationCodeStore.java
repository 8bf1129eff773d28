package dev.tobira.server.store;

import dev.tobira.core.oauth.AuthorizationCode;
import dev.tobira.core.oauth.AuthorizationCodeStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authorization codes in {@code authorization_codes} and family scopes in {@code oauth_token_scopes}. A code
 * row never changes after it is written, so redeeming reads it and then deletes it by its key: the database
 * lets exactly one of several racing {@code DELETE}s remove the row, and only that caller gets the code.
 */
public final class JdbcAuthorizationCodeStore implements AuthorizationCodeStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    JdbcAuthorizationCodeStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void save(AuthorizationCode c) {
        tx.executeWithoutResult(s -> {
            // Codes that expired before this one was issued are of no use to anyone.
            jdbc.sql("DELETE FROM authorization_codes WHERE expires_at < :before")
                    .param("before", c.expiresAt().minusSeconds(3600).toEpochMilli()).update();
            jdbc.sql("""
                            INSERT INTO authorization_codes (code_hash, pool_id, client_id, redirect_uri, scopes,
                                code_challenge, code_challenge_method, nonce, username, sub, auth_time, expires_at)
                            VALUES (:hash, :pool, :client, :redirect, :scopes, :challenge, :method, :nonce,
                                :username, :sub, :authTime, :expiresAt)""")
                    .param("hash", c.codeHash()).param("pool", c.poolId()).param("client", c.clientId())
                    .param("redirect", c.redirectUri()).param("scopes", String.join(" ", c.scopes()))
                    .param("challenge", c.codeChallenge().orElse(null))
                    .param("method", c.codeChallengeMethod().orElse(null))
                    .param("nonce", c.nonce().orElse(null))
                    .param("username", c.username()).param("sub", c.sub())
                    .param("authTime", c.authTime().toEpochMilli()).param("expiresAt", c.expiresAt().toEpochMilli())
                    .update();
        });
    }

    @Override
    public Optional<AuthorizationCode> redeem(String codeHash, Instant now) {
        return tx.execute(s -> {
            Optional<AuthorizationCode> code = jdbc.sql("SELECT * FROM authorization_codes WHERE code_hash = :hash")
                    .param("hash", codeHash).query(JdbcAuthorizationCodeStore::row).optional();
            if (code.isEmpty()) {
                return Optional.<AuthorizationCode>empty();
            }
            int deleted = jdbc.sql("DELETE FROM authorization_codes WHERE code_hash = :hash")
                    .param("hash", codeHash).update();
            return code.filter(c -> deleted == 1 && now.isBefore(c.expiresAt()));
        });
    }

    @Override
    public void saveScopes(String originJti, List<String> scopes) {
        tx.executeWithoutResult(s -> jdbc.sql("INSERT INTO oauth_token_scopes (origin_jti, scopes) VALUES (:jti, :scopes)")
                .param("jti", originJti).param("scopes", String.join(" ", scopes)).update());
    }

    @Override
    public Optional<List<String>> scopes(String originJti) {
        return jdbc.sql("SELECT scopes FROM oauth_token_scopes WHERE origin_jti = :jti").param("jti", originJti)
                .query((rs, row) -> split(rs.getString("scopes"))).optional();
    }

    private static AuthorizationCode row(ResultSet rs, int row) throws SQLException {
        return new AuthorizationCode(rs.getString("code_hash"), rs.getString("pool_id"), rs.getString("client_id"),
                rs.getString("redirect_uri"), split(rs.getString("scopes")),
                Optional.ofNullable(rs.getString("code_challenge")),
                Optional.ofNullable(rs.getString("code_challenge_method")), Optional.ofNullable(rs.getString("nonce")),
                rs.getString("username"), rs.getString("sub"), Instant.ofEpochMilli(rs.getLong("auth_time")),
                Instant.ofEpochMilli(rs.getLong("expires_at")));
    }

    private static List<String> split(String scopes) {
        return scopes.isEmpty() ? List.of() : Arrays.asList(scopes.split(" "));
    }
}

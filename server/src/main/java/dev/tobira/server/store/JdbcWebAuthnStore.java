package dev.tobira.server.store;

import dev.tobira.core.webauthn.Passkey;
import dev.tobira.core.webauthn.PendingRegistration;
import dev.tobira.core.webauthn.WebAuthnConfig;
import dev.tobira.core.webauthn.WebAuthnStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passkeys in the {@code webauthn_*} tables (V41). The primary key (pool, credential id) keeps a
 * credential id once per pool across nodes; counters move by conditional update; a registration under
 * way is taken by the one delete that removes it.
 */
public final class JdbcWebAuthnStore implements WebAuthnStore {

    private static final String PASSKEY_COLUMNS = "SELECT pool_id, credential_id, username, user_handle, "
            + "public_key_cose, signature_count, relying_party_id, friendly_name, attachment, transports, created_at "
            + "FROM webauthn_credentials";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public JdbcWebAuthnStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Optional<WebAuthnConfig> config(String userPoolId) {
        return jdbc.sql("SELECT relying_party_id, user_verification FROM webauthn_configs WHERE pool_id = :pool")
                .param("pool", userPoolId)
                .query((rs, n) -> new WebAuthnConfig(rs.getString(1), rs.getString(2))).optional();
    }

    @Override
    public void saveConfig(String userPoolId, WebAuthnConfig config) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM webauthn_configs WHERE pool_id = :pool").param("pool", userPoolId).update();
            jdbc.sql("INSERT INTO webauthn_configs (pool_id, relying_party_id, user_verification) "
                            + "VALUES (:pool, :rp, :uv)")
                    .param("pool", userPoolId).param("rp", config.relyingPartyId())
                    .param("uv", config.userVerification()).update();
        });
    }

    @Override
    public void savePendingRegistration(PendingRegistration p) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM webauthn_registrations WHERE pool_id = :pool AND username = :username")
                    .param("pool", p.userPoolId()).param("username", p.username()).update();
            jdbc.sql("INSERT INTO webauthn_registrations (pool_id, username, client_id, request_json, expires_at) "
                            + "VALUES (:pool, :username, :client, :json, :expires)")
                    .param("pool", p.userPoolId()).param("username", p.username()).param("client", p.clientId())
                    .param("json", p.requestJson()).param("expires", p.expiresAt().toEpochMilli()).update();
        });
    }

    @Override
    public Optional<PendingRegistration> takePendingRegistration(String userPoolId, String username) {
        return tx.execute(s -> {
            Optional<PendingRegistration> found = jdbc.sql("SELECT client_id, request_json, expires_at "
                            + "FROM webauthn_registrations WHERE pool_id = :pool AND username = :username")
                    .param("pool", userPoolId).param("username", username)
                    .query((rs, n) -> new PendingRegistration(userPoolId, username, rs.getString(1), rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3))))
                    .optional();
            // Only the delete that removes this very request wins it.
            return found.filter(p -> jdbc.sql("DELETE FROM webauthn_registrations WHERE pool_id = :pool "
                            + "AND username = :username AND request_json = :json")
                    .param("pool", userPoolId).param("username", username).param("json", p.requestJson())
                    .update() == 1);
        });
    }

    @Override
    public boolean add(Passkey p) {
        try {
            tx.executeWithoutResult(s -> jdbc.sql("""
                            INSERT INTO webauthn_credentials (pool_id, credential_id, username, user_handle,
                                public_key_cose, signature_count, relying_party_id, friendly_name, attachment,
                                transports, created_at)
                            VALUES (:pool, :id, :username, :handle, :key, :count, :rp, :name, :attachment,
                                :transports, :created)""")
                    .param("pool", p.userPoolId()).param("id", p.credentialId()).param("username", p.username())
                    .param("handle", p.userHandle()).param("key", p.publicKeyCose())
                    .param("count", p.signatureCount()).param("rp", p.relyingPartyId())
                    .param("name", p.friendlyName()).param("attachment", p.attachment())
                    .param("transports", String.join(",", p.transports()))
                    .param("created", p.createdAt().toEpochMilli())
                    .update());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<Passkey> passkeys(String userPoolId, String username) {
        return jdbc.sql(PASSKEY_COLUMNS + " WHERE pool_id = :pool AND username = :username "
                        + "ORDER BY created_at, credential_id")
                .param("pool", userPoolId).param("username", username)
                .query(JdbcWebAuthnStore::passkey).list();
    }

    @Override
    public Optional<Passkey> passkey(String userPoolId, String credentialId) {
        return jdbc.sql(PASSKEY_COLUMNS + " WHERE pool_id = :pool AND credential_id = :id")
                .param("pool", userPoolId).param("id", credentialId)
                .query(JdbcWebAuthnStore::passkey).optional();
    }

    @Override
    public boolean updateSignatureCount(String userPoolId, String credentialId, long expected, long updated) {
        Integer n = tx.execute(s -> jdbc.sql("UPDATE webauthn_credentials SET signature_count = :updated "
                        + "WHERE pool_id = :pool AND credential_id = :id AND signature_count = :expected")
                .param("pool", userPoolId).param("id", credentialId).param("expected", expected)
                .param("updated", updated).update());
        return n != null && n == 1;
    }

    @Override
    public boolean delete(String userPoolId, String username, String credentialId) {
        Integer n = tx.execute(s -> jdbc.sql("DELETE FROM webauthn_credentials "
                        + "WHERE pool_id = :pool AND username = :username AND credential_id = :id")
                .param("pool", userPoolId).param("username", username).param("id", credentialId).update());
        return n != null && n == 1;
    }

    private static Passkey passkey(ResultSet rs, int row) throws SQLException {
        String transports = rs.getString("transports");
        return new Passkey(rs.getString("pool_id"), rs.getString("username"), rs.getString("credential_id"),
                rs.getString("user_handle"), rs.getString("public_key_cose"), rs.getLong("signature_count"),
                rs.getString("relying_party_id"), rs.getString("friendly_name"), rs.getString("attachment"),
                transports.isEmpty() ? List.of() : Arrays.asList(transports.split(",")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}

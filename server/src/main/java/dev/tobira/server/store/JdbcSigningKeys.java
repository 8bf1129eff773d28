package dev.tobira.server.store;

import com.nimbusds.jose.jwk.RSAKey;
import dev.tobira.core.token.SigningKey;
import dev.tobira.core.token.SigningKeys;
import dev.tobira.core.token.TokenUse;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing keys in {@code signing_keys} (migration {@code V20__signing_keys.sql}), shared by every node on
 * the database. <strong>The table holds the private keys</strong>, as JWK JSON: whoever reads it can
 * sign tokens for every pool.
 *
 * <p>Creation is race-safe across nodes: the unique key on the current slot lets one first key per pool
 * and use in; a node that loses the race reads the winner's. A rotation retires the current key and
 * inserts the new one in one transaction, retrying when a concurrent rotation got in first. Keys are
 * generated (2048-bit RSA, {@link SigningKey#generate} from the injected {@link SecureRandom}) before
 * any transaction starts, so no lock is held while the CPU works.
 *
 * <p>The schema must have been migrated ({@link JdbcStores#migrate}) before use.
 */
public final class JdbcSigningKeys implements SigningKeys {

    private static final String COLUMNS = "kid, pool_id, token_use, jwk, created_at, retired_at";
    private static final String PUBLISHED = "(current_slot = 1 OR retired_at > :cutoff)";
    private static final String CURRENT = "pool_id = :pool AND token_use = :use AND current_slot = 1";
    /** Each lost race means another caller succeeded, so a few attempts suffice under any real contention. */
    private static final int ATTEMPTS = 10;
    /** Parsed keys stay cached while there are fewer; a key's JWK never changes, so the cache is never stale. */
    private static final int CACHE_LIMIT = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random;
    // Parsing a private JWK costs more than reading its row; the cache holds it per kid.
    private final Map<String, RSAKey> parsed = new ConcurrentHashMap<>();

    /**
     * @param clock the time keys are created and retired at, and retention is measured by
     * @param random the randomness of new keys; a {@code new SecureRandom()} in production
     */
    public JdbcSigningKeys(DataSource dataSource, Clock clock, SecureRandom random) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
        this.random = random;
    }

    @Override
    public SigningKey current(String userPoolId, TokenUse use) {
        Optional<SigningKey> existing = readCurrent(userPoolId, use);
        if (existing.isPresent()) {
            return existing.get();
        }
        SigningKey fresh = SigningKey.generate(userPoolId, use, clock.instant(), random);
        for (int attempt = 1; ; attempt++) {
            try {
                insert(fresh);
                return fresh;
            } catch (DuplicateKeyException | ConcurrencyFailureException lostTheRace) {
                existing = readCurrent(userPoolId, use);
                if (existing.isPresent()) {
                    return existing.get();
                }
                // The winner's key was rotated away between our insert and our read; try again.
                if (attempt == ATTEMPTS) {
                    throw lostTheRace;
                }
            }
        }
    }

    @Override
    public List<SigningKey> published(String userPoolId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_keys WHERE pool_id = :pool AND " + PUBLISHED)
                .param("pool", userPoolId).param("cutoff", cutoff())
                .query(this::key)
                .list().stream()
                .sorted(SigningKey.PUBLICATION_ORDER)
                .toList();
    }

    @Override
    public SigningKey rotate(String userPoolId, TokenUse use) {
        SigningKey fresh = SigningKey.generate(userPoolId, use, clock.instant(), random);
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(s -> {
                    long now = fresh.createdAt().toEpochMilli();
                    jdbc.sql("UPDATE signing_keys SET current_slot = NULL, retired_at = :now WHERE " + CURRENT)
                            .param("now", now).param("pool", userPoolId).param("use", use.name())
                            .update();
                    jdbc.sql("DELETE FROM signing_keys WHERE pool_id = :pool AND token_use = :use "
                                    + "AND retired_at <= :cutoff")
                            .param("pool", userPoolId).param("use", use.name()).param("cutoff", cutoff())
                            .update();
                    insert(fresh);
                });
                return fresh;
            } catch (DuplicateKeyException | ConcurrencyFailureException lostTheRace) {
                // A concurrent rotation (or first creation) got its key in first; retiring it is what a
                // rotation after it does.
                if (attempt == ATTEMPTS) {
                    throw lostTheRace;
                }
            }
        }
    }

    @Override
    public Optional<SigningKey> find(String kid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_keys WHERE kid = :kid AND " + PUBLISHED)
                .param("kid", kid).param("cutoff", cutoff())
                .query(this::key)
                .optional();
    }

    @Override
    public void deleteAll(String userPoolId) {
        jdbc.sql("DELETE FROM signing_keys WHERE pool_id = :pool").param("pool", userPoolId).update();
    }

    private Optional<SigningKey> readCurrent(String userPoolId, TokenUse use) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_keys WHERE " + CURRENT)
                .param("pool", userPoolId).param("use", use.name())
                .query(this::key)
                .optional();
    }

    private void insert(SigningKey key) {
        jdbc.sql("INSERT INTO signing_keys (" + COLUMNS + ", current_slot) VALUES (:kid, :pool, :use, :jwk, "
                        + ":created, NULL, 1)")
                .param("kid", key.kid()).param("pool", key.userPoolId()).param("use", key.use().name())
                .param("jwk", key.rsaKey().toJSONString()).param("created", key.createdAt().toEpochMilli())
                .update();
    }

    /** Retired keys retired at or before this are no longer published. */
    private long cutoff() {
        return clock.instant().minus(RETIRED_KEY_RETENTION).toEpochMilli();
    }

    private SigningKey key(ResultSet rs, int row) throws SQLException {
        String kid = rs.getString("kid");
        long retiredAt = rs.getLong("retired_at");
        Optional<Instant> retired = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(retiredAt));
        return new SigningKey(kid, rs.getString("pool_id"), TokenUse.valueOf(rs.getString("token_use")),
                rsaKey(kid, rs.getString("jwk")), Instant.ofEpochMilli(rs.getLong("created_at")), retired);
    }

    private RSAKey rsaKey(String kid, String json) {
        RSAKey cached = parsed.get(kid);
        if (cached != null) {
            return cached;
        }
        RSAKey key;
        try {
            key = RSAKey.parse(json);
        } catch (ParseException e) {
            // The message would quote the JSON, private parts and all: name the key only.
            throw new IllegalStateException("Signing key " + kid + " in signing_keys is not a valid RSA JWK");
        }
        if (parsed.size() < CACHE_LIMIT) {
            parsed.put(kid, key);
        }
        return key;
    }
}

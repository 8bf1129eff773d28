package dev.tobira.server.store;

import dev.tobira.core.ServerSecrets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Server secrets in {@code server_secrets}. The first node to ask creates a secret; the primary key
 * makes every other node, racing or later, read that same value.
 */
public final class JdbcServerSecrets implements ServerSecrets {

    private final JdbcClient jdbc;
    private final RandomGenerator random;

    JdbcServerSecrets(JdbcClient jdbc, RandomGenerator random) {
        this.jdbc = jdbc;
        this.random = random;
    }

    @Override
    public byte[] getOrCreate(String name, int length) {
        Optional<String> existing = read(name);
        if (existing.isPresent()) {
            return HexFormat.of().parseHex(existing.get());
        }
        byte[] secret = new byte[length];
        random.nextBytes(secret);
        try {
            jdbc.sql("INSERT INTO server_secrets (name, secret) VALUES (:name, :secret)")
                    .param("name", name).param("secret", HexFormat.of().formatHex(secret))
                    .update();
            return secret;
        } catch (DuplicateKeyException lostTheRace) {
            return HexFormat.of().parseHex(read(name).orElseThrow());
        }
    }

    private Optional<String> read(String name) {
        return jdbc.sql("SELECT secret FROM server_secrets WHERE name = :name").param("name", name)
                .query(String.class).optional();
    }
}

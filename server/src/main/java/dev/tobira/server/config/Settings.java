package dev.tobira.server.config;

import dev.tobira.core.Limits;
import dev.tobira.server.store.JdbcStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a Tobira process is configured with, resolved once at start from the command line and
 * the environment ({@link dev.tobira.server.TobiraCommand}).
 *
 * @param dev dev mode: a ready-made pool and client, the dev outbox, any well-formed credentials
 * @param dbUrl a JDBC URL; empty means the embedded H2 file database under {@code dataDir} (dev only)
 * @param issuerUrl public base URL of this server, the prefix of tokens' {@code iss}
 * @param limits code lengths, validities, attempt limits and cooldowns
 */
public record Settings(
        boolean dev,
        String host,
        int port,
        Path dataDir,
        boolean inMemory,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        String issuerUrl,
        Optional<String> adminAccessKeyId,
        Optional<String> adminSecretAccessKey,
        String region,
        String accountId,
        int maxBodyBytes,
        Limits limits) {

    /** The largest request body accepted: ample for the largest CreateUserPool, small enough to refuse abuse. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /** The JDBC URL to connect to. */
    public String jdbcUrl() {
        if (inMemory) {
            // Named after the port, so that two servers in one JVM (tests) never share a database; it lives
            // while the connection pool holds connections to it, and is gone when the server stops.
            return "jdbc:h2:mem:tobira-" + port + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        }
        return dbUrl.orElseGet(() -> JdbcStores.h2Url(dataDir));
    }

    /** What production mode needs and is not set, by environment variable name; empty in dev mode. */
    public List<String> missingForProduction() {
        List<String> missing = new ArrayList<>();
        if (dev) {
            return missing;
        }
        if (dbUrl.isEmpty()) {
            missing.add("TOBIRA_DB_URL");
        }
        if (issuerUrl.isBlank()) {
            missing.add("TOBIRA_ISSUER_URL");
        }
        if (adminAccessKeyId.isEmpty()) {
            missing.add("TOBIRA_ADMIN_ACCESS_KEY_ID");
        }
        if (adminSecretAccessKey.isEmpty()) {
            missing.add("TOBIRA_ADMIN_SECRET_ACCESS_KEY");
        }
        return missing;
    }
}

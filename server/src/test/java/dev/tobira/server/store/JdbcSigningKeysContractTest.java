package dev.tobira.server.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.SigningKeysContract;
import dev.tobira.core.token.SigningKeys;
import dev.tobira.server.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The signing keys' contract on H2 and on a real PostgreSQL. */
class JdbcSigningKeysContractTest {

    @Nested
    class OnH2 extends SigningKeysContract {
        @TempDir
        Path dir;
        private HikariDataSource dataSource;

        @Override
        protected SigningKeys emptySigningKeys(Clock clock) {
            dataSource = TestDatabases.h2(dir);
            JdbcStores.migrate(dataSource);
            return new JdbcSigningKeys(dataSource, clock, new SecureRandom());
        }

        @AfterEach
        void close() {
            dataSource.close();
        }
    }

    @Nested
    class OnPostgres extends SigningKeysContract {
        private HikariDataSource dataSource;

        @Override
        protected SigningKeys emptySigningKeys(Clock clock) {
            dataSource = TestDatabases.pooled(POSTGRES.jdbcUrl("postgres"), "postgres");
            JdbcStores.migrate(dataSource);
            JdbcClient.create(dataSource).sql("TRUNCATE TABLE signing_keys").update();
            return new JdbcSigningKeys(dataSource, clock, new SecureRandom());
        }

        @AfterEach
        void close() {
            dataSource.close();
        }
    }

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();
}

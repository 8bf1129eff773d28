package dev.tobira.server.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.Fixtures;
import dev.tobira.core.ServerSecrets;
import dev.tobira.core.SignInStoreContract;
import dev.tobira.core.code.CodeStore;
import dev.tobira.server.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sign-in stores' contract (codes, sessions, secrets) on H2 and on a real PostgreSQL. */
class JdbcSignInStoreContractTest {

    /** Stores over {@code dataSource} with the pool and the users alice and bob the contract uses. */
    static JdbcStores seeded(HikariDataSource dataSource) {
        JdbcStores stores = JdbcStores.create(dataSource);
        Instant t0 = Instant.parse("2026-11-02T08:04:05Z");
        stores.pools().create(Fixtures.pool(SignInStoreContract.POOL_ID, t0));
        stores.users().create(Fixtures.user(SignInStoreContract.POOL_ID, "alice", "alice@example.com", t0), false);
        stores.users().create(Fixtures.user(SignInStoreContract.POOL_ID, "bob", "bob@example.com", t0), false);
        return stores;
    }

    /** The contract on stores that a subclass opens on its database, once per test. */
    abstract static class OnJdbc extends SignInStoreContract {
        private HikariDataSource dataSource;
        private JdbcStores stores;

        /** A fresh, empty database. */
        abstract HikariDataSource open();

        private JdbcStores stores() {
            if (stores == null) {
                dataSource = open();
                stores = seeded(dataSource);
            }
            return stores;
        }

        @Override
        protected CodeStore emptyCodeStore() {
            return stores().codes();
        }

        @Override
        protected ServerSecrets emptySecrets() {
            return stores().secrets();
        }

        @Override
        protected dev.tobira.core.session.AuthSessionStore emptySessionStore() {
            return stores().sessions();
        }

        @Override
        protected dev.tobira.core.signin.LockoutStore emptyLockouts() {
            return stores().lockouts();
        }

        @Override
        protected dev.tobira.core.signin.TokenStore emptyTokens() {
            return stores().tokens();
        }

        @AfterEach
        void close() {
            if (dataSource != null) {
                dataSource.close();
            }
        }
    }

    @Nested
    class OnH2 extends OnJdbc {
        @TempDir
        Path dir;

        @Override
        HikariDataSource open() {
            return TestDatabases.h2(dir);
        }
    }

    @Nested
    class OnPostgres extends OnJdbc {
        @Override
        HikariDataSource open() {
            HikariDataSource dataSource = TestDatabases.pooled(POSTGRES.jdbcUrl("postgres"), "postgres");
            JdbcStores.migrate(dataSource);
            JdbcClient.create(dataSource).sql("TRUNCATE TABLE user_pools, user_groups, user_group_members, user_pool_clients, users, "
                    + "user_attributes, one_time_codes, server_secrets, auth_sessions, lockouts, token_families, "
                    + "refresh_tokens RESTART IDENTITY CASCADE").update();
            return dataSource;
        }
    }

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();
}

package dev.tobira.server.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.GroupStoreContract;
import dev.tobira.server.EmbeddedPostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The group store's contract on H2 and on a real PostgreSQL, where the schema's cascades do the deleting. */
class JdbcGroupStoreContractTest {

    /** The contract on stores over a database a subclass opens, once per test. */
    abstract static class OnJdbc extends GroupStoreContract {
        private HikariDataSource dataSource;

        /** A fresh, empty database. */
        abstract HikariDataSource open();

        @Override
        protected Stores emptyStores() {
            dataSource = open();
            JdbcStores stores = JdbcStores.create(dataSource);
            return new Stores(stores.pools(), stores.users(), stores.groups());
        }

        @AfterEach
        void close() {
            dataSource.close();
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
            JdbcClient.create(dataSource).sql("TRUNCATE TABLE user_pools, user_pool_clients, users, user_attributes, "
                    + "user_groups, user_group_members, token_families, refresh_tokens RESTART IDENTITY CASCADE")
                    .update();
            return dataSource;
        }
    }

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();
}

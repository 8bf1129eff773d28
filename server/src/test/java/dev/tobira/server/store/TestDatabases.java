package dev.tobira.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;

/** Connection pools for test databases. */
final class TestDatabases {

    private TestDatabases() {}

    /** An H2 file database in {@code dir}, as the brief and the stack give its URL (no WRITE_DELAY in it). */
    static HikariDataSource h2(Path dir) {
        return pooled("jdbc:h2:file:" + dir.resolve("tobira").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa");
    }

    static HikariDataSource pooled(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}

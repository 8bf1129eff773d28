package dev.tobira.server.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an H2 file database, as {@code ./tobira dev} uses it; a new file per test. */
class H2StoreContractTest extends JdbcStoreContract {

    @TempDir
    Path dir;

    @Override
    protected HikariDataSource newDatabase() {
        return TestDatabases.h2(dir);
    }
}

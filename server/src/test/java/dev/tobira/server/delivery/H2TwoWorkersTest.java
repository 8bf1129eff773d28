package dev.tobira.server.delivery;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Two workers, each with its own connection pool, on one H2 file database. */
class H2TwoWorkersTest extends TwoWorkersContract {

    @TempDir
    Path dir;

    @Override
    protected HikariDataSource newDataSource() {
        return OutboxRows.h2(dir);
    }
}

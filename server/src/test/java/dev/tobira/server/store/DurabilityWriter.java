package dev.tobira.server.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.Fixtures;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a separate JVM by {@link JdbcStoresDurabilityTest}, which kills it with SIGKILL: writes users
 * to an H2 file database for ever, each with {@value #ATTRIBUTES} attributes whose values all carry the
 * same generation number, and rewrites earlier users with a new generation. Prints
 * {@code COMMITTED <n>} after each write returns.
 */
public final class DurabilityWriter {

    static final String POOL = "us-east-1_CRASHTEST";
    static final int ATTRIBUTES = 8;
    static final Instant T0 = Instant.parse("2026-11-02T08:04:05.123Z");

    private DurabilityWriter() {}

    public static void main(String[] args) {
        try (HikariDataSource dataSource = TestDatabases.h2(Path.of(args[0]))) {
            JdbcStores stores = JdbcStores.create(dataSource);
            stores.pools().create(Fixtures.pool(POOL, T0));
            for (int n = 0; ; n++) {
                stores.users().create(user(n, n), false);
                if (n > 0) {
                    int earlier = n / 2;
                    stores.users().update(user(earlier, n));
                }
                System.out.println("COMMITTED " + n);
                System.out.flush();
            }
        }
    }

    static User user(int n, int generation) {
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("sub", "sub-" + n));
        for (int i = 1; i < ATTRIBUTES; i++) {
            attributes.add(new Attribute("custom:a" + i, "g" + generation));
        }
        return Fixtures.user(POOL, "user" + n, "x", T0).withAttributes(attributes, T0.plusMillis(generation));
    }
}

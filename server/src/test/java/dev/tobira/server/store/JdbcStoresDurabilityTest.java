package dev.tobira.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.Fixtures;
import dev.tobira.core.Page;
import dev.tobira.core.message.Message;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.user.User;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What is written to the embedded H2 file database is there when the database is opened again, even
 * after the writing process is killed with SIGKILL, and no user is ever left half-written.
 */
class JdbcStoresDurabilityTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05.123Z");

    @TempDir
    Path dir;

    @Test
    void createWhenDatabaseIsClosedAndOpenedAgainThenEverythingIsThere() {
        UserPool pool = FullFixtures.pool("us-east-1_AAAAAAAAA", T0);
        UserPoolClient client = FullFixtures.client(pool.id(), "clientaaaaaaaaaaaaaaaaaaaa", T0);
        User alice = Fixtures.user(pool.id(), "Alice", "alice@example.com", T0);
        Message message = new Message(Message.Channel.EMAIL, "alice@example.com", "Your code", "123456", T0);
        try (HikariDataSource first = TestDatabases.h2(dir)) {
            JdbcStores stores = JdbcStores.create(first);
            stores.pools().create(pool);
            stores.clients().create(client);
            stores.users().create(alice, true);
            stores.outbox().send(message);
        }

        try (HikariDataSource second = TestDatabases.h2(dir)) {
            JdbcStores stores = JdbcStores.create(second);
            assertThat(stores.pools().find(pool.id())).contains(pool);
            assertThat(stores.clients().find(client.clientId())).contains(client);
            assertThat(stores.users().find(pool.id(), "Alice", true)).contains(alice);
            assertThat(stores.users().find(pool.id(), "alice", true)).isEmpty();
            assertThat(stores.users().findByAttribute(pool.id(), "email", "ALICE@example.com", false))
                    .containsExactly(alice);
            // The outbox gives a message without an id one of its own (what /_aws/ses lists); the rest is as sent.
            assertThat(stores.outbox().messagesTo("alice@example.com")).singleElement()
                    .satisfies(m -> assertThat(m.messageId()).isNotEmpty())
                    .usingRecursiveComparison().ignoringFields("messageId").isEqualTo(message);
        }
    }

    @Test
    void createWhenDatabaseIsH2ThenEachCommitIsWrittenBeforeItReturns() {
        try (HikariDataSource dataSource = TestDatabases.h2(dir)) {
            JdbcStores.create(dataSource);
            assertThat(JdbcClient.create(dataSource)
                    .sql("SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'")
                    .query(String.class).single()).isEqualTo("0");
        }
        try (HikariDataSource dataSource = TestDatabases.pooled(JdbcStores.h2Url(dir), "sa")) {
            assertThat(JdbcClient.create(dataSource)
                    .sql("SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'")
                    .query(String.class).single()).isEqualTo("0");
            assertThat(JdbcStores.create(dataSource).pools().list(10, Optional.empty()).items()).isEmpty();
        }
    }

    @Test
    void createWhenTheWritingProcessIsKilledThenEveryReportedUserIsThereAndWhole() throws Exception {
        Process writer = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                DurabilityWriter.class.getName(), dir.toString())
                .redirectError(dir.resolve("writer.err").toFile())
                .start();
        int committed = -1;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            String line;
            // Long enough for H2 to have written some commits to the file, short of a clean shutdown.
            while (committed < 1500 && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    committed = Integer.parseInt(line.substring("COMMITTED ".length()));
                }
            }
            writer.destroyForcibly(); // SIGKILL: no shutdown hooks, no H2 close
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(committed).as("the writer committed users before it was killed").isPositive();

        try (HikariDataSource reopened = TestDatabases.h2(dir)) {
            JdbcStores stores = JdbcStores.create(reopened);
            List<User> users = new ArrayList<>();
            Optional<String> token = Optional.empty();
            do {
                Page<User> page = stores.users().list(DurabilityWriter.POOL, Optional.empty(), 60, token);
                users.addAll(page.items());
                token = page.nextToken();
            } while (token.isPresent());

            // Every create the writer saw return is there (and perhaps the one it was in when killed).
            assertThat(users).hasSizeGreaterThanOrEqualTo(committed + 1);
            for (User user : users) {
                int n = Integer.parseInt(user.username().substring("user".length()));
                int generation = (int) (user.lastModifiedAt().toEpochMilli() - T0.toEpochMilli());
                assertThat(user.attributes()).as(user.username())
                        .isEqualTo(DurabilityWriter.user(n, generation).attributes());
            }
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}

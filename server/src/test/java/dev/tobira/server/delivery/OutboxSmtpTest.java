package dev.tobira.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.Transactions;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.Message.Channel;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings.SmtpSecurity;
import dev.tobira.server.delivery.OutboxRows.Row;
import dev.tobira.server.store.JdbcStores;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox through a real SMTP transport to a port where, at first, nothing listens: messages
 * committed meanwhile wait, with attempts and backoff recorded; once an SMTP server (GreenMail) listens
 * there, each arrives exactly once, also across a restart of everything but the database file.
 */
class OutboxSmtpTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05Z");

    @TempDir
    Path dir;

    private int smtpPort;
    private GreenMail smtp;
    private final MutableClock clock = new MutableClock(T0);

    @BeforeEach
    void choosePort() {
        smtpPort = RunningTobira.freePort();
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** One Tobira process's view of delivery: its connection pool, outbox and worker. */
    private final class Node implements AutoCloseable {
        final HikariDataSource dataSource = OutboxRows.h2(dir);
        final Transactions transactions = JdbcStores.create(dataSource).transactions();
        final OutboxWorker worker = new OutboxWorker(dataSource, new SmtpTransport(new SmtpTransport.Options(
                "127.0.0.1", smtpPort, SmtpSecurity.NONE, "no-reply@tobira.test")), clock, Backoff.DEFAULT,
                new SplittableRandom(3), OutboxWorker.POLL_INTERVAL);
        final JdbcOutbox outbox = new JdbcOutbox(dataSource, Set.of(Channel.EMAIL), clock, worker::nudge);

        void sendCommitted(int i) {
            transactions.inTransaction(() -> {
                outbox.send(new Message(Channel.EMAIL, "user" + i + "@example.com", "Code " + i,
                        "Your code is " + (100000 + i), clock.instant()));
                return null;
            });
        }

        @Override
        public void close() {
            worker.stop();
            dataSource.close();
        }
    }

    private static List<String> recipients(MimeMessage[] messages) {
        return Arrays.stream(messages).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<String> users(int count) {
        return IntStream.range(0, count).mapToObj(i -> "user" + i + "@example.com").toList();
    }

    @Test
    void workerWhenSmtpServerIsDownThenMessagesWaitWithBackoffAndArriveExactlyOnceWhenItIsUp() {
        try (Node node = new Node()) {
            for (int i = 0; i < 3; i++) {
                node.sendCommitted(i);
            }
            assertThat(node.worker.deliverPendingNow()).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(node.worker.deliverPendingNow()).isZero();

            List<Row> waiting = OutboxRows.all(node.dataSource);
            assertThat(waiting).hasSize(3).allSatisfy(row -> {
                assertThat(row.attempts()).isEqualTo(2);
                assertThat(row.deliveredAt()).isNull();
                assertThat(row.nextAttemptAt()).isGreaterThan(clock.millis());
                assertThat(row.lastError()).startsWith("MailConnectException").contains("127.0.0.1")
                        .doesNotContain("Your code is");
            });

            startSmtp();
            clock.advance(Duration.ofMinutes(5));
            assertThat(node.worker.deliverPendingNow()).isEqualTo(3);
            clock.advance(Duration.ofMinutes(5));
            assertThat(node.worker.deliverPendingNow()).isZero();

            assertThat(recipients(smtp.getReceivedMessages())).containsExactlyElementsOf(users(3));
            assertThat(OutboxRows.all(node.dataSource)).allSatisfy(row -> {
                assertThat(row.deliveredAt()).isNotNull();
                assertThat(row.attempts()).isEqualTo(3);
            });
        }
    }

    @Test
    void workerWhenRestartedOnTheSameDatabaseThenEveryMessageEnqueuedBeforeArrivesExactlyOnce() {
        try (Node before = new Node()) {
            before.worker.start();
            for (int i = 0; i < 5; i++) {
                before.sendCommitted(i);
            }
            before.worker.deliverPendingNow();
            assertThat(OutboxRows.all(before.dataSource)).hasSize(5)
                    .allSatisfy(row -> assertThat(row.deliveredAt()).isNull());
        }

        startSmtp();
        clock.advance(Duration.ofMinutes(1));
        try (Node after = new Node()) {
            after.worker.start();
            Poll.until("5 messages over SMTP", () -> smtp.getReceivedMessages().length >= 5);
            after.worker.stop();
            assertThat(after.worker.deliverPendingNow()).isZero();
            assertThat(OutboxRows.all(after.dataSource)).hasSize(5)
                    .allSatisfy(row -> assertThat(row.deliveredAt()).isNotNull());
        }
        assertThat(recipients(smtp.getReceivedMessages())).containsExactlyElementsOf(users(5));
    }
}

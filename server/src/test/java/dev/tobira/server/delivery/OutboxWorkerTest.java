package dev.tobira.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.CognitoException.CodeDeliveryFailureException;
import dev.tobira.core.Transactions;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.Message.Channel;
import dev.tobira.server.delivery.OutboxRows.Row;
import dev.tobira.server.store.JdbcStores;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox and its worker on an H2 file database, with a transport that records or fails: the
 * MessageSender contract (never lost once committed, never sent when rolled back), order, backoff,
 * leases, and what failures leave in logs.
 */
class OutboxWorkerTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05Z");

    @TempDir
    Path dir;

    private HikariDataSource dataSource;
    private Transactions transactions;
    private MutableClock clock;
    private RecordingTransport transport;
    private OutboxWorker worker;
    private JdbcOutbox outbox;

    @BeforeEach
    void setUp() {
        dataSource = OutboxRows.h2(dir);
        transactions = JdbcStores.create(dataSource).transactions();
        clock = new MutableClock(T0);
        transport = new RecordingTransport();
        worker = new OutboxWorker(dataSource, transport, clock, Backoff.DEFAULT, new SplittableRandom(7),
                OutboxWorker.POLL_INTERVAL);
        outbox = new JdbcOutbox(dataSource, Set.of(Channel.EMAIL, Channel.SMS), clock, worker::nudge);
    }

    @AfterEach
    void tearDown() {
        worker.stop();
        dataSource.close();
    }

    private static Message email(String to, String body) {
        return new Message(Channel.EMAIL, to, "Your code", body, "<p>" + body + "</p>", T0);
    }

    private void sendCommitted(Message message) {
        transactions.inTransaction(() -> {
            outbox.send(message);
            return null;
        });
    }

    private List<Row> rows() {
        return OutboxRows.all(dataSource);
    }

    @Test
    void sendWhenTransactionCommitsThenTheWorkerDeliversTheMessageAsSent() {
        Message message = new Message(Channel.EMAIL, "alice@example.com", "確認コード", "コードは 482913 です",
                "<p>コードは <b>482913</b> です</p>", T0);
        sendCommitted(message);

        assertThat(worker.deliverPendingNow()).isEqualTo(1);

        assertThat(transport.delivered()).containsExactly(message);
        Row row = rows().getFirst();
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.deliveredAt()).isEqualTo(T0.toEpochMilli());
        assertThat(row.lockedUntil()).isNull();
        // Delivered: the code is erased from the database; the row stays for diagnosis.
        assertThat(row.body()).isEmpty();
        assertThat(worker.deliverPendingNow()).isZero();
        assertThat(transport.delivered()).hasSize(1);
    }

    @Test
    void sendWhenTransactionRollsBackThenTheMessageIsNeverDelivered() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            outbox.send(email("rolled-back@example.com", "Code 111111"));
            throw new IllegalStateException("the state change failed");
        })).hasMessage("the state change failed");
        sendCommitted(email("committed@example.com", "Code 222222"));

        worker.deliverPendingNow();

        assertThat(transport.delivered()).extracting(Message::to).containsExactly("committed@example.com");
        assertThat(rows()).extracting(Row::recipient).containsExactly("committed@example.com");
    }

    @Test
    void sendWhenInTransactionThenWorkerIsNudgedOnlyAfterCommitAndNeverOnRollback() {
        AtomicInteger nudges = new AtomicInteger();
        JdbcOutbox counted = new JdbcOutbox(dataSource, Set.of(Channel.EMAIL), clock, nudges::incrementAndGet);

        transactions.inTransaction(() -> {
            counted.send(email("a@example.com", "Code 1"));
            assertThat(nudges).hasValue(0);
            return null;
        });
        assertThat(nudges).hasValue(1);

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            counted.send(email("b@example.com", "Code 2"));
            throw new IllegalStateException("rolled back");
        }));
        assertThat(nudges).hasValue(1);

        counted.send(email("c@example.com", "Code 3"));
        assertThat(nudges).as("outside a transaction the INSERT has committed on return").hasValue(2);
    }

    @Test
    void sendWhenCommittedThenTheRunningWorkerDeliversItWithoutWaitingForItsPoll() {
        // Polls once an hour: only the nudge after commit can bring the message out within the test's deadline.
        OutboxWorker slowPoller = new OutboxWorker(dataSource, transport, clock, Backoff.DEFAULT,
                new SplittableRandom(1), Duration.ofHours(1));
        JdbcOutbox nudging = new JdbcOutbox(dataSource, Set.of(Channel.EMAIL), clock, slowPoller::nudge);
        sendCommitted(email("before-start@example.com", "Code 0"));
        slowPoller.start();
        try {
            // Delivered by the first poll at start; from then on the worker sleeps for an hour unless nudged.
            Poll.until("the first poll's delivery", () -> transport.delivered().size() == 1);
            transactions.inTransaction(() -> {
                nudging.send(email("prompt@example.com", "Code 333333"));
                return null;
            });
            Poll.until("delivery after the nudge", () -> transport.delivered().size() == 2);
        } finally {
            slowPoller.stop();
        }
        assertThat(slowPoller.isRunning()).isFalse();
        assertThat(rows()).allSatisfy(row -> assertThat(row.deliveredAt()).isNotNull());
    }

    @Test
    void sendWhenChannelHasNoTransportThenCodeDeliveryFailureAndNothingIsEnqueued() {
        JdbcOutbox emailOnly = new JdbcOutbox(dataSource, Set.of(Channel.EMAIL), clock, worker::nudge);
        JdbcOutbox nothing = new JdbcOutbox(dataSource, Set.of(), clock, worker::nudge);

        assertThatThrownBy(() -> emailOnly.send(new Message(Channel.SMS, "+15555550100", "", "Code 1", T0)))
                .isInstanceOf(CodeDeliveryFailureException.class)
                .hasMessage("No SMS delivery is configured on this Tobira server.");
        assertThatThrownBy(() -> nothing.send(email("a@example.com", "Code 1")))
                .isInstanceOf(CodeDeliveryFailureException.class)
                .hasMessage("No email delivery is configured on this Tobira server.");
        assertThat(rows()).isEmpty();
    }

    @Test
    void deliverPendingNowWhenSeveralAreDueThenDeliversThemInTheOrderTheyWereSent() {
        for (int i = 0; i < 45; i++) {
            sendCommitted(email("user" + i + "@example.com", "Code " + i));
        }

        assertThat(worker.deliverPendingNow()).isEqualTo(45);

        assertThat(transport.delivered()).extracting(Message::to)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 45)
                        .mapToObj(i -> "user" + i + "@example.com").toList());
    }

    @Test
    void deliverPendingNowWhenTransportFailsThenMessageWaitsOutItsBackoffWithLastErrorAndIsDeliveredLater() {
        sendCommitted(email("b@example.com", "Code 444444"));
        transport.failWith(m -> new IOException("connection refused"));

        assertThat(worker.deliverPendingNow()).isZero();
        Row first = rows().getFirst();
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.nextAttemptAt() - T0.toEpochMilli()).isBetween(500L, 1000L);
        assertThat(first.lastError()).isEqualTo("IOException: connection refused");
        assertThat(first.lockedUntil()).isNull();
        assertThat(first.deliveredAt()).isNull();

        // Not due yet: nothing is tried.
        assertThat(worker.deliverPendingNow()).isZero();
        assertThat(rows().getFirst().attempts()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        long now = clock.millis();
        worker.deliverPendingNow();
        Row second = rows().getFirst();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt() - now).isBetween(1000L, 2000L);

        transport.succeed();
        clock.advance(Duration.ofSeconds(2));
        assertThat(worker.deliverPendingNow()).isEqualTo(1);
        assertThat(rows().getFirst().attempts()).isEqualTo(3);
        assertThat(rows().getFirst().deliveredAt()).isNotNull();
        assertThat(transport.delivered()).hasSize(1);
    }

    @Test
    void deliverPendingNowWhenFailuresGoOnThenWaitsAreCappedAtFiveMinutesAndTheMessageIsNeverDropped() {
        sendCommitted(email("c@example.com", "Code 555555"));
        transport.failWith(m -> new IOException("mailbox unavailable"));

        for (int attempt = 1; attempt <= 20; attempt++) {
            long now = clock.millis();
            worker.deliverPendingNow();
            Row row = rows().getFirst();
            assertThat(row.attempts()).isEqualTo(attempt);
            assertThat(row.nextAttemptAt() - now).isLessThanOrEqualTo(Duration.ofMinutes(5).toMillis());
            if (attempt >= 10) {
                assertThat(row.nextAttemptAt() - now).isGreaterThanOrEqualTo(Duration.ofMinutes(5).toMillis() / 2);
            }
            clock.advance(Duration.ofMinutes(5));
        }
        transport.succeed();
        assertThat(worker.deliverPendingNow()).isEqualTo(1);
        assertThat(rows().getFirst().attempts()).isEqualTo(21);
    }

    @Test
    void deliverPendingNowWhenOneMessageKeepsFailingThenTheOthersAreStillDelivered() {
        sendCommitted(email("bad@example.com", "Code 1"));
        sendCommitted(email("good@example.com", "Code 2"));
        transport.failWith(m -> m.to().startsWith("bad") ? new IOException("no such user") : null);

        assertThat(worker.deliverPendingNow()).isEqualTo(1);

        assertThat(transport.delivered()).extracting(Message::to).containsExactly("good@example.com");
    }

    @Test
    void deliverPendingNowWhenAnotherWorkerHoldsTheLeaseThenWaitsUntilTheLeaseLapses() {
        sendCommitted(email("d@example.com", "Code 666666"));
        // A worker claimed the row and then died (the process was killed) before recording anything.
        JdbcClient.create(dataSource).sql("UPDATE outbox SET attempts = 1, locked_until = :lease")
                .param("lease", clock.millis() + OutboxWorker.LEASE.toMillis())
                .update();

        assertThat(worker.deliverPendingNow()).isZero();
        clock.advance(OutboxWorker.LEASE);
        assertThat(worker.deliverPendingNow()).isEqualTo(1);

        assertThat(rows().getFirst().attempts()).isEqualTo(2);
    }

    @Test
    void purgeDeliveredWhenDeliveredMoreThanSevenDaysAgoThenDeletedAndPendingKept() {
        sendCommitted(email("old@example.com", "Code 1"));
        worker.deliverPendingNow();
        clock.advance(Duration.ofDays(6));
        sendCommitted(email("recent@example.com", "Code 2"));
        worker.deliverPendingNow();
        transport.failWith(m -> new IOException("down"));
        sendCommitted(email("pending@example.com", "Code 3"));
        worker.deliverPendingNow();
        clock.advance(Duration.ofDays(1).plusMillis(1));

        assertThat(worker.purgeDelivered()).isEqualTo(1);

        assertThat(rows()).extracting(Row::recipient).containsExactly("recent@example.com", "pending@example.com");
    }

    @Test
    void deliveryWhenTransportFailsQuotingTheMessageThenNeitherLogsNorLastErrorHoldTheBodyOrTheCode() {
        String code = "482913";
        String body = "Your verification code is " + code + ". It expires in 3 minutes.";
        Message message = new Message(Channel.EMAIL, "e@example.com", "Your verification code", body,
                "<p>Your verification code is <b>" + code + "</b></p>", T0);
        sendCommitted(message);
        transport.failWith(m -> new MessagingException("554 Message rejected: " + m.body(),
                new IOException("server said: <b>" + code + "</b> looks like spam; " + m.html())));
        Logger logger = (Logger) LoggerFactory.getLogger(OutboxWorker.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            worker.deliverPendingNow();
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            String logged = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(logged).doesNotContain(code).doesNotContain(body).contains("MessagingException");
        }
        String lastError = rows().getFirst().lastError();
        assertThat(lastError).doesNotContain(code).doesNotContain(body)
                .startsWith("MessagingException: 554 Message rejected: ")
                .contains("caused by IOException");
        assertThat(lastError.length()).isLessThanOrEqualTo(FailureText.MAX_LENGTH);
    }
}

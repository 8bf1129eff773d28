package dev.tobira.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.Message.Channel;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcDevOutboxTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05.123Z");

    @TempDir
    Path dir;

    private HikariDataSource dataSource;
    private JdbcDevOutbox outbox;

    @BeforeEach
    void setUp() {
        dataSource = TestDatabases.h2(dir);
        outbox = JdbcStores.create(dataSource).outbox();
    }

    @AfterEach
    void tearDown() {
        dataSource.close();
    }

    @Test
    void messagesToWhenSeveralRecipientsThenOnlyTheirsNewestFirst() {
        Message first = new Message(Channel.EMAIL, "alice@example.com", "Your code", "Code 123456", T0);
        Message other = new Message(Channel.EMAIL, "bob@example.com", "Your code", "Code 654321", T0.plusMillis(1));
        Message sms = new Message(Channel.SMS, "+15555550100", "", "Code 111111", T0.plusMillis(2));
        Message second = new Message(Channel.EMAIL, "alice@example.com", "Welcome", "Hi\nAlice ✓", T0.plusMillis(3));
        for (Message m : new Message[] {first, other, sms, second}) {
            outbox.send(m);
        }
        assertThat(outbox.messagesTo("alice@example.com")).containsExactly(second, first);
        assertThat(outbox.messagesTo("+15555550100")).containsExactly(sms);
        assertThat(outbox.messagesTo("nobody@example.com")).isEmpty();
        assertThat(outbox.all()).containsExactly(second, sms, other, first);
    }

    @Test
    void messagesToWhenSentInTheSameMillisecondThenLaterSentComesFirst() {
        Message a = new Message(Channel.EMAIL, "alice@example.com", "A", "a", T0);
        Message b = new Message(Channel.EMAIL, "alice@example.com", "B", "b", T0);
        outbox.send(a);
        outbox.send(b);
        assertThat(outbox.messagesTo("alice@example.com")).containsExactly(b, a);
    }

    @Test
    void allWhenNothingSentThenEmpty() {
        assertThat(outbox.all()).isEmpty();
    }
}

package dev.tobira.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.Message.Channel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
        assertThat(withoutIds(outbox.messagesTo("alice@example.com"))).containsExactly(second, first);
        assertThat(withoutIds(outbox.messagesTo("+15555550100"))).containsExactly(sms);
        assertThat(outbox.messagesTo("nobody@example.com")).isEmpty();
        assertThat(withoutIds(outbox.all())).containsExactly(second, sms, other, first);
    }

    @Test
    void messagesToWhenSentInTheSameMillisecondThenLaterSentComesFirst() {
        Message a = new Message(Channel.EMAIL, "alice@example.com", "A", "a", T0);
        Message b = new Message(Channel.EMAIL, "alice@example.com", "B", "b", T0);
        outbox.send(a);
        outbox.send(b);
        assertThat(withoutIds(outbox.messagesTo("alice@example.com"))).containsExactly(b, a);
    }

    @Test
    void sendWhenTheMessageHasNoIdThenItIsGivenOneAndAGivenIdIsKept() {
        outbox.send(new Message(Channel.EMAIL, "alice@example.com", "A", "a", T0));
        outbox.send(new Message(Channel.EMAIL, "alice@example.com", "B", "b", "<b>b</b>", T0, "App <app@example.com>",
                "ses-id-1"));
        List<Message> kept = outbox.emails(Optional.empty(), Optional.empty());
        assertThat(kept.getFirst().messageId()).isNotEmpty();
        assertThat(kept.get(1)).isEqualTo(new Message(Channel.EMAIL, "alice@example.com", "B", "b", "<b>b</b>", T0,
                "App <app@example.com>", "ses-id-1"));
    }

    @Test
    void emailsWhenFilteredByAddressThenRecipientOrSenderMatchesOldestFirst() {
        Message toAlice = new Message(Channel.EMAIL, "alice@example.com", "1", "1", "", T0, "", "id-1");
        Message fromAlice = new Message(Channel.EMAIL, "bob@example.com", "2", "2", "", T0.plusMillis(1),
                "Alice <alice@example.com>", "id-2");
        Message lookalike = new Message(Channel.EMAIL, "carol@example.com", "3", "3", "", T0.plusMillis(2),
                "Eve <aliceXexample.com>", "id-3");
        Message sms = new Message(Channel.SMS, "+15555550100", "", "4", "", T0.plusMillis(3), "", "id-4");
        for (Message m : List.of(toAlice, fromAlice, lookalike, sms)) {
            outbox.send(m);
        }
        assertThat(outbox.emails(Optional.of("alice@example.com"), Optional.empty())).containsExactly(toAlice, fromAlice);
        // "_" in LIKE would match any character: the address is matched literally.
        assertThat(outbox.emails(Optional.of("alice_example.com"), Optional.empty())).isEmpty();
        assertThat(outbox.emails(Optional.empty(), Optional.of("id-2"))).containsExactly(fromAlice);
        assertThat(outbox.emails(Optional.of("alice@example.com"), Optional.of("id-3"))).isEmpty();
        assertThat(outbox.smsMessages(Optional.empty())).containsExactly(sms);
        assertThat(outbox.smsMessages(Optional.of("+15555550199"))).isEmpty();
    }

    @Test
    void deleteWhenGivenAnIdOrANumberThenOnlyThoseGoElseTheWholeChannel() {
        outbox.send(new Message(Channel.EMAIL, "alice@example.com", "1", "1", "", T0, "", "id-1"));
        outbox.send(new Message(Channel.EMAIL, "bob@example.com", "1", "1", "", T0, "", "id-1"));
        outbox.send(new Message(Channel.EMAIL, "carol@example.com", "2", "2", "", T0, "", "id-2"));
        outbox.send(new Message(Channel.SMS, "+15555550100", "", "3", "", T0, "", "id-3"));
        outbox.send(new Message(Channel.SMS, "+15555550101", "", "4", "", T0, "", "id-4"));

        assertThat(outbox.deleteEmails(Optional.of("id-1"))).isEqualTo(2);
        assertThat(outbox.emails(Optional.empty(), Optional.empty())).extracting(Message::messageId).containsExactly("id-2");
        assertThat(outbox.deleteSmsMessages(Optional.of("+15555550100"))).isEqualTo(1);
        assertThat(outbox.smsMessages(Optional.empty())).extracting(Message::to).containsExactly("+15555550101");
        assertThat(outbox.deleteEmails(Optional.empty())).isEqualTo(1);
        assertThat(outbox.all()).extracting(Message::channel).containsExactly(Channel.SMS);
        assertThat(outbox.deleteSmsMessages(Optional.empty())).isEqualTo(1);
        assertThat(outbox.all()).isEmpty();
    }

    /** The messages as they were sent: the dev outbox gives an id to those that had none. */
    private static List<Message> withoutIds(List<Message> messages) {
        return messages.stream().map(m -> new Message(m.channel(), m.to(), m.subject(), m.body(), m.html(),
                m.createdAt(), m.from(), "")).toList();
    }

    @Test
    void allWhenNothingSentThenEmpty() {
        assertThat(outbox.all()).isEmpty();
    }
}

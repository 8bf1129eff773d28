package dev.tobira.server.delivery;

import dev.tobira.core.CognitoException.CodeDeliveryFailureException;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.MessageSender;
import java.time.Clock;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable outbox: {@link #send} inserts the message into table {@code outbox} and nothing else;
 * an {@link OutboxWorker} delivers it.
 *
 * <p>The INSERT runs on the stores' DataSource, so inside
 * {@link dev.tobira.core.Transactions#inTransaction} it joins the caller's transaction (Spring's
 * DataSourceUtils binds the connection to the thread): the message exists exactly when the change
 * that caused it commits, and a rolled-back change leaves no message to deliver. Outside a
 * transaction the INSERT commits at once. After the commit the local worker is nudged, so delivery
 * starts at once rather than at its next poll.
 *
 * <p>A message for a channel with no transport is refused up front with
 * {@link CodeDeliveryFailureException}, before anything is written, so that the operation fails
 * (and rolls back) instead of enqueuing a message no server can deliver.
 */
public final class JdbcOutbox implements MessageSender {

    private final JdbcClient jdbc;
    private final Set<Message.Channel> channels;
    private final Clock clock;
    private final Runnable afterCommit;

    /**
     * @param channels the channels a transport is configured for
     * @param afterCommit run once the message is committed (normally {@link OutboxWorker#nudge})
     */
    public JdbcOutbox(DataSource dataSource, Set<Message.Channel> channels, Clock clock, Runnable afterCommit) {
        this.jdbc = JdbcClient.create(dataSource);
        this.channels = Set.copyOf(channels);
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    @Override
    public void send(Message message) {
        if (!channels.contains(message.channel())) {
            throw new CodeDeliveryFailureException("No " + (message.channel() == Message.Channel.SMS ? "SMS" : "email")
                    + " delivery is configured on this Tobira server.");
        }
        jdbc.sql("""
                        INSERT INTO outbox (channel, recipient, subject, body, html, created_at, attempts, next_attempt_at,
                                            sender, message_id)
                        VALUES (:channel, :recipient, :subject, :body, :html, :createdAt, 0, :now, :sender, :messageId)""")
                .param("channel", message.channel().name())
                .param("recipient", message.to())
                .param("subject", orEmpty(message.subject()))
                .param("body", orEmpty(message.body()))
                .param("html", orEmpty(message.html()))
                .param("createdAt", message.createdAt().toEpochMilli())
                .param("now", clock.millis())
                .param("sender", message.from())
                .param("messageId", message.messageId())
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.run();
                }
            });
        } else {
            afterCommit.run();
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}

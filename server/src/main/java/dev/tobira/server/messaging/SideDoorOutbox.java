package dev.tobira.server.messaging;

import dev.tobira.core.CognitoException;
import dev.tobira.core.Transactions;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.MessageSender;
import java.util.List;

/**
 * Puts the messages of one SES or SNS call into the durable outbox, all or none, so that they are
 * delivered exactly like Tobira's own messages (the outbox worker, the configured transports, in dev
 * mode the dev outbox).
 */
public final class SideDoorOutbox {

    private final MessageSender outbox;
    private final Transactions transactions;

    public SideDoorOutbox(MessageSender outbox, Transactions transactions) {
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /**
     * Enqueues {@code messages} in one transaction.
     *
     * @param noTransportCode the error code the service answers when the server cannot deliver the
     *     channel (no SMTP, SES or SNS configured in production)
     * @throws SideDoorError with {@code noTransportCode} when no transport is configured for the channel
     */
    public void accept(List<Message> messages, String noTransportCode) {
        try {
            transactions.inTransaction(() -> {
                messages.forEach(outbox::send);
                return null;
            });
        } catch (CognitoException.CodeDeliveryFailureException e) {
            throw SideDoorError.badRequest(noTransportCode, e.getMessage());
        }
    }
}

package dev.tobira.core.message;

/**
 * Hands messages to whatever delivers them: the dev outbox, SMTP, SES or SNS.
 *
 * <p>Outside tests this is a durable outbox: {@link #send} records the message in the same
 * transaction as the state change that caused it (see {@link dev.tobira.core.Transactions}), and a
 * worker delivers it after commit, retrying until it is delivered. A message is never lost once
 * {@code send} returns inside a committed transaction, and never sent for a rolled-back one.
 */
public interface MessageSender {

    /**
     * Accepts {@code message} for delivery.
     *
     * @throws dev.tobira.core.CognitoException.CodeDeliveryFailureException when the message cannot
     *     be accepted, e.g. no transport is configured for its channel
     */
    void send(Message message);
}

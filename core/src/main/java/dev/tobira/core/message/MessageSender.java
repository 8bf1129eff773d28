package dev.tobira.core.message;

/**
 * Hands messages to whatever delivers them: the dev outbox, SMTP, SES or SNS.
 */
public interface MessageSender {

    /**
     * Accepts {@code message} for delivery. Returns once the message is accepted (queued or sent).
     *
     * @throws dev.tobira.core.CognitoException.CodeDeliveryFailureException when the message cannot
     *     be accepted, e.g. no transport is configured for its channel
     */
    void send(Message message);
}

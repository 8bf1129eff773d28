package dev.tobira.server.config;

import dev.tobira.core.CognitoException;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.MessageSender;

/**
 * The sender of a production server with no mail or SMS transport configured: it refuses, so that
 * nobody believes a message went out.
 */
final class UnconfiguredSender implements MessageSender {

    @Override
    public void send(Message message) {
        throw new CognitoException.CodeDeliveryFailureException(
                "No " + message.channel().name().toLowerCase(java.util.Locale.ROOT)
                        + " delivery is configured on this Tobira server.");
    }
}

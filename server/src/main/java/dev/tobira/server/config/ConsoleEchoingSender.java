package dev.tobira.server.config;

import dev.tobira.core.message.Message;
import dev.tobira.core.message.MessageSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev mode's sender: every message goes to the dev outbox and, so that a developer sees codes
 * without looking anywhere, to the console. Never used outside dev mode: messages carry secrets.
 */
final class ConsoleEchoingSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger("tobira.outbox");

    private final MessageSender outbox;

    ConsoleEchoingSender(MessageSender outbox) {
        this.outbox = outbox;
    }

    @Override
    public void send(Message message) {
        outbox.send(message);
        log.info("{} to {}{}\n{}", message.channel(), message.to(),
                message.subject().isEmpty() ? "" : " — " + message.subject(), message.body());
    }
}

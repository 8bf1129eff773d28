package dev.tobira.server.delivery;

import dev.tobira.core.message.Message;
import dev.tobira.server.store.JdbcDevOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev mode's transport: keeps the message in the dev outbox ({@code GET /_tobira/outbox}) and, so
 * that a developer sees codes without looking anywhere, writes it to the console. Never used outside
 * dev mode: messages carry codes and temporary passwords.
 */
public final class DevOutboxTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger("tobira.outbox");

    private final JdbcDevOutbox devOutbox;

    public DevOutboxTransport(JdbcDevOutbox devOutbox) {
        this.devOutbox = devOutbox;
    }

    @Override
    public void deliver(Message message) {
        devOutbox.send(message);
        log.info("{} to {}{}\n{}", message.channel(), message.to(),
                message.subject().isEmpty() ? "" : " — " + message.subject(), message.body());
    }

    @Override
    public String toString() {
        return "the dev outbox";
    }
}

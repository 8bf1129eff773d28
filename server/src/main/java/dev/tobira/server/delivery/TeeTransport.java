package dev.tobira.server.delivery;

import dev.tobira.core.message.Message;

/**
 * Delivers through {@code first}, then through {@code then}; a failure of either fails the delivery,
 * and the worker retries both. Dev mode uses it to send email by a configured transport and then keep
 * it in the dev outbox, so the dev outbox shows what actually went out.
 */
public record TeeTransport(Transport first, Transport then) implements Transport {

    @Override
    public void deliver(Message message) throws Exception {
        first.deliver(message);
        then.deliver(message);
    }

    @Override
    public void close() {
        try {
            first.close();
        } finally {
            then.close();
        }
    }

    @Override
    public String toString() {
        return first + " and " + then;
    }
}

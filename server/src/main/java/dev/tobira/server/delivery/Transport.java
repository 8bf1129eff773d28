package dev.tobira.server.delivery;

import dev.tobira.core.message.Message;

/**
 * Delivers one message by one means: SMTP, Amazon SES, Amazon SNS, the dev outbox. Called by the
 * {@link OutboxWorker} only, one message at a time per worker, never inside a database transaction.
 *
 * <p>An implementation must not log or put into its exceptions' messages the message's body or html:
 * they carry codes and temporary passwords. (The worker also redacts what it records of a failure.)
 */
public interface Transport extends AutoCloseable {

    /**
     * Delivers {@code message}, or throws. Returning means the message has been handed over (an SMTP
     * server accepted it, SES or SNS answered with a message id); throwing means it was not, as far as
     * this transport knows, and the worker will try again later.
     */
    void deliver(Message message) throws Exception;

    /** Releases connections and clients; the default holds none. */
    @Override
    default void close() {}
}

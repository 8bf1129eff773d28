package dev.tobira.server.delivery;

import dev.tobira.core.message.Message;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A transport that keeps what it is given, or fails with the exception a test chooses. */
final class RecordingTransport implements Transport {

    private final List<Message> delivered = new CopyOnWriteArrayList<>();
    private volatile Function<Message, Exception> failure = m -> null;

    /** From now on, every delivery throws what {@code failure} makes of the message. */
    void failWith(Function<Message, Exception> failure) {
        this.failure = failure;
    }

    void succeed() {
        this.failure = m -> null;
    }

    List<Message> delivered() {
        return List.copyOf(delivered);
    }

    @Override
    public void deliver(Message message) throws Exception {
        Exception e = failure.apply(message);
        if (e != null) {
            throw e;
        }
        delivered.add(message);
    }
}

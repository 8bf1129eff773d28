package dev.tobira.server.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** What SES's sending operations share: an accepted email becomes one outbox message per recipient. */
public final class SesOutbox {

    private final SideDoorOutbox outbox;
    private final Clock clock;

    public SesOutbox(SideDoorOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Checks and enqueues {@code email}.
     *
     * @return the new MessageId, in SES's form ({@code 0100…-uuid-000000})
     * @throws SideDoorError as {@link Email#recipients()}, or {@code MessageRejected} when this server
     *     has no way to deliver email
     */
    public String send(Email email) {
        Instant now = clock.instant();
        String messageId = "%016x-%s-000000".formatted(now.toEpochMilli(), UUID.randomUUID());
        outbox.accept(email.messages(now, messageId), "MessageRejected");
        return messageId;
    }
}

package dev.tobira.server.dev;

import dev.tobira.core.message.Message;
import dev.tobira.server.config.Settings;
import dev.tobira.server.delivery.OutboxWorker;
import dev.tobira.server.store.JdbcStores;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dev outbox: {@code GET /_tobira/outbox?to=ADDRESS} lists every email or SMS the server would
 * have sent to that address, newest first (all messages without {@code to}). Dev mode only.
 */
@RestController
public class OutboxController {

    private final Settings settings;
    private final JdbcStores stores;
    private final OutboxWorker worker;

    public OutboxController(Settings settings, JdbcStores stores, OutboxWorker worker) {
        this.settings = settings;
        this.stores = stores;
        this.worker = worker;
    }

    public record OutboxMessage(String channel, String to, String subject, String body, String sentAt) {}

    public record Outbox(List<OutboxMessage> messages) {}

    @GetMapping(path = "/_tobira/outbox", produces = "application/json")
    public Outbox outbox(@RequestParam(name = "to", required = false) String to) {
        if (!settings.dev()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        // Messages reach the dev outbox through the outbox worker: deliver what is due, so that a message
        // sent by a call that has returned is listed.
        worker.deliverPendingNow();
        List<Message> messages = to == null ? stores.outbox().all() : stores.outbox().messagesTo(to);
        return new Outbox(messages.stream()
                .map(m -> new OutboxMessage(m.channel().name(), m.to(), m.subject(), m.body(),
                        m.createdAt().toString()))
                .toList());
    }

}

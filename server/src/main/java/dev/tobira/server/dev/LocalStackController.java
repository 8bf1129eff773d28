package dev.tobira.server.dev;

import dev.tobira.core.message.Message;
import dev.tobira.server.config.Settings;
import dev.tobira.server.delivery.OutboxWorker;
import dev.tobira.server.store.JdbcStores;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * LocalStack's developer endpoints over the dev outbox, for test suites written against LocalStack
 * (dev mode only; 404 in production). They list every email and SMS in the dev outbox — Tobira's own
 * codes as well as what applications sent through SES and SNS — in LocalStack's JSON shapes:
 * <ul>
 *   <li>{@code GET /_aws/ses[?email=ADDRESS][&id=MESSAGE_ID]}: {@code {"messages":[{"Id","Region",
 *       "Destination":{"ToAddresses"},"Source","Subject","Body":{"text_part","html_part"},"Timestamp"}]}},
 *       oldest first, one entry per MessageId (its recipients together). LocalStack's {@code email}
 *       matches the sender only; here it matches a recipient too, so a user's codes can be found by
 *       the user's address.</li>
 *   <li>{@code DELETE /_aws/ses[?id=MESSAGE_ID]}: forgets them (204).</li>
 *   <li>{@code GET /_aws/sns/sms-messages[?phoneNumber=E164]}: {@code {"sms_messages":{"+1555…":
 *       [{"PhoneNumber","MessageId","Message"}]},"region"}}.</li>
 *   <li>{@code DELETE /_aws/sns/sms-messages[?phoneNumber=E164]}: forgets them (204).</li>
 * </ul>
 * What is deleted here is gone from {@code GET /_tobira/outbox} too: both read the same table.
 */
@RestController
public class LocalStackController {

    /** LocalStack's own timestamp format (UTC, seconds). */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Settings settings;
    private final JdbcStores stores;
    private final OutboxWorker worker;

    public LocalStackController(Settings settings, JdbcStores stores, OutboxWorker worker) {
        this.settings = settings;
        this.stores = stores;
        this.worker = worker;
    }

    @GetMapping(path = "/_aws/ses", produces = "application/json")
    public ResponseEntity<byte[]> emails(@RequestParam(name = "email", required = false) String email,
            @RequestParam(name = "id", required = false) String id) {
        requireDev();
        // One entry per MessageId, as SES accepted it: the outbox keeps one row per recipient.
        Map<String, List<Message>> byId = new LinkedHashMap<>();
        for (Message m : stores.outbox().emails(given(email), given(id))) {
            byId.computeIfAbsent(m.messageId(), messageId -> new ArrayList<>()).add(m);
        }
        return json(Map.of("messages", byId.values().stream().map(this::email).toList()));
    }

    /** LocalStack's entry for the rows of one MessageId (one per recipient). */
    private Map<String, Object> email(List<Message> rows) {
        Message m = rows.getFirst();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text_part", m.body().isEmpty() ? null : m.body());
        body.put("html_part", m.html().isEmpty() ? null : m.html());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("Id", m.messageId());
        entry.put("Region", settings.region());
        entry.put("Destination", Map.of("ToAddresses", rows.stream().map(Message::to).distinct().toList()));
        entry.put("Source", m.from().isEmpty() ? settings.delivery().mailFrom().orElse("") : m.from());
        entry.put("Subject", m.subject());
        entry.put("Body", body);
        entry.put("Timestamp", TIMESTAMP.format(m.createdAt()));
        return entry;
    }

    @DeleteMapping(path = "/_aws/ses")
    public ResponseEntity<Void> deleteEmails(@RequestParam(name = "id", required = false) String id) {
        requireDev();
        stores.outbox().deleteEmails(given(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/_aws/sns/sms-messages", produces = "application/json")
    public ResponseEntity<byte[]> smsMessages(@RequestParam(name = "phoneNumber", required = false) String phoneNumber) {
        requireDev();
        Map<String, List<Map<String, Object>>> byNumber = new LinkedHashMap<>();
        given(phoneNumber).ifPresent(number -> byNumber.put(number, new ArrayList<>()));
        for (Message m : stores.outbox().smsMessages(given(phoneNumber))) {
            Map<String, Object> sms = new LinkedHashMap<>();
            sms.put("PhoneNumber", m.to());
            sms.put("MessageId", m.messageId());
            sms.put("Message", m.body());
            byNumber.computeIfAbsent(m.to(), number -> new ArrayList<>()).add(sms);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sms_messages", byNumber);
        result.put("region", settings.region());
        return json(result);
    }

    @DeleteMapping(path = "/_aws/sns/sms-messages")
    public ResponseEntity<Void> deleteSmsMessages(
            @RequestParam(name = "phoneNumber", required = false) String phoneNumber) {
        requireDev();
        stores.outbox().deleteSmsMessages(given(phoneNumber));
        return ResponseEntity.noContent().build();
    }

    /**
     * 404 outside dev mode; in dev mode, first delivers what the outbox holds, so that a message sent by a
     * call that has returned is listed (and deleted).
     */
    private void requireDev() {
        if (!settings.dev()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        worker.deliverPendingNow();
    }

    /** LocalStack's JSON, nulls included ({@code "html_part": null}), unlike Spring MVC's JSON here. */
    private static ResponseEntity<byte[]> json(Object value) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsBytes(value));
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}

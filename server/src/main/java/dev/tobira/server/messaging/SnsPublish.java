package dev.tobira.server.messaging;

import dev.tobira.core.message.Message;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SNS {@code Publish} to a {@code PhoneNumber} (E.164): one SMS into the outbox. Tobira has no topics
 * and no platform endpoints, so a {@code TopicArn} or {@code TargetArn} is answered as SNS answers
 * one that does not exist, {@code NotFound}. With {@code MessageStructure=json} the SMS text is the
 * message's {@code sms} entry, else its {@code default} entry, as SNS delivers it.
 */
final class SnsPublish implements QueryOperation {

    /** SNS's limit on a message, in bytes of UTF-8. */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private final SideDoorOutbox outbox;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    SnsPublish(SideDoorOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String handle(QueryForm form) {
        String message = form.parameters().get("Message");
        if (message == null) {
            throw SideDoorError.missing("message");
        }
        if (form.get("TopicArn").isPresent()) {
            throw new SideDoorError("NotFound", 404, "Topic does not exist (Tobira's SNS publishes only to a"
                    + " PhoneNumber).");
        }
        if (form.get("TargetArn").isPresent()) {
            throw new SideDoorError("NotFound", 404, "Endpoint does not exist (Tobira's SNS publishes only to a"
                    + " PhoneNumber).");
        }
        String phoneNumber = form.get("PhoneNumber").orElseThrow(() -> invalid(
                "TopicArn or TargetArn Reason: no value for required parameter"));
        if (!E164.matcher(phoneNumber).matches()) {
            throw invalid("PhoneNumber Reason: " + phoneNumber + " is not valid to publish to");
        }
        if (message.isEmpty()) {
            throw invalid("Empty message");
        }
        if (message.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw invalid("Message too long");
        }
        String text = form.get("MessageStructure").filter("json"::equals).isPresent() ? smsEntry(message) : message;
        Instant now = clock.instant();
        String messageId = UUID.randomUUID().toString();
        outbox.accept(List.of(new Message(Message.Channel.SMS, phoneNumber, "", text, "", now, "", messageId)),
                "InvalidParameter");
        return messageId;
    }

    private String smsEntry(String message) {
        JsonNode structure;
        try {
            structure = json.readTree(message);
        } catch (JacksonException e) {
            throw invalid("Message Structure - JSON message body failed to parse");
        }
        JsonNode sms = structure == null ? null : structure.get("sms");
        JsonNode chosen = sms != null && sms.isString() ? sms : structure == null ? null : structure.get("default");
        if (chosen == null || !chosen.isString()) {
            throw invalid("Message Structure - No default entry in JSON message body");
        }
        return chosen.asString();
    }

    private static SideDoorError invalid(String reason) {
        return SideDoorError.badRequest("InvalidParameter", "Invalid parameter: " + reason);
    }
}

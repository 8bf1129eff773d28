package dev.tobira.server.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * SES v2 {@code SendEmail} ({@code POST /v2/email/outbound-emails}): {@code FromEmailAddress},
 * {@code Destination.{To,Cc,Bcc}Addresses} and {@code Content.Simple} (subject, text and/or HTML body) or
 * {@code Content.Raw.Data} (a base64 MIME message, whose From and recipients stand in for missing
 * ones). Template content is refused: Tobira keeps no templates.
 *
 * <p>Errors use SES v1's codes; {@link SesV2Endpoint} names them as SES v2 does.
 */
final class SesV2SendEmail {

    private final SesOutbox ses;

    SesV2SendEmail(SesOutbox ses) {
        this.ses = ses;
    }

    /** @return the new MessageId */
    String handle(JsonNode input) {
        Optional<String> from = text(input, "FromEmailAddress");
        JsonNode destination = input.path("Destination");
        List<String> to = strings(destination, "ToAddresses");
        List<String> cc = strings(destination, "CcAddresses");
        List<String> bcc = strings(destination, "BccAddresses");
        JsonNode content = input.get("Content");
        if (content == null || !content.isObject()) {
            throw SideDoorError.missing("content");
        }
        if (content.has("Raw")) {
            String data = text(content.path("Raw"), "Data").orElseThrow(() -> SideDoorError.missing("content.raw.data"));
            List<String> destinations = new ArrayList<>(to);
            destinations.addAll(cc);
            destinations.addAll(bcc);
            return ses.send(RawEmail.parse(RawEmail.base64(data, "Content.Raw.Data"), from, destinations));
        }
        if (content.has("Template")) {
            throw SideDoorError.badRequest("InvalidParameterValue",
                    "Tobira keeps no email templates: send Content.Simple or Content.Raw.");
        }
        JsonNode simple = content.get("Simple");
        if (simple == null || !simple.isObject()) {
            throw SideDoorError.badRequest("InvalidParameterValue", "Content must have Simple or Raw.");
        }
        String sender = from.orElseThrow(() -> SideDoorError.missing("fromEmailAddress"));
        if (destination.isMissingNode() || destination.isNull()) {
            throw SideDoorError.missing("destination");
        }
        String subject = text(simple.path("Subject"), "Data").orElseThrow(() -> SideDoorError.missing(
                "content.simple.subject.data"));
        JsonNode body = simple.path("Body");
        if (!body.isObject()) {
            throw SideDoorError.missing("content.simple.body");
        }
        return ses.send(new Email(sender, to, cc, bcc, subject, text(body.path("Text"), "Data").orElse(""),
                text(body.path("Html"), "Data").orElse("")));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw SideDoorError.badRequest("InvalidParameterValue", field + " must be a string.");
        }
        return Optional.of(value.asString()).filter(v -> !v.isEmpty());
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode list = node.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw SideDoorError.badRequest("InvalidParameterValue", field + " must be a list of addresses.");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isString()) {
                throw SideDoorError.badRequest("InvalidParameterValue", field + " must be a list of addresses.");
            }
            values.add(item.asString());
        }
        return values;
    }
}

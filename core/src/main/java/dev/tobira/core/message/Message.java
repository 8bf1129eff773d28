package dev.tobira.core.message;

import java.time.Instant;
import java.util.Objects;

/**
 * A message for a user: an email (subject, plain-text body and, optionally, an HTML body) or an SMS
 * (body only; subject and html empty).
 *
 * @param to an email address or an E.164 phone number
 * @param html the HTML alternative of {@code body}, or empty for plain text only
 * @param from the sender an application named when it sent the message through Tobira's SES side door
 *     ({@code a@example.com} or {@code Name <a@example.com>}); empty for Tobira's own messages, which go
 *     out from the server's configured From address
 * @param messageId the id the sender was given when the message was accepted (SES's or SNS's
 *     {@code MessageId}, shared by every recipient of one call); empty when none was given
 */
public record Message(Channel channel, String to, String subject, String body, String html, Instant createdAt,
        String from, String messageId) {

    public enum Channel { EMAIL, SMS }

    public Message {
        from = Objects.requireNonNullElse(from, "");
        messageId = Objects.requireNonNullElse(messageId, "");
    }

    /** One of Tobira's own messages: from the server's From address, no message id. */
    public Message(Channel channel, String to, String subject, String body, String html, Instant createdAt) {
        this(channel, to, subject, body, html, createdAt, "", "");
    }

    /** A plain-text message of Tobira's own. */
    public Message(Channel channel, String to, String subject, String body, Instant createdAt) {
        this(channel, to, subject, body, "", createdAt);
    }
}

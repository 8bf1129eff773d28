package dev.tobira.core.message;

import java.time.Instant;

/**
 * A message for a user: an email (subject, plain-text body and, optionally, an HTML body) or an SMS
 * (body only; subject and html empty).
 *
 * @param to an email address or an E.164 phone number
 * @param html the HTML alternative of {@code body}, or empty for plain text only
 */
public record Message(Channel channel, String to, String subject, String body, String html, Instant createdAt) {

    public enum Channel { EMAIL, SMS }

    /** A plain-text message. */
    public Message(Channel channel, String to, String subject, String body, Instant createdAt) {
        this(channel, to, subject, body, "", createdAt);
    }
}

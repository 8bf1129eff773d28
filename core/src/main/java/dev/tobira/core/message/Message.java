package dev.tobira.core.message;

import java.time.Instant;

/**
 * A message for a user: an email (subject and body) or an SMS (body only; subject empty).
 *
 * @param to an email address or an E.164 phone number
 */
public record Message(Channel channel, String to, String subject, String body, Instant createdAt) {

    public enum Channel { EMAIL, SMS }
}

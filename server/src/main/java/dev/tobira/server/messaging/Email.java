package dev.tobira.server.messaging;

import dev.tobira.core.message.Message;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An email an application asked SES to send, checked as SES checks it: a sender and at least one
 * recipient, each a valid address, at most {@value #MAX_RECIPIENTS} recipients.
 *
 * @param from the sender as given ({@code a@example.com} or {@code Name <a@example.com>})
 * @param html the HTML body, or empty
 */
public record Email(String from, List<String> to, List<String> cc, List<String> bcc, String subject, String text,
        String html) {

    /** SES's limit on the recipients of one message, To, Cc and Bcc together. */
    public static final int MAX_RECIPIENTS = 50;
    /** Longer addresses cannot be delivered (RFC 5321: 64 + 1 + 255). */
    private static final int MAX_ADDRESS_LENGTH = 320;

    public Email {
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        subject = Objects.requireNonNullElse(subject, "");
        text = Objects.requireNonNullElse(text, "");
        html = Objects.requireNonNullElse(html, "");
    }

    /**
     * Every distinct recipient, To then Cc then Bcc, after checking them and the sender.
     *
     * @throws SideDoorError {@code InvalidParameterValue} with SES's (JavaMail's) reason for an
     *     address it cannot parse, for no recipient or too many
     */
    public List<String> recipients() {
        requireAddress(from);
        Set<String> all = new LinkedHashSet<>();
        for (List<String> list : List.of(to, cc, bcc)) {
            for (String address : list) {
                all.add(requireAddress(address));
            }
        }
        if (all.isEmpty()) {
            throw SideDoorError.badRequest("InvalidParameterValue",
                    "The message has no recipient: give at least one To, Cc or Bcc address.");
        }
        if (all.size() > MAX_RECIPIENTS) {
            throw SideDoorError.badRequest("InvalidParameterValue", "Recipient count exceeds " + MAX_RECIPIENTS + ".");
        }
        return List.copyOf(all);
    }

    /**
     * One outbox message per recipient, all with the sender and {@code messageId}. An email with HTML
     * only gets a text part read from its HTML, so that it is readable in the dev outbox and as text.
     */
    public List<Message> messages(Instant now, String messageId) {
        String body = text.isEmpty() && !html.isEmpty() ? HtmlText.of(html) : text;
        return recipients().stream()
                .map(to -> new Message(Message.Channel.EMAIL, to, subject, body, html, now, from, messageId))
                .toList();
    }

    /**
     * {@code address} as given, once it parses as one RFC 822 address with a domain.
     *
     * @throws SideDoorError {@code InvalidParameterValue} with the parser's reason, e.g. "Missing
     *     final '@domain'", the text SES answers with
     */
    static String requireAddress(String address) {
        if (address.length() > MAX_ADDRESS_LENGTH) {
            throw SideDoorError.badRequest("InvalidParameterValue", "Address is longer than "
                    + MAX_ADDRESS_LENGTH + " characters.");
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (parsed.getAddress() == null || !parsed.getAddress().contains("@")) {
                throw new AddressException("Missing final '@domain'");
            }
            return address.strip();
        } catch (AddressException e) {
            throw SideDoorError.badRequest("InvalidParameterValue", e.getMessage());
        }
    }
}

package dev.tobira.server.messaging;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A raw MIME message (SES v1 {@code SendRawEmail}, SES v2 {@code Content.Raw}) read into an {@link Email}
 * with Angus Mail: sender, recipients, decoded subject, and the first plain-text and HTML parts that are
 * not attachments. Attachments are not kept.
 */
final class RawEmail {

    private static final Session SESSION = Session.getInstance(new Properties());

    private RawEmail() {}

    /**
     * Decodes base64 as the wire carries raw messages.
     *
     * @throws SideDoorError {@code InvalidParameterValue} when it is not base64
     */
    static byte[] base64(String data, String memberPath) {
        try {
            return Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw SideDoorError.badRequest("InvalidParameterValue",
                    "Invalid base64 in " + memberPath + ".");
        }
    }

    /**
     * @param source the sender given beside the message, which SES prefers to its From header
     * @param destinations the recipients given beside the message, which SES uses instead of its To,
     *     Cc and Bcc headers; empty to take those
     * @throws SideDoorError {@code InvalidParameterValue} when the bytes are
     *     no MIME message, and as {@link Email#recipients()} for its addresses
     */
    static Email parse(byte[] raw, Optional<String> source, List<String> destinations) {
        try {
            MimeMessage mime = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            Optional<String> headerFrom = first(mime.getFrom());
            String from = source.or(() -> headerFrom).orElseThrow(() -> SideDoorError.badRequest(
                    "InvalidParameterValue", "Missing required header 'From'."));
            Bodies bodies = new Bodies();
            bodies.collect(mime);
            if (!destinations.isEmpty()) {
                return new Email(from, destinations, List.of(), List.of(), orEmpty(mime.getSubject()), bodies.text,
                        bodies.html);
            }
            return new Email(from, addresses(mime.getRecipients(jakarta.mail.Message.RecipientType.TO)),
                    addresses(mime.getRecipients(jakarta.mail.Message.RecipientType.CC)),
                    addresses(mime.getRecipients(jakarta.mail.Message.RecipientType.BCC)), orEmpty(mime.getSubject()),
                    bodies.text, bodies.html);
        } catch (MessagingException | IOException e) {
            throw SideDoorError.badRequest("InvalidParameterValue",
                    "The raw message is not a valid MIME message: " + e.getMessage());
        }
    }

    private static Optional<String> first(Address[] addresses) {
        List<String> all = addresses(addresses);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    /** The addresses as {@code Name <a@example.com>} (display names decoded) or {@code a@example.com}. */
    private static List<String> addresses(Address[] addresses) {
        List<String> result = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                result.add(address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString());
            }
        }
        return result;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The first inline text/plain and text/html parts, depth first. */
    private static final class Bodies {
        String text = "";
        String html = "";

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            } else if (part.isMimeType("text/plain") && text.isEmpty()) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html.isEmpty()) {
                html = String.valueOf(part.getContent());
            }
        }
    }
}

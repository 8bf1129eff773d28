package dev.tobira.server.delivery;

import dev.tobira.core.message.Message;
import dev.tobira.server.config.Settings.SmtpSecurity;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Email by SMTP (Angus Mail), one connection per message. Subject and body are UTF-8; a message with
 * html is {@code multipart/alternative} (text, then HTML), one without is a single {@code text/plain}
 * part. Angus Mail's debug output, which would show the body, stays off.
 */
public final class SmtpTransport implements Transport {

    /**
     * Where and how to connect.
     *
     * @param from the From address, {@code a@example.com} or {@code Name <a@example.com>}
     * @param connectTimeout how long to wait for the TCP connection
     * @param readTimeout how long to wait for each read from, and each write to, the server
     */
    public record Options(String host, int port, SmtpSecurity security, Optional<String> username,
            Optional<String> password, String from, Duration connectTimeout, Duration readTimeout) {

        public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
        public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

        public Options {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(security, "security");
            Objects.requireNonNull(from, "from");
        }

        /** Without authentication, with the default timeouts. */
        public Options(String host, int port, SmtpSecurity security, String from) {
            this(host, port, security, Optional.empty(), Optional.empty(), from, DEFAULT_CONNECT_TIMEOUT,
                    DEFAULT_READ_TIMEOUT);
        }

        @Override
        public String toString() {
            return "Options[" + host + ":" + port + ", " + security + ", username=" + username.orElse("-")
                    + ", from=" + from + "]";
        }
    }

    private final Options options;
    private final InternetAddress from;
    private final Session session;

    /**
     * @throws IllegalArgumentException when the From address is not an email address
     */
    public SmtpTransport(Options options) {
        this.options = options;
        this.from = fromAddress(options.from());
        this.session = Session.getInstance(properties(options));
    }

    private String protocol() {
        return options.security() == SmtpSecurity.TLS ? "smtps" : "smtp";
    }

    /** The Angus Mail session properties for {@code options}: timeouts, and TLS with the host name checked. */
    static Properties properties(Options options) {
        String protocol = options.security() == SmtpSecurity.TLS ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", protocol);
        p.setProperty(prefix + "host", options.host());
        p.setProperty(prefix + "port", String.valueOf(options.port()));
        p.setProperty(prefix + "connectiontimeout", String.valueOf(options.connectTimeout().toMillis()));
        p.setProperty(prefix + "timeout", String.valueOf(options.readTimeout().toMillis()));
        p.setProperty(prefix + "writetimeout", String.valueOf(options.readTimeout().toMillis()));
        p.setProperty(prefix + "auth", String.valueOf(options.username().isPresent()));
        switch (options.security()) {
            case STARTTLS -> {
                p.setProperty(prefix + "starttls.enable", "true");
                // Never fall back to sending credentials and codes in clear text.
                p.setProperty(prefix + "starttls.required", "true");
                p.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case TLS -> {
                p.setProperty(prefix + "ssl.enable", "true");
                p.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case NONE -> { }
        }
        // Non-ASCII text is encoded (quoted-printable or base64), so 7-bit servers pass it intact.
        p.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
        return p;
    }

    private static InternetAddress fromAddress(String from) {
        try {
            InternetAddress parsed = new InternetAddress(from, true);
            // Re-made so that a non-ASCII display name is encoded as UTF-8 (RFC 2047).
            return parsed.getPersonal() == null ? parsed
                    : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("The mail From address is not an email address: " + from, e);
        }
    }

    @Override
    public void deliver(Message message) throws MessagingException {
        MimeMessage mime = mime(message);
        try (jakarta.mail.Transport transport = session.getTransport(protocol())) {
            transport.connect(options.host(), options.port(), options.username().orElse(null),
                    options.password().orElse(null));
            transport.sendMessage(mime, mime.getAllRecipients());
        }
    }

    /** The MIME message for {@code message}, ready to send. */
    MimeMessage mime(Message message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        // A message sent through the SES side door goes out from the sender its application named.
        mime.setFrom(message.from().isEmpty() ? from : fromAddress(message.from()));
        mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(message.to(), true));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(Date.from(message.createdAt()));
        if (message.html().isEmpty()) {
            mime.setText(message.body(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.body(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
            // Plainest first: clients show the last part they can render (RFC 2046 §5.1.4).
            mime.setContent(new MimeMultipart("alternative", text, html));
        }
        mime.saveChanges();
        return mime;
    }

    @Override
    public String toString() {
        return "SMTP " + options.host() + ":" + options.port() + " (" + options.security().name().toLowerCase(
                java.util.Locale.ROOT) + ")";
    }
}

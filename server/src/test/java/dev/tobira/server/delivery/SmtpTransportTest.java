package dev.tobira.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tobira.core.message.Message;
import dev.tobira.core.message.Message.Channel;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings.SmtpSecurity;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SmtpTransport against a real SMTP server (GreenMail). */
class SmtpTransportTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer", "mailer-secret"));

    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05Z");
    private static final String FROM = "Tobira 扉 <no-reply@tobira.test>";

    private static SmtpTransport.Options options() {
        return new SmtpTransport.Options("127.0.0.1", greenMail.getSmtp().getPort(), SmtpSecurity.NONE, FROM);
    }

    @Test
    void deliverWhenHtmlGivenThenMultipartAlternativeWithUtf8TextAndHtmlFromTheConfiguredAddress() throws Exception {
        String subject = "確認コード — Tobira";
        String body = "あなたの確認コードは 482913 です。\n有効期限は3分です。";
        String html = "<p>あなたの確認コードは <b>482913</b> です。</p>";
        new SmtpTransport(options()).deliver(new Message(Channel.EMAIL, "hanako@example.com", subject, body, html, T0));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo(subject);
        // The header itself is 7-bit: RFC 2047 encoded UTF-8, which any relay passes unchanged.
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@tobira.test");
        assertThat(from.getPersonal()).isEqualTo("Tobira 扉");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("hanako@example.com");
        assertThat(mail.getSentDate().toInstant()).isEqualTo(T0);
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(normalized(parts.getBodyPart(0).getContent())).isEqualTo(body);
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat(normalized(parts.getBodyPart(1).getContent())).isEqualTo(html);
    }

    @Test
    void deliverWhenNoHtmlThenOneUtf8TextPart() throws Exception {
        new SmtpTransport(options()).deliver(new Message(Channel.EMAIL, "taro@example.com", "Your code",
                "コード: 123456", T0));

        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(normalized(mail.getContent())).isEqualTo("コード: 123456");
    }

    @Test
    void deliverWhenCredentialsConfiguredThenAuthenticatesAndWrongOnesAreRefused() throws Exception {
        SmtpTransport.Options base = options();
        Message message = new Message(Channel.EMAIL, "jiro@example.com", "Hello", "Hello", T0);
        new SmtpTransport(new SmtpTransport.Options(base.host(), base.port(), SmtpSecurity.NONE, Optional.of("mailer"),
                Optional.of("mailer-secret"), FROM, base.connectTimeout(), base.readTimeout())).deliver(message);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);

        SmtpTransport wrong = new SmtpTransport(new SmtpTransport.Options(base.host(), base.port(), SmtpSecurity.NONE,
                Optional.of("mailer"), Optional.of("wrong"), FROM, base.connectTimeout(), base.readTimeout()));
        assertThatThrownBy(() -> wrong.deliver(message)).isInstanceOf(AuthenticationFailedException.class);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void deliverWhenNothingListensThenThrows() {
        SmtpTransport down = new SmtpTransport(new SmtpTransport.Options("127.0.0.1", RunningTobira.freePort(),
                SmtpSecurity.NONE, FROM));
        assertThatThrownBy(() -> down.deliver(new Message(Channel.EMAIL, "a@example.com", "s", "b", T0)))
                .isInstanceOf(MessagingException.class);
    }

    @Test
    void propertiesWhenStarttlsThenTlsIsRequiredAndTheServerNameChecked() {
        Properties p = SmtpTransport.properties(new SmtpTransport.Options("smtp.example.com", 587,
                SmtpSecurity.STARTTLS, Optional.of("u"), Optional.of("p"), FROM, Duration.ofSeconds(7),
                Duration.ofSeconds(11)));
        assertThat(p).containsEntry("mail.transport.protocol", "smtp")
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.connectiontimeout", "7000")
                .containsEntry("mail.smtp.timeout", "11000")
                .containsEntry("mail.smtp.writetimeout", "11000");
    }

    @Test
    void propertiesWhenTlsThenSmtpsWithTheServerNameChecked() {
        Properties p = SmtpTransport.properties(new SmtpTransport.Options("smtp.example.com", 465, SmtpSecurity.TLS,
                FROM));
        assertThat(p).containsEntry("mail.transport.protocol", "smtps")
                .containsEntry("mail.smtps.ssl.enable", "true")
                .containsEntry("mail.smtps.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtps.auth", "false")
                .doesNotContainKey("mail.smtp.starttls.enable");
    }

    @Test
    void propertiesWhenNoneThenNoTls() {
        Properties p = SmtpTransport.properties(new SmtpTransport.Options("localhost", 1025, SmtpSecurity.NONE, FROM));
        assertThat(p.stringPropertyNames()).noneMatch(name -> name.contains("ssl") || name.contains("starttls"));
    }

    @Test
    void constructorWhenFromIsNotAnEmailAddressThenRefused() {
        assertThatThrownBy(() -> new SmtpTransport(new SmtpTransport.Options("localhost", 25, SmtpSecurity.NONE,
                "not an address")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("From address");
    }

    /** Text parts as read back: line ends are CRLF on the wire. */
    private static String normalized(Object content) {
        return content.toString().replace("\r\n", "\n");
    }
}

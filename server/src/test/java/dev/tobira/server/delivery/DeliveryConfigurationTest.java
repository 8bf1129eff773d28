package dev.tobira.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.message.Message.Channel;
import dev.tobira.server.config.Settings;
import dev.tobira.server.config.Settings.SmtpSecurity;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/** Which transport serves which channel, by settings and mode. */
class DeliveryConfigurationTest {

    private static final Settings.Delivery SMTP = Settings.Delivery.smtp("smtp.example.com", 587,
            SmtpSecurity.STARTTLS, "no-reply@example.com");
    private static final Settings.Delivery SES_AND_SNS = new Settings.Delivery(Optional.empty(), 587,
            SmtpSecurity.STARTTLS, Optional.empty(), Optional.empty(), Optional.of("no-reply@example.com"),
            Optional.of("us-east-1"), Optional.empty(), Optional.of("us-east-1"), Optional.empty());
    private static final Settings.Delivery ALL = new Settings.Delivery(Optional.of("smtp.example.com"), 587,
            SmtpSecurity.STARTTLS, Optional.empty(), Optional.empty(), Optional.of("no-reply@example.com"),
            Optional.of("us-east-1"), Optional.empty(), Optional.of("us-east-1"), Optional.empty());

    private static RoutingTransport transports(Settings.Delivery delivery, boolean dev) {
        return DeliveryConfiguration.transports(delivery, dev, null, AnonymousCredentialsProvider.create());
    }

    @Test
    void transportsWhenProductionHasNothingConfiguredThenNoChannelIsServed() {
        try (RoutingTransport transport = transports(Settings.Delivery.none(), false)) {
            assertThat(transport.channels()).isEmpty();
            assertThat(transport).hasToString("email: none, refused; SMS: none, refused");
        }
    }

    @Test
    void transportsWhenSmtpAndSesAreBothSetThenEmailGoesBySmtp() {
        try (RoutingTransport transport = transports(ALL, false)) {
            assertThat(transport.channels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
            assertThat(transport).hasToString(
                    "email by SMTP smtp.example.com:587 (starttls); SMS by Amazon SNS (us-east-1)");
        }
    }

    @Test
    void transportsWhenOnlySesAndSnsAreSetThenEmailGoesBySes() {
        try (RoutingTransport transport = transports(SES_AND_SNS, false)) {
            assertThat(transport).hasToString("email by Amazon SES (us-east-1); SMS by Amazon SNS (us-east-1)");
        }
    }

    @Test
    void transportsWhenDevModeThenEveryChannelAlsoGoesToTheDevOutbox() {
        try (RoutingTransport none = transports(Settings.Delivery.none(), true);
                RoutingTransport smtp = transports(SMTP, true)) {
            assertThat(none.channels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
            assertThat(none).hasToString("email by the dev outbox; SMS by the dev outbox");
            assertThat(smtp).hasToString(
                    "email by SMTP smtp.example.com:587 (starttls) and the dev outbox; SMS by the dev outbox");
        }
    }
}

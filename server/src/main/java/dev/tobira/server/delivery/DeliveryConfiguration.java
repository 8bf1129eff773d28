package dev.tobira.server.delivery;

import dev.tobira.core.message.Message.Channel;
import dev.tobira.core.message.MessageSender;
import dev.tobira.server.config.Settings;
import dev.tobira.server.store.JdbcDevOutbox;
import dev.tobira.server.store.JdbcStores;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Wires message delivery according to {@link Settings.Delivery}: the flows' {@link MessageSender} is a
 * {@link JdbcOutbox}, and an {@link OutboxWorker} delivers its rows through a {@link RoutingTransport}.
 *
 * <ul>
 *   <li>Email: SMTP when {@code TOBIRA_SMTP_HOST} is set; otherwise Amazon SES when
 *       {@code TOBIRA_SES_REGION} is set.
 *   <li>SMS: Amazon SNS when {@code TOBIRA_SNS_REGION} is set.
 *   <li>Dev mode: every message goes to the dev outbox and the console, after going out by the
 *       channel's configured transport if there is one (so with SMTP set to Mailpit or MailHog, email
 *       arrives there and in the dev outbox). The dev path is the production path: outbox, worker,
 *       transport.
 *   <li>Production, a channel with no transport: {@link JdbcOutbox} refuses its messages up front
 *       ({@code CodeDeliveryFailureException}), so nothing is enqueued that could never be delivered.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    private static final Logger log = LoggerFactory.getLogger("tobira");

    @Bean(destroyMethod = "close")
    RoutingTransport transport(Settings settings, JdbcStores stores) {
        RoutingTransport transport = transports(settings.delivery(), settings.dev(), stores.outbox(),
                DefaultCredentialsProvider.builder().build());
        log.info("Message delivery: {}", transport);
        return transport;
    }

    /** The transport of each channel that has one, as documented on this class. */
    static RoutingTransport transports(Settings.Delivery delivery, boolean dev, JdbcDevOutbox devOutbox,
            AwsCredentialsProvider credentials) {
        Map<Channel, Transport> byChannel = new EnumMap<>(Channel.class);
        if (delivery.usesSmtp()) {
            byChannel.put(Channel.EMAIL, new SmtpTransport(new SmtpTransport.Options(delivery.smtpHost().orElseThrow(),
                    delivery.smtpPort(), delivery.smtpSecurity(), delivery.smtpUsername(), delivery.smtpPassword(),
                    delivery.mailFrom().orElseThrow(() -> missing("TOBIRA_MAIL_FROM")),
                    SmtpTransport.Options.DEFAULT_CONNECT_TIMEOUT, SmtpTransport.Options.DEFAULT_READ_TIMEOUT)));
        } else if (delivery.usesSes()) {
            byChannel.put(Channel.EMAIL, new SesTransport(delivery.mailFrom().orElseThrow(() -> missing("TOBIRA_MAIL_FROM")),
                    delivery.sesRegion().orElseThrow(), delivery.sesEndpoint().map(URI::create), credentials));
        }
        if (delivery.usesSns()) {
            byChannel.put(Channel.SMS, new SmsTransport(delivery.snsRegion().orElseThrow(),
                    delivery.snsEndpoint().map(URI::create), credentials));
        }
        if (dev) {
            Transport devTransport = new DevOutboxTransport(devOutbox);
            for (Channel channel : Channel.values()) {
                Optional<Transport> configured = Optional.ofNullable(byChannel.get(channel));
                byChannel.put(channel, configured.<Transport>map(t -> new TeeTransport(t, devTransport))
                        .orElse(devTransport));
            }
        }
        return new RoutingTransport(byChannel);
    }

    private static IllegalStateException missing(String setting) {
        return new IllegalStateException(setting + " must be set to send email");
    }

    @Bean
    OutboxWorker outboxWorker(DataSource dataSource, JdbcStores migrated, RoutingTransport transport,
            MeterRegistry metrics) {
        return new OutboxWorker(dataSource, transport, Clock.systemUTC(), metrics);
    }

    @Bean
    MessageSender messageSender(DataSource dataSource, JdbcStores migrated, RoutingTransport transport,
            OutboxWorker worker) {
        return new JdbcOutbox(dataSource, transport.channels(), Clock.systemUTC(), worker::nudge);
    }
}

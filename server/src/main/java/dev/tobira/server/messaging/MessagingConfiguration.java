package dev.tobira.server.messaging;

import dev.tobira.core.message.MessageSender;
import dev.tobira.server.auth.SigV4Verifier;
import dev.tobira.server.config.Settings;
import dev.tobira.server.store.JdbcStores;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the SES and SNS side doors: on or off by {@link Settings#awsMessaging()}, checked by the API's
 * own {@link SigV4Verifier} (the admin credentials in production), into the same outbox as Tobira's
 * own messages.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    SideDoorAuth sideDoorAuth(Settings settings, SigV4Verifier verifier) {
        return new SideDoorAuth(settings.awsMessaging(), verifier);
    }

    @Bean
    SideDoorOutbox sideDoorOutbox(MessageSender messageSender, JdbcStores stores) {
        return new SideDoorOutbox(messageSender, stores.transactions());
    }

    @Bean
    SesOutbox sesOutbox(SideDoorOutbox outbox, Clock clock) {
        return new SesOutbox(outbox, clock);
    }

    @Bean
    QueryEndpoint queryEndpoint(SideDoorAuth auth, SesOutbox ses, SideDoorOutbox outbox, Clock clock, Settings settings) {
        return new QueryEndpoint(auth, ses, outbox, clock, settings.maxBodyBytes());
    }
}

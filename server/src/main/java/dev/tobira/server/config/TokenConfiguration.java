package dev.tobira.server.config;

import dev.tobira.core.token.CachingSigningKeys;
import dev.tobira.core.token.SigningKeys;
import dev.tobira.core.token.TokenIssuer;
import dev.tobira.server.store.JdbcSigningKeys;
import dev.tobira.server.store.JdbcStores;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires token issuing: the pools' signing keys in the database ({@link JdbcSigningKeys}, private keys
 * included) and the {@link TokenIssuer} whose {@code iss} starts with {@link Settings#issuerUrl()}.
 *
 * <p>These beans depend only on the database and {@link Settings}, not on the operations'
 * {@code Services}, so that {@code Services} may depend on the {@code TokenIssuer} without a cycle.
 */
@Configuration(proxyBeanMethods = false)
public class TokenConfiguration {

    /**
     * @param migrated unused: asking for it makes Spring migrate the schema (which {@link JdbcStores#create}
     *     does) before the keys are used
     */
    @Bean
    SigningKeys signingKeys(DataSource dataSource, JdbcStores migrated, Clock clock) {
        // Two key reads per sign-in otherwise; another node's rotation is seen within a second (see the class).
        return new CachingSigningKeys(new JdbcSigningKeys(dataSource, clock, new SecureRandom()), Duration.ofSeconds(1),
                System::nanoTime);
    }

    @Bean
    TokenIssuer tokenIssuer(SigningKeys signingKeys, Settings settings, Clock clock) {
        return new TokenIssuer(signingKeys, clock, settings.issuerUrl(), new SecureRandom());
    }
}

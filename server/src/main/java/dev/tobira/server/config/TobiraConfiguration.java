package dev.tobira.server.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.core.Operations;
import dev.tobira.core.Services;
import dev.tobira.core.trigger.TriggerInvoker;
import dev.tobira.core.code.CodeHasher;
import dev.tobira.core.token.SigningKeys;
import dev.tobira.core.token.TokenIssuer;
import dev.tobira.core.message.MessageSender;
import dev.tobira.server.api.ApiFilter;
import dev.tobira.server.api.CorsFilter;
import dev.tobira.server.api.Dispatcher;
import dev.tobira.server.api.WireJson;
import dev.tobira.server.api.model.ServiceModel;
import dev.tobira.server.auth.SigV4Verifier;
import dev.tobira.server.messaging.QueryEndpoint;
import dev.tobira.server.metrics.ApiMetrics;
import dev.tobira.server.metrics.OutboxMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import dev.tobira.server.ratelimit.ApiRateLimiter;
import dev.tobira.server.ratelimit.RateLimiter;
import dev.tobira.server.store.JdbcStores;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires core to its adapters according to {@link Settings}. Which store or sender is used is decided
 * here, once, by configuration — never inside the flows.
 */
@Configuration(proxyBeanMethods = false)
public class TobiraConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        settings.dbUser().ifPresent(config::setUsername);
        settings.dbPassword().ifPresent(config::setPassword);
        config.setPoolName("tobira");
        if (settings.jdbcUrl().startsWith("jdbc:postgresql:")) {
            // The driver otherwise copies bound values (attribute values, hashes) into exception messages and logs.
            config.addDataSourceProperty("logServerErrorDetail", "false");
        }
        config.setMaximumPoolSize(16);
        return new HikariDataSource(config);
    }

    @Bean
    JdbcStores stores(DataSource dataSource) {
        return JdbcStores.create(dataSource);
    }

    @Bean
    Services services(Settings settings, JdbcStores stores, MessageSender messages, TokenIssuer tokenIssuer,
            SigningKeys signingKeys, TriggerInvoker triggers, Clock clock) {
        CodeHasher codeHasher = new CodeHasher(stores.secrets().getOrCreate("code-hmac-key", 32));
        return new Services(stores.pools(), stores.clients(), stores.users(), stores.codes(), stores.sessions(),
                stores.lockouts(), stores.tokens(), tokenIssuer, signingKeys, messages, stores.transactions(), codeHasher, settings.limits(), clock, new SecureRandom(),
                settings.region(), settings.accountId(), triggers, stores.groups(), stores.resourceServers(), stores.domains(),
                stores.webAuthn(), stores.authorizationCodes());
    }

    @Bean
    OutboxMetrics outboxMetrics(DataSource dataSource, JdbcStores migrated) {
        return new OutboxMetrics(dataSource, Clock.systemUTC());
    }

    @Bean
    SigV4Verifier sigV4Verifier(Settings settings) {
        if (settings.dev()) {
            return SigV4Verifier.permissive();
        }
        return SigV4Verifier.strict(
                Map.of(settings.adminAccessKeyId().orElseThrow(), settings.adminSecretAccessKey().orElseThrow()),
                Clock.systemUTC());
    }

    @Bean
    ApiRateLimiter apiRateLimiter(Settings settings, DataSource dataSource, JdbcStores stores, Clock clock) {
        return new ApiRateLimiter(new RateLimiter(dataSource, clock), settings.apiRateLimits(), stores.clients(), clock);
    }

    @Bean
    Dispatcher dispatcher(Services services, SigV4Verifier verifier, ApiRateLimiter rateLimiter, Settings settings,
            JdbcStores stores, MeterRegistry metrics) {
        // The wire mapper is the API's own, not a bean: Spring MVC's JSON (outbox, actuator) stays plain.
        return new Dispatcher(ServiceModel.load(), Operations.all(services), verifier, rateLimiter, WireJson.mapper(),
                settings.maxBodyBytes(), ApiMetrics.of(metrics, stores.pools(), stores.clients(), WireJson.mapper()));
    }

    @Bean
    ApiFilter.ApiSettings apiSettings(Settings settings) {
        return new ApiFilter.ApiSettings(settings.maxBodyBytes());
    }

    @Bean
    FilterRegistrationBean<ApiFilter> apiFilter(Dispatcher dispatcher, QueryEndpoint queryEndpoint,
            ApiFilter.ApiSettings settings) {
        FilterRegistrationBean<ApiFilter> registration =
                new FilterRegistrationBean<>(new ApiFilter(dispatcher, queryEndpoint, settings));
        // First after CORS: before any filter can make the container parse a form and consume the body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter() {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}

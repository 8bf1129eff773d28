package dev.tobira.server;

import dev.tobira.core.srp.FixedBasePower;
import dev.tobira.server.config.CryptoProviders;
import dev.tobira.server.config.Settings;
import dev.tobira.server.web.WebSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;

/** The Tobira server: the Cognito Identity Provider API, and more, on one port. */
@SpringBootApplication
public class TobiraApplication {

    public static void main(String[] args) {
        int code = TobiraCommand.run(TobiraApplication::start, args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Starts the server with {@code settings}; the returned context stops it. */
    public static ConfigurableApplicationContext start(Settings settings) {
        return start(settings, systemClock());
    }

    /**
     * Starts the server with {@code settings}, telling time for sign-up, sign-in, codes and tokens by
     * {@code clock} (tests move it to see codes and sessions expire); the returned context stops it.
     */
    public static ConfigurableApplicationContext start(Settings settings, Clock clock) {
        // Before Spring makes any key, SecureRandom or Signature: they bind to the providers installed then.
        CryptoProviders.Installed crypto = CryptoProviders.install(settings.cryptoProvider());
        SpringApplication app = new SpringApplication(TobiraApplication.class);
        app.setDefaultProperties(Map.of(
                "server.port", String.valueOf(settings.port()),
                "server.address", settings.host(),
                "spring.main.banner-mode", "off",
                // Tomcat's RemoteIpValve, trusting X-Forwarded-For only from private and loopback addresses,
                // as `tobira web --behind-proxy` does; "none" also where Spring would guess (Kubernetes).
                "server.forward-headers-strategy", settings.behindProxy() ? "native" : "none"));
        app.addListeners(new ObservabilityProperties(observability(settings.observability())));
        // Logged once logging is set up (after the environment), so it has the configured format.
        app.addListeners((ApplicationListener<ApplicationPreparedEvent>) prepared -> {
            LoggerFactory.getLogger("tobira").info(crypto.describe());
            LoggerFactory.getLogger("tobira").info(FixedBasePower.jdkProduct()
                    ? "SRP's fixed-base powers use the JDK's Montgomery product"
                    : "SRP's fixed-base powers use plain Java; --add-opens=java.base/java.math=ALL-UNNAMED makes them"
                            + " four times faster");
        });
        app.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("tobiraSettings", settings);
            context.getBeanFactory().registerSingleton("tobiraClock", clock);
            if (settings.dev()) {
                // Dev mode serves the web sign-in app at / on the dev pool (production runs it as `tobira web`).
                context.getBeanFactory().registerSingleton("webSettings", WebSettings.devServer(settings));
            }
        });
        return app.run();
    }

    /**
     * Spring properties for {@code observability}: the actuator endpoints served (health always, with
     * liveness and readiness groups, readiness including the database; Prometheus when set) and the
     * console log format.
     */
    static Map<String, Object> observability(Settings.Observability observability) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("management.endpoints.web.exposure.include",
                observability.prometheus() ? "health,prometheus" : "health");
        properties.put("management.endpoint.health.probes.enabled", "true");
        // A node whose database is unreachable cannot answer any call: take it out of the load balancer.
        properties.put("management.endpoint.health.group.readiness.include", "readinessState,db");
        // Which checks readiness ran (names and states only, no details), so an operator sees which failed.
        properties.put("management.endpoint.health.group.readiness.show-components", "always");
        properties.put("management.prometheus.metrics.export.enabled", String.valueOf(observability.prometheus()));
        switch (observability.logFormat()) {
            case TEXT -> { }
            case ECS -> properties.put("logging.structured.format.console", "ecs");
            case LOGSTASH -> properties.put("logging.structured.format.console", "logstash");
        }
        return properties;
    }

    /**
     * Puts properties first among the property sources (they win over application.properties) once the
     * environment is prepared and before the logging system reads it, so the log format applies from the
     * first line.
     */
    private record ObservabilityProperties(Map<String, Object> properties)
            implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            event.getEnvironment().getPropertySources().addFirst(new MapPropertySource("tobiraObservability", properties));
        }

        /** After application.properties is loaded, before logging starts (LoggingApplicationListener's order). */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 15;
        }
    }

    /** The system's clock in millisecond ticks: what the stores keep exactly, so a value read back equals the one written. */
    public static Clock systemClock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}

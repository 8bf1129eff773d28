package dev.tobira.server;

import dev.tobira.server.config.Settings;
import dev.tobira.server.web.WebSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

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
        SpringApplication app = new SpringApplication(TobiraApplication.class);
        app.setDefaultProperties(Map.of(
                "server.port", String.valueOf(settings.port()),
                "server.address", settings.host(),
                "spring.main.banner-mode", "off",
                // Tomcat's RemoteIpValve, trusting X-Forwarded-For only from private and loopback addresses,
                // as `tobira web --behind-proxy` does; "none" also where Spring would guess (Kubernetes).
                "server.forward-headers-strategy", settings.behindProxy() ? "native" : "none"));
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

    /** The system's clock in millisecond ticks: what the stores keep exactly, so a value read back equals the one written. */
    public static Clock systemClock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}

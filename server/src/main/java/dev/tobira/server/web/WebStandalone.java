package dev.tobira.server.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tobira.server.store.JdbcStores;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * The web sign-in app on its own ({@code tobira web}): no Cognito API, no user store, just the pages,
 * talking to whatever endpoint {@link WebSettings} names — another Tobira, or real Cognito — and
 * keeping its sessions and rate-limit counts in its own database (an H2 file by default; PostgreSQL
 * to share them between nodes).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Profile(WebStandalone.PROFILE)
@Import({WebConfiguration.class, WebSecurityConfiguration.class, WebController.class})
public class WebStandalone {

    /**
     * Only the standalone app activates this; the Tobira server, which scans this package, skips
     * this class and so never runs a second application inside itself.
     */
    static final String PROFILE = "tobira-web-standalone";

    /**
     * Where and how the standalone app runs.
     *
     * @param dbUrl a JDBC URL for sessions and rate limits; empty means an H2 file under {@code dataDir}
     * @param inMemory keep sessions in memory only (one node; nothing survives a restart)
     * @param behindProxy take the client address (for rate limits) and scheme from {@code X-Forwarded-*}
     *     headers set by a proxy on a private or loopback address, such as a load balancer
     */
    public record Options(WebSettings web, String host, int port, Optional<String> dbUrl, Optional<String> dbUser,
            Optional<String> dbPassword, Path dataDir, boolean inMemory, boolean behindProxy) {

        /** The JDBC URL to connect to. */
        public String jdbcUrl() {
            if (inMemory) {
                return JdbcStores.h2InMemoryUrl("tobira-web-" + port) + ";DB_CLOSE_DELAY=-1";
            }
            return dbUrl.orElseGet(() -> JdbcStores.h2Url(dataDir));
        }
    }

    /** Starts the standalone web app; the returned context stops it. */
    public static ConfigurableApplicationContext start(Options options) {
        SpringApplication app = new SpringApplication(WebStandalone.class);
        app.setAdditionalProfiles(PROFILE);
        app.setDefaultProperties(Map.of(
                "server.port", String.valueOf(options.port()),
                "server.address", options.host(),
                "spring.main.banner-mode", "off",
                "server.forward-headers-strategy", options.behindProxy() ? "native" : "none"));
        app.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("webOptions", options);
            context.getBeanFactory().registerSingleton("webSettings", options.web());
        });
        return app.run();
    }

    /** Its own database, with Tobira's schema (which includes the session and rate-limit tables). */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(Options options) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(options.jdbcUrl());
        options.dbUser().ifPresent(config::setUsername);
        options.dbPassword().ifPresent(config::setPassword);
        config.setPoolName("tobira-web");
        config.setMaximumPoolSize(8);
        HikariDataSource dataSource = new HikariDataSource(config);
        JdbcStores.migrate(dataSource);
        return dataSource;
    }
}

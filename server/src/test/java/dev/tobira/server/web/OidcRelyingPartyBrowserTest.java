package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.interop.DevOutbox;
import dev.tobira.server.login.ManagedLoginFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The acceptance of the managed login: a Spring Security OAuth2-login app, configured with nothing but
 * Tobira's issuer URI, a client id and its secret, signs a user in through Chromium with each design and
 * sees the ID token's claims.
 */
class OidcRelyingPartyBrowserTest {

    private static final String PASSWORD = ManagedLoginFixture.PASSWORD;

    private static RunningTobira tobira;
    private static ConfigurableApplicationContext relyingParty;
    private static String app;
    private static Browser browser;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
        int port = RunningTobira.freePort();
        app = "http://127.0.0.1:" + port;
        String pool = ManagedLoginFixture.POOL;
        var client = ManagedLoginFixture.domainAndClient(tobira, "rp-test", app + "/login/oauth2/code/tobira", List.of());
        SpringApplication spring = new SpringApplication(RelyingParty.class);
        relyingParty = spring.run(
                // Not Tobira's application.properties, which is on this classpath too.
                "--spring.config.name=relying-party", "--spring.main.banner-mode=off",
                "--server.address=127.0.0.1", "--server.port=" + port, "--spring.flyway.enabled=false",
                "--server.servlet.session.cookie.name=RP_SESSION",
                "--spring.security.oauth2.client.provider.tobira.issuer-uri=" + tobira.endpoint() + "/" + pool,
                "--spring.security.oauth2.client.registration.tobira.client-id=" + client.clientId(),
                "--spring.security.oauth2.client.registration.tobira.client-secret=" + client.clientSecret(),
                "--spring.security.oauth2.client.registration.tobira.scope=openid,email");
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (relyingParty != null) {
            relyingParty.close();
        }
        tobira.close();
    }

    @BeforeEach
    void newVisitor() {
        // Both servers are on 127.0.0.1, whose cookies ignore the port: one deletion forgets both, made
        // from under /rp-test/ to see the managed-login session's cookie too.
        browser.open(tobira.endpoint() + "/rp-test/logout");
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void oauth2LoginWhenPasswordThenEmailedCodeThenTheAppSeesTheIdTokenClaims() {
        String email = confirmedUser("rp-password");
        browser.open(app + "/");
        assertThat(browser.path()).isEqualTo("/rp-test/login");
        browser.type("#email", email);
        browser.type("#password", PASSWORD);
        browser.click("#sign-in");
        assertThat(browser.path()).isEqualTo("/rp-test/login/code");
        browser.type("#code", DevOutbox.latestCode(tobira.endpoint(), email, 6));
        browser.click("#verify");
        // Spring Security returns to the page first asked for (with its "?continue" marker).
        assertThat(browser.driver().getCurrentUrl()).startsWith(app + "/");
        assertThat(browser.source()).contains("email=" + email, "email_verified=true", "iss=" + tobira.endpoint());
    }

    @Test
    void oauth2LoginWhenPasswordlessEmailCodeThenTheAppSeesTheIdTokenClaims() {
        String email = confirmedUser("rp-otp");
        browser.open(app + "/");
        assertThat(browser.path()).isEqualTo("/rp-test/login");
        browser.type("#code-email", email);
        browser.click("#send-code");
        browser.type("#code", DevOutbox.latestCode(tobira.endpoint(), email, 8));
        browser.click("#verify");
        // Spring Security returns to the page first asked for (with its "?continue" marker).
        assertThat(browser.driver().getCurrentUrl()).startsWith(app + "/");
        assertThat(browser.source()).contains("email=" + email);
    }

    private static String confirmedUser(String name) {
        return ManagedLoginFixture.confirmedUser(tobira, name);
    }

    /** The relying party: every page needs a sign-in with Tobira; {@code /} shows the ID token's claims. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(RelyingParty.Claims.class)
    static class RelyingParty {

        @Bean
        SecurityFilterChain relyingPartySecurity(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .oauth2Login(login -> { }).build();
        }

        @RestController
        static class Claims {
            @GetMapping(path = "/", produces = "text/plain")
            String claims(@AuthenticationPrincipal OidcUser user) {
                StringBuilder text = new StringBuilder();
                user.getIdToken().getClaims().forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
                return text.toString();
            }
        }
    }
}

package dev.tobira.server.login;

import dev.tobira.server.config.Settings;
import dev.tobira.server.ratelimit.RateLimiter;
import dev.tobira.server.store.JdbcStores;
import dev.tobira.server.web.CognitoGateway;
import dev.tobira.server.web.WebConfiguration;
import dev.tobira.server.web.WebSettings;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The managed login's parts, in the Tobira server (dev and production; not in the standalone web app).
 */
@Configuration(proxyBeanMethods = false)
public class ManagedLoginConfiguration implements WebMvcConfigurer {

    /** The managed login's pages, under any prefix domain. */
    static final String[] PAGES = {"/*/login", "/*/login/**", "/*/signup", "/*/signup/**", "/*/confirmUser",
        "/*/confirmUser/**", "/*/forgotPassword", "/*/confirmForgotPassword", "/*/logout"};

    /**
     * What the pages may load. No {@code form-action}: after the last form the browser is redirected to
     * the client's callback, which a {@code form-action 'self'} would block.
     */
    static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /** What the controller uses, made once. */
    record Parts(CognitoGateway cognito, ManagedLoginSessions sessions, RateLimiter limiter, Clock clock)
            implements AutoCloseable {

        @Override
        public void close() {
            cognito.close();
        }
    }

    @Bean(destroyMethod = "close")
    Parts managedLoginParts(Settings settings, JdbcStores stores, DataSource dataSource, Clock clock) {
        // The pool and client of each call are the request's (CognitoGateway#forApp); this one names none.
        CognitoGateway cognito = new CognitoGateway(new CognitoGateway.App("none_none", "", Optional.empty(),
                CognitoGateway.PasswordFlow.USER_SRP_AUTH), settings.region(), Optional.of(WebSettings.ownPort(settings)),
                clock, WebConfiguration::visitorAddress);
        return new Parts(cognito, new ManagedLoginSessions(stores.secrets().getOrCreate("managed-login-session", 32),
                secureCookies(settings), clock), new RateLimiter(dataSource, clock), clock);
    }

    /** Cookies are {@code Secure} except for a server whose public URL is plain http on loopback (dev). */
    static boolean secureCookies(Settings settings) {
        URI issuer = URI.create(settings.issuerUrl());
        String host = issuer.getHost() == null ? "" : issuer.getHost();
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
        return !("http".equals(issuer.getScheme()) && loopback);
    }

    /** English or Japanese, as in the web app; present when the web app (which has its own) is not served. */
    @Bean
    @ConditionalOnMissingBean(WebSettings.class)
    LocaleResolver localeResolver(Settings settings) {
        return WebConfiguration.languages(secureCookies(settings));
    }

    /** Cognito's {@code lang} parameter chooses the pages' language. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns(PAGES);
    }

    /** CSRF tokens on every form, security headers, no caching, as for the web app's pages. */
    @Bean
    SecurityFilterChain managedLoginPages(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> matchers = java.util.Arrays.stream(PAGES).map(p -> (RequestMatcher) path.matcher(p)).toList();
        http.securityMatcher(new OrRequestMatcher(matchers))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(errors -> errors.accessDeniedHandler(
                        (request, response, denied) -> response.sendError(HttpServletResponse.SC_FORBIDDEN)));
        return http.build();
    }
}

package dev.tobira.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security for the web app's pages only: CSRF tokens on every form, security headers (CSP,
 * no framing), no caching of pages. Everything else the process serves — the Cognito API
 * ({@code POST /} with {@code X-Amz-Target}), {@code /.well-known}, the dev outbox, actuator — matches
 * no chain and is untouched: no CSRF, no redirects, no session. Always present, so that Spring
 * Boot's default chain (which would lock the API behind a password) never is.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class WebSecurityConfiguration {

    /** What the pages may load: only their own stylesheet and script; no one may frame them. */
    static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    SecurityFilterChain webPages(HttpSecurity http) throws Exception {
        http.securityMatcher(pages())
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> {
                    // Most often a form left open past its session: say so on the sign-in page.
                    if (denied instanceof CsrfException && "POST".equals(request.getMethod())) {
                        response.sendRedirect(request.getContextPath() + "/?stale");
                    } else {
                        response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    }
                }));
        return http.build();
    }

    /** {@code GET /} (not {@code POST /}, the API), the pages under their paths, and the static files. */
    static RequestMatcher pages() {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> matchers = new ArrayList<>();
        matchers.add(path.matcher(HttpMethod.GET, "/"));
        matchers.add(path.matcher(HttpMethod.HEAD, "/"));
        for (String page : WebConfiguration.PAGES) {
            if (!page.equals("/")) {
                matchers.add(path.matcher(page));
            }
        }
        matchers.add(path.matcher("/web/**"));
        return new OrRequestMatcher(matchers);
    }
}

package dev.tobira.server.web;

import dev.tobira.server.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The web sign-in app's parts, present when there is a {@link WebSettings}: in dev mode inside the
 * Tobira server, and in the standalone web app ({@link WebStandalone}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(WebSettings.class)
public class WebConfiguration implements WebMvcConfigurer {

    /** The languages the pages come in; the first is the default. */
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.JAPANESE);

    /** The paths of the pages, where the language can be switched with {@code ?lang=}. */
    static final String[] PAGES = {"/", "/sign-in/**", "/sign-up/**", "/confirm/**", "/code/**", "/dashboard/**",
        "/sign-out", "/passkey/**"};

    /**
     * The time the pages tell: the process's clock where it has one (the Tobira server inside which dev
     * mode serves the app, so that the pages and the pool agree when a code has expired), else the
     * system's.
     */
    @Bean
    WebClock webClock(ObjectProvider<Clock> clock) {
        return new WebClock(clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean(destroyMethod = "close")
    CognitoGateway cognitoGateway(WebSettings settings, WebClock clock) {
        return new CognitoGateway(settings, clock.clock(), WebConfiguration::visitorAddress);
    }

    /**
     * The address of the visitor whose request this thread serves, as the container resolved it (the
     * connection's peer, or with {@code --behind-proxy} the address a proxy forwarded); empty outside a request.
     */
    public static Optional<String> visitorAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? Optional.ofNullable(request.getRequest().getRemoteAddr()) : Optional.empty();
    }

    @Bean
    RateLimiter webRateLimiter(DataSource dataSource, WebClock clock) {
        return new RateLimiter(dataSource, clock.clock());
    }

    /** The web app's clock, wrapped so that it never stands in for the server's own {@link Clock} bean. */
    record WebClock(Clock clock) {}

    /**
     * The session cookie: {@code HttpOnly}, {@code SameSite=Lax} (the app's own forms post from its
     * own pages; another site's cannot carry the cookie), {@code Secure} unless dev over plain http.
     */
    @Bean
    CookieSerializer cookieSerializer(WebSettings settings) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName("TOBIRA_WEB_SESSION");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setUseSecureCookie(settings.secureCookies());
        serializer.setCookiePath("/");
        return serializer;
    }

    /** English or Japanese: a {@code tobira_lang} cookie set by {@code ?lang=}, else {@code Accept-Language}. */
    @Bean
    LocaleResolver localeResolver(WebSettings settings) {
        return languages(settings.secureCookies());
    }

    /** The resolver of {@link #localeResolver}; the managed login uses it when the web app is not served. */
    public static LocaleResolver languages(boolean secureCookies) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("tobira_lang") {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return supported(super.resolveLocale(request));
            }

            @Override
            public void setLocale(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                    Locale locale) {
                super.setLocale(request, response, locale == null ? null : supported(locale));
            }
        };
        resolver.setDefaultLocaleFunction(request -> fromAcceptLanguage(request.getHeader("Accept-Language")));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSecure(secureCookies);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns(PAGES);
    }

    /** The best of {@link #LANGUAGES} for an {@code Accept-Language} header; English when none fits. */
    static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return LANGUAGES.getFirst();
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
            return best == null ? LANGUAGES.getFirst() : best;
        } catch (IllegalArgumentException malformed) {
            return LANGUAGES.getFirst();
        }
    }

    static Locale supported(Locale locale) {
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst()
                .orElse(LANGUAGES.getFirst());
    }
}

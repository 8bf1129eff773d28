package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.TobiraCommand;
import dev.tobira.server.config.Settings;
import dev.tobira.server.dev.DevPool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tobira web}: its options, their defaults, and its refusal to start half-configured. */
class WebCommandTest {

    private static WebStandalone.Options parse(String... arguments) {
        AtomicReference<WebStandalone.Options> launched = new AtomicReference<>();
        assertThat(new CommandLine(new WebCommand(launched::set)).execute(arguments)).isZero();
        return launched.get();
    }

    @Test
    void webWhenOnlyPoolAndClientThenRealCognitoWithProductionDefaults() {
        WebStandalone.Options options = parse("--user-pool-id", "ap-northeast-1_AbCdEf123", "--client-id", "abc123");

        WebSettings web = options.web();
        assertThat(web.region()).as("from the pool id").isEqualTo("ap-northeast-1");
        assertThat(web.endpoint()).as("AWS's own").isEmpty();
        assertThat(web.clientSecret()).isEmpty();
        assertThat(web.secureCookies()).isTrue();
        assertThat(web.resendCooldown()).isEqualTo(Duration.ofSeconds(30));
        assertThat(web.codeValidity()).as("both codes last Cognito's default AuthSessionValidity")
                .isEqualTo(new WebSettings.CodeValidity(Duration.ofMinutes(3), Duration.ofMinutes(3)));
        assertThat(web.passwordRules()).isEqualTo(WebSettings.PasswordRules.COGNITO_DEFAULT);
        assertThat(web.rateLimits()).isEqualTo(WebSettings.RateLimits.DEFAULT);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.behindProxy()).isFalse();
        assertThat(options.jdbcUrl()).startsWith("jdbc:h2:file:").contains(".tobira-web");
    }

    @Test
    void webWhenEveryOptionGivenThenEachIsUsed() {
        WebStandalone.Options options = parse("--user-pool-id", "us-east-1_TobiraDev", "--client-id", "c",
                "--client-secret", "s3cret", "--region", "us-west-2", "--endpoint", "http://127.0.0.1:9229",
                "--insecure-cookies", "--behind-proxy", "--resend-cooldown-seconds", "5",
                "--code-validity-seconds", "600", "--email-otp-validity-seconds", "300", "--password-min-length", "12", "--password-requires", "numbers",
                "--rate-limit-per-address", "100", "--rate-limit-per-username", "3", "--db-url",
                "jdbc:postgresql://db/web", "--db-user", "web", "--host", "0.0.0.0", "--port", "8443");

        WebSettings web = options.web();
        assertThat(web.region()).isEqualTo("us-west-2");
        assertThat(web.clientSecret()).contains("s3cret");
        assertThat(web.endpoint()).contains(URI.create("http://127.0.0.1:9229"));
        assertThat(web.secureCookies()).isFalse();
        assertThat(web.resendCooldown()).isEqualTo(Duration.ofSeconds(5));
        assertThat(web.codeValidity().of(WebState.Method.PASSWORD_AND_EMAIL_CODE)).isEqualTo(Duration.ofMinutes(10));
        assertThat(web.codeValidity().of(WebState.Method.EMAIL_CODE)).isEqualTo(Duration.ofMinutes(5));
        assertThat(web.codeValidity().of(WebState.Method.SIGN_UP_CODE)).isEqualTo(Duration.ofMinutes(5));
        assertThat(web.passwordRules()).isEqualTo(new WebSettings.PasswordRules(12, false, false, true, false));
        assertThat(web.rateLimits()).isEqualTo(new WebSettings.RateLimits(100, 3));
        assertThat(options.behindProxy()).isTrue();
        assertThat(options.jdbcUrl()).isEqualTo("jdbc:postgresql://db/web");
        assertThat(options.dbUser()).isEqualTo(Optional.of("web"));
        assertThat(options.host()).isEqualTo("0.0.0.0");
        assertThat(options.port()).isEqualTo(8443);
    }

    /** The web app that {@code tobira <arguments>} (dev mode) would serve. */
    private static WebSettings devServer(String... arguments) {
        AtomicReference<Settings> parsed = new AtomicReference<>();
        assertThat(TobiraCommand.run(parsed::set, arguments)).isZero();
        return WebSettings.devServer(parsed.get());
    }

    @Test
    void devWhenTheTriggerCodeOutlastsTheClientSessionThenThePasswordlessCodeStillLastsTheSession() {
        WebSettings web = devServer("dev", "--in-memory", "--email-otp-validity-minutes", "10");

        // EMAIL_OTP lasts the dev client's AuthSessionValidity; the trigger's code cannot outlast its round's session.
        assertThat(web.codeValidity().of(WebState.Method.EMAIL_CODE)).isEqualTo(Duration.ofMinutes(3));
        assertThat(web.codeValidity().of(WebState.Method.SIGN_UP_CODE)).isEqualTo(Duration.ofMinutes(3));
        assertThat(web.codeValidity().of(WebState.Method.PASSWORD_AND_EMAIL_CODE)).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void devWhenTheTriggerCodeIsShorterThenOnlyThePasswordDesignSaysSo() {
        WebSettings web = devServer("dev", "--in-memory", "--email-otp-validity-minutes", "1");

        assertThat(web.codeValidity().of(WebState.Method.PASSWORD_AND_EMAIL_CODE)).isEqualTo(Duration.ofMinutes(1));
        assertThat(web.codeValidity().of(WebState.Method.EMAIL_CODE)).isEqualTo(DevPool.AUTH_SESSION_VALIDITY);
    }

    @Test
    void tobiraWebWhenPoolAndClientMissingThenExitTwoNamingThem() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = TobiraCommand.run(settings -> {
                throw new AssertionError("the server must not start");
            }, "web", "--endpoint", "http://127.0.0.1:9229");
        } finally {
            System.setErr(stderr);
        }

        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("tobira web: cannot start", "TOBIRA_WEB_USER_POOL_ID", "TOBIRA_WEB_CLIENT_ID");
    }

    @Test
    void webWhenThePoolIdIsMalformedThenRefused() {
        AtomicReference<WebStandalone.Options> launched = new AtomicReference<>();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new WebCommand(launched::set))
                    .execute("--user-pool-id", "no-underscore", "--client-id", "c")).isEqualTo(2);
        } finally {
            System.setErr(stderr);
        }
        assertThat(launched.get()).isNull();
    }
}

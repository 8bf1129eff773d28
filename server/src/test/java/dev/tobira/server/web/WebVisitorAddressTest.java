package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.config.Settings.ApiRateLimits;
import dev.tobira.server.store.JdbcStores;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * {@code tobira web --behind-proxy} in front of a production Tobira run {@code --behind-proxy}, as
 * README's deployment has it: the web app names each visitor in the calls it makes, so the API's
 * per-address limit ({@value #PER_ADDRESS} a minute here) counts visitors, not the web app as one
 * client. This test, on 127.0.0.1, is the load balancer in front of the web app.
 */
class WebVisitorAddressTest {

    private static final int PER_ADDRESS = 2;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path apiData;

    private static RunningTobira api;
    private static ConfigurableApplicationContext web;
    private static String base;

    @BeforeAll
    static void start() {
        api = RunningTobira.production(JdbcStores.h2Url(apiData), Optional.empty(), Settings.Delivery.none(),
                new ApiRateLimits(PER_ADDRESS, 100), true);
        String poolId;
        String clientId;
        try (CognitoIdentityProviderClient admin = api.client()) {
            String builtIn = "arn:aws:lambda:us-east-1:000000000000:function:tobira-email-otp";
            poolId = admin.createUserPool(b -> b.poolName("web").lambdaConfig(l -> l.defineAuthChallenge(builtIn)
                    .createAuthChallenge(builtIn).verifyAuthChallengeResponse(builtIn))).userPool().id();
            clientId = admin.createUserPoolClient(b -> b.userPoolId(poolId).clientName("web")).userPoolClient()
                    .clientId();
        }
        AtomicReference<WebStandalone.Options> options = new AtomicReference<>();
        int port = RunningTobira.freePort();
        assertThat(new CommandLine(new WebCommand(options::set)).execute("--endpoint", api.endpoint(),
                "--user-pool-id", poolId, "--client-id", clientId, "--port", String.valueOf(port), "--in-memory",
                "--behind-proxy", "--insecure-cookies")).isZero();
        web = WebStandalone.start(options.get());
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
        if (api != null) {
            api.close();
        }
    }

    /** One sign-in attempt through the web app's form by a visitor the proxy says is at {@code address}. */
    private static String signInFrom(String address, String email) throws Exception {
        HttpClient visitor = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = visitor.send(HttpRequest.newBuilder(URI.create(base + "/?lang=en"))
                .header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("a CSRF token in the form").isTrue();
        String form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=Some-Passw0rd!";
        return visitor.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void signInWhenOneVisitorIsOverTheApisAddressLimitThenOnlyThatVisitorIsRefused() throws Exception {
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(signInFrom("198.51.100.30", "nobody" + i + "@example.com"))
                    .contains("There is no account with this email address.");
        }

        assertThat(signInFrom("198.51.100.30", "nobody-else@example.com"))
                .contains("Too many requests. Please wait a moment and try again.");
        assertThat(signInFrom("198.51.100.31", "nobody-else@example.com")).as("another visitor, counted apart")
                .contains("There is no account with this email address.");
    }
}

package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * {@code tobira web} answers the load balancer's health check of the CDK stack (cdk/, {@code
 * /actuator/health}) without a session, a redirect or a call to the user pool.
 */
class WebStandaloneHealthTest {

    @Test
    void healthWhenStandaloneBehindAProxyThenUpWithoutACookie() throws Exception {
        AtomicReference<WebStandalone.Options> parsed = new AtomicReference<>();
        int port = RunningTobira.freePort();
        // The endpoint is never called; a loopback one keeps the test from reaching AWS if it were.
        assertThat(new CommandLine(new WebCommand(parsed::set)).execute("--user-pool-id", "eu-west-1_AbC123",
                "--client-id", "client", "--endpoint", "http://127.0.0.1:9", "--in-memory", "--behind-proxy",
                "--port", String.valueOf(port))).isZero();

        try (ConfigurableApplicationContext web = WebStandalone.start(parsed.get())) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(health.headers().allValues("Set-Cookie")).isEmpty();
        }
    }
}

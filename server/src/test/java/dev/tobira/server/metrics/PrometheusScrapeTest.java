package dev.tobira.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import dev.tobira.server.interop.DevOutbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * Issue 15's acceptance: after a sign-up (a code email), a sign-in and a wrong password through the AWS
 * SDK for Java v2, {@code /actuator/prometheus} counts each, and no label value carries the username,
 * the address or the code.
 */
class PrometheusScrapeTest {

    private static final String USER = "metrics.mio@example.com";
    private static final String PASSWORD = "Passw0rd!metrics";
    private static final String POOL = "us-east-1_" + DevPool.POOL_SUFFIX;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RunningTobira tobira;
    private static String code;
    private static String scrape;

    @BeforeAll
    static void signUpSignInAndScrape() throws Exception {
        tobira = RunningTobira.devInMemory();
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            cognito.signUp(b -> b.clientId(DevPool.CLIENT_ID).username(USER).password(PASSWORD)
                    .userAttributes(AttributeType.builder().name("email").value(USER).build()));
            code = DevOutbox.latestCode(tobira.endpoint(), USER, 6);
            cognito.confirmSignUp(b -> b.clientId(DevPool.CLIENT_ID).username(USER).confirmationCode(code));
            cognito.initiateAuth(b -> b.clientId(DevPool.CLIENT_ID).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", USER, "PASSWORD", PASSWORD)));
            assertThatThrownBy(() -> cognito.initiateAuth(b -> b.clientId(DevPool.CLIENT_ID)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", USER, "PASSWORD", "Wrong-" + PASSWORD))))
                    .isInstanceOf(NotAuthorizedException.class);
        }
        HttpResponse<String> response = get(tobira.endpoint() + "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        scrape = response.body();
    }

    @AfterAll
    static void stop() {
        tobira.close();
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the sample {@code name} whose labels include every one of {@code labels}, or 0. */
    private static double sample(String name, Map<String, String> labels) {
        double total = 0;
        for (String line : scrape.lines().toList()) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            String labelText = line.substring(name.length(), line.lastIndexOf('}') + 1);
            if (labels.entrySet().stream().allMatch(l -> labelText.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    @Test
    void scrapeWhenSignedInThenTheSignInIsCountedByPoolFlowAndOutcome() {
        assertThat(sample("tobira_signins_total", Map.of("pool", POOL, "step", "initiate",
                "flow", "USER_PASSWORD_AUTH", "outcome", "tokens"))).isEqualTo(1.0);
    }

    @Test
    void scrapeWhenPasswordWrongThenTheFailureIsCountedWithItsErrorType() {
        assertThat(sample("tobira_signins_total", Map.of("pool", POOL, "flow", "USER_PASSWORD_AUTH",
                "outcome", "NotAuthorizedException"))).isEqualTo(1.0);
        assertThat(sample("tobira_api_requests_seconds_count", Map.of("operation", "InitiateAuth",
                "outcome", "NotAuthorizedException", "pool", POOL))).isEqualTo(1.0);
    }

    @Test
    void scrapeWhenCodeEmailedThenTheCodeAndItsDeliveryAreCounted() {
        assertThat(sample("tobira_codes_sent_total", Map.of("pool", POOL, "operation", "SignUp",
                "medium", "EMAIL"))).isEqualTo(1.0);
        assertThat(sample("tobira_messages_delivered_total", Map.of("channel", "EMAIL"))).isGreaterThanOrEqualTo(1.0);
        assertThat(sample("tobira_messages_delivery_delay_seconds_count", Map.of("channel", "EMAIL")))
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void scrapeWhenCalledThenLatencyHistogramsAndOutboxGaugesAreThere() {
        assertThat(sample("tobira_api_requests_seconds_bucket", Map.of("operation", "SignUp", "le", "+Inf")))
                .isEqualTo(1.0);
        assertThat(scrape).contains("tobira_outbox_pending ").contains("tobira_outbox_oldest_age_seconds ")
                .contains("jvm_memory_used_bytes{").contains("hikaricp_connections_pending{")
                .contains("tomcat_sessions_active_current_sessions ");
    }

    @Test
    void scrapeWhenAnyMetricThenNoLabelValueCarriesTheUsernameAddressOrCode() {
        List<String> values = new ArrayList<>();
        Matcher label = Pattern.compile("[a-zA-Z_]+=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(scrape);
        while (label.find()) {
            values.add(label.group(1));
        }
        assertThat(values).isNotEmpty().noneMatch(v -> v.contains("metrics.mio") || v.contains("@")
                || v.contains(code) || v.contains("127.0.0.1"));
    }
}

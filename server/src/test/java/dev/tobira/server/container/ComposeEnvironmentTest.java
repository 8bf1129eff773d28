package dev.tobira.server.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tobira.server.ChildTobira;
import dev.tobira.server.RunningTobira;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * {@code compose.yaml}'s environment for the {@code tobira} service, given as it is to a separate
 * {@code tobira start} process — only the addresses changed from the compose network's service names
 * to this machine's stand-ins (embedded PostgreSQL for {@code postgres}, GreenMail for {@code mailpit})
 * and the admin secret set as the user must: production mode starts, signs an admin call, emails a
 * sign-up code through SMTP and serves its metrics.
 */
class ComposeEnvironmentTest {

    @Test
    void startWhenComposeEnvironmentThenProductionServesSignsUpAndMails(@TempDir Path logs) throws Exception {
        int port = RunningTobira.freePort();
        int smtpPort = RunningTobira.freePort();
        Map<String, String> env = new HashMap<>(ContainerFilesTest.environment("tobira"));
        assertThat(env).containsKeys("TOBIRA_DB_URL", "TOBIRA_SMTP_HOST", "TOBIRA_SMTP_PORT");
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Process tobira = null;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            env.put("TOBIRA_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
            env.put("TOBIRA_DB_USER", "postgres");
            env.put("TOBIRA_SMTP_HOST", "127.0.0.1");
            env.put("TOBIRA_SMTP_PORT", String.valueOf(smtpPort));
            env.put("TOBIRA_ADMIN_SECRET_ACCESS_KEY", "compose-test-secret");
            env.put("TOBIRA_PORT", String.valueOf(port));
            env.put("TOBIRA_HOST", "127.0.0.1");
            tobira = ChildTobira.start(port, logs, env, "start");

            try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + port))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            env.get("TOBIRA_ADMIN_ACCESS_KEY_ID"), "compose-test-secret")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build()) {
                String poolId = cognito.createUserPool(b -> b.poolName("compose")
                        .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
                String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("web"))
                        .userPoolClient().clientId();
                cognito.signUp(b -> b.clientId(clientId).username("sora").password("Compose-Passw0rd!")
                        .userAttributes(AttributeType.builder().name("email").value("sora@example.com").build()));
            }
            assertThat(mail.waitForIncomingEmail(30_000, 1)).isTrue();
            assertThat(GreenMailUtil.getBody(mail.getReceivedMessages()[0])).containsPattern("\\d{6}");
            assertThat(mail.getReceivedMessages()[0].getFrom()[0].toString()).contains("no-reply@tobira.localhost");

            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("tobira_codes_sent_total{");
        } finally {
            if (tobira != null) {
                tobira.destroy();
                if (!tobira.waitFor(30, TimeUnit.SECONDS)) {
                    tobira.destroyForcibly();
                }
            }
            mail.stop();
        }
    }
}

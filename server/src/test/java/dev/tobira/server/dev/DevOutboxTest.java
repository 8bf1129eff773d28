package dev.tobira.server.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dev outbox of DESIGN.md: every message the server would send, newest first, in dev mode only. */
class DevOutboxTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void outboxWhenInvitationsSentThenListedNewestFirstInTheDocumentedShape() throws Exception {
        try (RunningTobira tobira = RunningTobira.devInMemory(); var cognito = tobira.client()) {
            for (String name : new String[] {"first", "second"}) {
                cognito.adminCreateUser(b -> b.userPoolId(DevPool.poolId("us-east-1")).username("gina@example.com")
                        .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                        .temporaryPassword("Temp-" + name + "-Passw0rd!")
                        .messageAction(name.equals("first") ? null : "RESEND"));
            }
            HttpResponse<String> response = get(tobira.endpoint() + "/_tobira/outbox?to=gina@example.com");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode messages = JsonMapper.builder().build().readTree(response.body()).get("messages");
            assertThat(messages).hasSize(2);
            JsonNode newest = messages.get(0);
            assertThat(newest.get("channel").asString()).isEqualTo("EMAIL");
            assertThat(newest.get("to").asString()).isEqualTo("gina@example.com");
            assertThat(newest.get("subject").asString()).isEqualTo("Your temporary password");
            assertThat(newest.get("body").asString()).contains("Temp-second-Passw0rd!");
            assertThat(messages.get(1).get("body").asString()).contains("Temp-first-Passw0rd!");
            assertThat(newest.get("sentAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(JsonMapper.builder().build().readTree(
                    get(tobira.endpoint() + "/_tobira/outbox?to=nobody@example.com").body()).get("messages"))
                    .isEmpty();
        }
    }

    @Test
    void outboxWhenProductionModeThenNotFound(@TempDir Path dataDir) throws Exception {
        try (RunningTobira tobira = RunningTobira.production(dataDir)) {
            assertThat(get(tobira.endpoint() + "/_tobira/outbox").statusCode()).isEqualTo(404);
        }
    }
}

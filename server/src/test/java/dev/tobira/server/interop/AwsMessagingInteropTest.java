package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SES v1, SES v2 and SNS on a dev server's port, driven by the real AWS CLI v1 and boto3: what they send
 * lands in the dev outbox and in LocalStack's {@code /_aws/ses} and {@code /_aws/sns/sms-messages}.
 */
class AwsMessagingInteropTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningTobira tobira;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
    }

    @AfterAll
    static void stop() {
        tobira.close();
    }

    /** {@code aws --endpoint-url … SERVICE ARGS}; fails the test unless it succeeded. */
    private static JsonNode aws(String service, String... args) {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", tobira.endpoint(), "--output", "json",
                service));
        command.addAll(List.of(args));
        Processes.Result result = Processes.run(command, Processes.awsEnvironment("local", "local"));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return JSON.readTree(result.stdout());
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tobira.endpoint() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void sesSendEmailWhenTypedWithTheAwsCliThenListedInTheOutboxAndInAwsSes() throws Exception {
        String messageId = aws("ses", "send-email", "--from", "app@example.com", "--to", "cli-v1@example.com",
                "--subject", "件名", "--text", "本文 123456").get("MessageId").asString();

        JsonNode newest = DevOutbox.newest(tobira.endpoint(), "cli-v1@example.com");
        assertThat(newest.get("subject").asString()).isEqualTo("件名");
        assertThat(newest.get("body").asString()).isEqualTo("本文 123456");
        JsonNode listed = get("/_aws/ses?email=cli-v1@example.com").get("messages");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("Id").asString()).isEqualTo(messageId);
        assertThat(listed.get(0).get("Source").asString()).isEqualTo("app@example.com");
        assertThat(listed.get(0).get("Body").get("text_part").asString()).isEqualTo("本文 123456");
    }

    @Test
    void sesv2SendEmailWhenTypedWithTheAwsCliThenListedInTheOutboxAndInAwsSes() throws Exception {
        String messageId = aws("sesv2", "send-email", "--from-email-address", "app@example.com",
                "--destination", "ToAddresses=cli-v2@example.com",
                "--content", "Simple={Subject={Data=v2 subject},Body={Text={Data=v2 body},Html={Data=<i>v2</i>}}}")
                .get("MessageId").asString();

        JsonNode newest = DevOutbox.newest(tobira.endpoint(), "cli-v2@example.com");
        assertThat(newest.get("subject").asString()).isEqualTo("v2 subject");
        assertThat(newest.get("body").asString()).isEqualTo("v2 body");
        JsonNode listed = get("/_aws/ses?id=" + encode(messageId)).get("messages");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("Destination").get("ToAddresses").get(0).asString()).isEqualTo("cli-v2@example.com");
        assertThat(listed.get(0).get("Body").get("html_part").asString()).isEqualTo("<i>v2</i>");
    }

    @Test
    void snsPublishWhenTypedWithTheAwsCliThenListedInTheOutboxAndInAwsSnsSmsMessages() throws Exception {
        String messageId = aws("sns", "publish", "--phone-number", "+815012345678", "--message", "code 654321")
                .get("MessageId").asString();

        JsonNode newest = DevOutbox.newest(tobira.endpoint(), "+815012345678");
        assertThat(newest.get("channel").asString()).isEqualTo("SMS");
        assertThat(newest.get("body").asString()).isEqualTo("code 654321");
        JsonNode sms = get("/_aws/sns/sms-messages?phoneNumber=" + encode("+815012345678"));
        assertThat(sms.get("region").asString()).isEqualTo("us-east-1");
        JsonNode entry = sms.get("sms_messages").get("+815012345678").get(0);
        assertThat(entry.get("MessageId").asString()).isEqualTo(messageId);
        assertThat(entry.get("Message").asString()).isEqualTo("code 654321");
        assertThat(entry.get("PhoneNumber").asString()).isEqualTo("+815012345678");
    }

    @Test
    void sendWhenDrivenByBoto3ThroughTheEndpointVariablesThenEveryCheckPasses() throws URISyntaxException {
        String script = Path.of(getClass().getResource("/interop/boto3_side_doors.py").toURI()).toString();
        Map<String, String> environment = new HashMap<>(Processes.awsEnvironment("local", "local"));
        environment.put("AWS_ENDPOINT_URL_SES", tobira.endpoint());
        environment.put("AWS_ENDPOINT_URL_SESV2", tobira.endpoint());
        environment.put("AWS_ENDPOINT_URL_SNS", tobira.endpoint());
        // A dedicated server: the script clears /_aws/ses, which other tests here read.
        try (RunningTobira own = RunningTobira.devInMemory()) {
            environment.replaceAll((name, value) -> value.equals(tobira.endpoint()) ? own.endpoint() : value);
            Processes.Result result = Processes.run(List.of("python3", script, own.endpoint()), environment);
            assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
            assertThat(result.stdout()).contains("all checks passed");
        }
    }
}

package dev.tobira.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.aws.SignedHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad SES and SNS calls, signed by the AWS SDK's own signer as a client would (dev mode takes any
 * credentials), get the service's error in its own shape, HTTP 400 (404 for SNS's missing topic),
 * never a 500, and nothing reaches the outbox.
 */
class SideDoorBadInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningTobira tobira;
    private static SignedHttp http;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
        http = new SignedHttp(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
                Duration.ofSeconds(5), Duration.ofSeconds(30), 1 << 20);
    }

    @AfterAll
    static void stop() {
        http.close();
        tobira.close();
    }

    private static SignedHttp.Response query(String service, Map<String, String> form) throws Exception {
        return query(service, form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private static SignedHttp.Response query(String service, String body) throws Exception {
        return http.post(URI.create(tobira.endpoint() + "/"), service, "us-east-1",
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static SignedHttp.Response sesv2(String json) throws Exception {
        return http.post(URI.create(tobira.endpoint() + "/v2/email/outbound-emails"), "ses", "us-east-1",
                Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> sendEmail(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "SendEmail");
        form.put("Version", "2010-12-01");
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static void assertQueryError(SignedHttp.Response response, int status, String namespace, String code,
            String message) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.status()).as(body).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValue("text/xml");
        assertThat(body).startsWith("<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error><RequestId>");
    }

    private static void assertSesError(SignedHttp.Response response, String code, String message) {
        assertQueryError(response, 400, "http://ses.amazonaws.com/doc/2010-12-01/", code, message);
    }

    private static void assertSesV2Error(SignedHttp.Response response, String type, String message) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("x-amzn-ErrorType")).hasValue(type);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("message").asString()).isEqualTo(message);
    }

    private static int outboxSize() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(tobira.endpoint() + "/_tobira/outbox")).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("messages").size();
    }

    @Test
    void sendEmailWhenSourceOrDestinationIsMissingThenValidationError() throws Exception {
        int before = outboxSize();
        assertSesError(query("ses", sendEmail("Destination.ToAddresses.member.1", "a@example.com",
                        "Message.Subject.Data", "s", "Message.Body.Text.Data", "b")), "ValidationError",
                "1 validation error detected: Value null at &apos;source&apos; failed to satisfy constraint: Member must"
                        + " not be null");
        assertSesError(query("ses", sendEmail("Source", "a@example.com", "Message.Subject.Data", "s",
                        "Message.Body.Text.Data", "b")), "ValidationError",
                "1 validation error detected: Value null at &apos;destination&apos; failed to satisfy constraint: Member"
                        + " must not be null");
        assertThat(outboxSize()).isEqualTo(before);
    }

    @Test
    void sendEmailWhenAnAddressIsInvalidOrThereIsNoRecipientThenInvalidParameterValue() throws Exception {
        int before = outboxSize();
        assertSesError(query("ses", sendEmail("Source", "a@example.com", "Destination.ToAddresses.member.1",
                        "b@example.com", "Destination.CcAddresses.member.1", "no-domain", "Message.Subject.Data", "s",
                        "Message.Body.Text.Data", "b")), "InvalidParameterValue", "Missing final &apos;@domain&apos;");
        assertSesError(query("ses", sendEmail("Source", "a@example.com", "Destination.ToAddresses", "",
                        "Message.Subject.Data", "s", "Message.Body.Text.Data", "b")), "InvalidParameterValue",
                "The message has no recipient: give at least one To, Cc or Bcc address.");
        assertThat(outboxSize()).isEqualTo(before);
    }

    @Test
    void sendRawEmailWhenDataIsNotBase64ThenInvalidParameterValue() throws Exception {
        int before = outboxSize();
        assertSesError(query("ses", Map.of("Action", "SendRawEmail", "Version", "2010-12-01", "RawMessage.Data",
                "not*base64!")), "InvalidParameterValue", "Invalid base64 in RawMessage.Data.");
        assertThat(outboxSize()).isEqualTo(before);
    }

    @Test
    void sendEmailWhenTheBodyIsOverTheLimitThenInvalidParameterValue() throws Exception {
        int before = outboxSize();
        String huge = "x".repeat(dev.tobira.server.config.Settings.DEFAULT_MAX_BODY_BYTES);
        assertSesError(query("ses", sendEmail("Source", "a@example.com", "Destination.ToAddresses.member.1",
                        "b@example.com", "Message.Subject.Data", "s", "Message.Body.Text.Data", huge)),
                "InvalidParameterValue", "Message length is more than "
                        + dev.tobira.server.config.Settings.DEFAULT_MAX_BODY_BYTES + " bytes long.");
        assertThat(outboxSize()).isEqualTo(before);
    }

    @Test
    void queryCallWhenTheActionIsNotOneTobiraAnswersThenInvalidAction() throws Exception {
        assertSesError(query("ses", Map.of("Action", "VerifyEmailIdentity", "Version", "2010-12-01",
                        "EmailAddress", "a@example.com")), "InvalidAction",
                "The action VerifyEmailIdentity is not valid for this web service. Tobira answers SES&apos;s SendEmail"
                        + " and SendRawEmail and SNS&apos;s Publish to a phone number.");
    }

    @Test
    void publishWhenMessageIsMissingOrTheTargetIsAnArnOrNoPhoneNumberThenSnsErrors() throws Exception {
        int before = outboxSize();
        String sns = "http://sns.amazonaws.com/doc/2010-03-31/";
        assertQueryError(query("sns", Map.of("Action", "Publish", "Version", "2010-03-31", "PhoneNumber",
                        "+15555550100")), 400, sns, "ValidationError",
                "1 validation error detected: Value null at &apos;message&apos; failed to satisfy constraint: Member must"
                        + " not be null");
        assertQueryError(query("sns", Map.of("Action", "Publish", "Version", "2010-03-31", "TargetArn",
                        "arn:aws:sns:us-east-1:000000000000:endpoint/GCM/app/1", "Message", "m")), 404, sns, "NotFound",
                "Endpoint does not exist (Tobira&apos;s SNS publishes only to a PhoneNumber).");
        assertQueryError(query("sns", Map.of("Action", "Publish", "Version", "2010-03-31", "Message", "m")), 400, sns,
                "InvalidParameter", "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        assertThat(outboxSize()).isEqualTo(before);
    }

    @Test
    void publishWhenMessageStructureIsJsonThenTheSmsEntryIsSent() throws Exception {
        SignedHttp.Response response = query("sns", Map.of("Action", "Publish", "Version", "2010-03-31",
                "PhoneNumber", "+15555550199", "MessageStructure", "json",
                "Message", "{\"default\":\"fallback\",\"sms\":\"sms text\"}"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .startsWith("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>");
        HttpResponse<String> outbox = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(tobira.endpoint() + "/_tobira/outbox?to=%2B15555550199")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(outbox.body()).get("messages").get(0).get("body").asString()).isEqualTo("sms text");
    }

    @Test
    void sesv2SendEmailWhenContentIsBadThenBadRequestException() throws Exception {
        int before = outboxSize();
        assertSesV2Error(sesv2("{\"Destination\":{\"ToAddresses\":[\"a@example.com\"]},"
                + "\"Content\":{\"Raw\":{\"Data\":\"not*base64!\"}}}"), "BadRequestException",
                "Invalid base64 in Content.Raw.Data.");
        assertSesV2Error(sesv2("{\"FromEmailAddress\":\"a@example.com\",\"Destination\":{\"ToAddresses\":[\"b@example.com\"]}}"),
                "BadRequestException",
                "1 validation error detected: Value null at 'content' failed to satisfy constraint: Member must not be null");
        assertSesV2Error(sesv2("{not json"), "BadRequestException", "The request body is not valid JSON.");
        assertSesV2Error(sesv2("{\"FromEmailAddress\":\"a@example.com\",\"Destination\":{\"ToAddresses\":[\"b@example.com\"]},"
                        + "\"Content\":{\"Template\":{\"TemplateName\":\"t\"}}}"), "BadRequestException",
                "Tobira keeps no email templates: send Content.Simple or Content.Raw.");
        assertThat(outboxSize()).isEqualTo(before);
    }
}

package dev.tobira.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.Transactions;
import dev.tobira.core.message.Message;
import dev.tobira.server.api.ApiRequest;
import dev.tobira.server.api.ApiResponse;
import dev.tobira.server.auth.SigV4Verifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link QueryEndpoint} without a server: routing, the off switch, and one outbox message per recipient. */
class QueryEndpointTest {

    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
    // Well-formed, as dev mode's permissive verifier requires; the signature value itself is not checked there.
    private static final String SES_AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=local/20261204/us-east-1/ses/aws4_request,"
            + " SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);

    private final List<Message> sent = new ArrayList<>();

    private QueryEndpoint endpoint(boolean enabled) {
        SideDoorOutbox outbox = new SideDoorOutbox(sent::add, Transactions.direct());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new QueryEndpoint(new SideDoorAuth(enabled, SigV4Verifier.permissive()), new SesOutbox(outbox, clock),
                outbox, clock, 1024 * 1024);
    }

    private static ApiRequest form(String body, String authorization) {
        return new ApiRequest("POST", "/", "", Map.of("Content-Type", List.of("application/x-www-form-urlencoded"),
                "Authorization", List.of(authorization), "Host", List.of("localhost"),
                "X-Amz-Date", List.of("20261204T090000Z")), body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }

    private static String text(ApiResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void acceptsWhenFormWithoutTargetThenTrueAndCognitoCallsStayWithTheDispatcher() {
        assertThat(QueryEndpoint.accepts(form("Action=SendEmail", SES_AUTHORIZATION))).isTrue();
        ApiRequest cognito = new ApiRequest("POST", "/", "", Map.of("Content-Type",
                List.of("application/x-amz-json-1.1"), "X-Amz-Target",
                List.of("AWSCognitoIdentityProviderService.InitiateAuth")), new byte[0], "127.0.0.1");
        assertThat(QueryEndpoint.accepts(cognito)).isFalse();
    }

    @Test
    void handleWhenSendEmailHasToCcAndBccThenOneMessagePerDistinctRecipientWithOneMessageId() {
        ApiResponse response = endpoint(true).handle(form("Action=SendEmail&Version=2010-12-01"
                + "&Source=App+%3Capp%40example.com%3E&Destination.ToAddresses.member.1=a%40example.com"
                + "&Destination.CcAddresses.member.1=b%40example.com&Destination.BccAddresses.member.1=a%40example.com"
                + "&Message.Subject.Data=Hi&Message.Body.Text.Data=Code+123456&Message.Body.Html.Data=%3Cb%3E123456%3C%2Fb%3E",
                SES_AUTHORIZATION));

        assertThat(response.status()).as(text(response)).isEqualTo(200);
        assertThat(text(response)).startsWith("<SendEmailResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\">"
                + "<SendEmailResult><MessageId>");
        assertThat(sent).extracting(Message::to).containsExactly("a@example.com", "b@example.com");
        assertThat(sent).extracting(Message::messageId).containsOnly(sent.getFirst().messageId());
        assertThat(text(response)).contains("<MessageId>" + sent.getFirst().messageId() + "</MessageId>");
        assertThat(sent.getFirst()).isEqualTo(new Message(Message.Channel.EMAIL, "a@example.com", "Hi", "Code 123456",
                "<b>123456</b>", NOW, "App <app@example.com>", sent.getFirst().messageId()));
    }

    @Test
    void handleWhenSwitchedOffThenOptInRequiredInTheCalledServicesShapeAndNothingSent() {
        ApiResponse ses = endpoint(false).handle(form("Action=SendEmail&Source=a%40example.com", SES_AUTHORIZATION));
        assertThat(ses.status()).isEqualTo(403);
        assertThat(text(ses)).startsWith("<ErrorResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\"><Error>"
                + "<Type>Sender</Type><Code>OptInRequired</Code><Message>SES and SNS on Tobira&apos;s port are off.");

        ApiResponse sns = endpoint(false).handle(form("Action=Publish&PhoneNumber=%2B15555550100&Message=m",
                SES_AUTHORIZATION.replace("/ses/", "/sns/")));
        assertThat(sns.status()).isEqualTo(403);
        assertThat(text(sns)).startsWith("<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">");
        assertThat(sent).isEmpty();
    }

    @Test
    void handleWhenUnsignedThenMissingAuthenticationTokenOfThePublishActionsService() {
        ApiResponse response = endpoint(true).handle(form("Action=Publish&PhoneNumber=%2B15555550100&Message=m", ""));
        assertThat(response.status()).isEqualTo(403);
        assertThat(text(response)).startsWith("<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error>"
                + "<Type>Sender</Type><Code>MissingAuthenticationToken</Code>"
                + "<Message>Request is missing Authentication Token</Message></Error><RequestId>");
        assertThat(sent).isEmpty();
    }

    @Test
    void handleWhenTheFormIsMalformedThenMalformedQueryString() {
        ApiResponse response = endpoint(true).handle(form("Action=SendEmail&Source=%zz", SES_AUTHORIZATION));
        assertThat(response.status()).isEqualTo(400);
        assertThat(text(response)).contains("<Code>MalformedQueryString</Code>");
    }
}

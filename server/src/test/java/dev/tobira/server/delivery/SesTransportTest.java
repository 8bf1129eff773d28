package dev.tobira.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.message.Message;
import dev.tobira.core.message.Message.Channel;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SesTransport's SES v2 SendEmail request, as received by a stand-in endpoint. */
class SesTransportTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05Z");

    private FakeAwsEndpoint ses;
    private SesTransport transport;

    @BeforeEach
    void setUp() {
        ses = new FakeAwsEndpoint();
        ses.answer(200, "application/json", "{\"MessageId\":\"x\"}", Map.of());
        transport = new SesTransport("Tobira <no-reply@tobira.test>", "ap-northeast-1", Optional.of(ses.uri()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSES", "ses-secret")));
    }

    @AfterEach
    void tearDown() {
        transport.close();
        ses.close();
    }

    @Test
    void deliverWhenHtmlGivenThenSendEmailCarriesFromToSubjectTextAndHtmlInUtf8() throws Exception {
        transport.deliver(new Message(Channel.EMAIL, "hanako@example.com", "確認コード",
                "あなたのコードは 482913 です", "<p>あなたのコードは <b>482913</b> です</p>", T0));

        assertThat(ses.requests()).hasSize(1);
        FakeAwsEndpoint.Request request = ses.requests().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v2/email/outbound-emails");
        assertThat(request.header("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDSES/")
                .contains("/ap-northeast-1/ses/aws4_request");
        JsonNode json = JsonMapper.builder().build().readTree(request.body());
        assertThat(json.get("FromEmailAddress").asString()).isEqualTo("Tobira <no-reply@tobira.test>");
        assertThat(json.at("/Destination/ToAddresses/0").asString()).isEqualTo("hanako@example.com");
        assertThat(json.at("/Destination/ToAddresses")).hasSize(1);
        JsonNode simple = json.at("/Content/Simple");
        assertThat(simple.at("/Subject/Data").asString()).isEqualTo("確認コード");
        assertThat(simple.at("/Subject/Charset").asString()).isEqualTo("UTF-8");
        assertThat(simple.at("/Body/Text/Data").asString()).isEqualTo("あなたのコードは 482913 です");
        assertThat(simple.at("/Body/Text/Charset").asString()).isEqualTo("UTF-8");
        assertThat(simple.at("/Body/Html/Data").asString()).isEqualTo("<p>あなたのコードは <b>482913</b> です</p>");
    }

    @Test
    void deliverWhenNoHtmlThenOnlyATextBody() throws Exception {
        transport.deliver(new Message(Channel.EMAIL, "taro@example.com", "Your code", "Code 123456", T0));

        JsonNode body = JsonMapper.builder().build().readTree(ses.requests().getFirst().body()).at("/Content/Simple/Body");
        assertThat(body.at("/Text/Data").asString()).isEqualTo("Code 123456");
        assertThat(body.has("Html")).isFalse();
    }

    @Test
    void deliverWhenSesRejectsThenThrowsAndDoesNotRetryByItself() {
        ses.answer(400, "application/json", "{\"message\":\"Email address is not verified.\"}",
                Map.of("x-amzn-ErrorType", "MessageRejected"));

        assertThatThrownBy(() -> transport.deliver(new Message(Channel.EMAIL, "taro@example.com", "Your code",
                "Code 123456", T0)))
                .isInstanceOf(MessageRejectedException.class)
                .hasMessageContaining("Email address is not verified.");
        assertThat(ses.requests()).hasSize(1);
    }
}

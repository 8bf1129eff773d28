package dev.tobira.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.message.Message;
import dev.tobira.core.message.Message.Channel;
import dev.tobira.lambda.SesEmailSender.EmailNotSentException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import tools.jackson.databind.JsonNode;

/** The SES v2 SendEmail request SesEmailSender makes, as a stand-in SES on 127.0.0.1 receives it. */
class SesEmailSenderTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05Z");
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLAMBDA", "lambda-secret"));
    private static final Message CODE_EMAIL = new Message(Channel.EMAIL, "hanako@example.com",
            "サインインコードのお知らせ", "サインインコードは 482913 です。", "<p>サインインコードは <b>482913</b> です。</p>", T0);

    private LocalSes ses;
    private SesEmailSender sender;

    @BeforeEach
    void setUp() {
        ses = new LocalSes();
        sender = SesEmailSender.create("Tobira <no-reply@tobira.test>", Region.AP_NORTHEAST_1, Optional.of(ses.uri()),
                CREDENTIALS);
    }

    @AfterEach
    void tearDown() {
        sender.close();
        ses.close();
    }

    @Test
    void sendWhenEmailHasHtmlThenSendEmailCarriesFromToSubjectAndBothBodiesInUtf8() {
        sender.send(CODE_EMAIL);

        assertThat(ses.received()).hasSize(1);
        LocalSes.Received request = ses.received().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v2/email/outbound-emails");
        assertThat(request.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDLAMBDA/")
                .contains("/ap-northeast-1/ses/aws4_request");
        JsonNode json = request.json();
        assertThat(json.path("FromEmailAddress").asString()).isEqualTo("Tobira <no-reply@tobira.test>");
        assertThat(json.at("/Destination/ToAddresses")).hasSize(1);
        assertThat(json.at("/Destination/ToAddresses/0").asString()).isEqualTo("hanako@example.com");
        JsonNode simple = json.at("/Content/Simple");
        assertThat(simple.at("/Subject/Data").asString()).isEqualTo("サインインコードのお知らせ");
        assertThat(simple.at("/Body/Text/Data").asString()).isEqualTo("サインインコードは 482913 です。");
        assertThat(simple.at("/Body/Html/Data").asString()).isEqualTo("<p>サインインコードは <b>482913</b> です。</p>");
        assertThat(List.of(simple.at("/Subject/Charset"), simple.at("/Body/Text/Charset"),
                simple.at("/Body/Html/Charset"))).allSatisfy(c -> assertThat(c.asString()).isEqualTo("UTF-8"));
    }

    @Test
    void sendWhenEmailHasNoHtmlThenOnlyATextBody() {
        sender.send(new Message(Channel.EMAIL, "taro@example.com", "Your sign-in code", "Code 123456", T0));

        JsonNode body = ses.received().getFirst().json().at("/Content/Simple/Body");
        assertThat(body.at("/Text/Data").asString()).isEqualTo("Code 123456");
        assertThat(body.has("Html")).isFalse();
    }

    @Test
    void sendWhenSesRefusesThenThrowsNamingTheErrorButNotTheCodeOrTheAddress() {
        ses.refuse(400, "MessageRejected", "Email address is not verified: hanako@example.com");

        assertThatThrownBy(() -> sender.send(CODE_EMAIL))
                .isInstanceOf(EmailNotSentException.class)
                .hasMessageContaining("MessageRejected")
                .hasMessageContaining("HTTP 400")
                .message().doesNotContain("482913").doesNotContain("hanako");
    }

    @Test
    void sendWhenSesUnreachableThenThrows() throws IOException {
        URI closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
        try (SesEmailSender nowhere = SesEmailSender.create("no-reply@tobira.test", Region.US_EAST_1,
                Optional.of(closed), CREDENTIALS)) {
            assertThatThrownBy(() -> nowhere.send(CODE_EMAIL))
                    .isInstanceOf(EmailNotSentException.class)
                    .hasMessageStartingWith("SES could not be reached")
                    .message().doesNotContain("482913");
        }
    }

    @Test
    void sendWhenSmsThenRefusedAndNothingSent() {
        assertThatThrownBy(() -> sender.send(new Message(Channel.SMS, "+15555550100", "", "Code 123456", T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ses.received()).isEmpty();
    }
}

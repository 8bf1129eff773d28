package dev.tobira.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.message.Message;
import dev.tobira.core.message.Message.Channel;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** SmsTransport's signed SNS Publish request (query protocol), as received by a stand-in endpoint. */
class SmsTransportTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:04:05Z");
    private static final String PUBLISHED = """
            <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <PublishResult><MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult>
              <ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId></ResponseMetadata>
            </PublishResponse>""";

    private FakeAwsEndpoint sns;
    private SmsTransport transport;

    @BeforeEach
    void setUp() {
        sns = new FakeAwsEndpoint();
        sns.answer(200, "text/xml", PUBLISHED, Map.of());
        transport = new SmsTransport("us-west-2", Optional.of(sns.uri()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSNS", "sns-secret")));
    }

    @AfterEach
    void tearDown() {
        transport.close();
        sns.close();
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
    }

    @Test
    void deliverWhenSmsThenSignedPublishToThePhoneNumberAsTransactionalSms() throws Exception {
        transport.deliver(new Message(Channel.SMS, "+819012345678", "", "Tobira の確認コード: 482913", T0));

        assertThat(sns.requests()).hasSize(1);
        FakeAwsEndpoint.Request request = sns.requests().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.header("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDSNS/")
                .contains("/us-west-2/sns/aws4_request")
                .contains("SignedHeaders=").contains("host");
        // The payload that was signed is the one that arrived.
        assertThat(request.header("X-Amz-Content-SHA256")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(request.body().getBytes(StandardCharsets.UTF_8))));
        assertThat(signatureIsValid(request, "sns-secret")).isTrue();
        assertThat(signatureIsValid(request, "another-secret")).isFalse();
        assertThat(form(request.body())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Action", "Publish",
                "Version", "2010-03-31",
                "PhoneNumber", "+819012345678",
                "Message", "Tobira の確認コード: 482913",
                "MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType",
                "MessageAttributes.entry.1.Value.DataType", "String",
                "MessageAttributes.entry.1.Value.StringValue", "Transactional"));
    }

    /** SigV4 as AWS checks it, from the request as it arrived: the signed headers and the body. */
    private static boolean signatureIsValid(FakeAwsEndpoint.Request request, String secret) throws Exception {
        Matcher auth = Pattern.compile("AWS4-HMAC-SHA256 Credential=[^/]+/([^,]+), SignedHeaders=([^,]+), Signature=(\\p{XDigit}+)")
                .matcher(request.header("Authorization"));
        assertThat(auth.matches()).isTrue();
        String scope = auth.group(1);
        String signedHeaders = auth.group(2);
        StringBuilder canonical = new StringBuilder(request.method() + "\n" + request.path() + "\n\n");
        for (String name : signedHeaders.split(";")) {
            canonical.append(name).append(':').append(request.header(name).strip()).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n').append(sha256Hex(request.body()));
        String stringToSign = "AWS4-HMAC-SHA256\n" + request.header("X-Amz-Date") + "\n" + scope + "\n"
                + sha256Hex(canonical.toString());
        byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
        for (String part : scope.split("/")) {
            key = hmac(key, part);
        }
        return HexFormat.of().formatHex(hmac(key, stringToSign)).equals(auth.group(3));
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deliverWhenSnsAnswersAnErrorThenThrowsWithItsCodeAndMessage() {
        sns.answer(400, "text/xml", """
                <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                  <Error><Type>Sender</Type><Code>InvalidParameter</Code>
                    <Message>Invalid parameter: PhoneNumber Reason: +81 is not valid to publish</Message></Error>
                  <RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId>
                </ErrorResponse>""", Map.of());

        assertThatThrownBy(() -> transport.deliver(new Message(Channel.SMS, "+81", "", "Code 482913", T0)))
                .isInstanceOfSatisfying(SmsTransport.SnsException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("InvalidParameter");
                })
                .hasMessage("SNS Publish failed: HTTP 400 InvalidParameter: Invalid parameter: PhoneNumber Reason: "
                        + "+81 is not valid to publish");
    }
}

package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SES and SNS side doors in production mode: off unless enabled; when enabled, only calls signed
 * with the admin credentials get into the outbox (never an open relay), and the email then leaves by
 * the configured SMTP server from the sender the caller named.
 */
class AwsMessagingProductionTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private static Settings.Delivery smtpDelivery() {
        return Settings.Delivery.smtp("127.0.0.1", smtp.getSmtp().getPort(), Settings.SmtpSecurity.NONE,
                "Tobira <no-reply@tobira.test>");
    }

    private static Processes.Result aws(RunningTobira tobira, String keyId, String secret, String... args) {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", tobira.endpoint(), "--output", "json"));
        command.addAll(List.of(args));
        return Processes.run(command, Processes.awsEnvironment(keyId, secret));
    }

    private static Processes.Result sesSendEmail(RunningTobira tobira, String keyId, String secret, String to) {
        return aws(tobira, keyId, secret, "ses", "send-email", "--from", "App <app@example.com>", "--to", to,
                "--subject", "Your code", "--text", "code 112233");
    }

    private static HttpResponse<String> post(RunningTobira tobira, String path, String contentType, String body)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(tobira.endpoint() + path))
                        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int status(RunningTobira tobira, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(tobira.endpoint() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void sendWhenProductionHasTheSideDoorsOffThenOptInRequiredEvenWithTheAdminCredentials() throws Exception {
        try (RunningTobira tobira = RunningTobira.production(dataDir, smtpDelivery())) {
            Processes.Result v1 = sesSendEmail(tobira, RunningTobira.ADMIN_KEY_ID, RunningTobira.ADMIN_SECRET,
                    "off@example.com");
            assertThat(v1.exitCode()).isNotZero();
            assertThat(v1.stderr()).contains("An error occurred (OptInRequired) when calling the SendEmail operation:"
                    + " SES and SNS on Tobira's port are off. Start Tobira with --aws-messaging");
            Processes.Result v2 = aws(tobira, RunningTobira.ADMIN_KEY_ID, RunningTobira.ADMIN_SECRET, "sesv2",
                    "send-email", "--from-email-address", "app@example.com", "--destination", "ToAddresses=off@example.com",
                    "--content", "Simple={Subject={Data=s},Body={Text={Data=b}}}");
            assertThat(v2.stderr()).contains("An error occurred (OptInRequired) when calling the SendEmail operation");
            Processes.Result sns = aws(tobira, RunningTobira.ADMIN_KEY_ID, RunningTobira.ADMIN_SECRET, "sns",
                    "publish", "--phone-number", "+15555550100", "--message", "m");
            assertThat(sns.stderr()).contains("An error occurred (OptInRequired) when calling the Publish operation");

            assertThat(status(tobira, "/_aws/ses")).isEqualTo(404);
            assertThat(status(tobira, "/_aws/sns/sms-messages")).isEqualTo(404);
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void sendWhenEnabledThenUnsignedAndWronglySignedCallsAreRefusedAndTheAdminSignedOneIsDelivered() throws Exception {
        try (RunningTobira tobira = RunningTobira.productionWithAwsMessaging(dataDir, smtpDelivery())) {
            HttpResponse<String> unsigned = post(tobira, "/", "application/x-www-form-urlencoded",
                    "Action=SendEmail&Version=2010-12-01&Source=app%40example.com"
                            + "&Destination.ToAddresses.member.1=unsigned%40example.com&Message.Subject.Data=s"
                            + "&Message.Body.Text.Data=b");
            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(unsigned.body()).contains("<Code>MissingAuthenticationToken</Code>"
                    + "<Message>Request is missing Authentication Token</Message>");
            HttpResponse<String> unsignedV2 = post(tobira, "/v2/email/outbound-emails", "application/json",
                    "{\"FromEmailAddress\":\"app@example.com\",\"Destination\":{\"ToAddresses\":[\"unsigned@example.com\"]},"
                            + "\"Content\":{\"Simple\":{\"Subject\":{\"Data\":\"s\"},\"Body\":{\"Text\":{\"Data\":\"b\"}}}}}");
            assertThat(unsignedV2.statusCode()).isEqualTo(403);
            assertThat(unsignedV2.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");

            Processes.Result wrongSecret = sesSendEmail(tobira, RunningTobira.ADMIN_KEY_ID, "wrong-secret",
                    "wrong@example.com");
            assertThat(wrongSecret.stderr()).contains("An error occurred (SignatureDoesNotMatch) when calling the"
                    + " SendEmail operation: The request signature we calculated does not match");
            Processes.Result unknownKey = sesSendEmail(tobira, "AKIDSTRANGER", RunningTobira.ADMIN_SECRET,
                    "stranger@example.com");
            assertThat(unknownKey.stderr()).contains("An error occurred (InvalidClientTokenId) when calling the"
                    + " SendEmail operation: The security token included in the request is invalid.");
            Processes.Result wrongV2 = aws(tobira, RunningTobira.ADMIN_KEY_ID, "wrong-secret", "sesv2", "send-email",
                    "--from-email-address", "app@example.com", "--destination", "ToAddresses=wrong@example.com",
                    "--content", "Simple={Subject={Data=s},Body={Text={Data=b}}}");
            assertThat(wrongV2.stderr()).contains("An error occurred (InvalidSignatureException) when calling the"
                    + " SendEmail operation");
            Processes.Result wrongSns = aws(tobira, RunningTobira.ADMIN_KEY_ID, "wrong-secret", "sns", "publish",
                    "--phone-number", "+15555550100", "--message", "m");
            assertThat(wrongSns.stderr()).contains("An error occurred (SignatureDoesNotMatch) when calling the Publish"
                    + " operation");

            Processes.Result signed = sesSendEmail(tobira, RunningTobira.ADMIN_KEY_ID, RunningTobira.ADMIN_SECRET,
                    "user@example.com");
            assertThat(signed.exitCode()).as(signed.stderr()).isZero();
            assertThat(signed.stdout()).contains("\"MessageId\"");
            // SMS has no transport here: refused up front, as for Tobira's own messages.
            Processes.Result sms = aws(tobira, RunningTobira.ADMIN_KEY_ID, RunningTobira.ADMIN_SECRET, "sns", "publish",
                    "--phone-number", "+15555550100", "--message", "m");
            assertThat(sms.stderr()).contains("An error occurred (InvalidParameter) when calling the Publish operation:"
                    + " No SMS delivery is configured on this Tobira server.");

            // The outbox delivers oldest first: had a refused call been enqueued, it would have arrived first.
            assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("user@example.com");
            assertThat(received[0].getFrom()[0].toString()).isEqualTo("App <app@example.com>");
            assertThat(received[0].getSubject()).isEqualTo("Your code");
            assertThat(GreenMailUtil.getBody(received[0])).contains("code 112233");
            assertThat(status(tobira, "/_aws/ses")).isEqualTo(404);
        }
    }
}

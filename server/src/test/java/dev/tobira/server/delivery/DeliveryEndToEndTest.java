package dev.tobira.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.config.Settings.SmtpSecurity;
import dev.tobira.server.dev.DevPool;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Messages sent by Cognito operations leave a running server by the configured transports. */
class DeliveryEndToEndTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;

    private static Settings.Delivery smtpDelivery() {
        return Settings.Delivery.smtp("127.0.0.1", smtp.getSmtp().getPort(), SmtpSecurity.NONE,
                "Tobira <no-reply@tobira.test>");
    }

    @Test
    void adminCreateUserWhenProductionHasSmtpThenTheInvitationArrivesBySmtpAndSmsIsRefused() throws Exception {
        try (RunningTobira tobira = RunningTobira.production(dataDir, smtpDelivery()); var admin = tobira.client()) {
            String poolId = admin.createUserPool(b -> b.poolName("mail")).userPool().id();
            admin.adminCreateUser(b -> b.userPoolId(poolId).username("ivan")
                    .userAttributes(a -> a.name("email").value("ivan@example.com"))
                    .temporaryPassword("Temp-Passw0rd!x")
                    .desiredDeliveryMediums(DeliveryMediumType.EMAIL));

            assertThat(smtp.waitForIncomingEmail(Poll.DEADLINE.toMillis(), 1)).isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ivan@example.com");
            assertThat(mail.getFrom()[0].toString()).isEqualTo("Tobira <no-reply@tobira.test>");
            assertThat(mail.getSubject()).isEqualTo("Your temporary password");
            assertThat(GreenMailUtil.getBody(mail)).contains("Temp-Passw0rd!x");

            assertThatThrownBy(() -> admin.adminCreateUser(b -> b.userPoolId(poolId).username("sms-user")
                    .userAttributes(a -> a.name("phone_number").value("+15555550100"))
                    .desiredDeliveryMediums(DeliveryMediumType.SMS)))
                    .isInstanceOfSatisfying(CognitoIdentityProviderException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("CodeDeliveryFailureException");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("No SMS delivery is configured on this Tobira server.");
                    });
            assertThat(admin.listUsers(b -> b.userPoolId(poolId)).users()).hasSize(1);
        }
    }

    @Test
    void outboxWhenDevModeHasSmtpThenEmailGoesBySmtpAndIsListedInTheDevOutbox() throws Exception {
        try (RunningTobira tobira = RunningTobira.devInMemory(smtpDelivery()); var cognito = tobira.client()) {
            cognito.adminCreateUser(b -> b.userPoolId(DevPool.poolId("us-east-1")).username("kana@example.com")
                    .temporaryPassword("Dev-Passw0rd!x")
                    .desiredDeliveryMediums(DeliveryMediumType.EMAIL));

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(tobira.endpoint() + "/_tobira/outbox?to=kana@example.com")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode messages = JsonMapper.builder().build().readTree(response.body()).get("messages");
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0).get("body").asString()).contains("Dev-Passw0rd!x");
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).contains("Dev-Passw0rd!x");
        }
    }

    @Test
    void adminCreateUserWhenProductionHasSesAndSnsThenTheyReceiveTheInvitationsWithDefaultChainCredentials()
            throws Exception {
        try (FakeAwsEndpoint ses = new FakeAwsEndpoint(); FakeAwsEndpoint sns = new FakeAwsEndpoint()) {
            ses.answer(200, "application/json", "{\"MessageId\":\"x\"}", Map.of());
            sns.answer(200, "text/xml", "<PublishResponse><PublishResult><MessageId>y</MessageId></PublishResult>"
                    + "</PublishResponse>", Map.of());
            Settings.Delivery aws = new Settings.Delivery(Optional.empty(), 587, SmtpSecurity.STARTTLS,
                    Optional.empty(), Optional.empty(), Optional.of("no-reply@tobira.test"), Optional.of("eu-west-1"),
                    Optional.of(ses.uri().toString()), Optional.of("eu-west-1"), Optional.of(sns.uri().toString()));
            // The default provider chain's first source that a test can set without touching the environment.
            System.setProperty("aws.accessKeyId", "AKIDCHAIN");
            System.setProperty("aws.secretAccessKey", "chain-secret");
            try (RunningTobira tobira = RunningTobira.production(dataDir, aws); var admin = tobira.client()) {
                String poolId = admin.createUserPool(b -> b.poolName("aws")).userPool().id();
                admin.adminCreateUser(b -> b.userPoolId(poolId).username("mei")
                        .userAttributes(a -> a.name("email").value("mei@example.com"),
                                a -> a.name("phone_number").value("+819012345678"))
                        .temporaryPassword("Temp-Passw0rd!y")
                        .desiredDeliveryMediums(DeliveryMediumType.EMAIL, DeliveryMediumType.SMS));

                Poll.until("SES SendEmail and SNS Publish", () -> !ses.requests().isEmpty() && !sns.requests().isEmpty());
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
            FakeAwsEndpoint.Request email = ses.requests().getFirst();
            assertThat(email.header("Authorization")).contains("Credential=AKIDCHAIN/").contains("/eu-west-1/ses/");
            assertThat(email.body()).contains("\"mei@example.com\"").contains("Temp-Passw0rd!y");
            FakeAwsEndpoint.Request sms = sns.requests().getFirst();
            assertThat(sms.header("Authorization")).contains("Credential=AKIDCHAIN/").contains("/eu-west-1/sns/");
            assertThat(sms.body()).contains("PhoneNumber=%2B819012345678");
        }
    }
}

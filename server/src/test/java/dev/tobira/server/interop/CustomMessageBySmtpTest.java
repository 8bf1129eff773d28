package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.config.Settings.SmtpSecurity;
import dev.tobira.server.trigger.TestHandlers;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;
import tools.jackson.databind.JsonNode;

/**
 * A CustomMessage function (a Java class written against aws-lambda-java-events) rewrites the sign-up
 * email; the rewritten email, with the real code, is what lands in the dev outbox and what a real SMTP
 * server (GreenMail) receives, and its code confirms the user.
 */
class CustomMessageBySmtpTest {

    private static final long WAIT_MILLIS = 90_000;

    @Test
    void signUpWhenCustomMessageRewritesTheEmailThenOutboxAndSmtpGetTheRewrittenEmail() throws Exception {
        int port = RunningTobira.freePort();
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try (RunningTobira tobira = RunningTobira.devInMemory(
                Settings.Delivery.smtp("127.0.0.1", port, SmtpSecurity.NONE, "Tobira <no-reply@tobira.test>"),
                new Settings.Triggers(Map.of("acme-messages", TestHandlers.AcmeSignUpMessage.class.getName()),
                        List.of(), Optional.empty()));
                var cognito = tobira.client()) {
            String poolId = cognito.createUserPool(b -> b.poolName("acme")
                    .usernameAttributes(UsernameAttributeType.EMAIL).autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                    .lambdaConfig(l -> l.customMessage("arn:aws:lambda:us-east-1:123456789012:function:acme-messages")))
                    .userPool().id();
            String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("web"))
                    .userPoolClient().clientId();

            cognito.signUp(b -> b.clientId(clientId).username("uma@example.com").password("Passw0rd!"));

            JsonNode outbox = DevOutbox.newest(tobira.endpoint(), "uma@example.com");
            assertThat(outbox.get("subject").asString()).isEqualTo("Welcome to Acme");
            String code = DevOutbox.latestCode(tobira.endpoint(), "uma@example.com", 6);
            assertThat(outbox.get("body").asString()).contains("Welcome to Acme, uma@example.com!")
                    .contains("Your code is " + code + ".");
            assertThat(mail.waitForIncomingEmail(WAIT_MILLIS, 1)).isTrue();
            MimeMessage message = mail.getReceivedMessages()[0];
            assertThat(message.getSubject()).isEqualTo("Welcome to Acme");
            assertThat(GreenMailUtil.getBody(message)).contains("Welcome to Acme").contains("<b>" + code + "</b>");

            cognito.confirmSignUp(b -> b.clientId(clientId).username("uma@example.com").confirmationCode(code));
            assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("uma@example.com")).userStatus())
                    .isEqualTo(UserStatusType.CONFIRMED);
        } finally {
            mail.stop();
        }
    }
}

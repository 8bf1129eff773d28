package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.config.Settings.SmtpSecurity;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Sign-up codes leave a production server by real SMTP (GreenMail), and none is lost while the mail
 * server is down, across a restart of Tobira included.
 */
class SignUpBySmtpTest {

    private static final long WAIT_MILLIS = 90_000;

    @TempDir
    Path dataDir;

    private static Settings.Delivery smtp(int port) {
        return Settings.Delivery.smtp("127.0.0.1", port, SmtpSecurity.NONE, "Tobira <no-reply@tobira.test>");
    }

    private static GreenMail greenMail(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** A pool whose users sign up with their email, which is verified by code, and a public client. */
    private static String[] poolAndClient(CognitoIdentityProviderClient admin) {
        String poolId = admin.createUserPool(b -> b.poolName("mail").usernameAttributes(UsernameAttributeType.EMAIL)
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
        String clientId = admin.createUserPoolClient(b -> b.userPoolId(poolId).clientName("web")).userPoolClient()
                .clientId();
        return new String[] {poolId, clientId};
    }

    private static String code(MimeMessage mail) {
        Matcher m = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)").matcher(GreenMailUtil.getBody(mail));
        assertThat(m.find()).as(GreenMailUtil.getBody(mail)).isTrue();
        return m.group(1);
    }

    @Test
    void signUpWhenProductionSendsBySmtpThenTheEmailCarriesTheCodeThatConfirms() throws Exception {
        int port = RunningTobira.freePort();
        GreenMail mail = greenMail(port);
        try (RunningTobira tobira = RunningTobira.production(dataDir, smtp(port)); var cognito = tobira.client()) {
            String[] ids = poolAndClient(cognito);
            cognito.signUp(b -> b.clientId(ids[1]).username("uma@example.com").password("Passw0rd!"));

            assertThat(mail.waitForIncomingEmail(WAIT_MILLIS, 1)).isTrue();
            MimeMessage message = mail.getReceivedMessages()[0];
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo("uma@example.com");
            assertThat(message.getSubject()).isEqualTo("Your verification code");
            assertThat(GreenMailUtil.getBody(message)).contains("24 hours").contains("text/html");

            cognito.confirmSignUp(b -> b.clientId(ids[1]).username("uma@example.com").confirmationCode(code(message)));
            assertThat(cognito.adminGetUser(b -> b.userPoolId(ids[0]).username("uma@example.com")).userStatus())
                    .isEqualTo(UserStatusType.CONFIRMED);
        } finally {
            mail.stop();
        }
    }

    @Test
    void signUpWhenSmtpIsDownThenSignUpsSucceedAndEveryCodeArrivesAfterARestart() throws Exception {
        int port = RunningTobira.freePort();
        List<String> emails = List.of("vic@example.com", "wen@example.com", "xia@example.com");
        String[] ids;
        try (RunningTobira first = RunningTobira.production(dataDir, smtp(port)); var cognito = first.client()) {
            ids = poolAndClient(cognito);
            for (String email : emails) {
                assertThat(cognito.signUp(b -> b.clientId(ids[1]).username(email).password("Passw0rd!"))
                        .codeDeliveryDetails().destination()).endsWith("@e***");
            }
        }
        GreenMail mail = greenMail(port);
        try (RunningTobira second = RunningTobira.production(dataDir, smtp(port)); var cognito = second.client()) {
            assertThat(mail.waitForIncomingEmail(WAIT_MILLIS, emails.size())).isTrue();
            Map<String, String> codes = new HashMap<>();
            for (MimeMessage message : mail.getReceivedMessages()) {
                codes.put(message.getAllRecipients()[0].toString(), code(message));
            }
            assertThat(codes).containsOnlyKeys(emails);
            for (String email : emails) {
                cognito.confirmSignUp(b -> b.clientId(ids[1]).username(email).confirmationCode(codes.get(email)));
            }
            assertThat(cognito.listUsers(b -> b.userPoolId(ids[0]).filter("cognito:user_status = \"CONFIRMED\""))
                    .users()).hasSize(emails.size());
            assertThat(mail.getReceivedMessages()).hasSize(emails.size());
        } finally {
            mail.stop();
        }
    }
}

package dev.tobira.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tobira.server.config.Settings;
import dev.tobira.server.config.Settings.SmtpSecurity;
import dev.tobira.server.store.JdbcStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * In production mode no password, code, salt or verifier reaches the log — through sign-up, wrong
 * and right codes, temporary and permanent passwords, and delivery failures while SMTP is down.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionLogSecrecyTest {

    @TempDir
    Path dataDir;

    @Test
    void productionWhenSecretsFlowThroughThenNoneAppearsInTheLog(CapturedOutput output) throws Exception {
        int port = RunningTobira.freePort();
        Settings.Delivery smtp = Settings.Delivery.smtp("127.0.0.1", port, SmtpSecurity.NONE, "no-reply@tobira.test");
        List<String> secrets = new ArrayList<>(List.of("Sign-Up-Passw0rd!", "Temp-Passw0rd!7", "Perm-Passw0rd!9"));
        String poolId;
        GreenMail mail = null;
        try (RunningTobira tobira = RunningTobira.production(dataDir, smtp); var cognito = tobira.client()) {
            poolId = cognito.createUserPool(b -> b.poolName("quiet").usernameAttributes(UsernameAttributeType.EMAIL)
                    .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
            String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("web"))
                    .userPoolClient().clientId();
            // SMTP is down: delivery fails and is retried, and those failures are logged.
            cognito.signUp(b -> b.clientId(clientId).username("yui@example.com").password("Sign-Up-Passw0rd!"));
            cognito.adminCreateUser(b -> b.userPoolId(poolId).username("zed@example.com")
                    .temporaryPassword("Temp-Passw0rd!7").messageAction(MessageActionType.SUPPRESS));
            cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username("zed@example.com")
                    .password("Perm-Passw0rd!9").permanent(true));
            Thread.sleep(2_000);

            mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            assertThat(mail.waitForIncomingEmail(90_000, 1)).isTrue();
            Matcher m = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)")
                    .matcher(GreenMailUtil.getBody(mail.getReceivedMessages()[0]));
            assertThat(m.find()).isTrue();
            String code = m.group(1);
            secrets.add(code);
            String wrong = code.equals("000000") ? "111111" : "000000";
            assertThatThrownBy(() -> cognito.confirmSignUp(b -> b.clientId(clientId).username("yui@example.com")
                    .confirmationCode(wrong))).isInstanceOf(CodeMismatchException.class);
            cognito.confirmSignUp(b -> b.clientId(clientId).username("yui@example.com").confirmationCode(code));
        } finally {
            if (mail != null) {
                mail.stop();
            }
        }
        // The stored salts, verifiers and code hashes, read back from the database after the server stopped.
        DriverManagerDataSource db = new DriverManagerDataSource(JdbcStores.h2Url(dataDir));
        JdbcClient jdbc = JdbcClient.create(db);
        secrets.addAll(jdbc.sql("SELECT password_salt FROM users").query(String.class).list());
        secrets.addAll(jdbc.sql("SELECT password_verifier FROM users").query(String.class).list());
        secrets.addAll(jdbc.sql("SELECT code_hash FROM one_time_codes").query(String.class).list());

        String log = output.getAll();
        assertThat(log).contains("Tobira is ready on").contains("not delivered");
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(8);
        for (String secret : secrets) {
            assertThat(log).as("the log must not contain a secret").doesNotContain(secret);
        }
    }
}

package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.config.Settings.FunctionFolder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The original demo (../shared/seeds/000) on Tobira with its own code unchanged: its three Python
 * Lambda functions (src/test/resources/seed000, exactly as the article prints them) run from their
 * folders with {@code --trigger-dir}; the pool and client are made with the AWS CLI commands of the
 * README's "Run the original demo's code against Tobira"; its Streamlit app's Cognito calls
 * ({@code interop/seed000_app.py}: boto3 as the app makes it, pycognito's SRP) sign up, confirm, and sign
 * in with the password and the code its Create function emailed through boto3's SES client.
 */
class SeedDemoPythonTest {

    private static final String ARN = "arn:aws:lambda:ap-northeast-1:000000000000:function:";

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SeedDemoPythonTest.class.getResource(name).toURI());
    }

    @Test
    @DisplayName("The demo's Define/Create/Verify (Python, unchanged) and its app's boto3 calls: sign-up, confirm, SRP_A alone, PASSWORD_VERIFIER, the code emailed through SES, tokens; a wrong code and a wrong password refused")
    void signInWhenTheDemosOwnFunctionsAndAppRunAgainstTobiraThenPasswordThenEmailedCodeThenTokens() throws Exception {
        Settings.Triggers triggers = new Settings.Triggers(Map.of(), List.of(), Optional.empty(), Map.of(
                "define_auth", new FunctionFolder(resource("/seed000/define_auth"), Optional.empty()),
                "create_auth", new FunctionFolder(resource("/seed000/create_auth"), Optional.empty()),
                "verify_auth", new FunctionFolder(resource("/seed000/verify_auth"), Optional.empty())),
                Map.of(), Map.of());
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        try (RunningTobira tobira = RunningTobira.devInMemory(triggers)) {
            Logger triggerLog = (Logger) LoggerFactory.getLogger("tobira.trigger");
            log.start();
            triggerLog.addAppender(log);
            try {
                AwsCli aws = new AwsCli(tobira.endpoint());
                JsonNode pool = aws.ok("create-user-pool", "--pool-name", "custom-otp-pool",
                        "--username-attributes", "email", "--auto-verified-attributes", "email",
                        "--lambda-config", "DefineAuthChallenge=" + ARN + "define_auth,CreateAuthChallenge=" + ARN
                                + "create_auth,VerifyAuthChallengeResponse=" + ARN + "verify_auth");
                String poolId = pool.get("UserPool").get("Id").asString();
                String clientId = aws.ok("create-user-pool-client", "--user-pool-id", poolId,
                        "--client-name", "AppClient", "--no-generate-secret", "--explicit-auth-flows",
                        "ALLOW_CUSTOM_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")
                        .get("UserPoolClient").get("ClientId").asString();

                // The app's environment: its own variables, and the one that points boto3 at Tobira.
                Map<String, String> environment = new HashMap<>(Processes.awsEnvironment("local", "local"));
                environment.putAll(Map.of("USER_POOL_ID", poolId, "CLIENT_ID", clientId,
                        "AWS_REGION", "ap-northeast-1",
                        "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", tobira.endpoint()));
                Processes.Result result = Processes.run(List.of("python3",
                        resource("/interop/seed000_app.py").toString(), tobira.endpoint(), poolId, clientId),
                        environment);
                assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
                assertThat(result.stdout()).contains("all checks passed");
            } finally {
                triggerLog.detachAppender(log);
            }
        }
        // The functions' own logging reached Tobira's log, each line named after its function.
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("define_auth") && line.contains("Password verified. Next challenge: CUSTOM_CHALLENGE"))
                .anyMatch(line -> line.contains("create_auth") && line.contains("OTP email sent successfully"))
                .anyMatch(line -> line.contains("verify_auth") && line.contains("OTP verification: FAILED"));
    }
}

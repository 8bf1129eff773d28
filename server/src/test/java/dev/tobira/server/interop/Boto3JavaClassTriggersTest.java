package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The password-then-emailed-code design through boto3, with the triggers run as Java classes inside
 * Tobira: the {@code lambda} module's handlers, the same code that runs on AWS Lambda (the script's
 * asserts are the test: {@code src/test/resources/interop/boto3_custom_auth.py}).
 */
class Boto3JavaClassTriggersTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";

    @Test
    @DisplayName("boto3: SRP, then the code the Java-class triggers emailed, then tokens; wrong password sends nothing; 3 wrong codes fail")
    void customAuthWhenTriggersAreJavaClassesThenPasswordThenCodeWorksFromBoto3() throws Exception {
        String script = Path.of(getClass().getResource("/interop/boto3_custom_auth.py").toURI()).toString();
        Settings.Triggers triggers = new Settings.Triggers(Map.of(
                "otp-define", EmailOtpLambdas.Define.class.getName(),
                "otp-create", EmailOtpLambdas.Create.class.getName(),
                "otp-verify", EmailOtpLambdas.Verify.class.getName()), List.of(), Optional.empty());
        HttpServer mailbox = EmailOtpLambdas.serveMailbox();
        try (RunningTobira tobira = RunningTobira.devInMemory(triggers)) {
            Processes.Result result = Processes.run(List.of("python3", script, tobira.endpoint(),
                    "http://127.0.0.1:" + mailbox.getAddress().getPort() + "/",
                    ARN + "otp-define", ARN + "otp-create", ARN + "otp-verify:live"), Map.of());
            assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
            assertThat(result.stdout()).contains("all checks passed");
        } finally {
            mailbox.stop(0);
        }
    }
}

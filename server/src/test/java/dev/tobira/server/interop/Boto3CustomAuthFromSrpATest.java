package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.dev.DevPool;
import dev.tobira.server.trigger.TestHandlers;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CUSTOM_AUTH begun with {@code SRP_A} alone, as the original demo's app does it through pycognito
 * (spec §3.1), driven by boto3 (the script's asserts are the test:
 * {@code src/test/resources/interop/boto3_custom_auth_srp_a.py}, with the SRP maths of
 * {@code cognito_srp.py}): PASSWORD_VERIFIER, then the emailed code, then tokens; a replayed proof, a
 * wrong password and an unknown user are refused and send nothing.
 */
class Boto3CustomAuthFromSrpATest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";

    private static String script() throws URISyntaxException {
        return Path.of(Boto3CustomAuthFromSrpATest.class.getResource("/interop/boto3_custom_auth_srp_a.py").toURI())
                .toString();
    }

    @Test
    @DisplayName("boto3 as pycognito, dev pool (built-in triggers): SRP_A alone → PASSWORD_VERIFIER → the code from the dev outbox → tokens")
    void customAuthWhenBoto3SendsSrpAAloneToTheDevPoolThenPasswordThenEmailedCodeThenTokens() throws Exception {
        try (RunningTobira tobira = RunningTobira.devInMemory()) {
            Processes.Result result = Processes.run(List.of("python3", script(), tobira.endpoint(),
                    tobira.endpoint() + "/_tobira/outbox", "dev", DevPool.poolId("us-east-1"), DevPool.CLIENT_ID),
                    Map.of());
            assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
            assertThat(result.stdout()).contains("all checks passed");
        }
    }

    @Test
    @DisplayName("boto3 as pycognito, a Java-class Define written like the seed's (empty session → PASSWORD_VERIFIER …), a client with a secret")
    void customAuthWhenDefineIsAJavaClassWrittenLikeTheSeedsThenBoto3SignsInFromSrpAAlone() throws Exception {
        Settings.Triggers triggers = new Settings.Triggers(Map.of(
                "define-auth", TestHandlers.SeedDefine.class.getName(),
                "create-auth", EmailOtpLambdas.Create.class.getName(),
                "verify-auth", EmailOtpLambdas.Verify.class.getName()), List.of(), Optional.empty());
        HttpServer mailbox = EmailOtpLambdas.serveMailbox();
        try (RunningTobira tobira = RunningTobira.devInMemory(triggers)) {
            Processes.Result result = Processes.run(List.of("python3", script(), tobira.endpoint(),
                    "http://127.0.0.1:" + mailbox.getAddress().getPort() + "/", "triggers",
                    ARN + "define-auth", ARN + "create-auth", ARN + "verify-auth"), Map.of());
            assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
            assertThat(result.stdout()).contains("all checks passed");
        } finally {
            mailbox.stop(0);
        }
    }
}

package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * USER_PASSWORD_AUTH, GetUser, REFRESH_TOKEN_AUTH, GlobalSignOut and the lockout through boto3
 * (the script's asserts are the test: {@code src/test/resources/interop/boto3_signin.py}).
 */
class Boto3SignInTest {

    @Test
    @DisplayName("boto3: password sign-in, GetUser, GlobalSignOut revoking the tokens, lockout after five wrong passwords")
    void initiateAuthWhenDrivenByBoto3ThenEveryCheckPasses() throws URISyntaxException {
        String script = Path.of(getClass().getResource("/interop/boto3_signin.py").toURI()).toString();
        try (RunningTobira tobira = RunningTobira.devInMemory()) {
            Processes.Result result = Processes.run(List.of("python3", script, tobira.endpoint()), Map.of());
            assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
            assertThat(result.stdout()).contains("all checks passed");
        }
    }
}

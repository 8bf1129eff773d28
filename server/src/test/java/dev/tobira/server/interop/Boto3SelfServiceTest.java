package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * UpdateUserAttributes, VerifyUserAttribute, GetUserAttributeVerificationCode, DeleteUserAttributes,
 * AdminResetUserPassword and DeleteUser through boto3 (the script's asserts are the test).
 */
class Boto3SelfServiceTest {

    @Test
    void selfServiceWhenDrivenByBoto3ThenEveryCheckPasses() throws URISyntaxException {
        String script = Path.of(Boto3SelfServiceTest.class.getResource("/interop/boto3_self_service.py").toURI())
                .toString();
        try (RunningTobira tobira = RunningTobira.devInMemory()) {
            Processes.Result result = Processes.run(List.of("python3", script, tobira.endpoint()), Map.of());
            assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
            assertThat(result.stdout()).contains("all checks passed");
        }
    }
}

package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The administration cycle through boto3 (the script's asserts are the test). */
class Boto3AdministrationTest {

    static String script() {
        try {
            return Path.of(Boto3AdministrationTest.class.getResource("/interop/boto3_admin.py").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void adminWhenDrivenByBoto3ThenEveryCheckPasses() {
        try (RunningTobira tobira = RunningTobira.devInMemory()) {
            Processes.Result result = Processes.run(List.of("python3", script(), "admin", tobira.endpoint()), Map.of());
            assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
            assertThat(result.stdout()).contains("all checks passed");
        }
    }
}

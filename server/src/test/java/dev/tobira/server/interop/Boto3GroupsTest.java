package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Groups, their token claims, tags and Admin* calls by sub through boto3 (the script's asserts are the test). */
class Boto3GroupsTest {

    @Test
    void groupsAndTagsWhenDrivenByBoto3ThenEveryCheckPasses() throws URISyntaxException {
        String script = Path.of(Boto3GroupsTest.class.getResource("/interop/boto3_groups.py").toURI()).toString();
        try (RunningTobira tobira = RunningTobira.devInMemory()) {
            Processes.Result result = Processes.run(List.of("python3", script, tobira.endpoint()), Map.of());
            assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
            assertThat(result.stdout()).contains("boto3 groups: all checks passed");
        }
    }
}

package dev.tobira.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.config.Settings.FunctionFolder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's function folders: {@code --trigger-dir}, {@code --trigger-env} and
 * {@code --trigger-env-file}, and the start-up errors a wrong one gets.
 */
class TriggerFolderSettingsTest {

    private static String folder(String name) throws URISyntaxException {
        return Path.of(TriggerFolderSettingsTest.class.getResource("/functions/" + name).toURI()).toString();
    }

    @Test
    void devWhenTriggerDirsGivenThenTheSettingsCarryFoldersAndHandlers() throws Exception {
        CommandRun run = CommandRun.dev("--trigger-dir", "probe=" + folder("python-probe"),
                "--trigger-dir", "app=" + folder("node-app-handler") + ":src/app.lambdaHandler");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.settings().triggers().folders()).isEqualTo(Map.of(
                "probe", new FunctionFolder(Path.of(folder("python-probe")), Optional.empty()),
                "app", new FunctionFolder(Path.of(folder("node-app-handler")), Optional.of("src/app.lambdaHandler"))));
    }

    @Test
    void startWhenTriggerEnvAndEnvFileGivenThenOptionsWinOverTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("functions.env");
        Files.writeString(file, """
                # every function
                STAGE=local
                GREETING="hello, world"
                probe:TABLE=users
                probe:MODE=file
                """);

        CommandRun run = CommandRun.start("--trigger-dir", "probe=" + folder("python-probe"),
                "--trigger-env-file", file.toString(), "--trigger-env", "probe:MODE=option");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.settings().triggers().environment())
                .isEqualTo(Map.of("STAGE", "local", "GREETING", "hello, world"));
        assertThat(run.settings().triggers().functionEnvironment())
                .isEqualTo(Map.of("probe", Map.of("TABLE", "users", "MODE", "option")));
    }

    @Test
    void devWhenFolderHasNoIndexFileThenRefusesToStartAndSaysWhichFiles(@TempDir Path dir) {
        CommandRun run = CommandRun.dev("--trigger-dir", "my-define=" + dir);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.settings()).isNull();
        assertThat(run.err()).contains("tobira: cannot start: Trigger function my-define (--trigger-dir my-define="
                + dir + "): no module for handler index.handler in " + dir + " (index.py, index.mjs or index.js).");
    }

    @Test
    void devWhenFunctionIsBothFolderAndClassThenRefusesToStart() throws Exception {
        CommandRun run = CommandRun.dev("--trigger-dir", "f=" + folder("python-probe"), "--trigger-class", "f=a.B");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("tobira: cannot start: Trigger function f is given both --trigger-dir and "
                + "--trigger-class.");
    }

    @Test
    void devWhenTriggerEnvHasNoFunctionNameThenRefusesToStart() throws IOException {
        CommandRun run = CommandRun.dev("--trigger-env", "KEY=VALUE");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("tobira: cannot start: --trigger-env KEY=VALUE is not FUNCTION:KEY=VALUE");
    }
}

package dev.tobira.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The command line's settings for USER_AUTH's sign-in codes (also TOBIRA_SIGN_IN_CODE_* variables). */
class SignInCodeSettingsTest {

    private record Run(int code, Settings settings, String err) {}

    private static Run dev(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "dev";
        args[1] = "--in-memory";
        System.arraycopy(options, 0, args, 2, options.length);
        AtomicReference<Settings> launched = new AtomicReference<>();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = TobiraCommand.run(launched::set, args);
            return new Run(code, launched.get(), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void devWhenNoCodeOptionsThenCognitosEightDigitsAndThreeAnswers() {
        Run run = dev();
        assertThat(run.code()).isZero();
        assertThat(run.settings().limits().signInCodeLength()).isEqualTo(8);
        assertThat(run.settings().limits().signInCodeAttempts()).isEqualTo(3);
    }

    @Test
    void devWhenCodeOptionsGivenThenTheLimitsCarryThem() {
        Run run = dev("--sign-in-code-length", "10", "--sign-in-code-attempts", "5");
        assertThat(run.settings().limits().signInCodeLength()).isEqualTo(10);
        assertThat(run.settings().limits().signInCodeAttempts()).isEqualTo(5);
    }

    @Test
    void devWhenCodeLengthOutOfRangeThenRefusesToStartAndSaysWhy() {
        Run run = dev("--sign-in-code-length", "4");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.settings()).isNull();
        assertThat(run.err()).contains("tobira: invalid code setting: the sign-in code length must be 6 to 10, not 4");
    }
}

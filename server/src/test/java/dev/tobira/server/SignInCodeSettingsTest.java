package dev.tobira.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line's settings for USER_AUTH's sign-in codes (also TOBIRA_SIGN_IN_CODE_* variables). */
class SignInCodeSettingsTest {

    private static CommandRun dev(String... options) {
        return CommandRun.dev(options);
    }

    @Test
    void devWhenNoCodeOptionsThenCognitosEightDigitsAndThreeAnswers() {
        CommandRun run = dev();
        assertThat(run.code()).isZero();
        assertThat(run.settings().limits().signInCodeLength()).isEqualTo(8);
        assertThat(run.settings().limits().signInCodeAttempts()).isEqualTo(3);
    }

    @Test
    void devWhenCodeOptionsGivenThenTheLimitsCarryThem() {
        CommandRun run = dev("--sign-in-code-length", "10", "--sign-in-code-attempts", "5");
        assertThat(run.settings().limits().signInCodeLength()).isEqualTo(10);
        assertThat(run.settings().limits().signInCodeAttempts()).isEqualTo(5);
    }

    @Test
    void devWhenCodeLengthOutOfRangeThenRefusesToStartAndSaysWhy() {
        CommandRun run = dev("--sign-in-code-length", "4");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.settings()).isNull();
        assertThat(run.err()).contains("tobira: invalid code setting: the sign-in code length must be 6 to 10, not 4");
    }
}

package dev.tobira.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --aws-messaging} (TOBIRA_AWS_MESSAGING): the SES and SNS side doors, on in dev and off in production by default. */
class AwsMessagingSettingsTest {

    @Test
    void devWhenNotGivenThenTheSideDoorsAreOn() {
        assertThat(CommandRun.dev().settings().awsMessaging()).isTrue();
    }

    @Test
    void devWhenFalseThenTheSideDoorsAreOff() {
        assertThat(CommandRun.dev("--aws-messaging=false").settings().awsMessaging()).isFalse();
    }

    @Test
    void startWhenNotGivenThenTheSideDoorsAreOff() {
        assertThat(CommandRun.start().settings().awsMessaging()).isFalse();
    }

    @Test
    void startWhenGivenAsAFlagThenTheSideDoorsAreOn() {
        assertThat(CommandRun.start("--aws-messaging").settings().awsMessaging()).isTrue();
        assertThat(CommandRun.start("--aws-messaging", "true").settings().awsMessaging()).isTrue();
    }
}

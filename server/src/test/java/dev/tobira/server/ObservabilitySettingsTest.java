package dev.tobira.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.config.Settings;
import dev.tobira.server.config.Settings.LogFormat;
import org.junit.jupiter.api.Test;

/**
 * {@code --prometheus} (TOBIRA_PROMETHEUS), on in dev and off in production by default, and
 * {@code --log-format} (TOBIRA_LOG_FORMAT), and the Spring properties they become.
 */
class ObservabilitySettingsTest {

    @Test
    void devWhenNotGivenThenPrometheusOnAndTextLogs() {
        assertThat(CommandRun.dev().settings().observability())
                .isEqualTo(new Settings.Observability(true, LogFormat.TEXT));
    }

    @Test
    void startWhenNotGivenThenPrometheusOff() {
        assertThat(CommandRun.start().settings().observability().prometheus()).isFalse();
    }

    @Test
    void startWhenPrometheusAndJsonGivenThenOnAndEcs() {
        assertThat(CommandRun.start("--prometheus", "--log-format", "json").settings().observability())
                .isEqualTo(new Settings.Observability(true, LogFormat.ECS));
        assertThat(CommandRun.start("--log-format", "LOGSTASH").settings().observability().logFormat())
                .isEqualTo(LogFormat.LOGSTASH);
    }

    @Test
    void startWhenLogFormatUnknownThenRefusesAndSaysWhich() {
        CommandRun run = CommandRun.start("--log-format", "xml");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.settings()).isNull();
        assertThat(run.err()).contains("--log-format must be text, json, ecs or logstash, not xml");
    }

    @Test
    void observabilityWhenJsonAndPrometheusThenExposedAndStructured() {
        assertThat(TobiraApplication.observability(new Settings.Observability(true, LogFormat.ECS)))
                .containsEntry("management.endpoints.web.exposure.include", "health,prometheus")
                .containsEntry("logging.structured.format.console", "ecs")
                .containsEntry("management.endpoint.health.group.readiness.include", "readinessState,db");
        assertThat(TobiraApplication.observability(Settings.Observability.defaults(false)))
                .containsEntry("management.endpoints.web.exposure.include", "health")
                .doesNotContainKey("logging.structured.format.console");
    }
}

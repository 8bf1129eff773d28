package dev.tobira.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Production mode's metrics exposure, readiness and structured logs ({@link Settings.Observability}). */
@ExtendWith(OutputCaptureExtension.class)
class ProductionObservabilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    @Test
    void startWhenPrometheusNotSetThenNotServedAndReadinessIncludesTheDatabase() throws Exception {
        try (RunningTobira tobira = RunningTobira.production(dataDir, Settings.Observability.defaults(false))) {
            assertThat(PrometheusScrapeTest.get(tobira.endpoint() + "/actuator/prometheus").statusCode())
                    .isEqualTo(404);
            HttpResponse<String> readiness = PrometheusScrapeTest.get(tobira.endpoint() + "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(readiness.body());
            assertThat(body.path("status").asString()).isEqualTo("UP");
            assertThat(body.path("components").path("db").path("status").asString()).isEqualTo("UP");
            assertThat(body.path("components").path("readinessState").path("status").asString()).isEqualTo("UP");
            assertThat(PrometheusScrapeTest.get(tobira.endpoint() + "/actuator/health/liveness").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void startWhenPrometheusAndJsonLogsSetThenServedAndEachLogLineIsAJsonObject(CapturedOutput output)
            throws Exception {
        try (RunningTobira tobira = RunningTobira.production(dataDir,
                new Settings.Observability(true, Settings.LogFormat.parse("json")))) {
            HttpResponse<String> scrape = PrometheusScrapeTest.get(tobira.endpoint() + "/actuator/prometheus");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("tobira_outbox_pending ");
        }
        String started = output.getOut().lines().filter(l -> l.contains("Tomcat started")).findFirst().orElseThrow();
        JsonNode line = JSON.readTree(started);
        assertThat(line.path("@timestamp").isString()).isTrue();
        assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
    }
}

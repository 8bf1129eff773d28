package dev.tobira.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
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
    void readinessWhenTheDatabaseStopsThenDown() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.start();
        try (RunningTobira tobira = RunningTobira.production(postgres.getJdbcUrl("postgres", "postgres"),
                Optional.of("postgres"))) {
            String readiness = tobira.endpoint() + "/actuator/health/readiness";
            assertThat(PrometheusScrapeTest.get(readiness).statusCode()).isEqualTo(200);
            postgres.close();
            HttpResponse<String> down = PrometheusScrapeTest.get(readiness);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(down.body()).path("components").path("db").path("status").asString())
                    .isEqualTo("DOWN");
            // Liveness does not depend on the database: the process is fine, restarting it would not help.
            assertThat(PrometheusScrapeTest.get(tobira.endpoint() + "/actuator/health/liveness").statusCode())
                    .isEqualTo(200);
        } finally {
            postgres.close();
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

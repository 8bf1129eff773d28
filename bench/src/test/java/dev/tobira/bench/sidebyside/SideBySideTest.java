package dev.tobira.bench.sidebyside;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke run of the side-by-side benchmark: a couple of seconds per flow against Tobira (its own JVM,
 * on H2), moto_server and cognito-local (installed by {@code npm ci} in bench/node, as {@code ./tobira
 * test} does for every locked npm project). It checks that every flow completes without errors and that
 * the table and chart are written; it asserts no speed, which benchmarks measure on a quiet machine.
 */
class SideBySideTest {

    private static final List<Flow> COMMON = List.of(Flow.PASSWORD, Flow.SIGN_UP, Flow.REFRESH);

    @Test
    void runWhenEverySystemIsDrivenBrieflyThenEveryFlowCompletesWithoutErrorsAndTheReportIsWritten(@TempDir Path out)
            throws Exception {
        SideBySide.Options options = new SideBySide.Options(2, 1, 2, List.of("h2"),
                List.of("tobira", "moto", "cognito-local"), Flow.SIDE_BY_SIDE, out, Optional.empty(),
                Path.of("node"), "moto_server", List.of(), 1000);

        List<Report.Row> rows = SideBySide.run(options);

        assertThat(rows).hasSize(3 * Flow.SIDE_BY_SIDE.size());
        for (Report.Row row : rows) {
            boolean expected = row.system().startsWith("Tobira") || COMMON.contains(row.flow());
            if (expected) {
                assertThat(row.measurement()).as("%s, %s: %s", row.system(), row.flow(), row.unavailable()).isPresent();
                ClosedLoop.Measurement m = row.measurement().orElseThrow();
                assertThat(m.operations()).as("%s, %s", row.system(), row.flow()).isPositive();
                assertThat(m.errors()).as("%s, %s: %s", row.system(), row.flow(), m.errorKinds()).isZero();
            } else {
                assertThat(row.unavailable()).as("%s, %s", row.system(), row.flow())
                        .isEqualTo("Tobira-only flow, not run");
            }
        }
        assertThat(rows).filteredOn(r -> r.system().startsWith("Tobira")).allMatch(r -> r.note().isEmpty());
        String table = Files.readString(out.resolve("benchmarks-side-by-side.md"));
        assertThat(table).contains("| Tobira (H2) | USER_PASSWORD_AUTH |", "| moto_server | REFRESH_TOKEN_AUTH |",
                "| cognito-local | USER_AUTH + EMAIL_OTP | 3 | n/a (Tobira-only flow, not run) |");
        BufferedImage chart = ImageIO.read(out.resolve("benchmarks-side-by-side.png").toFile());
        assertThat(chart.getWidth()).isEqualTo(1400);
    }
}

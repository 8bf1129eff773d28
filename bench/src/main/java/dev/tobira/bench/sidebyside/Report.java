package dev.tobira.bench.sidebyside;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/** The side-by-side results as one markdown table and as a bar chart (PNG, drawn with Java2D headless). */
final class Report {

    /**
     * One cell of the comparison: {@code measurement} when the flow ran on the system, else
     * {@code unavailable} says why not ("n/a (reason)" in the table); {@code note} flags what the reader
     * must know (a system that signs in with a wrong password).
     */
    record Row(String system, Flow flow, Optional<ClosedLoop.Measurement> measurement, String unavailable,
            String note) {

        static Row measured(String system, Flow flow, ClosedLoop.Measurement measurement, String note) {
            return new Row(system, flow, Optional.of(measurement), "", note);
        }

        static Row unavailable(String system, Flow flow, String reason) {
            return new Row(system, flow, Optional.empty(), reason, "");
        }
    }

    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0x17becf), new Color(0xff7f0e),
            new Color(0x2ca02c), new Color(0x9467bd), new Color(0x8c564b)};

    private Report() {}

    /** The table in markdown: one row per system and flow, n/a rows included. */
    static String markdown(List<Row> rows, String heading) {
        StringBuilder md = new StringBuilder(heading).append("\n\n");
        md.append("| system | flow | requests/op | **ops/s** | requests/s | p50 ms | p99 ms | errors / ops "
                + "| server CPU ms/op | server RSS MiB | notes |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            if (row.measurement().isEmpty()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | n/a (%s) | | | | | | | %s |%n", row.system(),
                        row.flow().title, row.flow().requests, row.unavailable(), row.note()));
                continue;
            }
            ClosedLoop.Measurement m = row.measurement().get();
            String errors = m.errors() + " / " + m.operations()
                    + (m.errorKinds().isEmpty() ? "" : " " + m.errorKinds());
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | **%.1f** | %.1f | %.1f | %.1f | %s | %s | %s | %s |%n",
                    row.system(), row.flow().title, row.flow().requests, m.perSecond(),
                    m.perSecond() * row.flow().requests, m.percentileMillis(50), m.percentileMillis(99), errors,
                    Double.isNaN(m.cpuMillisPerOperation()) ? "?" : String.format(Locale.ROOT, "%.2f",
                            m.cpuMillisPerOperation()),
                    m.rssBytes() < 0 ? "?" : String.valueOf(m.rssBytes() / (1024 * 1024)), row.note()));
        }
        return md.toString();
    }

    /** Writes a PNG with two bar charts, operations per second and p99 latency, per flow per system. */
    static void chart(List<Row> rows, String title, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> systems = rows.stream().map(Row::system).distinct().toList();
        List<Flow> flows = rows.stream().map(Row::flow).distinct().toList();
        int width = 1400;
        int panel = 420;
        BufferedImage image = new BufferedImage(width, 2 * panel + 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.drawString(title, 20, 30);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            int x = 20;
            for (int s = 0; s < systems.size(); s++) {
                g.setColor(COLOURS[s % COLOURS.length]);
                g.fillRect(x, 45, 14, 14);
                g.setColor(Color.BLACK);
                g.drawString(systems.get(s), x + 20, 57);
                x += 30 + g.getFontMetrics().stringWidth(systems.get(s));
            }
            panel(g, rows, systems, flows, "operations per second (higher is better)", ClosedLoop.Measurement::perSecond,
                    70, panel, width);
            panel(g, rows, systems, flows, "p99 latency, ms (lower is better)", m -> m.percentileMillis(99),
                    70 + panel + 20, panel, width);
        } finally {
            g.dispose();
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(image, "png", png.toFile());
    }

    private static void panel(Graphics2D g, List<Row> rows, List<String> systems, List<Flow> flows, String label,
            ToDoubleFunction<ClosedLoop.Measurement> value, int top, int height, int width) {
        int left = 70;
        int right = width - 20;
        int plotTop = top + 30;
        int bottom = top + height - 50;
        double max = rows.stream().flatMap(r -> r.measurement().stream()).mapToDouble(value)
                .filter(v -> !Double.isNaN(v)).max().orElse(1);
        double step = niceStep(Math.max(max, 1e-9) * 1.1 / 4);
        max = 4 * step;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(label, left, top + 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setStroke(new BasicStroke(1));
        for (int i = 0; i <= 4; i++) {
            int y = bottom - (bottom - plotTop) * i / 4;
            g.setColor(new Color(0xdddddd));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, step >= 1 ? "%.0f" : "%.2f", step * i), 10, y + 4);
        }
        int groupWidth = (right - left) / Math.max(1, flows.size());
        int barWidth = Math.min(120, Math.max(6, (groupWidth - 30) / Math.max(1, systems.size())));
        for (int f = 0; f < flows.size(); f++) {
            int groupLeft = left + f * groupWidth + 15;
            for (int s = 0; s < systems.size(); s++) {
                int bx = groupLeft + s * barWidth;
                Optional<Row> row = find(rows, systems.get(s), flows.get(f));
                Optional<ClosedLoop.Measurement> m = row.flatMap(Row::measurement);
                double v = m.map(value::applyAsDouble).orElse(Double.NaN);
                if (Double.isNaN(v)) {
                    g.setColor(Color.GRAY);
                    drawVertical(g, row.isPresent() ? "n/a" : "", bx + barWidth / 2, bottom - 4);
                    continue;
                }
                int h = (int) Math.round((bottom - plotTop) * v / max);
                g.setColor(COLOURS[s % COLOURS.length]);
                g.fillRect(bx + 1, bottom - h, barWidth - 2, h);
                g.setColor(Color.BLACK);
                String text = String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
                g.drawString(text, bx + (barWidth - g.getFontMetrics().stringWidth(text)) / 2, bottom - h - 3);
            }
            g.setColor(Color.BLACK);
            String name = flows.get(f).title;
            List<String> lines = wrap(name, groupWidth - 10, g);
            for (int l = 0; l < lines.size(); l++) {
                g.drawString(lines.get(l), groupLeft, bottom + 15 + 13 * l);
            }
        }
        g.setColor(Color.BLACK);
        g.drawLine(left, bottom, right, bottom);
    }

    /** The smallest 1, 2, 2.5 or 5 times a power of ten that is at least {@code rough}: round axis labels. */
    private static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static void drawVertical(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }

    private static List<String> wrap(String text, int width, Graphics2D g) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && g.getFontMetrics().stringWidth(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static Optional<Row> find(List<Row> rows, String system, Flow flow) {
        return rows.stream().filter(r -> r.system().equals(system) && r.flow() == flow).findFirst();
    }
}

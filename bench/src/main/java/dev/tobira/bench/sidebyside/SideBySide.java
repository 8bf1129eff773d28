package dev.tobira.bench.sidebyside;

import dev.tobira.bench.SignInLoad;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The side-by-side benchmark: Tobira (on H2 and on PostgreSQL), moto_server and cognito-local, each
 * started here as a process of its own on a free 127.0.0.1 port, given the same pool, client and users
 * through the Cognito API, and driven with the same closed-loop load, one flow at a time; prints one
 * table and writes it as markdown with a bar chart (PNG).
 *
 * <p>Everything it starts it stops: after each system, on failure, and on Ctrl-C (a shutdown hook); a
 * watchdog ends the run if it overstays its budget by five minutes. It talks to 127.0.0.1 only.
 *
 * <pre>
 * bench/side-by-side [--seconds 8] [--warmup 5] [--connections 16] [--db h2|postgres|both]
 *     [--systems tobira,moto,cognito-local] [--flows password,sign-up,refresh,srp,custom-auth,email-otp]
 *     [--out DIR] [--tobira-jar server/target/tobira-server.jar] [--cognito-local bench/node] [--moto moto_server]
 * </pre>
 */
public final class SideBySide {

    /** The run's settings; see {@link #usage}. */
    public record Options(int seconds, int warmup, int connections, List<String> databases, List<String> systems,
            List<Flow> flows, Path out, Optional<Path> tobiraJar, Path cognitoLocal, String moto, List<Long> poolUsers,
            int sample) {

        public Options {
            databases = List.copyOf(databases);
            systems = List.copyOf(systems);
            flows = List.copyOf(flows);
            poolUsers = List.copyOf(poolUsers);
        }

        /** The scale benchmark: Tobira on PostgreSQL with pools of {@link #poolUsers} users, instead of the peers. */
        boolean scale() {
            return !poolUsers.isEmpty();
        }

        static Options parse(String... args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("-h") || args[i].equals("--help")) {
                    throw new IllegalArgumentException("");
                }
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --option value, got " + args[i]);
                }
                values.put(args[i].substring(2), args[++i]);
            }
            List<String> known = List.of("seconds", "warmup", "connections", "db", "systems", "flows", "out",
                    "tobira-jar", "cognito-local", "moto", "pool-users", "sample");
            values.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
                throw new IllegalArgumentException("unknown option --" + k);
            });
            int seconds = number(values, "seconds", 8, 1, 600);
            int warmup = number(values, "warmup", 5, 0, 120);
            int connections = number(values, "connections", 16, 1, 256);
            String db = values.getOrDefault("db", "both");
            List<String> databases = switch (db) {
                case "h2" -> List.of("h2");
                case "postgres" -> List.of("postgres");
                case "both" -> List.of("h2", "postgres");
                default -> throw new IllegalArgumentException("--db takes h2, postgres or both");
            };
            List<String> systems = split(values.getOrDefault("systems", "tobira,moto,cognito-local"));
            for (String system : systems) {
                if (!List.of("tobira", "moto", "cognito-local").contains(system)) {
                    throw new IllegalArgumentException("--systems takes tobira, moto and cognito-local");
                }
            }
            List<Long> poolUsers;
            try {
                poolUsers = split(values.getOrDefault("pool-users", "")).stream().map(Long::parseLong).toList();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--pool-users takes numbers, e.g. 1000,1000000", e);
            }
            if (poolUsers.stream().anyMatch(n -> n < 1 || n > 10_000_000)) {
                throw new IllegalArgumentException("--pool-users must be 1..10000000 each");
            }
            int sample = number(values, "sample", 1000, 1, 100_000);
            List<Flow> defaultFlows = poolUsers.isEmpty() ? Flow.SIDE_BY_SIDE : Flow.SCALE;
            List<Flow> flows = split(values.getOrDefault("flows",
                    String.join(",", defaultFlows.stream().map(f -> f.key).toList())))
                    .stream().map(Flow::of).toList();
            return new Options(seconds, warmup, connections, databases, systems, flows,
                    Path.of(values.getOrDefault("out", "bench/target/side-by-side")),
                    Optional.ofNullable(values.get("tobira-jar")).map(Path::of),
                    Path.of(values.getOrDefault("cognito-local", "bench/node")),
                    values.getOrDefault("moto", "moto_server"), poolUsers, sample);
        }

        private static int number(Map<String, String> values, String name, int fallback, int min, int max) {
            try {
                int value = Integer.parseInt(values.getOrDefault(name, String.valueOf(fallback)));
                if (value < min || value > max) {
                    throw new IllegalArgumentException("--" + name + " must be " + min + ".." + max);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " takes a number", e);
            }
        }

        private static List<String> split(String list) {
            return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        /** Upper bound of the whole run's time, start-ups and set-up included. */
        Duration budget() {
            int systemRuns = scale() ? poolUsers.size()
                    : systems.size() + (systems.contains("tobira") ? databases.size() - 1 : 0);
            // Bulk loading: a generous thousand users a second, and a tenth of a second per sample user.
            long loading = poolUsers.stream().mapToLong(n -> n / 1000 + Math.min(n, sample) / 10).sum();
            return Duration.ofSeconds((long) systemRuns * flows.size() * (seconds + warmup) + loading + 300);
        }
    }

    private static final String USAGE = """
            usage: bench/side-by-side [options]
              --seconds 8           measured seconds per system and flow
              --warmup 5            unmeasured seconds before each (the JIT's warm-up)
              --connections 16      concurrent clients (closed loop: each sends its next flow when the last ended)
              --db both             Tobira's database: h2 (an H2 file, dev's default), postgres (embedded) or both
              --systems tobira,moto,cognito-local
              --flows password,sign-up,refresh,srp,custom-auth,email-otp
              --out DIR             where benchmarks-side-by-side.md and .png go (default bench/target/side-by-side)
              --tobira-jar JAR      Tobira's server jar (default: this JVM's class path)
              --cognito-local DIR   the npm project with cognito-local (default bench/node; npm ci when missing)
              --moto CMD            the moto_server command (default moto_server)
            The scale benchmark instead (Tobira on PostgreSQL only, a fresh database per pool size):
              --pool-users 1000,1000000   pool sizes; flows password,list-users by default
              --sample 1000         users made through the API, the only ones the flows name; the rest of each
                                    pool is bulk-loaded copies (see docs/benchmarks.md)
            """;

    private static final String TOBIRA_ONLY = "Tobira-only flow, not run";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    /** The JDBC URL of the PostgreSQL database started last, for the bulk loader. */
    private String dbUrl;
    private final Options options;
    private final Path work;

    private SideBySide(Options options, Path work) {
        this.options = options;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        // One kept-alive connection per load connection (the JDK keeps five per server by default).
        System.setProperty("http.maxConnections", "256");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("side-by-side: " + e.getMessage());
            }
            System.err.print(USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        Duration budget = options.budget();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(budget.toMillis());
                System.err.println("side-by-side: the run took longer than " + budget.toSeconds() + " s; stopping");
                System.exit(3); // runs the shutdown hook, which stops every process started
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        List<Report.Row> rows = run(options);
        System.out.println();
        System.out.print(Report.markdown(rows, heading(options)));
        System.out.println();
        System.out.println("Written: " + options.out().resolve("benchmarks-side-by-side.md") + " and "
                + options.out().resolve("benchmarks-side-by-side.png"));
        System.exit(0);
    }

    /** Runs every system and flow; writes the table and the chart to {@code options.out()}; returns the rows. */
    public static List<Report.Row> run(Options options) throws IOException, InterruptedException {
        // HttpURLConnection keeps 5 idle connections per host unless told otherwise: one per client here.
        System.setProperty("http.maxConnections", String.valueOf(Math.max(5, options.connections() * 2)));
        Path work = Files.createTempDirectory("tobira-side-by-side");
        SideBySide run = new SideBySide(options, work);
        Thread hook = new Thread(() -> {
            run.stopAll();
            run.clean(false);
        }, "side-by-side-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Report.Row> rows = new ArrayList<>();
        try {
            for (long size : options.poolUsers()) {
                rows.addAll(run.system(String.format(Locale.ROOT, "Tobira (PostgreSQL), %,d users", size), "postgres",
                        size));
            }
            for (String system : options.scale() ? List.<String>of() : options.systems()) {
                if (system.equals("tobira")) {
                    for (String db : options.databases()) {
                        rows.addAll(run.system("Tobira (" + (db.equals("h2") ? "H2" : "PostgreSQL") + ")", db, 0));
                    }
                } else {
                    rows.addAll(run.system(system.equals("moto") ? "moto_server" : "cognito-local", system, 0));
                }
            }
        } finally {
            run.stopAll();
            Runtime.getRuntime().removeShutdownHook(hook);
            boolean failures = rows.stream().anyMatch(r -> !r.unavailable().isEmpty()
                    && !r.unavailable().equals(TOBIRA_ONLY));
            run.clean(!failures);
        }
        Files.createDirectories(options.out());
        Files.writeString(options.out().resolve("benchmarks-side-by-side.md"), Report.markdown(rows, heading(options)));
        Report.chart(rows, String.format(Locale.ROOT, "Side by side: %d connections, %d s per flow, %d CPUs",
                options.connections(), options.seconds(), Runtime.getRuntime().availableProcessors()),
                options.out().resolve("benchmarks-side-by-side.png"));
        return rows;
    }

    private static String heading(Options options) {
        return String.format(Locale.ROOT, "Side by side, %s: %d closed-loop connections over loopback, %d s warm-up, "
                        + "%d s measured per system and flow; %d CPUs; driver on Java %s. Server CPU and RSS are the "
                        + "system's own processes (for Tobira on PostgreSQL: the JVM only, not PostgreSQL's).",
                Instant.now().toString().substring(0, 10), options.connections(), options.warmup(),
                options.seconds(), Runtime.getRuntime().availableProcessors(), Runtime.version());
    }

    /**
     * Starts one system, runs every flow on it, stops it; a system that does not start gets n/a rows. With
     * {@code poolUsers} above 0 (Tobira on PostgreSQL only) the pool is first filled to that many users.
     */
    private List<Report.Row> system(String name, String kind, long poolUsers) {
        List<Report.Row> rows = new ArrayList<>();
        SystemProcess process;
        try {
            System.out.println("== " + name + ": starting");
            process = start(name, kind);
        } catch (IOException | RuntimeException e) {
            stopAll();
            System.out.println("== " + name + ": did not start: " + e.getMessage() + " (logs in " + work + ")");
            options.flows().forEach(f -> rows.add(Report.Row.unavailable(name, f, "did not start: " + reason(e))));
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        boolean tobira = kind.equals("h2") || kind.equals("postgres");
        try (CognitoIdentityProviderClient cognito = SignInLoad.loopbackClient(process.endpoint(), "us-east-1",
                "AKIDSIDEBYSIDE", "side-by-side-secret-access-key")) {
            Target target;
            try {
                target = Target.create(name, process, cognito, tobira);
                if (poolUsers > 0) {
                    target = fill(target, poolUsers);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (RuntimeException | java.sql.SQLException e) {
                options.flows().forEach(f -> rows.add(Report.Row.unavailable(name, f, "pool set-up failed: " + reason(e))));
                return rows;
            }
            for (Flow flow : options.flows()) {
                if (flow.tobiraOnly && !tobira) {
                    rows.add(Report.Row.unavailable(name, flow, TOBIRA_ONLY));
                    continue;
                }
                rows.add(flow(target, flow));
            }
        } finally {
            stopAll(); // the system and what was started for it (its PostgreSQL)
        }
        return rows;
    }

    private Report.Row flow(Target target, Flow flow) {
        try {
            String note = FlowOperations.probe(flow, target).orElse("");
            List<ClosedLoop.Operation> operations = new ArrayList<>();
            for (int c = 0; c < options.connections(); c++) {
                operations.add(FlowOperations.prepare(flow, target, c, options.connections()));
            }
            // One operation before the clock starts: a flow the system cannot do is n/a, not a column of errors.
            operations.getFirst().run();
            long[] scansBefore = options.scale() ? BulkUsers.scans(dbUrl, "postgres") : null;
            ClosedLoop.Measurement m = ClosedLoop.run(operations, Duration.ofSeconds(options.warmup()),
                    Duration.ofSeconds(options.seconds()), target.process());
            if (scansBefore != null) {
                Thread.sleep(1500); // PostgreSQL publishes its backends' statistics within a second
                long[] after = BulkUsers.scans(dbUrl, "postgres");
                note = (note.isEmpty() ? "" : note + "; ") + String.format(Locale.ROOT,
                        "scans during the flow: users %d sequential / %d index, user_attributes %d / %d",
                        after[0] - scansBefore[0], after[1] - scansBefore[1], after[2] - scansBefore[2],
                        after[3] - scansBefore[3]);
            }
            System.out.printf(Locale.ROOT, "   %-40s %8.1f ops/s  p50 %.1f ms  p99 %.1f ms  errors %d / %d%n",
                    flow.title, m.perSecond(), m.percentileMillis(50), m.percentileMillis(99), m.errors(),
                    m.operations());
            return Report.Row.measured(target.system(), flow, m, note);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Report.Row.unavailable(target.system(), flow, "interrupted");
        } catch (Exception e) {
            System.out.println("   " + flow.title + ": n/a: " + reason(e) + " (server log in " + work + ")");
            return Report.Row.unavailable(target.system(), flow, reason(e));
        }
    }

    /** A failure in a few words for the table: the exception's type and the first line of its message. */
    private static String reason(Exception e) {
        String message = Optional.ofNullable(e.getMessage()).orElse("").lines().findFirst().orElse("");
        message = message.replaceAll("\\s*\\(Service: .*", "").replace('|', '/');
        if (message.length() > 100) {
            message = message.substring(0, 100) + "…";
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private SystemProcess start(String name, String kind) throws IOException, InterruptedException {
        int port = freePort();
        Path dir = work.resolve(kind);
        Path log = work.resolve(kind + ".log");
        Duration timeout = Duration.ofSeconds(120);
        SystemProcess process = switch (kind) {
            case "moto" -> SystemProcess.start(name, List.of(options.moto(), "-H", "127.0.0.1", "-p",
                    String.valueOf(port)), Map.of(), dir, port, "/", log, timeout);
            case "cognito-local" -> {
                Path project = options.cognitoLocal().toAbsolutePath();
                Path start = project.resolve("node_modules/cognito-local/lib/bin/start.js");
                if (!Files.exists(start)) {
                    npmCi(project);
                }
                yield SystemProcess.start(name, List.of("node", start.toString()),
                        Map.of("PORT", String.valueOf(port), "HOST", "127.0.0.1"), dir, port, "/", log, timeout);
            }
            default -> SystemProcess.start(name, tobiraCommand(kind, port, dir), Map.of(), dir, port,
                    "/actuator/health", log, timeout);
        };
        track(process);
        return process;
    }

    /** {@code tobira dev} as a JVM of its own: the server jar, or the class this JVM runs from. */
    private List<String> tobiraCommand(String db, int port, Path dir) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // As ./tobira starts it (its other defaults size the heap for a container, which a benchmark does not want).
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "--add-opens=java.base/java.math=ALL-UNNAMED"));
        Optional.ofNullable(System.getenv("TOBIRA_JAVA_OPTS")).map(String::strip).filter(s -> !s.isEmpty())
                .ifPresent(opts -> command.addAll(Arrays.asList(opts.split("\\s+"))));
        if (options.tobiraJar().isPresent()) {
            command.addAll(List.of("-jar", options.tobiraJar().get().toAbsolutePath().toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.tobira.server.TobiraApplication"));
        }
        // Dev mode (outbox for the emailed codes, any credentials) with its API rate limits and resend cooldown off:
        // every call comes from 127.0.0.1 and names the same few users.
        command.addAll(List.of("dev", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--api-rate-limit-per-address", "0", "--api-rate-limit-per-username", "0",
                "--resend-cooldown-seconds", "0"));
        if (db.equals("postgres")) {
            command.addAll(List.of("--db-url", postgres(), "--db-user", "postgres"));
        } else {
            command.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        }
        return command;
    }

    /** Starts an embedded PostgreSQL and makes an empty database for Tobira with ICU collation, as production wants. */
    private String postgres() throws IOException {
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(work.resolve("postgres.log").toFile());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(true).setOutputRedirector(log).setErrorRedirector(log).start();
        track(postgres);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE tobira_bench TEMPLATE template0 LOCALE_PROVIDER icu "
                    + "ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'");
        } catch (java.sql.SQLException e) {
            throw new IOException("could not create the database: " + e.getMessage(), e);
        }
        dbUrl = postgres.getJdbcUrl("postgres", "tobira_bench");
        return dbUrl;
    }

    /**
     * Fills the target's pool to {@code poolUsers} users: the sample through the API (AdminCreateUser and
     * AdminSetUserPassword, real verifiers), the rest as bulk-loaded copies of the first sample user.
     */
    private Target fill(Target target, long poolUsers) throws InterruptedException, java.sql.SQLException {
        int sampleSize = (int) Math.min(options.sample(), poolUsers);
        long start = System.nanoTime();
        List<String> sample = new ArrayList<>(java.util.Collections.nCopies(sampleSize, ""));
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(8, options.connections()))) {
            List<java.util.concurrent.Future<?>> made = new ArrayList<>();
            for (int i = 0; i < sampleSize; i++) {
                int index = i;
                made.add(pool.submit(() -> sample.set(index,
                        target.createUser(String.format(Locale.ROOT, "sample-%06d@bench.example", index)))));
            }
            for (var future : made) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        System.out.printf(Locale.ROOT, "   %,d users through the API in %.1f s%n", sampleSize,
                (System.nanoTime() - start) / 1e9);
        long copies = poolUsers - sampleSize;
        if (copies > 0) {
            double seconds = BulkUsers.load(dbUrl, "postgres", target.poolId(), sample.getFirst(), copies,
                    i -> String.format(Locale.ROOT, "user-%09d@bench.example", i));
            System.out.printf(Locale.ROOT, "   %,d users bulk-loaded in %.1f s (%,.0f users/s)%n", copies, seconds,
                    copies / seconds);
        }
        return target.withSample(List.copyOf(sample));
    }

    private static void npmCi(Path project) throws IOException, InterruptedException {
        System.out.println("   npm ci in " + project);
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(project.toFile()).inheritIO().start();
        if (npm.waitFor() != 0) {
            throw new IOException("npm ci failed in " + project);
        }
    }

    /**
     * Deletes the systems' data (databases, JSON files) from the work directory; the servers' logs too when
     * {@code logsAsWell}, else says where they are.
     */
    private void clean(boolean logsAsWell) {
        try (var paths = Files.walk(work)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                boolean log = path.getParent() != null && path.getParent().equals(work)
                        && path.getFileName().toString().endsWith(".log");
                if ((logsAsWell || !log) && (logsAsWell || !path.equals(work))) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException e) {
            System.err.println("side-by-side: could not clean " + work + ": " + e);
        }
        if (!logsAsWell) {
            System.out.println("The servers' logs are in " + work);
        }
    }

    private synchronized void track(AutoCloseable process) {
        started.push(process);
    }

    private synchronized void stopAll() {
        while (!started.isEmpty()) {
            close(started.pop());
        }
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("side-by-side: could not stop " + closeable + ": " + e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

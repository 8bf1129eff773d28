package dev.tobira.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.tobira.core.srp.SrpClient;
import dev.tobira.server.TobiraApplication;
import dev.tobira.server.TobiraCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * The sign-in load driver: complete sign-ins, as a real client makes them, from N threads over
 * loopback, for a fixed time; prints sign-ins per second, latency percentiles and errors.
 *
 * <p>A {@code USER_SRP_AUTH} sign-in is {@code InitiateAuth} with {@code SRP_A} from {@link SrpClient},
 * then {@code RespondToAuthChallenge} answering {@code PASSWORD_VERIFIER} with the client's proof;
 * a {@code USER_PASSWORD_AUTH} sign-in is one {@code InitiateAuth}. Both count only when the server
 * returns an ID, access and refresh token. Everything goes through the AWS SDK for Java v2 with
 * retries off, so a failed call is an error here, not a hidden retry.
 *
 * <p>With no {@code --endpoint} it starts Tobira in this JVM ({@code tobira dev --in-memory} on a free
 * 127.0.0.1 port), so the server, the SDK and the client's SRP arithmetic share the machine's cores;
 * it reports how the process's CPU time splits between the driver's threads and the rest (the server).
 * With {@code --endpoint} it drives a server already running on this machine (loopback addresses
 * only). It creates its own pool, client and users, and deletes the pool when done.
 *
 * <p>Bounded: every scenario stops after {@code --duration} seconds or {@code --max-sign-ins}, and a
 * watchdog ends the process if the whole run overstays its budget by two minutes.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.tobira.bench.SignInLoad [--flows srp,password] [--threads 4,16]
 *     [--duration 25] [--warmup 10] [--max-sign-ins 1000000] [--users N] [--data-dir DIR]
 *     [--endpoint http://127.0.0.1:9229 [--access-key-id ID --secret-access-key SECRET]]
 * </pre>
 */
public final class SignInLoad {

    static final String PASSWORD = "Bench-Passw0rd!";

    private SignInLoad() {}

    /** A load scenario's result; times in nanoseconds. */
    record Result(String flow, int threads, long signIns, long errors, double seconds, long[] latencies,
            long workerCpuNanos, long srpClientCpuNanos, long processCpuNanos, long machineBusyNanos,
            Map<String, Long> errorKinds) {

        double perSecond() {
            return signIns / seconds;
        }

        double percentileMillis(double p) {
            return SignInLoad.percentileMillis(latencies, p);
        }

        double cpuMillisPerSignIn(long nanos) {
            return signIns == 0 ? Double.NaN : nanos / 1e6 / signIns;
        }

        /** CPUs kept busy, on average over the window, by other processes on the machine; NaN when unknown. */
        double otherCpus() {
            return machineBusyNanos < 0 ? Double.NaN : Math.max(0, machineBusyNanos - processCpuNanos) / 1e9 / seconds;
        }
    }

    record Options(List<String> flows, List<Integer> threads, int durationSeconds, int warmupSeconds,
            long maxSignIns, int users, String endpoint, String dataDir, String accessKeyId, String secretAccessKey,
            String region) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("-h") || name.equals("--help")) {
                    usage(null);
                }
                if (!name.startsWith("--") || i + 1 >= args.length) {
                    usage("expected --option value, got " + name);
                }
                values.put(name.substring(2), args[++i]);
            }
            List<String> known = List.of("flows", "threads", "duration", "warmup", "max-sign-ins", "users", "endpoint",
                    "data-dir", "access-key-id", "secret-access-key", "region");
            for (String name : values.keySet()) {
                if (!known.contains(name)) {
                    usage("unknown option --" + name);
                }
            }
            List<String> flows = Arrays.stream(values.getOrDefault("flows", "srp,password").split(","))
                    .map(String::strip).toList();
            for (String flow : flows) {
                if (!flow.equals("srp") && !flow.equals("password")) {
                    usage("--flows takes srp and/or password");
                }
            }
            List<Integer> threads = Arrays.stream(values.getOrDefault("threads", "4,16").split(","))
                    .map(String::strip).map(Integer::parseInt).toList();
            if (threads.stream().anyMatch(t -> t < 1 || t > 256)) {
                usage("--threads must be between 1 and 256");
            }
            int duration = Integer.parseInt(values.getOrDefault("duration", "25"));
            int warmup = Integer.parseInt(values.getOrDefault("warmup", "10"));
            if (duration < 1 || duration > 600 || warmup < 0 || warmup > 120) {
                usage("--duration must be 1..600 seconds and --warmup 0..120");
            }
            long maxSignIns = Long.parseLong(values.getOrDefault("max-sign-ins", "1000000"));
            if (maxSignIns < 1 || maxSignIns > 10_000_000) {
                usage("--max-sign-ins must be 1..10000000");
            }
            int maxThreads = threads.stream().mapToInt(Integer::intValue).max().orElse(1);
            int users = Integer.parseInt(values.getOrDefault("users", String.valueOf(maxThreads)));
            if (users < 1 || users > 1000) {
                usage("--users must be 1..1000");
            }
            String endpoint = values.get("endpoint");
            if (endpoint != null && !isLoopback(endpoint)) {
                usage("--endpoint must be a loopback address (127.0.0.1, localhost, [::1]): this tool only loads this machine");
            }
            if (endpoint != null && values.containsKey("data-dir")) {
                usage("--data-dir is for the in-process server; it does not go with --endpoint");
            }
            return new Options(flows, threads, duration, warmup, maxSignIns, users, endpoint, values.get("data-dir"),
                    values.getOrDefault("access-key-id", "AKIDTOBIRABENCH"),
                    values.getOrDefault("secret-access-key", "tobira-bench-secret-access-key"),
                    values.getOrDefault("region", "us-east-1"));
        }

        private static boolean isLoopback(String endpoint) {
            try {
                URI uri = URI.create(endpoint);
                return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                        && InetAddress.getByName(uri.getHost()).isLoopbackAddress();
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        private static void usage(String problem) {
            if (problem != null) {
                System.err.println("SignInLoad: " + problem);
            }
            System.err.println("""
                    usage: java -cp bench/target/benchmarks.jar dev.tobira.bench.SignInLoad [options]
                      --flows srp,password      sign-in flows to run: srp = USER_SRP_AUTH + PASSWORD_VERIFIER,
                                                password = USER_PASSWORD_AUTH (default: both)
                      --threads 4,16            concurrent clients, one scenario per value (default 4,16)
                      --duration 25             measured seconds per scenario (default 25)
                      --warmup 10               unmeasured seconds before each scenario (default 10)
                      --max-sign-ins 1000000    stop a scenario after this many sign-ins
                      --users N                 users to create and cycle through (default: the most threads)
                      --data-dir DIR            in-process server on an H2 file database in DIR (default: in memory)
                      --endpoint URL            drive a running server on this machine instead (loopback only;
                                                start it with --api-rate-limit-per-address 0 and
                                                --api-rate-limit-per-username 0, or tobira start's limits
                                                answer most calls TooManyRequestsException)
                      --access-key-id ID --secret-access-key SECRET   credentials for its admin calls
                    """);
            System.exit(problem == null ? 0 : 2);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int maxThreads = options.threads().stream().mapToInt(Integer::intValue).max().orElse(1);
        // HttpURLConnection keeps at most 5 idle connections per host unless told otherwise: let every
        // thread keep its connection, so that the run measures sign-ins rather than TCP handshakes.
        System.setProperty("http.maxConnections", String.valueOf(Math.max(5, maxThreads * 2)));
        long budgetSeconds = (long) options.flows().size() * options.threads().size()
                * (options.durationSeconds() + options.warmupSeconds()) + 120;
        startWatchdog(Duration.ofSeconds(budgetSeconds));

        ConfigurableApplicationContext server = null;
        String endpoint = options.endpoint();
        if (endpoint == null) {
            // The server's start-up chatter would bury the results; its own notices (logger "tobira") stay.
            System.setProperty("logging.level.root", System.getProperty("logging.level.root", "WARN"));
            System.setProperty("logging.level.tobira", System.getProperty("logging.level.tobira", "INFO"));
            int port = freePort();
            server = startServer(port, options.dataDir());
            endpoint = "http://127.0.0.1:" + port;
        }
        int exit = 0;
        try (CognitoIdentityProviderClient cognito = client(endpoint, options)) {
            printMachine(endpoint, options, server != null);
            Fixture fixture = Fixture.create(cognito, options.users());
            try {
                fixture.checkWrongPasswordFails(cognito);
                List<Result> results = new ArrayList<>();
                for (String flow : options.flows()) {
                    for (int threads : options.threads()) {
                        Result result = run(cognito, fixture, flow, threads, options);
                        print(result, server != null);
                        results.add(result);
                        if (result.signIns() == 0) {
                            exit = 1;
                        }
                    }
                }
                printTable(results, server != null);
            } finally {
                fixture.delete(cognito);
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
        System.exit(exit);
    }

    private static ConfigurableApplicationContext startServer(int port, String dataDir) {
        AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
        // Every sign-in comes from 127.0.0.1 and names one of a few users: no API rate limits, whatever dev's default.
        List<String> args = new ArrayList<>(List.of("dev", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--api-rate-limit-per-address", "0", "--api-rate-limit-per-username", "0"));
        if (dataDir == null) {
            args.add("--in-memory");
        } else {
            args.addAll(List.of("--data-dir", dataDir));
        }
        int code = TobiraCommand.run(settings -> context.set(TobiraApplication.start(settings)),
                args.toArray(String[]::new));
        if (code != 0 || context.get() == null) {
            throw new IllegalStateException("Tobira did not start (exit code " + code + ")");
        }
        return context.get();
    }

    private static CognitoIdentityProviderClient client(String endpoint, Options options) {
        return loopbackClient(endpoint, options.region(), options.accessKeyId(), options.secretAccessKey());
    }

    /**
     * An SDK client for the server at {@code endpoint} (never AWS) with these credentials and retries off, so
     * that a failed call is an error of the run rather than a hidden retry.
     */
    public static CognitoIdentityProviderClient loopbackClient(String endpoint, String region, String accessKeyId,
            String secretAccessKey) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30))
                        .build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }

    /** The pool, app client and users the run signs in with; all are the driver's own. */
    record Fixture(String userPoolId, String clientId, List<String> usernames, String strangerName) {

        static Fixture create(CognitoIdentityProviderClient cognito, int users) {
            String poolId = cognito.createUserPool(b -> b.poolName("tobira-bench-" + System.currentTimeMillis()))
                    .userPool().id();
            String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("bench")
                    .generateSecret(false)
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                    .userPoolClient().clientId();
            List<String> usernames = new ArrayList<>();
            for (int i = 0; i <= users; i++) {
                String username = String.format(Locale.ROOT, "bench-user-%04d", i);
                cognito.adminCreateUser(b -> b.userPoolId(poolId).username(username)
                        .messageAction(MessageActionType.SUPPRESS));
                cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username(username).password(PASSWORD)
                        .permanent(true));
                usernames.add(username);
            }
            // The last user is only for the wrong-password check, so that no bench user carries a failure.
            return new Fixture(poolId, clientId, List.copyOf(usernames.subList(0, users)), usernames.get(users));
        }

        /** A driver that "signs in" with a wrong password would measure nothing: make sure the server says no. */
        void checkWrongPasswordFails(CognitoIdentityProviderClient cognito) {
            for (String flow : List.of("srp", "password")) {
                try {
                    signIn(cognito, this, flow, strangerName, "Wrong-Passw0rd!", new SecureRandom(), new long[1]);
                    throw new IllegalStateException(flow + " sign-in with a wrong password succeeded");
                } catch (NotAuthorizedException expected) {
                    // as it must
                }
            }
            signIn(cognito, this, "srp", strangerName, PASSWORD, new SecureRandom(), new long[1]);
            signIn(cognito, this, "password", strangerName, PASSWORD, new SecureRandom(), new long[1]);
        }

        void delete(CognitoIdentityProviderClient cognito) {
            try {
                cognito.deleteUserPool(b -> b.userPoolId(userPoolId));
            } catch (RuntimeException e) {
                System.err.println("Could not delete the bench pool " + userPoolId + ": " + e);
            }
        }
    }

    /**
     * One complete sign-in; returns its tokens or throws. {@code srpCpu[0]} accumulates the calling
     * thread's CPU time spent in the client's SRP arithmetic.
     */
    static AuthenticationResultType signIn(CognitoIdentityProviderClient cognito, Fixture fixture, String flow,
            String username, String password, SecureRandom random, long[] srpCpu) {
        AuthenticationResultType tokens;
        if (flow.equals("password")) {
            tokens = cognito.initiateAuth(b -> b.clientId(fixture.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
        } else {
            tokens = srpSignIn(cognito, fixture.userPoolId(), fixture.clientId(), username, password, random, srpCpu);
        }
        if (tokens == null || tokens.accessToken() == null || tokens.idToken() == null
                || tokens.refreshToken() == null) {
            throw new IllegalStateException("sign-in returned no tokens");
        }
        return tokens;
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** The p-th percentile (nearest rank) of {@code sortedNanos} in milliseconds; NaN when it is empty. */
    public static double percentileMillis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    /**
     * One complete SRP sign-in ({@code USER_SRP_AUTH}, then {@code PASSWORD_VERIFIER} answered with
     * {@link SrpClient}'s proof) in {@code userPoolId} through {@code clientId}: what the server answered
     * the proof with, or a thrown SDK exception. {@code srpCpu[0]} accumulates the calling thread's CPU
     * time spent in the client's SRP arithmetic.
     */
    public static AuthenticationResultType srpSignIn(CognitoIdentityProviderClient cognito, String userPoolId,
            String clientId, String username, String password, SecureRandom random, long[] srpCpu) {
        long t0 = CPU.getCurrentThreadCpuTime();
        SrpClient srp = new SrpClient(userPoolId, random);
        String srpA = srp.srpA();
        srpCpu[0] += CPU.getCurrentThreadCpuTime() - t0;
        InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", srpA)));
        if (challenge.challengeName() != ChallengeNameType.PASSWORD_VERIFIER) {
            throw new IllegalStateException("expected PASSWORD_VERIFIER, got " + challenge.challengeNameAsString());
        }
        Map<String, String> p = challenge.challengeParameters();
        long t1 = CPU.getCurrentThreadCpuTime();
        Map<String, String> responses = srp.passwordVerifierResponses(p.get("USER_ID_FOR_SRP"), password,
                p.get("SALT"), p.get("SRP_B"), p.get("SECRET_BLOCK"), Instant.now());
        srpCpu[0] += CPU.getCurrentThreadCpuTime() - t1;
        RespondToAuthChallengeResponse answer = cognito.respondToAuthChallenge(b -> b
                .clientId(clientId)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .session(challenge.session())
                .challengeResponses(responses));
        return answer.authenticationResult();
    }

    private static Result run(CognitoIdentityProviderClient cognito, Fixture fixture, String flow, int threads,
            Options options) throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(options.warmupSeconds()).toNanos();
        long measureTo = measureFrom + Duration.ofSeconds(options.durationSeconds()).toNanos();
        AtomicLong budget = new AtomicLong(options.maxSignIns());
        AtomicLong errors = new AtomicLong();
        AtomicLong stoppedAt = new AtomicLong(Long.MAX_VALUE);
        Map<String, Long> errorKinds = new ConcurrentHashMap<>();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        long[] workerCpu = new long[threads];
        long[] srpCpu = new long[threads];
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                try {
                    SecureRandom random = new SecureRandom();
                    String username = fixture.usernames().get(id % fixture.usernames().size());
                    long[] lat = new long[4096];
                    int n = 0;
                    long[] srp = new long[1];
                    long cpuAtStart = -1;
                    long srpAtStart = 0;
                    while (true) {
                        long begin = System.nanoTime();
                        if (cpuAtStart < 0 && begin >= measureFrom) {
                            cpuAtStart = CPU.getCurrentThreadCpuTime();
                            srpAtStart = srp[0];
                        }
                        if (begin >= measureTo || begin >= stoppedAt.get()) {
                            break;
                        }
                        boolean measured = begin >= measureFrom;
                        if (measured && budget.decrementAndGet() < 0) {
                            stoppedAt.compareAndSet(Long.MAX_VALUE, begin);
                            break;
                        }
                        try {
                            signIn(cognito, fixture, flow, username, PASSWORD, random, srp);
                            long end = System.nanoTime();
                            if (measured) {
                                if (n == lat.length) {
                                    lat = Arrays.copyOf(lat, n * 2);
                                }
                                lat[n++] = end - begin;
                            }
                        } catch (RuntimeException e) {
                            if (measured) {
                                errors.incrementAndGet();
                                errorKinds.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                            }
                        }
                    }
                    if (cpuAtStart < 0) {
                        cpuAtStart = CPU.getCurrentThreadCpuTime();
                        srpAtStart = srp[0];
                    }
                    workerCpu[id] = CPU.getCurrentThreadCpuTime() - cpuAtStart;
                    srpCpu[id] = srp[0] - srpAtStart;
                    latencies[id] = Arrays.copyOf(lat, n);
                    counts[id] = n;
                } finally {
                    done.countDown();
                }
            }, "sign-in-" + flow + "-" + t);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        long processCpuFrom = os.getProcessCpuTime();
        long machineFrom = machineBusyNanos();
        long wallFrom = System.nanoTime();
        done.await();
        // Sign-ins under way at the end still count, so the window runs until the last one finished.
        long wallTo = System.nanoTime();
        long processCpuTo = os.getProcessCpuTime();
        long machineTo = machineBusyNanos();
        long total = Arrays.stream(counts).asLongStream().sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 0, all, at, l.length);
            at += l.length;
        }
        Arrays.sort(all);
        double seconds = Math.max(1e-9, (wallTo - wallFrom) / 1e9);
        return new Result(flow, threads, total, errors.get(), seconds, all,
                Arrays.stream(workerCpu).sum(), Arrays.stream(srpCpu).sum(), processCpuTo - processCpuFrom,
                machineFrom < 0 || machineTo < 0 ? -1 : machineTo - machineFrom, Map.copyOf(errorKinds));
    }

    /**
     * CPU time all processes on the machine have used since boot, from Linux's {@code /proc/stat} (in
     * clock ticks of 10 ms), or -1 elsewhere: what the machine's other processes took from this run.
     */
    private static long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal: everything but idle and iowait.
            for (int i = 1; i <= 8 && i < f.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String flowName(String flow) {
        return flow.equals("srp") ? "USER_SRP_AUTH + PASSWORD_VERIFIER" : "USER_PASSWORD_AUTH";
    }

    private static void printMachine(String endpoint, Options options, boolean inProcess) {
        System.out.printf(Locale.ROOT, "Tobira sign-in load: %s, %d CPUs, Java %s (%s)%n",
                inProcess ? "server in this JVM (dev, " + (options.dataDir() == null ? "H2 in memory" : "H2 file")
                        + ") at " + endpoint : "server at " + endpoint,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("java.vm.name"));
        System.out.printf(Locale.ROOT, "warm-up %d s, then %d s measured per scenario; %d users; SDK retries off%n",
                options.warmupSeconds(), options.durationSeconds(), options.users());
    }

    private static void print(Result r, boolean inProcess) {
        System.out.printf(Locale.ROOT,
                "%-34s threads=%-3d sign-ins=%-7d %8.1f sign-ins/s  latency ms p50=%.1f p95=%.1f p99=%.1f max=%.1f"
                        + "  errors=%d%s%n",
                flowName(r.flow()), r.threads(), r.signIns(), r.perSecond(), r.percentileMillis(50),
                r.percentileMillis(95), r.percentileMillis(99), r.percentileMillis(100), r.errors(),
                r.errorKinds().isEmpty() ? "" : " " + r.errorKinds());
        long rest = r.processCpuNanos() - r.workerCpuNanos();
        System.out.printf(Locale.ROOT,
                "    CPU ms per sign-in: driver threads %.2f (of which client SRP %.2f), %s %.2f; this process used %.2f"
                        + " of %d CPUs, other processes%s %.2f%n",
                r.cpuMillisPerSignIn(r.workerCpuNanos()), r.cpuMillisPerSignIn(r.srpClientCpuNanos()),
                inProcess ? "server and JVM (rest)" : "rest of driver JVM", r.cpuMillisPerSignIn(rest),
                r.processCpuNanos() / 1e9 / r.seconds(), Runtime.getRuntime().availableProcessors(),
                inProcess ? "" : " (the server included)", r.otherCpus());
    }

    private static void printTable(List<Result> results, boolean inProcess) {
        System.out.println();
        System.out.println("| flow | threads | sign-ins/s | p50 ms | p95 ms | p99 ms | errors / sign-ins "
                + "| driver CPU ms/sign-in (client SRP) | " + (inProcess ? "server" : "rest of driver")
                + " CPU ms/sign-in | other processes" + (inProcess ? "" : " (server included)") + ", CPUs |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d / %d | %.2f (%.2f) | %.2f | %.2f |%n",
                    flowName(r.flow()), r.threads(), r.perSecond(), r.percentileMillis(50), r.percentileMillis(95),
                    r.percentileMillis(99), r.errors(), r.signIns(), r.cpuMillisPerSignIn(r.workerCpuNanos()),
                    r.cpuMillisPerSignIn(r.srpClientCpuNanos()),
                    r.cpuMillisPerSignIn(r.processCpuNanos() - r.workerCpuNanos()), r.otherCpus());
        }
    }

    private static void startWatchdog(Duration budget) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(budget.toMillis());
                System.err.println("SignInLoad: the run took longer than " + budget.toSeconds() + " s; stopping");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

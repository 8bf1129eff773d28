package dev.tobira.core.srp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * amazon-cognito-identity-js, the real client, run by node: one SRP sign-in per process, driven
 * over stdin/stdout in the order of the protocol (see {@code src/test/node/srp-client.js}).
 */
final class CognitoIdentityJs {

    /** The npm project with the locked amazon-cognito-identity-js (the module's directory is the working directory of tests). */
    static final Path PROJECT = Path.of("src", "test", "node").toAbsolutePath();

    private static final long TIMEOUT_SECONDS = 60;
    private static Boolean nodeInstalled;
    private static boolean installed;

    private CognitoIdentityJs() {}

    /**
     * Skips the calling test when {@code node} is not installed (only then); runs {@code npm ci} first
     * when {@code node_modules} is missing, and fails if that fails.
     */
    static synchronized void assumeInstalled() throws IOException, InterruptedException {
        if (nodeInstalled == null) {
            nodeInstalled = nodeIsInstalled();
        }
        assumeTrue(nodeInstalled, "node is not installed; the amazon-cognito-identity-js interop test needs it");
        if (installed || Files.isDirectory(PROJECT.resolve("node_modules/amazon-cognito-identity-js"))) {
            installed = true;
            return;
        }
        Path log = Files.createTempFile("npm-ci", ".log");
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(PROJECT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new AssertionError("npm ci in " + PROJECT + " took more than 5 minutes:\n" + Files.readString(log));
        }
        if (npm.exitValue() != 0) {
            throw new AssertionError("npm ci in " + PROJECT + " failed:\n" + Files.readString(log));
        }
        installed = true;
    }

    private static boolean nodeIsInstalled() throws InterruptedException {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException notOnPath) {
            return false;
        }
    }

    /**
     * Starts a sign-in: the library's InitiateAuth request (with its {@code SRP_A}) is read before
     * this returns.
     *
     * @param request {@code userPoolId}, {@code username}, {@code password}, optionally {@code timestamp}
     *     and {@code smallA} (see the script)
     */
    static SignIn signIn(Map<String, String> request) throws IOException {
        Path stderr = Files.createTempFile("srp-client", ".err");
        Process process = new ProcessBuilder("node", "srp-client.js")
                .directory(PROJECT.toFile()).redirectError(stderr.toFile()).start();
        SignIn signIn = new SignIn(process, stderr);
        try {
            signIn.initiateAuth = signIn.exchange(Json.write(request));
            if (signIn.initiateAuth.containsKey("error")) {
                throw new AssertionError("amazon-cognito-identity-js refused to start: " + signIn.initiateAuth);
            }
        } catch (IOException | RuntimeException | Error e) {
            signIn.close();
            throw e;
        }
        return signIn;
    }

    /** One running sign-in. */
    static final class SignIn implements AutoCloseable {

        private final Process process;
        private final Path stderr;
        private final Writer in;
        private final BufferedReader out;
        private final ExecutorService reader = Executors.newSingleThreadExecutor();
        private Map<String, Object> initiateAuth;

        private SignIn(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** What the library sent as InitiateAuth: {@code operation}, {@code AuthFlow}, {@code AuthParameters}. */
        Map<String, Object> initiateAuth() {
            return initiateAuth;
        }

        @SuppressWarnings("unchecked")
        Map<String, String> authParameters() {
            return (Map<String, String>) initiateAuth.get("AuthParameters");
        }

        /**
         * Gives the library the InitiateAuth answer's {@code ChallengeParameters} and returns what it
         * did next: {@code operation = RespondToAuthChallenge} with {@code ChallengeResponses} and
         * {@code smallA}, or {@code error}.
         */
        Map<String, Object> answer(Map<String, String> challengeParameters) throws IOException {
            return exchange(Json.write(Map.of("ChallengeParameters", challengeParameters)));
        }

        private Map<String, Object> exchange(String line) throws IOException {
            in.write(line);
            in.write('\n');
            in.flush();
            Future<String> next = reader.submit(out::readLine);
            String reply;
            try {
                reply = next.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("node did not answer in " + TIMEOUT_SECONDS + " s; stderr:\n" + stderr());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException(e.getCause());
            }
            if (reply == null) {
                throw new AssertionError("node ended without answering; stderr:\n" + stderr());
            }
            return Json.readObject(reply);
        }

        private String stderr() {
            try {
                return Files.readString(stderr);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // the process may have closed its end already
            }
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            } finally {
                reader.shutdownNow();
                try {
                    Files.deleteIfExists(stderr);
                } catch (IOException ignored) {
                    // a temp file
                }
            }
        }
    }
}

package dev.tobira.server.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * amazon-cognito-identity-js and aws-amplify, the real clients, run by node against a running Tobira over
 * real HTTP, with jose verifying the tokens they get (see {@code src/test/node/cognito-client.mjs} and
 * {@code amplify-client.mjs}).
 */
public final class CognitoIdentityJs {

    /** The npm project with the locked amazon-cognito-identity-js, aws-amplify and jose (tests run in the module's directory). */
    public static final Path PROJECT = Path.of("src", "test", "node").toAbsolutePath();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Boolean nodeInstalled;
    private static final java.util.Set<Path> installed = new java.util.HashSet<>();

    private CognitoIdentityJs() {}

    /**
     * Skips the calling test when {@code node} is not installed (only then); runs {@code npm ci} first
     * when {@code node_modules} is missing, and fails if that fails.
     */
    static void assumeInstalled() throws IOException, InterruptedException {
        assumeInstalled(PROJECT, "amazon-cognito-identity-js", "jose", "aws-amplify");
    }

    /** As {@link #assumeInstalled()}, for the npm project in {@code project} that must hold {@code packages}. */
    public static synchronized void assumeInstalled(Path project, String... packages) throws IOException, InterruptedException {
        if (nodeInstalled == null) {
            nodeInstalled = nodeIsInstalled();
        }
        assumeTrue(nodeInstalled, "node is not installed; the JavaScript interop tests need it");
        if (installed.contains(project) || java.util.Arrays.stream(packages)
                .allMatch(p -> Files.isDirectory(project.resolve("node_modules").resolve(p)))) {
            installed.add(project);
            return;
        }
        Path log = Files.createTempFile("npm-ci", ".log");
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new AssertionError("npm ci in " + project + " took more than 5 minutes:\n" + Files.readString(log));
        }
        if (npm.exitValue() != 0) {
            throw new AssertionError("npm ci in " + project + " failed:\n" + Files.readString(log));
        }
        Files.deleteIfExists(log);
        installed.add(project);
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
     * Runs one scenario of the script and returns the one JSON object it printed.
     *
     * @param request {@code scenario}, {@code endpoint}, {@code userPoolId}, {@code clientId},
     *     {@code username}, {@code password}, {@code issuer}, {@code jwksUri} and what the scenario
     *     needs besides
     */
    static JsonNode run(Map<String, ?> request) {
        return run("cognito-client.mjs", request);
    }

    /** Runs one scenario of {@code script} in the npm project (e.g. {@code amplify-client.mjs}), as {@link #run(Map)}. */
    static JsonNode run(String script, Map<String, ?> request) {
        Processes.Result result = Processes.run(List.of("node", PROJECT.resolve(script).toString(),
                JSON.writeValueAsString(request)), Map.of());
        if (result.exitCode() != 0 || result.stdout().isBlank()) {
            throw new AssertionError("node exited with " + result.exitCode() + "\nstdout: " + result.stdout()
                    + "\nstderr: " + result.stderr());
        }
        JsonNode answer = JSON.readTree(result.stdout());
        if ("error".equals(answer.path("outcome").asString())) {
            throw new AssertionError("the script failed: " + answer.path("message").asString()
                    + "\nstderr: " + result.stderr());
        }
        return answer;
    }
}

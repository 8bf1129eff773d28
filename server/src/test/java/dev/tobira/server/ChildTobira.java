package dev.tobira.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Tobira server in a separate JVM (a child process on this test's class path), started with
 * {@code tobira} command-line arguments and returned once it is healthy; for tests that need a
 * second, really separate process (a crash, another endpoint).
 */
public final class ChildTobira {

    private ChildTobira() {}

    /**
     * Starts {@code tobira <arguments>} on 127.0.0.1:{@code port}, logging to a file in {@code logDir}.
     *
     * @throws AssertionError when it exits or is not healthy within 90 seconds
     */
    public static Process start(int port, Path logDir, String... arguments) throws IOException, InterruptedException {
        return start(port, logDir, java.util.Map.of(), arguments);
    }

    /** As {@link #start(int, Path, String...)}, with {@code environment} added to the child's environment. */
    public static Process start(int port, Path logDir, java.util.Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "--add-opens=java.base/java.math=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"),
                TobiraApplication.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve("server-" + port + "-" + System.nanoTime() + ".log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Tobira exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("Tobira did not become healthy");
    }
}

package dev.tobira.bench.sidebyside;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A system under load running as a process of its own on a loopback port: started, waited for until it
 * answers HTTP, measured from {@code /proc} (CPU time and resident memory of the process and its
 * descendants), and stopped with its descendants by {@link #close()}.
 */
final class SystemProcess implements AutoCloseable {

    /** Linux's USER_HZ: {@code /proc/PID/stat} counts CPU time in ticks of 10 ms on every usual kernel. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final String name;
    private final Process process;
    private final String endpoint;
    private final Path log;

    private SystemProcess(String name, Process process, String endpoint, Path log) {
        this.name = name;
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /**
     * Starts {@code command} in {@code workDir} with {@code environment} added, output to {@code log}, and
     * returns once {@code http://127.0.0.1:port + readyPath} answers with a status below 500.
     *
     * @throws IOException when the process exits or does not answer within {@code timeout}; it is stopped then
     */
    static SystemProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            int port, String readyPath, Path log, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        SystemProcess started = new SystemProcess(name, builder.start(), "http://127.0.0.1:" + port, log);
        try {
            started.awaitReady(readyPath, timeout);
            return started;
        } catch (IOException | InterruptedException | RuntimeException e) {
            started.close();
            throw e;
        }
    }

    private void awaitReady(String readyPath, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + " before it answered; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(endpoint + readyPath))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException(name + " did not answer within " + timeout.toSeconds() + " s; see " + log);
    }

    String name() {
        return name;
    }

    String endpoint() {
        return endpoint;
    }

    /** CPU time (user + system) the process and its descendants have used so far, or -1 off Linux. */
    long cpuNanos() {
        long ticks = 0;
        for (ProcessHandle handle : tree()) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(handle.pid()), "stat"));
                // The command name in parentheses may hold spaces: count fields from the last ')'.
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                if (handle.pid() == process.pid()) {
                    return -1;
                }
            }
        }
        return ticks * NANOS_PER_TICK;
    }

    /** Resident memory of the process and its descendants now, in bytes, or -1 off Linux. */
    long rssBytes() {
        long kib = 0;
        for (ProcessHandle handle : tree()) {
            try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(handle.pid()), "status"))) {
                kib += lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
            } catch (IOException | RuntimeException e) {
                if (handle.pid() == process.pid()) {
                    return -1;
                }
            }
        }
        return kib * 1024;
    }

    private List<ProcessHandle> tree() {
        List<ProcessHandle> handles = new ArrayList<>();
        handles.add(process.toHandle());
        process.descendants().forEach(handles::add);
        return handles;
    }

    /** Stops the process and its descendants: politely first, forcibly after 10 seconds. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}

package dev.tobira.server.trigger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Lambda function whose code is a folder, run by one long-lived worker process ({@code worker.py}
 * or {@code worker.mjs}, which say the protocol): started at the first call, and again at the next
 * call after it exits, fails to load the handler, or is killed for overrunning a call's time. Calls
 * are serialized: one at a time per function, as a Lambda instance takes them; a call that waits
 * for the one before it spends its own time doing so.
 *
 * <p>Loading the handler (the worker's start) has {@link #INIT_TIMEOUT}, Lambda's init phase's limit,
 * besides the call's own time. Every line the function writes, to stdout or stderr, goes to the log
 * {@code tobira.trigger}, prefixed with the function name, before its call returns.
 */
final class FolderFunction implements LambdaFunction, AutoCloseable {

    /** Lambda: "the Init phase is limited to 10 seconds". */
    static final Duration INIT_TIMEOUT = Duration.ofSeconds(10);
    static final String TIMED_OUT = "Socket timeout while invoking Lambda function";
    /** How long an answered call waits for its logged lines (already written, so normally microseconds). */
    private static final Duration LOG_CATCH_UP = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger("tobira.trigger");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final String arnForContext;
    private final Path interpreter;
    private final Path program;
    private final Path dir;
    private final String handler;
    private final Supplier<Map<String, String>> environment;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final AtomicLong ids = new AtomicLong();
    // Written under the lock; read without it only by close().
    private volatile Worker worker;
    private volatile boolean closed;

    /**
     * @param interpreter {@code python3} or {@code node}
     * @param program the worker program it runs
     * @param dir the function's folder
     * @param handler Lambda's handler string, e.g. {@code index.handler}
     * @param environment the worker's whole environment, asked for at each start (the server's port is
     *     known only once it listens)
     */
    FolderFunction(String name, String functionArn, Path interpreter, Path program, Path dir, String handler,
            Supplier<Map<String, String>> environment) {
        this.name = name;
        this.arnForContext = functionArn;
        this.interpreter = interpreter;
        this.program = program;
        this.dir = dir;
        this.handler = handler;
        this.environment = environment;
    }

    /** What a worker said on its protocol stream, or that the stream ended. */
    private sealed interface Message {
        record Line(JsonNode json) implements Message {}

        record Exit(int status) implements Message {}
    }

    /** One worker process, its protocol messages, and the token that marks them. */
    private final class Worker {
        final Process process;
        final String token = UUID.randomUUID().toString();
        final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        /** The ids of the calls whose lines are all logged: the worker's "TOKEN end ID" on stderr. */
        final BlockingQueue<Long> logged = new LinkedBlockingQueue<>();

        Worker() throws IOException {
            ProcessBuilder builder = new ProcessBuilder(interpreter.toString(), program.toString(), token,
                    dir.toString(), handler).directory(dir.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment.get());
            process = builder.start();
            daemon("out", () -> readProtocol(process.getInputStream()));
            daemon("err", () -> logLines(process.getErrorStream()));
        }

        private void daemon(String stream, Runnable body) {
            Thread.ofPlatform().daemon().name("tobira-trigger-" + name + "-" + stream).start(body);
        }

        private void readProtocol(InputStream in) {
            String marker = token + " ";
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (!line.startsWith(marker)) {
                        // Output that escaped the worker's redirection (e.g. a child process of the function).
                        log.info("[{}] {}", name, line);
                        continue;
                    }
                    try {
                        messages.add(new Message.Line(JSON.readTree(line.substring(marker.length()))));
                    } catch (JacksonException e) {
                        log.warn("[{}] worker sent a line that is not JSON", name);
                    }
                }
            } catch (IOException ignored) {
                // The process is gone: its exit is reported below.
            }
            int status;
            try {
                status = process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = -1;
            }
            messages.add(new Message.Exit(status));
        }

        private void logLines(InputStream in) {
            String marker = token + " end ";
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.startsWith(marker)) {
                        try {
                            logged.add(Long.parseLong(line.substring(marker.length())));
                            continue;
                        } catch (NumberFormatException e) {
                            // Not the worker's marker after all: a line like any other.
                        }
                    }
                    log.info("[{}] {}", name, line);
                }
            } catch (IOException ignored) {
                // The process is gone.
            }
        }

        /**
         * Waits until the lines call {@code id} wrote are logged: the worker marks its end on stderr
         * before it answers, so this is the time the stderr reader takes to catch up, at most
         * {@link #LOG_CATCH_UP}.
         */
        void awaitLogged(long id) throws InterruptedException {
            long until = System.nanoTime() + LOG_CATCH_UP.toNanos();
            for (Long done; (done = logged.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) != null; ) {
                if (done >= id) {
                    return;
                }
            }
        }

        /** The next message within {@code nanos}, or null. */
        Message next(long nanos) throws InterruptedException {
            return messages.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        }

        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Outcome invoke(byte[] event, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return new Outcome.Unavailable(TIMED_OUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Unavailable("Interrupted while invoking Lambda function");
        }
        try {
            return call(event, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return new Outcome.Unavailable("Interrupted while invoking Lambda function");
        } finally {
            lock.unlock();
        }
    }

    private Outcome call(byte[] event, long deadline) throws InterruptedException {
        if (closed) {
            return new Outcome.Unavailable("Tobira is stopping");
        }
        if (worker != null && !worker.process.isAlive()) {
            // It died between calls (e.g. a timer of the function's threw): a new one takes this call.
            log.warn("[{}] worker exited between calls; starting a new one", name);
            stop();
        }
        if (worker == null) {
            long before = System.nanoTime();
            Outcome failedStart = start();
            if (failedStart != null) {
                return failedStart;
            }
            // The start has its own limit, not the call's.
            deadline += System.nanoTime() - before;
        }
        Worker w = worker;
        long id = ids.incrementAndGet();
        try {
            ObjectNode request = JSON.createObjectNode();
            request.put("id", id);
            request.put("requestId", UUID.randomUUID().toString());
            request.put("arn", arnForContext);
            request.put("remainingMs", Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            request.set("event", JSON.readTree(event));
            OutputStream in = w.process.getOutputStream();
            in.write(JSON.writeValueAsBytes(request));
            in.write('\n');
            in.flush();
        } catch (IOException e) {
            return exited(w, w.next(TimeUnit.SECONDS.toNanos(1)));
        }
        while (true) {
            Message m = w.next(deadline - System.nanoTime());
            switch (m) {
                case null -> {
                    log.warn("[{}] no answer in time: stopping its worker; the next call starts a new one", name);
                    stop();
                    return new Outcome.Unavailable(TIMED_OUT);
                }
                case Message.Exit exit -> {
                    return exited(w, exit);
                }
                case Message.Line line when line.json().path("id").asLong() == id -> {
                    w.awaitLogged(id);
                    return answer(line.json());
                }
                case Message.Line stale -> log.warn("[{}] worker answered another call", name);
            }
        }
    }

    private Outcome answer(JsonNode json) {
        if (json.has("payload")) {
            return new Outcome.Returned(json.path("payload").asString().getBytes(StandardCharsets.UTF_8));
        }
        if (json.has("marshalError")) {
            log.warn("[{}] answered what is not JSON: {}", name, json.path("marshalError").asString());
            // No bytes: no JSON, which FunctionInvoker answers as Cognito answers output that is not JSON.
            return new Outcome.Returned(new byte[0]);
        }
        return new Outcome.Failed(json.path("errorMessage").asString(json.path("errorType").asString("Error")));
    }

    /** Starts the worker and waits until it has loaded the handler; null when it has, else the call's outcome. */
    private Outcome start() throws InterruptedException {
        Worker w;
        try {
            w = new Worker();
        } catch (IOException e) {
            log.warn("[{}] cannot start {}: {}", name, interpreter, e.getMessage());
            return new Outcome.Unavailable("Runtime failed to start: " + e.getMessage());
        }
        worker = w;
        if (closed) {
            stop();
            return new Outcome.Unavailable("Tobira is stopping");
        }
        Message first = w.next(INIT_TIMEOUT.toNanos());
        if (first instanceof Message.Line line && line.json().path("ready").asBoolean(false)) {
            log.info("[{}] worker started (pid {})", name, w.process.pid());
            return null;
        }
        stop();
        return switch (first) {
            case null -> new Outcome.Unavailable(TIMED_OUT);
            case Message.Exit exit -> exited(w, exit);
            // A handler that cannot load is the function's own error, as Lambda's Runtime.ImportModuleError.
            case Message.Line line -> new Outcome.Failed(line.json().path("initError").asString("Runtime.InitError"));
        };
    }

    private Outcome exited(Worker w, Message exit) {
        worker = null;
        String status = exit instanceof Message.Exit e ? "exit status " + e.status() : "no answer";
        log.warn("[{}] worker exited during a call ({}); the next call starts a new one", name, status);
        w.kill();
        return new Outcome.Unavailable("Runtime exited with error: " + status);
    }

    private void stop() {
        Worker w = worker;
        worker = null;
        if (w != null) {
            w.kill();
        }
    }

    /** Stops the worker, also during a call (which then answers Unavailable); no call starts another. */
    @Override
    public void close() {
        closed = true;
        stop();
    }
}

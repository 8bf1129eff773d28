package dev.tobira.server.trigger;

import dev.tobira.server.config.Settings;
import dev.tobira.server.config.Settings.FunctionFolder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trigger functions whose code is a folder ({@code --trigger-dir NAME=PATH[:HANDLER]}), each run
 * by a {@link FolderFunction} worker in Python or Node.js, decided by the handler's module file in the
 * folder. Resolving them (folder, module file, interpreter on {@code PATH}) happens at start, so that
 * a mistake stops the server with a message that names it. {@link #close()} stops every worker.
 *
 * <p>A worker's environment is built from scratch, as Lambda's is: the parent's {@code PATH},
 * {@code HOME}, locale and temp-dir variables ({@link #KEPT}), Lambda's own ({@code AWS_REGION},
 * {@code AWS_LAMBDA_FUNCTION_NAME}…), credentials (dev: {@code tobira-local}; production: the admin
 * credentials, so the function's admin calls can be signed), every AWS SDK endpoint pointed at this
 * server ({@code AWS_ENDPOINT_URL} and the Cognito, SES, SES v2 and SNS ones, so that nothing reaches
 * AWS), then the user's variables, which win.
 */
public final class FolderFunctions implements AutoCloseable {

    /** The parent's variables a worker keeps; proxies, AWS profiles and the rest stay out. */
    static final List<String> KEPT = List.of("PATH", "HOME", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR",
            "PYENV_ROOT", "PYENV_VERSION", "SSL_CERT_FILE", "SSL_CERT_DIR");
    private static final String DEFAULT_HANDLER = "index.handler";

    private static final Logger log = LoggerFactory.getLogger("tobira");

    /** The two languages: each an interpreter on {@code PATH} and a worker program (a resource). */
    enum Language {
        PYTHON("Python", "python3", "worker.py"),
        NODE("Node.js", "node", "worker.mjs");

        final String title;
        final String interpreter;
        final String program;

        Language(String title, String interpreter, String program) {
            this.title = title;
            this.interpreter = interpreter;
            this.program = program;
        }
    }

    /** A function folder checked at start: its language, handler and interpreter. */
    record Resolved(String name, Path dir, Language language, String handler, Path interpreter) {}

    private final Map<String, FolderFunction> functions = new LinkedHashMap<>();
    private final Path programs;

    /**
     * @param port this server's port, asked for at each worker start (with {@code --port 0} it is
     *     known only once the server listens)
     * @param parentEnvironment the variables a worker may keep ({@link #KEPT}), and {@code PATH} to find interpreters in
     * @throws IllegalArgumentException naming the function and what is wrong with its folder
     */
    FolderFunctions(Settings settings, IntSupplier port, Map<String, String> parentEnvironment) {
        Settings.Triggers triggers = settings.triggers();
        List<Resolved> resolved = new ArrayList<>();
        new TreeMap<>(triggers.folders()).forEach((name, folder) ->
                resolved.add(resolve(name, folder, parentEnvironment.getOrDefault("PATH", ""))));
        programs = resolved.isEmpty() ? Path.of("") : extractPrograms();
        String host = settings.host().equals("0.0.0.0") || settings.host().equals("::") ? "127.0.0.1"
                : settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        Map<Path, Path> realPythons = new java.util.HashMap<>();
        for (Resolved r : resolved) {
            Path interpreter = r.language() == Language.PYTHON
                    ? realPythons.computeIfAbsent(r.interpreter(), p -> realPython(p, parentEnvironment))
                    : r.interpreter();
            String arn = "arn:aws:lambda:" + settings.region() + ":" + settings.accountId() + ":function:" + r.name();
            functions.put(r.name(), new FolderFunction(r.name(), arn, interpreter,
                    programs.resolve(r.language().program), r.dir(), r.handler(),
                    () -> environment(settings, r, "http://" + host + ":" + port.getAsInt(), parentEnvironment)));
            log.info("Trigger function {} runs from {} ({} handler {}, {})", r.name(), r.dir(), r.language().title,
                    r.handler(), interpreter);
        }
    }

    /** The folder functions {@code settings} names, with this process's environment. */
    public static FolderFunctions of(Settings settings, IntSupplier port) {
        return new FolderFunctions(settings, port, System.getenv());
    }

    /** What is wrong with {@code triggers}' folders, one message each; empty when they can run. */
    public static List<String> problems(Settings.Triggers triggers) {
        List<String> problems = new ArrayList<>();
        triggers.folders().forEach((name, folder) -> {
            if (triggers.javaClasses().containsKey(name)) {
                problems.add("Trigger function " + name + " is given both --trigger-dir and --trigger-class.");
            }
            try {
                resolve(name, folder, Optional.ofNullable(System.getenv("PATH")).orElse(""));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        });
        return problems;
    }

    /** The function {@code name} runs from a folder: its worker. */
    Optional<LambdaFunction> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /**
     * Checks {@code folder}: a directory holding the handler's module in one language, whose
     * interpreter is on {@code path}.
     *
     * @throws IllegalArgumentException saying what is missing
     */
    static Resolved resolve(String name, FunctionFolder folder, String path) {
        Path dir = folder.dir().toAbsolutePath().normalize();
        String what = "Trigger function " + name + " (--trigger-dir " + name + "=" + folder.dir() + ")";
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(what + ": " + dir + " is not a folder.");
        }
        String handler = folder.handler().orElse(DEFAULT_HANDLER);
        Optional<Path> python = pythonModule(dir, handler);
        Optional<Path> node = nodeModule(dir, handler);
        if (python.isPresent() && node.isPresent()) {
            throw new IllegalArgumentException(what + ": both " + dir.relativize(python.get()) + " and "
                    + dir.relativize(node.get()) + " are there for handler " + handler + "; keep one.");
        }
        if (python.isEmpty() && node.isEmpty()) {
            throw new IllegalArgumentException(what + ": no module for handler " + handler + " in " + dir
                    + " (" + (handler.equals(DEFAULT_HANDLER) ? "index.py, index.mjs or index.js"
                    : "a Python or Node.js file named after the handler's module") + ").");
        }
        Language language = python.isPresent() ? Language.PYTHON : Language.NODE;
        Path interpreter = onPath(language.interpreter, path).orElseThrow(() -> new IllegalArgumentException(
                what + " is " + language.title + ", but " + language.interpreter + " is not on the PATH."));
        return new Resolved(name, dir, language, handler, interpreter);
    }

    /**
     * The program behind {@code python3} when it is a launcher such as a pyenv shim (a shell script
     * that takes a second or more each start), else {@code python3} itself.
     */
    private static Path realPython(Path python, Map<String, String> parent) {
        try {
            ProcessBuilder builder = new ProcessBuilder(python.toString(), "-c", "import sys; print(sys.executable)")
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            KEPT.forEach(k -> Optional.ofNullable(parent.get(k)).ifPresent(v -> builder.environment().put(k, v)));
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            if (p.waitFor() == 0 && !out.isEmpty() && Files.isExecutable(Path.of(out))) {
                return Path.of(out);
            }
        } catch (IOException e) {
            // Keep the launcher: the worker's own start will say what is wrong.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return python;
    }

    /** Lambda's Python handler {@code package.module.function}: {@code package/module.py} or a package's {@code __init__.py}. */
    private static Optional<Path> pythonModule(Path dir, String handler) {
        int dot = handler.lastIndexOf('.');
        if (dot <= 0 || handler.contains("/")) {
            return Optional.empty();
        }
        Path module = dir.resolve(handler.substring(0, dot).replace('.', '/'));
        return first(module.resolveSibling(module.getFileName() + ".py"), module.resolve("__init__.py"));
    }

    /** Lambda's Node.js handler {@code path/module.function}: the module up to the first dot after the last slash. */
    private static Optional<Path> nodeModule(Path dir, String handler) {
        int dot = handler.indexOf('.', handler.lastIndexOf('/') + 1);
        if (dot <= 0) {
            return Optional.empty();
        }
        String module = handler.substring(0, dot);
        return first(dir.resolve(module + ".js"), dir.resolve(module + ".mjs"), dir.resolve(module + ".cjs"));
    }

    private static Optional<Path> first(Path... candidates) {
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The executable {@code command} in the first directory of {@code path} that has it. */
    static Optional<Path> onPath(String command, String path) {
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                Path candidate = Path.of(entry, command);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The worker's whole environment; see the class comment. */
    static Map<String, String> environment(Settings settings, Resolved function, String endpoint,
            Map<String, String> parent) {
        Map<String, String> env = new LinkedHashMap<>();
        KEPT.forEach(k -> Optional.ofNullable(parent.get(k)).ifPresent(v -> env.put(k, v)));
        env.put("AWS_REGION", settings.region());
        env.put("AWS_DEFAULT_REGION", settings.region());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "tobira");
        env.put("LAMBDA_TASK_ROOT", function.dir().toString());
        if (settings.dev()) {
            env.put("AWS_ACCESS_KEY_ID", "tobira-local");
            env.put("AWS_SECRET_ACCESS_KEY", "tobira-local");
        } else {
            settings.adminAccessKeyId().ifPresent(v -> env.put("AWS_ACCESS_KEY_ID", v));
            settings.adminSecretAccessKey().ifPresent(v -> env.put("AWS_SECRET_ACCESS_KEY", v));
        }
        for (String service : List.of("", "_COGNITO_IDENTITY_PROVIDER", "_SES", "_SESV2", "_SNS")) {
            env.put("AWS_ENDPOINT_URL" + service, endpoint);
        }
        // Python's prints reach the log as they happen, not when a buffer fills.
        env.put("PYTHONUNBUFFERED", "1");
        // The function's folder is the user's source, read-only on Lambda: no __pycache__ left in it.
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.putAll(settings.triggers().environment());
        env.putAll(settings.triggers().functionEnvironment().getOrDefault(function.name(), Map.of()));
        return env;
    }

    /** Copies the worker programs out of the jar into a fresh temporary folder. */
    private static Path extractPrograms() {
        try {
            Path dir = Files.createTempDirectory("tobira-workers");
            dir.toFile().deleteOnExit();
            for (Language language : Language.values()) {
                Path target = dir.resolve(language.program);
                try (InputStream in = FolderFunctions.class.getResourceAsStream(language.program)) {
                    if (in == null) {
                        throw new IllegalStateException("Missing resource " + language.program);
                    }
                    Files.copy(in, target);
                }
                target.toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the trigger worker programs", e);
        }
    }

    /** Stops every worker and removes the worker programs. */
    @Override
    public void close() {
        functions.values().forEach(FolderFunction::close);
        if (!functions.isEmpty()) {
            for (Language language : Language.values()) {
                programs.resolve(language.program).toFile().delete();
            }
            programs.toFile().delete();
        }
    }
}

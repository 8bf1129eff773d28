package dev.tobira.server.trigger;

import dev.tobira.core.CognitoException.InvalidLambdaResponseException;
import dev.tobira.core.CognitoException.UnexpectedLambdaException;
import dev.tobira.core.CognitoException.UserLambdaValidationException;
import dev.tobira.core.trigger.TriggerInvoker;
import dev.tobira.server.config.Settings;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs trigger functions as Cognito does: synchronously, each attempt limited to {@link #TIMEOUT},
 * up to {@link #ATTEMPTS} attempts when a function cannot be reached or does not answer in time, and
 * none again when the function itself fails. A function whose name is mapped to a folder runs in
 * that folder's worker process ({@link FolderFunctions}); one mapped to a Java class runs that class
 * in this process; any other goes to the Lambda Invoke API.
 */
public final class FunctionInvoker implements TriggerInvoker {

    /** Cognito: "your Lambda function must respond within 5 seconds". */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Cognito: "after three unsuccessful attempts, the function times out". */
    static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger("tobira");

    private final Map<String, String> javaClasses;
    private final Function<String, Optional<LambdaFunction>> folders;
    private final ClassLoader loader;
    private final Function<String, LambdaFunction> remote;
    private final Map<String, LambdaFunction> classFunctions = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Duration timeout;

    /**
     * @param loader loads the {@code javaClasses}
     * @param remote the Invoke API function for an ARN
     */
    FunctionInvoker(Map<String, String> javaClasses, ClassLoader loader, Function<String, LambdaFunction> remote,
            Duration timeout) {
        this(name -> Optional.empty(), javaClasses, loader, remote, timeout);
    }

    /**
     * @param folders the folder function of a function name, if it is one
     * @param loader loads the {@code javaClasses}
     * @param remote the Invoke API function for an ARN
     */
    FunctionInvoker(Function<String, Optional<LambdaFunction>> folders, Map<String, String> javaClasses,
            ClassLoader loader, Function<String, LambdaFunction> remote, Duration timeout) {
        this.folders = folders;
        this.javaClasses = Map.copyOf(javaClasses);
        this.loader = loader;
        this.remote = remote;
        this.timeout = timeout;
    }

    /**
     * The invoker {@code triggers} describes: {@code folders}' functions in their workers, Java
     * classes in this process, and the rest through {@code api}.
     */
    public static FunctionInvoker of(Settings.Triggers triggers, FolderFunctions folders, LambdaInvokeApi api) {
        return new FunctionInvoker(folders::function, triggers.javaClasses(), loader(triggers.classpath()),
                api::function, TIMEOUT);
    }

    /** Tobira's own class loader, extended with {@code classpath} when there is one. */
    static ClassLoader loader(List<Path> classpath) {
        ClassLoader own = FunctionInvoker.class.getClassLoader();
        if (classpath.isEmpty()) {
            return own;
        }
        URL[] urls = classpath.stream().map(p -> {
            try {
                return p.toAbsolutePath().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("Not a usable trigger classpath entry: " + p, e);
            }
        }).toArray(URL[]::new);
        return new URLClassLoader("tobira-triggers", urls, own);
    }

    @Override
    public Map<String, Object> invoke(String functionArn, String triggerName, Map<String, Object> event) {
        LambdaFunction function = function(functionArn);
        byte[] payload = json.writeValueAsBytes(event);
        String error = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            switch (function.invoke(payload, timeout)) {
                case LambdaFunction.Outcome.Returned r -> {
                    return parse(r.payload());
                }
                case LambdaFunction.Outcome.Failed f ->
                    throw new UserLambdaValidationException(triggerName + " failed with error " + f.errorMessage() + ".");
                case LambdaFunction.Outcome.Refused r -> throw unexpected(triggerName, r.error());
                case LambdaFunction.Outcome.Unavailable u -> {
                    error = u.error();
                    log.warn("{} trigger {}: attempt {} of {} failed: {}", triggerName, functionArn, attempt, ATTEMPTS,
                            error);
                }
            }
        }
        throw unexpected(triggerName, error);
    }

    private LambdaFunction function(String arn) {
        String name = functionName(arn);
        Optional<LambdaFunction> folder = folders.apply(name);
        if (folder.isPresent()) {
            return folder.get();
        }
        Optional<String> className = Optional.ofNullable(javaClasses.get(name));
        if (className.isPresent()) {
            return classFunctions.computeIfAbsent(name, n -> new JavaClassFunction(n, arn, className.get(), loader));
        }
        return remote.apply(arn);
    }

    /** The function name in {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]}, or the text itself. */
    static String functionName(String arn) {
        String[] parts = arn.split(":");
        return parts.length >= 7 && parts[5].equals("function") ? parts[6] : arn;
    }

    private Map<String, Object> parse(byte[] payload) {
        Object value;
        try {
            value = json.readValue(payload, Object.class);
        } catch (JacksonException e) {
            throw new InvalidLambdaResponseException("Invalid lambda function output : Invalid JSON");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidLambdaResponseException("Invalid lambda function output : Invalid JSON");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static UnexpectedLambdaException unexpected(String triggerName, String error) {
        return new UnexpectedLambdaException(triggerName + " invocation failed due to error " + error + ".");
    }
}

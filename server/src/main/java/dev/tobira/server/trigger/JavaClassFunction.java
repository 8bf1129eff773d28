package dev.tobira.server.trigger;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lambda function that is a Java class on this process's classpath, run as the AWS Lambda Java
 * runtime runs it: one instance, created at the first call; a {@link RequestStreamHandler} gets the
 * event's bytes; a {@link RequestHandler} gets the event deserialized to its input type with the
 * runtime's own serializers (aws-lambda-java-events classes, a {@code Map}, or any POJO), and its
 * result serialized back.
 */
final class JavaClassFunction implements LambdaFunction {

    private static final Logger log = LoggerFactory.getLogger("tobira.trigger");
    // One virtual thread per call, so that a call that overruns its time can be abandoned.
    private static final ExecutorService CALLS = Executors.newVirtualThreadPerTaskExecutor();

    private final String functionName;
    private final String functionArn;
    private final String className;
    private final ClassLoader loader;
    private volatile Object handler;
    // Building a serializer sets up a whole ObjectMapper: once per type, not once per call.
    private final Map<Type, PojoSerializer<Object>> serializers = new ConcurrentHashMap<>();

    JavaClassFunction(String functionName, String functionArn, String className, ClassLoader loader) {
        this.functionName = functionName;
        this.functionArn = functionArn;
        this.className = className;
        this.loader = loader;
    }

    @Override
    public Outcome invoke(byte[] event, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Future<Outcome> call = CALLS.submit(() -> run(event, deadline));
        try {
            return call.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Outcome.Unavailable("Socket timeout while invoking Lambda function");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return new Outcome.Unavailable("Interrupted while invoking Lambda function");
        } catch (ExecutionException e) {
            return new Outcome.Failed(message(e.getCause()));
        }
    }

    private Outcome run(byte[] event, Instant deadline) {
        Object h;
        try {
            h = handler();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            log.warn("Trigger function {}: cannot load {}: {}", functionName, className, e.toString());
            return new Outcome.Refused("ResourceNotFoundException");
        }
        Context context = new InvocationContext(deadline);
        try {
            if (h instanceof RequestStreamHandler stream) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                stream.handleRequest(new ByteArrayInputStream(event), out, context);
                return new Outcome.Returned(out.toByteArray());
            }
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> requestHandler = (RequestHandler<Object, Object>) h;
            Object input = serializer(inputType(h.getClass())).fromJson(new ByteArrayInputStream(event));
            Object output = requestHandler.handleRequest(input, context);
            if (output == null) {
                return new Outcome.Returned("null".getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            serializer(output.getClass()).toJson(output, out);
            return new Outcome.Returned(out.toByteArray());
        } catch (Exception | LinkageError e) {
            return new Outcome.Failed(message(e));
        }
    }

    private Object handler() throws ReflectiveOperationException {
        Object h = handler;
        if (h == null) {
            synchronized (this) {
                if (handler == null) {
                    Object created = Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
                    if (!(created instanceof RequestHandler<?, ?>) && !(created instanceof RequestStreamHandler)) {
                        throw new ClassCastException(className + " is neither a RequestHandler nor a RequestStreamHandler");
                    }
                    handler = created;
                }
                h = handler;
            }
        }
        return h;
    }

    /** The input type of {@code type}'s own {@code handleRequest(I, Context)}: the bridge method's is erased. */
    static Type inputType(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals("handleRequest") && !m.isBridge() && m.getParameterCount() == 2
                        && m.getParameterTypes()[1] == Context.class)
                .map(m -> m.getGenericParameterTypes()[0])
                .findFirst()
                .orElse(Object.class);
    }

    private PojoSerializer<Object> serializer(Type type) {
        return serializers.computeIfAbsent(type, this::newSerializer);
    }

    @SuppressWarnings("unchecked")
    private PojoSerializer<Object> newSerializer(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
        if (LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** The error message Cognito quotes: the exception's own message, else its type. */
    private static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The {@link Context} a handler sees: its names, a request id, the time left, a logger. */
    private final class InvocationContext implements Context {
        private final String requestId = UUID.randomUUID().toString();
        private final Instant deadline;

        InvocationContext(Instant deadline) {
            this.deadline = deadline;
        }

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + functionName;
        }

        @Override
        public String getLogStreamName() {
            return "tobira";
        }

        @Override
        public String getFunctionName() {
            return functionName;
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return functionArn;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return 128;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    log.info("[{}] {}", functionName, message);
                }

                @Override
                public void log(byte[] message) {
                    log(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}

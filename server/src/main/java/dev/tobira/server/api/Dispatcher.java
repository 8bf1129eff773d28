package dev.tobira.server.api;

import dev.tobira.core.CognitoException;
import dev.tobira.core.Operation;
import dev.tobira.server.api.model.ModelTypeException;
import dev.tobira.server.api.model.ServiceModel;
import dev.tobira.server.auth.SigV4Exception;
import dev.tobira.server.auth.SigV4Verifier;
import dev.tobira.server.auth.SignedRequest;
import dev.tobira.server.ratelimit.ApiRateLimiter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Cognito JSON 1.1 endpoint, free of servlet types: {@code X-Amz-Target} names the operation;
 * the body is parsed, checked against the service model, signed calls are authenticated, and the
 * operation's record comes back as JSON. Every failure leaves through {@link ErrorWriter}.
 *
 * <p>Order of checks, as a client would expect them: size, target, signature (before anything
 * touches state), implemented?, JSON syntax, model constraints, rate limits (a call over them is
 * answered {@code TooManyRequestsException} before the operation sees it), then the operation itself.
 */
public final class Dispatcher {

    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    public static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

    private final ServiceModel model;
    private final Map<String, Operation<?, ?>> operations;
    private final SigV4Verifier verifier;
    private final ApiRateLimiter rateLimiter;
    private final JsonMapper json;
    private final ErrorWriter errors;
    private final int maxBodyBytes;
    private final ApiObserver observer;

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    public Dispatcher(ServiceModel model, Map<String, Operation<?, ?>> operations, SigV4Verifier verifier,
            ApiRateLimiter rateLimiter, JsonMapper json, int maxBodyBytes) {
        this(model, operations, verifier, rateLimiter, json, maxBodyBytes, ApiObserver.NONE);
    }

    /** @param observer sees every answered call (metrics) */
    public Dispatcher(ServiceModel model, Map<String, Operation<?, ?>> operations, SigV4Verifier verifier,
            ApiRateLimiter rateLimiter, JsonMapper json, int maxBodyBytes, ApiObserver observer) {
        this.observer = observer;
        this.model = model;
        this.operations = Map.copyOf(operations);
        this.verifier = verifier;
        this.rateLimiter = rateLimiter;
        this.json = json;
        this.errors = new ErrorWriter(json);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** How far a call got: what its observer is told. */
    private static final class Progress {
        final long started = System.nanoTime();
        Optional<String> operation = Optional.empty();
        JsonNode input;
        Optional<Record> output = Optional.empty();
    }

    public ApiResponse dispatch(ApiRequest request) {
        String requestId = UUID.randomUUID().toString();
        String operation = request.header("X-Amz-Target").orElse("");
        Progress progress = new Progress();
        progress.input = json.createObjectNode();
        try {
            ApiResponse response = handle(request, requestId, progress);
            observe(progress, Optional.empty(), Optional.empty());
            return response;
        } catch (CognitoException e) {
            observe(progress, Optional.of(e.type()), Optional.ofNullable(e.getMessage()));
            return errors.write(e, requestId);
        } catch (RuntimeException e) {
            observe(progress, Optional.of("InternalErrorException"), Optional.empty());
            return errors.internal(e, operation, requestId);
        }
    }

    private void observe(Progress progress, Optional<String> errorType, Optional<String> errorMessage) {
        try {
            observer.observe(new ApiCall(progress.operation, progress.input, progress.output, errorType, errorMessage,
                    Duration.ofNanos(System.nanoTime() - progress.started)));
        } catch (RuntimeException e) {
            // Metrics are not worth a failed call.
            log.warn("API observer failed: {}", e.toString());
        }
    }

    private ApiResponse handle(ApiRequest request, String requestId, Progress progress) {
        byte[] body = request.body();
        if (body.length > maxBodyBytes) {
            throw new CognitoException.RequestEntityTooLargeException(
                    "Request body is larger than the limit of " + maxBodyBytes + " bytes.");
        }
        String operation = operationName(request);
        progress.operation = Optional.of(operation);
        if (!model.isUnsigned(operation)) {
            authenticate(request);
        }
        Operation<?, ?> handler = operations.get(operation);
        if (handler == null) {
            throw CognitoException.notImplemented(operation);
        }
        JsonNode input = parse(body);
        progress.input = input;
        List<String> violations;
        try {
            violations = model.violations(operation, input);
        } catch (ModelTypeException e) {
            throw new CognitoException.SerializationException(e.awsMessage().orElse(null));
        }
        if (!violations.isEmpty()) {
            throw new CognitoException.InvalidParameterException(ServiceModel.message(violations));
        }
        rateLimiter.admit(operation, input, request.clientAddress());
        Record output = invoke(handler, input);
        progress.output = Optional.of(output);
        return new ApiResponse(200, Map.of("Content-Type", CONTENT_TYPE, "x-amzn-RequestId", requestId),
                json.writeValueAsBytes(output));
    }

    private String operationName(ApiRequest request) {
        String target = request.header("X-Amz-Target").orElseThrow(
                () -> new CognitoException.UnknownOperationException("Missing X-Amz-Target header."));
        String name = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
        if (!model.isKnownOperation(name)) {
            throw new CognitoException.UnknownOperationException("Unknown operation " + target + ".");
        }
        return name;
    }

    private void authenticate(ApiRequest request) {
        try {
            verifier.verify(new SignedRequest(request.method(), request.rawPath(), request.rawQuery(),
                    request.headers(), request.body()));
        } catch (SigV4Exception e) {
            throw SignatureErrors.toCognito(e);
        }
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return json.createObjectNode();
            }
            if (!node.isObject()) {
                throw new CognitoException.SerializationException("Start of structure or map found where not expected.");
            }
            return node;
        } catch (JacksonException e) {
            throw new CognitoException.SerializationException("Invalid JSON in request body: "
                    + new String(e.getOriginalMessage().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Record invoke(Operation handler, JsonNode input) {
        Record request;
        try {
            request = (Record) json.treeToValue(input, handler.requestType());
        } catch (JacksonException e) {
            throw new CognitoException.SerializationException(e.getOriginalMessage());
        }
        return handler.handle(request);
    }
}

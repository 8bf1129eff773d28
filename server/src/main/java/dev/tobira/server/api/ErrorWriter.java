package dev.tobira.server.api;

import dev.tobira.core.CognitoException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place that turns failures into AWS JSON 1.1 error responses (spec §1.2): HTTP 400 with
 * {@code {"__type","message"}} and matching {@code x-amzn-ErrorType} / {@code x-amzn-ErrorMessage}
 * headers for every Cognito error, and HTTP 500 {@code InternalErrorException} for anything else,
 * which is logged with its request id and never shown to the client.
 */
public final class ErrorWriter {

    private static final Logger log = LoggerFactory.getLogger(ErrorWriter.class);

    private final JsonMapper json;

    public ErrorWriter(JsonMapper json) {
        this.json = json;
    }

    public ApiResponse write(CognitoException e, String requestId) {
        return write(400, e.type(), e.getMessage(), requestId);
    }

    public ApiResponse internal(Throwable e, String operation, String requestId) {
        log.error("Internal error in {} (request {})", operation, requestId, e);
        return write(500, "InternalErrorException", "An internal error occurred. Request id: " + requestId, requestId);
    }

    private ApiResponse write(int status, String type, String message, String requestId) {
        ObjectNode body = json.createObjectNode();
        body.put("__type", type);
        if (message != null) {
            body.put("message", message);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Dispatcher.CONTENT_TYPE);
        headers.put("x-amzn-RequestId", requestId);
        // The SDK for Java reads the type from this header first; the trailing colon is what AWS sends.
        headers.put("x-amzn-ErrorType", type + ":");
        if (message != null) {
            headers.put("x-amzn-ErrorMessage", headerSafe(message));
        }
        return new ApiResponse(status, headers, json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    /** Header values must be single-line visible ASCII; the body keeps the exact message. */
    private static String headerSafe(String message) {
        StringBuilder out = new StringBuilder(message.length());
        for (char c : message.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? c : (c == '\n' || c == '\r' || c == '\t') ? ' ' : '?');
        }
        return out.toString().strip();
    }
}

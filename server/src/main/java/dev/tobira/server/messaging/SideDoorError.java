package dev.tobira.server.messaging;

import java.util.Objects;

/**
 * A side-door call is refused with an AWS error: {@link #code()} as SES or SNS name it (the query
 * protocol's {@code <Code>}, SES v2's {@code x-amzn-ErrorType}), the HTTP status AWS gives it, and
 * AWS's message. Whether the caller or the server is at fault follows from the status.
 *
 * <p>Expected control flow, so it carries no stack trace. Its message never holds a message's text.
 */
public final class SideDoorError extends RuntimeException {

    private final String code;
    private final int status;

    public SideDoorError(String code, int status, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.status = status;
    }

    /** HTTP 400 with {@code code}: the caller's mistake. */
    public static SideDoorError badRequest(String code, String message) {
        return new SideDoorError(code, 400, message);
    }

    /**
     * A required member is missing, in the words of AWS's request validation: "1 validation error
     * detected: Value null at 'source' failed to satisfy constraint: Member must not be null".
     */
    public static SideDoorError missing(String memberPath) {
        return badRequest("ValidationError", "1 validation error detected: Value null at '" + memberPath
                + "' failed to satisfy constraint: Member must not be null");
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The query protocol's {@code <Type>}: {@code Sender} for the caller's mistakes, else {@code Receiver}. */
    public String faultType() {
        return status < 500 ? "Sender" : "Receiver";
    }
}

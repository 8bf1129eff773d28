package dev.tobira.server.api;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One finished call of the Cognito API, as the {@link Dispatcher} hands it to an {@link ApiObserver}.
 *
 * @param operation the operation's name when the target named a known one, else empty
 * @param input the request body as far as it was parsed (an empty object when it was not)
 * @param output the operation's answer when it succeeded
 * @param errorType the {@code __type} answered when it failed ({@code InternalErrorException} for a 500)
 * @param errorMessage the message answered when it failed, if any
 * @param duration from the request's arrival at the dispatcher to its answer
 */
public record ApiCall(Optional<String> operation, JsonNode input, Optional<Record> output, Optional<String> errorType,
        Optional<String> errorMessage, Duration duration) {

    /** {@code "Success"}, or the {@code __type} the call failed with. */
    public String outcome() {
        return errorType.orElse("Success");
    }
}

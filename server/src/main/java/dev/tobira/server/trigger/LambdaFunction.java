package dev.tobira.server.trigger;

import java.time.Duration;

/** One Lambda function, however it runs: given the event's JSON, one attempt at an answer. */
interface LambdaFunction {

    /** What one attempt came to. */
    sealed interface Outcome {
        /** The function answered with {@code payload} (JSON, not yet checked). */
        record Returned(byte[] payload) implements Outcome {}

        /** The function ran and failed with {@code errorMessage}: the function's own error, not retried. */
        record Failed(String errorMessage) implements Outcome {}

        /** It could not be run and trying again will not help, e.g. {@code AccessDeniedException}. */
        record Refused(String error) implements Outcome {}

        /** It did not run or did not answer in time; another attempt may succeed. */
        record Unavailable(String error) implements Outcome {}
    }

    /** Makes one attempt, giving up after {@code timeout}; never throws. */
    Outcome invoke(byte[] event, Duration timeout);
}

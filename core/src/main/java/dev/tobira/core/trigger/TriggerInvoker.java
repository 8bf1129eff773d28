package dev.tobira.core.trigger;

import java.util.Map;

/**
 * Runs a pool's Lambda trigger function the way Cognito does: synchronously, with the event as a
 * JSON object, and the function's returned event as the answer.
 *
 * <p>The event and the returned value are JSON-shaped trees: {@code Map<String, Object>} for
 * objects, {@code List<Object>} for arrays, {@code String}, {@code Boolean}, {@code Number} and
 * {@code null}. What runs for an ARN is the implementation's business (a Java class on the
 * classpath, the AWS Lambda Invoke API at a configured endpoint); the errors are Cognito's.
 */
public interface TriggerInvoker {

    /**
     * Invokes {@code functionArn} with {@code event} and returns the event the function returned.
     *
     * @param triggerName the trigger's name as Cognito's messages say it, e.g. {@code DefineAuthChallenge}
     * @throws dev.tobira.core.CognitoException.UserLambdaValidationException when the function
     *     itself fails: {@code "<triggerName> failed with error <its message>."}
     * @throws dev.tobira.core.CognitoException.InvalidLambdaResponseException when its output is
     *     not a JSON object
     * @throws dev.tobira.core.CognitoException.UnexpectedLambdaException when it cannot be run or
     *     does not answer in time, after the retries
     */
    Map<String, Object> invoke(String functionArn, String triggerName, Map<String, Object> event);

    /** An invoker for deployments that run no functions of their own: every ARN is refused. */
    TriggerInvoker NONE = (arn, trigger, event) -> {
        throw new dev.tobira.core.CognitoException.UnexpectedLambdaException(
                trigger + " invocation failed: Tobira is not configured to run " + arn
                        + " (no Java class is mapped to it and no Lambda endpoint is set).");
    };
}

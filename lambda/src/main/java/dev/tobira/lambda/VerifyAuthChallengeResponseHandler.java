package dev.tobira.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import java.util.Map;
import java.util.Objects;

/**
 * The VerifyAuthChallengeResponse trigger of the password-then-emailed-code design, as an AWS Lambda
 * handler ({@code dev.tobira.lambda.VerifyAuthChallengeResponseHandler::handleRequest}): the answer
 * is right when its keyed hash matches the one CreateAuthChallenge put in the private challenge
 * parameters, for this pool and user, before the code's expiry. It returns the event with
 * {@code response.answerCorrect} set; missing or garbled parameters make the answer wrong, never an
 * error.
 */
public final class VerifyAuthChallengeResponseHandler implements
        RequestHandler<CognitoUserPoolVerifyAuthChallengeResponseEvent, CognitoUserPoolVerifyAuthChallengeResponseEvent> {

    private final AuthChallengeTriggers triggers;

    /**
     * What the Lambda runtime calls: settings from the environment; {@code TOBIRA_CODE_KEY}, the same
     * key the CreateAuthChallenge function has, is required.
     *
     * @throws IllegalStateException naming the missing variable, or the one whose value is unusable
     */
    public VerifyAuthChallengeResponseHandler() {
        this(System.getenv());
    }

    VerifyAuthChallengeResponseHandler(Map<String, String> environment) {
        this(new HandlerConfig(environment).verifyTriggers());
    }

    /** Runs {@code triggers}' {@link AuthChallengeTriggers#verify verify}: for tests and embedding. */
    public VerifyAuthChallengeResponseHandler(AuthChallengeTriggers triggers) {
        this.triggers = Objects.requireNonNull(triggers);
    }

    @Override
    public CognitoUserPoolVerifyAuthChallengeResponseEvent handleRequest(
            CognitoUserPoolVerifyAuthChallengeResponseEvent event, Context lambda) {
        var request = Objects.requireNonNullElseGet(event.getRequest(),
                CognitoUserPoolVerifyAuthChallengeResponseEvent.Request::new);
        boolean right = triggers.verify(
                Events.context(event, request.getUserAttributes(), request.getUserNotFound(),
                        request.getClientMetadata()),
                Events.orEmpty(request.getPrivateChallengeParameters()), request.getChallengeAnswer());
        event.setResponse(new CognitoUserPoolVerifyAuthChallengeResponseEvent.Response(right));
        return event;
    }
}

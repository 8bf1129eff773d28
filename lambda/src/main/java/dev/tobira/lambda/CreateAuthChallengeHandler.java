package dev.tobira.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent.ChallengeResult;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import dev.tobira.core.trigger.AuthChallengeTriggers.CreateResponse;
import java.util.Map;
import java.util.Objects;

/**
 * The CreateAuthChallenge trigger of the password-then-emailed-code design, as an AWS Lambda handler
 * ({@code dev.tobira.lambda.CreateAuthChallengeHandler::handleRequest}). The first round emails a new
 * code through Amazon SES; later rounds re-ask for the same code while it works, and email a new one
 * once it has expired. It returns the event with
 * {@code response.publicChallengeParameters} ({@code {"email": <masked address>}}),
 * {@code privateChallengeParameters} (the code's keyed hash and expiry, never the code) and
 * {@code challengeMetadata} set.
 *
 * <p>When the email cannot be sent, or the user has no email address (or does not exist:
 * {@code userNotFound}), it throws and sends nothing: Cognito then answers the sign-in with
 * {@code UserLambdaValidationException}.
 */
public final class CreateAuthChallengeHandler
        implements RequestHandler<CognitoUserPoolCreateAuthChallengeEvent, CognitoUserPoolCreateAuthChallengeEvent> {

    private final AuthChallengeTriggers triggers;

    /**
     * What the Lambda runtime calls: settings from the environment; {@code TOBIRA_SENDER_EMAIL} and
     * {@code TOBIRA_CODE_KEY} are required (see lambda/README.md).
     *
     * @throws IllegalStateException naming every required variable that is missing, or the one whose
     *     value is unusable
     */
    public CreateAuthChallengeHandler() {
        this(System.getenv());
    }

    CreateAuthChallengeHandler(Map<String, String> environment) {
        this(new HandlerConfig(environment).createTriggers());
    }

    /** Runs {@code triggers}' {@link AuthChallengeTriggers#create create}: for tests and embedding. */
    public CreateAuthChallengeHandler(AuthChallengeTriggers triggers) {
        this.triggers = Objects.requireNonNull(triggers);
    }

    @Override
    public CognitoUserPoolCreateAuthChallengeEvent handleRequest(CognitoUserPoolCreateAuthChallengeEvent event,
            Context lambda) {
        var request = Objects.requireNonNullElseGet(event.getRequest(),
                CognitoUserPoolCreateAuthChallengeEvent.Request::new);
        CreateResponse challenge = triggers.create(
                Events.context(event, request.getUserAttributes(), request.getUserNotFound(),
                        request.getClientMetadata()),
                request.getChallengeName(),
                Events.session(request.getSession(), ChallengeResult::getChallengeName,
                        ChallengeResult::getChallengeResult, ChallengeResult::getChallengeMetadata));
        event.setResponse(new CognitoUserPoolCreateAuthChallengeEvent.Response(
                challenge.publicChallengeParameters(), challenge.privateChallengeParameters(),
                challenge.challengeMetadata()));
        return event;
    }
}

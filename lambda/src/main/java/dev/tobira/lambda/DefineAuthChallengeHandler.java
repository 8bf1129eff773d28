package dev.tobira.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import dev.tobira.core.trigger.AuthChallengeTriggers.DefineResponse;
import java.util.Map;
import java.util.Objects;

/**
 * The DefineAuthChallenge trigger of the password-then-emailed-code design, as an AWS Lambda handler
 * ({@code dev.tobira.lambda.DefineAuthChallengeHandler::handleRequest}): PASSWORD_VERIFIER →
 * CUSTOM_CHALLENGE → tokens, begun from an empty session (SRP_A alone, as pycognito sends it) or from
 * [SRP_A ✓] (amazon-cognito-identity-js) — the same decisions Tobira's built-in
 * {@code tobira-email-otp} trigger makes; an unknown user ({@code userNotFound}) gets PASSWORD_VERIFIER
 * as a known one does, whose simulated proof Cognito fails, and never a code. It returns the event with
 * {@code response.challengeName}, {@code issueTokens} and {@code failAuthentication} set.
 */
public final class DefineAuthChallengeHandler
        implements RequestHandler<CognitoUserPoolDefineAuthChallengeEvent, CognitoUserPoolDefineAuthChallengeEvent> {

    private final AuthChallengeTriggers triggers;

    /**
     * What the Lambda runtime calls: settings from the environment (only the optional
     * {@code TOBIRA_EMAIL_OTP_MAX_ATTEMPTS} matters here).
     *
     * @throws IllegalStateException naming the variable whose value is unusable
     */
    public DefineAuthChallengeHandler() {
        this(System.getenv());
    }

    DefineAuthChallengeHandler(Map<String, String> environment) {
        this(new HandlerConfig(environment).defineTriggers());
    }

    /** Runs {@code triggers}' {@link AuthChallengeTriggers#define define}: for tests and embedding. */
    public DefineAuthChallengeHandler(AuthChallengeTriggers triggers) {
        this.triggers = Objects.requireNonNull(triggers);
    }

    @Override
    public CognitoUserPoolDefineAuthChallengeEvent handleRequest(CognitoUserPoolDefineAuthChallengeEvent event,
            Context lambda) {
        var request = Objects.requireNonNullElseGet(event.getRequest(),
                CognitoUserPoolDefineAuthChallengeEvent.Request::new);
        DefineResponse answer = triggers.define(
                Events.context(event, request.getUserAttributes(), request.getUserNotFound(),
                        request.getClientMetadata()),
                Events.session(request.getSession(), ChallengeResult::getChallengeName,
                        ChallengeResult::getChallengeResult, ChallengeResult::getChallengeMetadata));
        event.setResponse(new CognitoUserPoolDefineAuthChallengeEvent.Response(answer.challengeName(),
                answer.issueTokens(), answer.failAuthentication()));
        return event;
    }
}

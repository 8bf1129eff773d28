package dev.tobira.core.trigger;

import java.util.List;
import java.util.Map;

/**
 * The three custom-auth triggers of a pool (spec §3): DefineAuthChallenge decides what comes next,
 * CreateAuthChallenge makes a custom challenge, VerifyAuthChallengeResponse checks the answer. The
 * request and response records carry exactly the members of the Lambda events.
 */
public interface AuthChallengeTriggers {

    record Context(String userPoolId, String clientId, String username, Map<String, String> userAttributes,
            boolean userNotFound, Map<String, String> clientMetadata) {}

    record DefineResponse(String challengeName, boolean issueTokens, boolean failAuthentication) {}

    record CreateResponse(Map<String, String> publicChallengeParameters, Map<String, String> privateChallengeParameters,
            String challengeMetadata) {}

    DefineResponse define(Context context, List<ChallengeResult> session);

    CreateResponse create(Context context, String challengeName, List<ChallengeResult> session);

    boolean verify(Context context, Map<String, String> privateChallengeParameters, String challengeAnswer);
}

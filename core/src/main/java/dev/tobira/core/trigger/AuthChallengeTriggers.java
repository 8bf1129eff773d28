package dev.tobira.core.trigger;

import dev.tobira.core.user.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three custom-auth triggers of a pool (spec §3): DefineAuthChallenge decides what comes next,
 * CreateAuthChallenge makes a custom challenge, VerifyAuthChallengeResponse checks the answer. The
 * request and response records carry exactly the members of the Lambda events.
 */
public interface AuthChallengeTriggers {

    record Context(String userPoolId, String clientId, String username, Map<String, String> userAttributes,
            boolean userNotFound, Map<String, String> clientMetadata) {

        /**
         * What a trigger sees of {@code user}: every attribute as a string, and Cognito's
         * {@code cognito:user_status} pseudo-attribute.
         */
        public static Context of(String clientId, User user, Map<String, String> clientMetadata) {
            Map<String, String> attributes = new LinkedHashMap<>();
            user.attributes().forEach(a -> attributes.putIfAbsent(a.name(), a.value()));
            attributes.put("cognito:user_status", user.status().name());
            return new Context(user.userPoolId(), clientId, user.username(), attributes, false,
                    clientMetadata == null ? Map.of() : clientMetadata);
        }
    }

    record DefineResponse(String challengeName, boolean issueTokens, boolean failAuthentication) {}

    record CreateResponse(Map<String, String> publicChallengeParameters, Map<String, String> privateChallengeParameters,
            String challengeMetadata) {}

    DefineResponse define(Context context, List<ChallengeResult> session);

    CreateResponse create(Context context, String challengeName, List<ChallengeResult> session);

    boolean verify(Context context, Map<String, String> privateChallengeParameters, String challengeAnswer);
}

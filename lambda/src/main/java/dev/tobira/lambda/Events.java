package dev.tobira.lambda;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolEvent;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import dev.tobira.core.trigger.ChallengeResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads what core's triggers need from a Cognito trigger event (spec §3.2–3.4). Absent maps, lists
 * and list entries read as empty: real events carry {@code null} for members Cognito has nothing for.
 */
final class Events {

    private Events() {}

    /**
     * The envelope's {@code userPoolId}, {@code callerContext.clientId} and {@code userName} (the
     * internal username), with the request's attributes, {@code userNotFound} and client metadata.
     */
    static AuthChallengeTriggers.Context context(CognitoUserPoolEvent event, Map<String, String> userAttributes,
            boolean userNotFound, Map<String, String> clientMetadata) {
        String clientId = event.getCallerContext() == null ? null : event.getCallerContext().getClientId();
        return new AuthChallengeTriggers.Context(event.getUserPoolId(), clientId, event.getUserName(),
                orEmpty(userAttributes), userNotFound, orEmpty(clientMetadata));
    }

    /**
     * {@code request.session} in order. The Define and Create events each have their own entry class
     * with the same three members, hence the accessors. A null entry reads as a failed challenge
     * without a name, which the triggers refuse.
     */
    static <T> List<ChallengeResult> session(T[] entries, Function<T, String> challengeName,
            Predicate<T> challengeResult, Function<T, String> challengeMetadata) {
        if (entries == null) {
            return List.of();
        }
        return Arrays.stream(entries)
                .map(e -> e == null ? new ChallengeResult(null, false, null)
                        : new ChallengeResult(challengeName.apply(e), challengeResult.test(e),
                                challengeMetadata.apply(e)))
                .toList();
    }

    /** An unmodifiable copy without null keys or values; empty for null. */
    static Map<String, String> orEmpty(Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        return map.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}

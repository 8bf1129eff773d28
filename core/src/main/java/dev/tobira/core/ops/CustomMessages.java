package dev.tobira.core.ops;

import dev.tobira.core.Services;
import dev.tobira.core.message.Message;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import dev.tobira.core.trigger.CustomMessageTrigger;
import dev.tobira.core.user.User;
import java.util.Map;

/**
 * The one way an operation composes a message that carries a code: Tobira's message (the pool's
 * templates or the default words) passed through the pool's CustomMessage trigger, if it has one.
 * Every operation that sends a code calls {@link #compose} with its {@code triggerSource}.
 */
final class CustomMessages {

    private CustomMessages() {}

    /**
     * The message to send to {@code user} in place of {@code standard}.
     *
     * @param clientId the app client of the request, or {@code CLIENT_ID_NOT_APPLICABLE} for an admin call
     * @param clientMetadata the request's {@code ClientMetadata}; null for none
     * @param code the code {@code standard} carries (the temporary password for AdminCreateUser)
     * @param username the username an invitation names (AdminCreateUser); null otherwise
     * @throws dev.tobira.core.CognitoException when the function fails or its message lacks the code
     */
    static Message compose(Services services, UserPool pool, CustomMessageTrigger.Source source, String clientId,
            User user, Map<String, String> clientMetadata, Message standard, String code, String username) {
        CustomMessageTrigger trigger = new CustomMessageTrigger(pool.lambdaConfig(), services.triggers());
        if (!trigger.configured()) {
            return standard;
        }
        return trigger.compose(source, AuthChallengeTriggers.Context.of(clientId, user, clientMetadata), standard,
                code, username);
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.user.User;

/** Look-ups that answer with Cognito's not-found errors, shared by the operations. */
final class Pools {

    private Pools() {}

    static UserPool pool(Services services, String userPoolId) {
        return services.pools().find(userPoolId).orElseThrow(
                () -> new ResourceNotFoundException("User pool " + userPoolId + " does not exist."));
    }

    static UserPoolClient client(Services services, String userPoolId, String clientId) {
        pool(services, userPoolId);
        return services.clients().find(clientId)
                .filter(c -> c.userPoolId().equals(userPoolId))
                .orElseThrow(() -> new ResourceNotFoundException("User pool client " + clientId + " does not exist."));
    }

    /** Writes back a changed user; a user deleted meanwhile is Cognito's not-found error. */
    static void save(Services services, User user) {
        if (!services.users().update(user)) {
            throw new UserNotFoundException("User does not exist.");
        }
    }

    /**
     * The user an administrator's call names with {@code username}: the username itself, an alias or
     * username attribute (email, phone), or else the user's {@code sub}. Cognito's Admin* calls accept
     * the sub ("If username isn't an alias attribute in your user pool, this value must be the sub of a
     * local user"); the calls users make themselves do not.
     */
    static User user(Services services, UserPool pool, String username) {
        return Users.lookUp(services, pool, username)
                .or(() -> Users.bySub(services, pool, username))
                .orElseThrow(() -> new UserNotFoundException("User does not exist."));
    }
}

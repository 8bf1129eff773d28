package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import dev.tobira.core.trigger.AuthChallengeTriggers;
import dev.tobira.core.trigger.UserLifecycleTriggers;
import java.util.Map;

/**
 * Confirms a signed-up user without a code; only an {@code UNCONFIRMED} user can be confirmed. The
 * pool's PostConfirmation trigger, if any, runs afterwards.
 */
public final class AdminConfirmSignUp extends ServiceOperation<AdminConfirmSignUp.Request, Operation.Empty> {

    /** The {@code callerContext.clientId} of triggers run by admin calls, which name no app client. */
    static final String ADMIN_CALLER = "CLIENT_ID_NOT_APPLICABLE";

    public record Request(String userPoolId, String username, Map<String, String> clientMetadata) {}

    public AdminConfirmSignUp(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        User user = Pools.user(services, pool, r.username());
        if (user.status() != UserStatus.UNCONFIRMED) {
            throw new NotAuthorizedException("User cannot be confirmed. Current status is " + user.status().name());
        }
        User confirmed = user.withStatus(UserStatus.CONFIRMED, services.clock().instant());
        Pools.save(services, confirmed);
        new UserLifecycleTriggers(pool.lambdaConfig(), services.triggers()).postConfirmation(
                UserLifecycleTriggers.ConfirmationSource.ConfirmSignUp,
                AuthChallengeTriggers.Context.of(ADMIN_CALLER, confirmed, r.clientMetadata()));
        return new Empty();
    }
}

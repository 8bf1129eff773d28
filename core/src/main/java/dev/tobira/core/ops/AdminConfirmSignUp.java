package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.NotAuthorizedException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;
import dev.tobira.core.user.UserStatus;
import java.util.Map;

/** Confirms a signed-up user without a code; only an {@code UNCONFIRMED} user can be confirmed. */
public final class AdminConfirmSignUp extends ServiceOperation<AdminConfirmSignUp.Request, Operation.Empty> {

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
        Pools.save(services, user.withStatus(UserStatus.CONFIRMED, services.clock().instant()));
        return new Empty();
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;

/** Deletes a user. */
public final class AdminDeleteUser extends ServiceOperation<AdminDeleteUser.Request, Operation.Empty> {

    public record Request(String userPoolId, String username) {}

    public AdminDeleteUser(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        User user = Pools.user(services, pool, r.username());
        boolean deleted = services.transactions().inTransaction(() -> {
            services.codes().deleteAll(pool.id(), user.username());
            return services.users().delete(pool.id(), user.username());
        });
        if (!deleted) {
            throw new UserNotFoundException("User does not exist.");
        }
        return new Empty();
    }
}

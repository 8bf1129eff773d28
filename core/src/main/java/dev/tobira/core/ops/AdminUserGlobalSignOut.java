package dev.tobira.core.ops;

import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;

/** An administrator signs a user out everywhere (see {@link GlobalSignOut}). */
public final class AdminUserGlobalSignOut
        extends ServiceOperation<AdminUserGlobalSignOut.Request, Operation.Empty> {

    public record Request(String userPoolId, String username) {}

    public AdminUserGlobalSignOut(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        User user = Pools.user(services, pool, r.username());
        services.tokenStore().revokeUser(pool.id(), user.username(), services.clock().instant());
        return new Empty();
    }
}

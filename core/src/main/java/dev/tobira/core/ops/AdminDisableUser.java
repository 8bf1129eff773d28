package dev.tobira.core.ops;

import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;

/** Disables a user; a disabled user cannot sign in. */
public final class AdminDisableUser extends ServiceOperation<AdminDisableUser.Request, Operation.Empty> {

    public record Request(String userPoolId, String username) {}

    public AdminDisableUser(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        User user = Pools.user(services, pool, r.username());
        Pools.save(services, user.withEnabled(false, services.clock().instant()));
        return new Empty();
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;

/** Enables a user again. */
public final class AdminEnableUser extends ServiceOperation<AdminEnableUser.Request, Operation.Empty> {

    public record Request(String userPoolId, String username) {}

    public AdminEnableUser(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        User user = Pools.user(services, pool, r.username());
        Pools.save(services, user.withEnabled(true, services.clock().instant()));
        return new Empty();
    }
}

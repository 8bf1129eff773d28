package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;

/** Disables a user; a disabled user cannot sign in. */
public final class AdminDisableUser implements Operation<AdminDisableUser.Request, Operation.Empty> {

    public record Request(String userPoolId, String username) {}

    private final Services services;

    public AdminDisableUser(Services services) {
        this.services = services;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Empty handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        User user = Pools.user(services, pool, r.username());
        if (!services.users().update(user.withEnabled(false, services.clock().instant()))) {
            throw new UserNotFoundException("User does not exist.");
        }
        return new Empty();
    }
}

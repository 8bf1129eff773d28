package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;

/** Adds a user (named by username, alias or sub) to a group; adding a member again is no error. */
public final class AdminAddUserToGroup extends ServiceOperation<AdminAddUserToGroup.Request, Operation.Empty> {

    public record Request(String userPoolId, String username, String groupName) {}

    public AdminAddUserToGroup(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        Groups.group(services, pool.id(), r.groupName());
        User user = Pools.user(services, pool, r.username());
        if (!services.groups().addMember(pool.id(), r.groupName(), user.username())) {
            // The group or the user went away since they were read: answer as if the call had come later.
            Groups.group(services, pool.id(), r.groupName());
            throw new UserNotFoundException("User does not exist.");
        }
        return new Empty();
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;

/** Removes a user (named by username, alias or sub) from a group; removing a non-member is no error. */
public final class AdminRemoveUserFromGroup extends ServiceOperation<AdminRemoveUserFromGroup.Request, Operation.Empty> {

    public record Request(String userPoolId, String username, String groupName) {}

    public AdminRemoveUserFromGroup(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        Groups.group(services, pool.id(), r.groupName());
        User user = Pools.user(services, pool, r.username());
        services.groups().removeMember(pool.id(), r.groupName(), user.username());
        return new Empty();
    }
}

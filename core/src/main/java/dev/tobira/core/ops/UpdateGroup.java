package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.group.Group;
import java.util.Optional;

/**
 * Changes a group's description, role and precedence. A member left out of the request keeps its
 * value; members' next tokens (a sign-in or a refresh) show the change.
 */
public final class UpdateGroup extends ServiceOperation<UpdateGroup.Request, UpdateGroup.Response> {

    public record Request(String groupName, String userPoolId, String description, String roleArn,
            Integer precedence) {}

    public record Response(Groups.GroupType group) {}

    public UpdateGroup(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        Pools.pool(services, r.userPoolId());
        Group old = Groups.group(services, r.userPoolId(), r.groupName());
        Group updated = new Group(old.userPoolId(), old.groupName(),
                Optional.ofNullable(r.description()).or(old::description),
                Optional.ofNullable(r.roleArn()).or(old::roleArn),
                Optional.ofNullable(r.precedence()).or(old::precedence),
                old.creationDate(), services.clock().instant());
        if (!services.groups().update(updated)) {
            throw new ResourceNotFoundException(Groups.NOT_FOUND);
        }
        return new Response(Groups.GroupType.of(updated));
    }
}

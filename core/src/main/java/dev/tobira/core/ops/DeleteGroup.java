package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;

/** Deletes a group; its members leave it (their next tokens no longer name it). */
public final class DeleteGroup extends ServiceOperation<DeleteGroup.Request, Operation.Empty> {

    public record Request(String groupName, String userPoolId) {}

    public DeleteGroup(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        Pools.pool(services, r.userPoolId());
        if (!services.groups().delete(r.userPoolId(), r.groupName())) {
            throw new ResourceNotFoundException(Groups.NOT_FOUND);
        }
        return new Empty();
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;

/** Deletes a resource server; its scopes can no longer be granted. */
public final class DeleteResourceServer extends ServiceOperation<DeleteResourceServer.Request, Operation.Empty> {

    public record Request(String userPoolId, String identifier) {}

    public DeleteResourceServer(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        Pools.pool(services, r.userPoolId());
        if (!services.resourceServers().delete(r.userPoolId(), r.identifier())) {
            throw new ResourceNotFoundException("Resource server " + r.identifier() + " does not exist.");
        }
        return new Empty();
    }
}

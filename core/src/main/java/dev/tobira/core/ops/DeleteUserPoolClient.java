package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;

/** Deletes an app client. */
public final class DeleteUserPoolClient extends ServiceOperation<DeleteUserPoolClient.Request, Operation.Empty> {

    public record Request(String userPoolId, String clientId) {}

    public DeleteUserPoolClient(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        Pools.pool(services, r.userPoolId());
        if (!services.clients().delete(r.userPoolId(), r.clientId())) {
            throw new ResourceNotFoundException("User pool client " + r.clientId() + " does not exist.");
        }
        return new Empty();
    }
}

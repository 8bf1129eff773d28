package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;

/** Deletes an app client. */
public final class DeleteUserPoolClient implements Operation<DeleteUserPoolClient.Request, Operation.Empty> {

    public record Request(String userPoolId, String clientId) {}

    private final Services services;

    public DeleteUserPoolClient(Services services) {
        this.services = services;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
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

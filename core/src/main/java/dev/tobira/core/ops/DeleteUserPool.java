package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;

/** Deletes a pool with its clients and users, unless deletion protection is on. */
public final class DeleteUserPool extends ServiceOperation<DeleteUserPool.Request, Operation.Empty> {

    public record Request(String userPoolId) {}

    public DeleteUserPool(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        if ("ACTIVE".equals(pool.deletionProtection())) {
            throw new InvalidParameterException("The user pool cannot be deleted because deletion protection is "
                    + "activated. Deletion protection must be inactivated first.");
        }
        if (!services.pools().delete(pool.id())) {
            throw new ResourceNotFoundException("User pool " + r.userPoolId() + " does not exist.");
        }
        // The JDBC stores cascade; these make every store forget the pool's OAuth settings alike.
        services.resourceServers().deleteAll(pool.id());
        services.domains().deleteAll(pool.id());
        // The keys go too, so that the deleted pool's tokens no longer verify anywhere.
        services.signingKeys().deleteAll(pool.id());
        return new Empty();
    }
}

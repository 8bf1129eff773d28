package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.UserNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.user.User;
import java.time.Instant;

/**
 * A signed-in user deletes themself: in one transaction their codes go, every sign-in of theirs is
 * revoked (so no token of theirs works again, even for a later user of the same name), and the user
 * goes with their group memberships.
 */
public final class DeleteUser extends ServiceOperation<DeleteUser.Request, Operation.Empty> {

    public record Request(String accessToken) {}

    public DeleteUser(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        SignedInUser caller = SignedInUser.of(services, r.accessToken());
        User user = caller.user();
        Instant now = services.clock().instant();
        boolean deleted = services.transactions().inTransaction(() -> {
            services.codes().deleteAll(user.userPoolId(), user.username());
            services.tokenStore().revokeUser(user.userPoolId(), user.username(), now);
            return services.users().delete(user.userPoolId(), user.username());
        });
        if (!deleted) {
            throw new UserNotFoundException("User does not exist.");
        }
        return new Empty();
    }
}

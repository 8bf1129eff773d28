package dev.tobira.core.ops;

import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;
import java.util.List;

/** Removes attributes from a user; {@code sub} and the pool's required attributes cannot go. */
public final class AdminDeleteUserAttributes
        extends ServiceOperation<AdminDeleteUserAttributes.Request, Operation.Empty> {

    public record Request(String userPoolId, String username, List<String> userAttributeNames) {}

    public AdminDeleteUserAttributes(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        User user = Pools.user(services, pool, r.username());
        AttributeRules.checkDeletable(pool, r.userAttributeNames());
        User updated = user.withAttributes(
                user.attributes().stream().filter(a -> !r.userAttributeNames().contains(a.name())).toList(),
                services.clock().instant());
        Pools.save(services, updated);
        return new Empty();
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
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
        for (String name : r.userAttributeNames()) {
            var schema = pool.schemaAttribute(name).orElseThrow(() -> new InvalidParameterException(
                    "Attributes did not conform to the schema: " + name + ": Attribute does not exist in the schema.\n"));
            if (name.equals("sub") || Boolean.TRUE.equals(schema.required())) {
                throw new InvalidParameterException(
                        "Attributes did not conform to the schema: " + name + ": The attribute is required.\n");
            }
            if (Boolean.FALSE.equals(schema.mutable())) {
                throw new InvalidParameterException("Cannot modify the non-mutable attribute " + name);
            }
        }
        User updated = user.withAttributes(
                user.attributes().stream().filter(a -> !r.userAttributeNames().contains(a.name())).toList(),
                services.clock().instant());
        Pools.save(services, updated);
        return new Empty();
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import java.util.List;

/**
 * A signed-in user removes some of their attributes: each must exist in the schema, be neither
 * {@code sub} nor required, be mutable and be among the app client's {@code WriteAttributes}.
 * Removing {@code email} or {@code phone_number} removes its {@code *_verified} flag with it.
 */
public final class DeleteUserAttributes extends ServiceOperation<DeleteUserAttributes.Request, Operation.Empty> {

    public record Request(List<String> userAttributeNames, String accessToken) {}

    public DeleteUserAttributes(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        SignedInUser caller = SignedInUser.of(services, r.accessToken());
        List<String> names = r.userAttributeNames() == null ? List.of() : r.userAttributeNames();
        AttributeRules.checkDeletable(caller.pool(), names);
        AttributeRules.checkClientMayWrite(caller.client(), names.stream().map(n -> new Attribute(n, "")).toList());
        User user = caller.user();
        Pools.save(services, user.withAttributes(AttributeRules.without(user.attributes(), names),
                services.clock().instant()));
        return new Empty();
    }
}

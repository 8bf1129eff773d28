package dev.tobira.core.ops;

import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sets attributes of a user. Changing {@code email} or {@code phone_number} marks it unverified
 * unless the same call sets its {@code *_verified} attribute, as in Cognito.
 */
public final class AdminUpdateUserAttributes
        extends ServiceOperation<AdminUpdateUserAttributes.Request, Operation.Empty> {

    public record Request(String userPoolId, String username, List<Attribute> userAttributes,
            Map<String, String> clientMetadata) {}

    public AdminUpdateUserAttributes(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        User user = Pools.user(services, pool, r.username());
        AttributeRules.checkWritable(pool, r.userAttributes(), false);
        List<Attribute> changes = new ArrayList<>(r.userAttributes());
        for (String contact : List.of("email", "phone_number")) {
            String verified = contact + "_verified";
            boolean changed = changes.stream().anyMatch(a -> a.name().equals(contact)
                    && !user.attribute(contact).map(a.value()::equals).orElse(false));
            boolean verifiedGiven = changes.stream().anyMatch(a -> a.name().equals(verified));
            if (changed && !verifiedGiven && user.attribute(verified).isPresent()) {
                changes.add(new Attribute(verified, "false"));
            }
            if (changed) {
                String value = changes.stream().filter(a -> a.name().equals(contact)).findFirst().orElseThrow().value();
                ContactAttributes.checkAliasFree(services, pool, user, contact, value);
            }
        }
        User updated = user.withAttributes(AttributeRules.merge(user.attributes(), changes), services.clock().instant());
        Pools.save(services, updated);
        return new Empty();
    }
}

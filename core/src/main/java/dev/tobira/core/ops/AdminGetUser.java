package dev.tobira.core.ops;

import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.Attribute;
import dev.tobira.core.user.User;
import java.time.Instant;
import java.util.List;

/** Returns a user, found by username or by the email/phone/alias it signs in with. */
public final class AdminGetUser extends ServiceOperation<AdminGetUser.Request, AdminGetUser.Response> {

    public record Request(String userPoolId, String username) {}

    public record Response(String username, List<Attribute> userAttributes, Instant userCreateDate,
            Instant userLastModifiedDate, Boolean enabled, String userStatus) {}

    public AdminGetUser(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        User user = Pools.user(services, pool, r.username());
        return new Response(user.username(), user.attributes(), user.createdAt(), user.lastModifiedAt(),
                user.enabled(), user.status().name());
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.Page;
import dev.tobira.core.Services;
import dev.tobira.core.group.Group;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.user.User;
import java.util.List;
import java.util.Optional;

/** Lists the groups a user (named by username, alias or sub) is in, by name, a page at a time. */
public final class AdminListGroupsForUser
        extends ServiceOperation<AdminListGroupsForUser.Request, AdminListGroupsForUser.Response> {

    public record Request(String username, String userPoolId, Integer limit, String nextToken) {}

    public record Response(List<Groups.GroupType> groups, String nextToken) {}

    public AdminListGroupsForUser(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        User user = Pools.user(services, pool, r.username());
        Page<Group> page = services.groups().groupsOf(pool.id(), user.username(), Groups.limit(r.limit()),
                Optional.ofNullable(r.nextToken()));
        return new Response(page.items().stream().map(Groups.GroupType::of).toList(), page.nextToken().orElse(null));
    }
}

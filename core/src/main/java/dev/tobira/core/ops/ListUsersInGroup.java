package dev.tobira.core.ops;

import dev.tobira.core.Page;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import java.util.List;
import java.util.Optional;

/** Lists a group's members by username, a page at a time, shaped as ListUsers shows users. */
public final class ListUsersInGroup extends ServiceOperation<ListUsersInGroup.Request, ListUsersInGroup.Response> {

    public record Request(String userPoolId, String groupName, Integer limit, String nextToken) {}

    public record Response(List<UserViews.UserType> users, String nextToken) {}

    public ListUsersInGroup(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        Groups.group(services, r.userPoolId(), r.groupName());
        Page<String> page = services.groups().members(r.userPoolId(), r.groupName(), Groups.limit(r.limit()),
                Optional.ofNullable(r.nextToken()));
        // A member deleted between the two reads is simply not shown.
        List<UserViews.UserType> users = page.items().stream()
                .flatMap(username -> services.users().find(pool.id(), username, !pool.caseInsensitiveUsernames())
                        .filter(u -> u.username().equals(username)).stream())
                .map(UserViews::of)
                .toList();
        return new Response(users, page.nextToken().orElse(null));
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.Page;
import dev.tobira.core.Services;
import dev.tobira.core.group.Group;
import java.util.List;
import java.util.Optional;

/** Lists a pool's groups by name, a page at a time (Limit 1 to 60; absent or 0 is 60). */
public final class ListGroups extends ServiceOperation<ListGroups.Request, ListGroups.Response> {

    public record Request(String userPoolId, Integer limit, String nextToken) {}

    public record Response(List<Groups.GroupType> groups, String nextToken) {}

    public ListGroups(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        Pools.pool(services, r.userPoolId());
        Page<Group> page = services.groups().list(r.userPoolId(), Groups.limit(r.limit()),
                Optional.ofNullable(r.nextToken()));
        return new Response(page.items().stream().map(Groups.GroupType::of).toList(), page.nextToken().orElse(null));
    }
}

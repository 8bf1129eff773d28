package dev.tobira.core.ops;

import dev.tobira.core.Services;

/** Returns a group of a pool. */
public final class GetGroup extends ServiceOperation<GetGroup.Request, GetGroup.Response> {

    public record Request(String groupName, String userPoolId) {}

    public record Response(Groups.GroupType group) {}

    public GetGroup(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        Pools.pool(services, r.userPoolId());
        return new Response(Groups.GroupType.of(Groups.group(services, r.userPoolId(), r.groupName())));
    }
}

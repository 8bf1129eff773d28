package dev.tobira.core.ops;

import dev.tobira.core.Page;
import dev.tobira.core.Services;
import dev.tobira.core.oauth.ResourceServer;
import java.util.List;
import java.util.Optional;

/** Lists a pool's resource servers by identifier, a page at a time (50 at most, as in Cognito). */
public final class ListResourceServers
        extends ServiceOperation<ListResourceServers.Request, ListResourceServers.Response> {

    public record Request(String userPoolId, Integer maxResults, String nextToken) {}

    public record Response(List<ResourceServer> resourceServers, String nextToken) {}

    public ListResourceServers(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        Pools.pool(services, r.userPoolId());
        int max = r.maxResults() == null ? 50 : r.maxResults();
        Page<ResourceServer> page =
                services.resourceServers().list(r.userPoolId(), max, Optional.ofNullable(r.nextToken()));
        return new Response(page.items(), page.nextToken().orElse(null));
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.Page;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.LambdaConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Lists pools, a page at a time. */
public final class ListUserPools extends ServiceOperation<ListUserPools.Request, ListUserPools.Response> {

    public record Request(String nextToken, Integer maxResults) {}

    /** Cognito's {@code UserPoolDescriptionType}. */
    public record UserPoolDescription(String id, String name, LambdaConfig lambdaConfig, Instant lastModifiedDate,
            Instant creationDate) {}

    public record Response(List<UserPoolDescription> userPools, String nextToken) {}

    public ListUserPools(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        Page<UserPool> page = services.pools().list(r.maxResults(), Optional.ofNullable(r.nextToken()));
        return new Response(
                page.items().stream()
                        .map(p -> new UserPoolDescription(p.id(), p.name(), p.lambdaConfig(), p.lastModifiedDate(),
                                p.creationDate()))
                        .toList(),
                page.nextToken().orElse(null));
    }
}

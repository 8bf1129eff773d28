package dev.tobira.core.ops;

import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;

/** Returns a pool's settings as they were set, with Cognito's defaults where they were not. */
public final class DescribeUserPool extends ServiceOperation<DescribeUserPool.Request, DescribeUserPool.Response> {

    public record Request(String userPoolId) {}

    public record Response(UserPool userPool) {}

    public DescribeUserPool(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        String domain = services.domains().findByPool(pool.id()).map(d -> d.domain()).orElse(null);
        return new Response(pool.withEstimatedNumberOfUsers(services.users().count(pool.id())).withDomain(domain));
    }
}

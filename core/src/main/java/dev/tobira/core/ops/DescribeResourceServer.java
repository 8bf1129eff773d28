package dev.tobira.core.ops;

import dev.tobira.core.Services;

/** Returns one resource server of a pool. */
public final class DescribeResourceServer
        extends ServiceOperation<DescribeResourceServer.Request, CreateResourceServer.Response> {

    public record Request(String userPoolId, String identifier) {}

    public DescribeResourceServer(Services services) {
        super(services, Request.class);
    }

    @Override
    public CreateResourceServer.Response handle(Request r) {
        return new CreateResourceServer.Response(ResourceServers.find(services, r.userPoolId(), r.identifier()));
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.Services;

/** Returns an app client's settings, including its secret. */
public final class DescribeUserPoolClient
        extends ServiceOperation<DescribeUserPoolClient.Request, CreateUserPoolClient.Response> {

    public record Request(String userPoolId, String clientId) {}

    public DescribeUserPoolClient(Services services) {
        super(services, Request.class);
    }

    @Override
    public CreateUserPoolClient.Response handle(Request r) {
        return new CreateUserPoolClient.Response(Pools.client(services, r.userPoolId(), r.clientId()));
    }
}

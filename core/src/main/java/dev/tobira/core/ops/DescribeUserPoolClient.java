package dev.tobira.core.ops;

import dev.tobira.core.Operation;
import dev.tobira.core.Services;

/** Returns an app client's settings, including its secret. */
public final class DescribeUserPoolClient
        implements Operation<DescribeUserPoolClient.Request, CreateUserPoolClient.Response> {

    public record Request(String userPoolId, String clientId) {}

    private final Services services;

    public DescribeUserPoolClient(Services services) {
        this.services = services;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public CreateUserPoolClient.Response handle(Request r) {
        return new CreateUserPoolClient.Response(Pools.client(services, r.userPoolId(), r.clientId()));
    }
}

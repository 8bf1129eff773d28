package dev.tobira.core.ops;

import dev.tobira.core.Page;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPoolClient;
import java.util.List;
import java.util.Optional;

/** Lists a pool's app clients, a page at a time (60 at most, as in Cognito). */
public final class ListUserPoolClients
        extends ServiceOperation<ListUserPoolClients.Request, ListUserPoolClients.Response> {

    public record Request(String userPoolId, Integer maxResults, String nextToken) {}

    /** Cognito's {@code UserPoolClientDescription}. */
    public record UserPoolClientDescription(String clientId, String userPoolId, String clientName) {}

    public record Response(List<UserPoolClientDescription> userPoolClients, String nextToken) {}

    public ListUserPoolClients(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        Pools.pool(services, r.userPoolId());
        int max = r.maxResults() == null ? 60 : r.maxResults();
        Page<UserPoolClient> page = services.clients().list(r.userPoolId(), max, Optional.ofNullable(r.nextToken()));
        return new Response(
                page.items().stream()
                        .map(c -> new UserPoolClientDescription(c.clientId(), c.userPoolId(), c.clientName()))
                        .toList(),
                page.nextToken().orElse(null));
    }
}

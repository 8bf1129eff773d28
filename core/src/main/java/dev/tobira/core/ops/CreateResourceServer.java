package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.Services;
import dev.tobira.core.oauth.ResourceServer;
import java.util.List;

/** Creates a resource server of a pool: an identifier and its custom scopes ({@code identifier/scope}). */
public final class CreateResourceServer
        extends ServiceOperation<CreateResourceServer.Request, CreateResourceServer.Response> {

    public record Request(String userPoolId, String identifier, String name, List<ResourceServer.Scope> scopes) {}

    public record Response(ResourceServer resourceServer) {}

    public CreateResourceServer(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        Pools.pool(services, r.userPoolId());
        ResourceServer server = ResourceServers.of(r.userPoolId(), r.identifier(), r.name(), r.scopes());
        if (!services.resourceServers().create(server)) {
            throw new InvalidParameterException(
                    "A resource server with identifier " + r.identifier() + " already exists in this user pool.");
        }
        return new Response(server);
    }
}

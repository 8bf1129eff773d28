package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.oauth.ResourceServer;
import java.util.List;

/**
 * Replaces a resource server's name and scopes. As in Cognito, scopes left out of the request are
 * removed; clients keep the scope names they were given (a removed scope is then refused when requested).
 */
public final class UpdateResourceServer
        extends ServiceOperation<UpdateResourceServer.Request, CreateResourceServer.Response> {

    public record Request(String userPoolId, String identifier, String name, List<ResourceServer.Scope> scopes) {}

    public UpdateResourceServer(Services services) {
        super(services, Request.class);
    }

    @Override
    public CreateResourceServer.Response handle(Request r) {
        ResourceServers.find(services, r.userPoolId(), r.identifier());
        ResourceServer server = ResourceServers.of(r.userPoolId(), r.identifier(), r.name(), r.scopes());
        if (!services.resourceServers().update(server)) {
            throw new ResourceNotFoundException("Resource server " + r.identifier() + " does not exist.");
        }
        return new CreateResourceServer.Response(server);
    }
}

package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.oauth.ResourceServer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the resource-server operations share: look-up with Cognito's not-found error, and the scope checks. */
final class ResourceServers {

    private ResourceServers() {}

    static ResourceServer find(Services services, String userPoolId, String identifier) {
        Pools.pool(services, userPoolId);
        return services.resourceServers().find(userPoolId, identifier).orElseThrow(
                () -> new ResourceNotFoundException("Resource server " + identifier + " does not exist."));
    }

    /** The server that a Create or Update request describes; scope names must be unique (the model checks the rest). */
    static ResourceServer of(String userPoolId, String identifier, String name, List<ResourceServer.Scope> scopes) {
        List<ResourceServer.Scope> given = scopes == null ? List.of() : scopes;
        if (given.size() > 100) {
            throw new InvalidParameterException("A resource server can have at most 100 scopes.");
        }
        Set<String> names = new HashSet<>();
        for (ResourceServer.Scope scope : given) {
            if (!names.add(scope.scopeName())) {
                throw new InvalidParameterException("Duplicate scope name " + scope.scopeName() + ".");
            }
        }
        return new ResourceServer(userPoolId, identifier, name, given);
    }
}

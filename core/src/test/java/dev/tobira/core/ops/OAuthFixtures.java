package dev.tobira.core.ops;

import dev.tobira.core.TestServices;
import dev.tobira.core.oauth.ResourceServer;
import dev.tobira.core.pool.UserPoolClient;
import java.util.List;

/** A pool and the requests the OAuth tests make, over {@link TestServices}; public for the oauth package's tests. */
public final class OAuthFixtures {

    public final TestServices t = new TestServices();
    public final String poolId;

    public OAuthFixtures() {
        poolId = newPool("p");
    }

    /** Another pool with Cognito's defaults, in the same services. */
    public String newPool(String name) {
        return new CreateUserPool(t.services).handle(new CreateUserPool.Request(name, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null)).userPool().id();
    }

    public ResourceServer resourceServer(String identifier, String... scopes) {
        List<ResourceServer.Scope> list = java.util.Arrays.stream(scopes)
                .map(s -> new ResourceServer.Scope(s, "the " + s + " scope")).toList();
        return new CreateResourceServer(t.services).handle(
                new CreateResourceServer.Request(poolId, identifier, identifier + " API", list)).resourceServer();
    }

    public void domain(String domain) {
        new CreateUserPoolDomain(t.services).handle(new CreateUserPoolDomain.Request(domain, poolId, null, null));
    }

    /** A client with the given OAuth settings; a secret when {@code secret}. */
    public UserPoolClient client(boolean secret, List<String> flows, List<String> scopes, List<String> callbacks) {
        return new CreateUserPoolClient(t.services).handle(oauthClient(secret, flows, scopes, callbacks, null))
                .userPoolClient();
    }

    public CreateUserPoolClient.Request oauthClient(boolean secret, List<String> flows, List<String> scopes,
            List<String> callbacks, String defaultRedirect) {
        return new CreateUserPoolClient.Request(poolId, "c", secret, null, null, null, null, null, null, null, null,
                List.of("COGNITO"), callbacks, null, defaultRedirect, flows, scopes, true, null, null, null, null,
                null, null);
    }
}

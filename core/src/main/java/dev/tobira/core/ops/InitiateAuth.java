package dev.tobira.core.ops;

import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import java.util.Map;

/** Starts a sign-in from an app (unsigned): the flow the client asks for, if the app client allows it. */
public final class InitiateAuth extends ServiceOperation<InitiateAuth.Request, AuthResponse> {

    public record Request(String authFlow, Map<String, String> authParameters, Map<String, String> clientMetadata,
            String clientId, Object analyticsMetadata, Object userContextData, String session) {}

    public InitiateAuth(Services services) {
        super(services, Request.class);
    }

    @Override
    public AuthResponse handle(Request r) {
        UserPoolClient client = AppClients.client(services, r.clientId());
        UserPool pool = Pools.pool(services, client.userPoolId());
        return SignInFlow.initiating(services, pool, client, false, r.clientMetadata()).initiate(r.authFlow(), r.authParameters(),
                r.session());
    }
}

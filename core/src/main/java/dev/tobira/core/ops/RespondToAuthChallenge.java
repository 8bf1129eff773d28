package dev.tobira.core.ops;

import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import java.util.Map;

/** Answers the challenge a sign-in is waiting on (unsigned). */
public final class RespondToAuthChallenge extends ServiceOperation<RespondToAuthChallenge.Request, AuthResponse> {

    public record Request(String clientId, String challengeName, String session,
            Map<String, String> challengeResponses, Object analyticsMetadata, Object userContextData,
            Map<String, String> clientMetadata) {}

    public RespondToAuthChallenge(Services services) {
        super(services, Request.class);
    }

    @Override
    public AuthResponse handle(Request r) {
        UserPoolClient client = AppClients.client(services, r.clientId());
        UserPool pool = Pools.pool(services, client.userPoolId());
        return new SignInFlow(services, pool, client, false, r.clientMetadata()).respond(r.challengeName(), r.challengeResponses(),
                r.session());
    }
}

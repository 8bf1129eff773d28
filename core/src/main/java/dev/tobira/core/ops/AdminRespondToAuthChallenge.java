package dev.tobira.core.ops;

import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import java.util.Map;

/** Answers the challenge a sign-in started with AdminInitiateAuth is waiting on (signed). */
public final class AdminRespondToAuthChallenge
        extends ServiceOperation<AdminRespondToAuthChallenge.Request, AuthResponse> {

    public record Request(String userPoolId, String clientId, String challengeName,
            Map<String, String> challengeResponses, String session, Object analyticsMetadata, Object contextData,
            Map<String, String> clientMetadata) {}

    public AdminRespondToAuthChallenge(Services services) {
        super(services, Request.class);
    }

    @Override
    public AuthResponse handle(Request r) {
        UserPoolClient client = Pools.client(services, r.userPoolId(), r.clientId());
        UserPool pool = Pools.pool(services, r.userPoolId());
        return new SignInFlow(services, pool, client, true, r.clientMetadata()).respond(r.challengeName(), r.challengeResponses(),
                r.session());
    }
}

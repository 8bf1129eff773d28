package dev.tobira.core.ops;

import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import java.util.Map;

/** Starts a sign-in from a trusted back end (signed): also allows ADMIN_USER_PASSWORD_AUTH. */
public final class AdminInitiateAuth extends ServiceOperation<AdminInitiateAuth.Request, AuthResponse> {

    public record Request(String userPoolId, String clientId, String authFlow, Map<String, String> authParameters,
            Map<String, String> clientMetadata, Object analyticsMetadata, Object contextData, String session) {}

    public AdminInitiateAuth(Services services) {
        super(services, Request.class);
    }

    @Override
    public AuthResponse handle(Request r) {
        UserPoolClient client = Pools.client(services, r.userPoolId(), r.clientId());
        UserPool pool = Pools.pool(services, r.userPoolId());
        return SignInFlow.initiating(services, pool, client, true, r.clientMetadata()).initiate(r.authFlow(), r.authParameters(),
                r.session());
    }
}

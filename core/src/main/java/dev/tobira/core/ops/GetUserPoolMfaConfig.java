package dev.tobira.core.ops;

import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;

/** Returns the pool's MFA mode, email one-time-code message and passkey settings. */
public final class GetUserPoolMfaConfig
        extends ServiceOperation<GetUserPoolMfaConfig.Request, SetUserPoolMfaConfig.Response> {

    public record Request(String userPoolId) {}

    public GetUserPoolMfaConfig(Services services) {
        super(services, Request.class);
    }

    @Override
    public SetUserPoolMfaConfig.Response handle(Request r) {
        UserPool pool = Pools.pool(services, r.userPoolId());
        return new SetUserPoolMfaConfig.Response(pool.emailMfaConfiguration(), pool.mfaConfiguration(),
                SetUserPoolMfaConfig.WebAuthnConfiguration.of(services.webAuthn().config(pool.id())));
    }
}

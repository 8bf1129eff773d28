package dev.tobira.core.ops;

import dev.tobira.core.CognitoException;
import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Services;
import dev.tobira.core.pool.PoolSettings;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.EmailMfaConfig;

/**
 * Sets the pool's MFA mode and the email one-time-code message. SMS, authenticator-app and WebAuthn
 * MFA settings are not supported yet and are refused rather than ignored, and so is the mode
 * {@code ON}, which Tobira could not enforce ({@link PoolSettings#checkMfa}); {@code OFF} and
 * {@code OPTIONAL} are stored as set, and with no way for a user to turn MFA on, OPTIONAL signs
 * users in as OFF does.
 */
public final class SetUserPoolMfaConfig
        extends ServiceOperation<SetUserPoolMfaConfig.Request, SetUserPoolMfaConfig.Response> {

    public record Request(
            String userPoolId,
            Object smsMfaConfiguration,
            Object softwareTokenMfaConfiguration,
            EmailMfaConfig emailMfaConfiguration,
            String mfaConfiguration,
            Object webAuthnConfiguration) {}

    public record Response(EmailMfaConfig emailMfaConfiguration, String mfaConfiguration) {}

    public SetUserPoolMfaConfig(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        UserPool old = Pools.pool(services, r.userPoolId());
        if (r.smsMfaConfiguration() != null || r.softwareTokenMfaConfiguration() != null
                || r.webAuthnConfiguration() != null) {
            throw new CognitoException.UnsupportedOperationException(
                    "Tobira supports only EmailMfaConfiguration and MfaConfiguration in SetUserPoolMfaConfig.");
        }
        EmailMfaConfig email = r.emailMfaConfiguration() != null ? r.emailMfaConfiguration()
                : old.emailMfaConfiguration();
        String mode = r.mfaConfiguration() != null ? r.mfaConfiguration() : old.mfaConfiguration();
        PoolSettings.checkMfa(old.policies(), mode);
        UserPool updated = old.withMfa(mode, email, services.clock().instant());
        if (!services.pools().update(updated)) {
            throw new ResourceNotFoundException("User pool " + r.userPoolId() + " does not exist.");
        }
        return new Response(email, mode);
    }
}

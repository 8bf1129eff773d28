package dev.tobira.core.ops;

import dev.tobira.core.CognitoException;
import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.EmailMfaConfig;

/**
 * Sets the pool's MFA mode and the email one-time-code message. SMS, authenticator-app and WebAuthn
 * MFA settings are not supported yet and are refused rather than ignored.
 */
public final class SetUserPoolMfaConfig
        implements Operation<SetUserPoolMfaConfig.Request, SetUserPoolMfaConfig.Response> {

    public record Request(
            String userPoolId,
            Object smsMfaConfiguration,
            Object softwareTokenMfaConfiguration,
            EmailMfaConfig emailMfaConfiguration,
            String mfaConfiguration,
            Object webAuthnConfiguration) {}

    public record Response(EmailMfaConfig emailMfaConfiguration, String mfaConfiguration) {}

    private final Services services;

    public SetUserPoolMfaConfig(Services services) {
        this.services = services;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
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
        UserPool updated = new UserPool(old.id(), old.name(), old.arn(), old.policies(), old.deletionProtection(),
                old.lambdaConfig(), old.status(), services.clock().instant(), old.creationDate(),
                old.schemaAttributes(), old.autoVerifiedAttributes(), old.aliasAttributes(), old.usernameAttributes(),
                old.smsVerificationMessage(), old.emailVerificationMessage(), old.emailVerificationSubject(),
                old.verificationMessageTemplate(), old.smsAuthenticationMessage(), old.userAttributeUpdateSettings(),
                mode, old.deviceConfiguration(), old.emailConfiguration(), old.smsConfiguration(),
                old.userPoolTags(), old.adminCreateUserConfig(), old.userPoolAddOns(), old.usernameConfiguration(),
                old.accountRecoverySetting(), old.userPoolTier(), email, null);
        if (!services.pools().update(updated)) {
            throw new ResourceNotFoundException("User pool " + r.userPoolId() + " does not exist.");
        }
        return new Response(email, mode);
    }
}

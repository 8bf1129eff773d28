package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.PoolSettings;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.*;
import java.util.Map;

/**
 * Changes a pool's settings. As in Cognito, a setting left out of the request goes back to its
 * default; what cannot change after creation (schema, username attributes, aliases, username case
 * sensitivity) and what other operations set (email MFA) are kept, and so are name and tags when omitted.
 */
public final class UpdateUserPool implements Operation<UpdateUserPool.Request, Operation.Empty> {

    public record Request(
            String userPoolId,
            Policies policies,
            String deletionProtection,
            LambdaConfig lambdaConfig,
            java.util.List<String> autoVerifiedAttributes,
            String smsVerificationMessage,
            String emailVerificationMessage,
            String emailVerificationSubject,
            VerificationMessageTemplate verificationMessageTemplate,
            String smsAuthenticationMessage,
            UserAttributeUpdateSettings userAttributeUpdateSettings,
            String mfaConfiguration,
            DeviceConfiguration deviceConfiguration,
            EmailConfiguration emailConfiguration,
            SmsConfiguration smsConfiguration,
            Map<String, String> userPoolTags,
            AdminCreateUserConfig adminCreateUserConfig,
            UserPoolAddOns userPoolAddOns,
            AccountRecoverySetting accountRecoverySetting,
            String poolName,
            String userPoolTier) {}

    private final Services services;

    public UpdateUserPool(Services services) {
        this.services = services;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Empty handle(Request r) {
        UserPool old = Pools.pool(services, r.userPoolId());
        Policies policies = PoolSettings.policies(r.policies());
        String tier = PoolSettings.orDefault(r.userPoolTier(), old.userPoolTier());
        PoolSettings.check(policies, tier, old.usernameAttributes(), old.aliasAttributes());
        VerificationMessageTemplate template = PoolSettings.verificationTemplate(r.verificationMessageTemplate(),
                r.emailVerificationMessage(), r.emailVerificationSubject(), r.smsVerificationMessage());
        UserPool updated = new UserPool(
                old.id(),
                PoolSettings.orDefault(r.poolName(), old.name()),
                old.arn(),
                policies,
                PoolSettings.orDefault(r.deletionProtection(), "INACTIVE"),
                r.lambdaConfig() == null ? LambdaConfig.NONE : r.lambdaConfig(),
                old.status(),
                services.clock().instant(),
                old.creationDate(),
                old.schemaAttributes(),
                PoolSettings.orEmpty(r.autoVerifiedAttributes()),
                old.aliasAttributes(),
                old.usernameAttributes(),
                template.smsMessage(),
                template.emailMessage(),
                template.emailSubject(),
                template,
                r.smsAuthenticationMessage(),
                r.userAttributeUpdateSettings(),
                PoolSettings.orDefault(r.mfaConfiguration(), "OFF"),
                r.deviceConfiguration(),
                PoolSettings.emailConfiguration(r.emailConfiguration()),
                r.smsConfiguration(),
                r.userPoolTags() == null ? old.userPoolTags() : r.userPoolTags(),
                PoolSettings.adminCreateUserConfig(r.adminCreateUserConfig()),
                r.userPoolAddOns(),
                old.usernameConfiguration(),
                r.accountRecoverySetting(),
                tier,
                old.emailMfaConfiguration(), null);
        if (!services.pools().update(updated)) {
            throw new ResourceNotFoundException("User pool " + r.userPoolId() + " does not exist.");
        }
        return new Empty();
    }
}

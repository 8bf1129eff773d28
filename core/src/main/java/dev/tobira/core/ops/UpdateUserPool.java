package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.ResourceNotFoundException;
import dev.tobira.core.Operation;
import dev.tobira.core.Services;
import dev.tobira.core.pool.PoolSettings;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.*;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Changes a pool's settings. As in Cognito, a setting left out of the request goes back to its
 * default; what cannot change after creation (schema, username attributes, aliases, username case
 * sensitivity) and what other operations set (email MFA) are kept, and so are name and tags when omitted.
 * {@code MfaConfiguration ON} is refused as in CreateUserPool.
 */
public final class UpdateUserPool extends ServiceOperation<UpdateUserPool.Request, Operation.Empty> {

    public record Request(
            String userPoolId,
            Policies policies,
            String deletionProtection,
            LambdaConfig lambdaConfig,
            List<String> autoVerifiedAttributes,
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

    public UpdateUserPool(Services services) {
        super(services, Request.class);
    }

    @Override
    public Empty handle(Request r) {
        UserPool old = Pools.pool(services, r.userPoolId());
        CreateUserPool.Request settings = new CreateUserPool.Request(
                PoolSettings.orDefault(r.poolName(), old.name()), r.policies(), r.deletionProtection(),
                r.lambdaConfig(), r.autoVerifiedAttributes(), old.aliasAttributes(), old.usernameAttributes(),
                r.smsVerificationMessage(), r.emailVerificationMessage(), r.emailVerificationSubject(),
                r.verificationMessageTemplate(), r.smsAuthenticationMessage(), r.mfaConfiguration(),
                r.userAttributeUpdateSettings(), r.deviceConfiguration(), r.emailConfiguration(),
                r.smsConfiguration(), r.userPoolTags() == null ? old.userPoolTags() : r.userPoolTags(),
                r.adminCreateUserConfig(), List.of(), r.userPoolAddOns(), old.usernameConfiguration(),
                r.accountRecoverySetting(), PoolSettings.orDefault(r.userPoolTier(), old.userPoolTier()));
        Instant now = services.clock().instant();
        UserPool updated = CreateUserPool.newPool(settings, old.id(), old.creationDate(), now, services)
                .withSchema(old.schemaAttributes());
        updated = updated.withMfa(updated.mfaConfiguration(), old.emailMfaConfiguration(), now);
        if (!services.pools().update(updated)) {
            throw new ResourceNotFoundException("User pool " + r.userPoolId() + " does not exist.");
        }
        return new Empty();
    }
}

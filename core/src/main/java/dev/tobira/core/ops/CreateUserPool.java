package dev.tobira.core.ops;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.Ids;
import dev.tobira.core.Services;
import dev.tobira.core.pool.PoolSettings;
import dev.tobira.core.pool.StandardAttributes;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPool.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates a user pool, filling in Cognito's defaults for every setting left out. {@code MfaConfiguration
 * ON} is refused ({@link PoolSettings#checkMfa}): Tobira has no MFA challenge to require.
 */
public final class CreateUserPool extends ServiceOperation<CreateUserPool.Request, CreateUserPool.Response> {

    public record Request(
            String poolName,
            Policies policies,
            String deletionProtection,
            LambdaConfig lambdaConfig,
            List<String> autoVerifiedAttributes,
            List<String> aliasAttributes,
            List<String> usernameAttributes,
            String smsVerificationMessage,
            String emailVerificationMessage,
            String emailVerificationSubject,
            VerificationMessageTemplate verificationMessageTemplate,
            String smsAuthenticationMessage,
            String mfaConfiguration,
            UserAttributeUpdateSettings userAttributeUpdateSettings,
            DeviceConfiguration deviceConfiguration,
            EmailConfiguration emailConfiguration,
            SmsConfiguration smsConfiguration,
            Map<String, String> userPoolTags,
            AdminCreateUserConfig adminCreateUserConfig,
            List<SchemaAttribute> schema,
            UserPoolAddOns userPoolAddOns,
            UsernameConfiguration usernameConfiguration,
            AccountRecoverySetting accountRecoverySetting,
            String userPoolTier) {}

    public record Response(UserPool userPool) {}

    public CreateUserPool(Services services) {
        super(services, Request.class);
    }

    @Override
    public Response handle(Request r) {
        Instant now = services.clock().instant();
        UserPool pool = newPool(r, Ids.userPoolId(services.region(), services.random()), now, now, services);
        services.pools().create(pool);
        return new Response(pool);
    }

    /**
     * The pool that {@code r} describes, with Cognito's defaults for what it leaves out, under the
     * given id and dates; nothing is stored. UpdateUserPool builds the replacement pool the same way.
     */
    public static UserPool newPool(Request r, String id, Instant created, Instant modified, Services services) {
        Policies policies = PoolSettings.policies(r.policies());
        String tier = PoolSettings.orDefault(r.userPoolTier(), "ESSENTIALS");
        List<String> usernameAttributes = PoolSettings.orEmpty(r.usernameAttributes());
        List<String> aliasAttributes = PoolSettings.orEmpty(r.aliasAttributes());
        PoolSettings.check(policies, tier, usernameAttributes, aliasAttributes);
        PoolSettings.checkMfa(policies, PoolSettings.orDefault(r.mfaConfiguration(), "OFF"));
        PoolSettings.checkUserAttributeUpdateSettings(r.userAttributeUpdateSettings(),
                PoolSettings.orEmpty(r.autoVerifiedAttributes()));

        VerificationMessageTemplate template = PoolSettings.verificationTemplate(r.verificationMessageTemplate(),
                r.emailVerificationMessage(), r.emailVerificationSubject(), r.smsVerificationMessage());
        return new UserPool(
                id,
                r.poolName(),
                "arn:aws:cognito-idp:" + services.region() + ":" + services.accountId() + ":userpool/" + id,
                policies,
                PoolSettings.orDefault(r.deletionProtection(), "INACTIVE"),
                r.lambdaConfig() == null ? LambdaConfig.NONE : r.lambdaConfig(),
                null,
                modified,
                created,
                schema(PoolSettings.orEmpty(r.schema())),
                PoolSettings.orEmpty(r.autoVerifiedAttributes()),
                aliasAttributes,
                usernameAttributes,
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
                Tags.checked(r.userPoolTags() == null ? Map.of() : r.userPoolTags()),
                PoolSettings.adminCreateUserConfig(r.adminCreateUserConfig()),
                r.userPoolAddOns(),
                r.usernameConfiguration() == null
                        ? new UsernameConfiguration(false) : r.usernameConfiguration(),
                r.accountRecoverySetting(),
                tier,
                null, null, null);
    }

    /** Standard attributes (with any overrides) then custom ones, which get the {@code custom:} prefix. */
    static List<SchemaAttribute> schema(List<SchemaAttribute> given) {
        List<SchemaAttribute> custom = new ArrayList<>();
        for (SchemaAttribute a : given) {
            if (a.name() == null) {
                throw new InvalidParameterException("Schema attribute names are required.");
            }
            if (StandardAttributes.isStandard(a.name())) {
                continue;
            }
            if (Boolean.TRUE.equals(a.required())) {
                throw new InvalidParameterException("Required custom attributes are not supported currently.");
            }
            boolean developerOnly = Boolean.TRUE.equals(a.developerOnlyAttribute());
            String name = (developerOnly ? "dev:custom:" : "custom:") + a.name().replaceFirst("^custom:", "");
            if (custom.stream().anyMatch(c -> c.name().equals(name))) {
                throw new InvalidParameterException("Existing attribute already has name " + name + ".");
            }
            custom.add(new SchemaAttribute(name,
                    PoolSettings.orDefault(a.attributeDataType(), "String"),
                    developerOnly,
                    a.mutable() == null || a.mutable(),
                    false,
                    a.numberAttributeConstraints(),
                    a.stringAttributeConstraints()));
        }
        List<SchemaAttribute> all = new ArrayList<>(StandardAttributes.schema(given));
        all.addAll(custom);
        return all;
    }
}

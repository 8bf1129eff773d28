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
        // A new pool has no users, and Cognito says so: "EstimatedNumberOfUsers": 0 in every CreateUserPool
        // output seen (aws-cli example create-user-pool.rst; the 2024 outputs cited in newPool).
        return new Response(pool.withEstimatedNumberOfUsers(0));
    }

    /**
     * The pool that {@code r} describes, with Cognito's defaults for what it leaves out, under the
     * given id and dates; nothing is stored. UpdateUserPool builds the replacement pool the same way.
     *
     * <p>The defaults, member by member, are those of real Cognito answers for pools created with only a
     * name (and a setting or two): a DescribeUserPool answer of 2023-03 (kengraf/nadialin, file "b"), the
     * CreateUserPool outputs of 2024-09-06 (aws-samples EKS workshop, "Check Output") and 2024-12-08 (a
     * photo-gallery walkthrough, "Sample output"), and the aws-cli example create-user-pool.rst ("To create
     * a minimally configured user pool"). All show {@code Policies.PasswordPolicy} 8/true/true/true/true
     * (TemporaryPasswordValidityDays 7 since it exists), {@code LambdaConfig {}}, the 20 standard
     * {@code SchemaAttributes} of {@code StandardAttributes}, {@code MfaConfiguration OFF},
     * {@code AdminCreateUserConfig {AllowAdminCreateUserOnly false, UnusedAccountValidityDays 7}},
     * {@code EstimatedNumberOfUsers 0}; since 2023 also {@code Arn}, {@code VerificationMessageTemplate
     * {DefaultEmailOption CONFIRM_WITH_CODE}}, {@code EmailConfiguration {EmailSendingAccount
     * COGNITO_DEFAULT}}; since 2024 {@code DeletionProtection INACTIVE} and {@code UserAttributeUpdateSettings}.
     * {@code UserPoolTier ESSENTIALS} and {@code Policies.SignInPolicy} are newer than those outputs (and than
     * the aws-cli that printed them, which drops members its model lacks); a 2025-10 DescribeUserPool answer
     * (ksquare-mchavez/cognito-microservice README, abridged) shows both, and ESSENTIALS is the tier of a new pool (API reference, UserPoolTier).
     * Members those answers lack when unset ({@code UsernameConfiguration}, {@code AccountRecoverySetting},
     * {@code DeviceConfiguration}, {@code SmsConfiguration}, the legacy message members) stay null.
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
                // Cognito answers AttributesRequireVerificationBeforeUpdate [] for a pool created without the
                // setting: CreateUserPool outputs of 2024 for pools created with none (aws-samples EKS workshop
                // "Check Output", 2024-09-06; a photo-gallery walkthrough's "Sample output", 2024-12-08).
                r.userAttributeUpdateSettings() == null
                        ? new UserAttributeUpdateSettings(List.of()) : r.userAttributeUpdateSettings(),
                PoolSettings.orDefault(r.mfaConfiguration(), "OFF"),
                r.deviceConfiguration(),
                PoolSettings.emailConfiguration(r.emailConfiguration()),
                r.smsConfiguration(),
                Tags.checked(r.userPoolTags() == null ? Map.of() : r.userPoolTags()),
                PoolSettings.adminCreateUserConfig(r.adminCreateUserConfig()),
                r.userPoolAddOns(),
                // Only as given: Cognito's answers for pools created without it have no UsernameConfiguration
                // (real DescribeUserPool of 2023-03, kengraf/nadialin "b"; the CreateUserPool outputs of 2024
                // above). Usernames of such a pool compare case-insensitively here (UserPool#caseInsensitiveUsernames).
                r.usernameConfiguration(),
                // Only as given, though the 2024 outputs above show a default of verified_email then
                // verified_phone_number: without the setting Cognito "uses the legacy behavior ... where SMS is
                // preferred through email" (API reference, AccountRecoverySettingType), which is what
                // ForgotPassword does here; answering the default would describe a preference Tobira does not follow.
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

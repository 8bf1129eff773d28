package dev.tobira.core.pool;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user pool, shaped as Cognito's {@code UserPoolType}: what {@code DescribeUserPool} returns.
 * Components are named after the wire members (first letter lower-cased). Nested settings that
 * Cognito omits when they were never set are {@code null}; lists and maps are never null and are
 * copied on construction.
 *
 * @param policies password and sign-in policies; always present (AWS's defaults fill the gaps)
 * @param schemaAttributes the standard attributes followed by the pool's custom ones
 * @param domain the pool's prefix domain, filled in by DescribeUserPool from the domain store; null
 *     otherwise, and never stored
 * @param estimatedNumberOfUsers filled in by DescribeUserPool from the user store (and 0 by
 *     CreateUserPool); null otherwise, and never stored
 * @param usernameConfiguration as given at creation; null when never set, and then usernames compare
 *     case-insensitively (see {@link #caseInsensitiveUsernames})
 */
public record UserPool(
        String id,
        String name,
        String arn,
        Policies policies,
        String deletionProtection,
        LambdaConfig lambdaConfig,
        String status,
        Instant lastModifiedDate,
        Instant creationDate,
        List<SchemaAttribute> schemaAttributes,
        List<String> autoVerifiedAttributes,
        List<String> aliasAttributes,
        List<String> usernameAttributes,
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
        UsernameConfiguration usernameConfiguration,
        AccountRecoverySetting accountRecoverySetting,
        String userPoolTier,
        EmailMfaConfig emailMfaConfiguration,
        String domain,
        Long estimatedNumberOfUsers) {

    public UserPool {
        schemaAttributes = List.copyOf(schemaAttributes);
        autoVerifiedAttributes = List.copyOf(autoVerifiedAttributes);
        aliasAttributes = List.copyOf(aliasAttributes);
        usernameAttributes = List.copyOf(usernameAttributes);
        userPoolTags = Map.copyOf(userPoolTags);
    }

    /** This pool as DescribeUserPool shows it, with its current number of users. */
    public UserPool withEstimatedNumberOfUsers(long count) {
        return new UserPool(id, name, arn, policies, deletionProtection, lambdaConfig, status, lastModifiedDate,
                creationDate, schemaAttributes, autoVerifiedAttributes, aliasAttributes, usernameAttributes,
                smsVerificationMessage, emailVerificationMessage, emailVerificationSubject,
                verificationMessageTemplate, smsAuthenticationMessage, userAttributeUpdateSettings, mfaConfiguration,
                deviceConfiguration, emailConfiguration, smsConfiguration, userPoolTags, adminCreateUserConfig,
                userPoolAddOns, usernameConfiguration, accountRecoverySetting, userPoolTier, emailMfaConfiguration, domain,
                count);
    }

    /** This pool as DescribeUserPool shows it, with its domain (or null when it has none). */
    public UserPool withDomain(String newDomain) {
        return new UserPool(id, name, arn, policies, deletionProtection, lambdaConfig, status, lastModifiedDate,
                creationDate, schemaAttributes, autoVerifiedAttributes, aliasAttributes, usernameAttributes,
                smsVerificationMessage, emailVerificationMessage, emailVerificationSubject,
                verificationMessageTemplate, smsAuthenticationMessage, userAttributeUpdateSettings, mfaConfiguration,
                deviceConfiguration, emailConfiguration, smsConfiguration, userPoolTags, adminCreateUserConfig,
                userPoolAddOns, usernameConfiguration, accountRecoverySetting, userPoolTier, emailMfaConfiguration,
                newDomain, estimatedNumberOfUsers);
    }

    /** This pool with another MFA mode and email one-time-code message (SetUserPoolMfaConfig). */
    public UserPool withMfa(String newMfaConfiguration, EmailMfaConfig newEmailMfaConfiguration, Instant now) {
        return new UserPool(id, name, arn, policies, deletionProtection, lambdaConfig, status, now,
                creationDate, schemaAttributes, autoVerifiedAttributes, aliasAttributes, usernameAttributes,
                smsVerificationMessage, emailVerificationMessage, emailVerificationSubject,
                verificationMessageTemplate, smsAuthenticationMessage, userAttributeUpdateSettings,
                newMfaConfiguration, deviceConfiguration, emailConfiguration, smsConfiguration, userPoolTags,
                adminCreateUserConfig, userPoolAddOns, usernameConfiguration, accountRecoverySetting, userPoolTier,
                newEmailMfaConfiguration, domain, estimatedNumberOfUsers);
    }

    /** This pool with another schema (the schema is fixed at creation; UpdateUserPool carries it over). */
    public UserPool withSchema(List<SchemaAttribute> schema) {
        return new UserPool(id, name, arn, policies, deletionProtection, lambdaConfig, status, lastModifiedDate,
                creationDate, schema, autoVerifiedAttributes, aliasAttributes, usernameAttributes,
                smsVerificationMessage, emailVerificationMessage, emailVerificationSubject,
                verificationMessageTemplate, smsAuthenticationMessage, userAttributeUpdateSettings, mfaConfiguration,
                deviceConfiguration, emailConfiguration, smsConfiguration, userPoolTags, adminCreateUserConfig,
                userPoolAddOns, usernameConfiguration, accountRecoverySetting, userPoolTier, emailMfaConfiguration, domain,
                estimatedNumberOfUsers);
    }

    /** This pool with another set of tags (TagResource, UntagResource). */
    public UserPool withTags(Map<String, String> tags) {
        return new UserPool(id, name, arn, policies, deletionProtection, lambdaConfig, status, lastModifiedDate,
                creationDate, schemaAttributes, autoVerifiedAttributes, aliasAttributes, usernameAttributes,
                smsVerificationMessage, emailVerificationMessage, emailVerificationSubject,
                verificationMessageTemplate, smsAuthenticationMessage, userAttributeUpdateSettings, mfaConfiguration,
                deviceConfiguration, emailConfiguration, smsConfiguration, tags, adminCreateUserConfig,
                userPoolAddOns, usernameConfiguration, accountRecoverySetting, userPoolTier, emailMfaConfiguration,
                domain, estimatedNumberOfUsers);
    }

    /** The part of the id after {@code _}: the "pool name" that SRP hashes into {@code x} (spec §2.2). */
    public String srpPoolName() {
        return id.substring(id.indexOf('_') + 1);
    }

    /** Whether usernames compare case-insensitively (Cognito's recommended default). */
    public boolean caseInsensitiveUsernames() {
        return usernameConfiguration == null || !Boolean.TRUE.equals(usernameConfiguration.caseSensitive());
    }

    /** Whether callers sign up with their email or phone number in place of a username. */
    public boolean usesUsernameAttributes() {
        return !usernameAttributes.isEmpty();
    }

    /** The schema entry for {@code name}, if the pool has one. */
    public java.util.Optional<SchemaAttribute> schemaAttribute(String name) {
        return schemaAttributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public record Policies(PasswordPolicy passwordPolicy, SignInPolicy signInPolicy) {}

    /** Cognito's {@code PasswordPolicyType}; see {@link PasswordPolicy#DEFAULT}. */
    public record PasswordPolicy(
            Integer minimumLength,
            Boolean requireUppercase,
            Boolean requireLowercase,
            Boolean requireNumbers,
            Boolean requireSymbols,
            Integer passwordHistorySize,
            Integer temporaryPasswordValidityDays) {

        /** What a pool created without {@code Policies} gets (observed in DescribeUserPool outputs). */
        public static final PasswordPolicy DEFAULT = new PasswordPolicy(8, true, true, true, true, null, 7);
    }

    /** First factors for choice-based ({@code USER_AUTH}) sign-in. */
    public record SignInPolicy(List<String> allowedFirstAuthFactors) {
        public static final SignInPolicy DEFAULT = new SignInPolicy(List.of("PASSWORD"));

        public SignInPolicy {
            allowedFirstAuthFactors = List.copyOf(allowedFirstAuthFactors);
        }
    }

    /** ARNs of the pool's Lambda triggers; unset triggers are null. */
    public record LambdaConfig(
            String preSignUp,
            String customMessage,
            String postConfirmation,
            String preAuthentication,
            String postAuthentication,
            String defineAuthChallenge,
            String createAuthChallenge,
            String verifyAuthChallengeResponse,
            String preTokenGeneration,
            String userMigration,
            LambdaVersionConfig preTokenGenerationConfig,
            LambdaVersionConfig customSMSSender,
            LambdaVersionConfig customEmailSender,
            String kmsKeyID) {

        public static final LambdaConfig NONE =
                new LambdaConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public record LambdaVersionConfig(String lambdaVersion, String lambdaArn) {}

    public record SchemaAttribute(
            String name,
            String attributeDataType,
            Boolean developerOnlyAttribute,
            Boolean mutable,
            Boolean required,
            NumberAttributeConstraints numberAttributeConstraints,
            StringAttributeConstraints stringAttributeConstraints) {}

    public record NumberAttributeConstraints(String minValue, String maxValue) {}

    public record StringAttributeConstraints(String minLength, String maxLength) {}

    public record VerificationMessageTemplate(
            String smsMessage,
            String emailMessage,
            String emailSubject,
            String emailMessageByLink,
            String emailSubjectByLink,
            String defaultEmailOption) {}

    public record UserAttributeUpdateSettings(List<String> attributesRequireVerificationBeforeUpdate) {
        public UserAttributeUpdateSettings {
            attributesRequireVerificationBeforeUpdate = List.copyOf(attributesRequireVerificationBeforeUpdate);
        }
    }

    public record DeviceConfiguration(Boolean challengeRequiredOnNewDevice, Boolean deviceOnlyRememberedOnUserPrompt) {}

    /**
     * Where mail comes from. Tobira sends through its own configured transport (SMTP or SES); the
     * {@code from} address here is used as the sender when set.
     */
    public record EmailConfiguration(
            String sourceArn,
            String replyToEmailAddress,
            String emailSendingAccount,
            String from,
            String configurationSet) {}

    public record SmsConfiguration(String snsCallerArn, String externalId, String snsRegion) {}

    public record AdminCreateUserConfig(
            Boolean allowAdminCreateUserOnly,
            Integer unusedAccountValidityDays,
            MessageTemplate inviteMessageTemplate) {}

    public record MessageTemplate(String smsMessage, String emailMessage, String emailSubject) {}

    public record UserPoolAddOns(String advancedSecurityMode) {}

    public record UsernameConfiguration(Boolean caseSensitive) {}

    public record AccountRecoverySetting(List<RecoveryOption> recoveryMechanisms) {
        public AccountRecoverySetting {
            recoveryMechanisms = List.copyOf(recoveryMechanisms);
        }
    }

    public record RecoveryOption(Integer priority, String name) {}

    /** The email one-time-code message ({@code {####}} is the code) and subject; set with SetUserPoolMfaConfig. */
    public record EmailMfaConfig(String message, String subject) {}
}

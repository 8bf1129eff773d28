package dev.tobira.core.pool;

import dev.tobira.core.CognitoException;
import dev.tobira.core.CognitoException.FeatureUnavailableInTierException;
import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.pool.UserPool.AdminCreateUserConfig;
import dev.tobira.core.pool.UserPool.EmailConfiguration;
import dev.tobira.core.pool.UserPool.PasswordPolicy;
import dev.tobira.core.pool.UserPool.Policies;
import dev.tobira.core.pool.UserPool.SignInPolicy;
import dev.tobira.core.pool.UserPool.VerificationMessageTemplate;
import java.util.List;

/**
 * The defaults Cognito fills in for pool settings a caller leaves out, and the cross-field rules it
 * enforces, shared by CreateUserPool and UpdateUserPool (which, like Cognito's, resets omitted
 * settings to their defaults).
 */
public final class PoolSettings {

    /** Why {@code MfaConfiguration ON} is refused where Cognito would take it. */
    public static final String MFA_ON_UNSUPPORTED = "Tobira does not support MfaConfiguration ON: it has no MFA "
            + "challenge, so it could not require one. Use OFF or OPTIONAL.";

    private PoolSettings() {}

    public static Policies policies(Policies given) {
        PasswordPolicy password = given == null || given.passwordPolicy() == null
                ? PasswordPolicy.DEFAULT
                : passwordPolicy(given.passwordPolicy());
        SignInPolicy signIn = given == null || given.signInPolicy() == null
                ? SignInPolicy.DEFAULT
                : given.signInPolicy();
        return new Policies(password, signIn);
    }

    /** A given password policy: unset requirements are off, the length 8, temporary passwords 7 days. */
    private static PasswordPolicy passwordPolicy(PasswordPolicy p) {
        int validity = p.temporaryPasswordValidityDays() == null || p.temporaryPasswordValidityDays() == 0
                ? 7 : p.temporaryPasswordValidityDays();
        return new PasswordPolicy(
                p.minimumLength() == null ? 8 : p.minimumLength(),
                Boolean.TRUE.equals(p.requireUppercase()),
                Boolean.TRUE.equals(p.requireLowercase()),
                Boolean.TRUE.equals(p.requireNumbers()),
                Boolean.TRUE.equals(p.requireSymbols()),
                p.passwordHistorySize(),
                validity);
    }

    public static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    public static <T> List<T> orEmpty(List<T> value) {
        return value == null ? List.of() : value;
    }

    public static EmailConfiguration emailConfiguration(EmailConfiguration given) {
        if (given == null) {
            return new EmailConfiguration(null, null, "COGNITO_DEFAULT", null, null);
        }
        return new EmailConfiguration(given.sourceArn(), given.replyToEmailAddress(),
                orDefault(given.emailSendingAccount(), "COGNITO_DEFAULT"), given.from(), given.configurationSet());
    }

    public static AdminCreateUserConfig adminCreateUserConfig(AdminCreateUserConfig given) {
        if (given == null) {
            return new AdminCreateUserConfig(false, 7, null);
        }
        return new AdminCreateUserConfig(
                Boolean.TRUE.equals(given.allowAdminCreateUserOnly()),
                given.unusedAccountValidityDays() == null ? 7 : given.unusedAccountValidityDays(),
                given.inviteMessageTemplate());
    }

    /**
     * The verification template, kept in step with the legacy top-level message and subject the way
     * Cognito does: either one sets both.
     */
    public static VerificationMessageTemplate verificationTemplate(VerificationMessageTemplate given,
            String emailMessage, String emailSubject, String smsMessage) {
        VerificationMessageTemplate t = given == null
                ? new VerificationMessageTemplate(null, null, null, null, null, null) : given;
        return new VerificationMessageTemplate(
                t.smsMessage() != null ? t.smsMessage() : smsMessage,
                t.emailMessage() != null ? t.emailMessage() : emailMessage,
                t.emailSubject() != null ? t.emailSubject() : emailSubject,
                t.emailMessageByLink(),
                t.emailSubjectByLink(),
                orDefault(t.defaultEmailOption(), "CONFIRM_WITH_CODE"));
    }

    /** Rules that span several settings. */
    public static void check(Policies policies, String tier, List<String> usernameAttributes,
            List<String> aliasAttributes) {
        if (!usernameAttributes.isEmpty() && !aliasAttributes.isEmpty()) {
            throw new InvalidParameterException(
                    "Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.");
        }
        List<String> factors = policies.signInPolicy().allowedFirstAuthFactors();
        if (!factors.contains("PASSWORD")) {
            throw new InvalidParameterException("AllowedFirstAuthFactors must include PASSWORD.");
        }
        if ("LITE".equals(tier) && factors.stream().anyMatch(f -> !f.equals("PASSWORD"))) {
            throw new FeatureUnavailableInTierException(
                    "Choice-based sign-in with " + factors + " is not available in the LITE tier.");
        }
    }

    /**
     * Cognito keeps an old email or phone number until the new one is verified only for attributes it
     * verifies: every attribute of {@code AttributesRequireVerificationBeforeUpdate} must be auto-verified
     * (Cognito's text, aws-cli#7151).
     */
    public static void checkUserAttributeUpdateSettings(UserPool.UserAttributeUpdateSettings settings,
            List<String> autoVerifiedAttributes) {
        if (settings != null
                && !autoVerifiedAttributes.containsAll(settings.attributesRequireVerificationBeforeUpdate())) {
            throw new InvalidParameterException(
                    "All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes");
        }
    }

    /**
     * The MFA mode checks of CreateUserPool, UpdateUserPool and SetUserPoolMfaConfig.
     *
     * <p>MFA and passwordless first factors exclude each other when MFA is required (spec §4.1): Cognito
     * refuses {@code MfaConfiguration ON} beside an EMAIL_OTP or SMS_OTP first factor with this
     * message (observed against AWS, reported in go-to-k/cdkd#1975), and that refusal comes first.
     * Elsewhere {@code ON} is refused as unsupported: Tobira has no MFA challenge, so a pool that
     * required MFA would sign users in without it. {@code OPTIONAL} is kept as set; it changes
     * nothing, because no user can turn MFA on (the MFA preference and authenticator operations are
     * unsupported), and so every user keeps the passwordless options.
     */
    public static void checkMfa(Policies policies, String mfaConfiguration) {
        if (!"ON".equals(mfaConfiguration)) {
            return;
        }
        boolean codes = policies.signInPolicy().allowedFirstAuthFactors().stream()
                .anyMatch(f -> f.equals("EMAIL_OTP") || f.equals("SMS_OTP"));
        if (codes) {
            throw new InvalidParameterException(
                    "Only PASSWORD and WEB_AUTHN (if configured) can be enabled as an auth factor if MFA is enabled");
        }
        throw new CognitoException.UnsupportedOperationException(MFA_ON_UNSUPPORTED);
    }
}

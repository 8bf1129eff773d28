package dev.tobira.server.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * Turns what the Cognito API answers into a sentence in the user's language ({@link WebError}). The
 * {@code __type} chooses the sentence; for the types whose cause only the message tells apart
 * ({@code NotAuthorizedException}, {@code InvalidPasswordException}, …) Cognito's well-known message
 * texts choose a more precise one. Anything unknown gets a general sentence, never the raw text.
 */
public final class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    /** Every {@code __type} the pages can meet, with the sentence each gets when its message says no more. */
    static final Map<String, String> BY_TYPE = Map.ofEntries(
            Map.entry("NotAuthorizedException", "error.not-authorized"),
            Map.entry("UserNotFoundException", "error.user-not-found"),
            Map.entry("UserNotConfirmedException", "error.user-not-confirmed"),
            Map.entry("UsernameExistsException", "error.username-exists"),
            Map.entry("AliasExistsException", "error.username-exists"),
            Map.entry("InvalidPasswordException", "error.password-invalid"),
            Map.entry("CodeMismatchException", "error.code-mismatch"),
            Map.entry("ExpiredCodeException", "error.code-expired"),
            Map.entry("LimitExceededException", "error.limit-exceeded"),
            Map.entry("TooManyRequestsException", "error.too-many-requests"),
            Map.entry("TooManyFailedAttemptsException", "error.too-many-failed-attempts"),
            Map.entry("InvalidParameterException", "error.invalid-parameter"),
            Map.entry("PasswordHistoryPolicyViolationException", "error.password-reused"),
            Map.entry("RefreshTokenReuseException", "error.signed-out"),
            Map.entry("CodeDeliveryFailureException", "error.code-delivery"),
            Map.entry("InvalidEmailRoleAccessPolicyException", "error.delivery-configuration"),
            Map.entry("InvalidSmsRoleAccessPolicyException", "error.delivery-configuration"),
            Map.entry("InvalidSmsRoleTrustRelationshipException", "error.delivery-configuration"),
            Map.entry("MFAMethodNotFoundException", "error.mfa-not-set-up"),
            Map.entry("SoftwareTokenMFANotFoundException", "error.mfa-not-set-up"),
            Map.entry("PasswordResetRequiredException", "error.password-reset-required"),
            Map.entry("UserLambdaValidationException", "error.trigger"),
            Map.entry("UnexpectedLambdaException", "error.trigger"),
            Map.entry("InvalidLambdaResponseException", "error.trigger"),
            Map.entry("InvalidUserPoolConfigurationException", "error.configuration"),
            Map.entry("ResourceNotFoundException", "error.configuration"),
            Map.entry("UnauthorizedException", "error.configuration"),
            Map.entry("UnsupportedOperationException", "error.configuration"),
            Map.entry("UnsupportedTokenTypeException", "error.configuration"),
            Map.entry("FeatureUnavailableInTierException", "error.configuration"),
            Map.entry("OperationNotEnabledException", "error.configuration"),
            Map.entry("ForbiddenException", "error.forbidden"),
            Map.entry("WebAuthnNotEnabledException", "error.passkeys-not-enabled"),
            Map.entry("WebAuthnConfigurationMissingException", "error.passkeys-not-enabled"),
            Map.entry("WebAuthnChallengeNotFoundException", "error.passkey-expired"),
            Map.entry("WebAuthnClientMismatchException", "error.configuration"),
            Map.entry("WebAuthnOriginNotAllowedException", "error.passkey-origin"),
            Map.entry("WebAuthnRelyingPartyMismatchException", "error.passkey-origin"),
            Map.entry("WebAuthnCredentialNotSupportedException", "error.passkey-not-supported"),
            Map.entry("InternalErrorException", "error.internal"));

    /** Message texts of Cognito that name a more precise cause than their type (spec §3, §5, §6, §7). */
    private static final List<Map.Entry<Pattern, String>> BY_MESSAGE = List.of(
            Map.entry(Pattern.compile("Incorrect username or password\\.?"), "error.incorrect-credentials"),
            Map.entry(Pattern.compile("Password attempts exceeded\\.?"), "error.password-attempts-exceeded"),
            Map.entry(Pattern.compile("User is disabled\\.?"), "error.user-disabled"),
            Map.entry(Pattern.compile("Invalid passkey credential\\.?"), "error.passkey-refused"),
            Map.entry(Pattern.compile("Invalid session for the user, session is expired\\.?"), "error.session-expired"),
            Map.entry(Pattern.compile("Invalid session for the user\\.?"), "error.session-invalid"),
            Map.entry(Pattern.compile("User cannot be confirmed\\. Current status is CONFIRMED"), "error.already-confirmed"),
            Map.entry(Pattern.compile("User is already confirmed\\.?"), "error.already-confirmed"),
            Map.entry(Pattern.compile("(Access|Refresh) Token has (been revoked|expired)\\.?"), "error.signed-out"),
            Map.entry(Pattern.compile("Invalid (Access|Refresh) Token\\.?"), "error.signed-out"),
            Map.entry(Pattern.compile("Username should be (an email|either an email or a phone number)\\.?"),
                    "error.invalid-email"),
            Map.entry(Pattern.compile("Invalid email address format\\.?"), "error.invalid-email"),
            Map.entry(Pattern.compile(".*Password not long enough.*"), "error.password-too-short"),
            Map.entry(Pattern.compile(".*Password must have lowercase characters.*"), "error.password-lowercase"),
            Map.entry(Pattern.compile(".*Password must have uppercase characters.*"), "error.password-uppercase"),
            Map.entry(Pattern.compile(".*Password must have numeric characters.*"), "error.password-numbers"),
            Map.entry(Pattern.compile(".*Password must have symbol characters.*"), "error.password-symbols"),
            Map.entry(Pattern.compile("A password is required.*"), "error.password-required"),
            Map.entry(Pattern.compile(".*flow not enabled for this client.*"), "error.configuration"),
            Map.entry(Pattern.compile("Initiate Auth method not supported\\.?"), "error.configuration"),
            Map.entry(Pattern.compile("Custom auth lambda trigger is not configured.*"), "error.configuration"));

    private WebErrors() {}

    /** The sentence for an error the API returned. */
    public static WebError of(CognitoIdentityProviderException e) {
        String type = e.awsErrorDetails() == null ? "" : typeName(e.awsErrorDetails().errorCode());
        String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? "" : e.awsErrorDetails().errorMessage().strip();
        return of(type, message);
    }

    /** The sentence for {@code __type} {@code type} with message {@code message}. */
    public static WebError of(String type, String message) {
        String general = BY_TYPE.get(type);
        if (general == null) {
            // Only the type: an unknown type may carry text we have no business showing or logging.
            log.warn("Cognito answered an error the web app does not know: {}", type);
            return WebError.of("error.unknown");
        }
        if (type.equals("NotAuthorizedException") || type.equals("InvalidPasswordException")
                || type.equals("InvalidParameterException")) {
            for (Map.Entry<Pattern, String> known : BY_MESSAGE) {
                if (known.getKey().matcher(message).matches()) {
                    return WebError.of(known.getValue());
                }
            }
        }
        return WebError.of(general);
    }

    /** The sentence when the API could not be reached or answered nonsense. */
    public static WebError of(SdkClientException e) {
        log.warn("The Cognito API could not be reached: {}", e.getClass().getSimpleName());
        return WebError.of("error.unreachable");
    }

    /** {@code aws.protocol#...#NotAuthorizedException:} and friends, down to the short name. */
    static String typeName(String errorCode) {
        if (errorCode == null) {
            return "";
        }
        String type = errorCode.substring(errorCode.lastIndexOf('#') + 1);
        int colon = type.indexOf(':');
        return (colon < 0 ? type : type.substring(0, colon)).strip();
    }

    /** Every key this class can produce, for the test that both bundles have them all. */
    static List<String> allKeys() {
        var keys = new java.util.TreeSet<String>(BY_TYPE.values());
        BY_MESSAGE.forEach(e -> keys.add(e.getValue()));
        keys.add("error.unknown");
        keys.add("error.unreachable");
        return List.copyOf(keys);
    }
}

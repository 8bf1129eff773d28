package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tobira.server.delivery.FakeAwsEndpoint;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/** Every API error becomes a sentence key; the API's own text never reaches a page. */
class WebErrorsTest {

    /**
     * The {@code __type}s whose SDK class is spelled otherwise (the SDK writes acronyms in camel case);
     * every other class is named as its {@code __type}. The round trip below checks each.
     */
    private static final Map<String, String> WIRE_NAMES = Map.of(
            "MfaMethodNotFoundException", "MFAMethodNotFoundException",
            "SoftwareTokenMfaNotFoundException", "SoftwareTokenMFANotFoundException");

    private static CognitoIdentityProviderException error(String type, String message) {
        return (CognitoIdentityProviderException) CognitoIdentityProviderException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(type).errorMessage(message).build()).build();
    }

    @Test
    void ofWhenNotAuthorizedThenTheMessageChoosesTheSentence() {
        assertThat(WebErrors.of(error("NotAuthorizedException", "Incorrect username or password.")).key())
                .isEqualTo("error.incorrect-credentials");
        assertThat(WebErrors.of(error("NotAuthorizedException", "Password attempts exceeded")).key())
                .isEqualTo("error.password-attempts-exceeded");
        assertThat(WebErrors.of(error("NotAuthorizedException", "Invalid session for the user, session is expired."))
                .key()).isEqualTo("error.session-expired");
        assertThat(WebErrors.of(error("NotAuthorizedException", "Invalid session for the user.")).key())
                .isEqualTo("error.session-invalid");
        assertThat(WebErrors.of(error("NotAuthorizedException", "Refresh Token has been revoked")).key())
                .isEqualTo("error.signed-out");
        assertThat(WebErrors.of(error("NotAuthorizedException", "Something new")).key())
                .isEqualTo("error.not-authorized");
    }

    @Test
    void ofWhenPasswordPolicyThenTheBrokenRuleIsNamed() {
        assertThat(WebErrors.of(error("InvalidPasswordException",
                "Password did not conform with policy: Password must have symbol characters")).key())
                .isEqualTo("error.password-symbols");
        assertThat(WebErrors.of(error("InvalidPasswordException",
                "Password did not conform with policy: Password not long enough")).key())
                .isEqualTo("error.password-too-short");
        assertThat(WebErrors.of(error("InvalidPasswordException", "Password has previously been used")).key())
                .isEqualTo("error.password-invalid");
    }

    @Test
    void ofWhenCodeErrorsThenTheirOwnSentences() {
        assertThat(WebErrors.of(error("CodeMismatchException", "Invalid verification code provided, please try again."))
                .key()).isEqualTo("error.code-mismatch");
        assertThat(WebErrors.of(error("ExpiredCodeException", "Invalid code provided, please request a code again."))
                .key()).isEqualTo("error.code-expired");
        assertThat(WebErrors.of(error("LimitExceededException", "Attempt limit exceeded, please try after some time."))
                .key()).isEqualTo("error.limit-exceeded");
    }

    @Test
    void ofWhenTheTypeIsUnknownThenAGeneralSentenceAndNotTheText() {
        WebError error = WebErrors.of(error("BrandNewException", "internal detail 1234"));

        assertThat(error.key()).isEqualTo("error.unknown");
        assertThat(error.args()).isEmpty();
    }

    /** The operations the gateway calls: each {@code cognito().<operation>(} in its source. */
    private static Set<String> gatewayOperations() throws IOException {
        Matcher m = Pattern.compile("\\bcognito\\(\\)\\.(\\w+)\\(").matcher(
                Files.readString(Path.of("src/main/java/dev/tobira/server/web/CognitoGateway.java")));
        Set<String> operations = new TreeSet<>();
        while (m.find()) {
            operations.add(m.group(1));
        }
        operations.remove("close");
        return operations;
    }

    /**
     * The errors the SDK's model gives {@code operation}: the {@code CognitoIdentityProviderException}
     * subclasses its client method declares (the SDK generates them from each operation's errors).
     */
    private static Set<Class<?>> modeledErrors(String operation) {
        Set<Class<?>> errors = new LinkedHashSet<>();
        for (Method method : CognitoIdentityProviderClient.class.getMethods()) {
            if (method.getName().equals(operation) && method.getParameterCount() == 1
                    && SdkRequest.class.isAssignableFrom(method.getParameterTypes()[0])) {
                for (Class<?> thrown : method.getExceptionTypes()) {
                    if (CognitoIdentityProviderException.class.isAssignableFrom(thrown)
                            && thrown != CognitoIdentityProviderException.class) {
                        errors.add(thrown);
                    }
                }
            }
        }
        return errors;
    }

    @Test
    void ofWhenAnyErrorTheGatewaysOperationsCanThrowThenASentenceOfItsOwnNotTheGeneralOne() throws IOException {
        Set<String> operations = gatewayOperations();
        assertThat(operations).containsExactlyInAnyOrder("confirmForgotPassword", "confirmSignUp", "forgotPassword",
                "getUser", "globalSignOut", "initiateAuth", "resendConfirmationCode", "respondToAuthChallenge",
                "revokeToken", "signUp", "startWebAuthnRegistration", "completeWebAuthnRegistration",
                "listWebAuthnCredentials", "deleteWebAuthnCredential");
        Set<Class<?>> errors = new TreeSet<>(Comparator.comparing(Class::getSimpleName));
        for (String operation : operations) {
            Set<Class<?>> declared = modeledErrors(operation);
            assertThat(declared).as("the SDK's errors of " + operation).isNotEmpty();
            errors.addAll(declared);
        }
        assertThat(errors).hasSizeGreaterThan(25);

        try (FakeAwsEndpoint cognito = new FakeAwsEndpoint(); CognitoGateway gateway = new CognitoGateway(
                new WebSettings("us-east-1", "us-east-1_Errors", "client", Optional.empty(), Optional.of(cognito.uri()),
                        true, Duration.ZERO, WebSettings.CodeValidity.COGNITO_DEFAULT,
                        WebSettings.PasswordRules.COGNITO_DEFAULT, WebSettings.RateLimits.DEFAULT), Clock.systemUTC())) {
            SoftAssertions softly = new SoftAssertions();
            for (Class<?> error : errors) {
                String type = WIRE_NAMES.getOrDefault(error.getSimpleName(), error.getSimpleName());
                cognito.answer(400, "application/x-amz-json-1.1",
                        "{\"__type\":\"" + type + "\",\"message\":\"detail the page must not show\"}", Map.of());
                // Through the SDK as the app meets it: the SDK's own class for the type, then the sentence.
                Throwable thrown = catchThrowable(() -> gateway.attributes("access-token"));
                softly.assertThat(thrown).as(type).isExactlyInstanceOf(error);
                if (thrown instanceof CognitoIdentityProviderException e) {
                    softly.assertThat(WebErrors.of(e).key()).as(type).isNotEqualTo("error.unknown");
                }
            }
            softly.assertAll();
        }
    }

    @Test
    void ofWhenNewerErrorsThenTheirOwnSentences() {
        assertThat(WebErrors.of(error("RefreshTokenReuseException", "Refresh token has been reused.")).key())
                .isEqualTo("error.signed-out");
        assertThat(WebErrors.of(error("PasswordHistoryPolicyViolationException",
                "The password was used previously.")).key()).isEqualTo("error.password-reused");
        assertThat(WebErrors.of(error("InvalidEmailRoleAccessPolicyException", "SES says no")).key())
                .isEqualTo("error.delivery-configuration");
        assertThat(WebErrors.of(error("InvalidSmsRoleTrustRelationshipException", "SNS says no")).key())
                .isEqualTo("error.delivery-configuration");
        assertThat(WebErrors.of(error("MFAMethodNotFoundException", "No MFA")).key()).isEqualTo("error.mfa-not-set-up");
        assertThat(WebErrors.of(error("SoftwareTokenMFANotFoundException", "No TOTP")).key())
                .isEqualTo("error.mfa-not-set-up");
    }

    @Test
    void typeNameWhenQualifiedOrWithColonThenTheShortName() {
        assertThat(WebErrors.typeName("NotAuthorizedException:")).isEqualTo("NotAuthorizedException");
        assertThat(WebErrors.typeName("com.amazonaws.cognito#UserNotFoundException")).isEqualTo("UserNotFoundException");
        assertThat(WebErrors.typeName("aws#CodeMismatchException:http://internal")).isEqualTo("CodeMismatchException");
        assertThat(WebErrors.typeName(null)).isEmpty();
    }
}

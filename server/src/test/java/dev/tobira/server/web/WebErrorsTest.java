package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/** Every API error becomes a sentence key; the API's own text never reaches a page. */
class WebErrorsTest {

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

    @Test
    void typeNameWhenQualifiedOrWithColonThenTheShortName() {
        assertThat(WebErrors.typeName("NotAuthorizedException:")).isEqualTo("NotAuthorizedException");
        assertThat(WebErrors.typeName("com.amazonaws.cognito#UserNotFoundException")).isEqualTo("UserNotFoundException");
        assertThat(WebErrors.typeName("aws#CodeMismatchException:http://internal")).isEqualTo("CodeMismatchException");
        assertThat(WebErrors.typeName(null)).isEmpty();
    }
}

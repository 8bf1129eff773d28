package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/** Asserts a Cognito error exactly as the AWS SDK for Java v2 parsed it: its class, {@code __type} and message. */
final class CognitoErrors {

    private CognitoErrors() {}

    static void assertCognitoError(ThrowingCallable call, Class<? extends CognitoIdentityProviderException> type,
            String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(type, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type.getSimpleName());
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }
}

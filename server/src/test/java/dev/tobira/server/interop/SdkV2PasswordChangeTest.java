package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.*;

/** ChangePassword, ForgotPassword and ConfirmForgotPassword through the AWS SDK for Java v2. */
class SdkV2PasswordChangeTest {

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;
    private static final String CLIENT = DevPool.CLIENT_ID;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
        cognito = tobira.client();
    }

    @AfterAll
    static void stop() {
        cognito.close();
        tobira.close();
    }

    /** A confirmed user of the dev pool, with a verified email. */
    private static void confirmedUser(String email, String password) {
        cognito.signUp(b -> b.clientId(CLIENT).username(email).password(password));
        cognito.confirmSignUp(b -> b.clientId(CLIENT).username(email)
                .confirmationCode(DevOutbox.latestCode(tobira.endpoint(), email, 6)));
    }

    private static InitiateAuthResponse signIn(String email, String password) {
        return cognito.initiateAuth(b -> b.clientId(CLIENT).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", password)));
    }

    @Test
    void changePasswordWhenPreviousIsRightThenTheNewOneSignsInAndTheOldOneNoLonger() {
        confirmedUser("gus@example.com", "Old-Passw0rd!");
        String access = signIn("gus@example.com", "Old-Passw0rd!").authenticationResult().accessToken();
        assertThatThrownBy(() -> cognito.changePassword(b -> b.accessToken(access).previousPassword("Nope-Passw0rd!")
                .proposedPassword("New-Passw0rd!")))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Incorrect username or password.");
        cognito.changePassword(b -> b.accessToken(access).previousPassword("Old-Passw0rd!")
                .proposedPassword("New-Passw0rd!"));
        assertThat(signIn("gus@example.com", "New-Passw0rd!").authenticationResult()).isNotNull();
        assertThatThrownBy(() -> signIn("gus@example.com", "Old-Passw0rd!"))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void forgotPasswordWhenCodeConfirmedThenTheNewPasswordSignsIn() {
        confirmedUser("hal@example.com", "Old-Passw0rd!");
        ForgotPasswordResponse sent = cognito.forgotPassword(b -> b.clientId(CLIENT).username("hal@example.com"));
        assertThat(sent.codeDeliveryDetails().destination()).isEqualTo("h***@e***");
        String code = DevOutbox.latestCode(tobira.endpoint(), "hal@example.com", 6);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThatThrownBy(() -> cognito.confirmForgotPassword(b -> b.clientId(CLIENT).username("hal@example.com")
                .confirmationCode(wrong).password("New-Passw0rd!")))
                .isInstanceOf(CodeMismatchException.class)
                .hasMessageStartingWith("Invalid verification code provided, please try again.");
        assertThatThrownBy(() -> cognito.confirmForgotPassword(b -> b.clientId(CLIENT).username("hal@example.com")
                .confirmationCode(code).password("weak")))
                .isInstanceOf(InvalidPasswordException.class);
        cognito.confirmForgotPassword(b -> b.clientId(CLIENT).username("hal@example.com").confirmationCode(code)
                .password("New-Passw0rd!"));
        assertThat(signIn("hal@example.com", "New-Passw0rd!").authenticationResult()).isNotNull();
        assertThatThrownBy(() -> cognito.confirmForgotPassword(b -> b.clientId(CLIENT).username("hal@example.com")
                .confirmationCode(code).password("Other-Passw0rd!")))
                .isInstanceOf(ExpiredCodeException.class)
                .hasMessageStartingWith("Invalid code provided, please request a code again.");
    }

    @Test
    void confirmForgotPasswordWhenNoCodeWasRequestedThenExpiredCode() {
        confirmedUser("ida@example.com", "Old-Passw0rd!");
        assertThatThrownBy(() -> cognito.confirmForgotPassword(b -> b.clientId(CLIENT).username("ida@example.com")
                .confirmationCode("123456").password("New-Passw0rd!")))
                .isInstanceOf(ExpiredCodeException.class);
    }

    @Test
    void forgotPasswordWhenUserUnknownAndExistenceErrorsPreventedThenASimulatedAnswer() {
        ForgotPasswordResponse simulated = cognito.forgotPassword(b -> b.clientId(CLIENT).username("jon@example.com"));
        assertThat(simulated.codeDeliveryDetails().destination()).isEqualTo("j***@e***");
        assertThat(DevOutbox.count(tobira.endpoint(), "jon@example.com")).isZero();
    }
}

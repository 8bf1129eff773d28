package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import tools.jackson.databind.JsonNode;

/**
 * Choice-based sign-in with aws-amplify v6 in node against the dev pool, exactly as an app calls
 * Amplify's Auth category: {@code signUp} without a password and with auto sign-in, {@code confirmSignUp},
 * {@code autoSignIn}, {@code signIn} with {@code authFlowType: 'USER_AUTH'}, {@code confirmSignIn}
 * (see {@code src/test/node/amplify-client.mjs}).
 */
class AmplifyPasswordlessTest {

    private static final String POOL = DevPool.poolId("us-east-1");

    private static RunningTobira tobira;

    @BeforeAll
    static void start() throws Exception {
        CognitoIdentityJs.assumeInstalled();
        tobira = RunningTobira.devInMemory();
    }

    @AfterAll
    static void stop() {
        if (tobira != null) {
            tobira.close();
        }
    }

    private static JsonNode amplify(String scenario, Map<String, String> more) {
        Map<String, Object> request = new HashMap<>(Map.of("scenario", scenario, "endpoint", tobira.endpoint(),
                "userPoolId", POOL, "clientId", DevPool.CLIENT_ID,
                "issuer", tobira.settings().issuerUrl() + "/" + POOL,
                "jwksUri", tobira.endpoint() + "/" + POOL + "/.well-known/jwks.json"));
        request.putAll(more);
        JsonNode result = CognitoIdentityJs.run("amplify-client.mjs", request);
        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
        return result;
    }

    @Test
    void signUpWhenPasswordlessWithAutoSignInThenConfirmSignUpSignsInAndLaterAnEmailedCodeDoes() {
        JsonNode r = amplify("passwordless", Map.of("email", "emi@example.com", "wrongCode", "00000000"));

        assertThat(r.at("/signUp/nextStep/signUpStep").asString()).isEqualTo("CONFIRM_SIGN_UP");
        assertThat(r.at("/signUp/nextStep/codeDeliveryDetails/destination").asString()).isEqualTo("e***@e***");
        assertThat(r.at("/confirmSignUp/nextStep/signUpStep").asString()).isEqualTo("COMPLETE_AUTO_SIGN_IN");
        assertThat(r.at("/autoSignIn/isSignedIn").asBoolean()).isTrue();
        assertThat(r.at("/autoSignIn/tokens/id/claims/email").asString()).isEqualTo("emi@example.com");
        assertThat(r.at("/autoSignIn/tokens/id/claims/email_verified").asBoolean()).isTrue();

        assertThat(r.at("/signIn/nextStep/signInStep").asString()).isEqualTo("CONFIRM_SIGN_IN_WITH_EMAIL_CODE");
        assertThat(r.at("/signIn/nextStep/codeDeliveryDetails/deliveryMedium").asString()).isEqualTo("EMAIL");
        assertThat(r.at("/signIn/nextStep/codeDeliveryDetails/destination").asString()).isEqualTo("e***@e***");
        assertThat(r.at("/wrongCode/code").asString()).isEqualTo("CodeMismatchException");
        assertThat(r.at("/wrongCode/message").asString()).isEqualTo("Invalid code or auth state for the user.");
        assertThat(r.at("/confirmSignIn/isSignedIn").asBoolean()).isTrue();
        assertThat(r.at("/confirmSignIn/nextStep/signInStep").asString()).isEqualTo("DONE");
        assertThat(r.at("/confirmSignIn/tokens/access/claims/username").asString())
                .isEqualTo(r.at("/autoSignIn/tokens/access/claims/username").asString());
        // The sign-up code, then one sign-in code: auto sign-in sent none.
        assertThat(DevOutbox.count(tobira.endpoint(), "emi@example.com")).isEqualTo(2);
    }

    @Test
    void signInWhenUserHasPasswordAndEmailThenFirstFactorSelectionEmailCodeSrpAndPasswordAllSignIn() {
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            cognito.signUp(b -> b.clientId(DevPool.CLIENT_ID).username("pat@example.com").password("Right-Passw0rd!"));
            cognito.confirmSignUp(b -> b.clientId(DevPool.CLIENT_ID).username("pat@example.com")
                    .confirmationCode(DevOutbox.latestCode(tobira.endpoint(), "pat@example.com", 6)));
        }
        JsonNode r = amplify("choose", Map.of("email", "pat@example.com", "password", "Right-Passw0rd!",
                "wrongPassword", "Wrong-Passw0rd!"));

        assertThat(r.at("/select/nextStep/signInStep").asString())
                .isEqualTo("CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION");
        assertThat(r.at("/select/nextStep/availableChallenges").valueStream().map(JsonNode::asString))
                .containsExactly("PASSWORD_SRP", "PASSWORD", "EMAIL_OTP");
        assertThat(r.at("/emailCode/nextStep/signInStep").asString()).isEqualTo("CONFIRM_SIGN_IN_WITH_EMAIL_CODE");
        assertThat(r.at("/signedIn/isSignedIn").asBoolean()).isTrue();
        assertThat(r.at("/srp/isSignedIn").asBoolean()).isTrue();
        assertThat(r.at("/srp/tokens/id/claims/email").asString()).isEqualTo("pat@example.com");
        assertThat(r.at("/passwordStep/nextStep/signInStep").asString()).isEqualTo("CONFIRM_SIGN_IN_WITH_PASSWORD");
        assertThat(r.at("/password/isSignedIn").asBoolean()).isTrue();
        assertThat(r.at("/wrongPassword/code").asString()).isEqualTo("NotAuthorizedException");
        assertThat(r.at("/wrongPassword/message").asString()).isEqualTo("Incorrect username or password.");
    }
}

package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import tools.jackson.databind.JsonNode;

/**
 * The password-then-emailed-code design with amazon-cognito-identity-js, {@code CUSTOM_AUTH}, against the
 * dev pool's built-in tobira-email-otp triggers: SRP, then the code from the dev outbox, then tokens.
 */
class CognitoIdentityJsCustomAuthTest {

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;
    private static final String POOL = DevPool.poolId("us-east-1");

    @BeforeAll
    static void start() throws Exception {
        CognitoIdentityJs.assumeInstalled();
        tobira = RunningTobira.devInMemory();
        cognito = tobira.client();
    }

    @AfterAll
    static void stop() {
        if (tobira != null) {
            cognito.close();
            tobira.close();
        }
    }

    private static void confirmedUser(String email) {
        cognito.signUp(b -> b.clientId(DevPool.CLIENT_ID).username(email).password("Right-Passw0rd!"));
        cognito.confirmSignUp(b -> b.clientId(DevPool.CLIENT_ID).username(email)
                .confirmationCode(DevOutbox.latestCode(tobira.endpoint(), email, 6)));
    }

    private static JsonNode customAuth(String email, String password, List<String> answers) {
        Map<String, Object> request = new HashMap<>(Map.of("scenario", "customAuth", "endpoint", tobira.endpoint(),
                "userPoolId", POOL, "clientId", DevPool.CLIENT_ID, "username", email, "password", password,
                "issuer", tobira.settings().issuerUrl() + "/" + POOL,
                "jwksUri", tobira.endpoint() + "/" + POOL + "/.well-known/jwks.json"));
        request.put("email", email);
        request.put("answers", answers);
        return CognitoIdentityJs.run(request);
    }

    @Test
    void customAuthWhenPasswordAndEmailedCodeAreRightThenVerifiedTokens() {
        confirmedUser("kim@example.com");
        JsonNode result = customAuth("kim@example.com", "Right-Passw0rd!", List.of("$CODE"));
        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
        assertThat(result.get("challenges").get(0).get("email").asString()).isEqualTo("k***@e***");
        assertThat(result.get("tokens").get("id").get("claims").get("email").asString()).isEqualTo("kim@example.com");
        // One sign-up code and one sign-in code: the email went out once the password was proven.
        assertThat(DevOutbox.count(tobira.endpoint(), "kim@example.com")).isEqualTo(2);
    }

    @Test
    void customAuthWhenPasswordWrongThenNotAuthorizedAndNoCodeIsSent() {
        confirmedUser("lin@example.com");
        JsonNode result = customAuth("lin@example.com", "Wrong-Passw0rd!", List.of());
        assertThat(result.get("outcome").asString()).isEqualTo("failure");
        assertThat(result.get("code").asString()).isEqualTo("NotAuthorizedException");
        assertThat(result.get("message").asString()).isEqualTo("Incorrect username or password.");
        assertThat(DevOutbox.count(tobira.endpoint(), "lin@example.com")).isEqualTo(1);
    }

    @Test
    void customAuthWhenCodeWrongThreeTimesThenTheSignInFails() {
        confirmedUser("mo@example.com");
        JsonNode result = customAuth("mo@example.com", "Right-Passw0rd!", List.of("000000x", "000000x", "000000x"));
        assertThat(result.get("outcome").asString()).isEqualTo("failure");
        assertThat(result.get("challenges")).hasSize(3);
        assertThat(result.get("code").asString()).isEqualTo("NotAuthorizedException");
    }
}

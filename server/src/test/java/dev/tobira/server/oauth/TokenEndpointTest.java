package dev.tobira.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.oauth.AuthorizationCodeGrant;
import dev.tobira.core.oauth.ClientCredentialsGrant;
import dev.tobira.core.ops.OAuthFixtures;
import dev.tobira.core.pool.UserPoolClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the token endpoint reads a request (RFC 6749 §2.3, §3.2, §5.2), without HTTP: what the real clients' tests do not reach. */
class TokenEndpointTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final OAuthFixtures f = new OAuthFixtures();
    private final TokenEndpoint endpoint = new TokenEndpoint(new ClientCredentialsGrant(f.t.services),
            new AuthorizationCodeGrant(f.t.services));
    private final UserPoolClient machine;

    TokenEndpointTest() {
        f.resourceServer("orders", "read");
        f.domain("shop");
        machine = f.client(true, List.of("client_credentials"), List.of("orders/read"), null);
    }

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private String answer(String contentType, String authorization, String body) {
        TokenEndpoint.Answer answer = endpoint.token(Optional.of("shop"), contentType, authorization,
                body.getBytes(StandardCharsets.UTF_8));
        return answer.status() + " " + new String(answer.body(), StandardCharsets.UTF_8);
    }

    private String secretBasic() {
        return basic(machine.clientId() + ":" + machine.clientSecret());
    }

    @Test
    void tokenWhenFormHasACharsetParameterThenAccepted() {
        assertThat(answer(FORM + "; charset=UTF-8", secretBasic(), "grant_type=client_credentials"))
                .startsWith("200 {\"access_token\":\"");
    }

    @Test
    void tokenWhenAParameterIsRepeatedThenInvalidRequest() {
        assertThat(answer(FORM, secretBasic(), "grant_type=client_credentials&scope=orders%2Fread&scope=x"))
                .isEqualTo("400 {\"error\":\"invalid_request\"}");
    }

    @Test
    void tokenWhenBasicIsNotBase64OrHasNoColonThenInvalidClient() {
        assertThat(answer(FORM, "Basic !!!", "grant_type=client_credentials"))
                .isEqualTo("400 {\"error\":\"invalid_client\"}");
        assertThat(answer(FORM, basic(machine.clientId()), "grant_type=client_credentials"))
                .isEqualTo("400 {\"error\":\"invalid_client\"}");
    }

    @Test
    void tokenWhenBodyNamesAnotherClientThanBasicThenInvalidClient() {
        assertThat(answer(FORM, secretBasic(), "grant_type=client_credentials&client_id=someoneelse"))
                .isEqualTo("400 {\"error\":\"invalid_client\"}");
    }

    @Test
    void tokenWhenNoClientAtAllThenInvalidClient() {
        assertThat(answer(FORM, null, "grant_type=client_credentials"))
                .isEqualTo("400 {\"error\":\"invalid_client\"}");
    }

    @Test
    void tokenWhenGrantTypeIsPasswordOrAnExtensionThenUnsupportedGrantType() {
        for (String grant : List.of("password", "urn:ietf:params:oauth:grant-type:device_code", "implicit")) {
            assertThat(answer(FORM, secretBasic(), "grant_type=" + grant))
                    .isEqualTo("400 {\"error\":\"unsupported_grant_type\"}");
        }
    }

    @Test
    void tokenWhenBodyIsNotFormEncodedThenInvalidRequest() {
        assertThat(answer(FORM, secretBasic(), "grant_type=%zz")).isEqualTo("400 {\"error\":\"invalid_request\"}");
        assertThat(answer(null, secretBasic(), "grant_type=client_credentials"))
                .isEqualTo("400 {\"error\":\"invalid_request\"}");
    }
}

package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.config.Settings.FunctionFolder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The password-then-emailed-code design with its triggers written in Node.js and run from folders
 * ({@code src/test/node/functions}): Define as an ES module (async), Create as CommonJS calling
 * AdminGetUser and SES v2 SendEmail with the AWS SDK for JavaScript v3 (pointed at Tobira by the
 * worker's {@code AWS_ENDPOINT_URL_*}), Verify in the callback style; signed in by
 * amazon-cognito-identity-js with {@code CUSTOM_AUTH}, tokens verified by jose against the JWKS.
 */
class NodeFunctionFoldersTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";
    private static final String PASSWORD = "Node-Passw0rd!";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningTobira tobira;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void start() throws Exception {
        CognitoIdentityJs.assumeInstalled(CognitoIdentityJs.PROJECT, "amazon-cognito-identity-js", "jose",
                "@aws-sdk/client-sesv2", "@aws-sdk/client-cognito-identity-provider");
        var functions = CognitoIdentityJs.PROJECT.resolve("functions");
        tobira = RunningTobira.devInMemory(new Settings.Triggers(Map.of(), List.of(), Optional.empty(), Map.of(
                "node-define", new FunctionFolder(functions.resolve("define-auth"), Optional.empty()),
                "node-create", new FunctionFolder(functions.resolve("create-auth"), Optional.empty()),
                "node-verify", new FunctionFolder(functions.resolve("verify-auth"), Optional.empty())),
                Map.of(), Map.of()));
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            poolId = cognito.createUserPool(b -> b.poolName("node-functions")
                    .usernameAttributes(UsernameAttributeType.EMAIL)
                    .lambdaConfig(l -> l.defineAuthChallenge(ARN + "node-define")
                            .createAuthChallenge(ARN + "node-create")
                            .verifyAuthChallengeResponse(ARN + "node-verify"))).userPool().id();
            clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("web")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH, ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                    .userPoolClient().clientId();
        }
    }

    @AfterAll
    static void stop() {
        if (tobira != null) {
            tobira.close();
        }
    }

    private static String confirmedUser(String name) {
        String email = name + "@example.com";
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            cognito.adminCreateUser(b -> b.userPoolId(poolId).username(email).messageAction("SUPPRESS")
                    .userAttributes(a -> a.name("email").value(email), a -> a.name("email_verified").value("true")));
            cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username(email).password(PASSWORD).permanent(true));
        }
        return email;
    }

    private static JsonNode customAuth(String email, String password, List<String> answers) {
        Map<String, Object> request = new HashMap<>(Map.of("scenario", "customAuth", "endpoint", tobira.endpoint(),
                "userPoolId", poolId, "clientId", clientId, "username", email, "password", password,
                "issuer", tobira.settings().issuerUrl() + "/" + poolId,
                "jwksUri", tobira.endpoint() + "/" + poolId + "/.well-known/jwks.json"));
        request.put("email", email);
        request.put("answers", answers);
        return CognitoIdentityJs.run(request);
    }

    private static JsonNode sesMessages(String email) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                tobira.endpoint() + "/_aws/ses?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("messages");
    }

    @Test
    @DisplayName("amazon-cognito-identity-js CUSTOM_AUTH with Node.js folder triggers: SRP, the code Create emailed through SES v2, tokens")
    void customAuthWhenTriggersAreNodeFunctionFoldersThenPasswordThenEmailedCodeThenTokens() throws Exception {
        String email = confirmedUser("mio");

        JsonNode result = customAuth(email, PASSWORD, List.of("$CODE"));

        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
        assertThat(result.get("challenges").get(0).get("email").asString()).isEqualTo("mio***");
        assertThat(result.get("tokens").get("id").get("claims").get("email").asString()).isEqualTo(email);
        JsonNode mail = DevOutbox.newest(tobira.endpoint(), email);
        assertThat(mail.get("subject").asString()).isEqualTo("Your sign-in code");
        assertThat(mail.get("body").asString()).contains(result.get("answered").get(0).get("code").asString());
        JsonNode ses = sesMessages(email);
        assertThat(ses).anySatisfy(m -> {
            assertThat(m.get("Source").asString()).isEqualTo("no-reply@example.com");
            assertThat(m.get("Subject").asString()).isEqualTo("Your sign-in code");
        });
    }

    @Test
    @DisplayName("A wrong code: the callback-style Verify says no, the ES-module Define fails the sign-in")
    void customAuthWhenTheCodeIsWrongThenIncorrectUsernameOrPassword() {
        String email = confirmedUser("sora");

        JsonNode result = customAuth(email, PASSWORD, List.of("$WRONG"));

        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("failure");
        assertThat(result.get("code").asString()).isEqualTo("NotAuthorizedException");
        assertThat(result.get("message").asString()).isEqualTo("Incorrect username or password.");
    }

    @Test
    @DisplayName("A wrong password fails at PASSWORD_VERIFIER, and the Create function emails nothing")
    void customAuthWhenThePasswordIsWrongThenRefusedAndNoEmail() {
        String email = confirmedUser("kai");

        JsonNode result = customAuth(email, "Wrong-Passw0rd!", List.of());

        assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("failure");
        assertThat(result.get("message").asString()).isEqualTo("Incorrect username or password.");
        assertThat(DevOutbox.count(tobira.endpoint(), email)).isZero();
    }
}

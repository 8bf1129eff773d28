package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.config.Settings;
import dev.tobira.server.trigger.TestHandlers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreTokenGenerationLambdaVersionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;

/**
 * PreTokenGeneration functions as Java classes written against aws-lambda-java-events, driven by the
 * AWS SDK for Java v2; every token is verified against the pool's JWKS with Nimbus before its claims
 * are read.
 */
class SdkV2SignInTriggersTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    private static final String PASSWORD = "Right-Passw0rd!";

    private static RunningTobira tobira;
    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory(new Settings.Triggers(Map.of(
                "pre-token-v2", TestHandlers.PreTokenV2.class.getName(),
                "pre-token-v1", TestHandlers.PreTokenV1GroupOverride.class.getName(),
                "pre-auth", TestHandlers.PausedPreAuthentication.class.getName()), List.of(), Optional.empty()));
        cognito = tobira.client();
    }

    @AfterAll
    static void stop() {
        if (tobira != null) {
            cognito.close();
            tobira.close();
        }
    }

    private record Pool(String id, String client) {}

    private static Pool pool(LambdaConfigType lambdaConfig) {
        return pool(lambdaConfig, "lou");
    }

    private static Pool pool(LambdaConfigType lambdaConfig, String username) {
        String id = cognito.createUserPool(b -> b.poolName("pre-token").lambdaConfig(lambdaConfig)).userPool().id();
        String client = cognito.createUserPoolClient(b -> b.userPoolId(id).clientName("app").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
        cognito.adminCreateUser(b -> b.userPoolId(id).username(username).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(a -> a.name("email").value("lou@example.com"),
                        a -> a.name("email_verified").value("true")));
        cognito.adminSetUserPassword(b -> b.userPoolId(id).username(username).password(PASSWORD).permanent(true));
        cognito.createGroup(b -> b.userPoolId(id).groupName("staff"));
        cognito.adminAddUserToGroup(b -> b.userPoolId(id).username(username).groupName("staff"));
        return new Pool(id, client);
    }

    private static List<AuthenticationResultType> signInAndRefresh(Pool pool) {
        AuthenticationResultType signedIn = cognito.initiateAuth(b -> b.clientId(pool.client())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "lou", "PASSWORD", PASSWORD))).authenticationResult();
        AuthenticationResultType refreshed = cognito.initiateAuth(b -> b.clientId(pool.client())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", signedIn.refreshToken()))).authenticationResult();
        return List.of(signedIn, refreshed);
    }

    private static JWTClaimsSet verified(String poolId, String jwt) throws Exception {
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(tobira.endpoint() + "/" + poolId + "/.well-known/jwks.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        SignedJWT token = SignedJWT.parse(jwt);
        RSAKey key = JWKSet.parse(jwks.body()).getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey();
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
        return token.getJWTClaimsSet();
    }

    @Test
    @DisplayName("A V2_0 function adds a claim and a scope to the access token and suppresses a claim in the ID "
            + "token, on sign-in and on refresh")
    void signInAndRefreshWhenV2FunctionThenAccessTokenGetsClaimAndScopeAndIdTokenLosesEmail() throws Exception {
        Pool pool = pool(LambdaConfigType.builder().preTokenGenerationConfig(c -> c
                .lambdaVersion(PreTokenGenerationLambdaVersionType.V2_0).lambdaArn(ARN + "pre-token-v2")).build());

        assertThat(cognito.describeUserPool(b -> b.userPoolId(pool.id())).userPool().lambdaConfig()
                .preTokenGenerationConfig().lambdaVersion()).isEqualTo(PreTokenGenerationLambdaVersionType.V2_0);
        for (AuthenticationResultType tokens : signInAndRefresh(pool)) {
            JWTClaimsSet access = verified(pool.id(), tokens.accessToken());
            assertThat(access.getStringClaim("tenant")).isEqualTo("acme");
            assertThat(access.getStringClaim("scope")).isEqualTo("aws.cognito.signin.user.admin orders/read");
            JWTClaimsSet id = verified(pool.id(), tokens.idToken());
            assertThat(id.getClaims()).doesNotContainKey("email").containsEntry("email_verified", true)
                    .doesNotContainKey("tenant");
        }
        // The added scope does not stop the token from working where Cognito's own scope is needed.
        String accessToken = signInAndRefresh(pool).getFirst().accessToken();
        assertThat(cognito.getUser(b -> b.accessToken(accessToken)).username()).isEqualTo("lou");
    }

    @Test
    @DisplayName("A V1_0 function overrides the user's groups in both tokens, on sign-in and on refresh")
    void signInAndRefreshWhenV1FunctionOverridesGroupsThenTokensCarryItsGroups() throws Exception {
        Pool pool = pool(LambdaConfigType.builder().preTokenGeneration(ARN + "pre-token-v1").build());

        for (AuthenticationResultType tokens : signInAndRefresh(pool)) {
            JWTClaimsSet id = verified(pool.id(), tokens.idToken());
            assertThat(id.getStringListClaim("cognito:groups")).containsExactly("editors");
            assertThat(id.getStringClaim("tenant")).isEqualTo("acme");
            assertThat(verified(pool.id(), tokens.accessToken()).getStringListClaim("cognito:groups"))
                    .containsExactly("editors");
        }
    }

    @Test
    @DisplayName("A PreAuthentication function that throws refuses sign-in with Cognito's exact error")
    void signInWhenPreAuthenticationThrowsThenUserLambdaValidationException() {
        Pool pool = pool(LambdaConfigType.builder().preAuthentication(ARN + "pre-auth").build(), "max");

        CognitoErrors.assertCognitoError(() -> cognito.initiateAuth(b -> b.clientId(pool.client())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "max", "PASSWORD", PASSWORD))),
                UserLambdaValidationException.class, "PreAuthentication failed with error Sign-in is paused.");
    }

    /**
     * amazon-cognito-identity-js signs in ({@code USER_PASSWORD_AUTH}) and, its cached tokens made stale,
     * refreshes with {@code REFRESH_TOKEN_AUTH}; jose's {@code createRemoteJWKSet} + {@code jwtVerify}
     * check every token against the pool's JWKS and issuer (cognito-client.mjs, scenario "session").
     */
    private static JsonNode joseVerifiedSession(Pool pool) throws Exception {
        CognitoIdentityJs.assumeInstalled();
        JsonNode result = CognitoIdentityJs.run(Map.of("scenario", "session", "endpoint", tobira.endpoint(),
                "userPoolId", pool.id(), "clientId", pool.client(), "username", "lou", "password", PASSWORD,
                "flow", "USER_PASSWORD_AUTH", "issuer", tobira.endpoint() + "/" + pool.id(),
                "jwksUri", tobira.endpoint() + "/" + pool.id() + "/.well-known/jwks.json"));
        assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("success");
        return result;
    }

    @Test
    @DisplayName("V2_0: the added claim and scope and the suppressed claim, checked with jose against the JWKS on "
            + "sign-in and refresh")
    void signInAndRefreshWhenV2FunctionThenJoseVerifiesClaimAndScopeAddedAndEmailSuppressed() throws Exception {
        Pool pool = pool(LambdaConfigType.builder().preTokenGenerationConfig(c -> c
                .lambdaVersion(PreTokenGenerationLambdaVersionType.V2_0).lambdaArn(ARN + "pre-token-v2")).build());

        JsonNode result = joseVerifiedSession(pool);

        for (String step : List.of("signIn", "refreshed")) {
            JsonNode access = result.path(step).path("access").path("claims");
            assertThat(access.path("tenant").asString()).as(step).isEqualTo("acme");
            assertThat(access.path("scope").asString()).as(step).isEqualTo("aws.cognito.signin.user.admin orders/read");
            JsonNode id = result.path(step).path("id").path("claims");
            assertThat(id.has("email")).as(step + ": email suppressed in the ID token").isFalse();
            assertThat(id.path("email_verified").asBoolean()).as(step).isTrue();
            assertThat(id.has("tenant")).as(step).isFalse();
        }
        assertThat(result.path("refreshed").path("access").path("claims").path("jti").asString())
                .as("the refresh issued new tokens")
                .isNotEqualTo(result.path("signIn").path("access").path("claims").path("jti").asString());
    }

    @Test
    @DisplayName("V1_0: the overridden groups in both tokens, checked with jose against the JWKS on sign-in and refresh")
    void signInAndRefreshWhenV1FunctionOverridesGroupsThenJoseVerifiesTheirGroups() throws Exception {
        Pool pool = pool(LambdaConfigType.builder().preTokenGeneration(ARN + "pre-token-v1").build());

        JsonNode result = joseVerifiedSession(pool);

        for (String step : List.of("signIn", "refreshed")) {
            JsonNode id = result.path(step).path("id").path("claims");
            assertThat(id.path("cognito:groups").valueStream().map(JsonNode::asString).toList()).as(step)
                    .containsExactly("editors");
            assertThat(id.path("tenant").asString()).as(step).isEqualTo("acme");
            assertThat(result.path(step).path("access").path("claims").path("cognito:groups").valueStream()
                    .map(JsonNode::asString).toList()).as(step).containsExactly("editors");
        }
    }
}

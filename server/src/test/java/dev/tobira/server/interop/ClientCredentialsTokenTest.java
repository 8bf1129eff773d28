package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tobira.server.RunningTobira;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /oauth2/token} with {@code grant_type=client_credentials}, driven by java.net.http and by
 * curl, against a pool set up with the AWS SDK for Java v2: a resource server {@code orders} with
 * {@code read} and {@code write}, the prefix domain {@code shop}, a machine client, a browser client and
 * a confidential client without the flow.
 */
class ClientCredentialsTokenTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningTobira tobira;
    private static String poolId;
    private static UserPoolClientType machine;
    private static UserPoolClientType browser;
    private static UserPoolClientType web;

    @BeforeAll
    static void setUp() {
        tobira = RunningTobira.devInMemory();
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            poolId = cognito.createUserPool(b -> b.poolName("machines")).userPool().id();
            cognito.createResourceServer(b -> b.userPoolId(poolId).identifier("orders").name("Orders")
                    .scopes(ResourceServerScopeType.builder().scopeName("read").scopeDescription("Read").build(),
                            ResourceServerScopeType.builder().scopeName("write").scopeDescription("Write").build()));
            cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain("shop"));
            machine = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("machine").generateSecret(true)
                    .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes("orders/read", "orders/write").supportedIdentityProviders("COGNITO"))
                    .userPoolClient();
            browser = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("browser")
                    .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes("openid", "orders/read").callbackURLs("http://localhost:3000/cb")
                    .supportedIdentityProviders("COGNITO")).userPoolClient();
            web = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("web").generateSecret(true)
                    .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes("openid", "orders/read").callbackURLs("https://app.example.com/cb")
                    .supportedIdentityProviders("COGNITO")).userPoolClient();
        }
    }

    @AfterAll
    static void stop() {
        tobira.close();
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String path, String authorization, String form) throws Exception {
        return OAuthHttp.postForm(tobira.endpoint() + path, authorization, form);
    }

    /** What an API protected by the pool does: keys from the JWKS, RS256, exact iss, an access token. */
    private static JWTClaimsSet verified(String accessToken) throws Exception {
        JsonNode discovery = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(
                tobira.endpoint() + "/" + poolId + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(URI.create(discovery.get("jwks_uri").asString()).toURL(),
                        // Nimbus's 500 ms read timeout is too short on a loaded test machine.
                        new com.nimbusds.jose.util.DefaultResourceRetriever(10_000, 10_000))
                        .retrying(false).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(discovery.get("issuer").asString())
                        .claim("token_use", "access").build(),
                Set.of("sub", "exp", "iat", "jti", "client_id", "scope", "auth_time", "version")));
        return processor.process(accessToken, null);
    }

    @Test
    void tokenWhenBasicAuthAndResourceServerScopeThenAccessTokenThatVerifiesAgainstTheJwks() throws Exception {
        HttpResponse<String> response = post("/shop/oauth2/token", basic(machine.clientId(), machine.clientSecret()),
                "grant_type=client_credentials&scope=orders%2Fread");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.propertyNames()).containsExactly("access_token", "expires_in", "token_type");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");

        JWTClaimsSet claims = verified(body.get("access_token").asString());
        assertThat(claims.getSubject()).isEqualTo(machine.clientId());
        assertThat(claims.getStringClaim("client_id")).isEqualTo(machine.clientId());
        assertThat(claims.getStringClaim("scope")).isEqualTo("orders/read");
        assertThat(claims.getLongClaim("version")).isEqualTo(2);
        assertThat(claims.getClaims()).doesNotContainKeys("username", "cognito:username", "email", "aud");
    }

    @Test
    void tokenWhenCredentialsInTheBodyAtTheDiscoveredEndpointAndNoScopeThenAllTheClientsScopes() throws Exception {
        JsonNode discovery = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(
                tobira.endpoint() + "/" + poolId + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String tokenEndpoint = discovery.get("token_endpoint").asString();
        assertThat(tokenEndpoint).isEqualTo(tobira.endpoint() + "/shop/oauth2/token");
        HttpResponse<String> response = post(tokenEndpoint.substring(tobira.endpoint().length()), null,
                "grant_type=client_credentials&client_id=" + machine.clientId() + "&client_secret="
                        + machine.clientSecret());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(verified(JSON.readTree(response.body()).get("access_token").asString()).getStringClaim("scope"))
                .isEqualTo("orders/read orders/write");
    }

    @Test
    void tokenWhenNoDomainInThePathThenTheClientNamesThePool() throws Exception {
        HttpResponse<String> response = post("/oauth2/token", basic(machine.clientId(), machine.clientSecret()),
                "grant_type=client_credentials&scope=orders%2Fwrite");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void tokenWhenRefusedThenCognitosErrorsAsJson() throws Exception {
        Map<String, HttpResponse<String>> refused = Map.of(
                "invalid_client", post("/shop/oauth2/token", basic(machine.clientId(), "wrong"),
                        "grant_type=client_credentials"),
                "invalid_scope", post("/shop/oauth2/token", basic(machine.clientId(), machine.clientSecret()),
                        "grant_type=client_credentials&scope=orders%2Fdelete"),
                "unauthorized_client", post("/shop/oauth2/token", basic(web.clientId(), web.clientSecret()),
                        "grant_type=client_credentials&scope=orders%2Fread"),
                "unsupported_grant_type", post("/shop/oauth2/token", basic(machine.clientId(), machine.clientSecret()),
                        "grant_type=password&username=a&password=b"),
                "invalid_request", post("/shop/oauth2/token", basic(machine.clientId(), machine.clientSecret()),
                        "scope=orders%2Fread"));
        refused.forEach((error, response) -> {
            assertThat(response.statusCode()).as(error).isEqualTo(400);
            assertThat(response.body()).as(error).isEqualTo("{\"error\":\"" + error + "\"}");
        });
        HttpResponse<String> publicClient = post("/shop/oauth2/token", null,
                "grant_type=client_credentials&client_id=" + browser.clientId());
        assertThat(publicClient.body()).isEqualTo("{\"error\":\"invalid_client\"}");
        HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(URI.create(tobira.endpoint() + "/shop/oauth2/token"))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(machine.clientId(), machine.clientSecret()))
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).isEqualTo("{\"error\":\"invalid_request\"}");
    }

    /** curl, as the Cognito documentation's examples call the endpoint: {@code -u id:secret -d …}. */
    private static Processes.Result curl(String user, String... data) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-w", "\n%{http_code}", "-X", "POST",
                tobira.endpoint() + "/shop/oauth2/token", "-H", "Content-Type: application/x-www-form-urlencoded"));
        if (user != null) {
            command.addAll(List.of("-u", user));
        }
        for (String d : data) {
            command.addAll(List.of("-d", d));
        }
        return Processes.run(command, Map.of());
    }

    private static List<String> bodyAndStatus(Processes.Result result) {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return List.of(result.stdout().substring(0, result.stdout().lastIndexOf('\n')),
                result.stdout().substring(result.stdout().lastIndexOf('\n') + 1));
    }

    @Test
    void tokenWhenCalledWithCurlThenTokenAndExactErrors() throws Exception {
        String machineUser = machine.clientId() + ":" + machine.clientSecret();
        List<String> ok = bodyAndStatus(curl(machineUser, "grant_type=client_credentials", "scope=orders/read"));
        assertThat(ok.get(1)).isEqualTo("200");
        assertThat(verified(JSON.readTree(ok.get(0)).get("access_token").asString()).getStringClaim("scope"))
                .isEqualTo("orders/read");

        assertThat(bodyAndStatus(curl(machine.clientId() + ":wrong", "grant_type=client_credentials")))
                .containsExactly("{\"error\":\"invalid_client\"}", "400");
        assertThat(bodyAndStatus(curl(machineUser, "grant_type=client_credentials", "scope=orders/delete")))
                .containsExactly("{\"error\":\"invalid_scope\"}", "400");
        assertThat(bodyAndStatus(curl(null, "grant_type=client_credentials", "client_id=" + browser.clientId())))
                .containsExactly("{\"error\":\"invalid_client\"}", "400");
        assertThat(bodyAndStatus(curl(web.clientId() + ":" + web.clientSecret(), "grant_type=client_credentials",
                "scope=orders/read")))
                .containsExactly("{\"error\":\"unauthorized_client\"}", "400");
    }
}

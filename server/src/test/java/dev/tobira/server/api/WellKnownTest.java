package dev.tobira.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.token.IssuedTokens;
import dev.tobira.core.token.SigningKeys;
import dev.tobira.core.token.TokenIssuer;
import dev.tobira.core.token.TokenRequest;
import dev.tobira.core.token.TokenUse;
import dev.tobira.core.user.User;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import dev.tobira.server.store.JdbcStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JWKS and OpenID Connect discovery documents (spec §6.2), served by a running server. */
class WellKnownTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String POOL = DevPool.poolId("us-east-1");

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Origin", "http://app.example").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static List<String> kids(JsonNode jwks) {
        List<String> kids = new ArrayList<>();
        jwks.get("keys").forEach(k -> kids.add(k.get("kid").asString()));
        return kids;
    }

    /** Tokens for a new user of the dev pool, issued by the server's own {@link TokenIssuer}. */
    private static IssuedTokens signIn(RunningTobira tobira, CognitoIdentityProviderClient cognito, String email) {
        String username = cognito.adminCreateUser(b -> b.userPoolId(POOL).username(email)
                        .messageAction(MessageActionType.SUPPRESS)
                        .userAttributes(AttributeType.builder().name("email").value(email).build(),
                                AttributeType.builder().name("email_verified").value("true").build()))
                .user().username();
        JdbcStores stores = tobira.bean(JdbcStores.class);
        UserPoolClient client = stores.clients().find(DevPool.CLIENT_ID).orElseThrow();
        User user = stores.users().find(POOL, username, false).orElseThrow();
        TokenIssuer issuer = tobira.bean(TokenIssuer.class);
        return issuer.issue(new TokenRequest(client, user, issuer.newAuthentication()));
    }

    /** What an API that trusts the pool does: RS256 keys from the JWKS URL, exact iss and token_use. */
    private static DefaultJWTProcessor<SecurityContext> verifier(RunningTobira tobira, TokenUse use) throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(URI.create(tobira.endpoint() + "/" + POOL + "/.well-known/jwks.json").toURL())
                .retrying(false)
                .build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        JWTClaimsSet exact = new JWTClaimsSet.Builder()
                .issuer(tobira.endpoint() + "/" + POOL)
                .claim("token_use", use == TokenUse.ID ? "id" : "access")
                .build();
        processor.setJWTClaimsSetVerifier(use == TokenUse.ID
                ? new DefaultJWTClaimsVerifier<>(DevPool.CLIENT_ID, exact,
                        Set.of("sub", "exp", "iat", "jti", "auth_time", "cognito:username", "origin_jti", "event_id"))
                : new DefaultJWTClaimsVerifier<>(exact,
                        Set.of("sub", "exp", "iat", "jti", "auth_time", "client_id", "username", "scope")));
        return processor;
    }

    @Test
    @DisplayName("A token issued by the server verifies with Nimbus against the pool's JWKS URL")
    void jwksWhenTokensIssuedByTheServerThenTheyVerifyAgainstTheJwksUrl() throws Exception {
        try (RunningTobira tobira = RunningTobira.devInMemory(); var cognito = tobira.client()) {
            IssuedTokens tokens = signIn(tobira, cognito, "carol@example.com");

            JWTClaimsSet id = verifier(tobira, TokenUse.ID).process(tokens.idToken(), null);
            assertThat(id.getAudience()).containsExactly(DevPool.CLIENT_ID);
            assertThat(id.getClaim("email")).isEqualTo("carol@example.com");
            assertThat(id.getClaim("email_verified")).isEqualTo(true);
            assertThat(id.getJWTID()).isEqualTo(tokens.idTokenJti());

            JWTClaimsSet access = verifier(tobira, TokenUse.ACCESS).process(tokens.accessToken(), null);
            assertThat(access.getClaim("client_id")).isEqualTo(DevPool.CLIENT_ID);
            assertThat(access.getClaim("scope")).isEqualTo("aws.cognito.signin.user.admin");
            assertThat(access.getAudience()).isEmpty();
            assertThat(access.getSubject()).isEqualTo(id.getSubject());

            // The ID token is no access token: exact-match token_use refuses it, and so does the server.
            assertThatThrownBy(() -> verifier(tobira, TokenUse.ACCESS).process(tokens.idToken(), null))
                    .isInstanceOf(BadJOSEException.class);
            String forged = tokens.accessToken().substring(0, tokens.accessToken().lastIndexOf('.') + 1)
                    + tokens.idToken().substring(tokens.idToken().lastIndexOf('.') + 1);
            assertThatThrownBy(() -> verifier(tobira, TokenUse.ACCESS).process(forged, null))
                    .isInstanceOf(BadJOSEException.class);
            assertThat(tobira.bean(TokenIssuer.class).verifyAccessToken(tokens.accessToken()).username())
                    .isEqualTo(id.getClaim("cognito:username"));
        }
    }

    @Test
    @DisplayName("JWKS: {\"keys\":[{kid, alg RS256, kty RSA, e, n, use sig}]}, one ID and one access key, public parts only")
    void jwksWhenRequestedThenTheIdAndAccessKeysWithExactlyCognitosMembers() throws Exception {
        try (RunningTobira tobira = RunningTobira.devInMemory()) {
            HttpResponse<String> response = get(tobira.endpoint() + "/" + POOL + "/.well-known/jwks.json");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/json"));
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("http://app.example");
            JsonNode jwks = json(response);
            assertThat(jwks.propertyNames()).containsExactly("keys");
            assertThat(jwks.get("keys")).hasSize(2);
            for (JsonNode key : jwks.get("keys")) {
                assertThat(key.propertyNames()).containsExactly("kid", "alg", "kty", "e", "n", "use");
                assertThat(key.get("kid").asString()).matches("[A-Za-z0-9+/]{43}=");
                assertThat(key.get("alg").asString()).isEqualTo("RS256");
                assertThat(key.get("kty").asString()).isEqualTo("RSA");
                assertThat(key.get("e").asString()).isEqualTo("AQAB");
                assertThat(key.get("n").asString()).matches("[A-Za-z0-9_-]{342}");
                assertThat(key.get("use").asString()).isEqualTo("sig");
            }
            SigningKeys keys = tobira.bean(SigningKeys.class);
            assertThat(kids(jwks)).containsExactly(keys.current(POOL, TokenUse.ID).kid(),
                    keys.current(POOL, TokenUse.ACCESS).kid());
            assertThat(kids(json(get(tobira.endpoint() + "/" + POOL + "/.well-known/jwks.json"))))
                    .isEqualTo(kids(jwks));
        }
    }

    @Test
    void jwksWhenAKeyIsRotatedThenTheOldKeyStaysPublishedAndItsTokensVerify() throws Exception {
        try (RunningTobira tobira = RunningTobira.devInMemory(); var cognito = tobira.client()) {
            IssuedTokens before = signIn(tobira, cognito, "dave@example.com");
            String jwksUrl = tobira.endpoint() + "/" + POOL + "/.well-known/jwks.json";
            List<String> oldKids = kids(json(get(jwksUrl)));

            String newKid = tobira.bean(SigningKeys.class).rotate(POOL, TokenUse.ACCESS).kid();
            List<String> afterRotation = kids(json(get(jwksUrl)));
            assertThat(afterRotation).hasSize(3).containsAll(oldKids).contains(newKid);

            IssuedTokens after = signIn(tobira, cognito, "erin@example.com");
            assertThat(verifier(tobira, TokenUse.ACCESS).process(before.accessToken(), null).getJWTID())
                    .isEqualTo(before.accessTokenJti());
            assertThat(verifier(tobira, TokenUse.ACCESS).process(after.accessToken(), null).getJWTID())
                    .isEqualTo(after.accessTokenJti());
        }
    }

    @Test
    void jwksWhenThePoolIsNewThenItsKeysAreCreatedOnTheFirstRequest() throws Exception {
        try (RunningTobira tobira = RunningTobira.devInMemory(); var cognito = tobira.client()) {
            String pool = cognito.createUserPool(b -> b.poolName("fresh")).userPool().id();
            assertThat(tobira.bean(SigningKeys.class).published(pool)).isEmpty();
            JsonNode jwks = json(get(tobira.endpoint() + "/" + pool + "/.well-known/jwks.json"));
            assertThat(kids(jwks)).hasSize(2).doesNotHaveDuplicates()
                    .doesNotContainAnyElementsOf(kids(json(get(tobira.endpoint() + "/" + POOL
                            + "/.well-known/jwks.json"))));
        }
    }

    @Test
    @DisplayName("Keys live in the database: the same JWKS after a restart, and earlier tokens still verify")
    void jwksWhenTheServerRestartsThenTheSameKeysAndEarlierTokensVerify(@TempDir Path dataDir) throws Exception {
        List<String> kids;
        IssuedTokens tokens;
        try (RunningTobira tobira = RunningTobira.dev(dataDir); var cognito = tobira.client()) {
            tokens = signIn(tobira, cognito, "frank@example.com");
            kids = kids(json(get(tobira.endpoint() + "/" + POOL + "/.well-known/jwks.json")));
        }
        try (RunningTobira tobira = RunningTobira.dev(dataDir)) {
            // Another port, so another issuer URL: compare keys, and verify with the restarted server's keys.
            assertThat(kids(json(get(tobira.endpoint() + "/" + POOL + "/.well-known/jwks.json")))).isEqualTo(kids);
            SigningKeys keys = tobira.bean(SigningKeys.class);
            String accessKid = com.nimbusds.jwt.SignedJWT.parse(tokens.accessToken()).getHeader().getKeyID();
            assertThat(com.nimbusds.jwt.SignedJWT.parse(tokens.accessToken())
                    .verify(new com.nimbusds.jose.crypto.RSASSAVerifier(
                            keys.find(accessKid).orElseThrow().publicJwk()))).isTrue();
        }
    }

    @Test
    @DisplayName("Discovery: issuer equals the tokens' iss; jwks_uri; no endpoints Tobira does not serve")
    void openidConfigurationWhenRequestedThenIssuerJwksUriAndNoUnservedEndpoints() throws Exception {
        try (RunningTobira tobira = RunningTobira.devInMemory(); var cognito = tobira.client()) {
            HttpResponse<String> response = get(tobira.endpoint() + "/" + POOL + "/.well-known/openid-configuration");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/json"));
            String issuer = tobira.endpoint() + "/" + POOL;
            assertThat(JSON.readValue(response.body(), Map.class)).isEqualTo(Map.of(
                    "code_challenge_methods_supported", List.of("S256", "plain"),
                    "grant_types_supported", List.of("authorization_code", "implicit", "refresh_token",
                            "client_credentials"),
                    "id_token_signing_alg_values_supported", List.of("RS256"),
                    "issuer", issuer,
                    "jwks_uri", issuer + "/.well-known/jwks.json",
                    "response_types_supported", List.of("code", "token"),
                    "scopes_supported", List.of("openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"),
                    "subject_types_supported", List.of("public"),
                    "token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post")));

            IssuedTokens tokens = signIn(tobira, cognito, "gail@example.com");
            JsonNode document = json(response);
            assertThat(com.nimbusds.jwt.SignedJWT.parse(tokens.idToken()).getJWTClaimsSet().getIssuer())
                    .isEqualTo(document.get("issuer").asString());
            assertThat(get(document.get("jwks_uri").asString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("Unknown pool: 404 {\"__type\":\"ResourceNotFoundException\",\"message\":\"User pool … does not exist.\"}")
    void wellKnownWhenThePoolDoesNotExistThenResourceNotFound() throws Exception {
        try (RunningTobira tobira = RunningTobira.devInMemory()) {
            for (String document : List.of("jwks.json", "openid-configuration")) {
                HttpResponse<String> response = get(tobira.endpoint() + "/us-east-1_Nope12345/.well-known/" + document);
                assertThat(response.statusCode()).isEqualTo(404);
                assertThat(JSON.readValue(response.body(), Map.class)).isEqualTo(Map.of(
                        "__type", "ResourceNotFoundException",
                        "message", "User pool us-east-1_Nope12345 does not exist."));
            }
            assertThat(tobira.bean(SigningKeys.class).published("us-east-1_Nope12345")).isEmpty();
        }
    }
}

package dev.tobira.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tobira.core.oauth.AuthorizationRequest;
import dev.tobira.core.oauth.Authorizations;
import dev.tobira.server.AdjustableClock;
import dev.tobira.server.RunningTobira;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OAuth 2.0 / OIDC endpoints over HTTP with java.net.http (and curl for the token endpoint's errors):
 * {@code /shop/oauth2/authorize} → sign-in through the API and {@link Authorizations#complete} (what the managed
 * login does) → {@code /oauth2/token} → {@code /oauth2/userInfo} → refresh → {@code /oauth2/revoke}, and every
 * refusal. ID tokens are verified with Nimbus against the pool's JWKS.
 */
class OAuthEndpointsTest {

    private static final HttpClient HTTP = OAuthHttp.HTTP;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SPA_CALLBACK = "http://localhost:3000/cb";
    private static final String WEB_CALLBACK = "https://app.example.com/cb";
    private static final String PASSWORD = "Right-Passw0rd!";
    private static final String VERIFIER = "M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag";

    private static final AdjustableClock CLOCK = new AdjustableClock();
    private static RunningTobira tobira;
    private static String poolId;
    private static UserPoolClientType spa;
    private static UserPoolClientType web;
    private static UserPoolClientType machine;

    @BeforeAll
    static void setUp() {
        tobira = RunningTobira.devInMemory(RunningTobira.TEST_LIMITS, CLOCK);
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            poolId = cognito.createUserPool(b -> b.poolName("oidc")).userPool().id();
            cognito.createResourceServer(b -> b.userPoolId(poolId).identifier("orders").name("Orders")
                    .scopes(ResourceServerScopeType.builder().scopeName("read").scopeDescription("Read").build()));
            cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain("shop"));
            spa = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("spa")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                    .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes("openid", "email", "profile", "orders/read").callbackURLs(SPA_CALLBACK)
                    .supportedIdentityProviders("COGNITO")).userPoolClient();
            web = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("web").generateSecret(true)
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                    .allowedOAuthFlows(OAuthFlowType.CODE, OAuthFlowType.IMPLICIT).allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes("openid", "email").callbackURLs(WEB_CALLBACK)
                    .supportedIdentityProviders("COGNITO")).userPoolClient();
            machine = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("machine").generateSecret(true)
                    .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes("orders/read").supportedIdentityProviders("COGNITO")).userPoolClient();
            cognito.adminCreateUser(u -> u.userPoolId(poolId).username("mei").messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(AttributeType.builder().name("email").value("mei@example.com").build(),
                            AttributeType.builder().name("email_verified").value("true").build(),
                            AttributeType.builder().name("name").value("Mei").build()));
            cognito.adminSetUserPassword(u -> u.userPoolId(poolId).username("mei").password(PASSWORD).permanent(true));
        }
    }

    @AfterAll
    static void stop() {
        tobira.close();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static HttpResponse<String> get(String pathAndQuery, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tobira.endpoint() + pathAndQuery));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String authorization, String form) throws Exception {
        return OAuthHttp.postForm(tobira.endpoint() + path, authorization, form);
    }

    private static String basic(UserPoolClientType client) {
        return "Basic " + Base64.getEncoder().encodeToString((client.clientId() + ":" + client.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
    }

    static String form(String... pairs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", out);
    }

    static Map<String, String> decode(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The API sign-in the managed login page makes for the client. */
    private static String apiAccessToken(UserPoolClientType client) {
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            if (client.clientSecret() == null) {
                return cognito.initiateAuth(b -> b.clientId(client.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", "mei", "PASSWORD", PASSWORD)))
                        .authenticationResult().accessToken();
            }
            return cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(client.clientId())
                    .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "mei", "PASSWORD", PASSWORD, "SECRET_HASH",
                            secretHash(client)))).authenticationResult().accessToken();
        }
    }

    private static String secretHash(UserPoolClientType client) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(client.clientSecret().getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(("mei" + client.clientId())
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code GET /shop/oauth2/authorize?query} must redirect to {@code /shop/login?query}; then what the login page
     * does: validate the same query, sign in, complete. Returns where the browser goes.
     */
    private static URI authorizeAndSignIn(UserPoolClientType client, String query) throws Exception {
        HttpResponse<String> authorize = get("/shop/oauth2/authorize?" + query, null);
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location")).contains("/shop/login?" + query);
        Authorizations authorizations = tobira.bean(Authorizations.class);
        AuthorizationRequest request = authorizations.validate("shop", decode(query));
        return authorizations.complete(request, apiAccessToken(client));
    }

    private static String spaCode(String nonce) throws Exception {
        URI back = authorizeAndSignIn(spa, form("response_type", "code", "client_id", spa.clientId(), "redirect_uri",
                SPA_CALLBACK, "scope", "openid email orders/read", "state", "st/1", "nonce", nonce, "code_challenge",
                s256(VERIFIER), "code_challenge_method", "S256"));
        assertThat(back.toString()).startsWith(SPA_CALLBACK + "?code=");
        Map<String, String> params = decode(back.getRawQuery());
        assertThat(params).containsEntry("state", "st/1");
        return params.get("code");
    }

    private static String webCode() throws Exception {
        URI back = authorizeAndSignIn(web, form("response_type", "code", "client_id", web.clientId(), "redirect_uri",
                WEB_CALLBACK));
        return decode(back.getRawQuery()).get("code");
    }

    private static String errorOf(HttpResponse<String> response) {
        return response.statusCode() + " " + response.body();
    }

    private static JsonNode discovery() throws Exception {
        return JSON.readTree(get("/" + poolId + "/.well-known/openid-configuration", null).body());
    }

    /** What a relying party does with an ID token: JWKS from discovery, RS256, exact iss and aud. */
    private static JWTClaimsSet verifiedIdToken(String idToken, String clientId) throws Exception {
        JsonNode discovery = discovery();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(URI.create(discovery.get("jwks_uri").asString()).toURL(),
                        // Nimbus's 500 ms read timeout is too short on a loaded test machine.
                        new com.nimbusds.jose.util.DefaultResourceRetriever(10_000, 10_000))
                        .retrying(false).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().issuer(discovery.get("issuer").asString()).claim("token_use", "id").build(),
                Set.of("sub", "exp", "iat", "auth_time", "at_hash")));
        return processor.process(idToken, null);
    }

    // --- tests -------------------------------------------------------------------------------------------------

    @Test
    void discoveryWhenThePoolHasADomainThenEveryEndpointUnderIt() throws Exception {
        JsonNode d = discovery();
        String base = tobira.endpoint() + "/shop";
        assertThat(d.get("issuer").asString()).isEqualTo(tobira.endpoint() + "/" + poolId);
        assertThat(d.get("authorization_endpoint").asString()).isEqualTo(base + "/oauth2/authorize");
        assertThat(d.get("token_endpoint").asString()).isEqualTo(base + "/oauth2/token");
        assertThat(d.get("userinfo_endpoint").asString()).isEqualTo(base + "/oauth2/userInfo");
        assertThat(d.get("revocation_endpoint").asString()).isEqualTo(base + "/oauth2/revoke");
        assertThat(d.get("end_session_endpoint").asString()).isEqualTo(base + "/logout");
        assertThat(d.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\",\"plain\"]");
    }

    @Test
    void codeFlowWhenPublicClientWithPkceThenTokensUserInfoRefreshAndRevoke() throws Exception {
        String code = spaCode("n-0S6_WzA2Mj");
        HttpResponse<String> token = post("/shop/oauth2/token", null, form("grant_type", "authorization_code",
                "client_id", spa.clientId(), "code", code, "redirect_uri", SPA_CALLBACK, "code_verifier", VERIFIER));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(token.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode tokens = JSON.readTree(token.body());
        assertThat(tokens.propertyNames()).containsExactly("id_token", "access_token", "refresh_token", "expires_in",
                "token_type");
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asInt()).isEqualTo(3600);

        String accessToken = tokens.get("access_token").asString();
        JWTClaimsSet id = verifiedIdToken(tokens.get("id_token").asString(), spa.clientId());
        assertThat(id.getStringClaim("nonce")).isEqualTo("n-0S6_WzA2Mj");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        assertThat(id.getStringClaim("at_hash")).isEqualTo(
                Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)));
        assertThat(id.getStringClaim("email")).isEqualTo("mei@example.com");
        assertThat(id.getStringClaim("cognito:username")).isEqualTo("mei");
        JWTClaimsSet access = com.nimbusds.jwt.SignedJWT.parse(accessToken).getJWTClaimsSet();
        assertThat(access.getStringClaim("scope")).isEqualTo("openid email orders/read");

        HttpResponse<String> info = get("/shop/oauth2/userInfo", "Bearer " + accessToken);
        assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
        JsonNode claims = JSON.readTree(info.body());
        assertThat(claims.propertyNames()).containsExactlyInAnyOrder("sub", "email", "email_verified", "username");
        assertThat(claims.get("sub").asString()).isEqualTo(id.getSubject());
        assertThat(claims.get("email").asString()).isEqualTo("mei@example.com");
        HttpResponse<String> infoByPost = HTTP.send(HttpRequest.newBuilder(URI.create(tobira.endpoint()
                + "/shop/oauth2/userInfo")).header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(infoByPost.body()).isEqualTo(info.body());

        CLOCK.advance(Duration.ofMinutes(2));
        HttpResponse<String> refreshed = post("/shop/oauth2/token", null, form("grant_type", "refresh_token",
                "client_id", spa.clientId(), "refresh_token", tokens.get("refresh_token").asString()));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode again = JSON.readTree(refreshed.body());
        assertThat(again.propertyNames()).containsExactly("id_token", "access_token", "expires_in", "token_type");
        assertThat(com.nimbusds.jwt.SignedJWT.parse(again.get("access_token").asString()).getJWTClaimsSet()
                .getStringClaim("scope")).isEqualTo("openid email orders/read");
        verifiedIdToken(again.get("id_token").asString(), spa.clientId());

        HttpResponse<String> revoked = post("/shop/oauth2/revoke", null, form("token",
                tokens.get("refresh_token").asString(), "client_id", spa.clientId()));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.body()).isEmpty();
        assertThat(errorOf(post("/shop/oauth2/token", null, form("grant_type", "refresh_token", "client_id",
                spa.clientId(), "refresh_token", tokens.get("refresh_token").asString()))))
                .isEqualTo("400 {\"error\":\"invalid_grant\"}");
        HttpResponse<String> afterRevoke = get("/shop/oauth2/userInfo", "Bearer " + again.get("access_token").asString());
        assertThat(afterRevoke.statusCode()).isEqualTo(401);
        assertThat(afterRevoke.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Bearer error=\"invalid_token\""));
        assertThat(JSON.readTree(afterRevoke.body()).get("error").asString()).isEqualTo("invalid_token");
    }

    @Test
    void codeFlowWhenConfidentialClientWithBasicThenTokensAndImplicitWhenAskedInTheFragment() throws Exception {
        HttpResponse<String> token = post("/shop/oauth2/token", basic(web), form("grant_type", "authorization_code",
                "code", webCode(), "redirect_uri", WEB_CALLBACK));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        verifiedIdToken(JSON.readTree(token.body()).get("id_token").asString(), web.clientId());
        HttpResponse<String> inBody = post("/shop/oauth2/token", null, form("grant_type", "authorization_code",
                "code", webCode(), "redirect_uri", WEB_CALLBACK, "client_id", web.clientId(), "client_secret",
                web.clientSecret()));
        assertThat(inBody.statusCode()).as(inBody.body()).isEqualTo(200);

        URI implicit = authorizeAndSignIn(web, form("response_type", "token", "client_id", web.clientId(),
                "redirect_uri", WEB_CALLBACK, "scope", "openid", "state", "s", "nonce", "nn"));
        Map<String, String> fragment = decode(implicit.getRawFragment());
        assertThat(fragment.keySet()).containsExactly("id_token", "access_token", "token_type", "expires_in", "state");
        assertThat(verifiedIdToken(fragment.get("id_token"), web.clientId()).getStringClaim("nonce")).isEqualTo("nn");
    }

    @Test
    void authorizeWhenClientOrRedirectUriUntrustedThenErrorPageElseErrorToTheRedirectUri() throws Exception {
        HttpResponse<String> unknown = get("/shop/oauth2/authorize?" + form("response_type", "code", "client_id",
                "nosuchclient", "redirect_uri", SPA_CALLBACK), null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Location")).isEmpty();
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        HttpResponse<String> mismatch = get("/shop/oauth2/authorize?" + form("response_type", "code", "client_id",
                spa.clientId(), "redirect_uri", "https://evil.example/cb"), null);
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("redirect_mismatch");
        HttpResponse<String> repeated = get("/shop/oauth2/authorize?" + form("response_type", "code", "client_id",
                spa.clientId(), "redirect_uri", SPA_CALLBACK, "client_id", spa.clientId()), null);
        assertThat(repeated.statusCode()).isEqualTo(400);

        Map<String, String> cases = Map.of(
                "invalid_scope", form("response_type", "code", "client_id", spa.clientId(), "redirect_uri", SPA_CALLBACK,
                        "scope", "openid phone", "state", "xyz"),
                "unsupported_response_type", form("response_type", "id_token", "client_id", spa.clientId(),
                        "redirect_uri", SPA_CALLBACK, "state", "xyz"),
                "unauthorized_client", form("response_type", "token", "client_id", spa.clientId(), "redirect_uri",
                        SPA_CALLBACK, "state", "xyz"),
                "invalid_request", form("response_type", "code", "client_id", spa.clientId(), "redirect_uri",
                        SPA_CALLBACK, "code_challenge_method", "S512", "code_challenge", s256(VERIFIER), "state", "xyz"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = get("/shop/oauth2/authorize?" + c.getValue(), null);
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(302);
            String location = response.headers().firstValue("Location").orElseThrow();
            String separator = c.getKey().equals("unauthorized_client") ? "#" : "?";
            assertThat(location).as(c.getKey()).startsWith(SPA_CALLBACK + separator + "error=" + c.getKey()
                    + "&error_description=").endsWith("&state=xyz");
        }
    }

    @Test
    void tokenWhenCodeReusedVerifierWrongRedirectMismatchedOrExpiredThenInvalidGrant() throws Exception {
        String code = spaCode("n");
        String redeem = form("grant_type", "authorization_code", "client_id", spa.clientId(), "code", code,
                "redirect_uri", SPA_CALLBACK, "code_verifier", VERIFIER);
        assertThat(post("/shop/oauth2/token", null, redeem).statusCode()).isEqualTo(200);
        assertThat(errorOf(post("/shop/oauth2/token", null, redeem))).isEqualTo("400 {\"error\":\"invalid_grant\"}");

        assertThat(errorOf(post("/shop/oauth2/token", null, form("grant_type", "authorization_code", "client_id",
                spa.clientId(), "code", spaCode("n"), "redirect_uri", SPA_CALLBACK, "code_verifier",
                VERIFIER.substring(1) + "A")))).isEqualTo("400 {\"error\":\"invalid_grant\"}");
        assertThat(errorOf(post("/shop/oauth2/token", null, form("grant_type", "authorization_code", "client_id",
                spa.clientId(), "code", spaCode("n"), "redirect_uri", SPA_CALLBACK + "/x", "code_verifier",
                VERIFIER)))).isEqualTo("400 {\"error\":\"invalid_grant\"}");

        String stale = spaCode("n");
        CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(errorOf(post("/shop/oauth2/token", null, form("grant_type", "authorization_code", "client_id",
                spa.clientId(), "code", stale, "redirect_uri", SPA_CALLBACK, "code_verifier", VERIFIER))))
                .isEqualTo("400 {\"error\":\"invalid_grant\"}");
    }

    @Test
    void tokenWhenClientOrRequestWrongThenCognitosErrors() throws Exception {
        String wrongSecret = "Basic " + Base64.getEncoder().encodeToString((web.clientId() + ":nope")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(errorOf(post("/shop/oauth2/token", wrongSecret, form("grant_type", "authorization_code", "code",
                "x", "redirect_uri", WEB_CALLBACK)))).isEqualTo("400 {\"error\":\"invalid_client\"}");
        assertThat(errorOf(post("/shop/oauth2/token", null, form("grant_type", "authorization_code", "client_id",
                web.clientId(), "code", "x", "redirect_uri", WEB_CALLBACK)))).isEqualTo("400 {\"error\":\"invalid_client\"}");
        assertThat(errorOf(post("/shop/oauth2/token", basic(machine), form("grant_type", "authorization_code", "code",
                "x", "redirect_uri", WEB_CALLBACK)))).isEqualTo("400 {\"error\":\"unauthorized_client\"}");
        assertThat(errorOf(post("/shop/oauth2/token", basic(web), form("grant_type", "authorization_code",
                "redirect_uri", WEB_CALLBACK)))).isEqualTo("400 {\"error\":\"invalid_request\"}");
        assertThat(errorOf(post("/shop/oauth2/token", basic(web), form("grant_type", "refresh_token"))))
                .isEqualTo("400 {\"error\":\"invalid_request\"}");
        assertThat(errorOf(post("/shop/oauth2/token", basic(web), form("grant_type", "refresh_token",
                "refresh_token", "Rnot-a-token")))).isEqualTo("400 {\"error\":\"invalid_grant\"}");
        assertThat(errorOf(post("/shop/oauth2/token", basic(web), form("grant_type", "password"))))
                .isEqualTo("400 {\"error\":\"unsupported_grant_type\"}");
    }

    @Test
    void userInfoWhenNoTokenGarbageOrAnApiTokenThenInvalidRequestOrInvalidToken() throws Exception {
        HttpResponse<String> none = get("/shop/oauth2/userInfo", null);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(none.body()).get("error").asString()).isEqualTo("invalid_request");
        for (String token : List.of("garbage", apiAccessToken(spa))) {
            HttpResponse<String> refused = get("/shop/oauth2/userInfo", "Bearer " + token);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    h -> assertThat(h).startsWith("Bearer error=\"invalid_token\""));
        }
    }

    /**
     * Cognito's developer guide, "Revoke endpoint", "Revocation error response": 400 {@code invalid_request}
     * without a token or when revocation is disabled for the client, 400 {@code unsupported_token_type} for a
     * token that is not a refresh token, 401 {@code invalid_client} for wrong client credentials, 200 when the
     * token is revoked or invalid.
     */
    @Test
    void revokeWhenRefusedThenTheStatusAndErrorOfCognitosDocumentation() throws Exception {
        JsonNode body = JSON.readTree(post("/shop/oauth2/token", basic(web), form("grant_type", "authorization_code",
                "code", webCode(), "redirect_uri", WEB_CALLBACK)).body());
        String refreshToken = body.get("refresh_token").asString();

        assertThat(errorOf(post("/shop/oauth2/revoke", basic(web), form("token", body.get("access_token").asString()))))
                .isEqualTo("400 {\"error\":\"unsupported_token_type\"}");
        assertThat(errorOf(post("/shop/oauth2/revoke", basic(web), ""))).isEqualTo("400 {\"error\":\"invalid_request\"}");
        // A confidential client without its secret, with a wrong one, a public client with a secret, nobody.
        assertThat(errorOf(post("/shop/oauth2/revoke", null, form("token", refreshToken, "client_id", web.clientId()))))
                .isEqualTo("401 {\"error\":\"invalid_client\"}");
        HttpResponse<String> wrongSecret = post("/shop/oauth2/revoke", "Basic " + Base64.getEncoder().encodeToString(
                (web.clientId() + ":wrong").getBytes(StandardCharsets.UTF_8)), form("token", refreshToken));
        assertThat(errorOf(wrongSecret)).isEqualTo("401 {\"error\":\"invalid_client\"}");
        assertThat(wrongSecret.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Basic"));
        assertThat(errorOf(post("/shop/oauth2/revoke", null, form("token", refreshToken, "client_id", spa.clientId(),
                "client_secret", "not-for-a-public-client")))).isEqualTo("401 {\"error\":\"invalid_client\"}");
        assertThat(errorOf(post("/shop/oauth2/revoke", null, form("token", refreshToken))))
                .isEqualTo("401 {\"error\":\"invalid_client\"}");
        assertThat(errorOf(post("/shop/oauth2/revoke", null, form("token", refreshToken, "client_id", "nobody"))))
                .isEqualTo("401 {\"error\":\"invalid_client\"}");

        // Another client's refresh token, or garbage: 200, and nothing is revoked.
        assertThat(errorOf(post("/shop/oauth2/revoke", null, form("token", refreshToken, "client_id", spa.clientId()))))
                .isEqualTo("200 ");
        assertThat(errorOf(post("/shop/oauth2/revoke", basic(web), form("token", "not-a-token")))).isEqualTo("200 ");
        assertThat(post("/shop/oauth2/token", basic(web), form("grant_type", "refresh_token", "refresh_token",
                refreshToken)).statusCode()).isEqualTo(200);

        assertThat(errorOf(post("/shop/oauth2/revoke", basic(web), form("token", refreshToken)))).isEqualTo("200 ");
        assertThat(errorOf(post("/shop/oauth2/revoke", basic(web), form("token", refreshToken)))).isEqualTo("200 ");
        assertThat(errorOf(post("/shop/oauth2/token", basic(web), form("grant_type", "refresh_token", "refresh_token",
                refreshToken)))).isEqualTo("400 {\"error\":\"invalid_grant\"}");
    }

    @Test
    void revokeWhenTheClientHasRevocationDisabledThenInvalidRequest() throws Exception {
        UserPoolClientType kept;
        String refreshToken;
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            kept = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("kept").enableTokenRevocation(false)
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient();
            refreshToken = cognito.initiateAuth(b -> b.clientId(kept.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "mei", "PASSWORD", PASSWORD))).authenticationResult().refreshToken();
        }
        assertThat(errorOf(post("/shop/oauth2/revoke", null, form("token", refreshToken, "client_id", kept.clientId()))))
                .isEqualTo("400 {\"error\":\"invalid_request\"}");
    }

    /** curl, as the Cognito documentation's examples call the token endpoint. */
    @Test
    void tokenWhenCalledWithCurlThenExactErrors() throws Exception {
        String code = webCode();
        String user = web.clientId() + ":" + web.clientSecret();
        assertThat(curl(user, "grant_type=authorization_code", "code=" + code, "redirect_uri=" + WEB_CALLBACK + "/x"))
                .containsExactly("{\"error\":\"invalid_grant\"}", "400");
        assertThat(curl(user, "grant_type=authorization_code", "code=" + code, "redirect_uri=" + WEB_CALLBACK))
                .containsExactly("{\"error\":\"invalid_grant\"}", "400");
        assertThat(curl(web.clientId() + ":wrong", "grant_type=authorization_code", "code=x",
                "redirect_uri=" + WEB_CALLBACK)).containsExactly("{\"error\":\"invalid_client\"}", "400");
        assertThat(curl(user, "grant_type=refresh_token", "refresh_token=Rnope"))
                .containsExactly("{\"error\":\"invalid_grant\"}", "400");
        assertThat(curl(user, "grant_type=password")).containsExactly("{\"error\":\"unsupported_grant_type\"}", "400");
        List<String> ok = curl(user, "grant_type=authorization_code", "code=" + webCode(), "redirect_uri=" + WEB_CALLBACK);
        assertThat(ok.get(1)).isEqualTo("200");
        assertThat(JSON.readTree(ok.get(0)).propertyNames()).contains("id_token", "refresh_token");
    }

    private static List<String> curl(String user, String... data) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-w", "\n%{http_code}", "-X", "POST",
                tobira.endpoint() + "/shop/oauth2/token", "-H", "Content-Type: application/x-www-form-urlencoded",
                "-u", user));
        for (String d : data) {
            command.addAll(List.of("--data-urlencode", d));
        }
        Processes.Result result = Processes.run(command, Map.of());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String out = result.stdout();
        return List.of(out.substring(0, out.lastIndexOf('\n')), out.substring(out.lastIndexOf('\n') + 1));
    }

}

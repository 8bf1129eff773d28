package dev.tobira.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tobira.core.oauth.AuthorizationException.Target;
import dev.tobira.core.oauth.OAuthError.Code;
import dev.tobira.core.ops.AdminCreateUser;
import dev.tobira.core.ops.AdminInitiateAuth;
import dev.tobira.core.ops.AdminSetUserPassword;
import dev.tobira.core.ops.CreateUserPoolClient;
import dev.tobira.core.ops.OAuthFixtures;
import dev.tobira.core.pool.UserPoolClient;
import dev.tobira.core.user.Attribute;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /oauth2/authorize validation, code issue and redemption with PKCE, refresh and revoke, over in-memory stores. */
class AuthorizationCodeFlowTest {

    private static final String CALLBACK = "https://app.example.com/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final OAuthFixtures f = new OAuthFixtures();
    private Authorizations authorizations;
    private AuthorizationCodeGrant grant;
    private UserPoolClient web;
    private UserPoolClient spa;

    @BeforeEach
    void setUp() {
        f.resourceServer("orders", "read");
        f.domain("shop");
        web = client(true, List.of("code", "implicit"), List.of("openid", "email", "profile", "orders/read"));
        spa = client(false, List.of("code"), List.of("openid", "email", "aws.cognito.signin.user.admin"));
        new AdminCreateUser(f.t.services).handle(new AdminCreateUser.Request(f.poolId, "lou",
                List.of(new Attribute("email", "lou@example.com"), new Attribute("email_verified", "true"),
                        new Attribute("name", "Lou")), null, "Temp-Passw0rd!", null, "SUPPRESS", null, null));
        new AdminSetUserPassword(f.t.services).handle(new AdminSetUserPassword.Request(f.poolId, "lou",
                "Right-Passw0rd!", true));
        authorizations = new DefaultAuthorizations(f.t.services);
        grant = new AuthorizationCodeGrant(f.t.services);
    }

    private UserPoolClient client(boolean secret, List<String> flows, List<String> scopes) {
        return new CreateUserPoolClient(f.t.services).handle(new CreateUserPoolClient.Request(f.poolId, "c", secret,
                null, null, null, null, null, null, null, List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH",
                        "ALLOW_REFRESH_TOKEN_AUTH"), List.of("COGNITO"), List.of(CALLBACK, "https://app.example.com/other"),
                null, null, flows, scopes, true, null, null, null, null, null, null)).userPoolClient();
    }

    private String apiAccessToken(UserPoolClient client) {
        Map<String, String> params = new HashMap<>(Map.of("USERNAME", "lou", "PASSWORD", "Right-Passw0rd!"));
        if (client.hasSecret()) {
            params.put("SECRET_HASH", secretHash(client, "lou"));
        }
        return new AdminInitiateAuth(f.t.services).handle(new AdminInitiateAuth.Request(f.poolId, client.clientId(),
                "ADMIN_USER_PASSWORD_AUTH", params, null, null, null, null)).authenticationResult().accessToken();
    }

    private static String secretHash(UserPoolClient client, String username) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(client.clientSecret().getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((username + client.clientId())
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(UserPoolClient client, String... more) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", client.clientId());
        q.put("response_type", "code");
        q.put("redirect_uri", CALLBACK);
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                q.remove(more[i]);
            } else {
                q.put(more[i], more[i + 1]);
            }
        }
        return q;
    }

    /** authorize → sign in through the API → complete; the code from the redirect. */
    private String code(UserPoolClient client, String... more) {
        AuthorizationRequest request = authorizations.validate("shop", query(client, more));
        URI redirect = authorizations.complete(request, apiAccessToken(client));
        assertThat(redirect.toString()).startsWith(CALLBACK + "?code=");
        return params(redirect.getRawQuery()).get("code");
    }

    private static Map<String, String> params(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private AuthorizationCodeGrant.Tokens redeem(UserPoolClient client, String code, String redirectUri,
            String verifier) {
        return grant.redeem(Optional.of("shop"), client.clientId(), Optional.ofNullable(client.clientSecret()),
                Optional.of(code), Optional.of(redirectUri), Optional.ofNullable(verifier));
    }

    private static void assertRefused(ThrowingCallable call, Code code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthError.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static void assertAuthorizeRefused(ThrowingCallable call, Target target, String error) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AuthorizationException.class, e -> {
            assertThat(e.target()).isEqualTo(target);
            assertThat(e.error()).isEqualTo(error);
        });
    }

    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private JWTClaimsSet verified(String jwt) throws Exception {
        SignedJWT parsed = SignedJWT.parse(jwt);
        assertThat(parsed.verify(new RSASSAVerifier(f.t.services.tokenIssuer().publicKeys(f.poolId).stream()
                .filter(k -> k.getKeyID().equals(parsed.getHeader().getKeyID())).findFirst().orElseThrow()))).isTrue();
        return parsed.getJWTClaimsSet();
    }

    @Test
    void validateWhenScopeOmittedThenAllOfTheClientsScopesAndTheRestAsGiven() {
        AuthorizationRequest request = authorizations.validate("shop", query(web, "state", "s 1", "nonce", "n",
                "lang", "ja", "identity_provider", "COGNITO"));
        assertThat(request.poolId()).isEqualTo(f.poolId);
        assertThat(request.scopes()).containsExactly("openid", "email", "profile", "orders/read");
        assertThat(request.state()).contains("s 1");
        assertThat(request.nonce()).contains("n");
        assertThat(request.lang()).contains("ja");
        assertThat(request.identityProvider()).contains("COGNITO");
        assertThat(authorizations.validate("shop", request.toQuery())).isEqualTo(request);
    }

    @Test
    void validateWhenClientOrRedirectUriUntrustedThenErrorPageNeverARedirect() {
        assertAuthorizeRefused(() -> authorizations.validate("shop", query(web, "client_id", "nosuchclient")),
                Target.ERROR_PAGE, "invalid_request");
        assertAuthorizeRefused(() -> authorizations.validate("elsewhere", query(web)), Target.ERROR_PAGE,
                "invalid_request");
        assertAuthorizeRefused(() -> authorizations.validate("shop", query(web, "redirect_uri",
                CALLBACK + "/")), Target.ERROR_PAGE, "redirect_mismatch");
        assertAuthorizeRefused(() -> authorizations.validate("shop", query(web, "redirect_uri", null)),
                Target.ERROR_PAGE, "redirect_mismatch");
    }

    @Test
    void validateWhenOtherwiseInvalidThenErrorToTheRedirectUriWithState() {
        assertThatThrownBy(() -> authorizations.validate("shop", query(web, "scope", "openid phone", "state", "xyz")))
                .isInstanceOfSatisfying(AuthorizationException.class, e -> assertThat(e.redirect()).hasValueSatisfying(
                        u -> assertThat(u.toString()).startsWith(CALLBACK + "?error=invalid_scope&error_description=")
                                .endsWith("&state=xyz")));
        assertAuthorizeRefused(() -> authorizations.validate("shop", query(web, "response_type", "id_token")),
                Target.REDIRECT_URI, "unsupported_response_type");
        assertAuthorizeRefused(() -> authorizations.validate("shop", query(web, "response_type", null)),
                Target.REDIRECT_URI, "invalid_request");
        assertAuthorizeRefused(() -> authorizations.validate("shop", query(spa, "response_type", "token")),
                Target.REDIRECT_URI, "unauthorized_client");
        assertAuthorizeRefused(() -> authorizations.validate("shop", query(web, "code_challenge", "short",
                "code_challenge_method", "S256")), Target.REDIRECT_URI, "invalid_request");
        assertAuthorizeRefused(() -> authorizations.validate("shop", query(web, "code_challenge", VERIFIER,
                "code_challenge_method", "S512")), Target.REDIRECT_URI, "invalid_request");
        assertAuthorizeRefused(() -> authorizations.validate("shop", query(web, "code_challenge_method", "S256")),
                Target.REDIRECT_URI, "invalid_request");
        assertAuthorizeRefused(() -> authorizations.validate("shop", query(web, "identity_provider", "Google")),
                Target.REDIRECT_URI, "invalid_request");
    }

    @Test
    void redeemWhenS256VerifierRightThenTokensWithScopesNonceAndAtHash() throws Exception {
        String code = code(spa, "scope", "openid email", "nonce", "n-0S6", "code_challenge", s256(VERIFIER),
                "code_challenge_method", "S256", "state", "st");
        AuthorizationCodeGrant.Tokens tokens = redeem(spa, code, CALLBACK, VERIFIER);
        assertThat(tokens.expiresIn()).isEqualTo(3600);
        assertThat(tokens.refreshToken()).isPresent();
        JWTClaimsSet access = verified(tokens.accessToken());
        assertThat(access.getStringClaim("scope")).isEqualTo("openid email");
        assertThat(access.getStringClaim("client_id")).isEqualTo(spa.clientId());
        JWTClaimsSet id = verified(tokens.idToken().orElseThrow());
        assertThat(id.getStringClaim("nonce")).isEqualTo("n-0S6");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(tokens.accessToken().getBytes(StandardCharsets.US_ASCII));
        assertThat(id.getStringClaim("at_hash")).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(digest, 16)));
        assertThat(id.getAudience()).containsExactly(spa.clientId());
        assertThat(id.getStringClaim("email")).isEqualTo("lou@example.com");
    }

    @Test
    void redeemWhenPlainVerifierRightThenTokens() {
        String code = code(spa, "code_challenge", VERIFIER, "code_challenge_method", "plain");
        assertThat(redeem(spa, code, CALLBACK, VERIFIER).accessToken()).isNotEmpty();
    }

    @Test
    void redeemWhenVerifierWrongOrMissingThenInvalidGrant() {
        String s256Code = code(spa, "code_challenge", VERIFIER, "code_challenge_method", "S256");
        assertRefused(() -> redeem(spa, s256Code, CALLBACK, VERIFIER), Code.INVALID_GRANT);
        String plainCode = code(spa, "code_challenge", VERIFIER, "code_challenge_method", "plain");
        assertRefused(() -> redeem(spa, plainCode, CALLBACK, null), Code.INVALID_GRANT);
    }

    @Test
    void redeemWhenCodeReusedThenInvalidGrant() {
        String code = code(web);
        assertThat(redeem(web, code, CALLBACK, null).idToken()).isPresent();
        assertRefused(() -> redeem(web, code, CALLBACK, null), Code.INVALID_GRANT);
    }

    @Test
    void redeemWhenCodeExpiredThenInvalidGrant() {
        String fresh = code(web);
        String stale = code(web);
        f.t.clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(redeem(web, fresh, CALLBACK, null).accessToken()).isNotEmpty();
        f.t.clock.advance(Duration.ofSeconds(1));
        assertRefused(() -> redeem(web, stale, CALLBACK, null), Code.INVALID_GRANT);
    }

    @Test
    void redeemWhenRedirectUriDiffersOrClientDiffersThenInvalidGrant() {
        String code = code(web);
        assertRefused(() -> redeem(web, code, "https://app.example.com/other", null), Code.INVALID_GRANT);
        assertRefused(() -> redeem(web, code, CALLBACK, null), Code.INVALID_GRANT);
        String another = code(web);
        assertRefused(() -> grant.redeem(Optional.of("shop"), spa.clientId(), Optional.empty(), Optional.of(another),
                Optional.of(CALLBACK), Optional.empty()), Code.INVALID_GRANT);
    }

    @Test
    void redeemWhenClientAuthenticationFailsThenInvalidClientAndWhenFlowNotAllowedThenUnauthorizedClient() {
        String code = code(web);
        assertRefused(() -> grant.redeem(Optional.of("shop"), web.clientId(), Optional.of("wrong"), Optional.of(code),
                Optional.of(CALLBACK), Optional.empty()), Code.INVALID_CLIENT);
        assertRefused(() -> grant.redeem(Optional.of("shop"), web.clientId(), Optional.empty(), Optional.of(code),
                Optional.of(CALLBACK), Optional.empty()), Code.INVALID_CLIENT);
        UserPoolClient machine = f.client(true, List.of("client_credentials"), List.of("orders/read"), null);
        assertRefused(() -> grant.redeem(Optional.of("shop"), machine.clientId(), Optional.of(machine.clientSecret()),
                Optional.of(code), Optional.of(CALLBACK), Optional.empty()), Code.UNAUTHORIZED_CLIENT);
        assertRefused(() -> grant.redeem(Optional.of("shop"), web.clientId(), Optional.of(web.clientSecret()),
                Optional.empty(), Optional.of(CALLBACK), Optional.empty()), Code.INVALID_REQUEST);
    }

    @Test
    void refreshWhenFromTheCodeFlowThenSameScopesAndNoNewRefreshTokenAndAfterRevokeInvalidGrant() throws Exception {
        AuthorizationCodeGrant.Tokens first = redeem(web, code(web, "scope", "openid orders/read"), CALLBACK, null);
        f.t.clock.advance(Duration.ofMinutes(10));
        AuthorizationCodeGrant.Tokens refreshed = grant.refresh(Optional.of("shop"), web.clientId(),
                Optional.of(web.clientSecret()), first.refreshToken());
        assertThat(refreshed.refreshToken()).isEmpty();
        assertThat(verified(refreshed.accessToken()).getStringClaim("scope")).isEqualTo("openid orders/read");
        JWTClaimsSet id = verified(refreshed.idToken().orElseThrow());
        assertThat(id.getClaim("nonce")).isNull();
        assertThat(id.getLongClaim("auth_time")).isEqualTo(verified(first.idToken().orElseThrow()).getLongClaim("auth_time"));

        assertThat(grant.revoke(Optional.of("shop"), web.clientId(), Optional.of(web.clientSecret()),
                Optional.of(first.accessToken()))).contains(AuthorizationCodeGrant.RevokeError.UNSUPPORTED_TOKEN_TYPE);
        assertThat(grant.revoke(Optional.of("shop"), web.clientId(), Optional.of(web.clientSecret()),
                first.refreshToken())).isEmpty();
        assertRefused(() -> grant.refresh(Optional.of("shop"), web.clientId(), Optional.of(web.clientSecret()),
                first.refreshToken()), Code.INVALID_GRANT);
        assertThatThrownBy(() -> new UserInfo(f.t.services).claims(f.poolId, refreshed.accessToken()))
                .isInstanceOf(UserInfo.InvalidToken.class);
    }

    @Test
    void refreshWhenWithoutOpenidThenNoIdToken() {
        AuthorizationCodeGrant.Tokens first = redeem(web, code(web, "scope", "orders/read"), CALLBACK, null);
        assertThat(first.idToken()).isEmpty();
        assertThat(grant.refresh(Optional.of("shop"), web.clientId(), Optional.of(web.clientSecret()),
                first.refreshToken()).idToken()).isEmpty();
    }

    @Test
    void completeWhenImplicitThenTokensInTheFragment() throws Exception {
        AuthorizationRequest request = authorizations.validate("shop", query(web, "response_type", "token",
                "scope", "openid email", "state", "a b", "nonce", "nn"));
        URI redirect = authorizations.complete(request, apiAccessToken(web));
        assertThat(redirect.getRawQuery()).isNull();
        Map<String, String> fragment = params(redirect.getRawFragment());
        assertThat(fragment.keySet()).containsExactly("id_token", "access_token", "token_type", "expires_in", "state");
        assertThat(fragment.get("state")).isEqualTo("a b");
        assertThat(verified(fragment.get("id_token")).getStringClaim("nonce")).isEqualTo("nn");
        assertThat(verified(fragment.get("access_token")).getStringClaim("scope")).isEqualTo("openid email");
    }

    @Test
    void completeWhenAccessTokenOfAnotherClientOrGarbageThenErrorPage() {
        AuthorizationRequest request = authorizations.validate("shop", query(web));
        assertAuthorizeRefused(() -> authorizations.complete(request, apiAccessToken(spa)), Target.ERROR_PAGE,
                "invalid_token");
        assertAuthorizeRefused(() -> authorizations.complete(request, "not.a.token"), Target.ERROR_PAGE,
                "invalid_token");
    }

    @Test
    void completeFromSessionWhenTokenOfAnotherClientOfThePoolThenCodeOfTheRequestsClient() throws Exception {
        String spaSignIn = apiAccessToken(spa);
        AuthorizationRequest request = authorizations.validate("shop", query(web, "scope", "openid email", "nonce", "n1"));
        URI redirect = authorizations.completeFromSession(request, spaSignIn);
        assertThat(redirect.toString()).startsWith(CALLBACK + "?code=");

        AuthorizationCodeGrant.Tokens tokens = redeem(web, params(redirect.getRawQuery()).get("code"), CALLBACK, null);
        JWTClaimsSet id = verified(tokens.idToken().orElseThrow());
        assertThat(id.getAudience()).containsExactly(web.clientId());
        assertThat(id.getStringClaim("nonce")).isEqualTo("n1");
        assertThat(id.getLongClaim("auth_time")).isEqualTo(verified(spaSignIn).getLongClaim("auth_time"));
        assertThat(verified(tokens.accessToken()).getStringClaim("client_id")).isEqualTo(web.clientId());
        assertThat(verified(tokens.accessToken()).getStringClaim("scope")).isEqualTo("openid email");
    }

    @Test
    void completeFromSessionWhenTokenOfAnotherPoolThenErrorPage() {
        String otherPool = f.newPool("other");
        UserPoolClient other = new CreateUserPoolClient(f.t.services).handle(new CreateUserPoolClient.Request(otherPool,
                "c", false, null, null, null, null, null, null, null, List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH"),
                null, null, null, null, null, null, null, null, null, null, null, null, null)).userPoolClient();
        new AdminCreateUser(f.t.services).handle(new AdminCreateUser.Request(otherPool, "lou", List.of(), null,
                "Temp-Passw0rd!", null, "SUPPRESS", null, null));
        new AdminSetUserPassword(f.t.services).handle(new AdminSetUserPassword.Request(otherPool, "lou",
                "Right-Passw0rd!", true));
        String otherSignIn = new AdminInitiateAuth(f.t.services).handle(new AdminInitiateAuth.Request(otherPool,
                other.clientId(), "ADMIN_USER_PASSWORD_AUTH", Map.of("USERNAME", "lou", "PASSWORD", "Right-Passw0rd!"),
                null, null, null, null)).authenticationResult().accessToken();

        AuthorizationRequest request = authorizations.validate("shop", query(web));
        assertAuthorizeRefused(() -> authorizations.completeFromSession(request, otherSignIn), Target.ERROR_PAGE,
                "invalid_token");
        assertAuthorizeRefused(() -> authorizations.completeFromSession(request, "not.a.token"), Target.ERROR_PAGE,
                "invalid_token");
    }

    @Test
    void userInfoWhenScopesGivenThenClaimsByScope() {
        UserInfo info = new UserInfo(f.t.services);
        String emailOnly = redeem(web, code(web, "scope", "openid email"), CALLBACK, null).accessToken();
        assertThat(info.claims(f.poolId, emailOnly)).containsOnlyKeys("sub", "email", "email_verified", "username")
                .containsEntry("email_verified", "true").containsEntry("username", "lou");
        String all = redeem(web, code(web, "scope", "openid"), CALLBACK, null).accessToken();
        assertThat(info.claims(f.poolId, all)).containsOnlyKeys("sub", "email", "email_verified", "name", "username");
        String profile = redeem(web, code(web, "scope", "openid profile"), CALLBACK, null).accessToken();
        assertThat(info.claims(f.poolId, profile)).containsOnlyKeys("sub", "name", "username");
        String noOpenid = redeem(web, code(web, "scope", "orders/read"), CALLBACK, null).accessToken();
        assertThatThrownBy(() -> info.claims(f.poolId, noOpenid)).isInstanceOf(UserInfo.InvalidToken.class);
        assertThatThrownBy(() -> info.claims(f.poolId, apiAccessToken(web))).isInstanceOf(UserInfo.InvalidToken.class);
        assertThatThrownBy(() -> info.claims("us-east-1_Other0000", all)).isInstanceOf(UserInfo.InvalidToken.class);
    }
}

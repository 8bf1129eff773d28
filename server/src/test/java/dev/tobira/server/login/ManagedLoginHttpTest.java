package dev.tobira.server.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.interop.DevOutbox;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The managed login over HTTP, as a browser without JavaScript walks it: {@code /oauth2/authorize} →
 * {@code /<domain>/login} → the client's callback with a code, for each design, with the dev pool's
 * built-in triggers and the dev outbox's codes.
 */
class ManagedLoginHttpTest {

    private static final String PASSWORD = ManagedLoginFixture.PASSWORD;
    private static final String DOMAIN = "login-test";
    private static final String CALLBACK = "http://127.0.0.1:9/callback";
    private static final String SIGNED_OUT = "http://127.0.0.1:9/signed-out";

    private static RunningTobira tobira;
    private static String base;
    private static String clientId;
    private static String clientSecret;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory();
        base = tobira.endpoint();
        var client = ManagedLoginFixture.domainAndClient(tobira, DOMAIN, CALLBACK, List.of(SIGNED_OUT));
        clientId = client.clientId();
        clientSecret = client.clientSecret();
    }

    @AfterAll
    static void stop() {
        tobira.close();
    }

    @Test
    void loginWhenPasswordThenEmailedCodeThenCallbackWithCodeAndState() throws Exception {
        Visitor visitor = new Visitor();
        String email = confirmedUser("pw-code");
        HttpResponse<String> login = visitor.authorize(Map.of());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("id=\"password-sign-in\"", "id=\"code-sign-in\"");

        HttpResponse<String> password = visitor.post(login, "password-sign-in", Map.of("email", email, "password", PASSWORD));
        assertThat(password.statusCode()).isEqualTo(302);
        assertThat(location(password)).startsWith(base + "/" + DOMAIN + "/login/code?");
        HttpResponse<String> codePage = visitor.get(location(password));
        assertThat(codePage.statusCode()).isEqualTo(200);

        HttpResponse<String> done = visitor.post(codePage, "code-form",
                Map.of("code", DevOutbox.latestCode(base, email, 6)));
        assertCallbackWithCode(done);

        // The client redeems the code at the token endpoint, authenticated with its secret.
        String code = decode(location(done).replaceFirst(".*[?&]code=([^&]+).*", "$1"));
        HttpResponse<String> tokens = visitor.http.send(HttpRequest.newBuilder(URI.create(base + "/" + DOMAIN + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(query(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", CALLBACK)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.body()).contains("\"id_token\"", "\"access_token\"", "\"refresh_token\"");
        String idToken = tokens.body().replaceFirst(".*\"id_token\":\"([^\"]+)\".*", "$1");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"email\":\"" + email + "\"");
    }

    @Test
    void loginWhenPasswordlessEmailCodeThenCallbackWithCode() throws Exception {
        Visitor visitor = new Visitor();
        String email = confirmedUser("otp");
        HttpResponse<String> login = visitor.authorize(Map.of());
        HttpResponse<String> sent = visitor.post(login, "code-sign-in", Map.of("email", email));
        assertThat(location(sent)).startsWith(base + "/" + DOMAIN + "/login/code?");
        HttpResponse<String> codePage = visitor.get(location(sent));
        // Cognito's EMAIL_OTP codes have 8 digits.
        assertCallbackWithCode(visitor.post(codePage, "code-form", Map.of("code", DevOutbox.latestCode(base, email, 8))));
    }

    @Test
    void forgotPasswordWhenCodeAndNewPasswordThenSignInWithTheNewPassword() throws Exception {
        Visitor visitor = new Visitor();
        String email = confirmedUser("forgot");
        HttpResponse<String> login = visitor.authorize(Map.of());
        Matcher link = Pattern.compile("id=\"forgot-password\" href=\"([^\"]+)\"").matcher(login.body());
        assertThat(link.find()).isTrue();
        HttpResponse<String> forgot = visitor.get(base + link.group(1).replace("&amp;", "&"));
        assertThat(forgot.statusCode()).isEqualTo(200);
        HttpResponse<String> sent = visitor.post(forgot, "forgot-form", Map.of("email", email));
        assertThat(location(sent)).startsWith(base + "/" + DOMAIN + "/confirmForgotPassword?");
        HttpResponse<String> reset = visitor.get(location(sent));
        String newPassword = "Another-Horse-7";
        HttpResponse<String> changed = visitor.post(reset, "reset-form",
                Map.of("code", DevOutbox.latestCode(base, email, 6), "password", newPassword));
        assertThat(location(changed)).startsWith(base + "/" + DOMAIN + "/login?");

        HttpResponse<String> again = visitor.get(location(changed));
        assertThat(again.body()).contains("Your password is changed.");
        HttpResponse<String> password = visitor.post(again, "password-sign-in", Map.of("email", email, "password", newPassword));
        HttpResponse<String> codePage = visitor.get(location(password));
        assertCallbackWithCode(visitor.post(codePage, "code-form", Map.of("code", DevOutbox.latestCode(base, email, 6))));
    }

    @Test
    void loginWhenThePoolAllowsSmsCodesThenPasswordlessByTextMessage() throws Exception {
        String phone = "+8190" + (10000000 + new java.util.Random().nextInt(89999999));
        String smsClient;
        try (var cognito = tobira.client()) {
            String pool = cognito.createUserPool(b -> b.poolName("sms").usernameAttributesWithStrings("phone_number")
                    .policies(p -> p.signInPolicy(sp -> sp.allowedFirstAuthFactorsWithStrings("PASSWORD", "SMS_OTP"))))
                    .userPool().id();
            cognito.createUserPoolDomain(b -> b.userPoolId(pool).domain("sms-login"));
            smsClient = cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName("sms")
                    .explicitAuthFlowsWithStrings("ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")
                    .allowedOAuthFlows(software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType.CODE)
                    .allowedOAuthFlowsUserPoolClient(true).allowedOAuthScopes("openid", "phone")
                    .supportedIdentityProviders("COGNITO").callbackURLs(CALLBACK)).userPoolClient().clientId();
            cognito.adminCreateUser(b -> b.userPoolId(pool).username(phone)
                    .messageAction(software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType.SUPPRESS)
                    .userAttributes(a -> a.name("phone_number").value(phone), a -> a.name("phone_number_verified").value("true")));
            // Confirmed (not FORCE_CHANGE_PASSWORD, which must change its password before any code).
            cognito.adminSetUserPassword(b -> b.userPoolId(pool).username(phone).password(PASSWORD).permanent(true));
        }
        LoginVisitor visitor = new LoginVisitor(base);
        HttpResponse<String> login = visitor.authorize("sms-login", Map.of("client_id", smsClient, "response_type", "code",
                "redirect_uri", CALLBACK, "state", "xyz"));
        assertThat(login.body()).contains("id=\"sms-sign-in\"").doesNotContain("id=\"password-sign-in\"",
                "id=\"code-sign-in\"", "id=\"passkey-sign-in-form\"");
        HttpResponse<String> sent = visitor.post(login, "sms-sign-in", Map.of("phone", phone));
        HttpResponse<String> codePage = visitor.get(visitor.location(sent));
        assertThat(codePage.body()).contains("We texted a one-time code to");
        HttpResponse<String> done = visitor.post(codePage, "code-form", Map.of("code", DevOutbox.latestCode(base, phone, 8)));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(visitor.location(done)).startsWith(CALLBACK + "?code=").endsWith("&state=xyz");
    }

    @Test
    void loginWhenLangJaThenJapanesePages() throws Exception {
        HttpResponse<String> login = new Visitor().authorize(Map.of("lang", "ja"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<html lang=\"ja\"", "ログイン");
    }

    @Test
    void loginWhenSignedInAlreadyThenStraightBackToTheClient() throws Exception {
        Visitor visitor = new Visitor();
        String email = confirmedUser("again");
        signIn(visitor, email);
        HttpResponse<String> again = visitor.authorize(Map.of("state", "second"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
        assertThat(location(again)).startsWith(CALLBACK + "?code=").endsWith("&state=second");
    }

    @Test
    void loginWhenSignedInThroughAnotherClientOfThePoolThenCodeForThisClientWithoutTheLoginPage() throws Exception {
        String otherCallback = "http://127.0.0.1:9/other-app";
        String other;
        try (var cognito = tobira.client()) {
            other = cognito.createUserPoolClient(b -> b.userPoolId(ManagedLoginFixture.POOL).clientName("other-app")
                    .explicitAuthFlowsWithStrings("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")
                    .allowedOAuthFlows(software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType.CODE)
                    .allowedOAuthFlowsUserPoolClient(true).allowedOAuthScopes("openid", "email")
                    .supportedIdentityProviders("COGNITO").callbackURLs(otherCallback)).userPoolClient().clientId();
        }
        Visitor visitor = new Visitor();
        String email = confirmedUser("shared");
        signIn(visitor, email);

        Map<String, String> otherQuery = Map.of("client_id", other, "response_type", "code", "scope", "openid email",
                "redirect_uri", otherCallback, "state", "b");
        HttpResponse<String> authorize = visitor.get(base + "/" + DOMAIN + "/oauth2/authorize?" + query(otherQuery));
        HttpResponse<String> back = visitor.get(location(authorize));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(location(back)).startsWith(otherCallback + "?code=").endsWith("&state=b");

        // The code is the other client's: it redeems it (a public client) and gets the same user's tokens.
        String code = decode(location(back).replaceFirst(".*[?&]code=([^&]+).*", "$1"));
        HttpResponse<String> tokens = visitor.http.send(HttpRequest.newBuilder(URI.create(base + "/" + DOMAIN
                + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(Map.of("grant_type", "authorization_code", "code", code,
                        "client_id", other, "redirect_uri", otherCallback)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String idToken = tokens.body().replaceFirst(".*\"id_token\":\"([^\"]+)\".*", "$1");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"email\":\"" + email + "\"", "\"aud\":\"" + other + "\"");

        // The other client's own rules still hold for each request: its callback URLs, scopes and flows.
        HttpResponse<String> foreignCallback = visitor.get(base + "/" + DOMAIN + "/login?" + query(Map.of("client_id",
                other, "response_type", "code", "redirect_uri", CALLBACK)));
        assertThat(foreignCallback.statusCode()).isEqualTo(400);
        assertThat(foreignCallback.body()).contains("redirect_mismatch");
        HttpResponse<String> foreignScope = visitor.get(base + "/" + DOMAIN + "/login?" + query(Map.of("client_id",
                other, "response_type", "code", "redirect_uri", otherCallback, "scope", "openid phone")));
        assertThat(foreignScope.statusCode()).isEqualTo(302);
        assertThat(location(foreignScope)).startsWith(otherCallback + "?error=invalid_scope");
        HttpResponse<String> foreignFlow = visitor.get(base + "/" + DOMAIN + "/login?" + query(Map.of("client_id",
                other, "response_type", "token", "redirect_uri", otherCallback)));
        assertThat(foreignFlow.statusCode()).isEqualTo(302);
        assertThat(location(foreignFlow)).startsWith(otherCallback + "#error=unauthorized_client");
    }

    @Test
    void loginWhenSignedInAtAnotherPoolsDomainThenTheLoginPage() throws Exception {
        String otherCallback = "http://127.0.0.1:9/elsewhere";
        String otherClient;
        try (var cognito = tobira.client()) {
            String pool = cognito.createUserPool(b -> b.poolName("elsewhere")).userPool().id();
            cognito.createUserPoolDomain(b -> b.userPoolId(pool).domain("elsewhere-login"));
            otherClient = cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName("elsewhere")
                    .explicitAuthFlowsWithStrings("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")
                    .allowedOAuthFlows(software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType.CODE)
                    .allowedOAuthFlowsUserPoolClient(true).allowedOAuthScopes("openid")
                    .supportedIdentityProviders("COGNITO").callbackURLs(otherCallback)).userPoolClient().clientId();
        }
        Visitor visitor = new Visitor();
        signIn(visitor, confirmedUser("elsewhere"));
        Map<String, String> elsewhere = Map.of("client_id", otherClient, "response_type", "code", "redirect_uri",
                otherCallback);
        HttpResponse<String> login = visitor.browser.authorize("elsewhere-login", elsewhere);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("id=\"password-sign-in\"");

        // Even the session cookie itself, carried to the other domain, is no session there.
        String cookie = ((java.net.CookieManager) visitor.http.cookieHandler().orElseThrow()).getCookieStore().getCookies()
                .stream().filter(c -> c.getName().equals("TOBIRA_LOGIN")).findFirst().orElseThrow().getValue();
        HttpResponse<String> carried = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                base + "/elsewhere-login/login?" + query(elsewhere))).header("Cookie", "TOBIRA_LOGIN=" + cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(carried.statusCode()).isEqualTo(200);
        assertThat(carried.body()).contains("id=\"password-sign-in\"");
    }

    @Test
    void logoutWhenLogoutUriRegisteredThenSessionEndsAndRedirected() throws Exception {
        Visitor visitor = new Visitor();
        signIn(visitor, confirmedUser("logout"));
        HttpResponse<String> out = visitor.get(base + "/" + DOMAIN + "/logout?client_id=" + clientId + "&logout_uri="
                + encode(SIGNED_OUT));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(location(out)).isEqualTo(SIGNED_OUT);
        assertThat(out.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("TOBIRA_LOGIN=;").contains("Max-Age=0", "Path=/" + DOMAIN + "/"));
        HttpResponse<String> login = visitor.authorize(Map.of());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("id=\"password-sign-in\"");
    }

    @Test
    void logoutWhenRedirectUriThenSessionEndsAndLoginShownAgain() throws Exception {
        Visitor visitor = new Visitor();
        signIn(visitor, confirmedUser("relogin"));
        HttpResponse<String> out = visitor.get(base + "/" + DOMAIN + "/logout?" + query(authorizeQuery(Map.of())));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(location(out)).startsWith(base + "/" + DOMAIN + "/login?");
        HttpResponse<String> login = visitor.get(location(out));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("id=\"password-sign-in\"");
    }

    @Test
    void logoutWhenLogoutUriNotRegisteredThenErrorPageAndSessionKept() throws Exception {
        Visitor visitor = new Visitor();
        signIn(visitor, confirmedUser("mismatch"));
        HttpResponse<String> refused = visitor.get(base + "/" + DOMAIN + "/logout?client_id=" + clientId
                + "&logout_uri=" + encode("http://127.0.0.1:9/elsewhere"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("redirect_mismatch");
        assertThat(visitor.authorize(Map.of()).statusCode()).isEqualTo(302);
    }

    @Test
    void logoutWhenNoClientIdOrNoDestinationThenErrorPage() throws Exception {
        Visitor visitor = new Visitor();
        HttpResponse<String> noClient = visitor.get(base + "/" + DOMAIN + "/logout?logout_uri=" + encode(SIGNED_OUT));
        assertThat(noClient.statusCode()).isEqualTo(400);
        assertThat(noClient.body()).contains("client_id");
        HttpResponse<String> nowhere = visitor.get(base + "/" + DOMAIN + "/logout?client_id=" + clientId);
        assertThat(nowhere.statusCode()).isEqualTo(400);
        assertThat(nowhere.body()).contains("redirect_uri");
    }

    @Test
    void loginWhenClientUnknownThenErrorPageNotARedirect() throws Exception {
        HttpResponse<String> refused = new Visitor().get(base + "/" + DOMAIN + "/login?"
                + query(authorizeQuery(Map.of("client_id", "nosuchclient000000000000"))));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void signIn(Visitor visitor, String email) throws Exception {
        HttpResponse<String> login = visitor.authorize(Map.of());
        HttpResponse<String> password = visitor.post(login, "password-sign-in", Map.of("email", email, "password", PASSWORD));
        HttpResponse<String> codePage = visitor.get(location(password));
        assertCallbackWithCode(visitor.post(codePage, "code-form", Map.of("code", DevOutbox.latestCode(base, email, 6))));
    }

    private static void assertCallbackWithCode(HttpResponse<String> done) {
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(location(done)).startsWith(CALLBACK + "?code=").endsWith("&state=xyz");
        assertThat(done.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("TOBIRA_LOGIN=").contains("Path=/" + DOMAIN + "/", "HttpOnly", "SameSite=Lax")
                .doesNotContain("Secure"));
    }

    private static Map<String, String> authorizeQuery(Map<String, String> overrides) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("response_type", "code");
        query.put("scope", "openid email");
        query.put("redirect_uri", CALLBACK);
        query.put("state", "xyz");
        query.putAll(overrides);
        return query;
    }

    private static String confirmedUser(String name) {
        return ManagedLoginFixture.confirmedUser(tobira, name);
    }

    private static String location(HttpResponse<?> response) {
        return new LoginVisitor(base).location(response);
    }

    private static String query(Map<String, String> query) {
        return LoginVisitor.query(query);
    }

    private static String encode(String value) {
        return LoginVisitor.encode(value);
    }

    /** A visitor whose {@code authorize} is this test client's, with {@code overrides}. */
    private static final class Visitor {
        final LoginVisitor browser = new LoginVisitor(base);
        final java.net.http.HttpClient http = browser.http;

        HttpResponse<String> authorize(Map<String, String> overrides) throws Exception {
            return browser.authorize(DOMAIN, authorizeQuery(overrides));
        }

        HttpResponse<String> get(String url) throws Exception {
            return browser.get(url);
        }

        HttpResponse<String> post(HttpResponse<String> page, String formId, Map<String, String> fields) throws Exception {
            return browser.post(page, formId, fields);
        }
    }

    static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}

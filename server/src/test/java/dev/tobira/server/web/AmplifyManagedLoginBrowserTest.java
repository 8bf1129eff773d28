package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.interop.CognitoIdentityJs;
import dev.tobira.server.interop.DevOutbox;
import dev.tobira.server.login.ManagedLoginFixture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acceptance of the managed login for a browser app: aws-amplify v6 in Chromium, as a public app client
 * (no secret), signs in with {@code signInWithRedirect} (authorization code + PKCE) through the managed login
 * — password, then the emailed code of the dev pool's built-in triggers — holds the tokens, refreshes them
 * with {@code fetchAuthSession({forceRefresh: true})}, and signs out with {@code signOut()}, which goes
 * through {@code /logout} back to the app's sign-out URL and ends the managed-login session.
 *
 * <p>The app's pages are served by this test on {@code http://127.0.0.1} ({@code src/test/node/
 * amplify-oauth-page.mjs} bundled by the locked esbuild). Amplify writes {@code https://} before the
 * domain it is given, as a Cognito domain is always HTTPS, so the managed login and the OAuth endpoints are
 * reached through a {@link TlsFront} with a throwaway certificate, in a Chromium of this test's own that
 * ignores certificate errors; the Cognito API calls go to Tobira directly.
 */
class AmplifyManagedLoginBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOMAIN = "amplify-login";
    private static final String PASSWORD = ManagedLoginFixture.PASSWORD;

    @TempDir
    static Path workDir;

    private static RunningTobira tobira;
    private static TlsFront front;
    private static HttpServer pages;
    private static Browser browser;
    private static String app;
    private static String clientId;

    @BeforeAll
    static void start() throws Exception {
        CognitoIdentityJs.assumeInstalled(CognitoIdentityJs.PROJECT, "aws-amplify", "esbuild");
        byte[] bundle = BrowserBundle.of("amplify-oauth-page.mjs", workDir.resolve("amplify-oauth.js"));
        tobira = RunningTobira.devInMemory();
        front = new TlsFront(tobira.endpoint(), workDir);
        pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app = "http://127.0.0.1:" + pages.getAddress().getPort();
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            cognito.createUserPoolDomain(b -> b.userPoolId(ManagedLoginFixture.POOL).domain(DOMAIN));
            clientId = cognito.createUserPoolClient(b -> b.userPoolId(ManagedLoginFixture.POOL).clientName("spa")
                    .explicitAuthFlowsWithStrings("ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_AUTH",
                            "ALLOW_REFRESH_TOKEN_AUTH")
                    .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes("openid", "email").supportedIdentityProviders("COGNITO")
                    .callbackURLs(app + "/app", app + "/probe").logoutURLs(app + "/signed-out")).userPoolClient()
                    .clientId();
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("userPoolId", ManagedLoginFixture.POOL);
        config.put("clientId", clientId);
        config.put("endpoint", tobira.endpoint());
        config.put("domain", front.hostAndPort() + "/" + DOMAIN);
        config.put("redirectSignIn", app + "/app");
        config.put("redirectSignOut", app + "/signed-out");
        config.put("scopes", List.of("openid", "email"));
        String appPage = """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>Amplify app</title>
                <script>window.tobiraAmplifyConfig = %s;</script>
                <script src="/amplify-oauth.js"></script></head><body>Amplify app</body></html>
                """.formatted(JSON.writeValueAsString(config));
        pages.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/amplify-oauth.js" -> BrowserBundle.send(exchange, "text/javascript", bundle);
                case "/app" -> BrowserBundle.send(exchange, "text/html", appPage.getBytes(StandardCharsets.UTF_8));
                default -> BrowserBundle.send(exchange, "text/html", ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
                        + path.substring(1) + "</title></head><body>" + path.substring(1) + "</body></html>")
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        pages.start();
        browser = new Browser(List.of("--ignore-certificate-errors"));
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (pages != null) {
            pages.stop(0);
        }
        if (front != null) {
            front.close();
        }
        if (tobira != null) {
            tobira.close();
        }
    }

    @Test
    void signInWithRedirectWhenPasswordThenEmailedCodeThenTokensRefreshAndSignOutThroughLogout() throws Exception {
        String email = ManagedLoginFixture.confirmedUser(tobira, "amplify-redirect");
        String sub;
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            sub = cognito.adminGetUser(b -> b.userPoolId(ManagedLoginFixture.POOL).username(email)).userAttributes()
                    .stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        }

        // signInWithRedirect: the browser goes to /oauth2/authorize, which sends it on to the login page.
        browser.open(app + "/app");
        browser.driver().executeScript("window.tobiraAmplifyOAuth.signIn()");
        waitForPage(url -> url.startsWith(front.origin() + "/" + DOMAIN + "/login?"));
        assertThat(browser.driver().getCurrentUrl()).contains("code_challenge_method=S256", "client_id=" + clientId);
        browser.type("#email", email);
        browser.type("#password", PASSWORD);
        browser.click("#sign-in");
        assertThat(browser.path()).isEqualTo("/" + DOMAIN + "/login/code");
        browser.type("#code", DevOutbox.latestCode(tobira.endpoint(), email, 6));
        browser.click("#verify");
        assertThat(browser.driver().getCurrentUrl()).startsWith(app + "/app");

        // Back on the app, Amplify redeems the code at the token endpoint with its PKCE verifier.
        JsonNode redirected = call("return window.tobiraAmplifyOAuth.redirected");
        assertThat(redirected.get("outcome").asString()).as(redirected.toString()).isEqualTo("success");
        JsonNode tokens = call("return window.tobiraAmplifyOAuth.tokens(false)");
        assertThat(tokens.has("idToken")).as(tokens.toString()).isTrue();
        JWTClaimsSet id = claims(tokens.get("idToken").asString());
        assertThat(id.getSubject()).isEqualTo(sub);
        assertThat(id.getStringClaim("email")).isEqualTo(email);
        assertThat(id.getAudience()).containsExactly(clientId);
        JWTClaimsSet access = claims(tokens.get("accessToken").asString());
        assertThat(access.getStringClaim("scope")).isEqualTo("openid email");

        // fetchAuthSession({forceRefresh: true}): new tokens of the same sign-in.
        JsonNode refreshed = call("return window.tobiraAmplifyOAuth.tokens(true)");
        assertThat(refreshed.has("accessToken")).as(refreshed.toString()).isTrue();
        assertThat(refreshed.get("accessToken").asString()).isNotEqualTo(tokens.get("accessToken").asString());
        JWTClaimsSet refreshedAccess = claims(refreshed.get("accessToken").asString());
        assertThat(refreshedAccess.getJWTID()).isNotEqualTo(access.getJWTID());
        assertThat(refreshedAccess.getStringClaim("origin_jti")).isEqualTo(access.getStringClaim("origin_jti"));
        assertThat(refreshedAccess.getStringClaim("scope")).isEqualTo("openid email");
        assertThat(claims(refreshed.get("idToken").asString()).getSubject()).isEqualTo(sub);

        // While the managed-login session lives, another authorization of the app needs no sign-in.
        String probe = front.origin() + "/" + DOMAIN + "/oauth2/authorize?" + query(Map.of("client_id", clientId,
                "response_type", "code", "scope", "openid", "redirect_uri", app + "/probe"));
        browser.open(probe);
        assertThat(browser.driver().getCurrentUrl()).startsWith(app + "/probe?code=");
        browser.open(app + "/app");
        String refreshToken = (String) browser.driver().executeScript("""
                for (let i = 0; i < localStorage.length; i++) {
                  const key = localStorage.key(i);
                  if (key.endsWith('.refreshToken')) { return localStorage.getItem(key); }
                }
                return null;""");
        assertThat(refreshToken).isNotBlank();

        // signOut(): RevokeToken, then /logout, which ends the session and sends the browser to the sign-out URL.
        browser.driver().executeScript("window.tobiraAmplifyOAuth.signOut()");
        waitForPage(url -> url.equals(app + "/signed-out"));
        HttpResponse<String> afterSignOut = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                tobira.endpoint() + "/" + DOMAIN + "/oauth2/token")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(query(Map.of(
                "grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(afterSignOut.statusCode()).as(afterSignOut.body()).isEqualTo(400);
        assertThat(afterSignOut.body()).isEqualTo("{\"error\":\"invalid_grant\"}");

        // The managed-login session is gone: the same authorization now shows the login form.
        browser.open(probe);
        assertThat(browser.driver().getCurrentUrl()).startsWith(front.origin() + "/" + DOMAIN + "/login?");
        assertThat(browser.find("#password").isDisplayed()).isTrue();
    }

    /** Runs {@code script}, whose value is a promise, and waits for it to settle: the wait is the promise. */
    private static JsonNode call(String script) {
        Object answer = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.resolve((() => { %s })()).then(r => done(JSON.stringify(r)),
                    e => done(JSON.stringify({outcome: 'error', message: String(e)})));
                """.formatted(script));
        return JSON.readTree((String) answer);
    }

    /** Waits until the browser shows a loaded page whose URL passes {@code url}. */
    private static void waitForPage(Predicate<String> url) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(d -> url.test(d.getCurrentUrl()) && "complete".equals(
                        ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static JWTClaimsSet claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }

    private static String query(Map<String, String> query) {
        return query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

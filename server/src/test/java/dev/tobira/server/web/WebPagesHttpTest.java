package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import dev.tobira.server.interop.DevOutbox;
import java.lang.reflect.Method;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.bind.annotation.PostMapping;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * The pages as plain HTTP sees them, with no browser and no JavaScript: security headers and cookies
 * on the pages and none of it on the API, CSRF, the language from {@code Accept-Language}, and the
 * resend cooldown enforced by the server.
 */
class WebPagesHttpTest {

    @RegisterExtension
    static final WebTestResources shared = new WebTestResources();

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static RunningTobira tobira;
    private static String base;

    @BeforeAll
    static void start() {
        tobira = shared.server();
        base = tobira.endpoint();
    }

    /** A visitor with a cookie jar, which does not follow redirects (so they can be asserted). */
    private static HttpClient visitor() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpResponse<String> get(HttpClient http, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient http, String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF token in the form").isTrue();
        return m.group(1);
    }

    private static void assertRedirectedTo(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(response.uri().getPath()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).as(response.uri().getPath())
                .hasValueSatisfying(l -> assertThat(URI.create(l).getPath()).isEqualTo(path));
    }

    /** The signed-in account the session of {@code http}'s cookie jar holds. */
    private static WebState.Account held(HttpClient http) {
        CookieManager jar = (CookieManager) http.cookieHandler().orElseThrow();
        String cookie = jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("TOBIRA_WEB_SESSION"))
                .findFirst().orElseThrow().getValue();
        return WebSessions.account(tobira.bean(DataSource.class), cookie);
    }

    /** A passwordless sign-in of {@code email} by form posts, up to the code page; returns it. */
    private static HttpResponse<String> emailCodeRequested(HttpClient http, String email) throws Exception {
        assertRedirectedTo(post(http, "/sign-in/email-code", Map.of("_csrf", csrf(get(http, "/")), "email", email)),
                "/code");
        return get(http, "/code");
    }

    /** The passwordless sign-in of {@code email} by form posts, through to the dashboard. */
    private static void signedInByEmailCode(HttpClient http, String email) throws Exception {
        HttpResponse<String> codePage = emailCodeRequested(http, email);
        assertRedirectedTo(post(http, "/code", Map.of("_csrf", csrf(codePage),
                "code", DevOutbox.latestCode(base, email, 8))), "/dashboard");
    }

    @Test
    void pageWhenFetchedThenSecurityHeadersAndAnHttpOnlySameSiteSessionCookie() throws Exception {
        HttpResponse<String> page = get(visitor(), "/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'", "default-src 'none'", "form-action 'self'")
                        .doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("TOBIRA_WEB_SESSION=").contains("HttpOnly", "SameSite=Lax")
                .as("dev mode is plain http").doesNotContain("Secure"));
        assertThat(page.body()).contains("<label for=\"email\">Email address</label>");
    }

    @Test
    void apiWhenCalledAtTheSameRootThenNoSessionNoCsrfAndNoPageHeaders() throws Exception {
        HttpResponse<String> api = visitor().send(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ResendConfirmationCode")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"ClientId\":\"" + DevPool.CLIENT_ID + "\",\"Username\":\"nobody@example.com\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        // The dev client prevents user-existence errors: a simulated delivery, as Cognito answers.
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"CodeDeliveryDetails\"");
        assertThat(api.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(api.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(api.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(get(visitor(), "/us-east-1_TobiraDev/.well-known/jwks.json").headers().allValues("Set-Cookie"))
                .isEmpty();
        assertThat(get(visitor(), "/_tobira/outbox?to=nobody%40example.com").headers().allValues("Set-Cookie"))
                .isEmpty();
    }

    /** Every form endpoint of the app: the paths of {@link WebController}'s {@code @PostMapping}s. */
    private static Set<String> formEndpoints() {
        Set<String> paths = new TreeSet<>();
        for (Method method : WebController.class.getDeclaredMethods()) {
            PostMapping post = method.getAnnotation(PostMapping.class);
            if (post != null) {
                paths.addAll(List.of(post.value()));
                paths.addAll(List.of(post.path()));
            }
        }
        return paths;
    }

    @Test
    void everyFormWhenPostedWithoutItsCsrfTokenThenRefusedBeforeAnythingHappens() throws Exception {
        Set<String> forged = new TreeSet<>();
        var forge = new Object() {
            void post(HttpClient http, String path, Map<String, String> form) throws Exception {
                forged.add(path);
                HttpResponse<String> refused = WebPagesHttpTest.post(http, path, form);
                assertThat(refused.statusCode()).as(path).isEqualTo(302);
                assertThat(refused.headers().firstValue("Location")).as(path)
                        .hasValueSatisfying(l -> assertThat(l).endsWith("/?stale"));
            }
        };
        String password = WebAppBrowserTest.confirmedUser(tobira, "forged-pw");
        String passwordless = WebAppBrowserTest.passwordlessUser(tobira, "forged-otp");
        int passwordlessMessages = DevOutbox.count(base, passwordless);
        String newcomer = WebAppBrowserTest.newEmail("forged-new");
        String newcomerWithoutPassword = WebAppBrowserTest.newEmail("forged-new-otp");

        // Signing in and up: no code is sent, no user made.
        HttpClient stranger = visitor();
        get(stranger, "/");
        forge.post(stranger, "/sign-in", Map.of("email", password, "password", WebAppBrowserTest.PASSWORD));
        forge.post(stranger, "/sign-in/email-code", Map.of("email", passwordless));
        forge.post(stranger, "/sign-up", Map.of("email", newcomer, "password", WebAppBrowserTest.PASSWORD));
        forge.post(stranger, "/sign-up/passwordless", Map.of("email", newcomerWithoutPassword));
        assertThat(DevOutbox.count(base, password)).isZero();
        assertThat(DevOutbox.count(base, passwordless)).isEqualTo(passwordlessMessages);
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            for (String email : List.of(newcomer, newcomerWithoutPassword)) {
                assertThatThrownBy(() -> cognito.adminGetUser(b -> b.userPoolId(DevPool.poolId("us-east-1"))
                        .username(email))).isInstanceOf(UserNotFoundException.class);
            }
        }

        // Confirming: the right code confirms nothing, and no new code is sent.
        HttpClient signingUp = visitor();
        String unconfirmed = WebAppBrowserTest.newEmail("forged-confirm");
        assertRedirectedTo(post(signingUp, "/sign-up", Map.of("_csrf", csrf(get(signingUp, "/sign-up")),
                "email", unconfirmed, "password", WebAppBrowserTest.PASSWORD)), "/confirm");
        forge.post(signingUp, "/confirm", Map.of("code", DevOutbox.latestCode(base, unconfirmed, 6)));
        forge.post(signingUp, "/confirm/resend", Map.of());
        assertThat(WebAppBrowserTest.status(tobira, unconfirmed)).isEqualTo(UserStatusType.UNCONFIRMED);
        assertThat(DevOutbox.count(base, unconfirmed)).isEqualTo(1);
        assertThat(get(signingUp, "/confirm").statusCode()).isEqualTo(200);

        // The code page: the right code signs nobody in, no new code, no cancelling; the code still works.
        HttpClient signingIn = visitor();
        emailCodeRequested(signingIn, passwordless);
        String code = DevOutbox.latestCode(base, passwordless, 8);
        int sent = DevOutbox.count(base, passwordless);
        forge.post(signingIn, "/code", Map.of("code", code));
        forge.post(signingIn, "/code/resend", Map.of());
        forge.post(signingIn, "/code/cancel", Map.of());
        assertThat(DevOutbox.count(base, passwordless)).isEqualTo(sent);
        assertRedirectedTo(get(signingIn, "/dashboard"), "/");
        HttpResponse<String> codePage = get(signingIn, "/code");
        assertThat(codePage.statusCode()).as("still waiting for the code").isEqualTo(200);
        assertRedirectedTo(post(signingIn, "/code", Map.of("_csrf", csrf(codePage), "code", code)), "/dashboard");

        // Signed in: no refresh, no sign-out here or everywhere; the tokens still work.
        WebState.Account before = held(signingIn);
        forge.post(signingIn, "/dashboard/refresh", Map.of());
        forge.post(signingIn, "/sign-out", Map.of());
        forge.post(signingIn, "/sign-out", Map.of("everywhere", "true"));
        assertThat(get(signingIn, "/dashboard").statusCode()).isEqualTo(200);
        assertThat(held(signingIn).tokens()).as("not refreshed").isEqualTo(before.tokens());
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            assertThat(cognito.getUser(b -> b.accessToken(before.tokens().accessToken())).username())
                    .isEqualTo(before.username());
            assertThat(WebSessions.refresh(cognito, DevPool.CLIENT_ID, Optional.empty(), before).accessToken())
                    .isNotBlank();
        }

        assertThat(forged).as("every form endpoint was forged").containsExactlyInAnyOrderElementsOf(formEndpoints());
    }

    @Test
    void signInWhenNoJavaScriptThenPasswordCodeAndDashboardByFormPostsAlone() throws Exception {
        HttpClient http = visitor();
        String email = WebAppBrowserTest.confirmedUser(tobira, "plain");

        assertRedirectedTo(post(http, "/sign-in", Map.of("_csrf", csrf(get(http, "/")), "email", email,
                "password", WebAppBrowserTest.PASSWORD)), "/code");
        HttpResponse<String> codePage = get(http, "/code");
        assertThat(codePage.body()).containsPattern("It works for 3 minutes, until \\d\\d:\\d\\d:\\d\\d UTC\\.")
                .contains("name=\"password\"");
        assertRedirectedTo(post(http, "/code", Map.of("_csrf", csrf(codePage),
                "code", DevOutbox.latestCode(base, email, 6))), "/dashboard");
        HttpResponse<String> dashboard = get(http, "/dashboard");

        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<dd id=\"user\">" + email + "</dd>",
                "<dd id=\"method\">Password, then a code by email</dd>");
        assertThat(WebAppBrowserTest.JWT.matcher(dashboard.body()).find()).as("no whole token in the page").isFalse();
    }

    @Test
    void codeWhenPasswordlessResendIsAskedWithinTheCooldownThenAWaitSentenceAndNoNewCode() throws Exception {
        HttpClient http = visitor();
        String email = WebAppBrowserTest.passwordlessUser(tobira, "hasty");
        HttpResponse<String> codePage = emailCodeRequested(http, email);
        int sent = DevOutbox.count(base, email);
        assertThat(codePage.body()).containsPattern("data-wait=\"[12]\"")
                .containsPattern("You can ask for a new code in [12] seconds\\.");

        HttpResponse<String> resend = post(http, "/code/resend", Map.of("_csrf", csrf(codePage)));

        assertThat(resend.statusCode()).isEqualTo(400);
        assertThat(resend.body()).containsPattern("Please wait [12] seconds before asking for another code\\.");
        assertThat(DevOutbox.count(base, email)).isEqualTo(sent);
    }

    @Test
    void refreshWhenPostedMoreOftenThanTheUsernameLimitThenRefusedWithASentenceAndTheTokensKept() throws Exception {
        HttpClient http = visitor();
        String email = WebAppBrowserTest.passwordlessUser(tobira, "refresher");
        signedInByEmailCode(http, email);
        String token = csrf(get(http, "/dashboard"));
        int limit = WebSettings.DEV_RATE_LIMITS.perUsernamePerMinute();

        HttpResponse<String> refused = null;
        WebState.Account before = null;
        // Two posts were counted already; a minute's edge may restart the count once.
        for (int post = 1; post <= 2 * limit + 2 && refused == null; post++) {
            before = held(http);
            HttpResponse<String> refresh = post(http, "/dashboard/refresh", Map.of("_csrf", token));
            if (refresh.statusCode() == 429) {
                refused = refresh;
            } else {
                assertRedirectedTo(refresh, "/dashboard");
            }
        }

        assertThat(refused).as("refused within the limit's posts").isNotNull();
        assertThat(refused.body()).contains("Too many attempts. Please wait a minute and try again.", "<h1>Dashboard</h1>");
        assertThat(held(http).tokens()).as("not refreshed").isEqualTo(before.tokens());
    }

    @Test
    void pageWhenAcceptLanguageJapaneseThenJapaneseAndOtherwiseEnglish() throws Exception {
        assertThat(get(visitor(), "/", "Accept-Language", "ja-JP,ja;q=0.9,en;q=0.8").body())
                .contains("<html lang=\"ja\">", "<h1>ログイン</h1>");
        assertThat(get(visitor(), "/", "Accept-Language", "fr-FR,de;q=0.5").body())
                .contains("<html lang=\"en\">", "<h1>Sign in</h1>");
        assertThat(get(visitor(), "/?lang=ja", "Accept-Language", "en").body()).contains("<h1>ログイン</h1>");
    }

    @Test
    void confirmWhenResendIsAskedWithinTheCooldownThenAWaitSentenceAndNoNewCode() throws Exception {
        HttpClient http = visitor();
        String email = WebAppBrowserTest.newEmail("eager");
        HttpResponse<String> signUp = post(http, "/sign-up", Map.of("_csrf", csrf(get(http, "/sign-up")),
                "email", email, "password", WebAppBrowserTest.PASSWORD));
        assertThat(signUp.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/confirm"));
        HttpResponse<String> confirmPage = get(http, "/confirm");

        HttpResponse<String> resend = post(http, "/confirm/resend", Map.of("_csrf", csrf(confirmPage)));

        assertThat(resend.statusCode()).isEqualTo(400);
        assertThat(resend.body()).containsPattern("Please wait [12] seconds before asking for another code\\.");
        assertThat(DevOutbox.count(base, email)).isEqualTo(1);
    }

    @Test
    void dashboardWhenNotSignedInThenRedirectedToSignIn() throws Exception {
        HttpResponse<String> dashboard = get(visitor(), "/dashboard");

        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    }

    @Test
    void signInWhenTheApiAnswersAnErrorThenNoTypeOrStackTraceInThePage() throws Exception {
        HttpClient http = visitor();
        HttpResponse<String> page = post(http, "/sign-in", Map.of("_csrf", csrf(get(http, "/")),
                "email", "nobody-" + System.nanoTime() + "@example.com", "password", "Whatever-1!"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("role=\"alert\"").doesNotContain("Exception", "__type", "at dev.tobira");
    }

}

package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.ChildTobira;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import dev.tobira.server.interop.DevOutbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The web app on its own ({@code tobira web}), configured only by its command line, against a
 * second Tobira in a separate JVM as "another endpoint" — through an app client with a secret, so
 * every call carries {@code SECRET_HASH}, exactly as against a real Cognito client with a secret.
 */
class StandaloneWebAppTest {

    @RegisterExtension
    static final WebTestResources shared = new WebTestResources();

    @TempDir
    static Path logs;

    /** Form posts a minute naming one email address: room for a whole sign-up and sign-in with refresh, no more. */
    private static final int PER_USERNAME = 5;

    private static final List<ExplicitAuthFlowsType> FLOWS = List.of(ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH,
            ExplicitAuthFlowsType.ALLOW_USER_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);

    private static Process cognito;
    private static String endpoint;
    private static ConfigurableApplicationContext web;
    private static ConfigurableApplicationContext secondNode;
    private static String secondBase;
    private static WebStandalone.Options options;
    private static String base;
    private static Browser browser;
    private static UserPoolClientType client;

    @BeforeAll
    static void start() throws Exception {
        int apiPort = RunningTobira.freePort();
        cognito = ChildTobira.start(apiPort, logs, "dev", "--in-memory", "--port", String.valueOf(apiPort),
                "--resend-cooldown-seconds", "0");
        endpoint = "http://127.0.0.1:" + apiPort;
        try (CognitoIdentityProviderClient admin = admin()) {
            client = admin.createUserPoolClient(b -> b.userPoolId(DevPool.poolId("us-east-1")).clientName("web")
                    .generateSecret(true).explicitAuthFlows(FLOWS)).userPoolClient();
        }
        // Two nodes of the web app on one session database, as behind a load balancer.
        String database = "jdbc:h2:mem:web-nodes-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        options = parse(client, database);
        web = WebStandalone.start(options);
        WebStandalone.Options second = parse(client, database);
        secondNode = WebStandalone.start(second);
        // localhost, not 127.0.0.1: Chromium keeps Secure cookies over plain http only for localhost.
        base = "http://localhost:" + options.port();
        secondBase = "http://localhost:" + second.port();
        browser = shared.browser();
    }

    /** The options of {@code tobira web} with this command line, on a free port. */
    private static WebStandalone.Options parse(UserPoolClientType client, String database) {
        AtomicReference<WebStandalone.Options> parsed = new AtomicReference<>();
        int exit = new CommandLine(new WebCommand(parsed::set)).execute("--endpoint", endpoint,
                "--user-pool-id", "us-east-1_TobiraDev", "--client-id", client.clientId(),
                "--client-secret", client.clientSecret(), "--port", String.valueOf(RunningTobira.freePort()),
                "--db-url", database, "--rate-limit-per-username", String.valueOf(PER_USERNAME),
                "--resend-cooldown-seconds", "0");
        assertThat(exit).isZero();
        return parsed.get();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (secondNode != null) {
            secondNode.close();
        }
        if (web != null) {
            web.close();
        }
        if (cognito != null) {
            cognito.destroy();
            cognito.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static CognitoIdentityProviderClient admin() {
        return CognitoIdentityProviderClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dev", "dev")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void webCommandWhenConfiguredThenSettingsComeFromItsOptionsAlone() {
        WebSettings settings = options.web();

        assertThat(settings.endpoint()).contains(URI.create(endpoint));
        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.clientSecret()).isPresent();
        assertThat(settings.toString()).doesNotContain(settings.clientSecret().get());
        assertThat(settings.secureCookies()).as("Secure cookies unless told otherwise").isTrue();
        assertThat(settings.rateLimits()).isEqualTo(new WebSettings.RateLimits(60, PER_USERNAME));
        assertThat(options.behindProxy()).isFalse();
    }

    @Test
    void standaloneWhenItsRootIsPostedToThenThereIsNoApiAndPagesHaveSecureCookies() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(api.statusCode()).isNotEqualTo(200);
        assertThat(api.body()).doesNotContain("UserPools");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("TOBIRA_WEB_SESSION=").contains("Secure", "HttpOnly", "SameSite=Lax"));
    }

    @Test
    void signUpConfirmSignInAndSignOutWhenStandaloneAgainstAnotherEndpointThenAllWork() {
        String email = WebAppBrowserTest.newEmail("remote");
        browser.newVisitor(base);
        browser.open(base + "/sign-up?lang=en");
        browser.type("#email", email);
        browser.type("#password", WebAppBrowserTest.PASSWORD);
        browser.click("#sign-up");
        browser.type("#code", DevOutbox.latestCode(endpoint, email, 6));
        browser.click("#confirm");
        assertThat(browser.text("#notice")).isEqualTo("Your account is confirmed. You can sign in now.");

        signInWithPasswordAndCode(email);

        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(browser.text("#user")).isEqualTo(email);
        // Tokens from the other process: its issuer, on its port.
        browser.toggle("#token-panel summary");
        assertThat(browser.text("#claims-id"))
                .containsPattern("iss http://[\\w.]+:" + URI.create(endpoint).getPort() + "/us-east-1_TobiraDev");
        browser.click("#refresh");
        assertThat(browser.text("#notice")).isEqualTo("Your tokens were refreshed.");
        WebState.Account held = heldAccount();
        browser.click("#sign-out");
        assertThat(browser.text("#notice")).isEqualTo("You are signed out.");
        try (CognitoIdentityProviderClient api = admin()) {
            WebSessions.assertRevoked(api, client.clientId(), Optional.of(client.clientSecret()), held);
        }
    }

    /** The account the browser's session holds, read from the web app's own session database. */
    private static WebState.Account heldAccount() {
        return WebSessions.account(web.getBean(DataSource.class), browser.cookie("TOBIRA_WEB_SESSION"));
    }

    @Test
    void signUpAndSignInWhenPasswordlessAgainstAnotherEndpointThenBothSignIn() {
        String email = WebAppBrowserTest.newEmail("remote-otp");
        browser.newVisitor(base);
        browser.open(base + "/sign-up?lang=en");
        browser.type("#code-email", email);
        browser.click("#sign-up-passwordless");
        browser.type("#code", DevOutbox.latestCode(endpoint, email, 6));
        browser.click("#confirm");
        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(browser.text("#method")).isEqualTo("The confirmation code of your sign-up (no password)");
        browser.click("#sign-out");

        browser.type("#code-email", email);
        browser.click("#send-code");
        assertThat(browser.path()).isEqualTo("/code");
        assertThat(browser.text("#sent-to")).containsPattern("r\\*+@e\\*+");
        assertThat(browser.text("#validity")).startsWith("It works for 3 minutes");
        browser.type("#code", DevOutbox.latestCode(endpoint, email, 8));
        browser.click("#verify");

        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(browser.text("#method")).isEqualTo("A code by email (no password)");
        assertThat(browser.text("#user")).isEqualTo(email);
    }

    @Test
    void signOutWhenThePoolRefusesToRevokeThenSignedOutHereAndASentenceSaysTheTokensLive() {
        String email = signedIn("unrevoked");
        WebState.Account held = heldAccount();
        try (CognitoIdentityProviderClient admin = admin()) {
            tokenRevocation(admin, false);
            try {
                browser.click("#sign-out");
            } finally {
                tokenRevocation(admin, true);
            }

            WebAppBrowserTest.assertSignedOutHereSaying(browser, base, "You are signed out on this device, but the "
                    + "sign-in service could not be told, so your last tokens stay valid until they expire.");
            // The sentence is true: the pool did not end the sign-in.
            assertThat(WebSessions.refresh(admin, client.clientId(), Optional.of(client.clientSecret()), held)
                    .accessToken()).isNotBlank();
        }
    }

    /** Turns the web app's client's token revocation on or off, keeping the rest of its settings. */
    private static void tokenRevocation(CognitoIdentityProviderClient admin, boolean enabled) {
        admin.updateUserPoolClient(b -> b.userPoolId(client.userPoolId()).clientId(client.clientId())
                .clientName(client.clientName()).explicitAuthFlows(FLOWS).enableTokenRevocation(enabled));
    }

    /** A new visitor, a new confirmed user signed in with the password and the code; on the dashboard. */
    private static String signedIn(String name) {
        String email;
        try (CognitoIdentityProviderClient admin = admin()) {
            email = WebAppBrowserTest.confirmedUser(admin, name);
        }
        browser.newVisitor(base);
        browser.open(base + "/?lang=en");
        signInWithPasswordAndCode(email);
        assertThat(browser.path()).isEqualTo("/dashboard");
        return email;
    }

    /** On the sign-in page: the password, then the code from the other process's outbox. */
    private static void signInWithPasswordAndCode(String email) {
        browser.type("#email", email);
        browser.type("#password", WebAppBrowserTest.PASSWORD);
        browser.click("#sign-in");
        browser.type("#code", DevOutbox.latestCode(endpoint, email, 6));
        browser.click("#verify");
    }

    @Test
    void dashboardWhenTheNextRequestGoesToAnotherNodeThenTheSessionIsThere() {
        String email = signedIn("roaming");

        // Cookies do not depend on the port: the same session cookie goes to the other node.
        browser.open(secondBase + "/dashboard");

        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(browser.text("#user")).isEqualTo(email);
        browser.click("#sign-out");
        browser.open(base + "/dashboard");
        assertThat(browser.path()).as("signed out on one node is signed out on all").isEqualTo("/");
    }

    @Test
    void signInWhenOneUsernameIsTriedTooOftenThenRateLimitedAcrossVisitors() {
        String email = "target-" + System.nanoTime() + "@example.com";
        for (int attempt = 1; attempt <= PER_USERNAME; attempt++) {
            // A new visitor each time: the limit is on the username, not on a session.
            browser.newVisitor(base);
            browser.open(base + "/?lang=en");
            browser.type("#email", email);
            browser.type("#password", "Wrong-Passw0rd!" + attempt);
            browser.click("#sign-in");
            // This client does not prevent user-existence errors (Cognito's LEGACY default).
            assertThat(browser.text("#error")).isEqualTo("There is no account with this email address.");
        }
        browser.newVisitor(base);
        browser.open(base + "/?lang=ja");
        browser.type("#email", email);
        browser.type("#password", "Wrong-Passw0rd!" + (PER_USERNAME + 1));
        browser.click("#sign-in");

        assertThat(browser.text("#error")).isEqualTo("試行回数が多すぎます。1分ほど待ってからもう一度お試しください。");
    }
}

package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import dev.tobira.server.interop.CognitoIdentityJs;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * aws-amplify v6 in Chromium with a virtual authenticator against a dev-mode Tobira: passkeys need a
 * real browser, so {@code src/test/node/amplify-passkeys-page.mjs} is bundled with the locked esbuild
 * and served by this test on {@code http://localhost:<port>} (the dev pool's relying party id is
 * {@code localhost}); nothing is fetched from the network.
 */
class AmplifyPasskeysBrowserTest {

    @RegisterExtension
    static final WebTestResources shared = new WebTestResources();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PAGE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Amplify passkeys</title>
            <script src="/amplify-passkeys.js"></script></head><body>Amplify passkeys</body></html>
            """;

    @TempDir
    static Path bundleDir;

    private static RunningTobira tobira;
    private static Browser browser;
    private static HttpServer pages;
    private static String origin;

    private VirtualAuthenticator authenticator;

    @BeforeAll
    static void start() throws Exception {
        CognitoIdentityJs.assumeInstalled(CognitoIdentityJs.PROJECT, "aws-amplify", "esbuild");
        byte[] bundle = BrowserBundle.of("amplify-passkeys-page.mjs", bundleDir.resolve("amplify-passkeys.js"));
        tobira = shared.server();
        browser = shared.browser();
        pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pages.createContext("/", exchange -> {
            boolean script = exchange.getRequestURI().getPath().equals("/amplify-passkeys.js");
            BrowserBundle.send(exchange, script ? "text/javascript" : "text/html", script ? bundle : PAGE.getBytes(StandardCharsets.UTF_8));
        });
        pages.start();
        origin = "http://localhost:" + pages.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (pages != null) {
            pages.stop(0);
        }
    }

    @BeforeEach
    void addAuthenticator() {
        authenticator = browser.driver().addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
    }

    @AfterEach
    void removeAuthenticator() {
        browser.driver().removeVirtualAuthenticator(authenticator);
    }

    @Test
    void amplifyWhenPasskeyAssociatedThenListedAndSignInWithWebAuthnSignsIn() {
        String email = WebAppBrowserTest.confirmedUser(tobira, "amplify-passkey");
        browser.open(origin + "/");
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // The script's promise is the wait: Selenium returns when Amplify's calls have all settled.
        Object answer = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.tobiraAmplifyPasskeys(arguments[0]).then(r => done(JSON.stringify(r)),
                    e => done(JSON.stringify({outcome: 'error', step: 'page', message: String(e)})));
                """, Map.of("endpoint", tobira.endpoint(), "userPoolId", DevPool.poolId("us-east-1"),
                "clientId", DevPool.CLIENT_ID, "email", email, "password", WebAppBrowserTest.PASSWORD));
        JsonNode r = JSON.readTree((String) answer);

        assertThat(r.get("outcome").asString()).as(r.toString()).isEqualTo("success");
        assertThat(r.at("/passwordSignIn/isSignedIn").asBoolean()).isTrue();
        assertThat(r.get("listed")).hasSize(1);
        assertThat(r.at("/listed/0/relyingPartyId").asString()).isEqualTo("localhost");
        assertThat(r.at("/listed/0/credentialId").asString()).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(authenticator.getCredentials().getFirst().getId()));
        assertThat(r.at("/passkeySignIn/isSignedIn").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.at("/passkeySignIn/nextStep/signInStep").asString()).isEqualTo("DONE");
        assertThat(r.at("/session/email").asString()).isEqualTo(email);
    }
}

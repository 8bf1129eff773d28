package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import dev.tobira.server.interop.DevOutbox;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * The web app's passkey pages in a real headless Chromium with a virtual authenticator (CTAP2, built
 * in, discoverable credentials, user verification), against a dev-mode Tobira whose dev pool has the
 * relying party id {@code localhost}: so the pages are opened on {@code http://localhost:<port>}.
 */
class PasskeyBrowserTest {

    @RegisterExtension
    static final WebTestResources shared = new WebTestResources();

    private static RunningTobira tobira;
    private static Browser browser;
    private static String base;

    private VirtualAuthenticator authenticator;

    @BeforeAll
    static void start() {
        tobira = shared.server();
        browser = shared.browser();
        base = "http://localhost:" + tobira.settings().port();
    }

    @BeforeEach
    void newVisitorWithAnAuthenticator() {
        browser.newVisitor(base);
        browser.open(base + "/?lang=en");
        authenticator = browser.driver().addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
    }

    @AfterEach
    void removeTheAuthenticator() {
        browser.driver().removeVirtualAuthenticator(authenticator);
    }

    /** A new user signed in with the password and the emailed code; on the dashboard. */
    private String signedIn(String name) {
        return signedInAs(WebAppBrowserTest.confirmedUser(tobira, name));
    }

    private String signedInAs(String email) {
        browser.open(base + "/");
        browser.type("#email", email);
        browser.type("#password", WebAppBrowserTest.PASSWORD);
        browser.click("#sign-in");
        browser.type("#code", DevOutbox.latestCode(base, email, 6));
        browser.click("#verify");
        assertThat(browser.path()).isEqualTo("/dashboard");
        return email;
    }

    private void addPasskey() {
        browser.click("#add-passkey");
        assertThat(browser.text("h1")).isEqualTo("Add a passkey");
        // The page posts itself once the browser has made the passkey.
        browser.click("#passkey-go");
        assertThat(browser.path()).isEqualTo("/dashboard");
    }

    private void startPasskeySignIn(String email) {
        browser.open(base + "/");
        browser.type("#passkey-email", email);
        browser.click("#passkey-sign-in");
    }

    @Test
    void passkeyWhenAddedFromTheDashboardThenListedSignsInAndOnceDeletedNoLonger() {
        String email = signedIn("haru");
        assertThat(browser.text("#no-passkeys")).contains("no passkey yet");

        addPasskey();
        assertThat(browser.text("#notice")).isEqualTo("Your passkey was added. You can sign in with it now.");
        assertThat(browser.all("#passkeys tr.passkey")).hasSize(1);
        assertThat(browser.text("#passkeys .passkey-created")).endsWith(" UTC");
        assertThat(authenticator.getCredentials()).singleElement()
                .satisfies(c -> assertThat(c.isResidentCredential()).isTrue());
        browser.click("#sign-out");

        startPasskeySignIn(email);
        assertThat(browser.path()).isEqualTo("/passkey");
        browser.click("#passkey-go");
        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(browser.text("#user")).isEqualTo(email);
        assertThat(browser.text("#method")).isEqualTo("A passkey (no password)");
        assertThat(browser.source()).doesNotContainPattern(WebAppBrowserTest.JWT);

        browser.click("#passkeys .delete-passkey");
        assertThat(browser.text("#notice")).isEqualTo("The passkey was deleted. It no longer signs you in.");
        assertThat(browser.all("#passkeys tr.passkey")).isEmpty();
        browser.click("#sign-out");

        startPasskeySignIn(email);
        assertThat(browser.path()).isEqualTo("/sign-in/passkey");
        assertThat(browser.text("#error")).startsWith("There is no passkey for this email address.");
    }

    @Test
    void passkeyWhenDeletedWhileItsChallengeIsOpenThenTheBrowsersAssertionIsRefused() {
        String email = signedIn("natsu");
        addPasskey();
        browser.click("#sign-out");
        startPasskeySignIn(email);
        assertThat(browser.path()).isEqualTo("/passkey");

        // Elsewhere (another device, the user's own app) the passkey is deleted through the API.
        try (CognitoIdentityProviderClient cognito = tobira.publicClient("127.0.0.1")) {
            String token = cognito.initiateAuth(b -> b.clientId(DevPool.CLIENT_ID).authFlow(AuthFlowType.USER_AUTH)
                    .authParameters(Map.of("USERNAME", email, "PREFERRED_CHALLENGE", "PASSWORD",
                            "PASSWORD", WebAppBrowserTest.PASSWORD)))
                    .authenticationResult().accessToken();
            String id = cognito.listWebAuthnCredentials(b -> b.accessToken(token)).credentials().getFirst()
                    .credentialId();
            cognito.deleteWebAuthnCredential(b -> b.accessToken(token).credentialId(id));
        }
        browser.click("#passkey-go");
        assertThat(browser.path()).isEqualTo("/passkey");
        assertThat(browser.text("#error")).isEqualTo(
                "That passkey was not accepted. Please try again, or use another sign-in method.");
    }

    @Test
    void emailCodeSignInWhenTheChoiceOffersThePasskeyButNoEmailedCodeThenThePasskeyStepFollows() {
        // An unverified email address gets no EMAIL_OTP; the user's passkey is what the choice offers.
        String email = WebAppBrowserTest.newEmail("fuyu");
        try (CognitoIdentityProviderClient cognito = tobira.client()) {
            cognito.adminCreateUser(b -> b.userPoolId(DevPool.poolId("us-east-1")).username(email)
                    .messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(AttributeType.builder().name("email").value(email).build()));
            cognito.adminSetUserPassword(b -> b.userPoolId(DevPool.poolId("us-east-1")).username(email)
                    .password(WebAppBrowserTest.PASSWORD).permanent(true));
        }
        signedInAs(email);
        addPasskey();
        browser.click("#sign-out");

        browser.open(base + "/");
        browser.type("#code-email", email);
        browser.click("#send-code");
        assertThat(browser.path()).isEqualTo("/passkey");
        browser.click("#passkey-go");
        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(browser.text("#method")).isEqualTo("A passkey (no password)");
    }
}

package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.Limits;
import dev.tobira.core.trigger.EmailOtpSettings;
import dev.tobira.server.AdjustableClock;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.dev.DevPool;
import dev.tobira.server.interop.DevOutbox;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An emailed sign-in code that has expired, in the browser, for both designs: a server of its own
 * whose clock the test moves on (the web app inside it tells the same time), whose
 * {@code tobira-email-otp} codes work for 4 seconds, and whose passwordless codes last the dev
 * client's {@code AuthSessionValidity} (3 minutes).
 */
class WebCodeExpiryBrowserTest {

    @RegisterExtension
    static final WebTestResources shared = new WebTestResources();

    private static final Duration TRIGGER_VALIDITY = Duration.ofSeconds(4);
    private static final AdjustableClock clock = new AdjustableClock();

    private static RunningTobira tobira;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory(new Limits(6, Duration.ofHours(24), 5, Duration.ZERO,
                new EmailOtpSettings(6, TRIGGER_VALIDITY, 3)), clock);
        browser = shared.browser();
        base = tobira.endpoint();
    }

    @AfterAll
    static void stop() {
        if (tobira != null) {
            tobira.close();
        }
    }

    private static void newVisitor() {
        browser.newVisitor(base);
        browser.open(base + "/?lang=en");
    }

    /** Enters {@code code} when {@code late} has passed on the server's clock; the page says {@code sentence}. */
    private static void enteredTooLate(String code, Duration late, String sentence) {
        clock.advance(late);
        browser.type("#code", code);
        browser.click("#verify");

        assertThat(browser.path()).isEqualTo("/code");
        assertThat(browser.text("#error")).isEqualTo(sentence);
    }

    @Test
    void codeWhenEnteredAfterItExpiredThenANewCodeIsEmailedSaidSoAndSignsIn() {
        String email = WebAppBrowserTest.confirmedUser(tobira, "kaito");
        newVisitor();
        browser.type("#email", email);
        browser.type("#password", WebAppBrowserTest.PASSWORD);
        browser.click("#sign-in");
        String code = DevOutbox.latestCode(base, email, 6);
        int sent = DevOutbox.count(base, email);
        assertThat(browser.text("#validity")).matches("It works for 4 seconds, until \\d\\d:\\d\\d:\\d\\d UTC\\.");

        // The round's session outlives the code: tobira-email-otp emails a new code with the next round.
        enteredTooLate(code, TRIGGER_VALIDITY.plusSeconds(1),
                "That code had expired, so we emailed you a new one. Enter the new code.");
        assertThat(DevOutbox.count(base, email)).isEqualTo(sent + 1);
        assertThat(browser.text("#validity")).matches("It works for 4 seconds, until \\d\\d:\\d\\d:\\d\\d UTC\\.");

        browser.type("#code", DevOutbox.latestCode(base, email, 6));
        browser.click("#verify");
        assertThat(browser.path()).isEqualTo("/dashboard");
    }

    @Test
    void passwordlessCodeWhenEnteredAfterTheClientsSessionValidityThenExpiredSentenceAndANewCodeSignsIn() {
        String email = WebAppBrowserTest.passwordlessUser(tobira, "sora");
        newVisitor();
        browser.type("#code-email", email);
        browser.click("#send-code");
        String code = DevOutbox.latestCode(base, email, 8);
        // The client's AuthSessionValidity, not the custom-auth trigger's 4 seconds.
        assertThat(browser.text("#validity")).matches("It works for 3 minutes, until \\d\\d:\\d\\d:\\d\\d UTC\\.");

        enteredTooLate(code, DevPool.AUTH_SESSION_VALIDITY.plusSeconds(1),
                "This code has expired. Ask for a new code below.");

        browser.click("#resend");
        assertThat(browser.text("#notice")).startsWith("We sent you a new code.");
        browser.type("#code", DevOutbox.latestCode(base, email, 8));
        browser.click("#verify");
        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(browser.text("#method")).isEqualTo("A code by email (no password)");
    }
}

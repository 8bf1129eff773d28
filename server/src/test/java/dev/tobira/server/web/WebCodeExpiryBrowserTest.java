package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.core.Limits;
import dev.tobira.core.trigger.EmailOtpSettings;
import dev.tobira.server.RunningTobira;
import dev.tobira.server.interop.DevOutbox;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An emailed sign-in code that has expired, in the browser: a server of its own whose
 * {@code tobira-email-otp} codes work for 4 seconds, so the test can outwait one.
 */
class WebCodeExpiryBrowserTest {

    @RegisterExtension
    static final WebTestResources shared = new WebTestResources();

    private static final Duration VALIDITY = Duration.ofSeconds(4);

    private static RunningTobira tobira;
    private static Browser browser;

    @BeforeAll
    static void start() {
        tobira = RunningTobira.devInMemory(new Limits(6, Duration.ofHours(24), 5, Duration.ZERO,
                new EmailOtpSettings(6, VALIDITY, 3)));
        browser = shared.browser();
    }

    @AfterAll
    static void stop() {
        if (tobira != null) {
            tobira.close();
        }
    }

    @Test
    void codeWhenEnteredAfterItExpiredThenExpiredSentenceAndANewCodeSignsIn() throws InterruptedException {
        String base = tobira.endpoint();
        String email = WebAppBrowserTest.confirmedUser(tobira, "kaito");
        browser.newVisitor(base);
        browser.open(base + "/?lang=en");
        browser.type("#email", email);
        browser.type("#password", WebAppBrowserTest.PASSWORD);
        browser.click("#sign-in");
        String code = DevOutbox.latestCode(base, email, 6);

        Thread.sleep(VALIDITY.plusMillis(500).toMillis());
        browser.type("#code", code);
        browser.click("#verify");

        assertThat(browser.path()).isEqualTo("/code");
        assertThat(browser.text("#error")).isEqualTo("This code has expired. Ask for a new code below.");
        browser.type("#resend-password", WebAppBrowserTest.PASSWORD);
        browser.click("#resend");
        browser.type("#code", DevOutbox.latestCode(base, email, 6));
        browser.click("#verify");
        assertThat(browser.path()).isEqualTo("/dashboard");
    }
}

package dev.tobira.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tobira.server.RunningTobira;
import dev.tobira.server.interop.DevOutbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A PNG of every page in English and Japanese, taken in the real browser while walking through the
 * sign-ups and sign-ins, into the folder named by the system property {@code tobira.screenshots}:
 * the README's pictures are made with {@code -Dtobira.screenshots=../docs/screenshots}. Without the
 * property it does not run: the same flows are tested by {@link WebAppBrowserTest}, and the build
 * stays shorter.
 */
@EnabledIfSystemProperty(named = "tobira.screenshots", matches = ".+")
class WebScreenshotsTest {

    @RegisterExtension
    static final WebTestResources shared = new WebTestResources();

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private static RunningTobira tobira;
    private static Browser browser;
    private static String base;
    private static Path folder;

    @BeforeAll
    static void start() {
        tobira = shared.server();
        browser = shared.browser();
        base = tobira.endpoint();
        folder = Path.of(System.getProperty("tobira.screenshots"));
    }

    private static Path shoot(List<Path> taken, String language, String page) {
        Path file = folder.resolve(language + "-" + page + ".png");
        browser.screenshot(file);
        taken.add(file);
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void screenshotsWhenWalkingThroughThePasswordDesignThenAPngOfEveryPage(String language) throws IOException {
        List<Path> taken = new ArrayList<>();
        String email = "hanako." + language + "." + System.nanoTime() % 100000 + "@example.com";
        browser.newVisitor(base);
        browser.open(base + "/?lang=" + language);
        shoot(taken, language, "sign-in");
        browser.type("#email", email);
        browser.type("#password", "Wrong-Passw0rd!");
        browser.click("#sign-in");
        shoot(taken, language, "sign-in-error");
        browser.open(base + "/sign-up");
        shoot(taken, language, "sign-up");
        browser.type("#email", email);
        browser.type("#password", WebAppBrowserTest.PASSWORD);
        browser.click("#sign-up");
        shoot(taken, language, "confirm");
        browser.type("#code", DevOutbox.latestCode(base, email, 6));
        browser.click("#confirm");
        browser.type("#email", email);
        browser.type("#password", WebAppBrowserTest.PASSWORD);
        browser.click("#sign-in");
        shoot(taken, language, "code");
        browser.type("#code", DevOutbox.latestCode(base, email, 6));
        browser.click("#verify");
        browser.toggle("#token-panel summary");
        shoot(taken, language, "dashboard");

        assertThat(browser.path()).isEqualTo("/dashboard");
        for (Path file : taken) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes).as(file.toString()).startsWith(PNG).hasSizeGreaterThan(10_000);
        }
    }

    @Test
    void screenshotsWhenSigningInWithoutAPasswordThenThePasswordlessCodePage() throws IOException {
        for (String language : List.of("en", "ja")) {
            List<Path> taken = new ArrayList<>();
            String email = "yuki." + language + "." + System.nanoTime() % 100000 + "@example.com";
            browser.newVisitor(base);
            browser.open(base + "/sign-up?lang=" + language);
            browser.type("#code-email", email);
            browser.click("#sign-up-passwordless");
            browser.type("#code", DevOutbox.latestCode(base, email, 6));
            browser.click("#confirm");
            browser.click("#sign-out");
            browser.type("#code-email", email);
            browser.click("#send-code");
            Path file = shoot(taken, language, "code-passwordless");

            assertThat(Files.readAllBytes(file)).startsWith(PNG);
        }
    }
}

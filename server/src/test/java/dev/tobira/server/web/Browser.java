package dev.tobira.server.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through {@code /usr/bin/chromedriver}; one per test run, shared
 * by the browser tests ({@link WebTestResources}). Nothing is downloaded: Selenium Manager is never
 * asked, since both executables are given.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final int WIDTH = 960;

    private final ChromeDriver driver;

    Browser() {
        this(List.of());
    }

    /** @param extraArguments more Chromium switches, such as {@code --ignore-certificate-errors} for a {@link TlsFront} */
    Browser(List<String> extraArguments) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (./tobira test does it)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + WIDTH + ",900", "--lang=en-US", "--hide-scrollbars", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--disable-sync",
                "--disable-component-update", "--disable-default-apps");
        options.addArguments(extraArguments);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Forgets every cookie of {@code origin}: a new visitor. */
    void newVisitor(String origin) {
        driver.get(origin + "/web/app.css");
        driver.manage().deleteAllCookies();
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    void type(String css, String value) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(value);
    }

    /**
     * Clicks a link or submit button and waits until the next page has loaded, so no assertion reads the
     * old one. The old page is marked with a script property that a new document no longer has; asking an
     * element of the old page whether it went stale is not enough, since chromedriver sometimes answers
     * that with an inspector error while the navigation is under way.
     */
    void click(String css) {
        driver.executeScript("window.tobiraOldPage = true");
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return window.tobiraOldPage === undefined && document.readyState === 'complete'")));
    }

    /** Clicks something that stays on the page, such as a {@code <summary>}. */
    void toggle(String css) {
        find(css).click();
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    String source() {
        return driver.getPageSource();
    }

    String cookie(String name) {
        Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    Cookie cookieNamed(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /** Waits until {@code css} is enabled, at most {@code timeout}. */
    void waitEnabled(String css, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> d.findElement(By.cssSelector(css)).isEnabled());
    }

    /** A PNG of the whole page, {@value #WIDTH} pixels wide, saved as {@code file}. */
    void screenshot(Path file) {
        long height = (Long) driver.executeScript(
                "return Math.ceil(Math.max(document.body.scrollHeight, document.documentElement.scrollHeight))");
        Dimension before = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.max(600, height + 20)));
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

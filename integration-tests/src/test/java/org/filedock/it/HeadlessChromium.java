package org.filedock.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's {@code chromium}, headless, driven through Debian's {@code chromedriver}. Both paths are
 * given to Selenium, so it never looks for (or downloads) a driver or a browser of its own.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * When the browser or its driver is missing: fails in CI (which installs both with
     * .ci/browser.sh, so a missing browser there is a broken set-up), and skips elsewhere, saying
     * why, so that {@code mvn verify} works on a machine with only a JDK and Maven.
     *
     * @param extraArguments further command-line switches for the browser
     */
    static HeadlessChromium start(String... extraArguments) throws IOException {
        Path chromium = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            String missing = "the browser test needs Debian's chromium (" + chromium + ") and chromium-driver ("
                    + chromedriver + "): run .ci/browser.sh, or apt-get install chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        Path profile = Files.createTempDirectory(ItConfig.workDirectory(), "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1400", "--user-data-dir=" + profile);
        options.addArguments(extraArguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogFile(ItConfig.screenshotDirectory().resolve("chromedriver.log").toFile())
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Polls until the condition holds (a non-null, non-false value), up to 30 seconds. */
    <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(what).until(condition);
    }

    Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    Path screenshot(String name) throws IOException {
        Path target = ItConfig.screenshotDirectory().resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

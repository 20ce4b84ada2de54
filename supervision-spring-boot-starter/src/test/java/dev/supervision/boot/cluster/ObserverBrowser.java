package dev.supervision.boot.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driving the observer page. Without {@code chromium} and
 * {@code chromium-driver} the test that opens it is skipped, except under CI, where it fails.
 * Screenshots go to {@code target/observer/}.
 */
final class ObserverBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;

    private ObserverBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A headless browser at 1280x800, or the test is skipped when Chromium is not installed. */
    static ObserverBrowser open() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            fail("CI must have Debian's chromium and chromium-driver");
        }
        assumeTrue(present, "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--window-size=1280,800",
                "--user-data-dir=" + Files.createTempDirectory("cluster-observer"));
        return new ObserverBrowser(new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options));
    }

    void load(String url) {
        driver.get(url);
    }

    /** Clicks the element once it is there (the page re-renders often: it is looked up afresh each time). */
    void clickWhenPresent(By element) {
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            driver.findElement(element).click();
            return true;
        });
    }

    String text(By element) {
        return driver.findElement(element).getText();
    }

    String attribute(By element, String name) {
        String value = driver.findElement(element).getDomAttribute(name);
        return value == null ? "" : value;
    }

    /** Accepts the confirmation the page asks for; returns its text. */
    String acceptAlert() {
        String text = await().atMost(WAIT).ignoreExceptions().until(() -> driver.switchTo().alert().getText(),
                found -> found != null);
        driver.switchTo().alert().accept();
        return text;
    }

    void screenshot(String name) throws IOException {
        Path target = Path.of("target", "observer");
        Files.createDirectories(target);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package dev.supervision.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The observer page in a real headless Chromium (Debian's chromium and chromium-driver, which
 * {@code .ci/run} installs): the tree with {@code dbconnector}, a kill with confirmation, and the new
 * pid and restart count arriving without a reload. Screenshots go to {@code target/observer/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"supervision.observer.enabled=true", "supervision.on-root-failure=stay-up"})
class ObserverPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "observer");

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void openBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            fail("CI must have Debian's chromium and chromium-driver: .ci/run installs them");
        }
        assumeTrue(present, "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,800",
                "--user-data-dir=" + Files.createTempDirectory("observer-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebElement connectorRow() {
        List<WebElement> rows = browser.findElements(By.cssSelector(".node[data-name='dbconnector']"));
        return rows.isEmpty() ? null : rows.getFirst();
    }

    private void clickInConnectorRow(String selector) {
        await().ignoreExceptions().until(() -> {
            connectorRow().findElement(By.cssSelector(selector)).click();
            return true;
        });
    }

    private static void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void killFromThePageShowsTheNewPidWithoutAReload() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 800));
        browser.get("http://localhost:" + port + "/actuator/supervision"); // a browser gets the page there
        WebElement row = await().atMost(Duration.ofSeconds(15)).until(this::connectorRow,
                found -> found != null && !found.getDomAttribute("data-pid").isEmpty());
        String before = row.getDomAttribute("data-pid");
        assertThat(row.getText()).contains("dbConnector", "running", "restarts 0");
        assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("live");
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

        clickInConnectorRow("button.select"); // the tree re-renders on every push: find the row afresh
        await().until(() -> browser.findElement(By.id("detail")).getText().contains("links"));
        screenshot("observer-before-kill.png");

        clickInConnectorRow("button.kill");
        assertThat(browser.switchTo().alert().getText()).contains("Kill dbConnector");
        browser.switchTo().alert().accept();

        String after = await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            WebElement found = connectorRow();
            return found.getDomAttribute("data-pid") + " " + found.getDomAttribute("data-status") + " " + found.getText();
        }, text -> !text.startsWith(before) && !text.startsWith(" ") && text.contains(" running ")
                && text.contains("restarts 1") && text.contains("last exit: killed"));
        assertThat(after).doesNotStartWith(before);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);
        screenshot("observer.png");

        browser.manage().window().setSize(new Dimension(390, 844));
        await().ignoreExceptions().until(() -> connectorRow().isDisplayed());
        screenshot("observer-phone.png");
    }
}

package io.bindery.e2e.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Runs the Debian packages' headless Chromium through their chromedriver, offline.
 *
 * <p>Each browser gets a new, empty profile directory, deleted on {@link #close()}. Selenium
 * Manager never runs: the driver's path is given, so nothing is downloaded. Screenshots go to
 * the folder named by the system property {@value #SCREENSHOTS_PROPERTY}, by default
 * {@code target/screenshots}. Not thread-safe.
 */
public final class Browser implements AutoCloseable {

    /** The Chromium binary of the Debian package {@code chromium}. */
    public static final String BINARY = "/usr/bin/chromium";
    /** The driver of the Debian package {@code chromium-driver}. */
    public static final String DRIVER = "/usr/bin/chromedriver";
    /** The system property naming the screenshot folder. */
    public static final String SCREENSHOTS_PROPERTY = "bindery.screenshots.dir";

    private static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox",
            "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1280,900");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts Chromium with a fresh profile.
     *
     * @return the running browser
     * @throws IllegalStateException when Chromium or chromedriver is not installed
     */
    public static Browser start() {
        requireExecutable(BINARY);
        requireExecutable(DRIVER);
        System.setProperty("webdriver.chrome.driver", DRIVER);
        System.setProperty("SE_OFFLINE", "true");
        Path profile = newProfile();
        var options = new ChromeOptions().setBinary(BINARY).addArguments(ARGUMENTS)
                .addArguments("--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    /** @return the Selenium driver */
    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Loads a page and waits for its document to load.
     *
     * @param url the address
     */
    public void open(String url) {
        driver.get(url);
    }

    /** @return the address of the current page */
    public String url() {
        return driver.getCurrentUrl();
    }

    /**
     * Finds the elements a CSS selector matches now.
     *
     * @param css the selector
     * @return the elements, possibly none
     */
    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Finds the one element a CSS selector matches.
     *
     * @param css the selector
     * @return the element
     * @throws org.openqa.selenium.NoSuchElementException when none matches
     */
    public WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /**
     * Saves a screenshot of the whole page, beyond the window's height if it is longer.
     *
     * @param name the file name, such as {@code dashboard.png}
     * @return the saved file
     */
    public Path screenshot(String name) {
        Path dir = Path.of(System.getProperty(SCREENSHOTS_PROPERTY, "target/screenshots"));
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), fullPage());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the screenshot " + name, e);
        }
    }

    /** Quits the browser and deletes its profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    /** Captures the page through the DevTools protocol, which chromedriver relays. */
    private byte[] fullPage() {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics",
                Map.of());
        @SuppressWarnings("unchecked")
        var size = (Map<String, Number>) metrics.get("cssContentSize");
        var clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", Math.ceil(size.get("width").doubleValue()),
                "height", Math.ceil(size.get("height").doubleValue()));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    private static void requireExecutable(String file) {
        if (!Files.isExecutable(Path.of(file))) {
            throw new IllegalStateException("'" + file + "' is missing; install Chromium with "
                    + "'apt-get install -y chromium chromium-driver' (.ci/run does it).");
        }
    }

    private static Path newProfile() {
        try {
            return Files.createTempDirectory("bindery-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a Chromium profile directory", e);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the Chromium profile " + dir, e);
        }
    }
}

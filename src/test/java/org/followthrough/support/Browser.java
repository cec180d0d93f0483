package org.followthrough.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium, driven through the installed chromedriver, shared by all the tests of a
 * class: start it in {@code @BeforeAll}, {@link #close()} it in {@code @AfterAll}, and change the
 * window size between pages with {@link #resize}.
 *
 * <p>The browser and the driver are always the ones installed on the machine
 * ({@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, or the paths in the system
 * properties {@code followthrough.chromium} and {@code followthrough.chromedriver}); Selenium
 * Manager is never asked to find or download anything. When either is missing the tests are
 * skipped, except under CI (environment variable {@code CI=true}), where they fail.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("followthrough.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("followthrough.chromedriver", "/usr/bin/chromedriver"));
    public static final String INSTALL_HINT = "apt-get install -y chromium chromium-driver";

    /** Selenium logs a warning about CDP versions on every start; the tests do not use that part. Held so the setting is not collected. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final boolean javaScript;
    /** How much bigger the window is than its viewport. */
    private Dimension frame = new Dimension(0, 0);

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile, boolean javaScript) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        this.javaScript = javaScript;
    }

    /** Skips the calling test (or fails it under CI) unless Chromium and chromedriver are installed. */
    public static void assumeAvailable() {
        String missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p)).map(Path::toString)
                .reduce((a, b) -> a + " and " + b).orElse(null);
        if (missing == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("Chromium is required under CI: " + INSTALL_HINT + " (missing: " + missing + ")");
        }
        String why = "browser tests skipped: " + missing + " not found; to run them install Chromium and its driver ("
                + INSTALL_HINT + " on Debian/Ubuntu) or point -Dfollowthrough.chromium / -Dfollowthrough.chromedriver at them";
        // Surefire does not show why a whole class was skipped, so say it where the developer will see it.
        System.err.println("WARNING: " + why);
        Assumptions.abort(why);
    }

    /** A headless Chromium with JavaScript on, 1280×900 to start with. */
    public static Browser start() {
        return start(true);
    }

    /** A headless Chromium with JavaScript switched off by the same content setting a user or administrator would use. */
    public static Browser startWithoutJavaScript() {
        return start(false);
    }

    private static Browser start(boolean javaScript) {
        assumeAvailable();
        Path profile;
        try {
            profile = Files.createTempDirectory("followthrough-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(service, driver, profile, javaScript);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public boolean javaScript() {
        return javaScript;
    }

    /**
     * Makes the viewport (the layout width pages see, what media queries test) exactly
     * {@code width}×{@code height} CSS pixels.
     */
    public void resize(int width, int height) {
        // Even headless, the window counts some height for browser furniture: measure the viewport and
        // make up the difference, remembered for the next resize. (WebDriver scripts run even when the
        // page's own JavaScript is off.) A viewport that has the size asked for has settled; otherwise, on
        // a busy machine the window may take a moment to settle after a resize, so the viewport is read
        // until two readings agree, and a few attempts are allowed.
        long[] inner = null;
        long[] before = viewport();
        for (int attempt = 0; attempt < 8; attempt++) {
            driver.manage().window().setSize(new Dimension(width + frame.width, height + frame.height));
            inner = viewport();
            if (inner[0] == width && inner[1] == height) {
                awaitMediaQueries(width, height);
                return;
            }
            inner = settledViewport(inner);
            if (inner[0] == width && inner[1] == height) {
                awaitMediaQueries(width, height);
                return;
            }
            if (inner[0] == before[0] && inner[1] == before[1]) {
                // The viewport is as it was before the resize: on a busy machine the window may not have been resized yet,
                // and reading its old size as furniture to make up would ask for a wrong size next. Wait, and read again.
                pause(100L * (attempt + 1));
                inner = settledViewport(viewport());
                if (inner[0] == width && inner[1] == height) {
                    awaitMediaQueries(width, height);
                    return;
                }
            }
            frame = new Dimension(Math.max(0, frame.width + width - (int) inner[0]), Math.max(0, frame.height + height - (int) inner[1]));
        }
        throw new IllegalStateException("could not make the viewport " + width + "×" + height + "; it is " + inner[0] + "×" + inner[1]);
    }

    /**
     * Waits until the page's media queries see the viewport's new size: the window reports it at once, but a busy
     * browser may lay out a page it was showing at another width by that width's rules for a moment longer, and
     * a check made then measures the page at one width by the rules of another.
     */
    private void awaitMediaQueries(int width, int height) {
        String query = "return window.matchMedia('(width: " + width + "px) and (height: " + height + "px)').matches;";
        for (int reading = 0; reading < 40; reading++) {
            if (Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(query))) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("the page's media queries did not see the viewport of " + width + "×" + height);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long[] settledViewport(long[] read) {
        long[] previous = read;
        for (int reading = 0; reading < 40; reading++) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long[] now = viewport();
            if (now[0] == previous[0] && now[1] == previous[1]) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    /**
     * Loads a page of a Followthrough site and waits until its stylesheet applies: on a busy machine a stylesheet
     * fetched slowly would otherwise be measured or pictured as a page without one.
     */
    public void loadStyled(String url) {
        driver.get(url);
        for (int attempt = 0; attempt < 3; attempt++) {
            Boolean styled = (Boolean) driver.executeScript(
                    "var s = document.querySelector('.skip-link'); return !s || getComputedStyle(s).position === 'absolute';");
            if (Boolean.TRUE.equals(styled)) {
                return;
            }
            driver.navigate().refresh();
        }
        throw new AssertionError(url + ": its stylesheet did not load");
    }

    /** The viewport's width and height in CSS pixels. */
    public long[] viewport() {
        List<?> inner = (List<?>) ((JavascriptExecutor) driver).executeScript("return [window.innerWidth, window.innerHeight];");
        return new long[] {((Number) inner.get(0)).longValue(), ((Number) inner.get(1)).longValue()};
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover profile in the temp folder is harmless
        }
    }
}

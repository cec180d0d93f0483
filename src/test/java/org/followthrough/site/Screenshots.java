package org.followthrough.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.followthrough.support.Browser;
import org.followthrough.support.LocalSite;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Not a check: full-page screenshots of the home page, each plan page and each organisation page
 * of the site built from the shipped content, at 375 and 1280 CSS pixels wide, written to
 * target/screenshots/ for people to look at. Run it with
 * <pre>mvn -o test -Dtest=Screenshots -Dfollowthrough.screenshots=true</pre>
 * (its name keeps it out of the normal test run; the property keeps it off when run by accident).
 */
class Screenshots {

    static final Path OUT = Path.of("target/screenshots");
    static final Pattern PAGES = Pattern.compile("index\\.html|(plans|organisations)/[^/]+/index\\.html");
    static final int[][] SIZES = {{375, 800}, {1280, 900}};

    @Test
    @EnabledIfSystemProperty(named = "followthrough.screenshots", matches = "true")
    void writeScreenshots(@TempDir Path temp) throws IOException {
        Browser.assumeAvailable();
        Files.createDirectories(OUT);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(OUT, "*.png")) {
            for (Path png : old) {
                Files.delete(png);
            }
        }
        List<Path> written = new ArrayList<>();
        try (LocalSite site = LocalSite.build(TestBuilds.SHIPPED_CONTENT, temp.resolve("site"));
             Browser browser = Browser.start()) {
            List<String> pages = site.pages().stream().filter(p -> PAGES.matcher(p).matches()).toList();
            for (int[] size : SIZES) {
                browser.resize(size[0], size[1]);
                for (String page : pages) {
                    browser.driver().get(site.url(page));
                    Path file = OUT.resolve(name(page) + "-" + size[0] + ".png");
                    Files.write(file, fullPage(browser.driver(), size[0]));
                    written.add(file);
                }
            }
        }
        written.forEach(f -> System.out.println("screenshot: " + f));
        assertThat(written).isNotEmpty();
    }

    /** "index.html" → "home"; "plans/x/index.html" → "plans-x". */
    static String name(String page) {
        String p = page.replaceFirst("/?index\\.html$", "");
        return p.isEmpty() ? "home" : p.replace('/', '-');
    }

    /**
     * The whole document, not just the viewport, through the DevTools protocol. If the page is wider
     * than the viewport (content that does not reflow), the extra width is in the picture too.
     */
    @SuppressWarnings("unchecked")
    static byte[] fullPage(ChromeDriver driver, int viewportWidth) {
        Map<String, Object> content = Map.of("width", 0, "height", 0);
        // On a busy machine the layout can still be empty just after the window is resized: ask again until it is not.
        for (int tries = 0; tries < 100 && ((Number) content.get("height")).doubleValue() == 0; tries++) {
            if (tries > 0) {
                sleep();
            }
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            content = (Map<String, Object>) metrics.get("cssContentSize");
        }
        double width = Math.max(viewportWidth, ((Number) content.get("width")).doubleValue());
        double height = ((Number) content.get("height")).doubleValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

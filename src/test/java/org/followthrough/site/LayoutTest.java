package org.followthrough.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.followthrough.model.Archive;
import org.followthrough.model.Organisation;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.support.Browser;
import org.followthrough.support.LocalSite;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * What a reader sees on a phone and on a desktop, measured in a real (headless) Chromium on the
 * site built from the shipped content and on the own site of the organisation with the longest name
 * (whose header is the tallest): no page scrolls sideways at 320, 375 or 1280 CSS pixels wide (wide
 * tables reflow or scroll inside their own box; the organisation's site is measured at 320, its plans'
 * pages at every width) nor cuts off a chart's labels, on a phone no table whose rows become cards
 * scrolls sideways in its box, and every plan page of both shows its status summary whole within the
 * first screen at 375×812 and 1280×800, before any scrolling; the organisation's header stays compact
 * on a phone. Of a snapshot, one page of each kind is measured ({@link LocalSite#pagesToCheck()}).
 */
// Beside the other test classes (see junit-platform.properties); its own tests one at a time, as they share its browser.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("LayoutTest")
class LayoutTest {

    record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "×" + height;
        }
    }

    /** The narrowest phone WCAG's reflow criterion names, a common phone, and a laptop. */
    static final List<Size> SIZES = List.of(new Size(320, 568), new Size(375, 812), new Size(1280, 800));
    /** The sizes at which a plan's status must be seen without scrolling. */
    static final List<Size> FIRST_SCREEN = List.of(new Size(375, 812), new Size(1280, 800));
    /** What a plan page's status summary is: counts by status, flags, last update and the as-at date. */
    static final String STATUS_SUMMARY = "#progress";
    /**
     * The most a phone's screen gives to the site's header with every link of its menu shown: a sixth of the screen's
     * height (135 px of 812 at 375 wide), and at 320×568, where the menu takes more rows, a third (189 px).
     */
    static long headerOnAPhone(Size size) {
        return size.width() < 375 ? size.height() / 3 : size.height() / 6;
    }

    /**
     * The elements that stick out to the right of the window, outside any box that scrolls or clips them,
     * widest first: what makes a page scroll sideways. Each as "tag#id.class (right edge px)".
     */
    private static final String SPILLING = """
            var width = document.documentElement.clientWidth, found = [];
            function contained(e) {
              for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                var o = getComputedStyle(p).overflowX;
                if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') { return true; }
              }
              return false;
            }
            document.querySelectorAll('body *').forEach(function (e) {
              var r = e.getBoundingClientRect();
              if (r.width > 0 && r.right > width + 0.5 && !contained(e)) {
                found.push([Math.round(r.right), e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '')]);
              }
            });
            found.sort(function (a, b) { return b[0] - a[0]; });
            return [document.documentElement.scrollWidth, window.innerWidth,
                    found.slice(0, 6).map(function (f) { return f[1] + ' (to ' + f[0] + ' px)'; }).join(', ')];
            """;

    @TempDir
    static Path temp;

    private static Browser browser;
    /** The window's size now: resized only when a test needs another. */
    private static Size current;
    /** The page the browser shows now, if {@link #show} loaded it. */
    private static String loaded;
    private static LocalSite site;
    private static LocalSite organisationSite;
    /** Serves the fragments, each in a plain page of a host's site; null until a test needs it. */
    private static LocalSite fragmentHost;
    private static AssertionError buildFailure;

    @BeforeAll
    static void buildServeAndStartBrowser() {
        Browser.assumeAvailable();
        try {
            site = LocalSite.shared(TestBuilds.SHIPPED_CONTENT);
            organisationSite = LocalSite.build(TestBuilds.SHIPPED_CONTENT, temp.resolve("organisation-site"), "/", longestNamed(), false);
        } catch (AssertionError e) {
            buildFailure = e;
        }
        browser = Browser.start();
    }

    /** The organisation that owns actions and has the longest name: its own site has the longest title in its header. */
    private static String longestNamed() {
        Archive archive = Pipeline.check(TestBuilds.request(TestBuilds.SHIPPED_CONTENT, null)).archive();
        return archive.organisations().stream()
                .filter(o -> archive.plans().stream().anyMatch(p -> p.actions().anyMatch(a -> a.isOwnedBy(o.id()))))
                .max(Comparator.comparingInt((Organisation o) -> o.name().length())).orElseThrow().id();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (site != null) {
            site.close();
        }
        if (organisationSite != null) {
            organisationSite.close();
        }
        if (fragmentHost != null) {
            fragmentHost.close();
        }
    }

    /** A plan's own page (not a recommendation's, nor a page of a snapshot), which shows its status summary. */
    private static boolean isPlanPage(String page) {
        return page.matches("plans/[^/]+/index\\.html");
    }

    private static void resize(Size size) {
        if (!size.equals(current)) {
            browser.resize(size.width(), size.height());
            current = size;
        }
    }

    /** Shows the page at the size: loaded (at that size) unless the browser shows it already, else only resized. */
    private static void show(String url, Size size) {
        resize(size);
        if (!url.equals(loaded)) {
            browser.loadStyled(url);
            loaded = url;
        }
    }

    private static void built() {
        if (buildFailure != null) {
            throw new AssertionError("no page could be measured: " + buildFailure.getMessage(), buildFailure);
        }
    }

    /**
     * The tables marked to become cards on a phone ({@code table.stacked}) whose box still scrolls sideways, hiding
     * columns a reader must find by scrolling: each by its caption.
     */
    private static final String SCROLLING_CARD_TABLES = """
            var scrolling = [];
            document.querySelectorAll('table.stacked').forEach(function (table) {
              var box = table.closest('.table-wrap') || table;
              if (box.getBoundingClientRect().width > 0 && box.scrollWidth > box.clientWidth + 1) {
                scrolling.push((table.caption ? table.caption.textContent.trim() : table.id) + ' (' + box.scrollWidth + ' px in ' + box.clientWidth + ')');
              }
            });
            return scrolling;
            """;

    /**
     * The tables that give a chart's numbers, opened as a reader opens them, whose box scrolls sideways: each by its
     * caption. They have three to five short columns, which a phone's width holds. Each is closed again after.
     */
    private static final String SCROLLING_CHART_TABLES = """
            var scrolling = [];
            document.querySelectorAll('details.chart-table').forEach(function (details) {
              var was = details.open;
              details.open = true;
              details.querySelectorAll('.table-wrap').forEach(function (box) {
                if (box.scrollWidth > box.clientWidth + 1) {
                  var table = box.querySelector('table');
                  scrolling.push((table.caption ? table.caption.textContent.trim() : table.id) + ' (' + box.scrollWidth + ' px in ' + box.clientWidth + ')');
                }
              });
              details.open = was;
            });
            return scrolling;
            """;

    /**
     * The labels of the charts shown at the window's width that do not fit inside their drawing, where the
     * drawing's edge cuts them off: each as "chart id: text".
     */
    private static final String CLIPPED_LABELS = """
            var clipped = [];
            document.querySelectorAll('svg.chart').forEach(function (svg) {
              var box = svg.getBoundingClientRect();
              if (box.width === 0) { return; }
              svg.querySelectorAll('text').forEach(function (t) {
                var r = t.getBoundingClientRect();
                if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
                  clipped.push(svg.id + ': ' + t.textContent);
                }
              });
            });
            return clipped;
            """;

    /** The texts of each chart shown that overlap another of the same chart (axis labels run together), by more than a pixel. */
    private static final String OVERLAPPING_LABELS = """
            var overlapping = [];
            document.querySelectorAll('svg.chart').forEach(function (svg) {
              if (svg.getBoundingClientRect().width === 0) { return; }
              var boxes = Array.from(svg.querySelectorAll('text')).map(function (t) { return [t, t.getBoundingClientRect()]; });
              for (var i = 0; i < boxes.length; i++) {
                for (var j = i + 1; j < boxes.length; j++) {
                  var a = boxes[i][1], b = boxes[j][1];
                  if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) {
                    overlapping.push(svg.id + ': ' + boxes[i][0].textContent + ' / ' + boxes[j][0].textContent);
                  }
                }
              }
            });
            return overlapping;
            """;

    /**
     * The names of plans in a timeline of several plans that run on past the as-of line, into the column of actions done
     * without a date: each as "chart id: name".
     */
    private static final String PLAN_NAMES_PAST_THE_AS_OF_LINE = """
            var past = [];
            document.querySelectorAll('svg.chart').forEach(function (svg) {
              var line = svg.querySelector('line.as-of');
              if (svg.getBoundingClientRect().width === 0 || !line) { return; }
              var edge = line.getBoundingClientRect().left;
              svg.querySelectorAll('text.plan-name').forEach(function (t) {
                if (t.getBoundingClientRect().right > edge + 0.5) { past.push(svg.id + ': ' + t.textContent); }
              });
            });
            return past;
            """;

    /** The texts of each chart shown whose letters are drawn smaller than 12 CSS pixels, the drawing being scaled to the page. */
    private static final String SMALL_CHART_TEXT = """
            var small = [];
            document.querySelectorAll('svg.chart').forEach(function (svg) {
              var box = svg.getBoundingClientRect();
              if (box.width === 0) { return; }
              var scale = box.width / svg.viewBox.baseVal.width;
              svg.querySelectorAll('text').forEach(function (t) {
                var size = parseFloat(getComputedStyle(t).fontSize) * scale;
                if (size < 12) { small.push(svg.id + ': ' + t.textContent + ' at ' + size.toFixed(1) + ' px'); }
              });
            });
            return small;
            """;

    /**
     * Page by page, every page of both sites (of a snapshot, one page of each kind: {@link LocalSite#pagesToCheck()}):
     * at each width it does not scroll sideways nor cut off a chart's labels or draw them over each other (on a phone, nor
     * draw them smaller than 12 pixels), and a plan's page shows its status
     * summary within the first screen. A page is loaded once and resized for each width, smallest first, as a
     * reader turning a tablet or widening a window would see it.
     */
    @TestFactory
    Stream<DynamicNode> everyPageAtEveryWidth() {
        built();
        // the organisation's own site differs in its header: measured at the narrowest width, where that matters most,
        // and its plans' pages at every width, as their status summaries are
        return Stream.of(site, organisationSite).flatMap(on -> on.pagesToCheck().stream().map(page -> {
            String url = on.url(page);
            boolean plan = isPlanPage(page);
            List<Size> sizes = on == site || plan ? SIZES : SIZES.subList(0, 1);
            return DynamicContainer.dynamicContainer(url, sizes.stream().flatMap(size -> Stream.concat(
                    Stream.of(DynamicTest.dynamicTest("at " + size + ": does not scroll sideways nor cut off a chart's labels",
                            () -> noSidewaysScrollNorClippedLabels(url, page, size))),
                    plan && FIRST_SCREEN.contains(size)
                            ? Stream.of(DynamicTest.dynamicTest("at " + size + ": shows its status within the first screen",
                                    () -> statusWithinTheFirstScreen(url, size)))
                            : Stream.empty())));
        }));
    }

    /** A laptop's window at 200% zoom (1366 px), and a tablet held upright: tables stay tables there, as wide as they can be. */
    static final List<Size> ZOOMED = List.of(new Size(683, 768), new Size(800, 1024));

    /**
     * Where a table stays a table (wider than a phone) it shows every column: no table whose rows become cards on a
     * phone scrolls sideways in its box, which would cut off its last columns, the status and flags among them.
     */
    @TestFactory
    Stream<DynamicNode> tablesShowEveryColumnAtTwiceTheZoomOfALaptop() throws IOException {
        built();
        List<String> pages = new ArrayList<>();
        for (String page : site.pagesToCheck()) {
            if (!page.startsWith("snapshots/") && Files.readString(site.root().resolve(page)).contains("stacked")) {
                pages.add(page);
            }
        }
        assertThat(pages).as("pages with tables that become cards on a phone").anyMatch(p -> p.startsWith("actions/"));
        return pages.stream().map(page -> DynamicContainer.dynamicContainer(page, ZOOMED.stream().map(size ->
                DynamicTest.dynamicTest("at " + size, () -> {
                    show(site.url(page), size);
                    assertThat((List<?>) browser.driver().executeScript(SCROLLING_CARD_TABLES))
                            .as("%s at %s: tables that scroll sideways, cutting off columns", page, size).isEmpty();
                }))));
    }

    @Test
    void bothSitesHavePlanPagesToMeasure() {
        built();
        for (LocalSite on : List.of(site, organisationSite)) {
            assertThat(on.pagesToCheck()).as("plan pages of %s", on.baseUrl()).filteredOn(LayoutTest::isPlanPage)
                    .hasSizeGreaterThan(on == site ? 4 : 0);
        }
    }

    private static void noSidewaysScrollNorClippedLabels(String url, String page, Size size) {
        show(url, size);
        List<?> measured = (List<?>) browser.driver().executeScript(SPILLING);
        long scrollWidth = ((Number) measured.get(0)).longValue();
        long window = ((Number) measured.get(1)).longValue();
        assertThat(scrollWidth).withFailMessage(() -> page + " at " + size + " scrolls sideways: the document is "
                + scrollWidth + " px wide in a window of " + window + " px; sticking out: " + measured.get(2))
                .isLessThanOrEqualTo(window);
        assertThat((List<?>) browser.driver().executeScript(CLIPPED_LABELS)).as("%s at %s: chart labels cut off by the chart's edge", page, size)
                .isEmpty();
        assertThat((List<?>) browser.driver().executeScript(OVERLAPPING_LABELS)).as("%s at %s: chart labels drawn over each other", page, size)
                .isEmpty();
        assertThat((List<?>) browser.driver().executeScript(PLAN_NAMES_PAST_THE_AS_OF_LINE))
                .as("%s at %s: a plan's name in a timeline runs past the as-of line", page, size).isEmpty();
        if (size.width() < 640) {
            assertThat((List<?>) browser.driver().executeScript(SMALL_CHART_TEXT)).as("%s at %s: chart text too small to read on a phone", page, size)
                    .isEmpty();
            assertThat((List<?>) browser.driver().executeScript(SCROLLING_CARD_TABLES))
                    .as("%s at %s: tables whose rows should be cards on a phone but scroll sideways, hiding columns", page, size).isEmpty();
            assertThat((List<?>) browser.driver().executeScript(SCROLLING_CHART_TABLES))
                    .as("%s at %s: a chart's table, opened, scrolls sideways", page, size).isEmpty();
        }
    }

    private static void statusWithinTheFirstScreen(String url, Size size) {
        show(url, size);
        Map<?, ?> box = (Map<?, ?>) browser.driver().executeScript("""
                window.scrollTo(0, 0);
                var e = document.querySelector(arguments[0]);
                if (!e) { return null; }
                var r = e.getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, height: window.innerHeight, text: e.innerText};
                """, STATUS_SUMMARY);
        assertThat(box).as("%s has a status summary (%s)", url, STATUS_SUMMARY).isNotNull();
        double bottom = ((Number) box.get("bottom")).doubleValue();
        long height = ((Number) box.get("height")).longValue();
        assertThat(bottom).withFailMessage(() -> url + " at " + size + ": the status summary ends " + Math.round(bottom)
                + " px down, below the first screen of " + height + " px").isLessThanOrEqualTo(height);
        assertThat((String) box.get("text")).as("what the summary says").contains("action").contains("as at");
    }

    /**
     * An organisation's own site names the organisation in its header, and the longest name (with the link back
     * to the partnership's site) took about 180 px of a phone's 812 before any of the page's own content. With every
     * link of the menu shown, it stays within {@link #headerOnAPhone} at 320 and 375 px wide, on the home page and on
     * a plan's.
     */
    @TestFactory
    Stream<DynamicNode> theHeaderStaysCompactOnAPhoneWhateverTheOrganisationsName() {
        built();
        List<String> pages = List.of("index.html", organisationSite.pages().stream()
                .filter(LayoutTest::isPlanPage).findFirst().orElseThrow());
        return SIZES.stream().filter(size -> size.width() < 400).map(size -> DynamicContainer.dynamicContainer("at " + size, pages.stream()
                .map(page -> DynamicTest.dynamicTest(organisationSite.url(page), () -> {
                    resize(size);
                    browser.loadStyled(organisationSite.url(page));
                    loaded = organisationSite.url(page);
                    long height = ((Number) browser.driver().executeScript(
                            "return Math.round(document.querySelector('header.site-header').getBoundingClientRect().height);")).longValue();
                    assertThat(height).as("%s at %s: the header's height in px", page, size).isLessThanOrEqualTo(headerOnAPhone(size));
                }))));
    }

    /**
     * On a phone the site's menu wraps onto further rows: every link is shown whole within the window, none hidden
     * beyond the edge of a strip that scrolls sideways (at 320 px wide "Themes", "Search" and "How to read these
     * plans" were), and each is at least 24 px tall, a touch target. On the site and on an organisation's own site,
     * whose menu has one link more.
     */
    @TestFactory
    Stream<DynamicNode> onAPhoneEveryLinkOfTheMenuIsShownWhole() {
        built();
        String plan = site.pages().stream().filter(LayoutTest::isPlanPage).findFirst().orElseThrow();
        return Stream.of(site.url("index.html"), site.url(plan), organisationSite.url("index.html")).flatMap(url ->
                SIZES.stream().filter(size -> size.width() < 400).map(size -> DynamicTest.dynamicTest(url + " at " + size, () -> {
                    show(url, size);
                    assertThat((Boolean) browser.driver().executeScript("""
                            var ul = document.querySelector('header.site-header nav ul');
                            return ul.scrollWidth > ul.clientWidth + 1;
                            """)).as("%s at %s: the menu scrolls sideways, hiding links beyond its edge", url, size).isFalse();
                    List<?> links = (List<?>) browser.driver().executeScript("""
                            var width = document.documentElement.clientWidth;
                            return Array.prototype.map.call(document.querySelectorAll('header.site-header nav a'), function (a) {
                              var r = a.getBoundingClientRect();
                              return [a.textContent.trim(), r.left >= -0.5 && r.right <= width + 0.5, Math.round(r.height)];
                            });
                            """);
                    assertThat(links).as("the menu's links").hasSizeGreaterThanOrEqualTo(6);
                    for (Object each : links) {
                        List<?> link = (List<?>) each;
                        assertThat((Boolean) link.get(1)).as("%s at %s: \"%s\" shown whole, without scrolling", url, size, link.get(0)).isTrue();
                        assertThat(((Number) link.get(2)).longValue()).as("%s at %s: the height of \"%s\"", url, size, link.get(0)).isGreaterThanOrEqualTo(24);
                    }
                })));
    }

    /**
     * A page draws each status shape once and refers to it after that. Every shape is still drawn where the row that first
     * drew it is hidden, as the filters on a page of actions hide rows: on the plan page with the most status tags, the rows
     * holding the drawings are hidden, and each shape still referred to is drawn in a tag still shown (a tenth of its box
     * differs from the box's corner), not left an empty box.
     */
    @Test
    void everyStatusShapeIsDrawnWhereTheRowThatFirstDrewItIsHidden() throws Exception {
        built();
        String page = site.pages().stream().filter(LayoutTest::isPlanPage)
                .max(Comparator.comparingInt(LayoutTest::statusTags)).orElseThrow();
        show(site.url(page), new Size(1280, 800));
        loaded = null; // the page is changed below
        List<?> hidden = (List<?>) browser.driver().executeScript("""
                var hidden = [];
                document.querySelectorAll('.tag svg symbol').forEach(function (s) {
                  var row = s.closest('tr, li, p, dd, div');
                  row.hidden = true;
                  hidden.push(s.id);
                });
                return hidden;
                """);
        assertThat(hidden).as("%s draws shapes for the tags it shows", page).isNotEmpty();
        List<WebElement> shown = browser.driver().findElements(By.cssSelector(".tag svg")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(shown).as("tags still shown on %s once the rows that drew their shapes are hidden", page).hasSizeGreaterThan(3);
        List<String> empty = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (WebElement svg : shown) {
            String shape = svg.findElement(By.tagName("use")).getAttribute("href");
            if (!seen.add(shape)) {
                continue;
            }
            browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", svg);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                    svg.getScreenshotAs(OutputType.BYTES)));
            if (inked(image) < 0.1) {
                empty.add(shape);
            }
        }
        assertThat(seen).as("shapes referred to by tags still shown").isNotEmpty();
        assertThat(empty).as("shapes drawn as an empty box on %s (hidden: %s)", page, hidden).isEmpty();
    }

    /**
     * In a forced-colours mode (Windows High Contrast) a browser paints backgrounds in one system colour, which
     * would leave the status bar an empty box: each plan page's bar still shows each of its parts, in at least as
     * many colours as it has parts.
     */
    @Test
    void inForcedColoursTheStatusBarKeepsItsParts() throws Exception {
        built();
        Map<String, Object> forced = Map.of("features", List.of(Map.of("name", "forced-colors", "value", "active")));
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", forced);
        try {
            assertThat((Boolean) browser.driver().executeScript("return matchMedia('(forced-colors: active)').matches;"))
                    .as("the browser emulates a forced-colours mode").isTrue();
            for (String page : site.pages().stream().filter(LayoutTest::isPlanPage).toList()) {
                resize(new Size(1280, 800));
                browser.loadStyled(site.url(page));
                loaded = null;
                WebElement bar = browser.driver().findElement(By.cssSelector(".bar"));
                long parts = bar.findElements(By.tagName("span")).stream().filter(part -> part.getSize().getWidth() > 2).count();
                browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", bar);
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(bar.getScreenshotAs(OutputType.BYTES)));
                assertThat(colours(image)).as("colours in %s's status bar of %d parts, in forced colours", page, parts)
                        .isGreaterThanOrEqualTo(parts);
            }
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
            loaded = null;
        }
    }

    /** How many colours fill at least a twentieth of the image's middle row each: the parts a reader can tell apart. */
    private static long colours(BufferedImage image) {
        Map<Integer, Integer> counts = new HashMap<>();
        int y = image.getHeight() / 2;
        for (int x = 0; x < image.getWidth(); x++) {
            counts.merge(image.getRGB(x, y) & 0xf0f0f0, 1, Integer::sum);
        }
        return counts.values().stream().filter(count -> count >= image.getWidth() / 20).count();
    }

    private static int statusTags(String page) {
        try {
            return Jsoup.parse(site.root().resolve(page).toFile(), "UTF-8").select(".tag svg").size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The share of an image's pixels that differ clearly from its top left corner's: how much of it is drawn. */
    private static double inked(BufferedImage image) {
        int corner = image.getRGB(0, 0), inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y), difference = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    difference += Math.abs(((rgb >> shift) & 0xff) - ((corner >> shift) & 0xff));
                }
                if (difference > 96) {
                    inked++;
                }
            }
        }
        return (double) inked / (image.getWidth() * image.getHeight());
    }

    /**
     * Each embeddable fragment, put into a plain page of a host's site with the fragment's optional stylesheet, as a body
     * publishing it would: on a phone it makes the host's page scroll sideways no more than the site's own pages do (a
     * target written out in words, or a long address in a progress update, wraps).
     */
    @TestFactory
    Stream<DynamicNode> everyFragmentInAHostsPageOnAPhone() throws IOException {
        built();
        Path hosts = Files.createDirectories(temp.resolve("hosts"));
        Files.copy(site.root().resolve("fragments/followthrough-fragment.css"), hosts.resolve("followthrough-fragment.css"));
        List<String> fragments;
        try (Stream<Path> files = Files.walk(site.root().resolve("fragments"))) {
            fragments = files.filter(f -> f.toString().endsWith(".html")).map(f -> site.root().relativize(f).toString()).sorted().toList();
        }
        assertThat(fragments).as("fragments of the shipped site").isNotEmpty();
        for (String fragment : fragments) {
            Files.writeString(hosts.resolve(fragment.replace('/', '-')), "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>A host's page</title>"
                    + "<link rel=\"stylesheet\" href=\"followthrough-fragment.css\"></head><body>"
                    + Files.readString(site.root().resolve(fragment), StandardCharsets.UTF_8) + "</body></html>", StandardCharsets.UTF_8);
        }
        fragmentHost = LocalSite.serve(hosts);
        LocalSite host = fragmentHost;
        Size phone = SIZES.get(0);
        return fragments.stream().map(fragment -> DynamicTest.dynamicTest(fragment + " at " + phone, () -> {
            resize(phone);
            browser.driver().get(host.url(fragment.replace('/', '-')));
            loaded = null;
            List<?> measured = (List<?>) browser.driver().executeScript(SPILLING);
            long scrollWidth = ((Number) measured.get(0)).longValue();
            assertThat(scrollWidth).withFailMessage(() -> fragment + " in a host's page at " + phone + " scrolls sideways: the page is "
                    + scrollWidth + " px wide; sticking out: " + measured.get(2)).isLessThanOrEqualTo(((Number) measured.get(1)).longValue());
        }));
    }

    /**
     * The Search button, focused, turns the colour every focused control turns: a rule of its own kept it blue, with only a
     * thin yellow line above it on white.
     */
    @Test
    void theSearchButtonShowsFocusAsALinkDoes() {
        built();
        show(site.url(""), SIZES.get(2));
        List<?> colours = (List<?>) browser.driver().executeScript("""
                var button = document.querySelector('.search-row button');
                var link = document.querySelector('main a[href]');
                if (!button || button.offsetParent === null) { return null; }
                button.focus();
                var focused = [getComputedStyle(button).backgroundColor, getComputedStyle(button).color];
                link.focus();
                var linkFocused = [getComputedStyle(link).backgroundColor, getComputedStyle(link).color];
                link.blur();
                return focused.concat(linkFocused);
                """);
        assertThat(colours).as("the home page shows its search form (with JavaScript)").isNotNull();
        assertThat(colours.subList(0, 2)).as("the focused Search button's background and text colour, against a focused link's")
                .isEqualTo(colours.subList(2, 4));
    }

    /** Among the ways of narrowing a list, the one shown now looks it, not only to a screen reader (aria-current). */
    @Test
    void theListShownNowStandsOutAmongTheWaysOfNarrowingIt() {
        built();
        show(site.url("actions/overdue/"), SIZES.get(0));
        List<?> looks = (List<?>) browser.driver().executeScript("""
                var current = document.querySelector('.filters a[aria-current="page"]');
                var other = document.querySelector('.filters a:not([aria-current])');
                if (!current || !other) { return null; }
                var look = function (a) { var s = getComputedStyle(a); return s.fontWeight + ' ' + s.textDecorationLine + ' ' + s.color; };
                return [current.textContent.trim(), look(current), look(other)];
                """);
        assertThat(looks).as("the overdue list's ways of narrowing it, one of them current").isNotNull();
        assertThat(looks.get(0)).asString().startsWith("Overdue");
        assertThat(looks.get(1)).as("how the current one looks, against another").isNotEqualTo(looks.get(2));
    }

    /** The measurement itself, on pages made to fail it: a page that scrolls sideways is caught, with what sticks out. */
    @Test
    void theMeasureFindsWhatSticksOutButNotWhatScrollsInItsOwnBox(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("index.html"), """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>Wide</title></head><body>
                <div style="overflow-x: auto"><table><tr><td style="min-width: 900px">scrolls in its box</td></tr></table></div>
                <p id="wide" style="width: 700px">too wide</p>
                </body></html>
                """, StandardCharsets.UTF_8);
        try (LocalSite wide = LocalSite.serve(folder)) {
            resize(new Size(375, 812));
            browser.driver().get(wide.url("index.html"));
            loaded = null;
            List<?> measured = (List<?>) browser.driver().executeScript(SPILLING);
            assertThat(((Number) measured.get(0)).longValue()).isGreaterThan(375);
            assertThat((String) measured.get(2)).contains("p#wide").doesNotContain("td");
        }
    }
}

package org.followthrough.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.followthrough.support.AxeChecker;
import org.followthrough.support.AxeChecker.Finding;
import org.followthrough.support.AxeChecker.Viewport;
import org.followthrough.support.Browser;
import org.followthrough.support.LocalSite;
import org.followthrough.support.TestBuilds;
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

/**
 * Every page of the site built from the shipped content (of its snapshot, the largest page of each kind:
 * {@link LocalSite#pagesToCheck()}), loaded over HTTP in a real (headless) Chromium at a phone width, and
 * the largest page of each kind ({@link LocalSite#largestOfEachKind()}) at a desktop width too, checked with
 * axe-core against the WCAG 2.0, 2.1 and 2.2 level A and AA rules. Any violation fails that page's test with
 * the rule, its impact, what to do, and the elements concerned; a summary grouped by rule is printed at the
 * end and written to target/site-checks/accessibility.txt.
 *
 * <p>Why not every page at both widths: the pages of one kind are made by one template and styled by one
 * stylesheet, and differ in what they say, which the phone width, where text wraps and controls crowd, puts
 * under most strain; the widest layout is checked on the page of each kind with the most in it. axe-core's run
 * is most of the time these checks take: every page at both widths kept this class running for 20 of the
 * suite's 22 minutes on two cores.
 *
 * <p>axe finds the machine-checkable part of WCAG only; it does not replace checking by hand.
 */
// Beside the other test classes (see junit-platform.properties); its own tests one at a time, as they share its browser.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("AccessibilityTest")
class AccessibilityTest {

    /** The widths pages are checked at: a small phone (WCAG reflow territory) and a desktop. */
    static final List<Viewport> VIEWPORTS = AxeChecker.VIEWPORTS;

    private static final Path REPORT = Path.of("target/site-checks/accessibility.txt");

    private static Browser browser;
    private static AxeChecker axe;
    private static LocalSite site;
    private static final Map<String, List<Finding>> ALL = new ConcurrentHashMap<>();

    /** Why the shipped content could not be built, if it could not: the page tests fail with it, the checker's own test still runs. */
    private static AssertionError buildFailure;

    @BeforeAll
    static void buildServeAndStartBrowser() {
        Browser.assumeAvailable();
        try {
            site = LocalSite.shared(TestBuilds.SHIPPED_CONTENT);
        } catch (AssertionError e) {
            buildFailure = e;
        }
        browser = Browser.start();
        axe = new AxeChecker(browser);
    }

    @AfterAll
    static void stopAndReport() throws IOException {
        try {
            if (site != null) {
                String summary = AxeChecker.summary(ALL.values().stream().flatMap(List::stream).toList(), checked());
                Files.createDirectories(REPORT.getParent());
                Files.writeString(REPORT, summary, StandardCharsets.UTF_8);
                if (!ALL.isEmpty()) {
                    System.out.println(summary);
                }
            }
        } finally {
            if (browser != null) {
                browser.close();
            }
            if (site != null) {
                site.close();
            }
        }
    }

    @TestFactory
    Stream<DynamicNode> everyPageMeetsWcag22AaAtEveryWidth() {
        if (buildFailure != null) {
            throw new AssertionError("no page could be checked: " + buildFailure.getMessage(), buildFailure);
        }
        List<String> pages = site.pagesToCheck();
        Set<String> atEveryWidth = site.largestOfEachKind();
        assertThat(pages).as("HTML pages of the site built from %s", TestBuilds.SHIPPED_CONTENT).contains("index.html");
        assertThat(atEveryWidth).as("pages checked at every width").contains("index.html")
                .anyMatch(p -> p.matches("plans/[^/]+/index\\.html")).anyMatch(p -> p.startsWith("snapshots/"));
        // page by page, each at its widths: a page is loaded once and only resized for the next width
        return pages.stream().map(page -> DynamicContainer.dynamicContainer(page,
                VIEWPORTS.stream().filter(viewport -> viewport.equals(AxeChecker.PHONE) || atEveryWidth.contains(page))
                        .map(viewport -> DynamicTest.dynamicTest(page + " at " + viewport, () -> {
                            List<Finding> findings = check(site, page, viewport);
                            if (!findings.isEmpty()) {
                                ALL.put(page + " " + viewport, findings);
                            }
                            assertThat(findings).withFailMessage(() -> report(findings, site.url(page))).isEmpty();
                        }))));
    }

    /** What the summary says was checked. */
    private static String checked() {
        return site.pagesToCheck().size() + " pages at " + AxeChecker.PHONE + ", " + site.largestOfEachKind().size()
                + " of them (the largest of each kind) also at " + AxeChecker.DESKTOP;
    }

    /** The checker itself: a page with known faults must produce readable findings, or a clean run means nothing. */
    @Test
    void theCheckFindsAndReportsKnownViolations(@TempDir Path broken) throws IOException {
        Files.writeString(broken.resolve("index.html"), """
                <!DOCTYPE html>
                <html>
                <head><meta charset="utf-8"><title>Broken on purpose</title></head>
                <body>
                <p>Outside every landmark: only axe's best-practice rules mind that, so it must not be reported.</p>
                <main>
                <h1>Broken on purpose</h1>
                <p><img src="chart.svg"></p>
                <p><a href="other.html"></a></p>
                </main>
                </body>
                </html>
                """, StandardCharsets.UTF_8);
        Files.writeString(broken.resolve("chart.svg"),
                "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='20'><rect width='40' height='20'/></svg>",
                StandardCharsets.UTF_8);
        try (LocalSite page = LocalSite.serve(broken)) {
            List<Finding> findings = check(page, "index.html", VIEWPORTS.get(0));
            assertThat(findings).extracting(f -> f.rule().getId()).contains("html-has-lang", "image-alt", "link-name")
                    .as("only WCAG A/AA rules run, not best practices").doesNotContain("region");
            String report = report(findings, page.url("index.html"));
            assertThat(report).contains("index.html at 375×800", "image-alt [critical]", "img", "html-has-lang");
            assertThat(summary(findings, 1)).contains("image-alt", "index.html at 375×800");
        }
    }

    /** A page with a frame: what is inside the frame is checked too. */
    @Test
    void theCheckLooksInsideFrames(@TempDir Path framed) throws IOException {
        Files.writeString(framed.resolve("index.html"), """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Framed</title></head>
                <body><main><h1>Framed</h1><iframe src="inner.html" title="Inner"></iframe></main></body>
                </html>
                """, StandardCharsets.UTF_8);
        Files.writeString(framed.resolve("inner.html"), """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Inner</title></head>
                <body><main><p><a href="other.html"></a></p></main></body>
                </html>
                """, StandardCharsets.UTF_8);
        try (LocalSite page = LocalSite.serve(framed)) {
            List<Finding> findings = check(page, "index.html", VIEWPORTS.get(1));
            assertThat(findings).extracting(f -> f.rule().getId()).contains("link-name");
        }
    }

    /** Runs axe-core on one page at one size (see {@link AxeChecker#check(LocalSite, String, Viewport)}). */
    static List<Finding> check(LocalSite on, String page, Viewport viewport) {
        return axe.check(on, page, viewport);
    }

    static String report(List<Finding> findings, String url) {
        return AxeChecker.report(findings, url);
    }

    static String summary(Collection<Finding> findings, int pages) {
        return AxeChecker.summary(findings, pages);
    }
}

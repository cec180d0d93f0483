package org.followthrough.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

/**
 * Every page of the site built from the shipped content, loaded over HTTP in a real (headless)
 * Chromium at a phone width and a desktop width, checked with axe-core against the WCAG 2.0, 2.1
 * and 2.2 level A and AA rules. Any violation fails that page's test with the rule, its impact,
 * what to do, and the elements concerned; a summary grouped by rule is printed at the end and
 * written to target/site-checks/accessibility.txt.
 *
 * <p>axe finds the machine-checkable part of WCAG only; it does not replace checking by hand.
 */
class AccessibilityTest {

    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** The widths every page is checked at: a small phone (WCAG reflow territory) and a desktop. */
    static final List<Viewport> VIEWPORTS = List.of(new Viewport(375, 800), new Viewport(1280, 900));

    /** How many elements to name for each violated rule before "and N more". */
    private static final int NODES_SHOWN = 5;

    private static final Path REPORT = Path.of("target/site-checks/accessibility.txt");

    record Viewport(int width, int height) {
        @Override
        public String toString() {
            return width + "×" + height;
        }
    }

    /** One violated rule on one page at one width. */
    record Finding(String page, Viewport viewport, Rule rule) {
    }

    @TempDir
    static Path temp;

    private static Browser browser;
    private static LocalSite site;
    private static Viewport current;
    private static String loaded;
    private static final Map<String, List<Finding>> ALL = new ConcurrentHashMap<>();

    /** Why the shipped content could not be built, if it could not: the page tests fail with it, the checker's own test still runs. */
    private static AssertionError buildFailure;

    @BeforeAll
    static void buildServeAndStartBrowser() {
        Browser.assumeAvailable();
        try {
            site = LocalSite.build(TestBuilds.SHIPPED_CONTENT, temp.resolve("site"));
        } catch (AssertionError e) {
            buildFailure = e;
        }
        browser = Browser.start();
    }

    @AfterAll
    static void stopAndReport() throws IOException {
        try {
            if (site != null) {
                String summary = summary(ALL.values().stream().flatMap(List::stream).toList(), site.pages().size());
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
        List<String> pages = site.pages();
        assertThat(pages).as("HTML pages of the site built from %s", TestBuilds.SHIPPED_CONTENT).contains("index.html");
        // page by page, each at every width: a page is loaded once and only resized for the next width
        return pages.stream().map(page -> DynamicContainer.dynamicContainer(page,
                VIEWPORTS.stream().map(viewport -> DynamicTest.dynamicTest(page + " at " + viewport, () -> {
                    List<Finding> findings = check(site, page, viewport);
                    if (!findings.isEmpty()) {
                        ALL.put(page + " " + viewport, findings);
                    }
                    assertThat(findings).withFailMessage(() -> report(findings, site.url(page))).isEmpty();
                }))));
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

    /**
     * Runs axe-core on one page at one size. The page is loaded unless the browser is already showing
     * it (at another width), in which case it is only resized: media queries and layout follow the
     * new width as they would for a visitor turning a tablet or resizing a window.
     */
    @SuppressWarnings("deprecation")
    static List<Finding> check(LocalSite on, String page, Viewport viewport) {
        String url = on.url(page);
        if (!url.equals(loaded)) {
            // resize first, so the page is laid out at the right width from the start
            if (!viewport.equals(current)) {
                browser.resize(viewport.width(), viewport.height());
                current = viewport;
            }
            browser.driver().get(url);
            loaded = url;
        } else if (!viewport.equals(current)) {
            browser.resize(viewport.width(), viewport.height());
            current = viewport;
        }
        // Only the violations come back (not every passing element), and axe runs in the page itself
        // rather than finishing in a helper tab (the "legacy" mode, deprecated but still supported;
        // the site has no iframes, which is all it gives up): together about twice as quick.
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        Results results = new AxeBuilder().withOptions(options).withTags(WCAG_TAGS).setLegacyMode(true).analyze(browser.driver());
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + page + " at " + viewport + ": " + results.getErrorMessage());
        }
        return results.getViolations().stream().map(rule -> new Finding(page, viewport, rule)).toList();
    }

    /** What one page's test says when it fails: each rule, its impact, what to do, and where. */
    static String report(List<Finding> findings, String url) {
        if (findings.isEmpty()) {
            return "no violations";
        }
        Finding first = findings.get(0);
        StringBuilder out = new StringBuilder();
        out.append(first.page()).append(" at ").append(first.viewport()).append(" (").append(url).append(") has ")
                .append(findings.size()).append(findings.size() == 1 ? " rule" : " rules").append(" violated:\n");
        for (Finding f : findings) {
            Rule r = f.rule();
            out.append("  ").append(r.getId()).append(" [").append(r.getImpact()).append("] ").append(r.getHelp())
                    .append(" — ").append(r.getHelpUrl()).append('\n');
            appendNodes(out, r.getNodes(), "      ");
        }
        return out.toString();
    }

    /** Everything found on the whole site, one entry per rule, listing the pages and elements. */
    static String summary(Collection<Finding> findings, int pages) {
        StringBuilder out = new StringBuilder();
        out.append("axe-core ").append(String.join(", ", WCAG_TAGS)).append(": ").append(pages).append(" pages at ")
                .append(VIEWPORTS.stream().map(Viewport::toString).collect(Collectors.joining(" and "))).append('\n');
        if (findings.isEmpty()) {
            return out.append("no violations\n").toString();
        }
        Map<String, List<Finding>> byRule = new TreeMap<>();
        findings.forEach(f -> byRule.computeIfAbsent(f.rule().getId(), k -> new ArrayList<>()).add(f));
        out.append(byRule.size()).append(byRule.size() == 1 ? " rule" : " rules").append(" violated:\n");
        for (var entry : byRule.entrySet()) {
            Rule rule = entry.getValue().get(0).rule();
            out.append("\n").append(entry.getKey()).append(" [").append(rule.getImpact()).append("] ").append(rule.getHelp())
                    .append("\n  ").append(rule.getHelpUrl()).append('\n');
            for (Finding f : entry.getValue().stream()
                    .sorted((a, b) -> a.page().equals(b.page()) ? Integer.compare(a.viewport().width(), b.viewport().width()) : a.page().compareTo(b.page()))
                    .toList()) {
                out.append("  ").append(f.page()).append(" at ").append(f.viewport()).append(": ")
                        .append(f.rule().getNodes().size()).append(f.rule().getNodes().size() == 1 ? " element\n" : " elements\n");
                appendNodes(out, f.rule().getNodes(), "      ");
            }
        }
        return out.toString();
    }

    private static void appendNodes(StringBuilder out, List<CheckedNode> nodes, String indent) {
        for (CheckedNode node : nodes.stream().limit(NODES_SHOWN).toList()) {
            out.append(indent).append(target(node.getTarget()));
            String why = node.getFailureSummary();
            if (why != null && !why.isBlank()) {
                // "Fix any of the following:\n  Element has insufficient color contrast of 3.1 …": the first reason is the useful part
                String reason = why.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("Fix ")).findFirst().orElse("");
                if (!reason.isEmpty()) {
                    out.append("  — ").append(reason);
                }
            }
            out.append('\n');
        }
        if (nodes.size() > NODES_SHOWN) {
            out.append(indent).append("… and ").append(nodes.size() - NODES_SHOWN).append(" more\n");
        }
    }

    /** axe gives a target as a list of selectors, nested when it crosses into frames or shadow roots. */
    static String target(Object target) {
        if (target instanceof List<?> list) {
            return list.stream().map(AccessibilityTest::target).collect(Collectors.joining(" >> "));
        }
        return String.valueOf(target);
    }
}

package org.followthrough.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.followthrough.support.Browser;
import org.followthrough.support.LocalSite;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The site works with JavaScript switched off: every page has its content in {@code <main>}, and
 * every page, including every filtered view, can be reached from the home page by following
 * ordinary links. Runs in a real headless Chromium with JavaScript disabled by content setting.
 */
class NoJavaScriptTest {

    /** Pages a visitor is sent to rather than links to: the static host serves 404.html for a missing URL. */
    static final Set<String> NOT_LINKED_ON_PURPOSE = Set.of("404.html");

    @TempDir
    static Path temp;

    private static Browser browser;
    private static LocalSite site;
    private static AssertionError buildFailure;
    private static Crawl shippedCrawl;

    @BeforeAll
    static void buildServeAndStartBrowser() {
        Browser.assumeAvailable();
        try {
            site = LocalSite.build(TestBuilds.SHIPPED_CONTENT, temp.resolve("site"));
        } catch (AssertionError e) {
            buildFailure = e;
        }
        browser = Browser.startWithoutJavaScript();
        browser.resize(1280, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (site != null) {
            site.close();
        }
    }

    private static LocalSite site() {
        if (buildFailure != null) {
            throw new AssertionError("no page could be checked: " + buildFailure.getMessage(), buildFailure);
        }
        return site;
    }

    @TestFactory
    Stream<DynamicTest> everyPageHasItsContentInMainWithoutJavaScript() {
        List<String> pages = site().pages();
        assertThat(pages).as("HTML pages of the site built from %s", TestBuilds.SHIPPED_CONTENT).contains("index.html");
        return pages.stream().map(page -> DynamicTest.dynamicTest(page, () -> {
            // the crawl has already loaded (and checked) every page it reached; any other page is loaded here
            Optional<String> seen = shippedCrawl().main().get(page);
            String problem = seen != null ? seen.orElse(null) : mainProblem(site, page);
            assertThat(problem).withFailMessage(() -> page + " (" + site.url(page) + ") without JavaScript: " + problem).isNull();
        }));
    }

    @Test
    void everyPageCanBeReachedFromTheHomePageByLinksWithoutJavaScript() {
        Crawl crawl = shippedCrawl();
        Set<String> unreachable = new TreeSet<>(site.pages());
        unreachable.removeAll(crawl.reached());
        unreachable.removeAll(NOT_LINKED_ON_PURPOSE);
        String report = crawl.report(site.pages(), unreachable);
        System.out.println(report);
        assertThat(unreachable).withFailMessage(() -> report).isEmpty();
    }

    /** The crawl of the site built from the shipped content, made once for the tests that need it. */
    private static Crawl shippedCrawl() {
        if (shippedCrawl == null) {
            shippedCrawl = crawl(site());
        }
        return shippedCrawl;
    }

    /** Published with {@code build --base-url} under a sub-path, every page is still reached, and no link escapes the sub-path. */
    @Test
    void everyPageCanBeReachedWhenPublishedUnderASubPath() {
        site();
        try (LocalSite sub = LocalSite.build(TestBuilds.SHIPPED_CONTENT, temp.resolve("sub-path-site"), "/learning/action-plans/")) {
            Crawl crawl = crawl(sub);
            Set<String> unreachable = new TreeSet<>(sub.pages());
            unreachable.removeAll(crawl.reached());
            unreachable.removeAll(NOT_LINKED_ON_PURPOSE);
            String report = "Published under " + sub.baseUrl() + ":\n" + crawl.report(sub.pages(), unreachable);
            assertThat(unreachable).withFailMessage(() -> report).isEmpty();
            assertThat(crawl.broken().keySet()).as("links that leave the base path for the rest of the host")
                    .withFailMessage(() -> report).noneMatch(target -> target.startsWith("/"));
        }
    }

    /** The checks themselves, on pages made to fail them: proves JavaScript really is off and that failures are reported. */
    @Test
    void theChecksFindPagesThatNeedJavaScript(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("index.html"), """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Home</title></head>
                <body>
                <main id="main"></main>
                <nav hidden><a href="hidden.html">Only JavaScript shows this link</a></nav>
                <a href="shown.html">Shown</a>
                <button onclick="location.href='by-script.html'">Only JavaScript follows this</button>
                <script>document.getElementById('main').textContent = 'Written by JavaScript';</script>
                </body></html>
                """, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("shown.html"), """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Shown</title></head>
                <body><main><p>Reached by a link.</p>
                <details><summary>More</summary><a href="in-details.html">Inside a closed details</a></details>
                <a href="missing.html">Broken</a></main></body></html>
                """, StandardCharsets.UTF_8);
        for (String page : List.of("hidden.html", "by-script.html", "in-details.html")) {
            Files.writeString(folder.resolve(page), "<!DOCTYPE html><html lang=\"en\"><title>" + page
                    + "</title><main><p>" + page + "</p></main></html>", StandardCharsets.UTF_8);
        }
        try (LocalSite pages = LocalSite.serve(folder)) {
            assertThat(mainProblem(pages, "index.html")).as("a main filled in by a script").contains("<main> has no text");
            assertThat(mainProblem(pages, "shown.html")).isNull();
            Crawl crawl = crawl(pages);
            assertThat(crawl.reached()).containsExactlyInAnyOrder("index.html", "shown.html", "in-details.html");
            assertThat(crawl.broken()).containsOnlyKeys("missing.html");
            assertThat(crawl.main().get("index.html")).hasValueSatisfying(problem -> assertThat(problem).contains("no text"));
            assertThat(crawl.main().get("shown.html")).isEmpty();
            Set<String> unreachable = new TreeSet<>(pages.pages());
            unreachable.removeAll(crawl.reached());
            assertThat(crawl.report(pages.pages(), unreachable))
                    .contains("2 of 5 pages cannot be reached", "by-script.html", "hidden.html", "missing.html (linked from shown.html)");
        }
    }

    /** Why a page's {@code <main>} fails without JavaScript, or null if it is fine. */
    static String mainProblem(LocalSite on, String page) {
        browser.driver().get(on.url(page));
        return mainProblem();
    }

    /** The same for the page the browser is showing. */
    private static String mainProblem() {
        // innerText is the text as rendered, as WebElement.getText() gives it, in one round trip
        Object found = ((JavascriptExecutor) browser.driver()).executeScript("""
                const mains = document.querySelectorAll('main');
                if (mains.length === 0) return null;
                return Array.from(mains).map(m => m.innerText.trim()).find(t => t.length > 0) || '';
                """);
        if (found == null) {
            return "the page has no <main> element";
        }
        if (found.toString().isBlank()) {
            return "<main> has no text (is its content written by a script, or hidden?)";
        }
        return null;
    }

    /**
     * The pages reached from the home page, the links inside the site that lead nowhere, and for
     * each page reached what is wrong with its {@code <main>} (empty when nothing is).
     */
    record Crawl(Set<String> reached, Map<String, Set<String>> broken, Map<String, Optional<String>> main) {

        String report(List<String> allPages, Set<String> unreachable) {
            StringBuilder out = new StringBuilder();
            out.append("Without JavaScript, following links from the home page reaches ").append(reached.size())
                    .append(" of ").append(allPages.size()).append(" pages.\n");
            if (!unreachable.isEmpty()) {
                out.append(unreachable.size()).append(" of ").append(allPages.size())
                        .append(" pages cannot be reached by any visible link (no <a href> to them, or only in markup hidden without JavaScript):\n");
                unreachable.forEach(p -> out.append("  ").append(p).append('\n'));
            }
            if (!broken.isEmpty()) {
                out.append("Links inside the site to files that do not exist:\n");
                broken.forEach((target, from) -> out.append("  ").append(target).append(" (linked from ")
                        .append(String.join(", ", from)).append(")\n"));
            }
            return out.toString();
        }
    }

    /**
     * Follows every {@code <a href>} that stays on the site, breadth first from the home page, with
     * JavaScript off. A link counts only if a visitor could use it without JavaScript: rendered, or
     * inside a {@code <details>} (which opens without JavaScript). Links out of the site, and to
     * files that are not HTML pages, are not followed.
     */
    static Crawl crawl(LocalSite on) {
        Set<String> reached = new LinkedHashSet<>();
        Map<String, Set<String>> broken = new TreeMap<>();
        Map<String, Optional<String>> main = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(on.baseUrl());
        Set<String> queued = new LinkedHashSet<>(List.of("index.html"));
        while (!queue.isEmpty()) {
            String url = queue.poll();
            browser.driver().get(url);
            String page = on.pageOf(browser.driver().getCurrentUrl());
            if (page == null || !Files.isRegularFile(on.root().resolve(page)) || !reached.add(page)) {
                continue;
            }
            main.put(page, Optional.ofNullable(mainProblem()));
            for (String href : followableLinks()) {
                String target = on.pageOf(href);
                if (target == null) {
                    String outside = on.outsideBasePath(href);
                    if (outside != null) {
                        // the same host but above the site's folder: works only when published at the root
                        broken.computeIfAbsent(outside, k -> new TreeSet<>()).add(page);
                    }
                    continue; // leaves the site
                }
                if (!Files.isRegularFile(on.root().resolve(target))) {
                    broken.computeIfAbsent(target, k -> new TreeSet<>()).add(page);
                    continue;
                }
                if (target.endsWith(".html") && queued.add(target)) {
                    queue.add(href.replaceFirst("#.*$", ""));
                }
            }
        }
        return new Crawl(reached, broken, main);
    }

    /**
     * The resolved href of every link on the current page that a visitor without JavaScript could
     * follow. (WebDriver's own scripts still run when the page's JavaScript is off.)
     */
    @SuppressWarnings("unchecked")
    private static List<String> followableLinks() {
        Object links = ((JavascriptExecutor) browser.driver()).executeScript("""
                const out = [];
                for (const a of document.querySelectorAll('a[href]')) {
                  const href = a.href;
                  if (!href || href.startsWith('javascript:')) continue;
                  let usable = a.checkVisibility({visibilityProperty: true});
                  if (!usable) {
                    // inside closed <details>, the link is there once the summaries are clicked
                    const closed = [];
                    for (let d = a.closest('details:not([open])'); d; d = d.parentElement.closest('details:not([open])')) closed.push(d);
                    if (closed.length) {
                      closed.forEach(d => d.open = true);
                      usable = a.checkVisibility({visibilityProperty: true});
                      closed.forEach(d => d.open = false);
                    }
                  }
                  if (usable) out.push(href);
                }
                return out;
                """);
        return links == null ? List.of() : new ArrayList<>((List<String>) links);
    }
}

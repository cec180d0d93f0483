package org.followthrough.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.followthrough.support.Browser;
import org.followthrough.support.LocalSite;
import org.followthrough.support.NoJavaScriptCrawler;
import org.followthrough.support.NoJavaScriptCrawler.Crawl;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The site works with JavaScript switched off: every page has its content in {@code <main>}, and
 * every page, including every filtered view, can be reached from the home page by following
 * ordinary links. Runs in a real headless Chromium with JavaScript disabled by content setting, on
 * the site built from the shipped content for {@value #SUB_PATH} of a host and served there, as a
 * body publishing in a folder of its own website would: the harder case, where a link written for the
 * root of a host leaves the site. (That the same links resolve when the site is at a host's root is
 * {@link LinkCheckTest}'s; one crawl of the site's pages in the browser is enough for both.)
 */
// Beside the other test classes (see junit-platform.properties); its own tests one at a time, as they share its browser.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("NoJavaScriptTest")
class NoJavaScriptTest {

    /** Pages a visitor is sent to rather than links to: the static host serves 404.html for a missing URL. */
    static final Set<String> NOT_LINKED_ON_PURPOSE = NoJavaScriptCrawler.NOT_LINKED_ON_PURPOSE;

    /** Where the site is published on its host. */
    static final String SUB_PATH = "/learning/action-plans/";

    @TempDir
    static Path temp;

    private static Browser browser;
    private static NoJavaScriptCrawler crawler;
    private static LocalSite site;
    private static AssertionError buildFailure;
    private static Crawl shippedCrawl;

    @BeforeAll
    static void buildServeAndStartBrowser() {
        Browser.assumeAvailable();
        try {
            site = LocalSite.build(TestBuilds.SHIPPED_CONTENT, temp.resolve("site"), SUB_PATH);
        } catch (AssertionError e) {
            buildFailure = e;
        }
        browser = Browser.startWithoutJavaScript();
        browser.resize(1280, 900);
        crawler = new NoJavaScriptCrawler(browser);
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

    /** Every page is reached, and no link leaves {@value #SUB_PATH} for the rest of the host. */
    @Test
    void everyPageCanBeReachedFromTheHomePageByLinksWithoutJavaScript() {
        Crawl crawl = shippedCrawl();
        Set<String> unreachable = new TreeSet<>(site.pages());
        unreachable.removeAll(crawl.reached());
        unreachable.removeAll(NOT_LINKED_ON_PURPOSE);
        String report = "Published under " + site.baseUrl() + ":\n" + crawl.report(site.pages(), unreachable);
        System.out.println(report);
        assertThat(unreachable).withFailMessage(() -> report).isEmpty();
        assertThat(crawl.broken().keySet()).as("links that leave the base path for the rest of the host")
                .withFailMessage(() -> report).noneMatch(target -> target.startsWith("/"));
    }

    /** The crawl of the site built from the shipped content, made once for the tests that need it. */
    private static Crawl shippedCrawl() {
        if (shippedCrawl == null) {
            shippedCrawl = crawl(site());
        }
        return shippedCrawl;
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
            // the walk without a browser, over the links as written, finds the same on these pages
            Crawl asWritten = NoJavaScriptCrawler.followLinksAsWritten(pages);
            assertThat(asWritten.reached()).containsExactlyInAnyOrder("index.html", "shown.html", "in-details.html");
            assertThat(asWritten.broken()).containsOnlyKeys("missing.html");
            assertThat(asWritten.mainProblems()).containsOnlyKeys("index.html");
        }
    }

    /** Why a page's {@code <main>} fails without JavaScript, or null if it is fine. */
    static String mainProblem(LocalSite on, String page) {
        return crawler.mainProblem(on, page);
    }

    /** Every page reached from the home page by links a visitor without JavaScript can follow (see {@link NoJavaScriptCrawler#crawl}). */
    static Crawl crawl(LocalSite on) {
        return crawler.crawl(on);
    }
}

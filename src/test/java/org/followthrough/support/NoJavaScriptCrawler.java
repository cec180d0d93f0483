package org.followthrough.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Browses a served site as a visitor without JavaScript would: follows ordinary links from the home
 * page, and checks that each page has its content in {@code <main>}. Drives a Chromium started with
 * {@link Browser#startWithoutJavaScript()}; used by the site's no-JavaScript test and by the
 * organisation sites' test.
 */
public final class NoJavaScriptCrawler {

    /** Pages a visitor is sent to rather than links to: the static host serves 404.html for a missing URL. */
    public static final Set<String> NOT_LINKED_ON_PURPOSE = Set.of("404.html");

    private static final String NO_MAIN = "the page has no <main> element";
    private static final String EMPTY_MAIN = "<main> has no text (is its content written by a script, or hidden?)";

    private final Browser browser;

    /** @param browser a browser with JavaScript switched off */
    public NoJavaScriptCrawler(Browser browser) {
        if (browser.javaScript()) {
            throw new IllegalArgumentException("the crawl needs a browser with JavaScript off: Browser.startWithoutJavaScript()");
        }
        this.browser = browser;
    }

    /**
     * The pages reached from the home page, the links inside the site that lead nowhere, and for
     * each page reached what is wrong with its {@code <main>} (empty when nothing is).
     */
    public record Crawl(Set<String> reached, Map<String, Set<String>> broken, Map<String, Optional<String>> main) {

        /** The pages of {@code allPages} the crawl did not reach, apart from those {@link #NOT_LINKED_ON_PURPOSE}. */
        public Set<String> unreachable(List<String> allPages) {
            Set<String> unreachable = new TreeSet<>(allPages);
            unreachable.removeAll(reached);
            unreachable.removeAll(NOT_LINKED_ON_PURPOSE);
            return unreachable;
        }

        /** What was wrong with the {@code <main>} of each page reached, by page; empty when nothing was. */
        public Map<String, String> mainProblems() {
            Map<String, String> problems = new TreeMap<>();
            main.forEach((page, problem) -> problem.ifPresent(p -> problems.put(page, p)));
            return problems;
        }

        public String report(List<String> allPages, Set<String> unreachable) {
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

    /** Why a page's {@code <main>} fails without JavaScript, or null if it is fine. */
    public String mainProblem(LocalSite on, String page) {
        browser.driver().get(on.url(page));
        return mainProblem();
    }

    /** The same for the page the browser is showing. */
    private String mainProblem() {
        // innerText is the text as rendered, as WebElement.getText() gives it, in one round trip
        Object found = ((JavascriptExecutor) browser.driver()).executeScript("""
                const mains = document.querySelectorAll('main');
                if (mains.length === 0) return null;
                return Array.from(mains).map(m => m.innerText.trim()).find(t => t.length > 0) || '';
                """);
        if (found == null) {
            return NO_MAIN;
        }
        if (found.toString().isBlank()) {
            return EMPTY_MAIN;
        }
        return null;
    }

    /**
     * Follows every {@code <a href>} that stays on the site, breadth first from the home page, with
     * JavaScript off. A link counts only if a visitor could use it without JavaScript: rendered, or
     * inside a {@code <details>} (which opens without JavaScript). Links out of the site, and to
     * files that are not HTML pages, are not followed.
     */
    public Crawl crawl(LocalSite on) {
        return walk(on, new Visitor() {
            @Override
            public String open(String url) {
                browser.driver().get(url);
                return on.pageOf(browser.driver().getCurrentUrl());
            }

            @Override
            public String mainProblem() {
                return NoJavaScriptCrawler.this.mainProblem();
            }

            @Override
            public List<String> links() {
                return followableLinks();
            }
        });
    }

    /**
     * The same walk without a browser, over the links as the pages' HTML has them: every {@code <a href>}
     * outside an element marked {@code hidden}, and {@code <main>}'s text as parsed. What it cannot see is a
     * link the stylesheet hides; it is for sites made by the same templates and stylesheet as a site that
     * {@link #crawl} has walked in the browser, where what the stylesheet hides has been seen.
     */
    public static Crawl followLinksAsWritten(LocalSite on) {
        return walk(on, new Visitor() {
            private Document page;

            @Override
            public String open(String url) {
                String path = on.pageOf(url);
                page = null;
                if (path != null && Files.isRegularFile(on.root().resolve(path))) {
                    try {
                        page = Jsoup.parse(Files.readString(on.root().resolve(path), StandardCharsets.UTF_8), on.url(path));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return path;
            }

            @Override
            public String mainProblem() {
                Elements mains = page.select("main");
                if (mains.isEmpty()) {
                    return NO_MAIN;
                }
                return mains.stream().anyMatch(m -> !m.text().isBlank()) ? null : EMPTY_MAIN;
            }

            @Override
            public List<String> links() {
                return page.select("a[href]").stream().filter(a -> a.closest("[hidden]") == null).map(a -> a.absUrl("href"))
                        .filter(href -> !href.isEmpty() && !href.startsWith("javascript:")).toList();
            }
        });
    }

    /** A page as a walk sees it. */
    private interface Visitor {
        /** Opens the URL; the page it shows, as {@link LocalSite#pageOf} names it. */
        String open(String url);

        /** Why the open page's {@code <main>} fails without JavaScript, or null if it is fine. */
        String mainProblem();

        /** The resolved URLs of the links on the open page a visitor can follow. */
        List<String> links();
    }

    private static Crawl walk(LocalSite on, Visitor visitor) {
        Set<String> reached = new LinkedHashSet<>();
        Map<String, Set<String>> broken = new TreeMap<>();
        Map<String, Optional<String>> main = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(on.baseUrl());
        Set<String> queued = new LinkedHashSet<>(List.of("index.html"));
        while (!queue.isEmpty()) {
            String url = queue.poll();
            String page = visitor.open(url);
            if (page == null || !Files.isRegularFile(on.root().resolve(page)) || !reached.add(page)) {
                continue;
            }
            main.put(page, Optional.ofNullable(visitor.mainProblem()));
            for (String href : visitor.links()) {
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
    private List<String> followableLinks() {
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

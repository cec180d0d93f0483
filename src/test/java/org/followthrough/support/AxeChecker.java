package org.followthrough.support;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.providers.EmbeddedResourceAxeProvider;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.deque.html.axecore.selenium.AxeReporter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.naming.OperationNotSupportedException;

/**
 * axe-core run in a real (headless) Chromium against the WCAG 2.0, 2.1 and 2.2 level A and AA rules,
 * one page at one viewport size at a time, with readable reports of what it finds. Used by the
 * site's accessibility test and by the organisation sites' test; one checker per browser.
 *
 * <p>axe finds the machine-checkable part of WCAG only; it does not replace checking by hand.
 */
public final class AxeChecker {

    public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** The widths pages are checked at: a small phone (WCAG reflow territory) and a desktop. */
    public static final Viewport PHONE = new Viewport(375, 800);
    public static final Viewport DESKTOP = new Viewport(1280, 900);
    public static final List<Viewport> VIEWPORTS = List.of(PHONE, DESKTOP);

    /** How many elements to name for each violated rule before "and N more". */
    private static final int NODES_SHOWN = 5;

    public record Viewport(int width, int height) {
        @Override
        public String toString() {
            return width + "×" + height;
        }
    }

    /** One violated rule on one page at one width. */
    public record Finding(String page, Viewport viewport, Rule rule) {
    }

    /** Whether the page the browser shows already has axe-core in it. */
    private static final String HAS_AXE = "return typeof window.axe === 'object' && typeof window.axe.run === 'function';";

    /**
     * axe-core's run of the whole document with the given options, as the axe-core Selenium library starts
     * it, in one round trip to the browser (the library takes a dozen, mostly to look for frames to put
     * axe-core into). What it answers instead of results: {@link #NO_AXE} when the page has no axe-core yet,
     * {@link #FRAMES} when it has frames, which are left to the library.
     */
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            if (document.querySelector('iframe, frame')) { done('frames'); return; }
            if (typeof window.axe !== 'object' || typeof window.axe.run !== 'function') { done('no axe-core'); return; }
            axe.run(document, JSON.parse(arguments[0])).then(function (r) { done(JSON.parse(JSON.stringify(r))); },
                function (e) { done({error: String(e && e.stack || e)}); });
            """;
    private static final String NO_AXE = "no axe-core";
    private static final String FRAMES = "frames";
    /** The options of {@link #RUN}: WCAG_TAGS' rules only, as {@code AxeBuilder.withTags} sets them, and only violations. */
    private static final String OPTIONS;
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        AxeRunOptions options = options();
        AxeRunOnlyOptions only = new AxeRunOnlyOptions();
        only.setType("tag");
        only.setValues(WCAG_TAGS);
        options.setRunOnly(only);
        OPTIONS = AxeReporter.serialize(options);
    }

    private final Browser browser;
    /** axe-core's own script, as the axe-core Selenium library ships it. */
    private final String axeScript;
    private Viewport current;
    private String loaded;

    /**
     * @param browser a browser with JavaScript on, used by this checker alone: from now on it puts axe-core into
     *     every document it loads
     */
    public AxeChecker(Browser browser) {
        this.browser = browser;
        try {
            this.axeScript = new EmbeddedResourceAxeProvider().getScript();
        } catch (IOException | OperationNotSupportedException e) {
            throw new IllegalStateException("axe-core's script could not be read from the axe-core Selenium library", e);
        }
        // The browser runs axe-core's half a megabyte of script as it starts each document, frames included, which
        // is about a quarter of a second quicker a page than sending it over WebDriver after each load.
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", axeScript));
    }

    /**
     * Runs axe-core on one page at one size. The page is loaded unless the browser is already showing
     * it (at another width), in which case it is only resized: media queries and layout follow the
     * new width as they would for a visitor turning a tablet or resizing a window.
     *
     * @param page the page's path in the site, as {@link LocalSite#pages()} gives it; findings are reported under it
     */
    public List<Finding> check(LocalSite on, String page, Viewport viewport) {
        return check(on.url(page), page, viewport);
    }

    /** The same, for a page named in reports as {@code name}. */
    public List<Finding> check(String url, String name, Viewport viewport) {
        if (!url.equals(loaded)) {
            // resize first, so the page is laid out at the right width from the start
            if (!viewport.equals(current)) {
                browser.resize(viewport.width(), viewport.height());
                current = viewport;
            }
            // its stylesheet applied: on a busy machine one fetched slowly would be checked as a page without it
            browser.loadStyled(url);
            loaded = url;
        } else if (!viewport.equals(current)) {
            browser.resize(viewport.width(), viewport.height());
            current = viewport;
        }
        Object run = browser.driver().executeAsyncScript(RUN, OPTIONS);
        if (NO_AXE.equals(run)) {
            // a document the browser did not start itself (one written by a script, say)
            browser.driver().executeScript(axeScript);
            run = browser.driver().executeAsyncScript(RUN, OPTIONS);
        }
        if (run instanceof Map<?, ?> failed && failed.containsKey("error")) {
            throw new AssertionError("axe-core could not check " + name + " at " + viewport + ": " + failed.get("error"));
        }
        Results results = FRAMES.equals(run) ? analyzeWithFrames() : JSON.convertValue(run, Results.class);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + name + " at " + viewport + ": " + results.getErrorMessage());
        }
        return results.getViolations().stream().map(rule -> new Finding(name, viewport, rule)).toList();
    }

    /**
     * axe-core run by the axe-core Selenium library, which also puts axe-core into each frame of the page:
     * for a page with frames (the site has none). axe runs in the page itself rather than finishing in a
     * helper tab (the "legacy" mode, deprecated but still supported), about twice as quick.
     */
    @SuppressWarnings("deprecation")
    private Results analyzeWithFrames() {
        AxeBuilder axe = new AxeBuilder().withOptions(options()).withTags(WCAG_TAGS).setLegacyMode(true);
        // axe-core is put into a page once, not again when the same page is checked at another width
        axe.setInjectAxe(driver -> {
            if (!Boolean.TRUE.equals(browser.driver().executeScript(HAS_AXE))) {
                browser.driver().executeScript(axeScript);
            }
        }, false);
        return axe.analyze(browser.driver());
    }

    /** Only the violations come back, not every passing element: quicker, and all the checks look at. */
    private static AxeRunOptions options() {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        return options;
    }

    /** What one page's test says when it fails: each rule, its impact, what to do, and where. */
    public static String report(List<Finding> findings, String url) {
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

    /** Everything found on a whole site checked at {@link #VIEWPORTS}, one entry per rule, listing the pages and elements. */
    public static String summary(Collection<Finding> findings, int pages) {
        return summary(findings, pages + " pages at " + VIEWPORTS.stream().map(Viewport::toString).collect(Collectors.joining(" and ")));
    }

    /** The same, with {@code checked} saying what was checked ("12 pages at 375×800"). */
    public static String summary(Collection<Finding> findings, String checked) {
        StringBuilder out = new StringBuilder();
        out.append("axe-core ").append(String.join(", ", WCAG_TAGS)).append(": ").append(checked).append('\n');
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
    public static String target(Object target) {
        if (target instanceof List<?> list) {
            return list.stream().map(AxeChecker::target).collect(Collectors.joining(" >> "));
        }
        return String.valueOf(target);
    }
}

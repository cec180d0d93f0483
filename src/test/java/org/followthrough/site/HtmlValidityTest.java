package org.followthrough.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followthrough.support.NetworkGuard;
import org.followthrough.support.NuChecker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every HTML page of the site built from the shipped content passes the W3C Nu Html Checker (the
 * checker behind validator.w3.org/nu) with no errors. Warnings are printed but do not fail.
 *
 * <p>Embeddable fragments ({@code fragments/…}) are not documents: each is checked inside a minimal one.
 *
 * <p>One checker is set up for the whole class and reused for every page. It runs offline: the
 * schemas come from inside the validator jar, entities resolve to nothing, and a proxy selector that
 * refuses every connection off this machine is installed while the class runs, so any attempt to reach the network
 * fails the test that made it.
 */
class HtmlValidityTest {

    @TempDir
    static Path temp;

    private static NetworkGuard network;
    private static BuiltSite site;
    private static NuChecker checker;

    @BeforeAll
    static void buildAndSetUpTheChecker() throws Exception {
        network = NetworkGuard.install();
        site = BuiltSite.build(temp.resolve("site"), null);
        checker = new NuChecker();
    }

    @AfterAll
    static void removeTheNetworkGuard() {
        if (network != null) {
            network.uninstall();
        }
    }

    @AfterEach
    void nothingTriedTheNetwork() {
        assertThat(network.attempts()).as("connections attempted while checking (the checker must run offline)").isEmpty();
    }

    @Test
    void everyPageOfTheSiteIsValidHtml() {
        List<String> pages = site.filesEndingWith(".html");
        assertThat(pages).as("HTML pages of the site").isNotEmpty().contains("index.html");
        Map<String, List<NuChecker.Message>> errors = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (String page : pages) {
            List<NuChecker.Message> messages = checker.check(page, isFragment(page)
                    ? NuChecker.inMinimalDocument(new String(site.bytes(page), StandardCharsets.UTF_8)) : site.bytes(page));
            messages.stream().filter(NuChecker.Message::isError).forEach(m -> errors.computeIfAbsent(page, p -> new ArrayList<>()).add(m));
            messages.stream().filter(m -> !m.isError()).forEach(m -> warnings.add(m.format(page)));
        }
        System.out.println("Nu Html Checker: " + pages.size() + " page(s), " + errors.values().stream().mapToInt(List::size).sum()
                + " error(s), " + warnings.size() + " warning(s)" + (warnings.isEmpty() ? "" : " (warnings do not fail):\n  " + String.join("\n  ", warnings)));
        if (!errors.isEmpty()) {
            fail(report(errors, pages.size()));
        }
    }

    @Test
    void theNotFoundPageIsValidHtml() {
        assumeTrue(site.has("404.html"), "404.html is not built yet: nothing to check");
        List<NuChecker.Message> errors = checker.check("404.html", site.bytes("404.html")).stream().filter(NuChecker.Message::isError).toList();
        if (!errors.isEmpty()) {
            fail(report(Map.of("404.html", errors), 1));
        }
    }

    /**
     * The embeddable fragments (under {@code fragments/}) are not documents: each is checked inside
     * the smallest valid document, as a host page would hold it.
     */
    private static boolean isFragment(String path) {
        return path.startsWith("fragments/");
    }

    /** Proves the checker is really checking: a throwaway document with known errors must fail. */
    @Test
    void theCheckerReportsErrorsInAnInvalidDocument() {
        String invalid = """
                <!DOCTYPE html>
                <html lang="en-GB">
                <head><meta charset="utf-8"><title>Invalid</title></head>
                <body>
                <p id="twice">One</p>
                <span><div>A div inside a span</div></span>
                <p id="twice">Two</p>
                <img src="x.png">
                </body>
                </html>
                """;
        List<NuChecker.Message> errors = checker.check("invalid.html", invalid.getBytes(StandardCharsets.UTF_8)).stream()
                .filter(NuChecker.Message::isError).toList();
        assertThat(errors).extracting(NuChecker.Message::text)
                .anySatisfy(t -> assertThat(t).contains("Element “div” not allowed as child of element “span”"))
                .anySatisfy(t -> assertThat(t).contains("Duplicate ID “twice”"))
                .anySatisfy(t -> assertThat(t).contains("An “img” element must have an “alt” attribute"));
        assertThat(errors).filteredOn(m -> m.text().contains("Duplicate ID")).singleElement()
                .satisfies(m -> assertThat(m.line()).isEqualTo(7));
        // and the same checker, reused, finds nothing wrong in a good document afterwards
        String valid = """
                <!DOCTYPE html>
                <html lang="en-GB">
                <head><meta charset="utf-8"><title>Valid</title></head>
                <body><main><p id="once"><span>Fine</span></p></main></body>
                </html>
                """;
        assertThat(checker.check("valid.html", valid.getBytes(StandardCharsets.UTF_8))).filteredOn(NuChecker.Message::isError).isEmpty();
    }

    /** Proves the guard would notice: an attempt to fetch a URL is recorded and refused. */
    @Test
    void theNetworkGuardNoticesAConnectionAttempt() {
        try {
            new URL("http://schema-download.invalid/html5.rnc").openStream().close();
            fail("the connection should have been refused");
        } catch (IOException expected) {
            // refused, as it should be
        }
        assertThat(network.attempts()).isNotEmpty();
        network.clear();
    }

    private static String report(Map<String, List<NuChecker.Message>> errors, int pagesChecked) {
        int count = errors.values().stream().mapToInt(List::size).sum();
        StringBuilder out = new StringBuilder("The Nu Html Checker found " + count + " error(s) on " + errors.size()
                + " of " + pagesChecked + " page(s):\n");
        errors.forEach((page, list) -> list.forEach(m -> out.append("  ").append(m.format(page)).append('\n')));
        return out.toString();
    }
}

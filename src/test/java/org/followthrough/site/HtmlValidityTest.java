package org.followthrough.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nu.validator.checker.DatatypeMismatchException;
import nu.validator.checker.InfoAwareErrorHandler;
import nu.validator.checker.VnuBadAttrValueException;
import nu.validator.checker.VnuBadElementNameException;
import nu.validator.datatype.Html5DatatypeException;
import nu.validator.validation.SimpleDocumentValidator;
import nu.validator.vendor.relaxng.datatype.DatatypeException;
import nu.validator.vendor.thaiopensource.relaxng.exceptions.BadAttributeValueException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Every HTML page of the site built from the shipped content passes the W3C Nu Html Checker (the
 * checker behind validator.w3.org/nu) with no errors. Warnings are printed but do not fail.
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
            List<NuChecker.Message> messages = checker.check(page, site.bytes(page));
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

    /** One reusable Nu Html Checker, set up from the schemas inside the validator jar. */
    static final class NuChecker {

        static final String SCHEMA = "http://s.validator.nu/html5-rdfalite.rnc";

        enum Kind { ERROR, WARNING, INFO }

        record Message(Kind kind, int line, int column, String text) {
            boolean isError() {
                return kind == Kind.ERROR;
            }

            String format(String page) {
                return page + ":" + line + ":" + column + ": " + (kind == Kind.ERROR ? "" : kind.name().toLowerCase(java.util.Locale.ROOT) + ": ") + text;
            }
        }

        private final SimpleDocumentValidator validator;
        private final Collector collector = new Collector();

        NuChecker() throws Exception {
            // leave log4j alone (the checker's own set-up would send every library's DEBUG logging to the console for
            // the rest of the test run), log no URLs, no language detection (it only warns, and is slow to start)
            validator = new SimpleDocumentValidator(false, false, false);
            validator.setUpMainSchema(SCHEMA, collector);
            if (!collector.messages.isEmpty()) {
                throw new IllegalStateException("the checker's schema did not load: " + collector.messages);
            }
            // noStream: buffer instead of failing on non-streamable input; loadEntities: no, never fetch anything
            validator.setUpValidatorAndParsers(collector, true, false);
        }

        /** Checks one document as text/html; the checker is reused, so this is not thread-safe. */
        synchronized List<Message> check(String name, byte[] html) {
            collector.messages.clear();
            InputSource input = new InputSource(new ByteArrayInputStream(html));
            input.setSystemId(name);
            try {
                validator.checkHtmlInputSource(input);
            } catch (IOException | SAXException e) {
                collector.messages.add(new Message(Kind.ERROR, -1, -1, "the checker could not read the page: " + e));
            }
            return List.copyOf(collector.messages);
        }

        /** Collects the checker's messages with their positions, classified as the Nu checker's own reports do. */
        private static final class Collector implements InfoAwareErrorHandler {
            final List<Message> messages = new ArrayList<>();

            @Override
            public void warning(SAXParseException e) {
                add(Kind.WARNING, e);
            }

            @Override
            public void info(SAXParseException e) {
                add(Kind.INFO, e);
            }

            @Override
            public void error(SAXParseException e) {
                // attribute values the checker only frowns on come as errors carrying "warning" datatype exceptions
                boolean warningOnly = !details(e).isEmpty() && details(e).values().stream()
                        .anyMatch(d -> d instanceof Html5DatatypeException h && h.isWarning());
                add(warningOnly ? Kind.WARNING : Kind.ERROR, e);
            }

            @Override
            public void fatalError(SAXParseException e) {
                add(Kind.ERROR, e);
            }

            private void add(Kind kind, SAXParseException e) {
                StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
                for (Map.Entry<String, DatatypeException> d : details(e).entrySet()) {
                    text.append(' ').append(d.getKey()).append(": ").append(d.getValue().getMessage());
                }
                messages.add(new Message(kind, e.getLineNumber(), e.getColumnNumber(), text.toString()));
            }

            @SuppressWarnings("unchecked")
            private static Map<String, DatatypeException> details(SAXParseException e) {
                Map<?, ?> map = null;
                if (e instanceof VnuBadAttrValueException v) {
                    map = v.getExceptions();
                } else if (e instanceof VnuBadElementNameException v) {
                    map = v.getExceptions();
                } else if (e instanceof DatatypeMismatchException v) {
                    map = v.getExceptions();
                } else if (e instanceof BadAttributeValueException v) {
                    map = v.getExceptions();
                }
                return map == null ? Map.of() : (Map<String, DatatypeException>) map;
            }
        }
    }

    /** Refuses and records every connection to another machine made through java.net while installed. */
    static final class NetworkGuard extends ProxySelector {

        private static final Proxy REFUSED = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 1));

        private final ProxySelector previous;
        private final List<URI> attempts = Collections.synchronizedList(new ArrayList<>());

        private NetworkGuard(ProxySelector previous) {
            this.previous = previous;
        }

        static NetworkGuard install() {
            NetworkGuard guard = new NetworkGuard(ProxySelector.getDefault());
            ProxySelector.setDefault(guard);
            return guard;
        }

        void uninstall() {
            ProxySelector.setDefault(previous);
        }

        List<URI> attempts() {
            return List.copyOf(attempts);
        }

        void clear() {
            attempts.clear();
        }

        @Override
        public List<Proxy> select(URI uri) {
            String host = uri.getHost() == null ? "" : uri.getHost();
            if (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1")) {
                // loopback is not the network, and other tests' local servers and browsers use it
                return previous == null ? List.of(Proxy.NO_PROXY) : previous.select(uri);
            }
            attempts.add(uri);
            return List.of(REFUSED);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            // expected: every connection is refused
        }
    }
}

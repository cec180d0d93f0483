package org.followthrough.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
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
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * One reusable W3C Nu Html Checker (the checker behind validator.w3.org/nu), set up from the schemas
 * inside the validator jar. It runs offline: entities resolve to nothing, and nothing is fetched.
 * Used by the site's validity test and by the fragments' test.
 */
public final class NuChecker {

    public static final String SCHEMA = "http://s.validator.nu/html5-rdfalite.rnc";

    public enum Kind { ERROR, WARNING, INFO }

    public record Message(Kind kind, int line, int column, String text) {
        public boolean isError() {
            return kind == Kind.ERROR;
        }

        public String format(String page) {
            return page + ":" + line + ":" + column + ": " + (kind == Kind.ERROR ? "" : kind.name().toLowerCase(java.util.Locale.ROOT) + ": ") + text;
        }
    }

    /**
     * An HTML fragment (one that has no document of its own) inside the smallest valid document, so that
     * it can be checked as it will be once a host page includes it.
     */
    public static byte[] inMinimalDocument(String fragment) {
        return ("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>t</title></head><body><main>"
                + fragment + "</main></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private final SimpleDocumentValidator validator;
    private final Collector collector = new Collector();

    public NuChecker() throws Exception {
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
    public synchronized List<Message> check(String name, byte[] html) {
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

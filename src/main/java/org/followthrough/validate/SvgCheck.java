package org.followthrough.validate;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;
import org.followthrough.source.ContentFiles;

/**
 * Refuses an SVG that could run script or load anything when a browser opens it at its own
 * address: script, event handlers, {@code javascript:} addresses, references to anything but its
 * own parts, embedded HTML, and document types (whose entities can read files). Each problem
 * points at its line and column in the SVG. Refusing, rather than cleaning, tells the editor what
 * their drawing program put in the file; a clean SVG is published byte for byte.
 */
final class SvgCheck {

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    /** Elements that run script or embed a document of another kind, by lower-case local name. */
    private static final Map<String, String> REFUSED_ELEMENTS = Map.of(
            "script", "runs script",
            "handler", "runs script",
            "foreignobject", "embeds HTML, which can run script and load from elsewhere",
            "iframe", "embeds another page",
            "embed", "embeds content from elsewhere",
            "object", "embeds content from elsewhere");

    /** Animation elements, which can change an attribute such as href into something the file does not say. */
    private static final Set<String> ANIMATIONS = Set.of("set", "animate", "animatecolor", "animatemotion", "animatetransform");

    private static final Pattern SCRIPT_ADDRESS = Pattern.compile("(javascript|vbscript|livescript):|data:text/html", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_URL = Pattern.compile("url\\(", Pattern.CASE_INSENSITIVE);

    /** Namespaces whose elements a browser treats as HTML or MathML, which load what their attributes name. */
    private static final Map<String, String> REFUSED_NAMESPACES = Map.of(
            "http://www.w3.org/1999/xhtml", "HTML",
            "http://www.w3.org/1998/Math/MathML", "MathML");

    /** Attributes that name something a browser loads or sends to, besides href: as in HTML, refused unless they name a part (#id). */
    private static final Set<String> ADDRESS_ATTRIBUTES = Set.of("src", "srcset", "poster", "action", "formaction", "ping", "data",
            "background", "lowsrc", "dynsrc", "codebase", "cite", "longdesc", "usemap", "manifest", "archive", "classid");
    private static final Pattern CSS_LOADS = Pattern.compile("@import|image-set\\(|\\bsrc\\(", Pattern.CASE_INSENSITIVE);

    private static final XMLInputFactory FACTORY = secureFactory();

    private final String display;
    private final String text;
    private final Problems problems;
    private final int[] lineStarts;
    /** For each element open at the point read, whether it was refused: what is inside one is not refused again for being HTML. */
    private final Deque<Boolean> open = new ArrayDeque<>();

    private SvgCheck(String display, String text, Problems problems) {
        this.display = display;
        this.text = text;
        this.problems = problems;
        this.lineStarts = lineStarts(text);
    }

    /** No document types, no external entities, and the JDK's own parser whatever else is on the class path. */
    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    static void check(String display, byte[] bytes, Problems problems) {
        String kind = ImageKind.sniff(bytes);
        if (kind != null) {
            problems.error(Location.of(display), "this is a " + kind + " image, not an SVG",
                    kind.equals("PNG") ? "name it with the extension .png, and write that name after logo:"
                            : "export the logo as SVG or PNG (logos may be either); renaming a file does not convert it");
            return;
        }
        Problems decoding = new Problems();
        String text = ContentFiles.decode(bytes, display, decoding);
        decoding.sorted().forEach(problems::add);
        if (!decoding.hasErrors()) {
            new SvgCheck(display, text, problems).check();
        }
    }

    private void check() {
        if (text.isBlank()) {
            problems.error(Location.of(display), "the logo file is empty", "export the logo again from the drawing program, as SVG or PNG");
            return;
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(text));
            boolean root = true;
            while (reader.hasNext()) {
                int event = reader.next();
                int end = offset(reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber());
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        refuse(text.lastIndexOf("<!DOCTYPE", Math.max(end - 1, 0)), "the SVG declares a document type (<!DOCTYPE …>), whose "
                                + "entities can read files and addresses when the logo is opened", "remove the <!DOCTYPE …> declaration; an SVG needs none");
                        return;
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> refuse(text.lastIndexOf("<?", Math.max(end - 1, 0)),
                            "the processing instruction <?" + reader.getPITarget() + " …?> is not accepted in a logo: "
                                    + "<?xml-stylesheet?> loads a stylesheet from elsewhere", "remove it");
                    case XMLStreamConstants.START_ELEMENT -> {
                        int start = text.lastIndexOf('<', Math.max(end - 1, 0));
                        if (root && !(reader.getLocalName().equals("svg") && SVG_NAMESPACE.equals(reader.getNamespaceURI()))) {
                            refuse(start, "the file's outermost element is <" + qualified(reader.getPrefix(), reader.getLocalName())
                                    + ">, not <svg> in the SVG namespace, so browsers will not show it as an image",
                                    "start the file with <svg xmlns=\"" + SVG_NAMESPACE + "\" …>");
                            return;
                        }
                        root = false;
                        element(reader, start, end);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.poll();
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            message = message.contains("Message: ") ? message.substring(message.indexOf("Message: ") + "Message: ".length()) : message;
            Location at = e.getLocation() == null ? Location.of(display)
                    : new Location(display, Math.max(e.getLocation().getLineNumber(), 0), Math.max(e.getLocation().getColumnNumber(), 0));
            problems.error(at, "the logo is not well-formed XML: " + message.strip(),
                    "open it in a text editor, or export it again from the drawing program");
        } finally {
            close(reader);
        }
    }

    /**
     * Checks an element and its attributes, and notes it as open (and whether it was refused) until its end, unless
     * it was read to its end here.
     */
    private void element(XMLStreamReader reader, int start, int end) throws XMLStreamException {
        String name = reader.getLocalName();
        String lower = name.toLowerCase(Locale.ROOT);
        String tag = "<" + qualified(reader.getPrefix(), name) + ">";
        String foreign = REFUSED_NAMESPACES.get(reader.getNamespaceURI());
        boolean refused = foreign != null || REFUSED_ELEMENTS.containsKey(lower);
        if (foreign != null && open.contains(Boolean.TRUE)) {
            // inside an element refused already (HTML in a <foreignObject>): removing that removes this
        } else if (foreign != null) {
            refuse(start, tag + " is an element of " + foreign + ", not of SVG: it can load from elsewhere, send a form or run script "
                    + "when the logo is opened at its own address", "remove the " + tag + " element; a logo needs only SVG");
        } else if (REFUSED_ELEMENTS.containsKey(lower)) {
            refuse(start, tag + " is not accepted in a logo: it " + REFUSED_ELEMENTS.get(lower) + " when the logo is opened at its own address",
                    "remove the " + tag + " element; a logo needs none");
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String attribute = qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i));
            String local = reader.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
            String value = reader.getAttributeValue(i);
            int at = attributeOffset(start, end, attribute);
            if (local.startsWith("on")) {
                refuse(at, "event-handler attribute '" + attribute + "' is not accepted in a logo: it runs script",
                        "remove the attribute");
            } else if (runsScript(value)) {
                refuse(at, "'" + attribute + "' holds a script address (" + SCRIPT_ADDRESS.matcher(compact(value)).results().findFirst()
                        .map(m -> m.group()).orElse("javascript:") + "), which runs script", "remove it");
            } else if ((local.equals("href") || ADDRESS_ATTRIBUTES.contains(local)) && !value.strip().startsWith("#")) {
                refuse(at, "'" + attribute + "' refers to '" + abbreviate(value.strip()) + "', outside the logo; a logo may refer only to its own parts (#id)",
                        "draw what it refers to into the SVG, or remove the reference: a logo must load nothing from elsewhere");
            } else if (ANIMATIONS.contains(lower) && local.equals("attributename")
                    && (value.strip().toLowerCase(Locale.ROOT).endsWith("href") || value.strip().toLowerCase(Locale.ROOT).startsWith("on"))) {
                refuse(at, tag + " changes '" + value.strip() + "', which could make the logo run script or load from elsewhere",
                        "remove the animation");
            } else {
                // Presentation attributes (fill, filter, mask, …) take url() as a style sheet does.
                css(value, local.equals("style")).ifPresent(problem -> refuse(at, "'" + attribute + "' " + problem, CSS_HINT));
            }
        }
        if (lower.equals("style")) {
            String css = styleText(reader, start, tag);
            if (css != null) {
                // read to the element's end, whose END_ELEMENT the loop will not see
                css(css, true).ifPresent(problem -> refuse(start, tag + " " + problem, CSS_HINT));
            }
            return;
        }
        open.push(refused);
    }

    /**
     * The text of a {@code <style>} element, read to its end; null, with the element refused, where it holds an
     * element (a browser would not read that as a stylesheet, and what it means depends on the browser): the
     * {@code <style>} and that element are then open, and what they hold is read by the loop.
     */
    private String styleText(XMLStreamReader reader, int start, String tag) throws XMLStreamException {
        StringBuilder css = new StringBuilder();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                refuse(start, tag + " holds the element <" + qualified(reader.getPrefix(), reader.getLocalName())
                        + ">, where a stylesheet holds only text", "remove the element from the <style>, or the <style> itself");
                open.push(true);
                open.push(true);
                return null;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return css.toString();
            }
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE) {
                css.append(reader.getText());
            }
        }
        return css.toString();
    }

    private static final String CSS_HINT = "remove it; a logo's styles may refer only to its own parts, as url(#id)";

    /** What in a value, or in a style sheet, would load from elsewhere, if anything. */
    private static Optional<String> css(String css, boolean styleSheet) {
        if (styleSheet) {
            Matcher loads = CSS_LOADS.matcher(css);
            if (loads.find()) {
                return Optional.of("uses " + loads.group() + ", which loads from elsewhere");
            }
            if (css.indexOf('\\') >= 0) {
                return Optional.of("holds a CSS escape (\\), which can hide an address");
            }
        }
        Matcher url = CSS_URL.matcher(css);
        while (url.find()) {
            String address = address(css, url.end());
            if (address == null) {
                return Optional.of("holds a url( that is never closed, which a browser may still read as an address");
            }
            if (!address.strip().startsWith("#")) {
                return Optional.of("refers to url(" + abbreviate(address.strip()) + "), outside the logo");
            }
        }
        return Optional.empty();
    }

    /**
     * The address of a CSS {@code url(} whose text begins at {@code from}: a quoted string read to its closing quote
     * (it may hold a parenthesis or the other quote), else the text up to the closing parenthesis; null if it is not closed.
     */
    private static String address(String css, int from) {
        int at = from;
        while (at < css.length() && Character.isWhitespace(css.charAt(at))) {
            at++;
        }
        if (at < css.length() && (css.charAt(at) == '"' || css.charAt(at) == '\'')) {
            int close = css.indexOf(css.charAt(at), at + 1);
            return close < 0 ? null : css.substring(at + 1, close);
        }
        int close = css.indexOf(')', at);
        return close < 0 ? null : css.substring(at, close);
    }

    /** Browsers ignore spaces and control characters inside an address, so "java&#9;script:" runs script too. */
    private static boolean runsScript(String value) {
        return SCRIPT_ADDRESS.matcher(compact(value)).find();
    }

    private static String compact(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(c -> c > ' ' && !(c >= 0x7f && c <= 0x9f)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "…";
    }

    private static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    /** Where an attribute's name starts in the start tag that runs from {@code start} to {@code end}, or the tag's start. */
    private int attributeOffset(int start, int end, String attribute) {
        int i = start + 1;
        while (i < end && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '/' && text.charAt(i) != '>') {
            i++;
        }
        while (i < end) {
            while (i < end && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= end || text.charAt(i) == '/' || text.charAt(i) == '>') {
                break;
            }
            int nameStart = i;
            while (i < end && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String name = text.substring(nameStart, i);
            while (i < end && text.charAt(i) != '\'' && text.charAt(i) != '"') {
                i++;
            }
            if (i >= end) {
                break;
            }
            int close = text.indexOf(text.charAt(i), i + 1);
            if (name.equals(attribute)) {
                return nameStart;
            }
            i = close < 0 ? end : close + 1;
        }
        return start;
    }

    private void refuse(int offset, String message, String hint) {
        problems.error(location(Math.max(offset, 0)), message, hint);
    }

    /** Lines end at LF, CR LF or a lone CR, as XML counts them. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The offset in the text of a parser's line and column (both from 1). */
    private int offset(int line, int column) {
        if (line < 1 || line > lineStarts.length) {
            return text.length();
        }
        return Math.min(lineStarts[line - 1] + Math.max(column, 1) - 1, text.length());
    }

    private Location location(int offset) {
        int line = java.util.Arrays.binarySearch(lineStarts, offset);
        line = line >= 0 ? line : -line - 2;
        return new Location(display, line + 1, offset - lineStarts[line] + 1);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing was opened that a failed close could leave behind: the input is a string
            }
        }
    }
}

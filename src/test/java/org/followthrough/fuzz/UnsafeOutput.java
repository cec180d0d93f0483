package org.followthrough.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What in a published site could run script or was read from outside the content: in every HTML
 * page and fragment, every SVG, every PDF (its links and actions), and the HTML that feeds carry (Atom {@code type="html"}, JSON Feed
 * {@code content_html}), which feed readers render. The site's own script is its one reference
 * to {@code assets/filter.js}, {@code search.js} or {@code sort.js}, on the pages that filter, search or sort; nothing else may run script: no
 * script element, no event-handler attribute, no {@code javascript:}, {@code vbscript:} or
 * {@code data:} address, no element that embeds another document or changes the page's base.
 * An SVG may, in addition, refer only to its own parts.
 */
final class UnsafeOutput {

    /** The site's own script, referred to from the site's root or from a page below it. */
    private static final Pattern OWN_SCRIPT = Pattern.compile("(\\.\\./)*assets/(filter|search|sort)\\.js");
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script", Pattern.CASE_INSENSITIVE);
    private static final Set<String> EMBEDDING = Set.of("iframe", "frame", "frameset", "object", "embed", "applet", "base",
            "foreignobject", "handler", "portal", "isindex");
    /** Attributes whose value is an address a browser follows or loads. */
    private static final Set<String> ADDRESSES = Set.of("href", "src", "action", "formaction", "data", "poster", "background",
            "srcset", "cite", "longdesc", "manifest", "ping", "codebase", "archive", "icon", "dynsrc", "lowsrc", "xml:base", "values",
            "to", "from", "by");
    private static final Pattern SCRIPT_ADDRESS = Pattern.compile("(javascript|vbscript|livescript):|data:", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_IN_STYLE = Pattern.compile("expression\\(|javascript:|vbscript:|@import|behavior:|-moz-binding",
            Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> findings = new ArrayList<>();

    private UnsafeOutput() {
    }

    /** Every finding in the site under {@code site}, one line each, naming the file; empty when it is safe. */
    static List<String> in(Path site, String secret) {
        UnsafeOutput scan = new UnsafeOutput();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                scan.file(site.relativize(file).toString(), Files.readAllBytes(file), secret);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scan.findings;
    }

    private void file(String path, byte[] bytes, String secret) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (new String(bytes, StandardCharsets.ISO_8859_1).contains(secret) || text.contains(secret)) {
            findings.add(path + ": holds text of a file outside the content folder");
        }
        if (path.endsWith(".html")) {
            html(path, text, true);
        } else if (path.endsWith(".svg")) {
            svg(path, text);
        } else if (path.endsWith(".atom")) {
            for (Element content : Jsoup.parse(text, Parser.xmlParser()).select("[type=html]")) {
                html(path + " <" + content.tagName() + ">", content.wholeText(), false);
            }
        } else if (path.endsWith(".pdf")) {
            pdf(path, bytes);
        } else if (path.endsWith(".json") && text.contains("\"content_html\"")) {
            for (JsonNode item : JSON.readTree(text).path("items")) {
                html(path + " " + item.path("id").asText(), item.path("content_html").asText(), false);
            }
        }
    }

    /** A page, fragment or feed entry; only a page of the site may refer to the site's own script. */
    private void html(String path, String text, boolean page) {
        Document document = Jsoup.parse(text);
        List<Element> scripts = document.select("script");
        for (Element script : scripts) {
            boolean own = page && OWN_SCRIPT.matcher(script.attr("src")).matches() && script.data().isBlank() && script.attributesSize() == 1;
            if (!own) {
                findings.add(path + ": script " + abbreviated(script.outerHtml()));
            }
        }
        long tags = SCRIPT_TAG.matcher(text).results().count();
        if (tags != scripts.size()) {
            findings.add(path + ": '<script' is written " + tags + " times where the page has " + scripts.size()
                    + " script elements: a script tag inside text or an attribute");
        }
        for (Element element : document.getAllElements()) {
            element(path, element, false);
        }
    }

    /** A PDF may link to web addresses, but run no script: no script address, no JavaScript, no action on opening or on events. */
    private void pdf(String path, byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            for (COSName key : List.of(COSName.OPEN_ACTION, COSName.AA)) {
                if (catalog.containsKey(key)) {
                    findings.add(path + ": the document has an action " + key.getName());
                }
            }
            if (document.getDocumentCatalog().getNames() != null && document.getDocumentCatalog().getNames().getJavaScript() != null) {
                findings.add(path + ": the document holds JavaScript");
            }
            for (PDPage page : document.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation.getCOSObject().containsKey(COSName.AA)) {
                        findings.add(path + ": an annotation has an action on an event");
                    }
                    if (annotation instanceof PDAnnotationLink link && link.getAction() != null) {
                        PDAction action = link.getAction();
                        String uri = action instanceof PDActionURI address ? compact(String.valueOf(address.getURI())) : "";
                        boolean safe = action instanceof PDActionGoTo || action instanceof PDActionURI && !SCRIPT_ADDRESS.matcher(uri).find();
                        if (!safe) {
                            findings.add(path + ": a link whose action is " + action.getSubType() + " " + abbreviated(uri));
                        }
                    }
                }
            }
        }
    }

    private void svg(String path, String text) {
        Document document = Jsoup.parse(text, Parser.xmlParser());
        for (Element element : document.getAllElements()) {
            if (local(element.tagName()).equals("script")) {
                findings.add(path + ": script " + abbreviated(element.outerHtml()));
            }
            element(path, element, true);
        }
        if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY")) {
            findings.add(path + ": declares a document type");
        }
    }

    private void element(String path, Element element, boolean svg) {
        String name = local(element.tagName());
        if (EMBEDDING.contains(name)) {
            findings.add(path + ": <" + element.tagName() + "> embeds or redirects: " + abbreviated(element.outerHtml()));
        }
        if (name.equals("meta") && element.attr("http-equiv").equalsIgnoreCase("refresh")) {
            findings.add(path + ": <meta http-equiv=refresh> " + abbreviated(element.outerHtml()));
        }
        if (name.equals("style") && SCRIPT_IN_STYLE.matcher(element.data()).find()) {
            findings.add(path + ": a style sheet that can run script or load: " + abbreviated(element.data()));
        }
        for (Attribute attribute : element.attributes()) {
            String key = attribute.getKey().toLowerCase(Locale.ROOT);
            String local = local(key);
            String value = compact(attribute.getValue());
            if (local.startsWith("on")) {
                findings.add(path + ": event-handler attribute " + abbreviated(attribute.html()) + " on <" + element.tagName() + ">");
            } else if ((ADDRESSES.contains(local) || ADDRESSES.contains(key)) && SCRIPT_ADDRESS.matcher(value).find()) {
                findings.add(path + ": script or data address " + abbreviated(attribute.html()) + " on <" + element.tagName() + ">");
            } else if (local.equals("style") && SCRIPT_IN_STYLE.matcher(value).find()) {
                findings.add(path + ": style that can run script " + abbreviated(attribute.html()));
            } else if (svg && (local.equals("href") || local.equals("src")) && !value.startsWith("#")) {
                findings.add(path + ": refers outside itself: " + abbreviated(attribute.html()));
            } else if (svg && value.toLowerCase(Locale.ROOT).contains("url(") && !value.replace(" ", "").toLowerCase(Locale.ROOT).contains("url(#")) {
                findings.add(path + ": refers outside itself: " + abbreviated(attribute.html()));
            }
        }
    }

    private static String local(String name) {
        return name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    }

    /** Browsers ignore white space and control characters inside an address: "java\tscript:" runs script. */
    private static String compact(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(c -> c > ' ' && !(c >= 0x7f && c <= 0x9f)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String abbreviated(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= 160 ? line : line.substring(0, 157) + "…";
    }
}

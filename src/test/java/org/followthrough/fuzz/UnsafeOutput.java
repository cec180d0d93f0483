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
    /** The site being read, whose own schemas say which fields of its data documents hold Markdown. */
    private Path site;
    /** The data documents, whose Markdown fields other sites render: what a CommonMark renderer makes of them is read as HTML. */
    private static final Pattern DATA_DOCUMENT = Pattern.compile("(.*/)?(plan|organisation|site)\\.json");
    private static final org.commonmark.parser.Parser MARKDOWN = org.commonmark.parser.Parser.builder().build();
    private static final org.commonmark.renderer.html.HtmlRenderer TO_HTML = org.commonmark.renderer.html.HtmlRenderer.builder().build();

    private UnsafeOutput() {
    }

    /** Every finding in the site under {@code site}, one line each, naming the file; empty when it is safe. */
    static List<String> in(Path site, String secret) {
        UnsafeOutput scan = new UnsafeOutput();
        scan.site = site;
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
        } else if (DATA_DOCUMENT.matcher(path.replace('\\', '/')).matches()) {
            markdownIn(path, JSON.readTree(text));
        }
    }

    /**
     * The Markdown fields of a data document, as another site shows them: rendered by a plain CommonMark renderer, which
     * passes HTML through and follows any address, then read as a page's HTML is. Which fields hold Markdown is what the
     * document's own schema says, field by field (a target's "text" is its wording, a recommendation's is Markdown).
     */
    private void markdownIn(String path, JsonNode document) throws IOException {
        String schemaName = document.path("$schema").asText();
        Path schemaFile = site.resolve("schema").resolve(schemaName.substring(schemaName.lastIndexOf('/') + 1));
        if (!Files.isRegularFile(schemaFile)) {
            findings.add(path + ": names a schema the site does not have: " + schemaName);
            return;
        }
        JsonNode schema = JSON.readTree(schemaFile.toFile());
        markdownIn(path, document, schema, schema);
    }

    private void markdownIn(String path, JsonNode value, JsonNode schema, JsonNode root) {
        JsonNode resolved = resolved(schema, root);
        if (value.isArray()) {
            value.forEach(item -> markdownIn(path, item, resolved.path("items"), root));
        } else if (value.isObject()) {
            value.fields().forEachRemaining(field -> {
                JsonNode property = resolved.path("properties").has(field.getKey()) ? resolved.path("properties").path(field.getKey())
                        : resolved.path("additionalProperties");
                boolean markdown = describesMarkdown(property) || describesMarkdown(resolved) && !resolved.path("properties").has(field.getKey());
                if (field.getValue().isTextual() && markdown) {
                    data(path + " " + field.getKey(), TO_HTML.render(MARKDOWN.parse(field.getValue().asText())));
                } else if (field.getValue().isContainerNode()) {
                    markdownIn(path, field.getValue(), property, root);
                }
            });
        }
    }

    private static boolean describesMarkdown(JsonNode schema) {
        return schema.path("description").asText().contains("Markdown");
    }

    /** A schema with its reference followed ("#/$defs/plan"), and of alternatives the one that describes an object or list. */
    private static JsonNode resolved(JsonNode schema, JsonNode root) {
        JsonNode at = schema;
        for (int i = 0; i < 10 && at.has("$ref"); i++) {
            JsonNode target = root;
            for (String part : at.path("$ref").asText().replaceFirst("^#/", "").split("/")) {
                target = target.path(part);
            }
            at = target;
        }
        for (String alternatives : List.of("anyOf", "oneOf")) {
            for (JsonNode alternative : at.path(alternatives)) {
                JsonNode option = resolved(alternative, root);
                if (option.has("properties") || option.has("items")) {
                    return option;
                }
            }
        }
        return at;
    }

    /**
     * HTML another site makes of a text of the data: no script, nothing that loads or embeds given an address, no event
     * handler with something to run (a bare word in angle brackets, {@code <review ongoing>}, runs nothing).
     */
    private void data(String path, String html) {
        Document document = Jsoup.parseBodyFragment(html);
        for (Element script : document.select("script")) {
            findings.add(path + ": script " + abbreviated(script.outerHtml()));
        }
        for (Element element : document.getAllElements()) {
            element.attributes().asList().stream().filter(a -> local(a.getKey()).startsWith("on") && a.getValue().isBlank())
                    .forEach(a -> element.removeAttr(a.getKey()));
            boolean addressed = element.attributes().asList().stream().anyMatch(a -> ADDRESSES.contains(local(a.getKey()))
                    || local(a.getKey()).equals("srcdoc"));
            if (EMBEDDING.contains(local(element.tagName())) && !addressed) {
                continue;
            }
            element(path, element, false);
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

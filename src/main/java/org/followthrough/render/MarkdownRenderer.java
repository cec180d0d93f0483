package org.followthrough.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.followthrough.format.MarkdownSyntax;
import org.followthrough.model.Markdown;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;

/**
 * Markdown to safe HTML: CommonMark with GFM tables and autolinks, then jsoup's cleaner, so that
 * raw HTML in the content can format text but never run script, load a resource or break the page.
 * Headings are moved down so that they sit below the page's own (an editor's "#" becomes h3).
 *
 * <p>Most texts in plans are plain paragraphs and lists: for a text with no raw HTML, links,
 * images, tables or fenced code, CommonMark's own output can hold nothing unsafe, and it is written
 * as the cleaner would write it without the cost of the cleaner (a test holds the two paths to the
 * same output). Thread-safe; recently rendered texts are kept, so a text shown on several pages is
 * rendered once, and memory stays bounded however large the archive.
 */
public final class MarkdownRenderer {

    private static final List<org.commonmark.Extension> EXTENSIONS = MarkdownSyntax.EXTENSIONS;
    private static final int KEPT = 20_000;

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    private final Cleaner cleaner = new Cleaner(MarkdownSyntax.safelist());
    private final Map<String, String> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };

    public String toHtml(Markdown markdown) {
        if (markdown == null) {
            return null;
        }
        String source = markdown.source();
        synchronized (cache) {
            String html = cache.get(source);
            if (html != null) {
                return html;
            }
        }
        String html = render(source);
        synchronized (cache) {
            cache.put(source, html);
        }
        return html;
    }

    private String render(String source) {
        String prose = prose(source);
        return prose != null ? prose : renderParsed(source);
    }

    /** A text's HTML by way of CommonMark's parser, as every text was made before {@link #prose}. */
    String renderParsed(String source) {
        Node document = parser.parse(source);
        PlainCheck plain = new PlainCheck();
        document.accept(plain);
        if (plain.plain && source.indexOf('<') < 0) {
            return plainHtml(renderer.render(document));
        }
        return renderCleaned(source);
    }

    /** The cleaner's way: parse the HTML, keep only what the safe list allows, write it out. */
    private String cleaned(String html) {
        Document dirty = Jsoup.parseBodyFragment(html);
        // An image is not published (check says so), but a link made of one keeps its words: the image's alternative text.
        dirty.body().select("a img").forEach(img -> img.replaceWith(new org.jsoup.nodes.TextNode(img.attr("alt"))));
        Document clean = cleaner.clean(dirty);
        clean.body().select("h1, h2, h3, h4, h5, h6").forEach(h -> {
            int level = Math.min(6, Integer.parseInt(h.tagName().substring(1)) + 2);
            h.tagName("h" + level);
        });
        clean.body().select("a[href^=http]").forEach(a -> a.attr("rel", "external"));
        clean.body().select("a").forEach(a -> {
            if (!a.hasAttr("href") || !MarkdownSyntax.publishesLink(a.attr("href"))) {
                // an address not kept (javascript:, a local file, a name before the host): its words alone, not a link to nowhere
                a.unwrap();
            } else if (a.text().isBlank()) {
                // a link with no words at all is named by its address, which a screen reader can say and a reader can see
                a.text(a.attr("href"));
            }
        });
        clean.outputSettings().prettyPrint(false);
        return clean.body().html().strip();
    }

    /**
     * The HTML of a text of plain prose, written directly, as the parser and {@link #plainHtml} would make it; null for
     * anything else. Most texts of a plan are sentences in paragraphs, and parsing them was a tenth of a build's processor
     * time. Prose here holds no character that can begin markup or an entity ({@code * _ ` [ ] ! < > & \ ~ | @}), no
     * address ({@code ://}, {@code www.}), no tab, no no-break space, and no line that could begin a block (indented four
     * spaces, or starting {@code - + = #} or a number and {@code .} or {@code )}) or end in a hard break. Such a text is its
     * paragraphs (runs of lines that are not blank), each line without the spaces around it, in {@code <p>}. A test holds
     * it to the parser's output for every text of the shipped plans and for thousands of texts made up of the characters
     * that matter.
     */
    static String prose(String source) {
        int length = source.length();
        for (int i = 0; i < length; i++) {
            char c = source.charAt(i);
            if (c < ' ' ? c != '\n' : c < 0x80 ? NOT_PROSE_ASCII[c]
                    : Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c) || Character.isSurrogate(c)) {
                return null;
            }
        }
        if (source.contains("://") || containsWww(source)) {
            return null;
        }
        StringBuilder html = new StringBuilder(length + 16);
        boolean open = false;
        int start = 0;
        while (start <= length) {
            int end = source.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int from = start;
            while (from < end && source.charAt(from) == ' ') {
                from++;
            }
            int to = end;
            while (to > from && source.charAt(to - 1) == ' ') {
                to--;
            }
            if (from == to) {
                if (open) {
                    html.append("</p>\n");
                    open = false;
                }
            } else {
                if (from - start >= 4 || !proseLineStart(source, from, to) || end - to >= 2 && hasTextAfter(source, end)) {
                    return null;
                }
                html.append(open ? "\n" : "<p>").append(source, from, to);
                open = true;
            }
            start = end + 1;
        }
        if (open) {
            html.append("</p>");
        }
        return html.toString().strip();
    }

    /** Characters below 128, other than letters, digits and space, that can begin markup, an entity or a table. */
    private static final String NOT_PROSE = "*_`[]!<>&\\~|@\u007f";
    /** The same as a table looked up for each character of a text (rather than searching the list for it). */
    private static final boolean[] NOT_PROSE_ASCII = new boolean[0x80];

    static {
        NOT_PROSE.chars().forEach(c -> NOT_PROSE_ASCII[c] = true);
    }

    /**
     * Whether the text holds "www." in any case, as an address the autolink extension links begins: looked for from
     * each full stop, which a fast search finds, rather than compared, ignoring case, at every place of every text.
     */
    private static boolean containsWww(String text) {
        for (int dot = text.indexOf('.', 3); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            if (isW(text.charAt(dot - 1)) && isW(text.charAt(dot - 2)) && isW(text.charAt(dot - 3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isW(char c) {
        return c == 'w' || c == 'W';
    }

    /** Whether a line's first character cannot begin a block: a list item, a heading, a rule or an underline. */
    private static boolean proseLineStart(String source, int from, int to) {
        char first = source.charAt(from);
        if (first == '-' || first == '+' || first == '=' || first == '#') {
            return false;
        }
        int digits = from;
        while (digits < to && Character.isDigit(source.charAt(digits))) {
            digits++;
        }
        return digits == from || digits == to || source.charAt(digits) != '.' && source.charAt(digits) != ')';
    }

    /** Whether a line that is not blank comes after the end of this one. */
    private static boolean hasTextAfter(String source, int end) {
        for (int i = end; i < source.length(); i++) {
            if (source.charAt(i) != ' ' && source.charAt(i) != '\n') {
                return true;
            }
        }
        return false;
    }

    /**
     * CommonMark's HTML of a plain text, written as the cleaner writes it: headings moved down, void
     * elements in HTML style, quotes left as they are in text and no-break spaces as entities.
     */
    private static String plainHtml(String html) {
        return html.replace("<br />", "<br>").replace("<hr />", "<hr>").replace("&quot;", "\"")
                .replace("\u00a0", "&nbsp;").strip();
    }

    /** The cleaner's output for a text, whatever path {@link #toHtml} would take (the AST is parsed afresh: the plain check moves headings). */
    String renderCleaned(String source) {
        Node document = parser.parse(source);
        return cleaned(renderer.render(document));
    }

    /** Whether a parsed text is plain (and moves its headings down, which the plain path needs). */
    private static final class PlainCheck extends AbstractVisitor {
        boolean plain = true;

        @Override
        public void visit(Heading heading) {
            heading.setLevel(Math.min(6, heading.getLevel() + 2));
            visitChildren(heading);
        }

        @Override
        public void visit(HtmlBlock node) {
            plain = false;
        }

        @Override
        public void visit(HtmlInline node) {
            plain = false;
        }

        @Override
        public void visit(Link node) {
            plain = false;
        }

        @Override
        public void visit(Image node) {
            plain = false;
        }

        @Override
        public void visit(ThematicBreak node) {
            // the safe list has no <hr>: the cleaner drops it
            plain = false;
        }

        @Override
        public void visit(FencedCodeBlock node) {
            plain = false;
        }

        @Override
        public void visit(CustomBlock node) {
            if (node instanceof TableBlock) {
                plain = false;
            }
            visitChildren(node);
        }

        @Override
        public void visit(CustomNode node) {
            plain = false;
        }
    }
}

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

package org.followthrough.render;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.followthrough.format.MarkdownSyntax;
import org.followthrough.model.Markdown;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Markdown to safe HTML: CommonMark with GFM tables and autolinks, then jsoup's cleaner, so that
 * raw HTML in the content can format text but never run script, load a resource or break the page.
 * Headings are moved down so that they sit below the page's own (an editor's "#" becomes h3).
 * Thread-safe; each distinct text is rendered once.
 */
public final class MarkdownRenderer {

    private static final List<org.commonmark.Extension> EXTENSIONS = MarkdownSyntax.EXTENSIONS;

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    private final Cleaner cleaner = new Cleaner(safelist());
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    static Safelist safelist() {
        return Safelist.relaxed()
                .removeTags("img")
                .addTags("s", "del", "ins", "abbr", "mark")
                .addAttributes("abbr", "title")
                .addAttributes("th", "scope")
                .addProtocols("a", "href", "http", "https", "mailto", "tel");
    }

    public String toHtml(Markdown markdown) {
        if (markdown == null) {
            return null;
        }
        return cache.computeIfAbsent(markdown.source(), this::render);
    }

    private String render(String source) {
        String html = renderer.render(parser.parse(source));
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = cleaner.clean(dirty);
        clean.body().select("h1, h2, h3, h4, h5, h6").forEach(h -> {
            int level = Math.min(6, Integer.parseInt(h.tagName().substring(1)) + 2);
            h.tagName("h" + level);
        });
        clean.body().select("a[href^=http]").forEach(a -> a.attr("rel", "external"));
        clean.outputSettings().prettyPrint(false);
        return clean.body().html().strip();
    }
}

package org.followthrough.render.pdf.typeset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cascade for one document: the typesetter's defaults for HTML elements (much as a browser's),
 * then the document's own {@code <style>} sheets. Parsed once for each distinct text, and shared.
 */
final class Stylesheet {

    /** What browsers do by default, for the elements the typesetter lays out. */
    static final String DEFAULTS = """
            h1, h2, h3, h4, h5, h6, strong, b, th, dt { font-weight: bold }
            h1 { font-size: 2em; margin: 0.67em 0 }
            h2 { font-size: 1.5em; margin: 0.83em 0 }
            h3 { font-size: 1.17em; margin: 1em 0 }
            h4 { margin: 1.33em 0 }
            h5 { font-size: 0.83em; margin: 1.67em 0 }
            h6 { font-size: 0.67em; margin: 2.33em 0 }
            p, dl, pre, ul, ol { margin: 1em 0 }
            blockquote { margin: 1em 40px }
            ul, ol { padding-left: 40px }
            ul ul, ul ol, ol ul, ol ol { margin: 0 }
            ol { list-style-type: decimal }
            ul { list-style-type: disc }
            ul ul, ol ul { list-style-type: circle }
            ul ul ul, ol ul ul, ul ol ul, ol ol ul { list-style-type: square }
            dd { margin-left: 40px }
            em, i, cite, dfn, var, address { font-style: italic }
            s, del, strike { text-decoration: line-through }
            u, ins { text-decoration: underline }
            a { text-decoration: underline; color: #0000ee }
            sub { vertical-align: sub; font-size: smaller }
            sup { vertical-align: super; font-size: smaller }
            small { font-size: smaller }
            mark { background-color: #ffff00; color: #000000 }
            pre { white-space: pre }
            th, td { padding: 1px }
            th { text-align: center }
            caption { text-align: center }
            hr { border-top: 1px solid #808080; margin: 0.5em 0 }
            """;

    private static final List<Css.Rule> DEFAULT_RULES = Css.parse(DEFAULTS, true, 0);
    private static final Map<String, Stylesheet> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 64;

    private final List<Css.Rule> rules;
    private final StyleNode root;

    private Stylesheet(String authorCss) {
        List<Css.Rule> all = new ArrayList<>(DEFAULT_RULES);
        all.addAll(Css.parse(authorCss, false, DEFAULT_RULES.size()));
        all.sort(Comparator.comparing((Css.Rule r) -> !r.userAgent()).thenComparingInt(Css.Rule::specificity)
                .thenComparingInt(Css.Rule::order));
        this.rules = List.copyOf(all);
        this.root = new StyleNode(this);
    }

    /** The cascade of the defaults and this author stylesheet (the text of the document's style elements, in order). */
    static Stylesheet of(String authorCss) {
        Stylesheet sheet = CACHE.get(authorCss);
        if (sheet == null) {
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            sheet = CACHE.computeIfAbsent(authorCss, Stylesheet::new);
        }
        return sheet;
    }

    List<Css.Rule> rules() {
        return rules;
    }

    /** The place above {@code <html>}. */
    StyleNode root() {
        return root;
    }
}

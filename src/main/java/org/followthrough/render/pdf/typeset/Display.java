package org.followthrough.render.pdf.typeset;

import java.util.Map;

/** How an HTML element takes part in layout, by its tag name (the stylesheet cannot change it, except to hide it). */
enum Display {
    BLOCK, LIST, LIST_ITEM, TABLE, CAPTION, COLUMN_GROUP, COLUMN, ROW_GROUP, ROW, CELL, RULE, LINE_BREAK, INLINE, NONE;

    private static final Map<String, Display> BY_TAG = Map.ofEntries(
            Map.entry("html", BLOCK), Map.entry("body", BLOCK), Map.entry("div", BLOCK), Map.entry("p", BLOCK),
            Map.entry("h1", BLOCK), Map.entry("h2", BLOCK), Map.entry("h3", BLOCK), Map.entry("h4", BLOCK),
            Map.entry("h5", BLOCK), Map.entry("h6", BLOCK), Map.entry("blockquote", BLOCK), Map.entry("pre", BLOCK),
            Map.entry("dl", BLOCK), Map.entry("dt", BLOCK), Map.entry("dd", BLOCK), Map.entry("address", BLOCK),
            Map.entry("section", BLOCK), Map.entry("article", BLOCK), Map.entry("header", BLOCK), Map.entry("footer", BLOCK),
            Map.entry("main", BLOCK), Map.entry("nav", BLOCK), Map.entry("aside", BLOCK), Map.entry("figure", BLOCK),
            Map.entry("figcaption", BLOCK), Map.entry("details", BLOCK), Map.entry("summary", BLOCK),
            Map.entry("ul", LIST), Map.entry("ol", LIST), Map.entry("li", LIST_ITEM),
            Map.entry("table", TABLE), Map.entry("caption", CAPTION), Map.entry("colgroup", COLUMN_GROUP), Map.entry("col", COLUMN),
            Map.entry("thead", ROW_GROUP), Map.entry("tbody", ROW_GROUP), Map.entry("tfoot", ROW_GROUP), Map.entry("tr", ROW),
            Map.entry("th", CELL), Map.entry("td", CELL), Map.entry("hr", RULE), Map.entry("br", LINE_BREAK),
            Map.entry("head", NONE), Map.entry("style", NONE), Map.entry("script", NONE), Map.entry("title", NONE),
            Map.entry("meta", NONE), Map.entry("link", NONE), Map.entry("bookmarks", NONE), Map.entry("bookmark", NONE),
            Map.entry("template", NONE), Map.entry("img", NONE), Map.entry("svg", NONE), Map.entry("noscript", NONE));

    static Display of(String tag) {
        return BY_TAG.getOrDefault(tag, INLINE);
    }

    boolean isInline() {
        return this == INLINE || this == LINE_BREAK;
    }
}

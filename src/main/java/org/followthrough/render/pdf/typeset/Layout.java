package org.followthrough.render.pdf.typeset;

import static org.followthrough.render.pdf.typeset.Style.BOTTOM;
import static org.followthrough.render.pdf.typeset.Style.LEFT;
import static org.followthrough.render.pdf.typeset.Style.RIGHT;
import static org.followthrough.render.pdf.typeset.Style.TOP;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns the HTML of a document into items down the page, tagging as it goes: blocks with their margins,
 * borders and padding; paragraphs broken into lines; lists with their markers; tables with their column
 * widths, cells and header rows. Each element gets its structure element (P, H2, L/LI/Lbl/LBody,
 * Table/TR/TH/TD, Link…), and each piece of text the structure element it belongs to.
 */
final class Layout {

    private final FontFamily fonts;
    private final DocumentFonts used;
    private final Set<String> ids;
    private final Map<Style, TextStyle> textStyles = new IdentityHashMap<>();
    /** The elements taken out of the flow by {@code position: running(name)}, by name: the first of each. */
    private final Map<String, Element> running = new HashMap<>();
    private final Map<String, StyleNode> runningStyles = new HashMap<>();

    /**
     * @param ids the ids of the document's elements: only links to these are made
     */
    Layout(FontFamily fonts, DocumentFonts used, Set<String> ids) {
        this.fonts = fonts;
        this.used = used;
        this.ids = ids;
    }

    /** Lays out what is in {@code body}, in a column at {@code x}, {@code width} wide. */
    void body(Element body, StyleNode node, float x, float width, Tag document, Flow flow) {
        children(body, node, x, width, document, false, flow);
    }

    /**
     * The text of the running element {@code name} as lines at {@code x}, {@code width} wide, with
     * {@code {page}} and {@code {pages}} replaced by the numbers given: decoration repeated on every
     * page, so untagged. Empty when the document has no such element.
     */
    List<Item.Line> running(String name, float x, float width, int page, int pages) {
        Element element = running.get(name);
        if (element == null) {
            return List.of();
        }
        StyleNode node = runningStyles.get(name);
        Paragraph paragraph = new Paragraph(used);
        if (element.text().contains("{page")) {
            String text = element.text().replace("{pages}", Integer.toString(pages)).replace("{page}", Integer.toString(page));
            paragraph.text(text, text(node.style), null, null, false);
        } else {
            inline(element, node, paragraph, null, null);
        }
        return paragraph.lines(x, width, node.style.align, text(node.style), null);
    }

    /** The widest line of the running element {@code name} on any page of {@code pages} (its numbers at their widest). */
    float runningWidth(String name, int pages) {
        float widest = 0;
        for (Item.Line line : running(name, 0, Float.MAX_VALUE, pages, pages)) {
            float width = 0;
            for (Item.Run run : line.runs) {
                width += run.width;
            }
            widest = Math.max(widest, width);
        }
        return widest;
    }

    TextStyle text(Style style) {
        TextStyle t = textStyles.get(style);
        if (t == null) {
            t = TextStyle.of(style, fonts);
            textStyles.put(style, t);
        }
        return t;
    }

    // ---------------------------------------------------------------- blocks

    private void block(Element e, StyleNode node, float x, float width, Tag parent, Flow flow) {
        Style s = node.style;
        if (s.breakBefore) {
            flow.add(new Item.PageBreak());
        }
        if (!e.id().isEmpty()) {
            flow.anchor(e.id());
        }
        float[] m = s.margin;
        float[] p = s.padding;
        float[] b = s.borderWidth;
        flow.margin(m[TOP], false);
        float outerX = x + m[LEFT];
        float outerWidth = width - m[LEFT] - m[RIGHT];
        boolean keep = flow.keep;
        flow.keep = keep || s.keepWithNext;
        if (b[TOP] > 0) {
            flow.add(new Item.Rule(outerX, outerWidth, b[TOP], s.borderRgb(TOP)));
        }
        Item.SideBorder outside = flow.borders;
        if (b[LEFT] > 0) {
            flow.borders = new Item.SideBorder(outside, outerX, b[LEFT], s.borderRgb(LEFT));
        }
        flow.padding(p[TOP]);
        float cx = outerX + b[LEFT] + p[LEFT];
        float cw = outerWidth - b[LEFT] - p[LEFT] - p[RIGHT] - b[RIGHT];
        Item.Continued around = flow.continued;
        String label = e.attr("data-continued").strip();
        if (!label.isEmpty()) {
            flow.continued = continued(label, node, cx, cw, around);
        }
        switch (node.display) {
            case LIST -> list(e, node, cx, cw, parent, flow);
            case TABLE -> table(e, node, cx, cw, parent, flow);
            case RULE -> {
                // hr is its border
            }
            default -> {
                String type = structureType(e.normalName());
                Tag tag = type == null ? parent : parent.child(type);
                children(e, node, cx, cw, tag, type != null && !type.equals("Div") && !type.equals("BlockQuote"), flow);
            }
        }
        flow.padding(p[BOTTOM]);
        if (b[BOTTOM] > 0) {
            flow.add(new Item.Rule(outerX, outerWidth, b[BOTTOM], s.borderRgb(BOTTOM)));
        }
        flow.borders = outside;
        flow.continued = around;
        flow.keep = keep;
        flow.margin(m[BOTTOM], true);
    }

    /**
     * What a block says of itself at the top of a page it continues on: its label in the style of a
     * {@code p.continued} inside it, as lines of decoration (the block was read where it began).
     */
    private Item.Continued continued(String label, StyleNode block, float x, float width, Item.Continued outer) {
        return new Item.Continued(outer, () -> {
            Style s = block.child("p", "continued").style;
            Paragraph paragraph = new Paragraph(used);
            paragraph.text(label, text(s), null, null, false);
            List<Item> items = new ArrayList<>(paragraph.lines(x, width, s.align, text(s), null));
            if (s.margin[BOTTOM] > 0) {
                items.add(new Item.Space(s.margin[BOTTOM], false));
            }
            return items;
        });
    }

    /** The structure element a block element becomes; null where its content belongs to the parent's. */
    private static String structureType(String tag) {
        return switch (tag) {
            case "p", "dt", "pre", "address", "summary", "figcaption" -> "P";
            case "h1" -> "H1";
            case "h2" -> "H2";
            case "h3" -> "H3";
            case "h4" -> "H4";
            case "h5" -> "H5";
            case "h6" -> "H6";
            case "blockquote" -> "BlockQuote";
            case "div", "section", "article", "main", "header", "footer", "nav", "aside", "dl", "dd", "figure", "details" -> "Div";
            default -> null;
        };
    }

    /**
     * Lays out an element's children: blocks one under another, and runs of inline content between them
     * as paragraphs, whose text goes into {@code tag} itself when {@code textInTag} (a P, a TD), else into a P of its own.
     */
    private void children(Element e, StyleNode node, float x, float width, Tag tag, boolean textInTag, Flow flow) {
        Paragraph paragraph = null;
        Tag paragraphTag = null;
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode text) {
                if (paragraph == null) {
                    if (text.isBlank()) {
                        continue;
                    }
                    paragraph = new Paragraph(used);
                    paragraphTag = textInTag ? tag : tag.child("P");
                }
                paragraph.text(text.getWholeText(), text(node.style), paragraphTag.content(), null, node.style.pre);
            } else if (child instanceof Element element) {
                StyleNode childNode = node.child(element.normalName(), element.className());
                if (childNode.display == Display.NONE || childNode.style.hidden) {
                    continue;
                }
                if (childNode.style.running != null) {
                    if (running.putIfAbsent(childNode.style.running, element) == null) {
                        runningStyles.put(childNode.style.running, childNode);
                    }
                    continue;
                }
                if (childNode.display.isInline()) {
                    if (paragraph == null) {
                        paragraph = new Paragraph(used);
                        paragraphTag = textInTag ? tag : tag.child("P");
                    }
                    inlineElement(element, childNode, paragraph, paragraphTag, null);
                } else {
                    if (paragraph != null) {
                        finish(paragraph, node.style, x, width, flow);
                        paragraph = null;
                    }
                    block(element, childNode, x, width, tag, flow);
                }
            }
        }
        if (paragraph != null) {
            finish(paragraph, node.style, x, width, flow);
        }
    }

    private void finish(Paragraph paragraph, Style block, float x, float width, Flow flow) {
        List<Item.Line> lines = paragraph.lines(x, width, block.align, text(block), flow.takeMarker());
        int n = lines.size();
        if (n == 0) {
            if (paragraph.anchors() != null) {
                paragraph.anchors().forEach(flow::anchor);
            }
            return;
        }
        if (block.avoidBreakInside) {
            for (int i = 0; i < n - 1; i++) {
                lines.get(i).keepWithNext = true;
            }
        }
        // no line alone at the foot or the head of a page (CSS orphans and widows: 2)
        if (n >= 2) {
            lines.get(0).keepWithNext = true;
            lines.get(n - 2).keepWithNext = true;
        }
        for (Item.Line line : lines) {
            flow.add(line);
        }
    }

    // ---------------------------------------------------------------- inline content

    private void inlineElement(Element e, StyleNode node, Paragraph paragraph, Tag tag, Item.Link link) {
        if (node.display == Display.LINE_BREAK) {
            paragraph.lineBreak(text(node.style), tag == null ? null : tag.content(), link);
            return;
        }
        if (!e.id().isEmpty()) {
            paragraph.anchor(e.id());
        }
        Tag inner = tag;
        Item.Link innerLink = link;
        if (link == null && tag != null && e.nameIs("a") && e.hasAttr("href")) {
            innerLink = link(e, tag);
            if (innerLink != null) {
                inner = innerLink.tag();
            }
        }
        inline(e, node, paragraph, inner, innerLink);
    }

    private void inline(Element e, StyleNode node, Paragraph paragraph, Tag tag, Item.Link link) {
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode text) {
                paragraph.text(text.getWholeText(), text(node.style), tag == null ? null : tag.content(), link, node.style.pre);
            } else if (child instanceof Element element) {
                StyleNode childNode = node.child(element.normalName(), element.className());
                if (childNode.display != Display.NONE && !childNode.style.hidden) {
                    inlineElement(element, childNode, paragraph, tag, link);
                }
            }
        }
    }

    /** A link to an id in the document or to an address; a link to an id the document lacks is left as text. */
    private Item.Link link(Element a, Tag parent) {
        String href = a.attr("href").strip();
        String description = a.hasAttr("title") ? a.attr("title") : a.text().strip();
        if (href.startsWith("#")) {
            String id = href.substring(1);
            return ids.contains(id) ? new Item.Link(id, null, description, parent.child("Link")) : null;
        }
        return href.isEmpty() ? null : new Item.Link(null, href, description, parent.child("Link"));
    }

    // ---------------------------------------------------------------- lists

    private void list(Element e, StyleNode node, float x, float width, Tag parent, Flow flow) {
        Tag list = parent.child("L");
        String type = node.style.listStyle == null ? (e.nameIs("ol") ? "decimal" : "disc") : node.style.listStyle;
        list.listNumbering = numbering(type);
        int number = e.nameIs("ol") ? start(e.attr("start")) : 1;
        for (Element child : e.children()) {
            StyleNode childNode = node.child(child.normalName(), child.className());
            if (childNode.display == Display.NONE || childNode.style.hidden) {
                continue;
            }
            if (childNode.display != Display.LIST_ITEM) {
                block(child, childNode, x, width, parent, flow);
                continue;
            }
            listItem(child, childNode, x, width, list, marker(type, number++), flow);
        }
    }

    private void listItem(Element li, StyleNode node, float x, float width, Tag list, String marker, Flow flow) {
        Style s = node.style;
        if (!li.id().isEmpty()) {
            flow.anchor(li.id());
        }
        flow.margin(s.margin[TOP], false);
        flow.padding(s.padding[TOP]);
        float cx = x + s.margin[LEFT] + s.padding[LEFT];
        float cw = width - s.margin[LEFT] - s.padding[LEFT] - s.padding[RIGHT] - s.margin[RIGHT];
        Tag item = list.child("LI");
        if (marker != null) {
            Tag label = item.child("Lbl");
            TextStyle style = text(s);
            int[] glyphs = new int[marker.length()];
            float w = 0;
            for (int i = 0; i < marker.length(); i++) {
                int glyph = style.font().glyph(marker.charAt(i));
                used.use(style.font(), glyph, marker.charAt(i));
                glyphs[i] = glyph;
                w += style.font().width(glyph, style.size());
            }
            flow.marker(new Item.Run(label.content(), style, cx - w - style.size() * 0.5f, glyphs, w, null, null));
        }
        children(li, node, cx, cw, item.child("LBody"), true, flow);
        flow.marker(null);
        flow.padding(s.padding[BOTTOM]);
        flow.margin(s.margin[BOTTOM], true);
    }

    private static String numbering(String type) {
        return switch (type) {
            case "decimal", "decimal-leading-zero" -> "Decimal";
            case "circle" -> "Circle";
            case "square" -> "Square";
            case "lower-alpha", "lower-latin" -> "LowerAlpha";
            case "upper-alpha", "upper-latin" -> "UpperAlpha";
            case "lower-roman" -> "LowerRoman";
            case "upper-roman" -> "UpperRoman";
            case "none" -> "None";
            default -> "Disc";
        };
    }

    private static String marker(String type, int number) {
        return switch (type) {
            case "none" -> null;
            case "circle" -> "\u25E6";
            case "square" -> "\u25AA";
            case "decimal", "decimal-leading-zero" -> number + ".";
            case "lower-alpha", "lower-latin" -> letters(number).toLowerCase(Locale.ROOT) + ".";
            case "upper-alpha", "upper-latin" -> letters(number) + ".";
            case "lower-roman" -> roman(number).toLowerCase(Locale.ROOT) + ".";
            case "upper-roman" -> roman(number) + ".";
            default -> "\u2022";
        };
    }

    private static String letters(int number) {
        StringBuilder b = new StringBuilder();
        for (int n = Math.max(1, number); n > 0; n = (n - 1) / 26) {
            b.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return b.toString();
    }

    private static String roman(int number) {
        if (number <= 0 || number >= 4000) {
            return Integer.toString(number);
        }
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        StringBuilder b = new StringBuilder();
        int n = number;
        for (int i = 0; i < values.length; i++) {
            while (n >= values[i]) {
                b.append(symbols[i]);
                n -= values[i];
            }
        }
        return b.toString();
    }

    private static int start(String value) {
        try {
            return value.isBlank() ? 1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    // ---------------------------------------------------------------- tables

    private void table(Element e, StyleNode node, float x, float width, Tag parent, Flow flow) {
        Tag tableTag = parent.child("Table");
        Element caption = null;
        List<StyleNode> columns = new ArrayList<>();
        List<Element> head = new ArrayList<>();
        List<Element> bodies = new ArrayList<>();
        List<Element> foot = new ArrayList<>();
        for (Element child : e.children()) {
            switch (child.normalName()) {
                case "caption" -> caption = caption == null ? child : caption;
                case "colgroup" -> {
                    StyleNode group = node.child("colgroup", child.className());
                    if (child.children().isEmpty()) {
                        for (int i = 0; i < span(child, "span"); i++) {
                            columns.add(group);
                        }
                    }
                    for (Element col : child.children()) {
                        if (col.nameIs("col")) {
                            for (int i = 0; i < span(col, "span"); i++) {
                                columns.add(group.child("col", col.className()));
                            }
                        }
                    }
                }
                case "col" -> {
                    for (int i = 0; i < span(child, "span"); i++) {
                        columns.add(node.child("col", child.className()));
                    }
                }
                case "thead" -> head.add(child);
                case "tfoot" -> foot.add(child);
                case "tbody", "tr" -> bodies.add(child);
                default -> {
                }
            }
        }
        List<Element> groups = new ArrayList<>(head);
        groups.addAll(bodies);
        groups.addAll(foot);

        if (caption != null) {
            StyleNode captionNode = node.child("caption", caption.className());
            boolean keep = flow.keep;
            flow.keep = true;
            captionBlock(caption, captionNode, x, width, tableTag.child("Caption"), flow);
            flow.keep = keep;
        }
        int count = 0;
        for (Element group : groups) {
            for (Element tr : rows(group)) {
                int cells = 0;
                for (Element cell : tr.children()) {
                    if (cell.nameIs("td") || cell.nameIs("th")) {
                        cells += span(cell, "colspan");
                    }
                }
                count = Math.max(count, cells);
            }
        }
        if (count == 0) {
            return;
        }
        float[] widths = columnWidths(node, columns, groups, count, width);
        Item.Table table = new Item.Table();
        for (Element group : groups) {
            boolean header = group.nameIs("thead");
            StyleNode groupNode = group.nameIs("tr") ? node.child("tbody", "") : node.child(group.normalName(), group.className());
            Tag groupTag = tableTag.child(header ? "THead" : group.nameIs("tfoot") ? "TFoot" : "TBody");
            int[] spanned = new int[widths.length];
            List<Element> rows = rows(group);
            for (int i = 0; i < rows.size(); i++) {
                Element tr = rows.get(i);
                row(tr, groupNode.child("tr", tr.className()), groupTag.child("TR"), table, header, widths, spanned, rows.size() - i, x, flow);
            }
        }
    }

    private void captionBlock(Element caption, StyleNode node, float x, float width, Tag tag, Flow flow) {
        Style s = node.style;
        flow.margin(s.margin[TOP], false);
        flow.padding(s.padding[TOP]);
        children(caption, node, x + s.margin[LEFT] + s.padding[LEFT], width - s.margin[LEFT] - s.padding[LEFT] - s.padding[RIGHT] - s.margin[RIGHT],
                tag, true, flow);
        flow.padding(s.padding[BOTTOM]);
        flow.margin(s.margin[BOTTOM], true);
    }

    private static List<Element> rows(Element group) {
        if (group.nameIs("tr")) {
            return List.of(group);
        }
        List<Element> rows = new ArrayList<>();
        for (Element child : group.children()) {
            if (child.nameIs("tr")) {
                rows.add(child);
            }
        }
        return rows;
    }

    /**
     * A row of cells; {@code spanned} counts, for each column, the rows still covered by a cell of an
     * earlier row (rowspan), whose place this row leaves empty; {@code left} is the rows left in the group, this one included.
     */
    private void row(Element tr, StyleNode node, Tag rowTag, Item.Table table, boolean header, float[] widths, int[] spanned, int left,
                     float x, Flow flow) {
        List<Item.Cell> cells = new ArrayList<>();
        int column = 0;
        float cx = x;
        for (Element cell : tr.children()) {
            if (!(cell.nameIs("td") || cell.nameIs("th"))) {
                continue;
            }
            while (column < widths.length && spanned[column] > 0) {
                cx += widths[column++];
            }
            if (column >= widths.length) {
                break;
            }
            StyleNode cellNode = node.child(cell.normalName(), cell.className());
            Style s = cellNode.style;
            int span = Math.min(span(cell, "colspan"), widths.length - column);
            int down = Math.min(span(cell, "rowspan"), left);
            float w = 0;
            for (int i = 0; i < span; i++) {
                w += widths[column + i];
                spanned[column + i] = down;
            }
            Tag cellTag = rowTag.child(cell.nameIs("th") ? "TH" : "TD");
            cellTag.columns = span;
            cellTag.rows = down;
            if (cell.nameIs("th")) {
                cellTag.scope = switch (cell.attr("scope")) {
                    case "row", "rowgroup" -> "Row";
                    case "col", "colgroup" -> "Column";
                    default -> header ? "Column" : "Row";
                };
            }
            if (!cell.id().isEmpty()) {
                flow.anchor(cell.id());
            }
            List<Item> items = new ArrayList<>();
            Flow cellFlow = new Flow(items::add);
            float inner = w - s.padding[LEFT] - s.padding[RIGHT] - s.borderWidth[LEFT] - s.borderWidth[RIGHT];
            children(cell, cellNode, cx + s.borderWidth[LEFT] + s.padding[LEFT], Math.max(inner, 1f), cellTag, true, cellFlow);
            cellFlow.end();
            cells.add(new Item.Cell(cx, w, s.padding[TOP], s.padding[BOTTOM], items, s.borderWidth[BOTTOM], s.borderRgb(BOTTOM)));
            cx += w;
            column += span;
        }
        for (; column < widths.length; column++) {
            // a short row gets empty cells, so that every row of the table has as many
            if (spanned[column] == 0) {
                rowTag.child("TD");
                cells.add(new Item.Cell(cx, widths[column], 0, 0, new ArrayList<>(), 0, 0));
            }
            cx += widths[column];
        }
        for (int i = 0; i < spanned.length; i++) {
            spanned[i] = Math.max(0, spanned[i] - 1);
        }
        if (!tr.id().isEmpty()) {
            flow.anchor(tr.id());
        }
        Item.Row row = new Item.Row(table, header, cells.toArray(new Item.Cell[0]), node.style.avoidBreakInside);
        if (header) {
            table.headerRows.add(row);
            row.keepWithNext = true;
        }
        flow.add(row);
    }

    /** A span attribute (span, colspan, rowspan): 1 unless it says more, and at most 1000. */
    private static int span(Element e, String attribute) {
        try {
            String value = e.attr(attribute).strip();
            return value.isEmpty() ? 1 : Math.max(1, Math.min(1000, Integer.parseInt(value)));
        } catch (NumberFormatException ex) {
            return 1;
        }
    }

    /**
     * The width of each column: what the stylesheet gives a col or a cell (a share of the table's width),
     * and for the rest, the room left shared out by what their content needs, as browsers do.
     */
    private float[] columnWidths(StyleNode table, List<StyleNode> columns, List<Element> groups, int count, float width) {
        float[] widths = new float[count];
        boolean[] set = new boolean[count];
        for (int i = 0; i < count && i < columns.size(); i++) {
            set[i] = given(columns.get(i).style, width, widths, i);
        }
        int unset = unset(set);
        for (Element group : groups) {
            StyleNode groupNode = group.nameIs("tr") ? table.child("tbody", "") : table.child(group.normalName(), group.className());
            for (Element tr : rows(group)) {
                if (unset == 0) {
                    break;
                }
                StyleNode rowNode = groupNode.child("tr", tr.className());
                int column = 0;
                for (Element cell : tr.children()) {
                    if (cell.nameIs("td") || cell.nameIs("th")) {
                        if (column < count && span(cell, "colspan") == 1 && !set[column]) {
                            set[column] = given(rowNode.child(cell.normalName(), cell.className()).style, width, widths, column);
                        }
                        column += span(cell, "colspan");
                    }
                }
                unset = unset(set);
            }
        }
        float fixed = 0;
        for (int i = 0; i < count; i++) {
            fixed += set[i] ? widths[i] : 0;
        }
        float room = width - fixed;
        if (unset == 0 || room <= 0) {
            float scale = fixed > 0 ? width / fixed : 1;
            for (int i = 0; i < count; i++) {
                widths[i] = set[i] ? widths[i] * scale : 0;
            }
            return widths;
        }
        if (unset == 1) {
            for (int i = 0; i < count; i++) {
                if (!set[i]) {
                    widths[i] = room;
                }
            }
            return widths;
        }
        float[] min = new float[count];
        float[] max = new float[count];
        for (Element group : groups) {
            StyleNode groupNode = group.nameIs("tr") ? table.child("tbody", "") : table.child(group.normalName(), group.className());
            for (Element tr : rows(group)) {
                StyleNode rowNode = groupNode.child("tr", tr.className());
                int column = 0;
                for (Element cell : tr.children()) {
                    if (cell.nameIs("td") || cell.nameIs("th")) {
                        if (column < count && span(cell, "colspan") == 1 && !set[column]) {
                            StyleNode cellNode = rowNode.child(cell.normalName(), cell.className());
                            float[] need = measure(cell, cellNode);
                            float extra = cellNode.style.padding[LEFT] + cellNode.style.padding[RIGHT];
                            min[column] = Math.max(min[column], need[0] + extra);
                            max[column] = Math.max(max[column], need[1] + extra);
                        }
                        column += span(cell, "colspan");
                    }
                }
            }
        }
        float sumMin = 0;
        float sumMax = 0;
        for (int i = 0; i < count; i++) {
            if (!set[i]) {
                sumMin += min[i];
                sumMax += max[i];
            }
        }
        for (int i = 0; i < count; i++) {
            if (set[i]) {
                continue;
            }
            if (sumMax <= 0) {
                widths[i] = room / unset;
            } else if (sumMax <= room) {
                widths[i] = max[i] + (room - sumMax) * max[i] / sumMax;
            } else if (sumMin <= room && sumMax > sumMin) {
                widths[i] = min[i] + (room - sumMin) * (max[i] - min[i]) / (sumMax - sumMin);
            } else {
                widths[i] = sumMin > 0 ? room * min[i] / sumMin : room / unset;
            }
        }
        return widths;
    }

    private static boolean given(Style style, float tableWidth, float[] widths, int column) {
        if (!Float.isNaN(style.widthPercent)) {
            widths[column] = style.widthPercent * tableWidth / 100f;
            return true;
        }
        if (!Float.isNaN(style.width)) {
            widths[column] = style.width;
            return true;
        }
        return false;
    }

    private static int unset(boolean[] set) {
        int n = 0;
        for (boolean s : set) {
            n += s ? 0 : 1;
        }
        return n;
    }

    /** The widest word and the widest line (without wrapping) of an element's text, blocks starting new lines. */
    private float[] measure(Element e, StyleNode node) {
        Paragraph paragraph = new Paragraph(DocumentFonts.MEASURING);
        measure(e, node, paragraph);
        return paragraph.measure();
    }

    private void measure(Element e, StyleNode node, Paragraph paragraph) {
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode text) {
                paragraph.text(text.getWholeText(), text(node.style), null, null, node.style.pre);
            } else if (child instanceof Element element) {
                StyleNode childNode = node.child(element.normalName(), element.className());
                if (childNode.display == Display.NONE || childNode.style.hidden) {
                    continue;
                }
                if (childNode.display == Display.LINE_BREAK) {
                    paragraph.lineBreak(text(childNode.style), null, null);
                    continue;
                }
                boolean block = !childNode.display.isInline();
                if (block) {
                    paragraph.lineBreak(text(childNode.style), null, null);
                }
                measure(element, childNode, paragraph);
                if (block) {
                    paragraph.lineBreak(text(childNode.style), null, null);
                }
            }
        }
    }
}

package org.followthrough.render.pdf.typeset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What layout stacks down the page, and pagination places: a line of text, a gap, a rule, or a table
 * row (which holds, for each cell, items of its own). Positions across the page are fixed by layout;
 * only the position down the page is left to pagination.
 */
abstract class Item {

    float height;
    /** Must not end a page: pagination moves it to the next page with what follows when they do not fit together. */
    boolean keepWithNext;
    /** The ids of the HTML elements that start here, for links and bookmarks. */
    List<String> anchors;
    /** The left borders of the blocks this item is inside, drawn beside it. */
    SideBorder borders;
    /** The innermost block this item is inside that says what it is on a page it continues on, or null. */
    Continued continued;

    void anchor(List<String> ids) {
        if (ids != null && !ids.isEmpty()) {
            if (anchors == null) {
                anchors = new ArrayList<>(ids);
            } else {
                anchors.addAll(ids);
            }
        }
    }

    /**
     * A block that names itself at the top of each page it continues on ({@code data-continued="Action 3.1
     * (continued)"}), and the block around it that does so too, or null. Its label is laid out only when a page
     * first needs it: most blocks (every action of a plan) end on the page they began on.
     */
    static final class Continued {
        final Continued outer;
        private final Supplier<List<Item>> layout;
        private List<Item> label;
        private float height;

        Continued(Continued outer, Supplier<List<Item>> layout) {
            this.outer = outer;
            this.layout = layout;
        }

        /** The label's lines (and the space below them), laid out. */
        List<Item> label() {
            if (label == null) {
                label = List.copyOf(layout.get());
                for (Item item : label) {
                    height += item.height;
                }
            }
            return label;
        }

        float height() {
            label();
            return height;
        }

        /** The innermost of these blocks that {@code other} is inside as well: the block one continues the other in. */
        Continued sharedWith(Continued other) {
            for (Continued mine = this; mine != null; mine = mine.outer) {
                for (Continued theirs = other; theirs != null; theirs = theirs.outer) {
                    if (mine == theirs) {
                        return mine;
                    }
                }
            }
            return null;
        }
    }

    /** A left border of a block, and those of the blocks around it. */
    record SideBorder(SideBorder outer, float x, float width, int color) {
    }

    /** Vertical space; a margin is dropped where it meets a page break, padding is not. */
    static final class Space extends Item {
        final boolean margin;

        Space(float height, boolean margin) {
            this.height = height;
            this.margin = margin;
        }
    }

    /** Starts a new page (CSS page-break-before: always). */
    static final class PageBreak extends Item {
    }

    /** A horizontal rule: a block's top or bottom border, or hr. */
    static final class Rule extends Item {
        final float x;
        final float width;
        final int color;

        Rule(float x, float width, float thickness, int color) {
            this.x = x;
            this.width = width;
            this.height = thickness;
            this.color = color;
        }
    }

    /** A line of text: its runs, and where its baseline is below its top. */
    static final class Line extends Item {
        final float baseline;
        final Run[] runs;

        Line(float height, float baseline, Run[] runs) {
            this.height = height;
            this.baseline = baseline;
            this.runs = runs;
        }
    }

    /** Text in one style, owned by one structure element (or none, for text that is decoration), {@code x} from the page's left edge. */
    static final class Run {
        final Tag.Content content;
        final TextStyle style;
        final float x;
        final int[] glyphs;
        /** The width of the glyphs that show (without a space the line ends with). */
        final float width;
        final Link link;
        /** The text a substituted glyph stands for (screen readers and copying get it), or null. */
        final String actualText;

        Run(Tag.Content content, TextStyle style, float x, int[] glyphs, float width, Link link, String actualText) {
            this.content = content;
            this.style = style;
            this.x = x;
            this.glyphs = glyphs;
            this.width = width;
            this.link = link;
            this.actualText = actualText;
        }
    }

    /** Where a link goes (an id in the document, or a URI), what it is called, and its Link structure element. */
    record Link(String anchor, String uri, String description, Tag tag) {
    }

    /** A table, for the header rows pagination repeats on each page the table continues on. */
    static final class Table {
        final List<Row> headerRows = new ArrayList<>();
        boolean bodyStarted;
    }

    /** A table row: its cells side by side, as tall as the tallest; it may be split between pages. */
    static final class Row extends Item {
        final Table table;
        final boolean header;
        final Cell[] cells;
        final boolean avoidBreakInside;
        /** The height of the bottom border, drawn under the row's last part only. */
        final float border;

        Row(Table table, boolean header, Cell[] cells, boolean avoidBreakInside) {
            this.table = table;
            this.header = header;
            this.cells = cells;
            this.avoidBreakInside = avoidBreakInside;
            float h = 0;
            float b = 0;
            for (Cell cell : cells) {
                h = Math.max(h, cell.padTop + cell.contentHeight() + cell.padBottom);
                b = Math.max(b, cell.borderWidth);
            }
            this.border = b;
            this.height = h + b;
        }

        /** The height of the least of this row that may end a page: the first line of each cell. */
        float firstPartHeight() {
            return avoidBreakInside ? height : firstLinesHeight();
        }

        /** The height of the first line of each cell, the least of the row a split leaves on a page. */
        float firstLinesHeight() {
            float h = 0;
            for (Cell cell : cells) {
                float first = cell.from == cell.to ? 0 : cell.items.get(cell.from).height;
                h = Math.max(h, cell.padTop + first + cell.padBottom);
            }
            return h;
        }

        /**
         * This row cut where {@code available} ends: the part that fits and the rest, or null when no cell
         * can give a first line in that space.
         */
        Row[] split(float available) {
            Cell[] first = new Cell[cells.length];
            Cell[] rest = new Cell[cells.length];
            boolean any = false;
            boolean remains = false;
            for (int i = 0; i < cells.length; i++) {
                Cell cell = cells[i];
                float room = available - cell.padTop - cell.padBottom;
                int end = cell.from;
                while (end < cell.to && cell.tops[end + 1] - cell.tops[cell.from] <= room) {
                    end++;
                }
                any |= end > cell.from;
                int next = end;
                while (next < cell.to && cell.items.get(next) instanceof Space) {
                    next++;
                }
                remains |= next < cell.to;
                first[i] = cell.part(cell.from, end, 0f);
                rest[i] = cell.part(next, cell.to, cell.borderWidth);
            }
            if (!any || !remains) {
                return null;
            }
            Row[] parts = {new Row(table, header, first, false), new Row(table, header, rest, avoidBreakInside)};
            for (Row part : parts) {
                part.continued = continued;
            }
            return parts;
        }
    }

    /**
     * A table cell: where it is across the row, its padding, what it holds and its bottom border. A row
     * split between pages gives cells that hold a range of the same items, so no part is ever copied.
     */
    static final class Cell {
        final float x;
        final float width;
        final float padTop;
        final float padBottom;
        final List<Item> items;
        /** The range of {@link #items} this cell shows. */
        final int from;
        final int to;
        /** The top of each item below the top of the first, and the bottom of the last: {@code tops[i + 1] - tops[i]} is item i's height. */
        final float[] tops;
        final float borderWidth;
        final int borderColor;

        Cell(float x, float width, float padTop, float padBottom, List<Item> items, float borderWidth, int borderColor) {
            this(x, width, padTop, padBottom, items, 0, items.size(), tops(items), borderWidth, borderColor);
        }

        private Cell(float x, float width, float padTop, float padBottom, List<Item> items, int from, int to, float[] tops,
                     float borderWidth, int borderColor) {
            this.x = x;
            this.width = width;
            this.padTop = padTop;
            this.padBottom = padBottom;
            this.items = items;
            this.from = from;
            this.to = to;
            this.tops = tops;
            this.borderWidth = borderWidth;
            this.borderColor = borderColor;
        }

        private static float[] tops(List<Item> items) {
            float[] tops = new float[items.size() + 1];
            for (int i = 0; i < items.size(); i++) {
                tops[i + 1] = tops[i] + items.get(i).height;
            }
            return tops;
        }

        float contentHeight() {
            return tops[to] - tops[from];
        }

        Cell part(int start, int end, float border) {
            return new Cell(x, width, padTop, padBottom, items, start, end, tops, border, borderColor);
        }
    }
}

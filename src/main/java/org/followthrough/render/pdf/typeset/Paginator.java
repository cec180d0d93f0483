package org.followthrough.render.pdf.typeset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Places items down pages of a fixed height, as layout makes them, and hands each full page on to be
 * painted (so a long document is never held whole). Margins vanish at a page break; items that must
 * not end a page go with what follows; a table row that does not fit is split between its cells'
 * lines, or moved whole if it asks not to be broken and fits a page; a table continued on a new page
 * has its header rows repeated there, and a block that names itself on the pages it continues on
 * ({@link Item.Continued}) has its label put at their top (both as decoration, since they were read once already).
 */
final class Paginator implements Consumer<Item> {

    /** An item on a page, {@code y} below the top of the page's content area. */
    record Placed(Item item, float y, boolean artifact) {
    }

    /** Where an id's element starts: the page (from 0) and how far below the content area's top. */
    record Position(int page, float y) {
    }

    /** Paints a full page. */
    interface Pages {
        void page(int index, List<Placed> items);
    }

    private final float height;
    private final Pages pages;
    private final Map<String, Position> anchors = new HashMap<>();
    private final List<Item> pending = new ArrayList<>();
    private List<Placed> page = new ArrayList<>();
    private int index;
    private float y;
    private boolean content;
    /** The blocks the last item placed (not decoration) is inside that name themselves on a page they continue on. */
    private Item.Continued last;
    /** This page's first item has been looked at for a label to go above it. */
    private boolean labelled;
    /** While items that must not end a page are placed: their height and the first part of what follows them. */
    private float group;

    Paginator(float height, Pages pages) {
        this.height = height;
        this.pages = pages;
    }

    @Override
    public void accept(Item item) {
        if (item instanceof Item.PageBreak) {
            placePending(null);
            if (content) {
                newPage();
            }
            return;
        }
        if (!pending.isEmpty() || item.keepWithNext) {
            if (item.keepWithNext || item instanceof Item.Space) {
                pending.add(item);
                return;
            }
            placePending(item);
        }
        place(item);
    }

    /** Places what is left, and paints the last page; returns the number of pages. */
    int finish() {
        placePending(null);
        pages.page(index, page);
        page = null;
        return index + 1;
    }

    Map<String, Position> anchors() {
        return anchors;
    }

    /** Items that must not end a page, and the first line of what follows them: on this page if they fit, else on the next. */
    private void placePending(Item next) {
        if (pending.isEmpty()) {
            return;
        }
        float need = next == null ? 0 : firstPart(next);
        for (Item item : pending) {
            need += item.height;
        }
        if (content && need > height - y && need <= height) {
            newPage();
        }
        // on a new page, the label of the block they continue goes above them only where they all fit under it
        group = need;
        for (Item item : pending) {
            place(item);
        }
        group = 0;
        pending.clear();
    }

    private static float firstPart(Item item) {
        if (item instanceof Item.Row row) {
            return row.firstPartHeight();
        }
        return item instanceof Item.Space ? 0 : item.height;
    }

    private void place(Item item) {
        if (item instanceof Item.Space space) {
            if (!content && space.margin) {
                return;
            }
            if (space.height > height - y) {
                newPage();
                if (space.margin) {
                    return;
                }
            }
            put(item, false);
        } else if (item instanceof Item.Row row) {
            place(row);
        } else {
            if (content && item.height > height - y) {
                newPage();
            }
            startPage(item);
            put(item, false);
        }
    }

    private void place(Item.Row first) {
        Item.Row row = first;
        startPage(row);
        if (!row.header && row.table.bodyStarted && !content) {
            repeatHeader(row.table);
        }
        while (row.height > height - y) {
            boolean fitsAPage = row.height <= height - headerHeight(row);
            if (content && row.avoidBreakInside && fitsAPage) {
                newPage();
                startPage(row);
                repeatHeader(row);
                continue;
            }
            Item.Row[] parts = row.split(height - y);
            if (parts == null) {
                if (!content) {
                    break; // nothing of it fits even a page of its own: let it run over
                }
                newPage();
                startPage(row);
                repeatHeader(row);
                continue;
            }
            put(parts[0], false);
            if (!row.header) {
                row.table.bodyStarted = true;
            }
            newPage();
            startPage(parts[1]);
            repeatHeader(row);
            row = parts[1];
        }
        put(row, false);
        if (!row.header) {
            row.table.bodyStarted = true;
        }
    }

    private void repeatHeader(Item.Row row) {
        if (!row.header) {
            repeatHeader(row.table);
        }
    }

    private void repeatHeader(Item.Table table) {
        for (Item.Row header : table.headerRows) {
            put(header, true);
        }
    }

    private float headerHeight(Item.Row row) {
        float h = 0;
        if (!row.header) {
            for (Item.Row header : row.table.headerRows) {
                h += header.height;
            }
        }
        return h;
    }

    private void put(Item item, boolean artifact) {
        page.add(new Placed(item, y, artifact));
        if (!artifact) {
            if (item.anchors != null) {
                for (String id : item.anchors) {
                    anchors.putIfAbsent(id, new Position(index, y));
                }
            }
            if (!(item instanceof Item.Space)) {
                content = true;
                last = item.continued;
            }
        }
        y += item.height;
    }

    private void newPage() {
        pages.page(index, page);
        index++;
        page = new ArrayList<>();
        y = 0;
        content = false;
        labelled = false;
    }

    /**
     * Before the first item of a page: where it continues a block begun on the page before that names itself, the
     * block's label, if both fit the page.
     */
    private void startPage(Item next) {
        if (content || labelled) {
            return;
        }
        labelled = true;
        Item.Continued block = continuedBy(next);
        // what must fit under the label: items that go together, or a row's first lines where it is split whatever it asks
        float first = group > 0 ? group : next instanceof Item.Row row && row.height > height ? row.firstLinesHeight() : firstPart(next);
        if (block != null && y + block.height() + first + headerHeight(next) <= height) {
            for (Item line : block.label()) {
                put(line, true);
            }
        }
    }

    /** The block begun on an earlier page that {@code next} continues and that names itself, or null. */
    private Item.Continued continuedBy(Item next) {
        return next.continued == null ? null : next.continued.sharedWith(last);
    }

    private float headerHeight(Item item) {
        return item instanceof Item.Row row ? headerHeight(row) : 0;
    }
}

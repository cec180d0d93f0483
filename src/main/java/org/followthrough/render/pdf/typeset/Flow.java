package org.followthrough.render.pdf.typeset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where layout puts items one under another: the page flow, or a table cell. It collapses adjacent
 * margins into one (the larger), as CSS does, holds the ids waiting for the next item, and knows the
 * left borders of the blocks being laid out, which each item carries.
 */
final class Flow {

    private final Consumer<Item> sink;
    /** Everything added now must not end a page (a heading, a caption): it goes with what follows. */
    boolean keep;
    /** The left borders of the blocks the next item is inside. */
    Item.SideBorder borders;
    /** The innermost block the next item is inside that names itself on the pages it continues on. */
    Item.Continued continued;
    private float margin;
    private boolean marginPending;
    private Item.SideBorder marginBorders;
    private List<String> anchors;
    /** A list item's marker, waiting for the item's first line. */
    private Item.Run marker;

    Flow(Consumer<Item> sink) {
        this.sink = sink;
    }

    /**
     * A margin at this point; {@code below} for a block's bottom margin, which lies outside the block's
     * borders (a top margin keeps the borders of where it started).
     */
    void margin(float height, boolean below) {
        if (!marginPending) {
            marginPending = true;
            margin = Math.max(0, height);
            marginBorders = borders;
        } else {
            margin = Math.max(margin, height);
        }
        if (below) {
            marginBorders = borders;
        }
    }

    /** Space that does not collapse or vanish at a page break: padding. */
    void padding(float height) {
        if (height > 0) {
            add(new Item.Space(height, false));
        }
    }

    void anchor(String id) {
        if (anchors == null) {
            anchors = new ArrayList<>(1);
        }
        anchors.add(id);
    }

    void marker(Item.Run run) {
        if (marker != null) {
            Item.Run waiting = marker;
            marker = null;
            add(new Item.Line(waiting.style.above() + waiting.style.below(), waiting.style.above(), new Item.Run[] {waiting}));
        }
        marker = run;
    }

    /** The marker waiting for a first line, taken. */
    Item.Run takeMarker() {
        Item.Run run = marker;
        marker = null;
        return run;
    }

    void add(Item item) {
        if (marginPending) {
            marginPending = false;
            if (margin > 0) {
                Item.Space space = new Item.Space(margin, true);
                space.borders = marginBorders;
                sink.accept(space);
            }
        }
        if (anchors != null && !(item instanceof Item.Space) && !(item instanceof Item.PageBreak)) {
            item.anchor(anchors);
            anchors = null;
        }
        if (item.borders == null) {
            item.borders = borders;
        }
        if (item.continued == null) {
            item.continued = continued;
        }
        if (keep) {
            item.keepWithNext = true;
        }
        sink.accept(item);
    }

    /** The end of the page flow: a marker with no line gets one of its own; a last margin is not needed. */
    void finish() {
        marker(null);
    }

    /** The end of a table cell: a last margin stays inside it; a marker with no line gets one of its own. */
    void end() {
        marker(null);
        if (marginPending && margin > 0) {
            marginPending = false;
            Item.Space space = new Item.Space(margin, true);
            space.borders = marginBorders;
            sink.accept(space);
        }
    }
}

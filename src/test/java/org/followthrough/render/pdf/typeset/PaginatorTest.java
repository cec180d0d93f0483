package org.followthrough.render.pdf.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pagination of items of known heights, on pages 100 high: what goes on which page, and where a block's label goes. */
class PaginatorTest {

    private static final Item.Line LABEL = new Item.Line(10, 8, new Item.Run[0]);
    private static final Item.Continued BLOCK = new Item.Continued(null, () -> List.of(LABEL));

    /** Items that must not end a page go to the next page with what follows them, even where the block's label then does not fit above them. */
    @Test
    void itemsThatGoTogetherStayTogetherBeforeALabelIsAdded() {
        List<String> pages = paginate(line(60, false), line(20, true), line(20, true), line(55, false));
        assertThat(pages).containsExactly("60", "20 20 55");
    }

    /** Where they fit under it, the label of the block they continue goes above them. */
    @Test
    void aLabelGoesAboveWhatContinuesItsBlockWhereBothFit() {
        List<String> pages = paginate(line(60, false), line(20, true), line(20, true), line(45, false));
        assertThat(pages).containsExactly("60", "label 20 20 45");
    }

    private static Item.Line line(float height, boolean keepWithNext) {
        Item.Line line = new Item.Line(height, height * 0.8f, new Item.Run[0]);
        line.continued = BLOCK;
        line.keepWithNext = keepWithNext;
        return line;
    }

    /** Each page as the heights of its items, the label as "label". */
    private static List<String> paginate(Item... items) {
        List<String> pages = new ArrayList<>();
        Paginator paginator = new Paginator(100, (index, placed) -> pages.add(String.join(" ", placed.stream()
                .map(p -> p.item() == LABEL ? "label" : String.valueOf((int) p.item().height)).toList())));
        for (Item item : items) {
            paginator.accept(item);
        }
        paginator.finish();
        return pages;
    }
}

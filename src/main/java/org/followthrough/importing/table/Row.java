package org.followthrough.importing.table;

import java.util.List;
import java.util.Optional;

/** A row of a table: its number as the file counts rows (from 1) and its cells in column order. */
public record Row(int number, List<Cell> cells) {

    public Row {
        cells = List.copyOf(cells);
    }

    /** The cell covering a grid column, if any. */
    public Optional<Cell> at(int column) {
        return cells.stream().filter(c -> c.column() <= column && column < c.column() + c.span()).findFirst();
    }

    /** The text of the cell covering a grid column, or "" when there is none. */
    public String text(int column) {
        return at(column).map(Cell::text).orElse("");
    }

    public boolean isBlank() {
        return cells.stream().allMatch(Cell::isBlank);
    }

    /** The cells with text of their own (not carried down from a merged cell above). */
    public List<Cell> ownCells() {
        return cells.stream().filter(c -> !c.isBlank() && !c.mergedAbove()).toList();
    }
}

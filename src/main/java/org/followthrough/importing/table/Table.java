package org.followthrough.importing.table;

import java.util.List;

/**
 * A table as read from a file: a worksheet, a CSV file, or a table of a Word document.
 *
 * @param name    how messages name it: the sheet's name, or "table 2" in a document
 * @param caption the paragraphs printed between the previous table (or the start of the document) and this one
 * @param rows    its rows in order, blank ones included
 */
public record Table(String name, List<String> caption, List<Row> rows) {

    public Table {
        caption = List.copyOf(caption);
        rows = List.copyOf(rows);
    }

    /** The number of grid columns. */
    public int width() {
        return rows.stream().flatMap(r -> r.cells().stream()).mapToInt(c -> c.column() + c.span()).max().orElse(0);
    }
}

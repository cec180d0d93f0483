package org.followthrough.importing.table;

/**
 * One cell of a table read from a workbook, a CSV file or a Word document.
 *
 * @param text        the cell's text: paragraphs separated by a blank line, list paragraphs as Markdown list items
 * @param column      the first grid column the cell covers, from 0
 * @param span        how many grid columns it covers (more than one where cells were merged across)
 * @param where       where it is, for messages: {@code progress.xlsx!Progress!D14}
 * @param mergedAbove the cell is the continuation of a cell merged down from the row above; its text is that cell's
 */
public record Cell(String text, int column, int span, String where, boolean mergedAbove) {

    public boolean isBlank() {
        return text.isBlank();
    }

    /** The text as one line, for fields that hold a line of text. */
    public String line() {
        return text.replaceAll("(?<!\\s)\\s*\\n\\s*", " ").replaceAll("^- ", "").strip();
    }
}

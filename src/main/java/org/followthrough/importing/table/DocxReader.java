package org.followthrough.importing.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Reads the tables of a Word document (.docx) in order, each with the paragraphs printed before it.
 * Cells merged across keep their text once with their width; cells merged down carry the text of
 * the cell they continue. Cells are named {@code plan.docx!table 2!B5}: column and row within the table.
 */
final class DocxReader {

    private DocxReader() {
    }

    static TableFile read(String name, byte[] bytes) throws UnreadableFileException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<Table> tables = new ArrayList<>();
            List<String> paragraphs = new ArrayList<>();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    String text = paragraphText(paragraph);
                    if (!text.isEmpty()) {
                        paragraphs.add(text);
                    }
                } else if (element instanceof XWPFTable table) {
                    String tableName = "table " + (tables.size() + 1);
                    tables.add(new Table(tableName, paragraphs, rows(name + "!" + tableName, table)));
                    paragraphs = new ArrayList<>();
                }
            }
            return new TableFile(name, tables, paragraphs);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("the file could not be read as a Word document: " + TableFiles.reason(e),
                    "open it in Word and save it as \"Word Document (.docx)\"; a PDF must first be opened in Word and saved as .docx");
        }
    }

    private static List<Row> rows(String where, XWPFTable table) {
        List<Row> rows = new ArrayList<>();
        Map<Integer, String> mergedDown = new HashMap<>();
        int number = 0;
        for (XWPFTableRow row : table.getRows()) {
            number++;
            List<Cell> cells = new ArrayList<>();
            int column = gridBefore(row);
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr properties = cell.getCTTc().getTcPr();
                int span = properties != null && properties.isSetGridSpan() ? properties.getGridSpan().getVal().intValue() : 1;
                String at = where + "!" + CellReference.convertNumToColString(column) + number;
                boolean merged = properties != null && properties.isSetVMerge();
                boolean continues = merged && properties.getVMerge().getVal() != STMerge.RESTART;
                if (continues) {
                    cells.add(new Cell(mergedDown.getOrDefault(column, ""), column, span, at, true));
                } else {
                    String text = cellText(cell);
                    if (merged) {
                        mergedDown.put(column, text);
                    } else {
                        mergedDown.remove(column);
                    }
                    cells.add(new Cell(text, column, span, at, false));
                }
                column += Math.max(span, 1);
            }
            rows.add(new Row(number, cells));
        }
        return rows;
    }

    private static int gridBefore(XWPFTableRow row) {
        var properties = row.getCtRow().getTrPr();
        if (properties == null || properties.sizeOfGridBeforeArray() == 0) {
            return 0;
        }
        return properties.getGridBeforeArray(0).getVal().intValue();
    }

    /** A cell's paragraphs: list paragraphs as Markdown list items, others separated by blank lines; nested tables row by row. */
    private static String cellText(XWPFTableCell cell) {
        StringBuilder text = new StringBuilder();
        boolean previousWasItem = false;
        for (IBodyElement element : cell.getBodyElements()) {
            List<String> lines = new ArrayList<>();
            boolean item = false;
            if (element instanceof XWPFParagraph paragraph) {
                String line = paragraphText(paragraph);
                item = line.startsWith("- ");
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            } else if (element instanceof XWPFTable nested) {
                for (XWPFTableRow row : nested.getRows()) {
                    lines.add(String.join(" | ", row.getTableCells().stream().map(DocxReader::cellText).toList()));
                }
            }
            for (String line : lines) {
                if (text.length() > 0) {
                    text.append(item && previousWasItem ? "\n" : "\n\n");
                }
                text.append(line);
                previousWasItem = item;
            }
        }
        return TableFiles.clean(text.toString());
    }

    private static String paragraphText(XWPFParagraph paragraph) {
        String text = TableFiles.clean(paragraph.getText()).replace("\n", " ");
        if (text.isEmpty()) {
            return text;
        }
        // A numbered or bulleted paragraph is a list item; a bullet typed as a character is one too.
        String bare = text.replaceFirst("^(?:[•●○▪◦·]\\s*|-\\s+)", "");
        if (paragraph.getNumID() != null || !bare.equals(text)) {
            return "- " + bare;
        }
        return text;
    }
}

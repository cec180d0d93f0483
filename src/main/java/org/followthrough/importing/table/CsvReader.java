package org.followthrough.importing.table;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.util.CellReference;

/** Reads a CSV file (RFC 4180, UTF-8, as Excel saves "CSV UTF-8") as one table; cells are named like a sheet's: {@code file.csv!D14}. */
final class CsvReader {

    private CsvReader() {
    }


    static TableFile read(String name, byte[] bytes) throws UnreadableFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("the file is not UTF-8",
                    "in Excel choose File › Save As › \"CSV UTF-8 (Comma delimited)\", or save the workbook as .xlsx and import that");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        try {
            int number = 0;
            for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(text))) {
                number++;
                List<Cell> cells = new ArrayList<>();
                for (int column = 0; column < record.size(); column++) {
                    String where = name + "!" + CellReference.convertNumToColString(column) + number;
                    cells.add(new Cell(TableFiles.clean(record.get(column)), column, 1, where, false));
                }
                rows.add(new Row(number, cells));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            String header = text.lines().findFirst().orElse("");
            if (header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count()) {
                // read with commas, a file saved with semicolons breaks on the first quote inside a cell
                throw new UnreadableFileException(TableFiles.SEMICOLONS, TableFiles.SEMICOLONS_HINT);
            }
            throw new UnreadableFileException("the file could not be read as CSV: " + TableFiles.reason(e),
                    "check the quotes around cells that hold commas or line breaks, or import the .xlsx workbook instead");
        }
        return new TableFile(name, List.of(new Table(name, List.of(), rows)), List.of());
    }
}

package org.followthrough.importing.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads every worksheet of an Excel workbook (.xlsx) as a table; cells are named {@code file.xlsx!Sheet!D14}. */
final class XlsxReader {

    private XlsxReader() {
    }

    static TableFile read(String name, byte[] bytes) throws UnreadableFileException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<Table> tables = new ArrayList<>();
            // Numbers are shown as the sheet shows them, whatever the machine's locale.
            DataFormatter formatter = new DataFormatter(Locale.UK);
            for (Sheet sheet : workbook) {
                tables.add(new Table(sheet.getSheetName(), List.of(), rows(name, sheet, formatter)));
            }
            java.util.Map<String, String> properties = new java.util.HashMap<>();
            for (var property : workbook.getProperties().getCustomProperties().getUnderlyingProperties().getPropertyList()) {
                if (property.getName() != null && property.isSetLpwstr()) {
                    properties.put(property.getName(), property.getLpwstr());
                }
            }
            return new TableFile(name, tables, List.of(), properties);
        } catch (IOException | RuntimeException e) {
            // POI reports a file that is not a workbook (a renamed .xls, a PDF, an encrypted file) with runtime exceptions.
            throw new UnreadableFileException("the file could not be read as an Excel workbook: " + TableFiles.reason(e),
                    "open it in Excel and save it as \"Excel Workbook (.xlsx)\"; a password-protected workbook must be saved without the password");
        }
    }

    private static List<Row> rows(String file, Sheet sheet, DataFormatter formatter) {
        Map<Long, CellRangeAddress> mergedAt = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    mergedAt.put(key(r, c), region);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
            int last = row == null ? -1 : row.getLastCellNum() - 1;
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c <= Math.max(last, lastMergedColumn(mergedAt, r)); c++) {
                String where = file + "!" + sheet.getSheetName() + "!" + CellReference.convertNumToColString(c) + (r + 1);
                CellRangeAddress region = mergedAt.get(key(r, c));
                if (region == null) {
                    cells.add(new Cell(text(row == null ? null : row.getCell(c), formatter), c, 1, where, false));
                } else if (region.getFirstColumn() == c) {
                    var origin = sheet.getRow(region.getFirstRow());
                    String text = text(origin == null ? null : origin.getCell(c), formatter);
                    int span = region.getLastColumn() - c + 1;
                    cells.add(new Cell(text, c, span, where, region.getFirstRow() != r));
                    c += span - 1;
                }
            }
            rows.add(new Row(r + 1, cells));
        }
        return rows;
    }

    private static int lastMergedColumn(Map<Long, CellRangeAddress> mergedAt, int row) {
        return mergedAt.values().stream().filter(m -> m.getFirstRow() <= row && row <= m.getLastRow())
                .mapToInt(CellRangeAddress::getLastColumn).max().orElse(-1);
    }

    private static long key(int row, int column) {
        return ((long) row << 20) | column;
    }

    /** Whether a date format shows a year but no day ("mmm-yy", "mmmm yyyy"): the cell means a month. */
    static boolean showsNoDay(String format) {
        if (format == null) {
            return false;
        }
        // literal text ("…", \x) and sections in brackets ([$-809], [Red]) say nothing of the day
        String codes = format.replaceAll("\"[^\"]*\"|\\\\.|\\[[^\\]]*\\]", "").toLowerCase(java.util.Locale.ROOT);
        return codes.contains("y") && codes.contains("m") && !codes.contains("d");
    }

    private static final java.util.regex.Pattern MONTH_CODES = java.util.regex.Pattern.compile("\"([^\"]*)\"|\\\\(.)|\\[[^\\]]*\\]|m+|y+|(.)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * A month as a sheet's format shows it ("mmm-yy": "Apr-14"), with the English names Excel uses ("Sep", not the "Sept"
     * of some Java versions' British data), so that the text does not change with the runtime.
     */
    static String monthAsShown(String format, java.time.LocalDate date) {
        StringBuilder shown = new StringBuilder();
        java.util.regex.Matcher code = MONTH_CODES.matcher(format);
        while (code.find()) {
            String token = code.group();
            char first = Character.toLowerCase(token.charAt(0));
            if (code.group(1) != null) {
                shown.append(code.group(1));
            } else if (code.group(2) != null) {
                shown.append(code.group(2));
            } else if (first == '[') {
                continue; // a locale or colour
            } else if (first == 'm') {
                String name = date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
                shown.append(token.length() >= 4 ? name : token.length() == 3 ? name.substring(0, 3)
                        : token.length() == 2 ? String.format(java.util.Locale.ROOT, "%02d", date.getMonthValue()) : date.getMonthValue());
            } else if (first == 'y') {
                shown.append(token.length() >= 3 ? String.valueOf(date.getYear()) : String.format(java.util.Locale.ROOT, "%02d", date.getYear() % 100));
            } else {
                shown.append(token);
            }
        }
        return shown.toString().strip();
    }

    /** A cell's text as the sheet shows it; a date as YYYY-MM-DD, whatever format the sheet displays it in, but a month as shown. */
    static String text(org.apache.poi.ss.usermodel.Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> TableFiles.clean(cell.getRichStringCellValue().getString());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    // a date the sheet shows as a month ("Apr-14") means the month: its text, not the 1st of it
                    ? (showsNoDay(cell.getCellStyle().getDataFormatString())
                            ? monthAsShown(cell.getCellStyle().getDataFormatString(), cell.getLocalDateTimeCellValue().toLocalDate())
                            : cell.getLocalDateTimeCellValue().toLocalDate().toString())
                    : formatter.formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                            cell.getCellStyle().getDataFormatString());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
    }
}

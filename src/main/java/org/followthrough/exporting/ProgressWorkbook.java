package org.followthrough.exporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.followthrough.model.Action;
import org.followthrough.model.Archive;
import org.followthrough.model.Organisation;
import org.followthrough.model.Owner;
import org.followthrough.model.Plan;
import org.followthrough.model.Recommendation;
import org.followthrough.model.ScaleEntry;
import org.followthrough.render.Dates;

/**
 * The progress workbook: one row per action with what it is and where it stands, empty columns
 * for the new update, a drop-down of each plan's own status codes, and a sheet saying how to fill it in.
 */
public final class ProgressWorkbook {

    /** Excel holds at most this many characters in a cell. */
    private static final int CELL_LIMIT = 32_767;

    /** An action with the plan and recommendation it belongs to. */
    record Line(Plan plan, Recommendation recommendation, Action action) {
    }

    private ProgressWorkbook() {
    }

    /** @param organisation the organisation the workbook is for (its actions only), or null for a workbook of every action */
    static byte[] write(Archive archive, List<Line> lines, Organisation organisation) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            // The same content and as-of date give the same workbook: no "created now" stamp.
            Date asOf = Date.from(archive.asOf().atStartOfDay().toInstant(ZoneOffset.UTC));
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(asOf));
            workbook.getProperties().getCoreProperties().setCreator(archive.site().publisher());
            workbook.getProperties().getCoreProperties().setTitle("Progress returns" + (organisation == null ? "" : " of " + organisation.name())
                    + ": " + archive.site().title());
            if (organisation != null) {
                workbook.getProperties().getCustomProperties().addProperty(ProgressSheet.ORGANISATION_PROPERTY, organisation.id());
            }
            Styles styles = new Styles(workbook);
            XSSFSheet sheet = workbook.createSheet(ProgressSheet.SHEET);
            XSSFSheet statuses = workbook.createSheet(ProgressSheet.STATUSES_SHEET);
            XSSFSheet readMe = workbook.createSheet(ProgressSheet.READ_ME_SHEET);
            List<StatusRange> ranges = writeStatuses(statuses, styles, lines);
            writeProgress(sheet, styles, lines, archive, ranges);
            writeReadMe(readMe, styles, archive, organisation);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a plan's status codes are listed on the Statuses sheet, for its drop-down. */
    private record StatusRange(String planId, int firstRow, int lastRow) {
    }

    private static List<StatusRange> writeStatuses(XSSFSheet sheet, Styles styles, List<Line> lines) {
        header(sheet.createRow(0), styles, List.of("Plan", "Code", "Status", "Stage", "Meaning"));
        List<StatusRange> ranges = new ArrayList<>();
        int r = 1;
        for (Plan plan : Plan.distinct(lines.stream().map(Line::plan))) {
            int first = r;
            for (ScaleEntry status : plan.scales().statuses().entries()) {
                Row row = sheet.createRow(r++);
                text(row, 0, plan.id(), styles.wrap);
                text(row, 1, status.code(), styles.wrap);
                text(row, 2, status.label(), styles.wrap);
                text(row, 3, status.lifecycle() == null ? "" : status.lifecycle().label(), styles.wrap);
                text(row, 4, status.description() == null ? "" : status.description().source().strip(), styles.wrap);
            }
            if (r > first) {
                ranges.add(new StatusRange(plan.id(), first, r - 1));
            }
        }
        int[] widths = {24, 22, 26, 24, 60};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 1);
        return ranges;
    }

    private static void writeProgress(XSSFSheet sheet, Styles styles, List<Line> lines, Archive archive, List<StatusRange> ranges) {
        List<String> columns = ProgressSheet.COLUMNS;
        Row head = sheet.createRow(0);
        header(head, styles, columns);
        for (int c = 0; c < columns.size(); c++) {
            if (ProgressSheet.NEW_UPDATE.contains(columns.get(c))) {
                head.getCell(c).setCellStyle(styles.inputHeader);
            }
        }
        int r = 1;
        for (Line line : lines) {
            Row row = sheet.createRow(r++);
            Action action = line.action();
            fixedCells(archive, line.plan(), line.recommendation(), action)
                    .forEach((column, value) -> text(row, columns.indexOf(column), value, styles.wrap));
            LocalDate last = action.state().lastUpdated();
            var lastCell = row.createCell(columns.indexOf(ProgressSheet.LAST_UPDATE));
            lastCell.setCellStyle(styles.date);
            if (last != null) {
                lastCell.setCellValue(last);
            }
            for (String input : ProgressSheet.NEW_UPDATE) {
                row.createCell(columns.indexOf(input)).setCellStyle(input.equals(ProgressSheet.NEW_DATE) ? styles.inputDate : styles.input);
            }
        }
        int last = Math.max(1, r - 1);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int statusColumn = columns.indexOf(ProgressSheet.NEW_STATUS);
        for (StatusRange range : ranges) {
            int first = -1;
            int end = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).plan().id().equals(range.planId())) {
                    first = first < 0 ? i + 1 : first;
                    end = i + 1;
                }
            }
            DataValidationConstraint list = helper.createFormulaListConstraint("'" + ProgressSheet.STATUSES_SHEET + "'!$B$"
                    + (range.firstRow() + 1) + ":$B$" + (range.lastRow() + 1));
            DataValidation validation = helper.createValidation(list, new CellRangeAddressList(first, end, statusColumn, statusColumn));
            validation.setShowErrorBox(true);
            validation.createErrorBox("Not a status of this plan", "Choose one of the plan's status codes from the list; the Statuses sheet says what each means.");
            validation.setShowPromptBox(true);
            validation.createPromptBox("Status", "The action's status on the update's date, if it has changed; leave empty if not.");
            sheet.addValidationData(validation);
        }
        int dateColumn = columns.indexOf(ProgressSheet.NEW_DATE);
        DataValidation date = helper.createValidation(helper.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                "DATE(1990,1,1)", "DATE(2100,12,31)", "yyyy-mm-dd"), new CellRangeAddressList(1, last, dateColumn, dateColumn));
        date.setShowErrorBox(true);
        date.createErrorBox("Not a date", "Type the date the update describes, e.g. 2026-03-31.");
        sheet.addValidationData(date);
        int[] widths = {22, 30, 9, 9, 60, 30, 18, 20, 13, 15, 20, 60, 40, 24};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(columns.indexOf(ProgressSheet.REF) + 1, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, last, 0, columns.size() - 1));
    }

    private static void writeReadMe(XSSFSheet sheet, Styles styles, Archive archive, Organisation organisation) {
        List<String> text = List.of(
                "How to fill in this workbook",
                "",
                organisation == null ? "The Progress sheet has one row per action, as published on " + archive.site().title() + " at "
                        + Dates.format(archive.asOf()) + "."
                        : "This workbook is for " + organisation.name() + ": the Progress sheet has one row per action it owns, as published on "
                        + archive.site().title() + " at " + Dates.format(archive.asOf()) + ". Import takes updates for those actions only.",
                "For each action that has moved on, fill in the yellow columns of its row:",
                "• " + ProgressSheet.NEW_DATE + ": the date the update describes (YYYY-MM-DD, e.g. 2026-03-31). Required for an update.",
                "• " + ProgressSheet.NEW_STATUS + ": the action's status on that date, chosen from the list (the plan's own status codes, explained on the Statuses sheet). Leave empty if it has not changed.",
                "• " + ProgressSheet.NEW_TEXT + ": what has been done since the last update. Give a status, this text, or both.",
                "• " + ProgressSheet.NEW_EVIDENCE + ": the evidence that shows it (optional).",
                "• " + ProgressSheet.NEW_REPORTED_BY + ": who reports the update, by role (optional).",
                "Leave the other columns as they are: the Plan and Ref columns say which action a row is about.",
                "Rows whose yellow columns are empty are left out. Return the workbook to the editor; the editor imports it with 'followthrough import progress'.");
        for (int i = 0; i < text.size(); i++) {
            text(sheet.createRow(i), 0, text.get(i), i == 0 ? styles.header : styles.wrap);
        }
        sheet.setColumnWidth(0, 120 * 256);
    }

    /**
     * The text of each column of an action's row that export writes and import does not read (the last update's date
     * aside, a date cell), as export writes it: import compares a returned row with it, to find rows moved onto another
     * action and words written where they are not read.
     */
    public static Map<String, String> fixedCells(Archive archive, Plan plan, Recommendation recommendation, Action action) {
        var organisations = archive.organisationsById();
        ScaleEntry status = action.state().status();
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put(ProgressSheet.PLAN, plan.id());
        cells.put(ProgressSheet.PLAN_TITLE, plan.title());
        cells.put(ProgressSheet.REF, action.ref());
        cells.put(ProgressSheet.RECOMMENDATION, recommendation.number());
        // an action the plan gives no words of its own is the recommendation's: its text says what the row is about
        cells.put(ProgressSheet.ACTION, action.description() != null ? action.description().source().strip()
                : recommendation.text() != null ? "(The plan gives this action no text of its own. The recommendation:) "
                + recommendation.text().source().strip()
                : recommendation.title() != null ? "(The plan gives this action no text of its own. The recommendation:) " + recommendation.title() : "");
        cells.put(ProgressSheet.OWNERS, action.owners().stream()
                .map(o -> owner(o, organisations.get(o.organisationId()))).distinct().collect(Collectors.joining("; ")));
        cells.put(ProgressSheet.TARGET, Optional.ofNullable(Dates.describe(action.target())).orElse(""));
        cells.put(ProgressSheet.CURRENT_STATUS, status == null ? "Not published" : status.label());
        cells.replaceAll((column, value) -> value.length() > CELL_LIMIT ? value.substring(0, CELL_LIMIT - 1) + "…" : value);
        return cells;
    }

    private static String owner(Owner owner, Organisation organisation) {
        String name = organisation == null ? owner.organisationId() : organisation.name();
        List<String> who = new ArrayList<>();
        if (owner.name() != null) {
            who.add(owner.name());
        }
        if (owner.role() != null) {
            who.add(owner.role());
        }
        return who.isEmpty() ? name : name + " (" + String.join(", ", who) + ")";
    }

    private static void header(Row row, Styles styles, List<String> headings) {
        for (int c = 0; c < headings.size(); c++) {
            text(row, c, headings.get(c), styles.header);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value.length() > CELL_LIMIT ? value.substring(0, CELL_LIMIT - 1) + "…" : value);
        cell.setCellStyle(style);
    }

    /** The few cell styles the workbook uses, made once (a workbook holds a limited number). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle inputHeader;
        final CellStyle wrap;
        final CellStyle date;
        final CellStyle input;
        final CellStyle inputDate;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            inputHeader = workbook.createCellStyle();
            inputHeader.cloneStyleFrom(header);
            inputHeader.setFillForegroundColor(IndexedColors.GOLD.getIndex());
            wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            short isoDate = workbook.createDataFormat().getFormat("yyyy-mm-dd");
            date = workbook.createCellStyle();
            date.cloneStyleFrom(wrap);
            date.setDataFormat(isoDate);
            input = workbook.createCellStyle();
            input.cloneStyleFrom(wrap);
            input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            input.setBorderBottom(BorderStyle.THIN);
            input.setBottomBorderColor(IndexedColors.GREY_40_PERCENT.getIndex());
            input.setLocked(false);
            inputDate = workbook.createCellStyle();
            inputDate.cloneStyleFrom(input);
            inputDate.setDataFormat(isoDate);
        }
    }
}

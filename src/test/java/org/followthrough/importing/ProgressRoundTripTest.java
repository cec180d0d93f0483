package org.followthrough.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.followthrough.cli.Main;
import org.followthrough.exporting.ProgressSheet;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quarterly round-trip as an editor and an organisation would do it: export the workbook, fill
 * rows in Excel (here with POI), import it. Bad rows are reported with sheet and cell and nothing
 * is written; good rows become progress updates and nothing else in the YAML changes; the site
 * shows them; importing the same workbook again adds nothing.
 */
class ProgressRoundTripTest {

    @TempDir
    Path temp;

    private Path content;
    private Path workbook;

    private record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), TestBuilds.CLOCK, args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void copySmallSite() throws IOException {
        content = temp.resolve("content");
        copy(TestBuilds.fixture("small"), content);
        workbook = temp.resolve("progress.xlsx");
    }

    @Test
    void exportListsEveryActionWithEmptyUpdateColumnsAndTheStatusDropDown() throws IOException {
        Run export = run("export", "progress", "--content", content.toString(), workbook.toString());

        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.err()).isEmpty();
        try (XSSFWorkbook book = open(workbook)) {
            XSSFSheet sheet = book.getSheet(ProgressSheet.SHEET);
            assertThat(text(sheet, 0, ProgressSheet.REF)).isEqualTo("Ref");
            assertThat(text(sheet, 1, ProgressSheet.REF)).isEqualTo("1.1");
            assertThat(text(sheet, 1, ProgressSheet.ACTION)).isEqualTo("Minute every MDT meeting.");
            assertThat(text(sheet, 1, ProgressSheet.OWNERS)).isEqualTo("Sample NHS Foundation Trust (Team Manager)");
            assertThat(text(sheet, 1, ProgressSheet.CURRENT_STATUS)).isEqualTo("Done");
            assertThat(text(sheet, 2, ProgressSheet.REF)).isEqualTo("1.2");
            assertThat(text(sheet, 2, ProgressSheet.NEW_STATUS)).isEmpty();
            List<String> lists = new ArrayList<>();
            for (DataValidation validation : sheet.getDataValidations()) {
                lists.add(validation.getValidationConstraint().getFormula1());
            }
            assertThat(lists).contains("'Statuses'!$B$2:$B$3");
            assertThat(book.getSheet(ProgressSheet.STATUSES_SHEET).getRow(1).getCell(1).getStringCellValue()).isEqualTo("open");
        }
    }

    @Test
    void badRowsAreReportedWithSheetAndCellAndNothingIsWritten() throws IOException {
        run("export", "progress", "--content", content.toString(), workbook.toString());
        fill(row(1, "2026-03-31", "don", "Minutes are audited monthly.", ""),
                row(2, "31/02/2026", "open", "Audit started.", ""));
        Run imported = importRefused();

        assertThat(imported.err()).contains(
                workbook + "!Progress!K2: 'don' is not a status of this plan — did you mean 'done'?",
                workbook + "!Progress!J3: '31/02/2026' is not a real date — check the day and month",
                "2 problems found; nothing was written.");
        assertThat(imported.err().indexOf("K2")).isLessThan(imported.err().indexOf("J3"));
    }

    /**
     * The same workbook imported twice: the second time its rows' updates are in the content, and the action's status is
     * the one its row gave. Its Current status cell, written before, is not taken for a cell written over.
     */
    @Test
    void importingAWorkbookAgainThatChangedAStatusAddsNothingAndWarnsOfNothing() throws IOException {
        run("export", "progress", "--content", content.toString(), workbook.toString());
        fill(row(2, "2026-06-30", "done", "Every set of minutes audited.", ""));
        Run first = run("import", "progress", "--content", content.toString(), workbook.toString());
        assertThat(first.out()).as(first.all()).contains("1 update added.");
        Map<String, String> once = snapshot(content);

        Run again = run("import", "progress", "--content", content.toString(), workbook.toString());

        assertThat(again.code()).as(again.all()).isZero();
        assertThat(again.out()).contains("0 updates added; 1 already in the content, left out.");
        assertThat(again.err()).doesNotContain("warning");
        assertThat(snapshot(content)).isEqualTo(once);
    }

    @Test
    void goodRowsBecomeUpdatesTheSiteShowsAndTheRestOfTheYamlIsUnchanged() throws IOException {
        run("export", "progress", "--content", content.toString(), workbook.toString());
        fill(row(1, "2026-03-31", "done", "Minutes are audited monthly.", "Audit report, March 2026"),
                row(2, LocalDate.of(2026, 6, 30), "Open", "Audit started.\nTwo teams of five are done.", ""));
        Path file = content.resolve("plans/sample-review/recommendations/01.yaml");
        String before = Files.readString(file);

        Run imported = run("import", "progress", "--content", content.toString(), workbook.toString());

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("2 updates added.");
        String after = Files.readString(file);
        List<String> inserted = inserted(before, after);
        assertThat(String.join("\n", inserted)).isEqualTo(String.join("\n",
                "      - date: 2026-03-31",
                "        status: done",
                "        text: |",
                "          Minutes are audited monthly.",
                "",
                "          Evidence: Audit report, March 2026",
                "    progress:",
                "      - date: 2026-06-30",
                "        status: open",
                "        text: |",
                "          Audit started.",
                "",
                "          Two teams of five are done."));

        MemoryPublisher site = TestBuilds.buildInMemory(TestBuilds.request(content, null));
        String page = TestBuilds.planText(site, "sample-review");
        assertThat(page).contains("Minutes are audited monthly.", "Evidence: Audit report, March 2026", "Audit started. Two teams of five are done.");
        // the line the owner began in the cell (Alt+Enter) is a line of its own on the page, not run into the one before
        assertThat(site.text("plans/sample-review/recommendations/1/index.html")).contains("<p>Audit started.</p>\n<p>Two teams of five are done.</p>");

        Map<String, String> once = snapshot(content);
        Run again = run("import", "progress", "--content", content.toString(), workbook.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 updates added; 2 already in the content, left out.");
        assertThat(snapshot(content)).isEqualTo(once);
    }

    @Test
    void importsTheSheetSavedAsCsv() throws IOException {
        Path csv = temp.resolve("progress.csv");
        String header = String.join(",", ProgressSheet.COLUMNS);
        Files.writeString(csv, "\uFEFF" + header + "\r\n"
                + "sample-review,Sample,1.2,1,Audit the minutes.,Sample Police,September 2024,Open,,30/06/2026,done,\"Audited, and found complete.\",,Inspector\r\n",
                StandardCharsets.UTF_8);

        Run imported = run("import", "progress", "--content", content.toString(), csv.toString());

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(Files.readString(content.resolve("plans/sample-review/recommendations/01.yaml"))).endsWith(String.join("\n",
                "    progress:",
                "      - date: 2026-06-30",
                "        status: done",
                "        text: |",
                "          Audited, and found complete.",
                "        reported_by: Inspector",
                "themes: [record-keeping]",
                ""));
    }

    /** A plan or ref cell of thousands of characters is quoted by its start and its length, not printed whole. */
    @Test
    void aPlanOrRefCellOfThousandsOfCharactersIsQuotedShortly() throws IOException {
        Path csv = temp.resolve("progress.csv");
        String header = String.join(",", ProgressSheet.COLUMNS);
        Files.writeString(csv, header + "\r\n"
                + "sample-review" + "-a".repeat(5_000) + ",Sample,1.2,1,Audit the minutes.,Sample Police,September 2024,Open,,30/06/2026,done,Done.,,Inspector\r\n"
                + "sample-review,Sample," + "1.".repeat(5_000) + ",1,Audit the minutes.,Sample Police,September 2024,Open,,30/06/2026,done,Done.,,Inspector\r\n",
                StandardCharsets.UTF_8);

        Run imported = run("import", "progress", "--content", content.toString(), csv.toString());

        assertThat(imported.code()).isEqualTo(1);
        assertThat(imported.err()).contains("there is no plan 'sample-review-a-a-a-a-a-a-a-a-…' (10,013 characters)",
                "plan sample-review has no action '1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.…' (10,000 characters)");
        assertThat(imported.err().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThan(400));
    }

    @Test
    void anUpdateOlderThanTheLatestOrInTheFutureIsRefused() throws IOException {
        run("export", "progress", "--content", content.toString(), workbook.toString());
        fill(row(1, "2024-05-01", "", "Late news.", ""), row(2, "2027-01-01", "", "Tomorrow's news.", ""));

        Run imported = run("import", "progress", "--content", content.toString(), workbook.toString());

        assertThat(imported.code()).isEqualTo(1);
        assertThat(imported.err()).contains(workbook + "!Progress!J3: the update is dated 2027-01-01, after today (2026-11-23)",
                workbook + "!Progress!J2: the update is dated 2024-05-01, before action 1.1's latest update (2024-07-01)",
                "'followthrough new update sample-review 1.1 --date 2024-05-01'", "2 problems found; nothing was written.");
    }

    /** What check would refuse in the content, import does not write there: it is told at the cell, and nothing is written. */
    @Test
    void aRowThatCheckWouldRefuseOnceWrittenIsRefusedAtItsCell() throws IOException {
        run("export", "progress", "--content", content.toString(), workbook.toString());
        fill(row(1, "2026-03-31", "", "TO FILL IN: what happened", ""), row(2, "1850-01-01", "", "Audit started.", ""));
        edit(sheet -> sheet.getRow(1).getCell(column(ProgressSheet.NEW_REPORTED_BY)).setCellValue("Jane \u202EDoe"));
        Run imported = importRefused();

        char text = (char) ('A' + column(ProgressSheet.NEW_TEXT));
        char by = (char) ('A' + column(ProgressSheet.NEW_REPORTED_BY));
        assertThat(imported.err()).contains(workbook + "!Progress!" + text + "2: the cell still holds the placeholder 'TO FILL IN'",
                workbook + "!Progress!J3: the update is dated 1850-01-01, before 1900",
                workbook + "!Progress!" + by + "2: the cell holds an invisible character (U+202E",
                "3 problems found; nothing was written.");
    }

    @Test
    void aRowWhoseRefWasSortedAwayFromItsOtherCellsIsRefusedSoNoUpdateLandsOnTheWrongAction() throws IOException {
        run("export", "progress", "--content", content.toString(), workbook.toString());
        fill(row(1, "2026-03-31", "done", "Minutes are audited monthly.", ""));
        // sorted by the first columns only: rows 1 and 2 swap their Plan to Recommendation cells, not the rest
        edit(sheet -> {
            for (String heading : List.of(ProgressSheet.REF)) {
                var one = sheet.getRow(1).getCell(column(heading));
                var two = sheet.getRow(2).getCell(column(heading));
                String first = one.getStringCellValue();
                one.setCellValue(two.getStringCellValue());
                two.setCellValue(first);
            }
        });
        Run imported = importRefused();

        assertThat(imported.err()).contains(workbook + "!Progress!C2: this row's Ref is 1.2, but its other cells are those of action 1.1");
    }

    @Test
    void wordsWrittenWhereImportDoesNotReadThemAreToldNotLost() throws IOException {
        run("export", "progress", "--content", content.toString(), workbook.toString());
        fill(row(1, "2026-03-31", "done", "Minutes are audited monthly.", ""));
        edit(sheet -> {
            sheet.getRow(2).getCell(column(ProgressSheet.CURRENT_STATUS)).setCellValue("Now complete, see the minutes");
            sheet.getRow(0).createCell(ProgressSheet.COLUMNS.size()).setCellValue("Comments");
            sheet.getRow(1).createCell(ProgressSheet.COLUMNS.size()).setCellValue("Chased twice");
        });

        Run imported = run("import", "progress", "--content", content.toString(), workbook.toString());

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.err()).contains(
                workbook + "!Progress!H3: warning: this row's Current status is not what the content says of action 1.2 (written over, or moved"
                        + " there from another row): only the New update columns are imported",
                workbook + "!Progress!O2: warning: the column 'Comments' is not one import reads: what its 1 filled cell holds is not imported");
    }

    @Test
    void aCorrectedUpdateImportedAgainIsLeftOutAndToldRatherThanPublishedTwice() throws IOException {
        run("export", "progress", "--content", content.toString(), workbook.toString());
        fill(row(1, "2026-03-31", "done", "Minutes are audited monthly.", ""));
        assertThat(run("import", "progress", "--content", content.toString(), workbook.toString()).code()).isZero();
        Path file = content.resolve("plans/sample-review/recommendations/01.yaml");
        String once = Files.readString(file);
        fill(row(1, "2026-03-31", "done", "Minutes are audited every month.", ""), row(2, "2026-04-30", "done", "Audited.", ""));

        Run again = run("import", "progress", "--content", content.toString(), workbook.toString());

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains(workbook + "!Progress!J2: warning: action 1.1 already has an update dated 2026-03-31 with this"
                + " status, with other text: this row is left out, so as not to publish both");
        String after = Files.readString(file);
        assertThat(after).doesNotContain("audited every month").contains("Audited.");
        assertThat(inserted(once, after)).noneMatch(line -> line.contains("2026-03-31"));
    }

    @Test
    void aWorkbookWithoutTheOptionalColumnsIsRead() throws IOException {
        run("export", "progress", "--content", content.toString(), workbook.toString());
        fill(row(1, "2026-03-31", "done", "Minutes are audited\u2028monthly.", ""));
        edit(sheet -> {
            // the evidence and reported-by columns deleted: their headings gone
            sheet.getRow(0).getCell(column(ProgressSheet.NEW_EVIDENCE)).setCellValue("");
            sheet.getRow(0).getCell(column(ProgressSheet.NEW_REPORTED_BY)).setCellValue("");
        });

        Run imported = run("import", "progress", "--content", content.toString(), workbook.toString());

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(Files.readString(content.resolve("plans/sample-review/recommendations/01.yaml"))).contains("Minutes are audited\n");
    }

    @Test
    void anActionWithoutWordsOfItsOwnIsExportedWithItsRecommendationsSoTheOwnerKnowsWhatTheRowIsAbout() throws IOException {
        org.followthrough.support.Folders.replace(content.resolve("plans/sample-review/recommendations/01.yaml"),
                "    description: Audit the minutes.\n", "");

        run("export", "progress", "--content", content.toString(), workbook.toString());

        try (XSSFWorkbook book = open(workbook)) {
            assertThat(text(book.getSheet(ProgressSheet.SHEET), 2, ProgressSheet.ACTION))
                    .isEqualTo("(The plan gives this action no text of its own. The recommendation:) Teams must record who attended each meeting.");
        }
    }

    @Test
    void noBreakSpacesPastedAroundADateOrAStatusAreNotPartOfIt() throws IOException {
        run("export", "progress", "--content", content.toString(), workbook.toString());
        fill(row(2, "2026-03-31\u00a0", "\u00a0done", "Audited.", ""));

        Run imported = run("import", "progress", "--content", content.toString(), workbook.toString());

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(Files.readString(content.resolve("plans/sample-review/recommendations/01.yaml"))).contains("- date: 2026-03-31\n        status: done");
    }

    @Test
    void aStageThePlanHasNoStatusForSaysHowTheEditorAddsOne() throws IOException {
        run("export", "progress", "--content", content.toString(), workbook.toString());
        fill(row(1, "2026-03-31", "Not started", "Paused for the review.", ""));

        Run imported = run("import", "progress", "--content", content.toString(), workbook.toString());

        assertThat(imported.code()).isEqualTo(1);
        assertThat(imported.err()).contains(workbook + "!Progress!K2: 'Not started' is not a status of this plan — the plan's statuses are"
                + " open, done, none of them not started: the editor adds one to the plan's statuses in plan.yaml");
    }

    @Test
    void exportDoesNotWriteOverAWorkbookThatMayHaveBeenFilledIn() throws IOException {
        run("export", "progress", "--content", content.toString(), workbook.toString());
        fill(row(1, "2026-03-31", "done", "Minutes are audited monthly.", ""));
        byte[] filled = Files.readAllBytes(workbook);

        Run again = run("export", "progress", "--content", content.toString(), workbook.toString());

        assertThat(again.code()).isEqualTo(3);
        assertThat(again.err()).contains("the file exists already").contains("--replace");
        assertThat(Files.readAllBytes(workbook)).isEqualTo(filled);
        assertThat(run("export", "progress", "--content", content.toString(), "--replace", workbook.toString()).code()).isZero();
        assertThat(Files.readAllBytes(workbook)).isNotEqualTo(filled);
    }

    @Test
    void exportWritesNeitherInsideTheContentFolderNorIntoAFolderThatIsNotThere() throws IOException {
        Path inContent = content.resolve("plans/progress.xlsx");
        Path mistyped = temp.resolve("retruns/q3/progress.xlsx");

        Run inside = run("export", "progress", "--content", content.toString(), inContent.toString());
        Run nowhere = run("export", "progress", "--content", content.toString(), mistyped.toString());

        assertThat(inside.code()).isEqualTo(3);
        assertThat(inside.err()).contains(inContent + ": this is inside the content folder").contains("write it outside the content folder");
        assertThat(inContent).doesNotExist();
        assertThat(nowhere.code()).isEqualTo(3);
        assertThat(nowhere.err()).contains("there is no folder " + temp.resolve("retruns/q3")).contains("create the folder first");
        assertThat(temp.resolve("retruns")).doesNotExist();
    }

    /** Excel in a language whose decimal sign is a comma saves CSV with semicolons: told as such, not as a file without the columns. */
    @Test
    void aCsvSavedWithSemicolonsSaysHowToSaveItWithCommas() throws IOException {
        Path csv = temp.resolve("returns.csv");
        Files.writeString(csv, String.join(";", ProgressSheet.COLUMNS) + "\nsample-review;Sample;1.2;;;;;;;2026-03-31;open;Audit started.;;\n");

        Run imported = run("import", "progress", "--content", content.toString(), csv.toString());

        assertThat(imported.code()).isEqualTo(1);
        assertThat(imported.err()).contains(csv + ": the file's columns are separated by semicolons")
                .contains("save its Progress sheet as \"CSV UTF-8 (Comma delimited)\"");

        // a cell in quotes holding a comma, read with commas, breaks the reading itself: told the same
        Files.writeString(csv, String.join(";", ProgressSheet.COLUMNS) + "\nsample-review;Sample;1.2;;;;;;;2026-03-31;open;Audit,\"started\" today;;\n");
        Run broken = run("import", "progress", "--content", content.toString(), csv.toString());
        assertThat(broken.err()).contains(csv + ": the file's columns are separated by semicolons").doesNotContain("Exception");
    }

    @Test
    void exportOfAPlanThatIsNotThereIsAWrongCommandLine() {
        Run export = run("export", "progress", "--content", content.toString(), "--plan", "sample-reveiw", workbook.toString());

        assertThat(export.code()).isEqualTo(2);
        assertThat(export.err()).contains("--plan: there is no plan 'sample-reveiw' in " + content.resolve("plans")
                + "; did you mean 'sample-review'?");
        assertThat(workbook).doesNotExist();
    }

    /** A return may hold what is not yet to be published: written inside the content's repository, it is written, with a warning. */
    @Test
    void exportWarnsOfAWorkbookWrittenInsideTheRepositoryThatHoldsTheContent() throws IOException {
        Path repository = temp.resolve("repository");
        Files.createDirectories(repository.resolve(".git"));
        Path inRepository = repository.resolve("content");
        copy(content, inRepository);

        Run inside = run("export", "progress", "--content", inRepository.toString(), repository.resolve("q3.xlsx").toString());
        Run outside = run("export", "progress", "--content", inRepository.toString(), temp.resolve("q3.xlsx").toString());

        assertThat(inside.code()).as(inside.all()).isZero();
        assertThat(inside.err()).contains(repository.resolve("q3.xlsx") + ": warning: the workbook is inside the Git repository "
                + repository.toRealPath()).contains("keep the workbooks outside the repository (export to ../q3.xlsx, say)");
        assertThat(repository.resolve("q3.xlsx")).exists();
        assertThat(outside.code()).as(outside.all()).isZero();
        assertThat(outside.err()).isEmpty();
    }

    /**
     * A workbook sent to one organisation comes back with a row pasted in from another's: the update is the other
     * organisation's to give, and nothing is written. The workbook says whose it is, for the people filling it in.
     */
    @Test
    void aWorkbookExportedForOneOrganisationRefusesARowForAnActionItDoesNotOwn() throws IOException {
        Run export = run("export", "progress", "--content", content.toString(), "--organisation", "sample-trust", workbook.toString());
        assertThat(export.code()).as(export.all()).isZero();
        try (XSSFWorkbook book = open(workbook)) {
            assertThat(book.getSheet(ProgressSheet.READ_ME_SHEET).getRow(2).getCell(0).getStringCellValue())
                    .startsWith("This workbook is for Sample NHS Foundation Trust: the Progress sheet has one row per action it owns");
            assertThat(book.getProperties().getCoreProperties().getTitle()).startsWith("Progress returns of Sample NHS Foundation Trust: ");
            assertThat(book.getSheet(ProgressSheet.SHEET).getLastRowNum()).as("only the action the trust owns").isEqualTo(1);
        }
        edit(sheet -> {
            var pasted = sheet.createRow(2);
            for (int c = 0; c < ProgressSheet.COLUMNS.size(); c++) {
                pasted.createCell(c);
            }
            pasted.getCell(column(ProgressSheet.PLAN)).setCellValue("sample-review");
            pasted.getCell(column(ProgressSheet.REF)).setCellValue("1.2");
        });
        fill(row(1, "2026-03-31", "done", "Minutes are audited monthly.", ""), row(2, "2026-03-31", "open", "Audit started.", ""));
        Run imported = importRefused();

        assertThat(imported.err()).contains(workbook + "!Progress!C3: this workbook is Sample NHS Foundation Trust's, but action 1.2 of plan"
                + " sample-review is not one it owns — an update to this action comes back in the workbook of the organisation that owns it");
    }

    /** A row copied within the workbook adds its update once, and says so; two different updates of one day are refused. */
    @Test
    void aRowGivenTwiceIsAddedOnceAndTwoUpdatesOfOneDayForOneActionAreRefused() throws IOException {
        run("export", "progress", "--content", content.toString(), workbook.toString());
        copyRow(2, 3);
        fill(row(2, "2026-03-31", "open", "Audit started.", ""), row(3, "2026-03-31", "open", "Audit started.", ""));

        Run twice = run("import", "progress", "--content", content.toString(), workbook.toString());

        assertThat(twice.code()).as(twice.all()).isZero();
        assertThat(twice.out()).contains("1 update added.").doesNotContain("already in the content");
        assertThat(twice.err()).contains(workbook + "!Progress!J4: warning: this row gives action 1.2 the same update as row 3: it is added once");

        fill(row(2, "2026-04-30", "open", "Audit half done.", ""), row(3, "2026-04-30", "open", "Audit nearly done.", ""));
        Run differing = importRefused();

        assertThat(differing.err()).contains(workbook + "!Progress!J4: this row and row 3 both give action 1.2 an update dated 2026-04-30,"
                + " and the two differ — keep one row for the day's update");
    }

    /** Copies a row of the Progress sheet below the others, as a copy and paste in Excel does. */
    private void copyRow(int from, int to) throws IOException {
        edit(sheet -> {
            var source = sheet.getRow(from);
            var copy = sheet.createRow(to);
            for (int c = 0; c < ProgressSheet.COLUMNS.size(); c++) {
                var cell = source.getCell(c);
                copy.createCell(c).setCellValue(cell == null ? "" : cell.toString());
            }
        });
    }

    /** A ref written with spaces at its ends, which check reads without them, is still found when an update is added to it. */
    @Test
    void anUpdateIsAddedToAnActionWhoseRefIsWrittenWithSpacesAtItsEnds() throws IOException {
        Path file = content.resolve("plans/sample-review/recommendations/01.yaml");
        Files.writeString(file, Files.readString(file).replace("ref: \"1.2\"", "ref: \" 1.2\u00a0\""));
        run("export", "progress", "--content", content.toString(), workbook.toString());
        fill(row(2, "2026-03-31", "open", "Audit started.", ""));

        Run imported = run("import", "progress", "--content", content.toString(), workbook.toString());
        Run added = run("new", "update", "sample-review", "1.2", "--content", content.toString(), "--date", "2026-04-01");

        assertThat(imported.code()).as(imported.all()).isZero();
        assertThat(imported.out()).contains("1 update added.");
        assertThat(Files.readString(file)).contains("Audit started.");
        assertThat(added.code()).as(added.all()).isZero();
    }

    /**
     * "Reported by" is one of the columns to fill in: a row with nothing else is told, not passed over without a word; as a
     * name filled down the whole column is a habit of spreadsheets, it does not stop the rows that give an update.
     */
    @Test
    void aRowWithOnlyWhoReportsItIsToldAndLeftOut() throws IOException {
        run("export", "progress", "--content", content.toString(), workbook.toString());
        fill(row(1, "2026-03-31", "done", "Minutes are audited monthly.", ""));
        edit(sheet -> sheet.getRow(2).getCell(column(ProgressSheet.NEW_REPORTED_BY)).setCellValue("Head of Governance"));

        Run imported = run("import", "progress", "--content", content.toString(), workbook.toString());

        assertThat(imported.code()).as(imported.all()).isZero();
        assertThat(imported.out()).contains("1 update added.");
        assertThat(imported.err()).contains(workbook + "!Progress!N3: warning: only who reports the update is filled in on this row:"
                + " it is left out").doesNotContain("has no date");
    }

    /** Imports the workbook, which is refused: exit code 1, and not a byte of the content changed. */
    private Run importRefused() throws IOException {
        Map<String, String> before = snapshot(content);
        Run imported = run("import", "progress", "--content", content.toString(), workbook.toString());
        assertThat(imported.code()).as(imported.err()).isEqualTo(1);
        assertThat(snapshot(content)).isEqualTo(before);
        return imported;
    }

    /** Changes the Progress sheet of the workbook, as someone in Excel would. */
    private void edit(java.util.function.Consumer<XSSFSheet> change) throws IOException {
        try (XSSFWorkbook book = open(workbook)) {
            change.accept(book.getSheet(ProgressSheet.SHEET));
            try (OutputStream out = Files.newOutputStream(workbook)) {
                book.write(out);
            }
        }
    }

    @Test
    void aFileThatIsNotAProgressWorkbookSaysWhatToGive() throws IOException {
        Path other = temp.resolve("other.csv");
        Files.writeString(other, "a,b\n1,2\n");

        Run imported = run("import", "progress", "--content", content.toString(), other.toString());

        assertThat(imported.code()).isEqualTo(1);
        assertThat(imported.err()).contains(other + ": no sheet has the progress columns 'Plan', 'Ref', 'New update: date'");
    }

    // --- helpers

    private record Fill(int row, Object date, String status, String text, String evidence) {
    }

    private static Fill row(int row, Object date, String status, String text, String evidence) {
        return new Fill(row, date, status, text, evidence);
    }

    /** Fills rows as an organisation would in Excel: a date typed as a date, or text. */
    private void fill(Fill... fills) throws IOException {
        try (XSSFWorkbook book = open(workbook)) {
            XSSFSheet sheet = book.getSheet(ProgressSheet.SHEET);
            CellStyle dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            for (Fill fill : fills) {
                var row = sheet.getRow(fill.row());
                var date = row.getCell(column(ProgressSheet.NEW_DATE));
                if (fill.date() instanceof LocalDate day) {
                    date.setCellValue(day);
                    date.setCellStyle(dateStyle);
                } else {
                    date.setCellValue((String) fill.date());
                }
                row.getCell(column(ProgressSheet.NEW_STATUS)).setCellValue(fill.status());
                row.getCell(column(ProgressSheet.NEW_TEXT)).setCellValue(fill.text());
                row.getCell(column(ProgressSheet.NEW_EVIDENCE)).setCellValue(fill.evidence());
            }
            try (OutputStream out = Files.newOutputStream(workbook)) {
                book.write(out);
            }
        }
    }

    private static int column(String heading) {
        return ProgressSheet.COLUMNS.indexOf(heading);
    }

    private static String text(XSSFSheet sheet, int row, String heading) {
        return sheet.getRow(row).getCell(column(heading)).getStringCellValue();
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** The lines added to {@code before} to make {@code after}, asserting that every other line (and byte) is as it was. */
    private static List<String> inserted(String before, String after) {
        List<String> a = List.of(before.split("\n", -1));
        List<String> b = List.of(after.split("\n", -1));
        List<String> added = new ArrayList<>();
        int i = 0;
        for (String line : b) {
            if (i < a.size() && a.get(i).equals(line)) {
                i++;
            } else {
                added.add(line);
            }
        }
        assertThat(i).as("every line of the file before the import is still there, in order").isEqualTo(a.size());
        return added;
    }

    /** Every file of the folder with its bytes, as text (the content files are UTF-8). */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}

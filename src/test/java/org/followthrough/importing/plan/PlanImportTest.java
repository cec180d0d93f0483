package org.followthrough.importing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.cli.Main;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.problem.Problem;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * {@code import plan} on tables shaped like the published plans: the drafted plan fails
 * {@code check} only on the decisions import lists, passes once they are made, and every cell's
 * text (read from the file here, independently of the importer) is on the built plan page.
 */
class PlanImportTest {

    @TempDir
    Path temp;

    private Path content;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), TestBuilds.CLOCK, args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A content folder with the shipped site settings and organisations, and no plan yet. */
    @BeforeEach
    void contentWithOrganisations() throws IOException {
        content = temp.resolve("content");
        Files.createDirectories(content.resolve("organisations"));
        Files.copy(TestBuilds.SHIPPED_CONTENT.resolve("site.yaml"), content.resolve("site.yaml"));
        try (Stream<Path> files = Files.list(TestBuilds.SHIPPED_CONTENT.resolve("organisations"))) {
            for (Path file : files.toList()) {
                Files.copy(file, content.resolve("organisations").resolve(file.getFileName()));
            }
        }
    }

    static Stream<Arguments> seedShapedTables() {
        return Stream.of(
                Arguments.of("eput-term-table.docx", (Supplier<byte[]>) SeedShapedTables::eputDocx),
                Arguments.of("birmingham-dhr-smart-table.xlsx", (Supplier<byte[]>) SeedShapedTables::birminghamXlsx),
                Arguments.of("p-grading-table-over-pages.docx", (Supplier<byte[]>) SeedShapedTables::pPlanDocx),
                Arguments.of("tracker-with-status-words.xlsx", (Supplier<byte[]>) SeedShapedTables::trackerXlsx));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedShapedTables")
    void draftsAPlanThatPassesCheckAfterTheListedDecisionsWithEveryCellOnItsPage(String name, Supplier<byte[]> table) throws IOException {
        Path file = temp.resolve(name);
        Files.write(file, table.get());

        Run imported = run("import", "plan", "--content", content.toString(), "--id", "imported", file.toString());

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Columns read", "Wrote ");
        BuildResult before = check();
        List<String> errors = before.problems().stream().filter(Problem::isError).map(Problem::format).toList();
        for (String error : errors) {
            assertThat(error).as("check fails only on what import asks the editor to decide")
                    .containsAnyOf("'" + PlanDrafter.UNKNOWN_ORGANISATION + "'", "'" + PlanFiles.UNDECIDED + "'",
                            org.followthrough.format.Placeholder.MARK + ": the plan's title");
        }
        assertThat(errors.isEmpty()).isEqualTo(!imported.out().contains("To decide before 'check' passes"));

        decide(imported.out());

        BuildResult after = check();
        assertThat(after.succeeded()).as(String.join("\n", after.problems().stream().map(Problem::format).toList())).isTrue();
        MemoryPublisher site = TestBuilds.buildInMemory(TestBuilds.request(content, null));
        String page = normal(TestBuilds.planText(site, "imported"));
        List<String> cells = name.endsWith(".docx") ? docxCells(file) : xlsxCells(file);
        assertThat(cells).hasSizeGreaterThan(10);
        java.util.Map<String, String> names = namesByShortName();
        assertThat(cells.stream().filter(text -> !page.contains(text) && !page.contains(names.getOrDefault(text, text))).toList())
                .as("cell text missing from the plan's page").isEmpty();
    }

    /** An owner cell of only an organisation's short name ("EPUT") is shown as the owner, by the organisation's name. */
    private java.util.Map<String, String> namesByShortName() throws IOException {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        try (Stream<Path> files = Files.list(content.resolve("organisations"))) {
            for (Path file : files.toList()) {
                List<String> lines = Files.readAllLines(file);
                lines.stream().filter(l -> l.startsWith("short_name: ")).findFirst().ifPresent(shortName -> names.put(shortName.substring(12),
                        normal(lines.stream().filter(l -> l.startsWith("name: ")).findFirst().orElseThrow().substring(6))));
            }
        }
        return names;
    }

    @Test
    void readsTheEputTableAsItsRecommendationsWithTheTickedTerm() throws IOException {
        Path file = temp.resolve("eput.docx");
        Files.write(file, SeedShapedTables.eputDocx());

        run("import", "plan", "--content", content.toString(), "--id", "eput-draft", file.toString());

        Path plan = content.resolve("plans/eput-draft");
        assertThat(Files.readString(plan.resolve("plan.yaml"))).contains("title: High Level - SAFETY ACTION PLAN",
                "kind: patient_safety_incident_investigation");
        String second = Files.readString(plan.resolve("recommendations/02.yaml"));
        assertThat(second).contains("number: \"2\"", "title: Changes to Care Programme Approach (CPA) status", "term: short",
                // the row split over a page break is one action again
                "      The Trust must ensure that there is a mechanism to ensure that the policy expectation is implemented and\n\n"
                        + "      standards of practice are monitored.");
        assertThat(Files.readString(plan.resolve("recommendations/03.yaml"))).contains("number: \"7\"", "term: long",
                "target: {as_published: Psychology training will be ongoing}");
    }

    @Test
    void readsThePGradingTableWithDatedProgressAndAFollowUpTarget() throws IOException {
        Path file = temp.resolve("p.docx");
        Files.write(file, SeedShapedTables.pPlanDocx());

        Run imported = run("import", "plan", "--content", content.toString(), "--id", "p-draft", file.toString());

        assertThat(imported.out()).contains("I \"BY WHEN\" → follow_up_target", "G \"GRADING as at 28 November 2018\" → grade");
        String eighth = Files.readString(content.resolve("plans/p-draft/recommendations/02.yaml"));
        assertThat(eighth).contains("number: \"8\"", "lead:\n  - hmp-hewell-healthcare", "ref: \"8.2\"",
                "target: {as_published: \"30 November 2018 Complete\", date: 2018-11-30}", "- date: 2017-06-14", "grade: d");
    }

    @Test
    void columnsCanBeMappedByHand() throws IOException {
        Path file = temp.resolve("tracker.xlsx");
        Files.write(file, SeedShapedTables.trackerXlsx());

        Run imported = run("import", "plan", "--content", content.toString(), "--id", "tracker", "--columns", "Service=monitoring;A=keep", file.toString());

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("A \"No.\" → keep", "H \"Service\" → monitoring", "status 'On track'");
        assertThat(Files.readString(content.resolve("plans/tracker/recommendations/01.yaml"))).contains("monitoring: |\n      Community",
                "extra_columns:\n      no: \"1.1\"");
        assertThat(Files.readString(content.resolve("plans/tracker/plan.yaml"))).contains("extra_columns:\n  - id: no\n    label: No.");
    }

    @Test
    void aColumnMappingThatNamesNoColumnOfTheFileIsRefusedAndNothingIsWritten() throws IOException {
        Path file = temp.resolve("tracker.xlsx");
        Files.write(file, SeedShapedTables.trackerXlsx());

        // a misspelt heading, and a column letter past the table's last column
        Run imported = run("import", "plan", "--content", content.toString(), "--id", "tracker", "--columns",
                "Servise=monitoring;ZZ=evidence;A=keep", file.toString());

        assertThat(imported.code()).as(imported.err()).isEqualTo(1);
        assertThat(imported.err()).contains("--columns: no table in tracker.xlsx has a column headed 'Servise'",
                "--columns: no table in tracker.xlsx has a column ZZ, nor one headed 'ZZ'").doesNotContain("column A");
        assertThat(imported.out()).as("the columns read, to choose from").contains("H \"Service\" → ");
        assertThat(content.resolve("plans/tracker")).doesNotExist();
    }

    /** A heading printed in capitals (RAG) is written as a column letter is: it is read as the heading the file has. */
    @Test
    void aColumnMappingNamesAHeadingPrintedInCapitalsAsWritten() throws IOException {
        Path file = temp.resolve("rag.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Plan");
            String[][] rows = {{"REF", "Action", "Lead", "RAG"}, {"1.1", "Minute every meeting.", "EPUT", "Amber"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
        }

        Run imported = run("import", "plan", "--content", content.toString(), "--id", "rag", "--columns", "RAG=progress", file.toString());

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("D \"RAG\" → progress");
    }

    /**
     * A row whose first cell is a long run of numbers and dots ("1.1.1.…", as a cell of section numbers pasted together),
     * and a heading of recommendations numbered "1, 1, 1, …", are read: telling a heading's number took a level of Java's
     * stack for each dot or comma, and the import stopped with an internal error.
     */
    @Test
    void aCellOfAThousandDottedNumbersIsReadWithoutRunningOutOfStack() throws Exception {
        Path file = temp.resolve("dotted.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Plan");
            String[][] rows = {{"REF", "Action", "Lead", "RAG"}, {"1.".repeat(5_000), "Governance"},
                {"Recommendations " + "1, ".repeat(3_000) + "2: Governance"}, {"1.1", "Minute every meeting.", "EPUT", "Amber"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
        }
        java.util.concurrent.atomic.AtomicReference<Run> imported = new java.util.concurrent.atomic.AtomicReference<>();
        // a thread with a small stack, as a warmed-up Java takes less of it for each level than a cold one
        Thread importing = new Thread(null, () -> imported.set(run("import", "plan", "--content", content.toString(), "--id", "dotted",
                file.toString())), "import", 256 * 1024);
        importing.start();
        importing.join();

        assertThat(imported.get().code()).as(imported.get().err()).isZero();
        try (var files = Files.list(content.resolve("plans/dotted/recommendations"))) {
            assertThat(files.map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).anyMatch(text -> text.contains("Minute every meeting."));
        }
    }

    @Test
    void aRecommendationColumnThatPrintsItsNumberKeepsThatNumberAndAnOwnerCellOfOnlyANameGivesNoRole() throws IOException {
        Path file = temp.resolve("tracker.xlsx");
        Files.write(file, SeedShapedTables.trackerXlsx());

        Run imported = run("import", "plan", "--content", content.toString(), "--id", "tracker", file.toString());

        assertThat(imported.out()).doesNotContain("given on import", "recommendation numbers");
        String first = Files.readString(content.resolve("plans/tracker/recommendations/01.yaml"));
        // "Recommendation 1: Carers must be offered an assessment." on two rows: one recommendation, numbered as printed
        assertThat(first).contains("number: \"1\"", "title: Carers must be offered an assessment.")
                .doesNotContain("given on import", "text: Recommendation 1")
                // "Essex Partnership University NHS Foundation Trust" and "EPUT" name the owner and say nothing more
                .doesNotContain("role:");
        assertThat(first.split("ref: ", -1)).hasSize(3);
        assertThat(Files.readString(content.resolve("plans/tracker/recommendations/02.yaml")))
                .contains("number: \"2\"", "title: Discharge letters reach the GP within a day.");
    }

    /** A row of only a number and "Recommendation N: …" heads the actions below it: it is no action of its own. */
    @Test
    void aRowOfOnlyARecommendationAndItsNumberHeadsTheActionsBelowAndIsNoAction() throws IOException {
        Run imported = importTracker(SeedShapedTables.trackerWithHeadingRowsXlsx());
        String first = Files.readString(content.resolve("plans/tracker/recommendations/01.yaml"));
        assertThat(first).contains("number: \"1\"", "title: The Trust should improve risk assessment.", "ref: \"1.1\"", "ref: \"1.2\"")
                .doesNotContain("ref: \"1\"\n");
        assertThat(first.split("ref: ", -1)).hasSize(3);
        String second = Files.readString(content.resolve("plans/tracker/recommendations/02.yaml"));
        assertThat(second).contains("number: \"2\"", "ref: \"2.1\"").doesNotContain("ref: \"2\"\n");
        // an action's own reference beside the recommendation is the recommendation taken as its action, not a heading
        assertThat(Files.readString(content.resolve("plans/tracker/recommendations/03.yaml"))).contains("number: \"3\"", "ref: \"3.1\"");
        assertThat(imported.out()).doesNotContain("no owner printed for action in recommendation 1", "no owner printed for action in recommendation 2");
    }

    /** A "Rec No." column numbers the recommendations as the table prints them: no number is given on import, nor said to be. */
    @Test
    void aColumnOfRecommendationNumbersNumbersThemAsPrinted() throws IOException {
        Run imported = importTracker(SeedShapedTables.trackerWithRecommendationNumbersXlsx());
        assertThat(imported.out()).contains("\"Rec No.\" → recommendation_number").doesNotContain("recommendation numbers given on import");
        String first = Files.readString(content.resolve("plans/tracker/recommendations/01.yaml"));
        assertThat(first).contains("number: \"1\"").doesNotContain("given on import", "Rec No.");
        assertThat(first.split("ref: ", -1)).hasSize(3);
        assertThat(Files.readString(content.resolve("plans/tracker/recommendations/02.yaml"))).contains("number: \"4\"",
                "Discharge letters reach the GP within a day.");
    }

    /**
     * An action's reference printed at the start of its text is its reference, taken out of the text (which would otherwise
     * print it twice, "1.1 1.1 Review …"), and not one given on import. A number that is not the reference the action's place
     * makes ("1.5 million", "2.5 FTE" as the first action of recommendation 2, a date) is the text's own, and stays in it.
     */
    @Test
    void aReferencePrintedAtTheStartOfAnActionIsItsReference() throws IOException {
        Run imported = importTracker(SeedShapedTables.trackerWithReferencesInTheActionsXlsx());

        String first = Files.readString(content.resolve("plans/tracker/recommendations/01.yaml"));
        assertThat(first).contains("ref: \"1.1\"", "ref: \"1.2\"", "Review the risk assessment policy.", "Train every ward in the new policy.")
                .doesNotContain("1.1 Review", "1.2. Train");
        assertThat(first).contains("ref: \"1.3\"", "1.5 million pounds is to be invested in training.");
        assertThat(Files.readString(content.resolve("plans/tracker/recommendations/02.yaml")))
                .contains("ref: \"2.1\"", "2.5 FTE posts recruited to the crisis team.");
        assertThat(Files.readString(content.resolve("plans/tracker/recommendations/03.yaml")))
                .contains("ref: \"12.1\"", "12.03.2024 meeting of the board agreed the letters.");
        assertThat(imported.out()).contains("action references given on import (the table gives none): 1.3, 2.1, 12.1");
    }

    /** Where the table prints no recommendation numbers, the actions' printed references are still taken out of their texts. */
    @Test
    void aReferencePrintedAtTheStartOfAnActionIsItsReferenceWhereRecommendationsHaveNoNumber() throws IOException {
        importTracker(SeedShapedTables.trackerWithReferencesInTheActionsOnlyXlsx());

        assertThat(Files.readString(content.resolve("plans/tracker/recommendations/01.yaml")))
                .contains("ref: \"1.1\"", "ref: \"1.2\"", "Review the risk assessment policy.").doesNotContain("1.1 Review", "1.2 Train");
        assertThat(Files.readString(content.resolve("plans/tracker/recommendations/02.yaml")))
                .contains("ref: \"2.1\"", "Recruit to the crisis team.").doesNotContain("2.1 Recruit");
    }

    /** A table that prints no title leaves the title to the editor: check refuses it until written, so the file's name is never published. */
    @Test
    void aTableWithoutATitleLeavesTheTitleToTheEditor() throws IOException {
        Run imported = importTracker(SeedShapedTables.trackerXlsx());

        assertThat(imported.out()).contains("To decide before 'check' passes", "the title: tracker.xlsx prints none");
        String plan = Files.readString(content.resolve("plans/tracker/plan.yaml"));
        assertThat(plan).contains("TO FILL IN: the plan's title, as published (tracker.xlsx prints none)");
        assertThat(check().problems()).anyMatch(p -> p.isError() && p.message().startsWith("this is still a placeholder")
                && p.location().file().endsWith("plan.yaml"));
    }

    /** Numbered by a column, and headed by rows of their own: each recommendation keeps its words, and no heading is an action. */
    @Test
    void aRecommendationNumberedByAColumnKeepsTheWordsOfItsHeadingRow() throws IOException {
        Run imported = importTracker(SeedShapedTables.trackerWithNumbersAndHeadingsXlsx());
        String first = Files.readString(content.resolve("plans/tracker/recommendations/01.yaml"));
        assertThat(first).contains("number: \"1\"", "title: The Trust should improve risk assessment.").doesNotContain("Also printed as");
        assertThat(first.split("ref: ", -1)).as("one action").hasSize(2);
        String second = Files.readString(content.resolve("plans/tracker/recommendations/02.yaml"));
        assertThat(second).contains("number: \"2\"", "Discharge letters reach the GP within a day.");
        assertThat(second.split("ref: ", -1)).as("one action, not the heading row").hasSize(2);
        assertThat(imported.out()).doesNotContain("organisation-to-decide", "no owner printed");
    }

    /** A cell of a title and a text, printed again on each row, is one recommendation, with no note that it was printed otherwise. */
    @Test
    void aRecommendationCellPrintedAgainOnEachRowIsNotNotedAsPrintedOtherwise() throws IOException {
        Path file = temp.resolve("tracker.xlsx");
        Files.write(file, SeedShapedTables.longTrackerXlsx(3));

        run("import", "plan", "--content", content.toString(), "--id", "tracker", file.toString());

        String first = Files.readString(content.resolve("plans/tracker/recommendations/01.yaml"));
        assertThat(first).contains("title: Carers must be offered an assessment.", "The trust should audit the offers.")
                .doesNotContain("Also printed as");
        assertThat(first.split("ref: ", -1)).hasSize(4);
    }

    /** A table of more actions than a plan may have is written, but import does not say that check will pass. */
    @Test
    void aTableOfMoreActionsThanAPlanMayHaveIsADecisionToMake() throws IOException {
        Path file = temp.resolve("long.xlsx");
        Files.write(file, SeedShapedTables.longTrackerXlsx(org.followthrough.format.Limits.MAX_ACTIONS_PER_PLAN + 1));

        Run imported = run("import", "plan", "--content", content.toString(), "--id", "long", file.toString());

        assertThat(imported.out()).doesNotContain("Nothing to decide").contains("To decide before 'check' passes:",
                "the table gives 10001 actions, more than the 10000 one plan may have",
                "recommendations/01.yaml is 1,600 KB, more than the 1 MB (1,024 KB) a content file may be");
        assertThat(check().succeeded()).isFalse();
    }

    @Test
    void aColumnWithNoFieldOfItsOwnBecomesAnExtraColumnOfThePlanShownUnderItsHeading() throws IOException {
        Path file = temp.resolve("tracker.xlsx");
        Files.write(file, SeedShapedTables.trackerXlsx());

        Run imported = run("import", "plan", "--content", content.toString(), "--id", "imported", file.toString());

        assertThat(imported.out()).contains("H \"Service\" → keep");
        assertThat(Files.readString(content.resolve("plans/imported/plan.yaml"))).contains("extra_columns:\n  - id: service\n    label: Service");
        String first = Files.readString(content.resolve("plans/imported/recommendations/01.yaml"));
        assertThat(first).contains("extra_columns:\n      service: Community", "extra_columns:\n      service: Inpatient")
                .doesNotContain("**Service:**");
        decide(imported.out());
        MemoryPublisher site = TestBuilds.buildInMemory(TestBuilds.request(content, null));
        var action = Jsoup.parse(site.text("plans/imported/recommendations/1/index.html")).getElementById("action-1-2");
        assertThat(action.select("dt:containsOwn(Service) + dd").text()).isEqualTo("Inpatient");
    }

    @Test
    void refusesAnExistingPlanFolderAndWritesNothing() throws IOException {
        Path file = temp.resolve("tracker.xlsx");
        Files.write(file, SeedShapedTables.trackerXlsx());
        Files.createDirectories(content.resolve("plans/taken"));

        Run imported = run("import", "plan", "--content", content.toString(), "--id", "taken", file.toString());

        assertThat(imported.code()).isEqualTo(1);
        assertThat(imported.err()).contains("plans/taken: the plan folder already exists");
        try (Stream<Path> left = Files.list(content.resolve("plans"))) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("taken");
        }
    }

    @Test
    void aSecondImportBeforeTheFirstPlansDecisionsAreMadeSaysWhyNothingWasWritten() throws IOException {
        Path file = temp.resolve("tracker.xlsx");
        Files.write(file, SeedShapedTables.trackerXlsx());
        Run first = run("import", "plan", "--content", content.toString(), "--id", "first", file.toString());
        assertThat(first.code()).as(first.err()).isZero();

        Run second = run("import", "plan", "--content", content.toString(), "--id", "second", file.toString());

        assertThat(second.code()).isEqualTo(1);
        assertThat(second.err().lines().findFirst().orElse("")).as(second.err())
                .contains("the content does not pass check, and an import only adds to content that does");
        assertThat(second.err()).contains("plans/first/");
        assertThat(content.resolve("plans/second")).doesNotExist();
    }

    /** Makes the decisions import listed, as an editor would: an organisation file for the unknown owners, a stage for each status word. */
    /** Imports the table as the plan "tracker", asserting that the import succeeded. */
    private Run importTracker(byte[] table) throws IOException {
        Path file = temp.resolve("tracker.xlsx");
        Files.write(file, table);
        Run imported = run("import", "plan", "--content", content.toString(), "--id", "tracker", file.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        return imported;
    }

    private void decide(String out) throws IOException {
        if (out.contains(PlanDrafter.UNKNOWN_ORGANISATION)) {
            Files.writeString(content.resolve("organisations/" + PlanDrafter.UNKNOWN_ORGANISATION + ".yaml"),
                    "name: The owning team's organisation\ntype: other\n", StandardCharsets.UTF_8);
        }
        Path plan = content.resolve("plans/imported/plan.yaml");
        Files.writeString(plan, Files.readString(plan).replace("lifecycle: " + PlanFiles.UNDECIDED, "lifecycle: in_progress")
                .replaceFirst("(?m)^title: .*" + org.followthrough.format.Placeholder.MARK + ".*$", "title: The plan as published"));
    }

    private BuildResult check() {
        return Pipeline.check(TestBuilds.request(content, null));
    }

    /** Every paragraph of every cell of every table, read with POI directly. */
    private static List<String> docxCells(Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            for (XWPFTable table : document.getTables()) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        for (XWPFParagraph paragraph : cell.getParagraphs()) {
                            add(texts, paragraph.getText());
                        }
                    }
                }
            }
        }
        return texts;
    }

    /** Every line of every cell of every sheet. */
    private static List<String> xlsxCells(Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cell.getStringCellValue().lines().forEach(line -> add(texts, line));
                    }
                }
            }
        }
        return texts;
    }

    private static void add(List<String> texts, String text) {
        String normal = normal(text.replaceFirst("^\\s*•\\s*", ""));
        if (!normal.isEmpty()) {
            texts.add(normal);
        }
    }

    /** Text as read on a page; colons are left out, as a heading printed "Recommendation: 2" is shown "Recommendation 2". */
    private static String normal(String text) {
        return text.replace('\u00a0', ' ').replace(":", " ").replaceAll("\\s+", " ").strip();
    }
}

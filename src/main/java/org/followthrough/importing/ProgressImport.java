package org.followthrough.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.exporting.ProgressSheet;
import org.followthrough.importing.table.Cell;
import org.followthrough.importing.table.Row;
import org.followthrough.importing.table.Table;
import org.followthrough.importing.table.TableFile;
import org.followthrough.importing.table.TableFiles;
import org.followthrough.importing.table.UnreadableFileException;
import org.followthrough.model.Action;
import org.followthrough.format.Characters;
import org.followthrough.format.Limits;
import org.followthrough.format.Placeholder;
import org.followthrough.model.Archive;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.ScaleEntry;
import org.followthrough.output.AtomicFiles;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problem;
import org.followthrough.problem.Problems;
import org.followthrough.problem.Suggestions;
import org.followthrough.source.ContentFiles;
import org.followthrough.source.Node;
import org.followthrough.source.SourceFile;
import org.followthrough.source.YamlReader;

/**
 * {@code import progress}: adds each filled row of a progress workbook (or CSV) as a dated progress
 * update at the end of its action's list. Every row is checked first and every problem reported
 * with its sheet and cell; nothing is written unless the whole import is valid. An update already
 * in the content (same action, date, status and text) is not added again.
 */
public final class ProgressImport {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private ProgressImport() {
    }

    /**
     * @param content the content folder
     * @param asOf    the date no update may be after, or null for today in the site's time zone
     * @param clock   where "today" comes from
     * @param file    the workbook (.xlsx) or CSV file
     */
    public record Request(Path content, LocalDate asOf, Clock clock, Path file) {
    }

    /** An update added to an action. */
    public record Added(String plan, String ref, LocalDate date, String status, String file) {
    }

    /**
     * @param problems         what is wrong; with an error, nothing was written
     * @param added            the updates added
     * @param alreadyThere     rows left out because the content already holds the same update
     * @param writeFailure     why the content files could not be written (none was changed), or null
     */
    public record Result(List<Problem> problems, List<Added> added, int alreadyThere, Problem writeFailure) {

        public boolean hasProblems() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    /** One filled row: the action it names and the update it gives. */
    private record Update(Plan plan, Action action, LocalDate date, String status, String text, String reportedBy, Cell dateCell, int row) {

        Map<String, Object> entry() {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("date", new YamlWriter.Plain(date.toString()));
            if (status != null) {
                entry.put("status", status);
            }
            if (!text.isEmpty()) {
                entry.put("text", new YamlWriter.Block(text));
            }
            if (reportedBy != null) {
                entry.put("reported_by", reportedBy);
            }
            return entry;
        }

        boolean sameAs(ProgressUpdate existing) {
            return date.equals(existing.date())
                    && Objects.equals(status, existing.status() == null ? null : existing.status().code())
                    && normal(text).equals(existing.text() == null ? "" : normal(existing.text().source()));
        }

        /** The same date and status as an update the action has, but other text: a corrected copy of it. */
        boolean sameDayOtherwise(ProgressUpdate existing) {
            return date.equals(existing.date()) && Objects.equals(status, existing.status() == null ? null : existing.status().code());
        }

        boolean sameAs(Update other) {
            return action == other.action && date.equals(other.date) && Objects.equals(status, other.status) && normal(text).equals(normal(other.text));
        }
    }

    public static Result run(Request request) {
        BuildResult checked = CheckedContent.check(request.content(), request.asOf(), request.clock());
        if (checked.archive() == null) {
            return new Result(CheckedContent.whyNotImported(request.content(), checked), List.of(), 0, null);
        }
        Archive archive = checked.archive();
        Problems problems = new Problems();
        List<Problem> ordered = new ArrayList<>();
        // Rows with problems of their own are left out here; the valid ones are still checked below, so every problem is told at once.
        List<Update> updates = read(request.file(), archive, ordered);
        // Same action, date, status and text: already imported, or given twice in the sheet.
        List<Update> fresh = new ArrayList<>();
        int already = 0;
        for (Update update : updates) {
            Optional<Update> sameDay = fresh.stream().filter(f -> f.action() == update.action() && f.date().equals(update.date())).findFirst();
            if (update.action().progress().stream().anyMatch(update::sameAs)) {
                already++;
            } else if (sameDay.isPresent() && sameDay.get().sameAs(update)) {
                ordered.add(Problem.warning(at(update.dateCell()), "this row gives action " + update.action().ref() + " the same update as row "
                                + sameDay.get().row() + ": it is added once",
                        "delete one of the two rows, so that the next import of the workbook is told nothing"));
            } else if (sameDay.isPresent()) {
                // two reports of one day for one action, in other words: the site would show both, and most often one corrects the other
                ordered.add(Problem.error(at(update.dateCell()), "this row and row " + sameDay.get().row() + " both give action "
                                + update.action().ref() + " an update dated " + update.date() + ", and the two differ",
                        "keep one row for the day's update (join their words if both are meant), or correct the date of one"));
            } else if (update.action().progress().stream().anyMatch(update::sameDayOtherwise)) {
                // most likely the same workbook imported before, its text corrected since: adding it would publish both
                ordered.add(Problem.warning(at(update.dateCell()), "action " + update.action().ref() + " already has an update dated "
                                + update.date() + (update.status() == null ? "" : " with this status") + ", with other text: this row"
                                + " is left out, so as not to publish both",
                        "if this row corrects an update imported before, correct that update in the recommendation's file;"
                                + " if both are meant, add this one by hand"));
            } else {
                fresh.add(update);
            }
        }
        Map<String, List<Update>> byAction = new LinkedHashMap<>();
        for (Update update : fresh) {
            byAction.computeIfAbsent(update.plan().id() + "\u0000" + update.action().ref(), a -> new ArrayList<>()).add(update);
        }
        for (List<Update> list : byAction.values()) {
            list.sort(Comparator.comparing(Update::date));
            Update first = list.get(0);
            LocalDate latest = first.action().state().lastUpdated();
            if (latest != null && first.date().isBefore(latest)) {
                ordered.add(Problem.error(at(first.dateCell()), "the update is dated " + first.date() + ", before action "
                        + first.action().ref() + "'s latest update (" + latest + ")",
                        "progress is a history and import adds at its end: check the date, or put this older update in its place with"
                                + " 'followthrough new update " + first.plan().id() + " " + first.action().ref() + " --date " + first.date()
                                + "' and write in its text"));
            }
        }
        if (ordered.stream().anyMatch(Problem::isError)) {
            return new Result(ordered, List.of(), already, null);
        }
        Map<Path, byte[]> files = new LinkedHashMap<>();
        List<Added> added = new ArrayList<>();
        edit(request.content(), byAction, files, added, problems);
        if (problems.hasErrors()) {
            return new Result(problems.sorted(), List.of(), already, null);
        }
        if (!files.isEmpty()) {
            try {
                AtomicFiles.write(files);
            } catch (IOException e) {
                problems.error(Location.of(request.content().toString()), "could not write the content files: " + e.getMessage(),
                        "check that the content folder is writable; no file was changed");
                return new Result(problems.sorted(), List.of(), already, null);
            }
        }
        // the warnings about the workbook (words written where import does not read them), then the content's own
        List<Problem> told = new ArrayList<>(ordered);
        told.addAll(checked.problems());
        return new Result(told, added, already, null);
    }

    /**
     * What reading the rows looks up again and again: the plans by id, and the cells export writes for each action, made
     * once each (a sheet of 25,000 rows compares every row with them).
     */
    private record Lookup(Archive archive, Map<String, Plan> plans, Map<Action, Map<String, String>> cells,
                          Organisation workbookFor) {

        /** @param workbookFor the organisation the workbook was exported for, or null for one of every action */
        static Lookup of(Archive archive, Organisation workbookFor) {
            Map<String, Plan> plans = new HashMap<>();
            archive.plans().forEach(p -> plans.put(p.id(), p));
            return new Lookup(archive, plans, new java.util.IdentityHashMap<>(), workbookFor);
        }

        Optional<Plan> plan(String id) {
            return Optional.ofNullable(plans.get(id));
        }

        Map<String, String> fixedCells(Plan plan, Action action) {
            return cells.computeIfAbsent(action, a -> {
                org.followthrough.model.Recommendation recommendation = plan.recommendations().stream()
                        .filter(r -> r.actions().contains(a)).findFirst().orElseThrow();
                return org.followthrough.exporting.ProgressWorkbook.fixedCells(archive, plan, recommendation, a);
            });
        }
    }

    /** Reads every filled row, checking it against the content; problems are collected in reading order. */
    private static List<Update> read(Path file, Archive archive, List<Problem> problems) {
        String extension = TableFiles.extension(file);
        if (!extension.equals("xlsx") && !extension.equals("csv")) {
            problems.add(Problem.error(Location.of(file.toString()), "import progress reads an Excel workbook (.xlsx) or a CSV file (.csv)",
                    "give the workbook written by 'export progress', as filled in"));
            return List.of();
        }
        TableFile tables;
        try {
            tables = TableFiles.read(file);
        } catch (UnreadableFileException e) {
            problems.add(Problem.error(Location.of(file.toString()), e.getMessage(), e.hint()));
            return List.of();
        }
        List<Update> updates = new ArrayList<>();
        Lookup lookup = Lookup.of(archive, workbookFor(tables, archive, problems));
        boolean found = false;
        for (Table table : tables.tables()) {
            Optional<Row> header = table.rows().stream().filter(r -> !r.isBlank()).findFirst();
            if (header.isEmpty()) {
                continue;
            }
            Map<String, Cell> columns = new HashMap<>();
            for (Cell cell : header.get().cells()) {
                columns.putIfAbsent(normal(cell.text()).toLowerCase(Locale.ROOT), cell);
            }
            List<String> missing = ProgressSheet.REQUIRED.stream().filter(h -> !columns.containsKey(h.toLowerCase(Locale.ROOT))).toList();
            if (missing.size() == ProgressSheet.REQUIRED.size() || !columns.containsKey(ProgressSheet.REF.toLowerCase(Locale.ROOT))) {
                continue; // not a progress sheet (the Statuses and "How to fill in" sheets)
            }
            found = true;
            if (!missing.isEmpty()) {
                problems.add(Problem.error(at(header.get().cells().get(0)), "the header row has no column " + quoteAll(missing),
                        "keep the header row as export progress wrote it; the columns may be moved but not renamed"));
                continue;
            }
            for (Row row : table.rows()) {
                if (row.number() > header.get().number()) {
                    readRow(row, columns, lookup, problems).ifPresent(updates::add);
                }
            }
            notRead(table, header.get(), problems);
        }
        if (!found && semicolonSeparated(tables)) {
            problems.add(Problem.error(Location.of(file.toString()), TableFiles.SEMICOLONS,
                    TableFiles.SEMICOLONS_HINT));
        } else if (!found) {
            problems.add(Problem.error(Location.of(file.toString()), "no sheet has the progress columns " + quoteAll(ProgressSheet.REQUIRED),
                    "import the workbook written by 'export progress' (or a CSV saved from its Progress sheet), with its header row"));
        }
        return updates;
    }

    /**
     * The organisation a workbook was exported for ({@code export progress --organisation}), which it names in a property of
     * its own; null for a workbook of every action, a CSV file, or an organisation the content no longer has (told).
     */
    private static Organisation workbookFor(TableFile tables, Archive archive, List<Problem> problems) {
        String id = tables.properties().get(ProgressSheet.ORGANISATION_PROPERTY);
        if (id == null) {
            return null;
        }
        Optional<Organisation> organisation = archive.organisation(id);
        if (organisation.isEmpty()) {
            problems.add(Problem.warning(Location.of(tables.name()), "the workbook was exported for the organisation '" + id
                            + "', which the content no longer has: its rows are taken for whichever organisation owns each action",
                    "check that the workbook came back from the organisation it was sent to"));
        }
        return organisation.orElse(null);
    }

    /** Whether a file's first row is the progress columns' headings joined by semicolons: a CSV saved with another separator. */
    private static boolean semicolonSeparated(TableFile tables) {
        return tables.tables().stream().flatMap(t -> t.rows().stream().filter(r -> !r.isBlank()).findFirst().stream())
                .anyMatch(header -> header.cells().stream().anyMatch(c -> c.text().contains(";")
                        && java.util.Arrays.stream(c.text().split(";")).map(h -> normal(h).toLowerCase(Locale.ROOT))
                        .anyMatch(h -> h.equals(ProgressSheet.REF.toLowerCase(Locale.ROOT)))));
    }

    /** Warns of each column the sheet gained (a "Comments" column, say) whose cells hold text: import does not read it. */
    private static void notRead(Table table, Row header, List<Problem> problems) {
        for (Cell heading : header.cells()) {
            if (ProgressSheet.COLUMNS.stream().anyMatch(c -> c.equalsIgnoreCase(normal(heading.text())))) {
                continue;
            }
            List<Cell> filled = table.rows().stream().filter(r -> r.number() > header.number())
                    .flatMap(r -> r.at(heading.column()).stream()).filter(c -> !c.isBlank()).toList();
            if (!filled.isEmpty()) {
                problems.add(Problem.warning(at(filled.get(0)), (heading.isBlank() ? "a column with no heading" : "the column '"
                                + normal(heading.text()) + "'") + " is not one import reads: what its " + filled.size() + " filled cell"
                                + (filled.size() == 1 ? "" : "s") + " hold" + (filled.size() == 1 ? "s" : "") + " is not imported",
                        "write what should be published in the New update columns of the action's row"));
            }
        }
    }

    /**
     * Compares the columns export wrote and import does not read with what export would write for the row's action: a
     * row whose cells are another action's was moved onto this plan and ref (rows sorted by some columns only, cells
     * shifted up), and is refused, so that no update lands on the wrong action; words written there are told, as they are
     * not imported.
     */
    private static void checkFixedCells(Row row, Map<String, Cell> columns, Lookup lookup, Plan plan, Action action, boolean updating,
                                        List<Problem> problems) {
        Map<String, String> expected = lookup.fixedCells(plan, action);
        List<Cell> differ = new ArrayList<>();
        for (var column : expected.entrySet()) {
            if (column.getKey().equals(ProgressSheet.PLAN) || column.getKey().equals(ProgressSheet.REF)
                    || !columns.containsKey(column.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            Cell cell = cell(row, columns, column.getKey());
            if (!normal(cell.text()).equals(normal(column.getValue()))) {
                differ.add(cell);
            }
        }
        if (differ.isEmpty()) {
            return;
        }
        Optional<Action> other = !updating ? Optional.empty() : otherActionsCells(row, columns, lookup, plan, action);
        Cell ref = cell(row, columns, ProgressSheet.REF);
        if (other.isPresent()) {
            problems.add(Problem.error(at(ref), "this row's Ref is " + action.ref() + ", but its other cells are those of action "
                            + other.get().ref() + ": the rows were sorted, or cells moved, in some columns only",
                    "put the row back as export progress wrote it (or export again and copy the new update across), so that the update"
                            + " lands on the action it is about"));
            return;
        }
        List<String> names = differ.stream().map(c -> columns.values().stream().filter(h -> h.column() == c.column()).findFirst()
                .map(h -> normal(h.text())).orElse("?")).toList();
        String listed = names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        problems.add(Problem.warning(at(differ.get(0)), "this row's " + listed + (names.size() == 1 ? " is not" : " are not")
                        + " what the content says of action " + action.ref() + " (written over, or moved there from another row):"
                        + " only the New update columns are imported",
                "write what should be published in the New update columns of the action's row; if rows were sorted, sort them back"));
    }

    /** The columns that tell one action from another, where a row's Ref may have been moved away from them. */
    private static final List<String> IDENTIFYING = List.of(ProgressSheet.ACTION, ProgressSheet.OWNERS, ProgressSheet.TARGET);

    /**
     * The other action of the plan whose text, owners and target the row holds where they are not this action's, if any:
     * the row's Ref was moved (rows sorted by their first columns only, cells shifted).
     */
    private static Optional<Action> otherActionsCells(Row row, Map<String, Cell> columns, Lookup lookup, Plan plan, Action action) {
        Map<String, String> own = lookup.fixedCells(plan, action);
        List<String> present = IDENTIFYING.stream().filter(c -> columns.containsKey(c.toLowerCase(Locale.ROOT))).toList();
        return plan.actions().filter(a -> a != action).filter(a -> {
            Map<String, String> cells = lookup.fixedCells(plan, a);
            boolean tells = present.stream().anyMatch(c -> !cells.get(c).isBlank() && !normal(cells.get(c)).equals(normal(own.get(c))));
            return tells && present.stream().allMatch(c -> normal(cell(row, columns, c).text()).equals(normal(cells.get(c))));
        }).findFirst();
    }

    private static Optional<Update> readRow(Row row, Map<String, Cell> columns, Lookup lookup, List<Problem> problems) {
        Archive archive = lookup.archive();
        Cell date = cell(row, columns, ProgressSheet.NEW_DATE);
        Cell status = cell(row, columns, ProgressSheet.NEW_STATUS);
        Cell text = cell(row, columns, ProgressSheet.NEW_TEXT);
        Cell evidence = cell(row, columns, ProgressSheet.NEW_EVIDENCE);
        Cell reportedBy = cell(row, columns, ProgressSheet.NEW_REPORTED_BY);
        if (date.isBlank() && status.isBlank() && text.isBlank() && evidence.isBlank()) {
            if (!reportedBy.isBlank()) {
                // a name filled down the column, say, on rows that have not moved on: told, as it is not imported
                problems.add(Problem.warning(at(reportedBy), "only who reports the update is filled in on this row: it is left out",
                        "give the update's date, and what has happened or the new status; or empty the cell"));
            }
            // nothing new for this action; words written in its other cells are told, as they are not imported
            Optional<Plan> plan = lookup.plan(cell(row, columns, ProgressSheet.PLAN).text().strip());
            String ref = cell(row, columns, ProgressSheet.REF).text().strip();
            plan.ifPresent(p -> p.actions().filter(a -> a.ref().equals(ref)).findFirst()
                    .ifPresent(a -> checkFixedCells(row, columns, lookup, p, a, false, problems)));
            return Optional.empty();
        }
        int before = problems.size();
        Cell planCell = cell(row, columns, ProgressSheet.PLAN);
        Cell refCell = cell(row, columns, ProgressSheet.REF);
        Optional<Plan> plan = lookup.plan(planCell.text().strip());
        Action action = null;
        if (plan.isEmpty()) {
            List<String> ids = archive.plans().stream().map(Plan::id).toList();
            problems.add(Problem.error(at(planCell), planCell.isBlank() ? "the row names no plan" : "there is no plan " + Limits.quote(planCell.text()),
                    Optional.ofNullable(Suggestions.didYouMean(planCell.text(), ids)).orElse("leave the Plan and Ref columns as export progress wrote them")));
        } else {
            String ref = refCell.text().strip();
            action = plan.get().actions().filter(a -> a.ref().equals(ref)).findFirst().orElse(null);
            if (action == null) {
                List<String> refs = plan.get().actions().map(Action::ref).toList();
                problems.add(Problem.error(at(refCell), "plan " + plan.get().id() + " has no action " + Limits.quote(ref),
                        Optional.ofNullable(Suggestions.didYouMean(ref, refs)).orElse("leave the Plan and Ref columns as export progress wrote them")));
            } else if (lookup.workbookFor() != null && !action.isOwnedBy(lookup.workbookFor().id())) {
                // a row copied in from another organisation's workbook: its update is that organisation's to give
                problems.add(Problem.error(at(refCell), "this workbook is " + lookup.workbookFor().name() + "'s, but action " + ref
                                + " of plan " + plan.get().id() + " is not one it owns",
                        "an update to this action comes back in the workbook of the organisation that owns it: delete this row, or, to"
                                + " import updates to any action, export a workbook without --organisation"));
            }
        }
        LocalDate when = null;
        if (date.isBlank()) {
            problems.add(Problem.error(at(date), "the update has no date", "give the date the update describes, e.g. 2026-03-31"));
        } else {
            when = parseDate(trimmed(date)).orElse(null);
            if (when == null) {
                // written as one of the two ways read (YYYY-MM-DD, day/month/year), so the day or month is wrong
                boolean shaped = trimmed(date).matches("\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}");
                problems.add(shaped
                        ? Problem.error(at(date), "'" + date.text() + "' is not a real date", "check the day and month (written as day/month/year,"
                                + " or as YYYY-MM-DD)")
                        : Problem.error(at(date), "'" + date.text() + "' is not a date written in a way that is read",
                                "write it as YYYY-MM-DD, e.g. 2026-03-31, or as day/month/year, e.g. 31/03/2026"));
            } else if (when.getYear() < Limits.EARLIEST_YEAR) {
                problems.add(Problem.error(at(date), "the update is dated " + when + ", before " + Limits.EARLIEST_YEAR
                        + ", the earliest year dates may name", "check the year"));
            } else if (when.isAfter(archive.asOf())) {
                problems.add(Problem.error(at(date), "the update is dated " + when + ", after today (" + archive.asOf() + ")",
                        "an update says what has happened: check the year"));
            }
        }
        String code = null;
        if (!status.isBlank() && plan.isPresent()) {
            code = status(status, plan.get(), problems);
        }
        String what = join(text.text(), evidence.isBlank() ? "" : "Evidence: " + evidence.text());
        if (status.isBlank() && what.isEmpty()) {
            problems.add(Problem.error(at(text), "the update has a date but no status and no text", "say what has happened, or give the new status"));
        }
        for (Cell cell : List.of(text, evidence, reportedBy)) {
            if (cell.text().chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
                problems.add(Problem.error(at(cell), "the cell holds control characters", "retype the text, or paste it as plain text"));
            } else if (Placeholder.isIn(cell.text())) {
                // what check refuses in the content, import does not write there
                problems.add(Problem.error(at(cell), "the cell still holds the placeholder '" + Placeholder.MARK + "'",
                        "write the update in its place, or empty the cell"));
            }
        }
        // the name goes into a one-line field, which check holds to what a line can show
        Characters.first(reportedBy.text(), Characters.BIDI_CONTROL.or(Characters.ZERO_WIDTH)).ifPresent(found -> problems.add(Problem.error(
                at(reportedBy), "the cell holds an invisible character (" + found.describe() + ") that could change how the name reads",
                "retype the name, or paste it as plain text")));
        if (reportedBy.text().strip().length() > Limits.MAX_TEXT_LENGTH) {
            problems.add(Problem.error(at(reportedBy), "the name is " + reportedBy.text().strip().length() + " characters long; who reported"
                    + " an update may be at most " + Limits.MAX_TEXT_LENGTH, "give the name and role of who reported it, not the update"));
        }
        // A row whose update the content already holds was imported before: its other cells describe the action as it was
        // then, and the status it now has is this update's own doing, not a cell written over.
        boolean importedBefore = action != null && when != null
                && action.progress().stream().anyMatch(new Update(plan.get(), action, when, code, what, null, date, row.number())::sameAs);
        if (action != null && !importedBefore) {
            int told = problems.size();
            checkFixedCells(row, columns, lookup, plan.get(), action, true, problems);
            if (problems.subList(told, problems.size()).stream().anyMatch(Problem::isError)) {
                return Optional.empty();
            }
        }
        if (problems.subList(before, problems.size()).stream().anyMatch(Problem::isError) || action == null || when == null) {
            return Optional.empty();
        }
        return Optional.of(new Update(plan.get(), action, when, code, what, reportedBy.isBlank() ? null : reportedBy.line(), date,
                row.number()));
    }

    /** The plan's code for the status given: its code, or its code or label in other capitals. */
    private static String status(Cell cell, Plan plan, List<Problem> problems) {
        String given = trimmed(cell);
        List<ScaleEntry> statuses = plan.scales().statuses().entries();
        for (ScaleEntry entry : statuses) {
            if (entry.code().equals(given)) {
                return entry.code();
            }
        }
        List<ScaleEntry> loose = statuses.stream().filter(e -> e.code().equalsIgnoreCase(given) || e.label().equalsIgnoreCase(given)).toList();
        if (loose.size() == 1) {
            return loose.get(0).code();
        }
        List<String> codes = statuses.stream().map(ScaleEntry::code).toList();
        String hint = Suggestions.didYouMean(given, codes);
        java.util.Optional<org.followthrough.model.Lifecycle> stage = java.util.Arrays.stream(org.followthrough.model.Lifecycle.values())
                .filter(l -> l.label().equalsIgnoreCase(given) || l.code().replace('_', ' ').equalsIgnoreCase(given)
                        || (l == org.followthrough.model.Lifecycle.COMPLETED && given.equalsIgnoreCase("complete")))
                .filter(l -> statuses.stream().noneMatch(e -> e.lifecycle() == l)).findFirst();
        if (hint == null && stage.isPresent()) {
            // the plan has no status at that stage: a drop-down cannot offer one, and the organisation cannot report it
            hint = "the plan's statuses are " + String.join(", ", codes) + ", none of them " + stage.get().label().toLowerCase(Locale.ROOT)
                    + ": the editor adds one to the plan's statuses in plan.yaml (e.g. {code: " + stage.get().code().replace('_', '-')
                    + ", label: " + stage.get().label() + ", lifecycle: " + stage.get().code() + "}), exports the workbook again, and"
                    + " the row is filled in again";
        }
        problems.add(Problem.error(at(cell), "'" + given + "' is not a status of this plan",
                hint != null ? hint : "choose one of " + String.join(", ", codes) + " (the drop-down lists them)"));
        return null;
    }

    /** Writes each action's new updates into its recommendation file. */
    private static void edit(Path content, Map<String, List<Update>> byAction, Map<Path, byte[]> files, List<Added> added, Problems problems) {
        ContentFiles contentFiles = ContentFiles.read(content, problems);
        Map<String, String> texts = new LinkedHashMap<>();
        for (List<Update> updates : byAction.values()) {
            Update first = updates.get(0);
            String folder = "plans/" + first.plan().id() + "/recommendations";
            Optional<SourceFile> found = Optional.empty();
            Node.Mapping action = null;
            for (SourceFile file : contentFiles.under(folder)) {
                String text = texts.getOrDefault(file.path(), file.text());
                Optional<Node.Mapping> match = YamlReader.read(new SourceFile(file.path(), file.display(), text), new Problems())
                        .flatMap(root -> ProgressInserter.action(root, first.action().ref()));
                if (match.isPresent()) {
                    found = Optional.of(file);
                    action = match.get();
                    break;
                }
            }
            if (found.isEmpty()) {
                problems.error(Location.of(contentFiles.display(folder)), "could not find action " + first.action().ref() + " in the plan's recommendation files",
                        "check that the plan's files have not changed since the check; nothing was written");
                continue;
            }
            SourceFile file = found.get();
            String before = texts.getOrDefault(file.path(), file.text());
            List<Map<String, Object>> entries = updates.stream().map(Update::entry).toList();
            try {
                String after = ProgressInserter.insert(before, action, entries);
                verify(file, after, first.action().ref(), updates, problems);
                texts.put(file.path(), after);
            } catch (ProgressInserter.CannotInsert e) {
                problems.error(action.location(), "cannot add progress to action " + first.action().ref() + ": " + e.getMessage(),
                        "nothing was written; rewrite the action in the usual layout (see the content format reference) and import again");
                continue;
            }
            for (Update update : updates) {
                added.add(new Added(update.plan().id(), update.action().ref(), update.date(), update.status(), file.display()));
            }
        }
        for (var entry : texts.entrySet()) {
            Path path = content.resolve(entry.getKey());
            files.put(path, withOriginalBom(path, entry.getValue()));
        }
    }

    /** Reads the edited text back: the action must end with exactly the new updates, and the file must still be valid YAML. */
    private static void verify(SourceFile file, String after, String ref, List<Update> updates, Problems problems) throws ProgressInserter.CannotInsert {
        Problems syntax = new Problems();
        Optional<Node.Mapping> action = YamlReader.read(new SourceFile(file.path(), file.display(), after), syntax)
                .flatMap(root -> ProgressInserter.action(root, ref));
        if (syntax.hasErrors() || action.isEmpty()) {
            throw new ProgressInserter.CannotInsert("the file would not read back as the same YAML after the insertion");
        }
        Node progress = action.get().entry("progress").map(Node.Mapping.Entry::value).orElse(null);
        if (!(progress instanceof Node.Sequence list) || list.items().size() < updates.size()) {
            throw new ProgressInserter.CannotInsert("the new updates would not land in the action's progress list");
        }
        List<Node> tail = list.items().subList(list.items().size() - updates.size(), list.items().size());
        for (int i = 0; i < updates.size(); i++) {
            Update update = updates.get(i);
            if (!(tail.get(i) instanceof Node.Mapping entry) || !scalar(entry, "date").equals(update.date().toString())
                    || !scalar(entry, "status").equals(Objects.toString(update.status(), ""))
                    || !normal(scalar(entry, "text")).equals(normal(update.text()))) {
                throw new ProgressInserter.CannotInsert("the new updates would not land at the end of the action's progress list");
            }
        }
    }

    private static String scalar(Node.Mapping mapping, String key) {
        return mapping.entry(key).map(Node.Mapping.Entry::value).filter(v -> v instanceof Node.Scalar)
                .map(v -> ((Node.Scalar) v).text()).orElse("");
    }

    private static byte[] withOriginalBom(Path path, String text) {
        try {
            byte[] original = Files.readAllBytes(path);
            boolean bom = original.length >= 3 && (original[0] & 0xff) == 0xef && (original[1] & 0xff) == 0xbb && (original[2] & 0xff) == 0xbf;
            return ((bom ? "\uFEFF" : "") + text).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The row's cell under a heading; an empty one where the sheet has no such column (the evidence column deleted, say). */
    private static Cell cell(Row row, Map<String, Cell> columns, String heading) {
        Cell header = columns.get(heading.toLowerCase(Locale.ROOT));
        if (header == null) {
            Cell plan = columns.get(ProgressSheet.PLAN.toLowerCase(Locale.ROOT));
            return new Cell("", -1, 1, plan.where().replaceFirst("[A-Z]+\\d+$", "") + "row " + row.number(), false);
        }
        return row.at(header.column()).map(ProgressImport::withLineBreaks).orElseGet(() ->
                new Cell("", header.column(), 1, header.where().replaceFirst("\\d+$", String.valueOf(row.number())), false));
    }

    /** Line and paragraph separators (U+2028, U+2029, U+0085, as some programs write a line break in a cell) as line breaks. */
    private static Cell withLineBreaks(Cell cell) {
        String text = cell.text();
        if (text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0 && text.indexOf('\u0085') < 0) {
            return cell;
        }
        return new Cell(text.replace('\u2028', '\n').replace('\u2029', '\n').replace('\u0085', '\n'), cell.column(), cell.span(),
                cell.where(), cell.mergedAbove());
    }

    /** A cell's text without the space at its ends, no-break spaces (as pasted from Word) included. */
    private static String trimmed(Cell cell) {
        return cell.text().replace('\u00a0', ' ').strip();
    }

    static Optional<LocalDate> parseDate(String text) {
        for (DateTimeFormatter format : List.of(ISO, UK)) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static Location at(Cell cell) {
        return Location.of(cell.where());
    }

    private static String join(String text, String evidence) {
        if (text.isBlank()) {
            return paragraphs(evidence).strip();
        }
        return evidence.isBlank() ? paragraphs(text).strip() : paragraphs(text).strip() + "\n\n" + paragraphs(evidence).strip();
    }

    private static final java.util.regex.Pattern LIST_ITEM = java.util.regex.Pattern.compile("\\s*([-*+•]|\\d+[.)])\\s.*");

    /**
     * A cell's lines as the owner typed them (Alt+Enter in Excel), each a paragraph of its own: in Markdown a single line
     * break joins two lines into one. Lines of a list stay together.
     */
    static String paragraphs(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            boolean apart = !lines[i - 1].isBlank() && !lines[i].isBlank() && !LIST_ITEM.matcher(lines[i]).matches();
            out.append(apart ? "\n\n" : "\n").append(lines[i]);
        }
        return out.toString();
    }

    private static String normal(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String quoteAll(List<String> headings) {
        return String.join(", ", headings.stream().map(h -> "'" + h + "'").toList());
    }
}

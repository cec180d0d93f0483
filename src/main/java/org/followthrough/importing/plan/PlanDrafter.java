package org.followthrough.importing.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.followthrough.importing.table.Cell;
import org.followthrough.importing.table.Row;
import org.followthrough.importing.table.Table;
import org.followthrough.importing.table.TableFile;
import org.followthrough.model.Organisation;

/**
 * Reads action-plan tables into a {@link Draft}: finds each table's header row and maps its
 * columns, skips header rows repeated where a table runs over a page, joins tables split across
 * pages, reads rows that span the table as recommendation (or section) headings, and adds rows
 * with nothing in the action's own columns to the action above. Nothing of a cell is dropped:
 * a column with no field of its own becomes one of the plan's extra columns, headed as printed.
 */
final class PlanDrafter {

    /** Written where an owner names no organisation the content knows; check fails on it until the editor decides. */
    static final String UNKNOWN_ORGANISATION = org.followthrough.format.Placeholder.UNDECIDED_ORGANISATION;

    private static final Pattern RECOMMENDATION_HEADING = Pattern.compile(
            "^recommendations?\\b\\s*:?\\s*(?:no\\.?\\s*)?(\\d++(?:\\s*+(?:,|and|&)\\s*+\\d++)*+)?\\s*[:.\\-–]?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** A heading's number, "2", "2.1" or "2.1.": its parts repeated possessively, as a loop, not a level of the stack each. */
    private static final Pattern NUMBER = Pattern.compile("\\d++(?:\\.\\d++)*+\\.?");
    private static final Pattern TICKED_TERM = Pattern.compile("\\b(short|medium|long)(?:\\s+term)?\\s*[☒☑✓✔■✗✘xX]", Pattern.CASE_INSENSITIVE);

    private final List<Organisation> organisations;
    private final Map<String, PlanField> given;
    private final Set<String> answered = new HashSet<>();
    private final Draft draft = new Draft();
    private final List<String> mappings = new ArrayList<>();
    private final List<String> unknownOwners = new ArrayList<>();

    private ColumnMapping mapping;
    private int mappedWidth;
    /** The next row comes right after a page break (or a header row repeated after one). */
    private boolean afterBreak;
    private String section;
    private Draft.Recommendation recommendation;
    private Draft.Action action;

    PlanDrafter(List<Organisation> organisations, Map<String, PlanField> given) {
        this.organisations = organisations;
        this.given = given;
    }

    Draft draft() {
        return draft;
    }

    /** The mapping used for each table, as printed to the editor. */
    List<String> mappings() {
        return mappings;
    }

    /** The keys of the --columns mapping that some table's column answered to, by letter or heading. */
    Set<String> answered() {
        return Set.copyOf(answered);
    }

    /** The owners' cells that named no known organisation. */
    List<String> unknownOwners() {
        return unknownOwners;
    }

    /** Reads every table of the file; returns false when no table has a header row this could map. */
    boolean read(TableFile file) {
        boolean any = false;
        for (Table table : file.tables()) {
            any |= read(table);
        }
        file.trailing().forEach(draft.summary::add);
        return any;
    }

    private boolean read(Table table) {
        List<Row> rows = table.rows();
        int width = Math.max(table.width(), 1);
        int header = -1;
        for (int i = 0; i < rows.size() && header < 0; i++) {
            if (!rows.get(i).isBlank() && !isHeading(rows.get(i), width) && ColumnMapping.fieldsNamed(rows.get(i), given) >= 2) {
                header = i;
            }
        }
        boolean sameWidth = mapping != null && table.width() == mappedWidth;
        if (header < 0 && !sameWidth) {
            keepAsText(table);
            return false;
        }
        // A table with the previous one's header, or none at all, is the same table carried over a page break.
        boolean carriedOver = sameWidth && (header < 0 || mapping.isRepeatedBy(rows.get(header)));
        if (!carriedOver) {
            mapping = ColumnMapping.of(rows.get(header), given, table.width());
            answered.addAll(mapping.answeredKeys(given));
            mappedWidth = table.width();
            mappings.add(table.name() + ":");
            mapping.describe().forEach(line -> mappings.add("  " + line));
            section = null;
            recommendation = null;
            action = null;
        }
        caption(table.caption(), !carriedOver);
        for (int i = 0; i < header; i++) {
            beforeHeader(rows.get(i), width);
        }
        afterBreak = carriedOver;
        for (int i = header + 1; i < rows.size(); i++) {
            row(rows.get(i), width);
        }
        return true;
    }

    /** Paragraphs before a table: from a "Recommendation …" paragraph on, the heading of what follows; before it, the plan's summary. */
    private void caption(List<String> paragraphs, boolean newTable) {
        int heading = -1;
        for (int i = 0; i < paragraphs.size(); i++) {
            if (RECOMMENDATION_HEADING.matcher(paragraphs.get(i)).matches()) {
                heading = i;
            }
        }
        List<String> before = heading < 0 ? paragraphs : paragraphs.subList(0, heading);
        if (draft.title == null && !before.isEmpty() && before.get(0).length() <= 200 && !before.get(0).startsWith("- ")) {
            draft.title = before.get(0);
            before = before.subList(1, before.size());
        }
        draft.summary.addAll(before);
        if (heading >= 0) {
            recommendationHeading(null, String.join("\n\n", paragraphs.subList(heading, paragraphs.size())));
        } else if (newTable) {
            recommendation = null;
        }
    }

    private void beforeHeader(Row row, int width) {
        if (row.isBlank()) {
            return;
        }
        if (isHeading(row, width)) {
            String text = headingText(row);
            if (RECOMMENDATION_HEADING.matcher(text).matches()) {
                recommendationHeading(leadingNumber(row), text);
            } else {
                // A heading above the header row names the part of the plan the table is: its actions start afresh.
                section = text.replaceAll("\\s+", " ");
                recommendation = null;
                action = null;
                if (draft.title == null) {
                    draft.title = section;
                }
            }
        } else {
            draft.summary.add(String.join(" | ", row.ownCells().stream().map(Cell::text).toList()));
        }
    }

    /**
     * A row under the header: a heading, the rest of the action above (split over rows, or over a
     * page break), or a new action. A row right after a break continues the action above unless it
     * has a reference of its own; elsewhere a row continues it when it has no text in the action,
     * reference or recommendation columns and at most one cell of text (such as a "Term" box below a target).
     */
    private void row(Row row, int width) {
        if (row.isBlank()) {
            return;
        }
        if (mapping.isRepeatedBy(row)) {
            afterBreak = true;
            return;
        }
        boolean broken = afterBreak;
        afterBreak = false;
        if (isHeading(row, width)) {
            recommendationHeading(leadingNumber(row), headingText(row));
            return;
        }
        boolean anchored = own(row, PlanField.ACTION) || own(row, PlanField.RECOMMENDATION);
        if (action != null && !own(row, PlanField.REF) && (broken || (!anchored && row.ownCells().size() < 2))) {
            continuation(row);
            return;
        }
        // a column of the recommendations' numbers ("Rec No."): a number not met before starts its recommendation
        Optional<String> printedNumber = cell(row, PlanField.RECOMMENDATION_NUMBER).filter(c -> !c.isBlank())
                .map(c -> c.line().replaceFirst("\\.$", ""));
        printedNumber.filter(number -> recommendation == null || !number.equals(recommendation.number)).ifPresent(number ->
                numbered(number).ifPresentOrElse(known -> recommendation = known, () -> newRecommendation(number)));
        Optional<Cell> recommendationCell = cell(row, PlanField.RECOMMENDATION).filter(c -> !c.isBlank());
        if (recommendationCell.isPresent() && !recommendationCell.get().mergedAbove()) {
            String text = recommendationCell.get().text();
            Matcher numbered = RECOMMENDATION_HEADING.matcher(text);
            if (numbered.matches() && numbered.group(1) != null) {
                // "Recommendation 1: …" in the column, row after row: the number is printed, as in a heading row
                recommendationHeading(null, text);
                if (headingOnly(row)) {
                    // nothing but the recommendation and its number: a heading over the actions in the rows below, not an action
                    action = null;
                    return;
                }
            } else {
                if (recommendation == null || (recommendation.text != null && !recommendation.text.equals(text))) {
                    newRecommendation(null);
                }
                recommendation.text = text;
                if (printedNumber.isPresent() && headingOnly(row)) {
                    // its number and its text alone: a heading over the actions below, as "Recommendation N: …" is
                    action = null;
                    return;
                }
            }
        } else if (recommendation == null) {
            newRecommendation(null);
            recommendation.notes.add("No recommendation heading is printed for these actions in the table.");
        }
        action = new Draft.Action();
        action.section = section;
        recommendation.actions.add(action);
        for (ColumnMapping.Column column : mapping.columns()) {
            row.at(column.index()).filter(c -> !c.isBlank()).ifPresent(c -> set(column, c));
        }
        refPrintedFirst();
        if (action.owners.isEmpty()) {
            fallbackOwners();
        }
        detectTerm(row);
    }

    /** A dotted number and the space after it at the start of an action's text ("1.1 Introduce …", "2.3. Audit …"). */
    private static final Pattern PRINTED_REF = Pattern.compile("^(\\d+(?:\\.\\d+)+)\\.?[ \\t]+(?=\\S)");

    /**
     * Where the table has no column of references but the action's text begins with its own ("1.1 Review …"), that is the
     * action's reference: it is taken as such and out of the text, which would otherwise print it twice. Only the reference
     * the action's place makes (the recommendation's number, or where the table prints none its place, then how many
     * actions it has so far): "1.5 million pounds …", "12.03.2024 meeting …" or a second "4.5 FTE …" are words of the text,
     * and stay in it, as does a reference after a gap (1.4 after 1.2), where the reference given on import is listed.
     */
    private void refPrintedFirst() {
        if (action.ref != null || action.description == null) {
            return;
        }
        // a recommendation the table prints no number for is numbered by its place, as the drafted files number it
        String number = recommendation.number != null ? recommendation.number : String.valueOf(draft.recommendations.indexOf(recommendation) + 1);
        Matcher printed = PRINTED_REF.matcher(action.description);
        if (number.matches("\\d+") && printed.find() && printed.group(1).equals(number + "." + recommendation.actions.size())) {
            action.ref = printed.group(1);
            action.description = action.description.substring(printed.end());
        }
    }

    private void set(ColumnMapping.Column column, Cell cell) {
        String text = cell.text();
        boolean repeat = cell.mergedAbove();
        if (repeat && column.field().isMarkdown()) {
            return; // a cell merged down over several actions is kept once
        }
        switch (column.field()) {
            case REF -> action.ref = cell.line();
            case ACTION -> action.description = text;
            case RECOMMENDATION, RECOMMENDATION_NUMBER -> { } // read above
            case OWNER -> owners(cell.line());
            case TARGET -> action.target = cell.line();
            case MONITORING -> action.monitoring = text;
            case DESIRED_OUTCOME -> action.outcome = text;
            case SUCCESS_MEASURE -> action.success = text;
            case EVIDENCE -> text.lines().map(l -> l.replaceFirst("^- ", "").strip()).filter(l -> !l.isEmpty()).forEach(action.evidence::add);
            case QUALITY_ASSURED_BY -> action.qualityAssuredBy = cell.line();
            case FOLLOW_UP -> followUp().text = text;
            case FOLLOW_UP_TARGET -> followUp().target = cell.line();
            case ISSUES_IDENTIFIED -> recommendation.issues = recommendation.issues == null ? text : recommendation.issues;
            case OVERSIGHT -> recommendation.oversight = recommendation.oversight == null ? cell.line() : recommendation.oversight;
            case PRIORITY -> recommendation.priority = recommendation.priority == null ? word(PlanField.PRIORITY, cell.line()) : recommendation.priority;
            case TERM -> action.term = word(PlanField.TERM, cell.line());
            case STATUS, RAG, GRADE, PROGRESS -> dated(column, cell);
            case KEEP -> extra(column, text);
        }
    }

    /** Status, RAG, grade and progress: on the progress entry of the date the heading names, or as published with the action. */
    private void dated(ColumnMapping.Column column, Cell cell) {
        Optional<LocalDate> date = Dates.day(column.heading());
        Draft.Progress entry = date.isPresent() ? action.dated.computeIfAbsent(date.get(), d -> new Draft.Progress()) : null;
        switch (column.field()) {
            case PROGRESS -> {
                if (entry == null) {
                    action.undated = action.undated == null ? new Draft.Progress() : action.undated;
                    entry = action.undated;
                }
                entry.text = cell.text();
            }
            case STATUS -> {
                String code = word(PlanField.STATUS, cell.line());
                if (entry == null) {
                    action.status = code;
                } else {
                    entry.status = code;
                }
            }
            case RAG -> {
                String code = word(PlanField.RAG, cell.line());
                if (entry == null) {
                    action.rag = code;
                } else {
                    entry.rag = code;
                }
            }
            default -> {
                String code = word(PlanField.GRADE, cell.line());
                if (entry == null) {
                    action.grade = code;
                } else {
                    entry.grade = code;
                }
            }
        }
    }

    /** A row with nothing in the action's own columns: the rest of the action above, split over rows or pages. */
    private void continuation(Row row) {
        for (Cell cell : row.ownCells()) {
            Optional<ColumnMapping.Column> column = mapping.at(cell.column());
            PlanField field = column.map(ColumnMapping.Column::field).orElse(PlanField.KEEP);
            String label = column.map(ColumnMapping.Column::label).orElse("Column " + cell.column());
            switch (field) {
                case ACTION -> action.description = append(action.description, cell.text());
                case RECOMMENDATION -> recommendation.text = append(recommendation.text, cell.text());
                case MONITORING -> action.monitoring = append(action.monitoring, cell.text());
                case DESIRED_OUTCOME -> action.outcome = append(action.outcome, cell.text());
                case SUCCESS_MEASURE -> action.success = append(action.success, cell.text());
                case FOLLOW_UP -> followUp().text = append(followUp().text, cell.text());
                case ISSUES_IDENTIFIED -> recommendation.issues = append(recommendation.issues, cell.text());
                case EVIDENCE -> set(column.get(), cell);
                case PROGRESS -> {
                    Optional<LocalDate> date = Dates.day(column.get().heading());
                    Draft.Progress entry = date.map(d -> action.dated.computeIfAbsent(d, x -> new Draft.Progress())).orElseGet(() -> {
                        action.undated = action.undated == null ? new Draft.Progress() : action.undated;
                        return action.undated;
                    });
                    entry.text = append(entry.text, cell.text());
                }
                case KEEP -> extra(column.orElse(new ColumnMapping.Column(cell.column(), 1, "", PlanField.KEEP)), cell.text());
                default -> action.notes.add("**" + label + " (continued):** " + cell.text());
            }
        }
        detectTerm(row);
    }

    /**
     * Text in a column with no field of its own: the action's value in the plan's extra column of that
     * heading (declared on first use), after any text already there.
     */
    private void extra(ColumnMapping.Column column, String text) {
        String label = column.label();
        String id = draft.columns.entrySet().stream().filter(e -> e.getValue().equals(label)).map(Map.Entry::getKey).findFirst()
                .orElseGet(() -> {
                    String base = org.followthrough.format.ContentFormat.idFrom(label);
                    String unique = base.isEmpty() ? "column" : base;
                    for (int n = 2; draft.columns.containsKey(unique); n++) {
                        unique = (base.isEmpty() ? "column" : base) + "-" + n;
                    }
                    draft.columns.put(unique, label);
                    return unique;
                });
        action.extra.merge(id, text, PlanDrafter::append);
    }

    /** A ticked box in a Short/Medium/Long term group ("Short ☒ Medium ☐ Long ☐") sets the action's term. */
    private void detectTerm(Row row) {
        for (Cell cell : row.ownCells()) {
            Matcher ticked = TICKED_TERM.matcher(cell.text().replace("\n", " "));
            if (ticked.find() && action.term == null) {
                action.term = word(PlanField.TERM, ticked.group(1).substring(0, 1).toUpperCase(Locale.ROOT)
                        + ticked.group(1).substring(1).toLowerCase(Locale.ROOT));
            }
        }
    }

    private void recommendationHeading(String numberCell, String text) {
        Matcher m = RECOMMENDATION_HEADING.matcher(text);
        String rest = text;
        String found = numberCell;
        if (m.matches()) {
            found = numberCell != null ? numberCell : m.group(1);
            rest = m.group(2).strip();
        }
        String number = found == null ? null : found.replaceAll("\\s+", " ").strip();
        Draft.Recommendation existing = number == null ? null : numbered(number).orElse(null);
        if (existing != null && (existing.title != null || existing.text != null || !existing.lead.isEmpty())) {
            recommendation = existing;
            if (existing.printed.add(text) && !rest.isEmpty() && !rest.equals(existing.title) && !rest.equals(existing.text)
                    && !rest.equals(existing.leadAsPublished)) {
                existing.notes.add("Also printed as: " + rest);
            }
            action = null;
            return;
        }
        if (existing != null) {
            // numbered already by a column of numbers, and described here first
            recommendation = existing;
            action = null;
        } else {
            newRecommendation(number);
        }
        recommendation.printed.add(text);
        if (m.matches() && m.group(1) != null) {
            String printed = text.substring(0, m.end(1));
            if (!printed.replace(":", "").replaceAll("\\s+", " ").strip().equals("Recommendation " + number)) {
                recommendation.notes.add("The heading is printed \"" + text.lines().findFirst().orElse(text).strip() + "\".");
            }
        }
        List<String> lead = organisationsIn(rest);
        if (!lead.isEmpty() && namesOnly(rest)) {
            recommendation.lead.addAll(lead);
            recommendation.leadAsPublished = rest;
        } else if (!rest.isEmpty()) {
            String[] parts = rest.split("\n+", 2);
            String first = parts[0].replaceFirst("^- ", "").strip();
            if (first.length() <= 150) {
                recommendation.title = first;
                recommendation.text = parts.length > 1 ? parts[1].strip() : null;
            } else {
                recommendation.text = rest;
            }
        }
    }

    /** The recommendation of the draft with this number, if there is one yet. */
    private Optional<Draft.Recommendation> numbered(String number) {
        return draft.recommendations.stream().filter(r -> number.equals(r.number)).findFirst();
    }

    private void newRecommendation(String number) {
        recommendation = new Draft.Recommendation();
        recommendation.number = number;
        draft.recommendations.add(recommendation);
        action = null;
    }

    private Draft.FollowUp followUp() {
        if (action.followUps.isEmpty()) {
            action.followUps.add(new Draft.FollowUp());
        }
        return action.followUps.get(0);
    }

    private void owners(String text) {
        List<String> found = organisationsIn(text);
        if (found.isEmpty()) {
            unknownOwners.add(text);
            action.owners.add(new Draft.Owner(UNKNOWN_ORGANISATION, text));
            return;
        }
        // A cell that only names the organisations ("EPUT", "Kent County Council and EPUT") says no more than the owners do.
        String role = namesOnly(text) ? null : text;
        for (String id : found) {
            action.owners.add(new Draft.Owner(id, role));
        }
    }

    /** An owner cell that names no organisation: the recommendation's lead, or the table's section heading, where they name one. */
    private void fallbackOwners() {
        List<String> ids = !recommendation.lead.isEmpty() ? recommendation.lead : section == null ? List.of() : organisationsIn(section);
        ids.forEach(id -> action.owners.add(new Draft.Owner(id, null)));
        if (ids.isEmpty()) {
            action.owners.add(new Draft.Owner(UNKNOWN_ORGANISATION, null));
            unknownOwners.add("(no owner printed for action in " + (recommendation.number == null ? "an unnumbered recommendation" : "recommendation " + recommendation.number) + ")");
        }
    }

    /**
     * The ids of the organisations a text names, by full name or short name, in the order it names
     * them; where one name is part of another ("HMP Hewell" in "HMP Hewell (Healthcare)"), the longer wins.
     */
    List<String> organisationsIn(String text) {
        record Found(int start, int end, String id) {
        }
        List<Found> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Organisation organisation : organisations) {
            String name = organisation.name().toLowerCase(Locale.ROOT);
            for (int at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
                found.add(new Found(at, at + name.length(), organisation.id()));
            }
            if (organisation.shortName() != null && organisation.shortName().length() >= 2) {
                Matcher word = Pattern.compile("\\b" + Pattern.quote(organisation.shortName()) + "\\b").matcher(text);
                while (word.find()) {
                    found.add(new Found(word.start(), word.end(), organisation.id()));
                }
            }
        }
        found.sort(java.util.Comparator.comparingInt((Found f) -> f.end() - f.start()).reversed());
        List<Found> kept = new ArrayList<>();
        for (Found f : found) {
            if (kept.stream().noneMatch(k -> f.start() < k.end() && k.start() < f.end())) {
                kept.add(f);
            }
        }
        kept.sort(java.util.Comparator.comparingInt(Found::start));
        return kept.stream().map(Found::id).distinct().toList();
    }

    /** Whether a text is only organisations' names ("HMP Hewell (Healthcare) and HMP Birmingham (Healthcare)"), not a sentence naming one. */
    private boolean namesOnly(String text) {
        String rest = text.toLowerCase(Locale.ROOT);
        List<Organisation> longestFirst = organisations.stream()
                .sorted(java.util.Comparator.comparingInt((Organisation o) -> o.name().length()).reversed()).toList();
        for (Organisation organisation : longestFirst) {
            rest = rest.replace(organisation.name().toLowerCase(Locale.ROOT), " ");
            if (organisation.shortName() != null) {
                rest = rest.replaceAll("\\b" + Pattern.quote(organisation.shortName().toLowerCase(Locale.ROOT)) + "\\b", " ");
            }
        }
        return rest.replaceAll("\\band\\b|[,&;()/]", " ").isBlank();
    }

    /** The code a scale word is written as; the word is remembered to define the plan's scale. */
    private String word(PlanField scale, String word) {
        Map<String, String> words = draft.words.computeIfAbsent(scale, s -> new LinkedHashMap<>());
        for (var entry : words.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(word)) {
                return entry.getValue();
            }
        }
        String code = org.followthrough.format.ContentFormat.idFrom(word);
        if (code.isEmpty()) {
            code = "value-" + (words.size() + 1);
        }
        String unique = code;
        for (int n = 2; words.containsValue(unique); n++) {
            unique = code + "-" + n;
        }
        words.put(word, unique);
        return unique;
    }

    /** A table with no header row this could map: its text is kept in the plan's summary, row by row. */
    private void keepAsText(Table table) {
        caption(table.caption(), true);
        for (Row row : table.rows()) {
            if (!row.isBlank()) {
                draft.summary.add(String.join(" | ", row.ownCells().stream().map(c -> c.text().replace("\n", " ")).toList()));
            }
        }
    }

    /**
     * A heading row: one cell of text across the table (merged across at least two columns, or
     * alone in the first column of a wide table), with perhaps a number in a cell before it.
     */
    private static boolean isHeading(Row row, int width) {
        List<Cell> cells = row.ownCells();
        if (cells.size() == 2 && cells.get(0).column() == 0 && NUMBER.matcher(cells.get(0).text()).matches()) {
            cells = cells.subList(1, 2);
        }
        if (cells.size() != 1) {
            return false;
        }
        Cell only = cells.get(0);
        return (only.span() >= 2 && only.span() * 2 >= width - 1) || (only.column() == 0 && width >= 3 && row.ownCells().size() == 1
                && !NUMBER.matcher(only.text()).matches() && row.cells().stream().filter(c -> c.mergedAbove() && !c.isBlank()).findAny().isEmpty());
    }

    private static String headingText(Row row) {
        List<Cell> cells = row.ownCells();
        return cells.get(cells.size() - 1).text();
    }

    private static String leadingNumber(Row row) {
        List<Cell> cells = row.ownCells();
        return cells.size() == 2 ? cells.get(0).text().replaceFirst("\\.$", "") : null;
    }

    /** Whether the row's only text is in the recommendation's columns, and the reference's where it is the recommendation's number. */
    private boolean headingOnly(Row row) {
        java.util.Set<Integer> heading = new java.util.HashSet<>();
        mapping.column(PlanField.RECOMMENDATION).ifPresent(c -> heading.add(c.index()));
        mapping.column(PlanField.RECOMMENDATION_NUMBER).ifPresent(c -> heading.add(c.index()));
        // a reference other than the recommendation's own number ("1.1" beside "Recommendation 1: …") is an action's
        Optional<Integer> ref = mapping.column(PlanField.REF).map(ColumnMapping.Column::index);
        return row.ownCells().stream().allMatch(c -> c.isBlank() || heading.contains(c.column())
                || ref.filter(r -> r == c.column()).isPresent() && c.line().replaceFirst("\\.$", "").equals(recommendation.number));
    }

    private boolean own(Row row, PlanField field) {
        return cell(row, field).filter(c -> !c.isBlank() && !c.mergedAbove()).isPresent();
    }

    private Optional<Cell> cell(Row row, PlanField field) {
        return mapping.column(field).flatMap(c -> row.at(c.index()));
    }

    private static String append(String text, String more) {
        return text == null ? more : text + "\n\n" + more;
    }
}

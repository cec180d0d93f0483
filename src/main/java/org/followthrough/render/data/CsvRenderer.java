package org.followthrough.render.data;

import org.followthrough.render.Routes;
import static org.followthrough.render.data.ActionRecord.iso;
import static org.followthrough.render.data.ActionRecord.label;
import static org.followthrough.render.data.ActionRecord.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.followthrough.model.Archive;
import org.followthrough.model.Evidence;
import org.followthrough.model.ExtraColumn;
import org.followthrough.model.FollowUp;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Organisation;
import org.followthrough.model.Owner;
import org.followthrough.model.Plan;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.Site;
import org.followthrough.render.Dates;
import org.followthrough.render.Utf8Text;

/**
 * The actions as CSV, one row per action with every field and the latest status, for a plan, an
 * organisation or the whole site; and the CSV on the Web (W3C CSVW) metadata that describes the
 * columns.
 *
 * <p>The CSV follows RFC 4180: fields separated by commas, quoted with double quotes when they hold
 * a comma, a quote or a line break, quotes doubled, and every record (the header too) ending in
 * CRLF. Line breaks inside a quoted field are kept as the content has them (LF). The text starts
 * with a byte order mark, so that spreadsheets read it as UTF-8. Dates are ISO 8601; booleans are
 * {@code true} or {@code false}; an empty field means no value. Lists (owners and their roles) are
 * separated by {@value #SEPARATOR}.
 *
 * <p>A plan's own extra columns follow the common columns: in the plan's CSV one column each, headed
 * as the plan heads it; in the CSVs that mix plans (an organisation's, the site's) one column whose
 * cell holds each of the row's plan's extra columns in a JSON object, keyed by heading.
 *
 * <p>Pure and thread-safe: every method works only from its arguments.
 */
public final class CsvRenderer {

    /** Byte order mark: spreadsheets otherwise read UTF-8 CSV as their legacy code page. */
    public static final String BOM = "\uFEFF";
    public static final String CRLF = "\r\n";
    /** Between the items of a list-valued field, as the CSVW metadata's "separator" says. */
    public static final String SEPARATOR = "; ";
    /** Between the roles of one owner, within an item of the owners' roles. */
    public static final String ROLE_SEPARATOR = " / ";

    private CsvRenderer() {
    }

    /** What a column's value is made from: an action in its plan, the archive's organisations by id, and the as-of date. */
    public record Cell(ActionRecord record, Map<String, Organisation> organisations, Site site, java.time.LocalDate asOf) {
    }

    /**
     * A column: its machine {@code name} (CSVW name, also the JSON field where there is one), its
     * {@code title} (the CSV header cell), its CSVW datatype (a name such as "date", or a map with a
     * "base" and a "format"), what it holds, whether every row has a value, the list separator for
     * list-valued columns (or null), and how its value is made.
     */
    public record Column(String name, String title, Object datatype, String description, boolean required,
                         String separator, Function<Cell, String> value) {
    }

    private static final String MARKDOWN = " Given as its Markdown source (CommonMark), which reads as plain text:"
            + " '-' starts a list item, '**' marks bold; the site shows it formatted.";

    private static final List<Column> COLUMNS = List.of(
            column("plan_id", "Plan ID", "string", true,
                    "The plan's identifier on this site: its page is plans/<plan_id>/.",
                    c -> c.record().plan().id()),
            column("plan_reference", "Plan reference", "string", false,
                    "The plan's reference as published; empty when it has none.",
                    c -> c.record().plan().reference()),
            column("plan_title", "Plan title", "string", true,
                    "The plan's title.",
                    c -> c.record().plan().title()),
            column("plan_target_completion", "Plan target completion", "string", false,
                    "When the whole plan was to be done, in its own words as the action's target is given; empty when it gives no"
                            + " such date.",
                    c -> ActionRecord.targetText(c.record().plan().targetCompletion())),
            column("plan_target_completion_passed", "Plan target completion passed", "boolean", true,
                    "true when the date by which the whole plan was to be done had passed on the date the data was worked out,"
                            + " whether or not this action is done: an open action of such a plan is late as part of it, though"
                            + " not overdue against a target of its own.",
                    c -> Boolean.toString(c.record().plan().targetCompletionPassed(c.asOf()))),
            column("recommendation_number", "Recommendation", "string", true,
                    "The number of the recommendation the action responds to, as published.",
                    c -> c.record().recommendation().number()),
            column("recommendation_title", "Recommendation title", "string", false,
                    "The recommendation's title or theme, as published.",
                    c -> c.record().recommendation().title()),
            column("recommendation_text", "Recommendation text", "string", false,
                    "The recommendation as published, repeated on the row of each of its actions: many plans give an action no"
                            + " words of its own beyond it." + MARKDOWN,
                    c -> text(c.record().recommendation().text())),
            column("issues_identified", "Issues identified", "string", false,
                    "What the investigation found that the recommendation answers, as published." + MARKDOWN,
                    c -> text(c.record().recommendation().issuesIdentified())),
            column("priority", "Priority", "string", false,
                    "The recommendation's priority, in the plan's own words.",
                    c -> label(c.record().recommendation().priority())),
            list("lead", "Recommendation lead",
                    "The organisations the plan names as the recommendation's lead, by name, in the same order as the lead IDs,"
                            + " separated by '" + SEPARATOR + "'. The lead need not own the action: the owner columns say who does.",
                    c -> ActionRecord.names(c.record().recommendation().lead(), c.organisations())),
            list("lead_ids", "Recommendation lead IDs",
                    "The same organisations by identifier (each organisation's page is organisations/<id>/), separated by '"
                            + SEPARATOR + "'.",
                    c -> c.record().recommendation().lead()),
            column("oversight", "Recommendation oversight", "string", false,
                    "Who oversees the recommendation, as published (a board, a committee, a named body).",
                    c -> c.record().recommendation().oversight()),
            list("oversight_ids", "Recommendation oversight IDs",
                    "The oversight bodies, by organisation identifier (each organisation's page is organisations/<id>/), separated by '"
                            + SEPARATOR + "'.",
                    c -> c.record().recommendation().oversightBy()),
            column("action_ref", "Action", "string", true,
                    "The action's reference as published; unique within its plan.",
                    c -> c.record().action().ref()),
            column("section", "Section", "string", false,
                    "The heading of the part of the published document the action appears under.",
                    c -> c.record().action().section()),
            column("description", "Action description", "string", false,
                    "The action as published." + MARKDOWN,
                    c -> text(c.record().action().description())),
            list("owners", "Owners",
                    "The organisations that own the action, by name, each once (so that a pivot table counts each"
                            + " organisation's actions as the site does), in the same order as the owner IDs, separated by '"
                            + SEPARATOR + "'.",
                    c -> c.record().ownerNames(c.organisations())),
            list("owner_ids", "Owner IDs",
                    "The owners' organisation identifiers on this site (each organisation's page is organisations/<id>/),"
                            + " each once, in the same order as the owners, separated by '" + SEPARATOR + "'.",
                    c -> c.record().ownerIds()),
            list("listed_owner_ids", "Listed owner IDs",
                    "The organisation identifier of each owner the plan lists, in the plan's order, separated by '" + SEPARATOR
                            + "': an organisation the plan lists as several owners (each with its own role or person) has an item"
                            + " for each, so that the owner roles and owner names, item by item, belong to the organisation here.",
                    c -> c.record().action().owners().stream().map(Owner::organisationId).toList()),
            list("owner_roles", "Owner roles",
                    "Each owner's role, team or directorate as published, one item for each owner the plan lists, in the"
                            + " same order as the listed owner IDs, separated by '" + SEPARATOR + "'; an empty item where the plan names none, and an"
                            + " empty field where it names none for any owner. An owner with several roles has them separated by '"
                            + ROLE_SEPARATOR + "'.",
                    c -> c.record().action().owners().stream().map(o -> o.roles().isEmpty() ? null : String.join(ROLE_SEPARATOR, o.roles())).toList()),
            list("owner_names", "Owner names",
                    "The person named for each owner the plan lists, in the same order as the listed owner IDs and the owner roles, separated by '"
                            + SEPARATOR + "'; an empty item where the plan names no one, and an empty field where it names no"
                            + " one for any owner.",
                    c -> c.record().action().owners().stream().map(Owner::name).toList()),
            column("target", "Target (as published)", "string", false,
                    "The target in the plan's own words; where the plan printed a plain date, that date as"
                            + " '30 June 2024'. Empty when the action has no target.",
                    c -> ActionRecord.targetText(c.record().action().target())),
            column("target_date", "Target date",
                    datatype("string", "^(\\d{4}-\\d{2}(-\\d{2})?|ongoing)$"), false,
                    "What the target means: a day (YYYY-MM-DD), a month (YYYY-MM) or 'ongoing'. Empty when the"
                            + " wording names no real date (such as 'Completed' or '31 September 2020') or there is no target.",
                    c -> ActionRecord.targetDate(c.record().action().target())),
            column("target_deadline", "Target deadline", "date", false,
                    "The last day on which the target is met: the day, or the last day of the month. Empty for"
                            + " ongoing or undated targets.",
                    c -> iso(ActionRecord.deadline(c.record().action().target()))),
            column("status", "Status", "string", false,
                    "The latest status published, in the plan's own words. Empty when none has been published.",
                    c -> label(c.record().action().state().status())),
            column("lifecycle", "Lifecycle",
                    datatype("string", "^(" + Arrays.stream(Lifecycle.values()).map(Lifecycle::code)
                            .collect(Collectors.joining("|")) + ")$"), true,
                    "The latest status on the lifecycle common to every plan: " + Arrays.stream(Lifecycle.values())
                            .map(l -> l.code() + " (" + l.label() + ": " + l.description() + ")")
                            .collect(Collectors.joining("; ")) + ".",
                    c -> c.record().action().state().lifecycle().code()),
            column("status_since", "Status since", "date", false,
                    "The date of the update from which the latest status's lifecycle stage has held (another"
                            + " of the plan's words for the same stage, Completed then Complete, does not move it). Empty when not"
                            + " known: a status published with the action, or by an update without a date, has no date of its own,"
                            + " and a later dated update repeating the stage does not give it one.",
                    c -> iso(c.record().action().state().statusSince())),
            column("grade", "Grade", "string", false,
                    "The latest assurance grade published, in the plan's own words.",
                    c -> label(c.record().action().state().grade())),
            column("rag", "RAG", "string", false,
                    "The latest red/amber/green rating published, in the plan's own words.",
                    c -> label(c.record().action().state().rag())),
            column("term", "Term", "string", false,
                    "Short, medium or long term, in the plan's own words.",
                    c -> label(c.record().action().term())),
            column("overdue", "Overdue", "boolean", true,
                    "true when the target's deadline had passed on the date the data was worked out (see the"
                            + " table's description), a status was published for the action, and it was not completed,"
                            + " embedded or closed (with no status published, see Target passed without status).",
                    c -> Boolean.toString(c.record().action().state().overdue())),
            column("target_passed_without_status", "Target passed without status", "boolean", true,
                    "true when the target's deadline had passed on the date the data was worked out and no status was ever"
                            + " published for the action: it is then not called overdue, as nothing says it is not done.",
                    c -> Boolean.toString(c.record().action().state().targetPassedWithoutStatus())),
            column("not_updated_recently", "Not updated recently", "boolean", true,
                    "true when the action was not done and its latest dated progress update was older than the site's"
                            + " limit (or it had none) on the date the data was worked out.",
                    c -> Boolean.toString(c.record().action().state().stale())),
            column("last_updated", "Last updated", "date", false,
                    "The date of the latest dated progress update. Empty when there is none.",
                    c -> iso(c.record().action().state().lastUpdated())),
            column("completed_on", "Completed on", "date", false,
                    "The date of the update that first reported the action done (completed, embedded or closed). Empty where"
                            + " the action was published as done, or first reported done, without a date.",
                    c -> iso(c.record().action().state().completedOn())),
            column("latest_progress_date", "Latest progress date", "date", false,
                    "The date of the latest progress update with text (the one the column 'Latest progress' gives)."
                            + " Empty when that update is undated.",
                    c -> {
                        ProgressUpdate latest = c.record().latestProgress();
                        return latest == null ? null : iso(latest.date());
                    }),
            column("latest_progress_date_as_published", "Latest progress date as published", "string", false,
                    "The date of that update in the published document's own words, where it is not exact.",
                    c -> {
                        ProgressUpdate latest = c.record().latestProgress();
                        return latest == null ? null : latest.dateAsPublished();
                    }),
            column("latest_progress", "Latest progress", "string", false,
                    "The text of the latest progress update that has text." + MARKDOWN,
                    c -> {
                        ProgressUpdate latest = c.record().latestProgress();
                        return latest == null ? null : text(latest.text());
                    }),
            column("progress_updates", "Progress updates", "nonNegativeInteger", true,
                    "How many progress updates the action has; the JSON download has each of them.",
                    c -> Integer.toString(c.record().action().progress().size())),
            column("monitoring", "Monitoring", "string", false,
                    "The measurement tool or monitoring arrangements." + MARKDOWN,
                    c -> text(c.record().action().monitoring())),
            column("frequency", "Monitoring frequency", "string", false,
                    "How often the action is monitored, as published.",
                    c -> c.record().action().frequency()),
            column("desired_outcome", "Desired outcome", "string", false,
                    "The outcome the action should bring about." + MARKDOWN,
                    c -> text(c.record().action().desiredOutcome())),
            column("success_measure", "Success measure", "string", false,
                    "How success is measured." + MARKDOWN,
                    c -> text(c.record().action().successMeasure())),
            column("evidence", "Evidence", "string", false,
                    "The evidence items, one per line: what it is, then ' — ' and where it is published, then"
                            + " ' — held: ' and where it is held, where the plan says.",
                    c -> joinOrNull(c.record().action().evidence().stream().map(CsvRenderer::evidence).toList(), "\n")),
            column("quality_assured_by", "Quality assured by", "string", false,
                    "Who quality-assures the action, as published.",
                    c -> c.record().action().qualityAssuredBy()),
            column("follow_ups", "Follow-ups", "string", false,
                    "Further actions required after review, separated by a blank line: the text (Markdown source, its"
                            + " paragraphs a single line break apart, so that a blank line only ever separates two follow-ups),"
                            + " then ' — target: ' and the target as published, then ' — status: ' and the status, where given.",
                    c -> joinOrNull(c.record().action().followUps().stream().map(CsvRenderer::followUp).toList(), "\n\n")),
            column("follow_ups_past_their_dates", "Follow-ups past their dates", "nonNegativeInteger", true,
                    "How many of the action's follow-ups had passed their dates on the date the data was worked out without being"
                            + " reported done: they are not among the overdue actions, which count the actions' own targets.",
                    c -> Integer.toString(Plan.followUpsPassed(List.of(c.record().action()), c.asOf()))),
            column("note", "Note", "string", false,
                    "Anything a reader should know about the action or its transcription." + MARKDOWN,
                    c -> text(c.record().action().note())),
            list("from_recommendation", "From the recommendation",
                    "Which of the action's values its recommendation gives once for all its actions, separated by '" + SEPARATOR
                            + "': 'owners' (the owner columns), 'target' (the target columns), 'progress' (some of its progress updates,"
                            + " and so perhaps its status and latest progress), and the ids of the plan's extra columns. Empty when every"
                            + " value is the action's own.",
                    c -> ActionRecord.inherited(c.record().action())),
            list("themes", "Themes",
                    "The site's themes the action comes under (its recommendation's and its own), by label, separated by '"
                            + SEPARATOR + "'. Themes are the site's editorial judgement, not part of the plan as published.",
                    c -> c.record().action().themes().stream().map(id -> c.site().theme(id).label()).toList()),
            list("theme_ids", "Theme IDs",
                    "The same themes by identifier (each theme's page is themes/<id>/), separated by '" + SEPARATOR + "'.",
                    c -> c.record().action().themes()),
            column("url", "Link", "anyURI", true,
                    "The action on this site.",
                    c -> c.record().url(c.site())));

    /** The extra columns of the plans mixed in one CSV, as a JSON object keyed by each column's heading. */
    private static final Column EXTRA_COLUMNS = column("extra_columns", "Plan's own columns", "json", false,
            "The values in the columns the action's plan publishes beyond the common ones, as a JSON object: each key a"
                    + " column's heading as published, each value the action's (or its recommendation's) text, as Markdown source,"
                    + " or null where it has none (the plan's own CSV leaves that cell empty)."
                    + " Empty when the plan has no such column. The plan's own CSV gives each in a column of its own.",
            c -> extraColumns(c.record()));

    /** The common columns, in order; the header row holds their titles. */
    public static List<Column> columns() {
        return COLUMNS;
    }

    /** The columns of a plan's CSV: the common ones, then one for each of the plan's extra columns. */
    public static List<Column> columns(Plan plan) {
        List<Column> columns = new ArrayList<>(COLUMNS);
        for (ExtraColumn extra : plan.extraColumns()) {
            // A heading the common columns already use would make the header ambiguous.
            boolean taken = COLUMNS.stream().anyMatch(c -> c.title().equalsIgnoreCase(extra.label().strip()));
            columns.add(column("extra_" + extra.id().replace('-', '_'), taken ? extra.label() + " (plan's column)" : extra.label(), "string", false,
                    "A column of the plan: its heading as published" + (extra.description() == null ? "."
                            : ", and what it holds: " + text(extra.description())) + " The action's value, or its recommendation's"
                            + " for all its actions (see 'From the recommendation')." + MARKDOWN,
                    c -> text(ActionRecord.extraColumn(c.record().action(), extra.id()))));
        }
        return List.copyOf(columns);
    }

    /** The columns of a CSV that mixes plans: the common ones, then the plans' extra columns in one. */
    public static List<Column> mixedColumns() {
        List<Column> columns = new ArrayList<>(COLUMNS);
        columns.add(EXTRA_COLUMNS);
        return List.copyOf(columns);
    }

    // ---- the CSV ----

    public static Utf8Text plan(Archive archive, Plan plan) {
        return csv(archive, ActionRecord.of(plan), columns(plan));
    }

    public static Utf8Text organisation(Archive archive, Organisation organisation) {
        return csv(archive, ActionRecord.ownedBy(archive, organisation), mixedColumns());
    }

    public static Utf8Text site(Archive archive) {
        return site(archive, plan -> siteRows(archive, plan).bytes());
    }

    /** The site's CSV, with each plan's rows as {@code rows} gives them: {@link #siteRows}, made now or in an earlier build. */
    public static Utf8Text site(Archive archive, Function<Plan, byte[]> rows) {
        Utf8Text out = header(mixedColumns());
        archive.plans().forEach(plan -> out.append(rows.apply(plan)));
        return out;
    }

    /** A plan's rows of the site's CSV, which is joined from them. */
    public static Utf8Text siteRows(Archive archive, Plan plan) {
        return rows(new Utf8Text(), archive, ActionRecord.of(plan), mixedColumns());
    }

    /** Any list of actions as CSV, with the header row. */
    public static Utf8Text csv(Archive archive, List<ActionRecord> records, List<Column> columns) {
        return rows(header(columns), archive, records, columns);
    }

    private static Utf8Text header(List<Column> columns) {
        Utf8Text out = new Utf8Text().append(BOM);
        record(out, columns.stream().map(Column::title).toList());
        return out;
    }

    private static Utf8Text rows(Utf8Text out, Archive archive, List<ActionRecord> records, List<Column> columns) {
        Map<String, Organisation> organisations = archive.organisationsById();
        for (ActionRecord r : records) {
            Cell cell = new Cell(r, organisations, archive.site(), archive.asOf());
            record(out, columns.stream().map(c -> c.value().apply(cell)).toList());
        }
        return out;
    }

    private static String extraColumns(ActionRecord record) {
        if (record.plan().extraColumns().isEmpty()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (ExtraColumn extra : record.plan().extraColumns()) {
            values.put(extra.label(), text(ActionRecord.extraColumn(record.action(), extra.id())));
        }
        return Json.compact(values);
    }

    /** The first characters that make a spreadsheet read a cell as a formula. */
    static final String FORMULA_STARTS = "=+-@\t\r";

    static void record(Utf8Text out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append(CRLF);
    }

    /**
     * One field: as it is, or quoted with its quotes doubled when it holds a comma, a quote or a line
     * break. A text that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab or a
     * carriage return: a Markdown list, or something hostile) gets a leading apostrophe, so that it is
     * shown as the text it is and never run. So does a text that starts with an apostrophe of its own,
     * so that one apostrophe taken from the start of any cell that has one gives back every text as
     * published (and a spreadsheet, which hides the first, shows the second).
     */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && (FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 || value.charAt(0) == '\'')) {
            value = "'" + value;
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    // ---- the CSVW metadata ----

    /** The CSVW metadata of {@link #plan}, for {@code plans/<id>/actions.csv-metadata.json}. */
    public static String planMetadata(Archive archive, Plan plan) {
        String name = plan.reference() != null ? plan.title() + " (" + plan.reference() + ")" : plan.title();
        return metadata(archive, "Actions of " + name,
                "One row per action of the plan " + name + ", with every field as published and the latest status.",
                Routes.plan(plan.id()), columns(plan));
    }

    /** The CSVW metadata of {@link #organisation}, for {@code organisations/<id>/actions.csv-metadata.json}. */
    public static String organisationMetadata(Archive archive, Organisation organisation) {
        return metadata(archive, "Actions owned by " + organisation.name(),
                "One row per action that " + organisation.name() + " owns, alone or with others, in any plan, with every"
                        + " field as published and the latest status.",
                Routes.organisation(organisation.id()), mixedColumns());
    }

    /** The CSVW metadata of {@link #site}, for {@code data/actions.csv-metadata.json}. */
    public static String siteMetadata(Archive archive) {
        return metadata(archive, "Every action: " + archive.site().title(),
                "One row per action of every plan on the site, with every field as published and the latest status.",
                Routes.ACTIONS, mixedColumns());
    }

    /** What every CSV's metadata says of texts a spreadsheet could take for formulas. */
    static final String FORMULA_NOTE = " A text that starts with =, +, -, @ or a tab is written with a leading "
            + "apostrophe, so that spreadsheets show it as text and never run it as a formula; so is a text that starts with "
            + "an apostrophe, so that taking one apostrophe from the start of every cell that has one gives each text as published.";

    private static String metadata(Archive archive, String title, String description, String pagePath, List<Column> columnList) {
        Site site = archive.site();
        List<Map<String, Object>> columns = columnList.stream()
                .map(c -> columnMetadata(c.name(), c.title(), c.description(), c.datatype(), c.required(), c.separator())).toList();
        return metadata(archive, Routes.CSV, title, description + FORMULA_NOTE + " Statuses, overdue and not-updated-recently flags are as at "
                + Dates.format(archive.asOf()) + "; an action is flagged not updated recently after "
                + site.staleAfterMonths() + " months without a dated progress update. The same actions are on the web page "
                + Routes.url(site, pagePath) + ".", pagePath, columns, List.of("plan_id", "action_ref"));
    }

    /**
     * A metadata document. Its {@code url} is the CSV's file name: the metadata sits next to the
     * CSV, and CSVW resolves the name against the metadata's own address.
     */
    static String metadata(Archive archive, String csvFile, String title, String description, String pagePath,
                           List<Map<String, Object>> columns, List<String> primaryKey) {
        Site site = archive.site();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", List.of("http://www.w3.org/ns/csvw", Map.of("@language", site.language())));
        root.put("url", csvFile);
        root.put("dc:title", title);
        root.put("dc:description", description);
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("schema:name", site.publisher());
        publisher.put("schema:url", Map.of("@id", site.baseUrl()));
        root.put("dc:publisher", publisher);
        root.put("dc:language", site.language());
        root.put("dc:date", archive.asOf().toString());
        root.put("dcat:landingPage", Map.of("@id", Routes.url(site, pagePath)));
        Map<String, Object> dialect = new LinkedHashMap<>();
        dialect.put("encoding", "utf-8");
        dialect.put("lineTerminators", List.of(CRLF));
        dialect.put("quoteChar", "\"");
        dialect.put("doubleQuote", true);
        dialect.put("delimiter", ",");
        dialect.put("header", true);
        dialect.put("headerRowCount", 1);
        // CSVW trims every cell unless told not to: "Kate Davies; " (two owners' names, the second not published) would
        // lose the separator's space and read as one name.
        dialect.put("trim", false);
        root.put("dialect", dialect);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("columns", columns);
        if (!primaryKey.isEmpty()) {
            schema.put("primaryKey", primaryKey);
        }
        root.put("tableSchema", schema);
        return Json.data(root);
    }

    /** One column as CSVW describes it; {@code separator} is null for a column that holds one value. */
    static Map<String, Object> columnMetadata(String name, String title, String description, Object datatype, boolean required,
                                              String separator) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("name", name);
        column.put("titles", title);
        column.put("dc:description", description);
        column.put("datatype", datatype);
        column.put("required", required);
        if (separator != null) {
            // the items are in the plan's order, and lists of one column line up item by item with another's
            // (owner_roles with listed_owner_ids): without "ordered", a CSVW processor makes them sets
            column.put("separator", separator);
            column.put("ordered", true);
        }
        return column;
    }

    // ---- helpers ----

    private static Column column(String name, String title, Object datatype, boolean required, String description,
                                 Function<Cell, String> value) {
        return new Column(name, title, datatype, description, required, null, value);
    }

    private static Column list(String name, String title, String description, Function<Cell, List<String>> items) {
        return new Column(name, title, "string", description, false, SEPARATOR, c -> {
            List<String> values = items.apply(c);
            if (values.stream().allMatch(Objects::isNull)) {
                return null;
            }
            return values.stream().map(v -> v == null ? "" : v).collect(Collectors.joining(SEPARATOR));
        });
    }

    static Map<String, Object> datatype(String base, String format) {
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("base", base);
        type.put("format", format);
        return type;
    }

    private static String evidence(Evidence e) {
        StringBuilder line = new StringBuilder(e.text());
        if (e.link() != null) {
            line.append(" — ").append(e.link());
        }
        if (e.location() != null) {
            line.append(" — held: ").append(e.location());
        }
        return line.toString();
    }

    /**
     * A line break with blank lines after it, as one class of characters rather than a repeated group: a group repeated
     * once for each of tens of thousands of blank lines runs Java's matcher out of stack.
     */
    private static final String BLANK_LINES = "\n[ \t\n]*\n";

    private static String followUp(FollowUp f) {
        // Blank lines separate the follow-ups, so one follow-up's own paragraphs are a single line break apart here.
        StringBuilder text = new StringBuilder(Objects.requireNonNullElse(text(f.text()), "").strip().replaceAll(BLANK_LINES, "\n"));
        if (f.target() != null && ActionRecord.targetText(f.target()) != null) {
            text.append(" — target: ").append(ActionRecord.targetText(f.target()));
        }
        if (f.status() != null) {
            text.append(" — status: ").append(f.status().label());
        }
        return text.toString();
    }

    private static String joinOrNull(List<String> items, String separator) {
        return items.isEmpty() ? null : String.join(separator, items);
    }
}

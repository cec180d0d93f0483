package org.followthrough.render.data;

import static org.followthrough.render.data.ActionRecord.iso;
import static org.followthrough.render.data.ActionRecord.label;
import static org.followthrough.render.data.ActionRecord.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.followthrough.model.Archive;
import org.followthrough.model.ChangesSince;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Organisation;
import org.followthrough.model.Owner;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.ScaleEntry;
import org.followthrough.model.Timeline;
import org.followthrough.render.Dates;
import org.followthrough.render.Routes;
import org.followthrough.render.Utf8Text;

/**
 * What changed after a date ({@code build --since}) as CSV, one row per change: each new action,
 * each change of status, each progress update, each target that passed, and each undated update that
 * may fall in the period. Written as {@link CsvRenderer} writes the actions (RFC 4180, CRLF, a byte
 * order mark, ISO dates, formulas defused), with CSVW metadata describing the columns.
 */
public final class ChangesCsv {

    /** What a row records. */
    public enum Kind {
        NEW_ACTION("new_action", "the action's plan was published in the period; the date is the plan's publication (or start)"),
        STATUS_CHANGED("status_changed", "a progress update changed the action's status; one row for each change"),
        PROGRESS_UPDATE("progress_update", "a progress update dated in the period (or undated, after one dated in it)"),
        TARGET_PASSED("target_passed", "the last day of the action's target fell in the period; the date is that day"),
        UNDATED_UPDATE("undated_update", "an undated progress update that may or may not fall in the period: it cannot be known");

        private final String code;
        private final String meaning;

        Kind(String code, String meaning) {
            this.code = code;
            this.meaning = meaning;
        }

        public String code() {
            return code;
        }
    }

    /** One change: its kind, the action, the update it comes from (or null), the statuses before and after (status changes), and its date. */
    private record Row(Kind kind, Timeline.Item item, ProgressUpdate update, ScaleEntry before, ScaleEntry after, LocalDate date) {
    }

    private record Cell(Row row, Map<String, Organisation> organisations, String baseUrl) {
    }

    private record Column(String name, String title, Object datatype, String description, boolean required, String separator,
                          Function<Cell, String> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            column("change", "Change", pattern(Arrays.stream(Kind.values()).map(Kind::code).toList()), true,
                    "What the row records: " + Arrays.stream(Kind.values()).map(k -> k.code + " (" + k.meaning + ")")
                            .collect(Collectors.joining("; ")) + ".",
                    c -> c.row().kind().code()),
            column("date", "Date", "date", false,
                    "When it happened (see the column 'Change'). Empty for an undated update.",
                    c -> iso(c.row().date())),
            column("date_as_published", "Date as published", "string", false,
                    "The update's date in the published document's own words, where it is not exact.",
                    c -> c.row().update() == null ? null : c.row().update().dateAsPublished()),
            column("plan_id", "Plan ID", "string", true,
                    "The plan's identifier on this site: its page is plans/<plan_id>/.",
                    c -> c.row().item().plan().id()),
            column("plan_reference", "Plan reference", "string", false,
                    "The plan's reference as published; empty when it has none.",
                    c -> c.row().item().plan().reference()),
            column("plan_title", "Plan title", "string", true,
                    "The plan's title.",
                    c -> c.row().item().plan().title()),
            column("action_ref", "Action", "string", true,
                    "The action's reference as published; unique within its plan.",
                    c -> c.row().item().action().ref()),
            new Column("owner_ids", "Owner IDs", "string",
                    "The owners' organisation identifiers on this site, separated by '" + CsvRenderer.SEPARATOR + "'.", true,
                    CsvRenderer.SEPARATOR,
                    c -> c.row().item().action().owners().stream().map(Owner::organisationId).distinct()
                            .collect(Collectors.joining(CsvRenderer.SEPARATOR))),
            column("status_before", "Status before", "string", false,
                    "For status_changed: the status before the change, in the plan's own words; empty when none had been published.",
                    c -> label(c.row().before())),
            column("status_after", "Status after", "string", false,
                    "For status_changed: the status the update gave; for other updates, the status the update gives, if any.",
                    c -> label(c.row().after())),
            column("lifecycle_after", "Lifecycle after", lifecycles(), false,
                    "The status after, on the lifecycle common to every plan.",
                    c -> c.row().after() == null ? null : c.row().after().lifecycle().code()),
            column("status_now", "Status now", "string", false,
                    "The action's latest status on the as-of date, in the plan's own words; empty when none has been published.",
                    c -> label(c.row().item().action().state().status())),
            column("lifecycle_now", "Lifecycle now", lifecycles(), true,
                    "The action's latest status on the common lifecycle.",
                    c -> c.row().item().action().state().lifecycle().code()),
            column("target", "Target (as published)", "string", false,
                    "The action's target in the plan's own words.",
                    c -> ActionRecord.targetText(c.row().item().action().target())),
            column("completed_on", "Completed on", "date", false,
                    "The date of the update that first reported the action done, where it gives one.",
                    c -> iso(c.row().item().action().state().completedOn())),
            column("text", "Progress", "string", false,
                    "The progress update's text (Markdown source, which reads as plain text).",
                    c -> c.row().update() == null ? null : text(c.row().update().text())),
            column("url", "Link", "anyURI", true,
                    "The action on its recommendation's page on this site.",
                    c -> c.baseUrl() + link(c.row().item().plan(), c.row().item().action())));

    private ChangesCsv() {
    }

    /** The action on its recommendation's page (a row names the plan and the action; the plan says which recommendation holds it). */
    private static String link(org.followthrough.model.Plan plan, org.followthrough.model.Action action) {
        for (org.followthrough.model.Recommendation r : plan.recommendations()) {
            if (r.actions().stream().anyMatch(a -> a == action)) {
                return Routes.action(plan.id(), r.number(), action.ref());
            }
        }
        return Routes.plan(plan.id());
    }

    /** The changes as CSV, with the header row. */
    public static Utf8Text csv(Archive archive, ChangesSince changes) {
        Map<String, Organisation> organisations = archive.organisationsById();
        Utf8Text out = new Utf8Text().append(CsvRenderer.BOM);
        CsvRenderer.record(out, COLUMNS.stream().map(Column::title).toList());
        for (Row row : rows(changes)) {
            Cell cell = new Cell(row, organisations, archive.site().baseUrl());
            CsvRenderer.record(out, COLUMNS.stream().map(c -> c.value().apply(cell)).toList());
        }
        return out;
    }

    /** The CSVW metadata of {@link #csv}; {@code pagePath} is the page that shows the same changes, {@code whose} what they cover. */
    public static String metadata(Archive archive, ChangesSince changes, String pagePath, String whose) {
        return CsvRenderer.metadata(archive, Routes.CHANGES_CSV, "Changes after " + Dates.format(changes.since()) + ": " + whose,
                "What changed to " + whose + " after " + Dates.format(changes.since()) + ", up to " + Dates.format(changes.asOf())
                        + ", as the plans' dated progress updates record it: one row per change." + CsvRenderer.FORMULA_NOTE
                        + " The same changes are on the web page " + Routes.url(archive.site(), pagePath) + ".",
                pagePath,
                COLUMNS.stream().map(c -> CsvRenderer.columnMetadata(c.name(), c.title(), c.description(), c.datatype(), c.required(),
                        c.separator())).toList(),
                List.of());
    }

    /** The columns' names, in order. */
    public static List<String> columnNames() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    /** The rows, in the order the page lists the changes. */
    private static List<Row> rows(ChangesSince changes) {
        List<Row> rows = new ArrayList<>();
        changes.newActions().forEach(n -> rows.add(new Row(Kind.NEW_ACTION, n.item(), null, null, null, n.on())));
        for (ChangesSince.StatusChange change : changes.statusChanges()) {
            change.steps().forEach(s -> rows.add(new Row(Kind.STATUS_CHANGED, change.item(), s.update(), s.from(), s.to(), s.update().date())));
        }
        changes.updates().forEach(u -> rows.add(new Row(Kind.PROGRESS_UPDATE, u.item(), u.entry().update(), null,
                u.entry().update().status(), u.entry().update().date())));
        changes.passedTargets().forEach(t -> rows.add(new Row(Kind.TARGET_PASSED, t.item(), null, null, null, t.deadline())));
        changes.undated().forEach(u -> rows.add(new Row(Kind.UNDATED_UPDATE, u.item(), u.entry().update(), null,
                u.entry().update().status(), null)));
        return rows;
    }

    private static Column column(String name, String title, Object datatype, boolean required, String description,
                                 Function<Cell, String> value) {
        return new Column(name, title, datatype, description, required, null, value);
    }

    private static Map<String, Object> pattern(List<String> codes) {
        return CsvRenderer.datatype("string", "^(" + String.join("|", codes) + ")$");
    }

    private static Map<String, Object> lifecycles() {
        return pattern(Arrays.stream(Lifecycle.values()).map(Lifecycle::code).toList());
    }
}

package org.followthrough.assemble;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.followthrough.format.Doc;
import org.followthrough.format.Ref;
import org.followthrough.model.Action;
import org.followthrough.model.DefaultScales;
import org.followthrough.model.ActionState;
import org.followthrough.model.AddressedRecommendation;
import org.followthrough.model.ColumnValue;
import org.followthrough.model.ExtraColumn;
import org.followthrough.model.Inherited;
import org.followthrough.model.Markdown;
import org.followthrough.model.Shared;
import org.followthrough.model.Target;
import org.followthrough.model.Archive;
import org.followthrough.model.Evidence;
import org.followthrough.model.FollowUp;
import org.followthrough.model.HistoryDetail;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Organisation;
import org.followthrough.model.OrganisationType;
import org.followthrough.model.Owner;
import org.followthrough.model.Plan;
import org.followthrough.model.PlanKind;
import org.followthrough.model.PlanUpdate;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.Recommendation;
import org.followthrough.model.Scale;
import org.followthrough.model.ScaleEntry;
import org.followthrough.model.Scales;
import org.followthrough.model.Site;
import org.followthrough.model.SourceDocument;
import org.followthrough.model.Tally;
import org.followthrough.model.Theme;
import org.followthrough.validate.ValidContent;

/**
 * Turns validated documents into the immutable model, computing what the content never states:
 * each action's latest status and since when, whether it is overdue or not updated recently, and
 * the totals by plan. Everything is computed against one as-of date.
 */
public final class Assembler {

    private final LocalDate asOf;

    public Assembler(LocalDate asOf) {
        this.asOf = asOf;
    }

    public Archive assemble(ValidContent content) {
        return assemble(content, List.of());
    }

    /** Assembles the content, with plans assembled before from files that have not changed since. */
    public Archive assemble(ValidContent content, List<Plan> reused) {
        Site site = site(content.site());
        List<Organisation> organisations = content.organisations().stream()
                .map(o -> organisation(o.id(), o.doc()))
                .sorted(Comparator.comparing(Organisation::name).thenComparing(Organisation::id))
                .toList();
        List<Plan> plans = java.util.stream.Stream.concat(content.plans().parallelStream().map(p -> plan(p, site)), reused.stream())
                .sorted(PLAN_ORDER)
                .toList();
        return new Archive(site, asOf, organisations, plans);
    }

    /**
     * Newest first by publication date (or start, or first update: {@link Plan#placedOn}), then by title, so the home page
     * leads with recent plans, and the list of plans is in the order of the years it is narrowed by.
     */
    static final Comparator<Plan> PLAN_ORDER = Comparator
            .comparing(Plan::placedOn, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Plan::title)
            .thenComparing(Plan::id);

    public static Site site(Doc doc) {
        Scales defaults = DefaultScales.get();
        Scales scales = doc.has("scales") ? scales(doc.doc("scales"), defaults) : defaults;
        return new Site(
                doc.text("title"),
                doc.text("publisher"),
                doc.text("base_url"),
                doc.text("language"),
                doc.zone("time_zone"),
                doc.markdown("description"),
                doc.markdown("contact"),
                doc.has("stale_after_months") ? doc.whole("stale_after_months") : Site.DEFAULT_STALE_AFTER_MONTHS,
                doc.has("brand_colour") ? doc.text("brand_colour").toLowerCase(java.util.Locale.ROOT) : Site.DEFAULT_BRAND_COLOUR,
                scales,
                doc.has("change_history") ? HistoryDetail.fromCode(doc.text("change_history")) : HistoryDetail.DEFAULT,
                doc.docs("themes").stream().map(t -> new Theme(t.text("id"), t.text("label"), t.markdown("description"))).toList(),
                doc.markdown("themes_note"));
    }

    static Organisation organisation(String id, Doc doc) {
        return new Organisation(id, doc.text("name"), doc.text("short_name"), OrganisationType.fromCode(doc.text("type")),
                doc.text("website"), doc.text("ods_code"), doc.markdown("description"), doc.text("brand_colour"),
                doc.text("logo"), doc.text("published_plans_url"), doc.text("base_url"));
    }

    private static Scales scales(Doc doc, Scales fallback) {
        return new Scales(
                scale(doc, "grades", fallback.grades()),
                scale(doc, "priorities", fallback.priorities()),
                scale(doc, "rag", fallback.rag()),
                scale(doc, "terms", fallback.terms()),
                scale(doc, "statuses", fallback.statuses()));
    }

    private static Scale scale(Doc doc, String field, Scale fallback) {
        if (!doc.has(field)) {
            return fallback;
        }
        return new Scale(doc.docs(field).stream()
                .map(e -> new ScaleEntry(e.text("code"), e.text("label"), e.markdown("description"),
                        e.has("lifecycle") ? Lifecycle.fromCode(e.text("lifecycle")) : null))
                .toList());
    }

    private Plan plan(ValidContent.PlanDocs docs, Site site) {
        Doc doc = docs.plan();
        Scales scales = doc.has("scales") ? scales(doc.doc("scales"), site.scales()) : site.scales();
        List<ExtraColumn> columns = doc.docs("extra_columns").stream()
                .map(c -> new ExtraColumn(c.text("id"), c.text("label"), c.markdown("description")))
                .toList();
        List<String> columnOrder = columns.stream().map(ExtraColumn::id).toList();
        List<Recommendation> recommendations = docs.recommendations().stream()
                .map(r -> recommendation(r, scales, site, columnOrder))
                .toList();
        Doc source = doc.doc("source");
        Tally tally = Tally.of(recommendations.stream().flatMap(r -> r.actions().stream()).toList());
        return new Plan(
                docs.id(),
                doc.text("title"),
                doc.text("reference"),
                PlanKind.fromCode(doc.text("kind")),
                doc.text("kind_as_published"),
                doc.text("subject"),
                ids(doc.refs("commissioned_by")),
                doc.text("commissioned_by_as_published"),
                ids(doc.refs("investigated_by")),
                ids(doc.refs("organisations")),
                doc.date("published"),
                doc.date("start"),
                doc.target("target_completion"),
                doc.text("date_range"),
                doc.texts("care_units"),
                doc.markdown("summary"),
                doc.docs("updates").stream().map(u -> new PlanUpdate(u.date("date"), u.text("title"), u.markdown("note"))).toList(),
                source == null ? null : new SourceDocument(source.text("title"), source.text("url"), source.markdown("notes")),
                scales,
                columns,
                doc.docs("addressed_without_action").stream()
                        .map(a -> new AddressedRecommendation(a.text("number"), a.text("title"), a.markdown("reason")))
                        .toList(),
                recommendations,
                tally,
                // no status the plan gives is dated: none is the status since a day, nor given by a dated update
                recommendations.stream().flatMap(r -> r.actions().stream()).anyMatch(a -> a.state().status() != null)
                        && recommendations.stream().flatMap(r -> r.actions().stream()).noneMatch(a -> a.state().statusSince() != null
                                || a.progress().stream().anyMatch(u -> u.date() != null && u.status() != null)),
                doc.texts("former_ids"));
    }

    private Recommendation recommendation(Doc doc, Scales scales, Site site, List<String> columnOrder) {
        Shared shared = new Shared(owners(doc), doc.target("target"), progress(doc, scales, true), columnValues(doc, columnOrder));
        List<String> themes = ids(doc.refs("themes"));
        return new Recommendation(
                doc.text("number"),
                doc.text("title"),
                doc.markdown("text"),
                doc.markdown("issues_identified"),
                entry(scales.priorities(), doc.ref("priority")),
                ids(doc.refs("lead")),
                doc.text("lead_as_published"),
                doc.text("oversight"),
                ids(doc.refs("oversight_by")),
                doc.markdown("note"),
                shared.isEmpty() ? Shared.NONE : shared,
                doc.docs("actions").stream().map(a -> action(a, scales, site, shared, columnOrder, themes)).toList(),
                inSiteOrder(site, themes));
    }

    /** An action comes under its recommendation's themes and its own, each once, in the order site.yaml lists them. */
    private static List<String> inSiteOrder(Site site, List<String> themes) {
        return site.themes().stream().map(Theme::id).filter(themes::contains).toList();
    }

    /**
     * An action with what its recommendation shares: the recommendation's owners, target and extra
     * column values where it has none of its own, and the recommendation's progress merged into its own.
     */
    private Action action(Doc doc, Scales scales, Site site, Shared shared, List<String> columnOrder, List<String> recommendationThemes) {
        List<String> themes = new ArrayList<>(recommendationThemes);
        themes.addAll(ids(doc.refs("themes")));
        List<Owner> own = owners(doc);
        boolean inheritsOwners = own.isEmpty() && !shared.owners().isEmpty();
        Target target = doc.target("target");
        boolean inheritsTarget = target == null && shared.target() != null;
        List<ColumnValue> ownColumns = columnValues(doc, columnOrder);
        List<ColumnValue> columns = new ArrayList<>();
        List<String> inheritedColumns = new ArrayList<>();
        for (String id : columnOrder) {
            ColumnValue value = find(ownColumns, id);
            if (value == null && (value = find(shared.extraColumns(), id)) != null) {
                inheritedColumns.add(id);
            }
            if (value != null) {
                columns.add(value);
            }
        }
        List<ProgressUpdate> progress = merge(shared.progress(), progress(doc, scales, false));
        ScaleEntry status = entry(scales.statuses(), doc.ref("status"));
        ScaleEntry grade = entry(scales.grades(), doc.ref("grade"));
        ScaleEntry rag = entry(scales.rag(), doc.ref("rag"));
        if (inheritsTarget) {
            target = shared.target();
        }
        return new Action(
                doc.text("ref"),
                doc.markdown("description"),
                doc.text("section"),
                inheritsOwners ? shared.owners() : own,
                target,
                doc.markdown("monitoring"),
                doc.text("frequency"),
                doc.markdown("desired_outcome"),
                doc.markdown("success_measure"),
                doc.docs("evidence").stream().map(e -> new Evidence(e.text("text"), e.text("link"), e.text("location"))).toList(),
                entry(scales.terms(), doc.ref("term")),
                status,
                rag,
                grade,
                doc.text("quality_assured_by"),
                doc.docs("follow_ups").stream()
                        .map(f -> new FollowUp(f.markdown("text"), f.target("target"), entry(scales.statuses(), f.ref("status"))))
                        .toList(),
                doc.markdown("note"),
                progress,
                List.copyOf(columns),
                inheritsOwners || inheritsTarget || !inheritedColumns.isEmpty()
                        ? new Inherited(inheritsOwners, inheritsTarget, inheritedColumns) : Inherited.NONE,
                new ActionStateCalculator(asOf, site.staleAfterMonths()).state(status, grade, rag, target, progress),
                inSiteOrder(site, themes));
    }

    private static List<Owner> owners(Doc doc) {
        return doc.docs("owners").stream()
                .map(o -> new Owner(o.ref("organisation").id(), o.texts("role"), o.text("name")))
                .toList();
    }

    private static List<ProgressUpdate> progress(Doc doc, Scales scales, boolean shared) {
        return doc.docs("progress").stream()
                .map(p -> new ProgressUpdate(p.date("date"), p.text("date_as_published"),
                        entry(scales.statuses(), p.ref("status")), entry(scales.grades(), p.ref("grade")),
                        entry(scales.rag(), p.ref("rag")), p.markdown("text"), p.text("reported_by"), shared))
                .toList();
    }

    /** The values of the plan's extra columns, in the order the plan declares the columns. */
    private static List<ColumnValue> columnValues(Doc doc, List<String> columnOrder) {
        java.util.Map<String, Markdown> byId = new java.util.HashMap<>();
        doc.keyed("extra_columns").forEach((ref, value) -> byId.put(ref.id(), (Markdown) value));
        return columnOrder.stream().filter(byId::containsKey).map(id -> new ColumnValue(id, byId.get(id))).toList();
    }

    private static ColumnValue find(List<ColumnValue> values, String id) {
        return values.stream().filter(v -> v.column().equals(id)).findFirst().orElse(null);
    }

    /**
     * The recommendation's progress and the action's own, as one history in date order. Each list is in
     * date order already; an undated update keeps its place after the update before it in its own list,
     * and on the same date the recommendation's come first.
     */
    static List<ProgressUpdate> merge(List<ProgressUpdate> shared, List<ProgressUpdate> own) {
        if (shared.isEmpty() || own.isEmpty()) {
            return shared.isEmpty() ? own : shared;
        }
        List<ProgressUpdate> merged = new ArrayList<>(shared.size() + own.size());
        int s = 0;
        int o = 0;
        LocalDate lastShared = null;
        LocalDate lastOwn = null;
        while (s < shared.size() || o < own.size()) {
            if (s < shared.size() && shared.get(s).date() != null) {
                lastShared = shared.get(s).date();
            }
            if (o < own.size() && own.get(o).date() != null) {
                lastOwn = own.get(o).date();
            }
            // An undated update before any dated one in its list comes first.
            boolean takeShared = o >= own.size()
                    || (s < shared.size() && (lastShared == null || (lastOwn != null && !lastShared.isAfter(lastOwn))));
            merged.add(takeShared ? shared.get(s++) : own.get(o++));
        }
        return List.copyOf(merged);
    }
    private static ScaleEntry entry(Scale scale, Ref ref) {
        return ref == null ? null : scale.find(ref.id()).orElseThrow(() -> new IllegalStateException("unvalidated code " + ref));
    }

    private static List<String> ids(List<Ref> refs) {
        List<String> ids = new ArrayList<>();
        refs.forEach(r -> ids.add(r.id()));
        return List.copyOf(ids);
    }

    /** Exposed for the derived-state rules' own tests. */
    public static ActionState stateOf(LocalDate asOf, int staleAfterMonths, ScaleEntry status,
                                      Target target, List<ProgressUpdate> progress) {
        return new ActionStateCalculator(asOf, staleAfterMonths).state(status, null, null, target, progress);
    }
}

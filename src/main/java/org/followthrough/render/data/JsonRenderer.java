package org.followthrough.render.data;

import org.followthrough.render.Routes;
import static org.followthrough.render.data.ActionRecord.iso;
import static org.followthrough.render.data.ActionRecord.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followthrough.model.Action;
import org.followthrough.model.Archive;
import org.followthrough.model.Change;
import org.followthrough.model.ColumnValue;
import org.followthrough.model.ExtraColumn;
import org.followthrough.model.Owner;
import org.followthrough.model.HistoryEntry;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.Scale;
import org.followthrough.model.ScaleEntry;
import org.followthrough.model.Site;
import org.followthrough.model.Tally;
import org.followthrough.model.Target;
import org.followthrough.model.ThemeIndex;
import org.followthrough.render.view.ViewFactory;

/**
 * The plans as open data in JSON: a plan in full (every field, its scales, recommendations, actions,
 * follow-ups, progress updates and each action's derived state), an organisation with the actions it
 * owns grouped by plan, each in brief (its text, owners, target and state, and a link to the plan's
 * document for the rest), and the site with its plans and organisations.
 *
 * <p>Every document names its JSON Schema with {@code "$schema"} (see {@link JsonSchemaWriter}) and
 * always has every key, null where there is no value, so that it has the same shape for every
 * plan. Keys are snake_case, named as in the content files where there is one, and come in a fixed
 * order; the text is compact (no spaces or line breaks between values, which tools lay out for reading)
 * and ends in a line break, so that the same content and as-of date always give the same bytes.
 * Markdown fields hold the Markdown source.
 *
 * <p>Pure and thread-safe: every method works only from its arguments.
 */
public final class JsonRenderer {

    private JsonRenderer() {
    }

    /** For {@code plans/<id>/plan.json}. */
    public static String plan(Archive archive, Plan plan) {
        Map<String, Object> root = header(archive, Routes.PLAN_SCHEMA);
        root.put("plan", fullPlan(archive, plan));
        return Json.data(root);
    }

    /** For {@code organisations/<id>/organisation.json}. */
    public static String organisation(Archive archive, Organisation organisation) {
        Map<String, Object> root = header(archive, Routes.ORGANISATION_SCHEMA);
        Map<String, Organisation> organisations = archive.organisationsById();
        root.put("organisation", organisationDetails(archive.site(), organisation));
        List<Object> groups = new ArrayList<>();
        List<Object> involved = new ArrayList<>();
        List<Action> owned = new ArrayList<>();
        for (Plan plan : archive.plans()) {
            List<ActionRecord> records = ActionRecord.of(plan).stream().filter(r -> r.action().isOwnedBy(organisation.id())).toList();
            if (!records.isEmpty()) {
                List<Action> actions = records.stream().map(ActionRecord::action).toList();
                owned.addAll(actions);
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("plan", planRef(archive.site(), plan));
                group.put("tally", tally(Tally.of(actions)));
                group.put("actions", records.stream().map(r -> actionInBrief(archive.site(), organisations, r)).toList());
                groups.add(group);
            } else if (plan.organisations().contains(organisation.id())) {
                involved.add(planRef(archive.site(), plan));
            }
        }
        root.put("tally", tally(Tally.of(owned)));
        root.put("plans", groups);
        root.put("involved_in", involved);
        return Json.data(root);
    }

    /** For {@code data/site.json}. */
    public static String site(Archive archive) {
        Site site = archive.site();
        Map<String, Object> root = header(archive, Routes.SITE_SCHEMA);
        List<Object> lifecycles = new ArrayList<>();
        for (Lifecycle l : Lifecycle.values()) {
            Map<String, Object> lifecycle = new LinkedHashMap<>();
            lifecycle.put("code", l.code());
            lifecycle.put("label", l.label());
            lifecycle.put("description", l.description());
            lifecycle.put("done", l.isDone());
            lifecycles.add(lifecycle);
        }
        root.put("lifecycles", lifecycles);
        root.put("tally", tally(siteTally(archive)));
        root.put("downloads", downloads(site, "", Routes.SITE_DATA, Routes.SITE_JSON));
        Map<String, Organisation> byId = archive.organisationsById();
        List<Object> plans = new ArrayList<>();
        for (Plan p : archive.plans()) {
            plans.add(sitePlan(site, byId, p));
        }
        root.put("plans", plans);
        Map<String, Integer> owned = actionsOwned(archive);
        List<Object> organisations = new ArrayList<>();
        for (Organisation o : archive.organisations()) {
            Map<String, Object> organisation = new LinkedHashMap<>();
            organisation.put("id", o.id());
            organisation.put("url", Routes.url(site, Routes.organisation(o.id())));
            organisation.put("name", o.name());
            organisation.put("short_name", o.shortName());
            organisation.put("type", codeLabel(o.type().code(), o.type().label()));
            organisation.put("website", o.website());
            organisation.put("ods_code", o.odsCode());
            organisation.put("actions_owned", owned.getOrDefault(o.id(), 0));
            organisation.put("downloads", organisationDownloads(site, o));
            organisations.add(organisation);
        }
        root.put("organisations", organisations);
        root.put("themes_note", text(site.themesNote()));
        root.put("themes", ThemeIndex.of(archive).themes().stream().map(listed -> {
            Map<String, Object> theme = themeRef(site, listed.theme().id());
            theme.put("description", text(listed.theme().description()));
            theme.put("recommendations", listed.recommendations());
            theme.put("tally", tally(listed.tally()));
            return (Object) theme;
        }).toList());
        return Json.data(root);
    }

    /** A plan as {@code data/site.json} lists it: made from the plan, the organisations it names and the site's settings alone. */
    public static Map<String, Object> sitePlan(Site site, Map<String, Organisation> byId, Plan p) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", p.id());
        plan.put("url", Routes.url(site, Routes.plan(p.id())));
        plan.put("title", p.title());
        plan.put("reference", p.reference());
        plan.put("kind", codeLabel(p.kind().code(), p.kind().label()));
        plan.put("published", iso(p.published()));
        plan.put("start", iso(p.start()));
        plan.put("target_completion", target(p.targetCompletion()));
        plan.put("organisations", orgRefs(site, byId, p.organisations()));
        plan.put("tally", tally(p.tally()));
        plan.put("downloads", planDownloads(site, p));
        return plan;
    }

    /** The counts of every action of the site, as {@code data/site.json} gives them. */
    public static Tally siteTally(Archive archive) {
        return Tally.of(ActionRecord.all(archive).stream().map(ActionRecord::action).toList());
    }

    /** How many actions each organisation owns, alone or with others, by its id, as {@code data/site.json} lists them. */
    public static Map<String, Integer> actionsOwned(Archive archive) {
        Map<String, Integer> owned = new java.util.TreeMap<>();
        archive.plans().forEach(p -> p.actions().forEach(a -> a.owners().stream().map(org.followthrough.model.Owner::organisationId).distinct()
                .forEach(id -> owned.merge(id, 1, Integer::sum))));
        return owned;
    }

    // ---- the parts ----

    private static Map<String, Object> header(Archive archive, String schemaPath) {
        Site site = archive.site();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", Routes.url(site, schemaPath));
        root.put("as_of", archive.asOf().toString());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("title", site.title());
        about.put("publisher", site.publisher());
        about.put("url", site.baseUrl());
        about.put("language", site.language());
        about.put("description", text(site.description()));
        about.put("stale_after_months", site.staleAfterMonths());
        root.put("site", about);
        return root;
    }

    private static Map<String, Object> fullPlan(Archive archive, Plan p) {
        Site site = archive.site();
        Map<String, Organisation> organisations = archive.organisationsById();
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", p.id());
        plan.put("url", Routes.url(site, Routes.plan(p.id())));
        plan.put("title", p.title());
        plan.put("reference", p.reference());
        plan.put("kind", codeLabel(p.kind().code(), p.kind().label()));
        plan.put("kind_as_published", p.kindAsPublished());
        plan.put("subject", p.subject());
        plan.put("commissioned_by", orgRefs(site, organisations, p.commissionedBy()));
        plan.put("commissioned_by_as_published", p.commissionedByAsPublished());
        plan.put("investigated_by", orgRefs(site, organisations, p.investigatedBy()));
        plan.put("organisations", orgRefs(site, organisations, p.organisations()));
        plan.put("published", iso(p.published()));
        plan.put("start", iso(p.start()));
        plan.put("target_completion", target(p.targetCompletion()));
        plan.put("date_range", p.dateRange());
        plan.put("care_units", p.careUnits());
        plan.put("summary", text(p.summary()));
        plan.put("updates", p.updates().stream().map(u -> {
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("date", iso(u.date()));
            update.put("title", u.title());
            update.put("note", text(u.note()));
            return update;
        }).toList());
        Map<String, Object> source = null;
        if (p.source() != null) {
            source = new LinkedHashMap<>();
            source.put("title", p.source().title());
            source.put("url", p.source().url());
            source.put("notes", text(p.source().notes()));
        }
        plan.put("source", source);
        Map<String, Object> scales = new LinkedHashMap<>();
        scales.put("grades", scale(p.scales().grades()));
        scales.put("priorities", scale(p.scales().priorities()));
        scales.put("rag", scale(p.scales().rag()));
        scales.put("terms", scale(p.scales().terms()));
        scales.put("statuses", scale(p.scales().statuses()));
        plan.put("scales", scales);
        plan.put("extra_columns", p.extraColumns().stream().map(c -> {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("id", c.id());
            column.put("label", c.label());
            column.put("description", text(c.description()));
            return column;
        }).toList());
        plan.put("addressed_without_action", p.addressedWithoutAction().stream().map(a -> {
            Map<String, Object> addressed = new LinkedHashMap<>();
            addressed.put("number", a.number());
            addressed.put("title", a.title());
            addressed.put("reason", text(a.reason()));
            return addressed;
        }).toList());
        plan.put("tally", tally(p.tally()));
        plan.put("downloads", planDownloads(site, p));
        plan.put("recommendations", p.recommendations().stream().map(r -> {
            Map<String, Object> recommendation = new LinkedHashMap<>();
            recommendation.put("number", r.number());
            recommendation.put("url", Routes.url(site, Routes.recommendation(p.id(), r.number())));
            recommendation.put("title", r.title());
            recommendation.put("text", text(r.text()));
            recommendation.put("issues_identified", text(r.issuesIdentified()));
            recommendation.put("priority", value(r.priority()));
            recommendation.put("lead", orgRefs(site, organisations, r.lead()));
            recommendation.put("lead_as_published", r.leadAsPublished());
            recommendation.put("oversight", r.oversight());
            recommendation.put("oversight_by", orgRefs(site, organisations, r.oversightBy()));
            recommendation.put("note", text(r.note()));
            recommendation.put("owners", owners(site, organisations, r.shared().owners()));
            recommendation.put("target", target(r.shared().target()));
            recommendation.put("extra_columns", extraColumns(p, r.shared().extraColumns()));
            recommendation.put("progress", r.shared().progress().stream().map(u -> progressUpdate(u, List.of())).toList());
            recommendation.put("themes", themeRefs(site, r.themes()));
            recommendation.put("actions", r.actions().stream().map(a -> action(site, organisations, new ActionRecord(p, r, a))).toList());
            return recommendation;
        }).toList());
        return plan;
    }

    /** An action in full, as in the plan's document. */
    private static Map<String, Object> action(Site site, Map<String, Organisation> organisations, ActionRecord record) {
        Action a = record.action();
        Map<String, Object> action = actionHead(site, organisations, record);
        action.put("monitoring", text(a.monitoring()));
        action.put("frequency", a.frequency());
        action.put("desired_outcome", text(a.desiredOutcome()));
        action.put("success_measure", text(a.successMeasure()));
        action.put("evidence", a.evidence().stream().map(e -> {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("text", e.text());
            evidence.put("link", e.link());
            evidence.put("location", e.location());
            return evidence;
        }).toList());
        action.put("term", value(a.term()));
        action.put("status_as_first_published", value(a.status()));
        action.put("rag_as_first_published", value(a.rag()));
        action.put("grade_as_first_published", value(a.grade()));
        action.put("quality_assured_by", a.qualityAssuredBy());
        action.put("extra_columns", extraColumns(record.plan(), a.extraColumns()));
        action.put("follow_ups", a.followUps().stream().map(f -> {
            Map<String, Object> followUp = new LinkedHashMap<>();
            followUp.put("text", text(f.text()));
            followUp.put("target", target(f.target()));
            followUp.put("status", value(f.status()));
            return followUp;
        }).toList());
        action.put("note", text(a.note()));
        action.put("themes", themeRefs(site, a.themes()));
        List<Object> progress = new ArrayList<>();
        List<HistoryEntry> history = a.state().history();
        for (int i = 0; i < a.progress().size(); i++) {
            ProgressUpdate u = a.progress().get(i);
            List<Change> changes = i < history.size() && history.get(i).update().equals(u) ? history.get(i).changes() : List.of();
            progress.add(progressUpdate(u, changes));
        }
        action.put("progress", progress);
        action.put("inherited", ActionRecord.inherited(a));
        action.put("state", state(a));
        return action;
    }

    /**
     * An action in an organisation's document: what its owners and commissioners read at a glance. The rest, its
     * progress history among it, is in the plan's document, which the group's plan links to; repeating it here
     * made the organisations' documents as large as all the plans together.
     */
    private static Map<String, Object> actionInBrief(Site site, Map<String, Organisation> organisations, ActionRecord record) {
        Map<String, Object> action = actionHead(site, organisations, record);
        action.put("state", state(record.action()));
        return action;
    }

    /** What an action is, where, whose and when due: the fields its full and brief forms begin with. */
    private static Map<String, Object> actionHead(Site site, Map<String, Organisation> organisations, ActionRecord record) {
        Action a = record.action();
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("ref", a.ref());
        action.put("recommendation_number", record.recommendation().number());
        action.put("url", record.url(site));
        action.put("section", a.section());
        action.put("description", text(a.description()));
        action.put("owners", owners(site, organisations, a.owners()));
        action.put("target", target(a.target()));
        return action;
    }

    private static Map<String, Object> state(Action a) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", value(a.state().status()));
        state.put("lifecycle", codeLabel(a.state().lifecycle().code(), a.state().lifecycle().label()));
        state.put("done", a.state().lifecycle().isDone());
        state.put("status_since", iso(a.state().statusSince()));
        state.put("grade", value(a.state().grade()));
        state.put("rag", value(a.state().rag()));
        state.put("last_updated", iso(a.state().lastUpdated()));
        state.put("overdue", a.state().overdue());
        state.put("not_updated_recently", a.state().stale());
        state.put("completed_on", iso(a.state().completedOn()));
        return state;
    }

    private static Map<String, Object> progressUpdate(ProgressUpdate u, List<Change> changes) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("date", iso(u.date()));
        update.put("date_as_published", u.dateAsPublished());
        update.put("status", value(u.status()));
        update.put("grade", value(u.grade()));
        update.put("rag", value(u.rag()));
        update.put("text", text(u.text()));
        update.put("reported_by", u.reportedBy());
        update.put("from_recommendation", u.shared());
        update.put("changes", changes.stream().map(c -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("scale", c.scale());
            change.put("from", value(c.from()));
            change.put("to", value(c.to()));
            return change;
        }).toList());
        return update;
    }

    private static List<Object> owners(Site site, Map<String, Organisation> organisations, List<Owner> owners) {
        return owners.stream().map(o -> {
            Map<String, Object> owner = new LinkedHashMap<>();
            owner.put("organisation", orgRef(site, organisations, o.organisationId()));
            owner.put("role", o.role());
            owner.put("roles", o.roles());
            owner.put("name", o.name());
            return (Object) owner;
        }).toList();
    }

    /** Every extra column of the plan by id, with the value given, or null. */
    private static Map<String, Object> extraColumns(Plan plan, List<ColumnValue> values) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (ExtraColumn column : plan.extraColumns()) {
            columns.put(column.id(), values.stream().filter(v -> v.column().equals(column.id())).findFirst()
                    .map(v -> text(v.value())).orElse(null));
        }
        return columns;
    }

    private static Map<String, Object> organisationDetails(Site site, Organisation o) {
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("id", o.id());
        organisation.put("url", Routes.url(site, Routes.organisation(o.id())));
        organisation.put("name", o.name());
        organisation.put("short_name", o.shortName());
        organisation.put("type", codeLabel(o.type().code(), o.type().label()));
        organisation.put("website", o.website());
        organisation.put("ods_code", o.odsCode());
        organisation.put("description", text(o.description()));
        organisation.put("brand_colour", o.brandColour());
        organisation.put("published_plans_url", o.publishedPlansUrl());
        organisation.put("downloads", organisationDownloads(site, o));
        return organisation;
    }

    private static Map<String, Object> planRef(Site site, Plan p) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", p.id());
        plan.put("url", Routes.url(site, Routes.plan(p.id())));
        plan.put("title", p.title());
        plan.put("reference", p.reference());
        plan.put("downloads", planDownloads(site, p));
        return plan;
    }

    private static List<Object> orgRefs(Site site, Map<String, Organisation> organisations, List<String> ids) {
        return ids.stream().map(id -> (Object) orgRef(site, organisations, id)).toList();
    }

    private static Map<String, Object> orgRef(Site site, Map<String, Organisation> organisations, String id) {
        Organisation o = organisations.get(id);
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("id", id);
        ref.put("name", o == null ? id : o.name());
        ref.put("url", Routes.url(site, Routes.organisation(id)));
        return ref;
    }

    private static List<Object> themeRefs(Site site, List<String> ids) {
        return ids.stream().map(id -> (Object) themeRef(site, id)).toList();
    }

    private static Map<String, Object> themeRef(Site site, String id) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("id", id);
        ref.put("label", site.theme(id).label());
        ref.put("url", Routes.url(site, Routes.theme(id)));
        return ref;
    }

    private static Map<String, Object> planDownloads(Site site, Plan p) {
        return downloads(site, Routes.plan(p.id()), Routes.plan(p.id()), Routes.PLAN_JSON);
    }

    private static Map<String, Object> organisationDownloads(Site site, Organisation o) {
        return downloads(site, Routes.organisation(o.id()), Routes.organisation(o.id()), Routes.ORGANISATION_JSON);
    }

    private static Map<String, Object> downloads(Site site, String page, String folder, String json) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("page", Routes.url(site, page));
        links.put("json", Routes.url(site, folder + json));
        links.put("csv", Routes.url(site, folder + Routes.CSV));
        links.put("csv_metadata", Routes.url(site, folder + Routes.CSV_METADATA));
        links.put("atom", Routes.url(site, folder + Routes.ATOM));
        links.put("ics", Routes.url(site, folder + Routes.ICS));
        return links;
    }

    static Map<String, Object> tally(Tally t) {
        Map<String, Object> tally = new LinkedHashMap<>();
        tally.put("total", t.total());
        tally.put("done", t.done());
        tally.put("overdue", t.overdue());
        tally.put("not_updated_recently", t.stale());
        Map<String, Object> byLifecycle = new LinkedHashMap<>();
        for (Lifecycle l : Lifecycle.values()) {
            byLifecycle.put(l.code(), t.count(l));
        }
        tally.put("by_lifecycle", byLifecycle);
        return tally;
    }

    private static Map<String, Object> target(Target t) {
        if (t == null) {
            return null;
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("as_published", t.asPublished());
        target.put("text", ActionRecord.targetText(t));
        target.put("date", ActionRecord.targetDate(t));
        target.put("deadline", iso(ActionRecord.deadline(t)));
        return target;
    }

    private static List<Object> scale(Scale scale) {
        return scale.entries().stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("code", e.code());
            entry.put("label", e.label());
            entry.put("description", text(e.description()));
            entry.put("lifecycle", e.lifecycle() == null ? null : e.lifecycle().code());
            return (Object) entry;
        }).toList();
    }

    /** A scale value where it is used: its code, its label, and for statuses its lifecycle. */
    private static Map<String, Object> value(ScaleEntry e) {
        if (e == null) {
            return null;
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("code", e.code());
        value.put("label", e.label());
        value.put("lifecycle", e.lifecycle() == null ? null : e.lifecycle().code());
        return value;
    }

    private static Map<String, Object> codeLabel(String code, String label) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("code", code);
        value.put("label", label);
        return value;
    }
}

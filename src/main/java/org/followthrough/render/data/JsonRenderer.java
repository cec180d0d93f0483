package org.followthrough.render.data;

import static org.followthrough.render.data.ActionRecord.iso;
import static org.followthrough.render.data.ActionRecord.text;
import static org.followthrough.render.data.JsonShape.BOOLEAN;
import static org.followthrough.render.data.JsonShape.COUNT;
import static org.followthrough.render.data.JsonShape.DATE;
import static org.followthrough.render.data.JsonShape.INTEGER;
import static org.followthrough.render.data.JsonShape.N_DATE;
import static org.followthrough.render.data.JsonShape.N_STRING;
import static org.followthrough.render.data.JsonShape.N_URL;
import static org.followthrough.render.data.JsonShape.STRING;
import static org.followthrough.render.data.JsonShape.URL;
import static org.followthrough.render.data.JsonShape.array;
import static org.followthrough.render.data.JsonShape.nullable;
import static org.followthrough.render.data.JsonShape.ordered;
import static org.followthrough.render.data.JsonShape.ref;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.followthrough.format.ContentFormat;
import org.followthrough.model.Action;
import org.followthrough.model.ActionState;
import org.followthrough.model.AddressedRecommendation;
import org.followthrough.model.Archive;
import org.followthrough.model.Change;
import org.followthrough.model.ColumnValue;
import org.followthrough.model.Evidence;
import org.followthrough.model.ExtraColumn;
import org.followthrough.model.FollowUp;
import org.followthrough.model.HistoryEntry;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Organisation;
import org.followthrough.model.Owner;
import org.followthrough.model.Plan;
import org.followthrough.model.PlanUpdate;
import org.followthrough.model.Recommendation;
import org.followthrough.model.ScaleEntry;
import org.followthrough.model.Scales;
import org.followthrough.model.Site;
import org.followthrough.model.SourceDocument;
import org.followthrough.model.Tally;
import org.followthrough.model.Target;
import org.followthrough.model.ThemeIndex;
import org.followthrough.render.Routes;
import org.followthrough.render.calendar.IcalRenderer;
import org.followthrough.render.data.JsonShape.Context;

/**
 * The plans as open data in JSON: a plan in full (every field, its scales, recommendations, actions,
 * follow-ups, progress updates and each action's derived state), an organisation with the actions it
 * owns grouped by plan, each in brief (its text, owners, target and state, and a link to the plan's
 * document for the rest), and the site with its plans and organisations.
 *
 * <p>Each kind of object is a {@link JsonShape} declared here once, field by field, with the description its
 * published schema gives ({@link JsonSchemaWriter}); every document names that schema with {@code "$schema"}.
 * A document always has every key, null where there is no value, so that it has the same shape for every
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
        return PLAN_DOCUMENT.document(context(archive), plan);
    }

    /** For {@code organisations/<id>/organisation.json}. */
    public static String organisation(Archive archive, Organisation organisation) {
        List<Owned> groups = new ArrayList<>();
        List<Plan> involved = new ArrayList<>();
        List<Action> owned = new ArrayList<>();
        List<Named> leads = new ArrayList<>();
        List<Named> oversees = new ArrayList<>();
        // an organisation's own site holds only the recommendations whose actions it owns, counted as its own: what it leads,
        // oversees, commissioned or investigated is listed on the partnership's site alone, as its page lists it
        boolean whole = archive.scope() == null;
        List<Plan> commissioned = archive.plans().stream().filter(p -> whole && p.commissionedBy().contains(organisation.id())).toList();
        List<Plan> investigated = archive.plans().stream().filter(p -> whole && p.investigatedBy().contains(organisation.id())).toList();
        for (Plan plan : archive.plans()) {
            if (whole) {
                plan.recommendationsNaming(organisation.id(), Recommendation::lead).forEach(r -> leads.add(new Named(plan, r)));
                plan.recommendationsNaming(organisation.id(), Recommendation::oversightBy).forEach(r -> oversees.add(new Named(plan, r)));
            }
            List<ActionRecord> records = ActionRecord.of(plan).stream().filter(r -> r.action().isOwnedBy(organisation.id())).toList();
            if (!records.isEmpty()) {
                records.forEach(r -> owned.add(r.action()));
                groups.add(new Owned(plan, records));
            } else if (plan.organisations().contains(organisation.id())) {
                involved.add(plan);
            }
        }
        return ORGANISATION_DOCUMENT.document(context(archive), new OrganisationDocument(organisation, Tally.of(owned),
                Plan.followUpsPassed(owned, archive.asOf()), groups, involved, leads, oversees, commissioned, investigated));
    }

    /** For {@code data/site.json}. */
    public static String site(Archive archive) {
        return SITE_DOCUMENT.document(context(archive), archive);
    }

    /**
     * A plan as {@code data/site.json} lists it, as JSON: made from the plan, the organisations it names, the site's settings
     * and the as-of date alone (its last update is the last on or before that date).
     */
    public static String sitePlan(Archive archive, Plan p) {
        return PLAN_SUMMARY.document(context(archive), p);
    }

    /** The counts of every action of the site, as {@code data/site.json} gives them. */
    public static Tally siteTally(Archive archive) {
        return Tally.of(ActionRecord.all(archive).stream().map(ActionRecord::action).toList());
    }

    /** What {@code data/site.json} says of each organisation's actions: how many it owns, and whether it has a calendar. */
    public static Ownership ownership(Archive archive) {
        Map<String, Integer> owned = new TreeMap<>();
        Map<String, List<Action>> actions = new TreeMap<>();
        java.util.SortedSet<String> withCalendar = new java.util.TreeSet<>();
        archive.plans().forEach(p -> p.actions().forEach(a -> {
            boolean event = IcalRenderer.hasEvent(p, a);
            a.owners().stream().map(Owner::organisationId).distinct().forEach(id -> {
                owned.merge(id, 1, Integer::sum);
                actions.computeIfAbsent(id, k -> new ArrayList<>()).add(a);
                if (event) {
                    withCalendar.add(id);
                }
            });
        }));
        Map<String, Tally> tallies = new TreeMap<>();
        actions.forEach((id, list) -> tallies.put(id, Tally.of(list)));
        return new Ownership(owned, tallies, withCalendar);
    }

    private static Context context(Archive archive) {
        return new Context(archive.site(), archive.organisationsById(), archive.asOf(), archive::hasPageFor);
    }

    /** Every {@code $defs} entry of the schemas, in their order: each schema has them all. */
    static Map<String, Object> defs() {
        Map<String, Object> defs = new LinkedHashMap<>();
        for (JsonShape<?> shape : List.of(SITE, CODE_LABEL, LIFECYCLE, LIFECYCLE_REF, ORG_REF, THEME_REF, TARGET, OWNER)) {
            defs.put(shape.name(), shape.schema());
        }
        defs.put(EXTRA_COLUMNS, ordered("description", "Values in the plan's extra columns: every column of the plan's"
                        + " extra_columns by id, with its text (Markdown) or null.", "type", "object",
                "propertyNames", ordered("pattern", "^" + ContentFormat.ID.published() + "$"), "additionalProperties", N_STRING));
        for (JsonShape<?> shape : List.of(PROGRESS_UPDATE, SCALE_ENTRY, SCALE_VALUE, TALLY, DOWNLOADS, PLAN_REF, PLAN_SUMMARY,
                ORGANISATION_SUMMARY, ORGANISATION, OWNED_ACTIONS, PLAN, RECOMMENDATION, ACTION, ACTION_IN_BRIEF, ACTION_STATE)) {
            defs.put(shape.name(), shape.schema());
        }
        return defs;
    }

    // ---- what the objects are made from, where it is more than one model object ----

    /** A value of a fixed list: a plan's kind, an organisation's type, a lifecycle stage. */
    private record Coded(String code, String label) {
    }

    /**
     * Where a page is and the folder its downloads are in, with the name of its JSON document, which every scope has;
     * whether the folder holds the other downloads (an organisation that owns no action has only its page and its JSON
     * document) and a calendar (published only where an action, or a plan it owns an action of, has a dated target).
     */
    private record Links(String page, String folder, String json, boolean data, boolean calendar, String organisationId) {
        static Links of(Plan p) {
            return new Links(Routes.plan(p.id()), Routes.plan(p.id()), Routes.PLAN_JSON, true,
                    IcalRenderer.hasEvent(p), null);
        }

        /** Whether its page and files are published here: a plan's and the site's always, an organisation's where it has a page. */
        boolean published(Context context) {
            return organisationId == null || context.withPage().test(organisationId);
        }

        static Links of(Organisation o, Ownership ownership) {
            return of(o, ownership.actionsOwned().containsKey(o.id()), ownership.withCalendar().contains(o.id()));
        }

        static Links of(Organisation o, boolean data, boolean calendar) {
            return new Links(Routes.organisation(o.id()), Routes.organisation(o.id()), Routes.ORGANISATION_JSON, data, calendar, o.id());
        }

        /** The folder's file, or null where it is not published: where this site publishes nothing of it, or {@code made} is false. */
        String file(Context context, String file, boolean made) {
            return made && published(context) ? Routes.url(context.site(), folder + file) : null;
        }
    }

    /**
     * How many actions each organisation owns, alone or with others, by its id (those that own none left out), those actions
     * counted by state, and the ids of those that own an action with a dated target, or an action of a plan whose target
     * completion has a date (whose calendars are published).
     */
    public record Ownership(Map<String, Integer> actionsOwned, Map<String, Tally> tallies, java.util.SortedSet<String> withCalendar) {
    }

    private record InPlan(Plan plan, Recommendation recommendation) {
    }

    /** The actions an organisation owns in one plan. */
    private record Owned(Plan plan, List<ActionRecord> records) {
    }

    private record Summarised(Organisation organisation, Ownership ownership) {
        int actionsOwned() {
            return ownership.actionsOwned().getOrDefault(organisation.id(), 0);
        }
    }

    /** A recommendation that names an organisation (as its lead, or among its oversight bodies), in its plan. */
    private record Named(Plan plan, Recommendation recommendation) {
    }

    private record OrganisationDocument(Organisation organisation, Tally tally, int followUpsPassed, List<Owned> groups, List<Plan> involved,
                                        List<Named> leads, List<Named> oversees, List<Plan> commissioned, List<Plan> investigated) {
        /** Its downloads: its JSON document always, the rest only for an organisation that owns an action, with a calendar where one has a dated target. */
        Links links() {
            return Links.of(organisation, !groups.isEmpty(),
                    groups.stream().anyMatch(g -> g.records().stream().anyMatch(r -> IcalRenderer.hasEvent(g.plan(), r.action()))));
        }
    }

    // ---- the objects, each field once ----

    private static final Map<String, Object> LIFECYCLE_CODE = ordered("enum", Arrays.stream(Lifecycle.values()).map(Lifecycle::code).toList());
    private static final String EXTRA_COLUMNS = "extraColumns";

    private static final JsonShape<Site> SITE = JsonShape.<Site>named("site", "The site that publishes the data.")
            .field("title", STRING, "The site's name.", (c, s) -> s.title())
            .field("publisher", STRING, "Who publishes the site.", (c, s) -> s.publisher())
            .field("url", URL, "The site's address.", (c, s) -> s.baseUrl())
            .field("language", STRING, "The language of the content, as a language tag (en-GB).", (c, s) -> s.language())
            .field("description", N_STRING, "A sentence or two about the site (Markdown).", (c, s) -> text(s.description()))
            .field("stale_after_months", INTEGER, "An action not done is flagged not updated recently when its latest dated"
                    + " progress update is older than this many months.", (c, s) -> s.staleAfterMonths());

    private static final JsonShape<Coded> CODE_LABEL = JsonShape.<Coded>named("codeLabel", "A value from a fixed list.")
            .field("code", STRING, "The code, as content files and filters write it.", (c, v) -> v.code())
            .field("label", STRING, "The words readers see.", (c, v) -> v.label());

    private static final JsonShape<Lifecycle> LIFECYCLE = JsonShape.<Lifecycle>named("lifecycle", "A stage of the lifecycle common to every plan.")
            .field("code", LIFECYCLE_CODE, "The lifecycle's code.", (c, l) -> l.code())
            .field("label", STRING, "The lifecycle as readers see it.", (c, l) -> l.label())
            .field("description", STRING, "What it means.", (c, l) -> l.description())
            .field("done", BOOLEAN, "Whether an action at this stage is done (and so never overdue).", (c, l) -> l.isDone());

    private static final JsonShape<Lifecycle> LIFECYCLE_REF = JsonShape.<Lifecycle>named("lifecycleRef",
                    "A stage of the lifecycle common to every plan, by its code and label.")
            .field("code", LIFECYCLE_CODE, "The lifecycle's code.", (c, l) -> l.code())
            .field("label", STRING, "The lifecycle as readers see it.", (c, l) -> l.label());

    /** An organisation's page, or null where this site has none for it (another organisation, on one organisation's own site). */
    private static String organisationPage(Context context, String id) {
        return context.withPage().test(id) ? Routes.url(context.site(), Routes.organisation(id)) : null;
    }

    private static final String NO_PAGE_HERE = "Its page on this site; null only for another organisation on one organisation's"
            + " own site, which has pages for that organisation alone.";

    private static final JsonShape<String> ORG_REF = JsonShape.<String>named("orgRef", "An organisation, by name.")
            .field("id", STRING, "The organisation's identifier on this site.", (c, id) -> id)
            .field("name", STRING, "Its full name.", (c, id) -> c.organisations().containsKey(id) ? c.organisations().get(id).name() : id)
            .field("url", N_URL, NO_PAGE_HERE, JsonRenderer::organisationPage);

    private static final JsonShape<String> THEME_REF = JsonShape.<String>named("themeRef",
                    "A theme of the site's controlled list: the site's editorial judgement, not part of the plan as published.")
            .field("id", STRING, "The theme's identifier on this site.", (c, id) -> id)
            .field("label", STRING, "The theme as readers see it.", (c, id) -> c.site().theme(id).label())
            .field("url", URL, "Its page on this site.", (c, id) -> Routes.url(c.site(), Routes.theme(id)));

    private static final JsonShape<Target> TARGET = JsonShape.<Target>named("target", "A target as published and what it means in time.")
            .field("as_published", N_STRING, "The wording exactly as the plan printed it; null where the plan printed a plain date.",
                    (c, t) -> t.asPublished())
            .field("text", N_STRING, "The target as readers see it: the wording, or the date written out ('30 June 2024').",
                    (c, t) -> ActionRecord.targetText(t))
            .field("date", nullable(ordered("type", "string", "pattern", "^(\\d{4}-\\d{2}(-\\d{2})?|ongoing)$")),
                    "What the target means: a day (YYYY-MM-DD), a month (YYYY-MM) or 'ongoing'; null when the wording names no real date.",
                    (c, t) -> ActionRecord.targetDate(t))
            .field("deadline", N_DATE, "The last day on which the target is met (a month's last day); null for ongoing or undated targets.",
                    (c, t) -> iso(ActionRecord.deadline(t)));

    private static final JsonShape<Owner> OWNER = JsonShape.<Owner>named("owner", "An owner of an action.")
            .object("organisation", ORG_REF, "The organisation.", (c, o) -> o.organisationId())
            .field("role", N_STRING, "The owner's role, team or directorate; several roles in one text, as plans print them (see roles).",
                    (c, o) -> o.role())
            .field("roles", array(STRING), "The owner's roles one by one, as published (a plan may give one owner several).", (c, o) -> o.roles())
            .field("name", N_STRING, "The person named in the plan.", (c, o) -> o.name());

    private static final JsonShape<ScaleEntry> SCALE_ENTRY = JsonShape.<ScaleEntry>named("scaleEntry", "One value of a scale.")
            .field("code", STRING, "What the content files write.", (c, e) -> e.code())
            .field("label", STRING, "What readers see.", (c, e) -> e.label())
            .field("description", N_STRING, "What the value means (Markdown).", (c, e) -> text(e.description()))
            .field("lifecycle", nullable(LIFECYCLE_CODE), "For statuses, the common lifecycle stage the status means; otherwise null.",
                    (c, e) -> lifecycleCode(e));

    private static final JsonShape<ScaleEntry> SCALE_VALUE = JsonShape.<ScaleEntry>named("scaleValue",
                    "A value of one of the plan's scales, where it is used.")
            .field("code", STRING, "The value's code in the plan's scale (see the plan's scales for what it means).", (c, e) -> e.code())
            .field("label", STRING, "The value in the plan's own words.", (c, e) -> e.label())
            .field("lifecycle", nullable(LIFECYCLE_CODE), "For statuses, the common lifecycle stage; otherwise null.", (c, e) -> lifecycleCode(e));

    private static final JsonShape<HistoryEntry> PROGRESS_UPDATE = JsonShape.<HistoryEntry>named("progressUpdate", "A progress update.")
            .field("date", N_DATE, "The date the update describes; null when the document gives none.", (c, h) -> iso(h.update().date()))
            .field("date_as_published", N_STRING, "The date in the document's own words, where it is not exact.",
                    (c, h) -> h.update().dateAsPublished())
            .optional("status", SCALE_VALUE, "The status as at this date.", (c, h) -> h.update().status())
            .optional("grade", SCALE_VALUE, "The grade as at this date.", (c, h) -> h.update().grade())
            .optional("rag", SCALE_VALUE, "The RAG rating as at this date.", (c, h) -> h.update().rag())
            .field("text", N_STRING, "What happened (Markdown).", (c, h) -> text(h.update().text()))
            .field("reported_by", N_STRING, "Who reported it.", (c, h) -> h.update().reportedBy())
            .field("from_recommendation", BOOLEAN, "Whether the plan reported it once for all the actions of the recommendation.",
                    (c, h) -> h.update().shared())
            .array("changes", JsonShape.<Change>inline("A change an update made.")
                            .field("scale", ordered("enum", List.of("Status", "Grade", "RAG")), "Which scale changed.", (c, ch) -> ch.scale())
                            .optional("from", SCALE_VALUE, "The value before; null when none was set.", (c, ch) -> ch.from())
                            .object("to", SCALE_VALUE, "The value from this update.", (c, ch) -> ch.to()),
                    "What the update changed for the action, worked out against its updates before it; empty on a recommendation.",
                    (c, h) -> h.changes());

    private static final JsonShape<Tally> TALLY = JsonShape.<Tally>named("tally", "Counts of actions.")
            .field("total", COUNT, "How many actions.", (c, t) -> t.total())
            .field("done", COUNT, "How many are completed, embedded or closed.", (c, t) -> t.done())
            .field("overdue", COUNT, "How many are overdue.", (c, t) -> t.overdue())
            .field("target_passed_without_status", COUNT, "How many have passed their target with no status ever published:"
                    + " not counted as overdue, as nothing says they are not done.", (c, t) -> t.targetPassedWithoutStatus())
            .field("not_updated_recently", COUNT, "How many are not updated recently.", (c, t) -> t.stale())
            .object("by_lifecycle", byLifecycle(), "How many are at each lifecycle stage.", (c, t) -> t);

    private static final JsonShape<Links> DOWNLOADS = JsonShape.<Links>named("downloads", "Where the page and each download are; each null where this site does not publish it"
                    + " (every one of them for another organisation on one organisation's own site).")
            .field("page", N_URL, "The web page; null only for another organisation on one organisation's own site, which"
                    + " publishes none of its files.", (c, l) -> l.published(c) ? Routes.url(c.site(), l.page()) : null)
            .field("json", N_URL, "The JSON document: of an organisation that owns no action too, which lists what it leads and the"
                    + " plans naming it; null only for another organisation on one organisation's own site, which has no page there.",
                    (c, l) -> l.file(c, l.json(), true))
            .field("pdf", N_URL, "A summary to read or print, as PDF (tagged: PDF/UA-1 and PDF/A-2a); null for an organisation that owns"
                    + " no action, which has only its page and its JSON document. A preview built without PDFs names it as the"
                    + " published site has it.", (c, l) -> l.file(c, Routes.PDF, l.data()))
            .field("csv", N_URL, "One row per action, as CSV (RFC 4180, UTF-8 with a byte order mark); null for an organisation that"
                    + " owns no action, which has only its page and its JSON document.",
                    (c, l) -> l.file(c, Routes.CSV, l.data()))
            .field("csv_metadata", N_URL, "The CSV's CSV on the Web (W3C) metadata, describing its columns; null where there is no CSV.",
                    (c, l) -> l.file(c, Routes.CSV_METADATA, l.data()))
            .field("atom", N_URL, "An Atom feed of the dated progress updates; null where there is no CSV.",
                    (c, l) -> l.file(c, Routes.ATOM, l.data()))
            .field("json_feed", N_URL, "The same feed as a JSON Feed (version 1.1); null where there is no Atom feed.",
                    (c, l) -> l.file(c, Routes.JSON_FEED, l.data()))
            .field("ics", N_URL, "An iCalendar file of the dated targets (the plans' target completions, the actions' and their"
                    + " follow-ups'); null where none of them has a date, as no calendar is then published.", (c, l) -> l.file(c, Routes.ICS, l.data() && l.calendar()));

    private static final String TARGET_COMPLETION_PASSED = "Whether the date by which the whole plan was to be done had passed on the as-of"
            + " date (the pages flag 'Target completion passed' where actions are still open then).";
    private static final String FOLLOW_UPS_PASSED = "How many of the follow-up actions set after reviewing progress had passed their dates on the"
            + " as-of date without being reported done (as the pages count them; not among the tally's actions).";

    private static final String LAST_UPDATE = "The date of the plan's latest dated update, of the plan or of any of its actions' progress, on or before"
                    + " the as-of date (the pages' 'Last update published'); null when it dates none.";

    /** The fields every form of a plan begins with. */
    private static final JsonShape<Plan> PLAN_HEAD = JsonShape.<Plan>inline(null)
            .field("id", STRING, "The plan's identifier on this site.", (c, p) -> p.id())
            .field("url", URL, "Its page on this site.", (c, p) -> Routes.url(c.site(), Routes.plan(p.id())))
            .field("title", STRING, "Its title.", (c, p) -> p.title())
            .field("reference", N_STRING, "Its reference as published.", (c, p) -> p.reference());

    private static final JsonShape<Plan> PLAN_REF = PLAN_HEAD.as("planRef", "A plan, with links to it.")
            .object("downloads", DOWNLOADS, "Its downloads.", (c, p) -> Links.of(p));

    private static final JsonShape<Plan> PLAN_SUMMARY = PLAN_HEAD.as("planSummary", "A plan, in brief.")
            .object("kind", CODE_LABEL, "The kind of review.", (c, p) -> new Coded(p.kind().code(), p.kind().label()))
            .field("published", N_DATE, "When the plan was published.", (c, p) -> iso(p.published()))
            .field("start", N_DATE, "When the plan started.", (c, p) -> iso(p.start()))
            .optional("target_completion", TARGET, "When the plan is due to be complete.", (c, p) -> p.targetCompletion())
            .array("organisations", ORG_REF, "Every organisation involved.", (c, p) -> p.organisations())
            .field("last_update", N_DATE, LAST_UPDATE, (c, p) -> iso(p.lastUpdate(c.asOf())))
            .field("target_completion_passed", BOOLEAN, TARGET_COMPLETION_PASSED, (c, p) -> p.targetCompletionPassed(c.asOf()))
            .field("follow_ups_past_their_dates", INTEGER, FOLLOW_UPS_PASSED, (c, p) -> p.followUpsPassed(c.asOf()))
            .object("tally", TALLY, "Its actions, counted.", (c, p) -> p.tally())
            .object("downloads", DOWNLOADS, "Its downloads; 'json' is the plan in full.", (c, p) -> Links.of(p));

    /** The fields every form of an organisation begins with. */
    private static final JsonShape<Organisation> ORGANISATION_HEAD = JsonShape.<Organisation>inline(null)
            .field("id", STRING, "The organisation's identifier on this site.", (c, o) -> o.id())
            .field("url", N_URL, NO_PAGE_HERE, (c, o) -> organisationPage(c, o.id()))
            .field("name", STRING, "Its full name.", (c, o) -> o.name())
            .field("short_name", N_STRING, "The abbreviation readers know.", (c, o) -> o.shortName())
            .object("type", CODE_LABEL, "The kind of organisation.", (c, o) -> new Coded(o.type().code(), o.type().label()))
            .field("website", N_URL, "Its website.", (c, o) -> o.website())
            .field("ods_code", N_STRING, "Its NHS Organisation Data Service code.", (c, o) -> o.odsCode());

    private static final JsonShape<Summarised> ORGANISATION_SUMMARY = ORGANISATION_HEAD.from(Summarised::organisation)
            .as("organisationSummary", "An organisation, in brief.")
            .field("actions_owned", COUNT, "How many actions it owns, alone or with others.", (c, s) -> s.actionsOwned())
            .object("tally", TALLY, "The actions it owns, counted, as the list of organisations counts them (an action shared with"
                    + " others counts for each of them).", (c, s) -> s.ownership().tallies().getOrDefault(s.organisation().id(), Tally.of(List.of())))
            .object("downloads", DOWNLOADS, "Its downloads.", (c, s) -> Links.of(s.organisation(), s.ownership()));

    private static final JsonShape<OrganisationDocument> ORGANISATION = ORGANISATION_HEAD.from(OrganisationDocument::organisation)
            .as("organisation", "An organisation that owns, leads or oversees actions.")
            .field("description", N_STRING, "A note about the organisation (Markdown).", (c, d) -> text(d.organisation().description()))
            .field("brand_colour", N_STRING, "Its colour, as #rrggbb.", (c, d) -> d.organisation().brandColour())
            .field("published_plans_url", N_URL, "Where it publishes its own part of plans.", (c, d) -> d.organisation().publishedPlansUrl())
            .object("downloads", DOWNLOADS, "Its downloads.", (c, d) -> d.links());

    private static final JsonShape<ActionState> ACTION_STATE = JsonShape.<ActionState>named("actionState",
                    "What the site works out about an action as at the as-of date; never written in the content.")
            .optional("status", SCALE_VALUE, "The latest status published; null when none was.", (c, s) -> s.status())
            .object("lifecycle", LIFECYCLE_REF, "The lifecycle stage of the latest status ('not_stated' when none was published).",
                    (c, s) -> s.lifecycle())
            .field("done", BOOLEAN, "Whether the action is completed, embedded or closed.", (c, s) -> s.lifecycle().isDone())
            .field("status_since", N_DATE, "The date from which the latest status's lifecycle stage has held, where known; another"
                    + " of the plan's words for the same stage does not move it.", (c, s) -> iso(s.statusSince()))
            .optional("grade", SCALE_VALUE, "The latest grade.", (c, s) -> s.grade())
            .optional("rag", SCALE_VALUE, "The latest RAG rating.", (c, s) -> s.rag())
            .field("last_updated", N_DATE, "The date of the latest dated progress update.", (c, s) -> iso(s.lastUpdated()))
            .field("overdue", BOOLEAN, "The target had passed on the as-of date, a status was published for the action, and it"
                    + " was not done (with no status published, see target_passed_without_status).", (c, s) -> s.overdue())
            .field("target_passed_without_status", BOOLEAN, "The target had passed on the as-of date and no status was ever"
                    + " published for the action (which is then not called overdue).", (c, s) -> s.targetPassedWithoutStatus())
            .field("not_updated_recently", BOOLEAN, "The action was not done and had no dated progress update in the site's limit"
                    + " before the as-of date.", (c, s) -> s.stale())
            .field("completed_on", N_DATE, "When the action was first reported done, where that report is dated.", (c, s) -> iso(s.completedOn()));

    /** What an action is, where, whose and when due: the fields its full and brief forms begin with. */
    private static final JsonShape<ActionRecord> ACTION_HEAD = JsonShape.<ActionRecord>inline(null)
            .field("ref", STRING, "The reference as published; unique within the plan.", (c, r) -> r.action().ref())
            .field("recommendation_number", STRING, "The number of the recommendation it responds to.", (c, r) -> r.recommendation().number())
            .field("url", URL, "The action on this site.", (c, r) -> r.url(c.site()))
            .field("section", N_STRING, "The heading of the part of the document it was published under.", (c, r) -> r.action().section())
            .field("description", N_STRING, "The action (Markdown).", (c, r) -> text(r.action().description()))
            .array("owners", OWNER, "Who owns the action (its recommendation's owners where it has none of its own).",
                    (c, r) -> r.action().owners())
            .optional("target", TARGET, "When it is due (its recommendation's target where it has none of its own).",
                    (c, r) -> r.action().target());

    private static final JsonShape<ActionRecord> ACTION = ACTION_HEAD.as("action", "An action taken in response to a recommendation.")
            .field("monitoring", N_STRING, "The measurement tool or monitoring arrangements (Markdown).", (c, r) -> text(r.action().monitoring()))
            .field("frequency", N_STRING, "How often it is monitored.", (c, r) -> r.action().frequency())
            .field("desired_outcome", N_STRING, "The outcome it should bring about (Markdown).", (c, r) -> text(r.action().desiredOutcome()))
            .field("success_measure", N_STRING, "How success is measured (Markdown).", (c, r) -> text(r.action().successMeasure()))
            .array("evidence", JsonShape.<Evidence>inline("An item of evidence.")
                    .field("text", STRING, "What the evidence is.", (c, e) -> e.text())
                    .field("link", N_URL, "Where it is published.", (c, e) -> e.link())
                    .field("location", N_STRING, "Where it is held.", (c, e) -> e.location()), "Evidence items.", (c, r) -> r.action().evidence())
            .optional("term", SCALE_VALUE, "Short, medium or long term.", (c, r) -> r.action().term())
            .optional("status_as_first_published", SCALE_VALUE, "The status the plan first published the action with; the latest is"
                    + " state.status.", (c, r) -> r.action().status())
            .optional("rag_as_first_published", SCALE_VALUE, "The RAG rating first published; the latest is state.rag.", (c, r) -> r.action().rag())
            .optional("grade_as_first_published", SCALE_VALUE, "The grade first published; the latest is state.grade.",
                    (c, r) -> r.action().grade())
            .field("quality_assured_by", N_STRING, "Who quality-assures it, as published.", (c, r) -> r.action().qualityAssuredBy())
            .field("extra_columns", ref(EXTRA_COLUMNS), "Its values in the plan's extra columns (its recommendation's where it has none"
                    + " of its own).", (c, r) -> extraColumns(r.plan(), r.action().extraColumns()))
            .array("follow_ups", JsonShape.<FollowUp>inline("A further action required after review.")
                    .field("text", N_STRING, "The follow-up action (Markdown).", (c, f) -> text(f.text()))
                    .optional("target", TARGET, "When it is due.", (c, f) -> f.target())
                    .optional("status", SCALE_VALUE, "Its status.", (c, f) -> f.status())
                    .field("date_passed", BOOLEAN, "Whether its date had passed on the as-of date without its being reported done"
                            + " (the pages' 'Date passed'). A day its month does not have ('31 June 2019') has no deadline, but has"
                            + " passed once that month has ended.", (c, f) -> f.datePassed(c.asOf())),
                    "Follow-up actions.", (c, r) -> r.action().followUps())
            .field("note", N_STRING, "Anything a reader should know (Markdown).", (c, r) -> text(r.action().note()))
            .array("themes", THEME_REF, "The themes the action comes under: its recommendation's and its own, in the site's order.",
                    (c, r) -> r.action().themes())
            .array("progress", PROGRESS_UPDATE, "Progress updates, oldest first, its recommendation's included.", (c, r) -> history(r.action()))
            .field("inherited", array(STRING), "Which values come from the recommendation, which gives them once for all its actions:"
                    + " 'owners', 'target', 'progress' (some of its updates) and the ids of extra columns.",
                    (c, r) -> ActionRecord.inherited(r.action()))
            .object("state", ACTION_STATE, "The action's derived state.", (c, r) -> r.action().state());

    /**
     * An action in an organisation's document: what its owners and commissioners read at a glance. The rest, its
     * progress history among it, is in the plan's document, which the group's plan links to; repeating it here
     * made the organisations' documents as large as all the plans together.
     */
    private static final JsonShape<ActionRecord> ACTION_IN_BRIEF = ACTION_HEAD.as("actionInBrief",
                    "An action in brief: the plan's document has it in full, with its progress history.")
            .object("state", ACTION_STATE, "The action's derived state.", (c, r) -> r.action().state());

    private static final JsonShape<InPlan> RECOMMENDATION = JsonShape.<InPlan>named("recommendation", "A recommendation with its actions.")
            .field("number", STRING, "The number as published.", (c, i) -> i.recommendation().number())
            .field("url", URL, "The recommendation on this site.",
                    (c, i) -> Routes.url(c.site(), Routes.recommendation(i.plan().id(), i.recommendation().number())))
            .field("title", N_STRING, "The title or theme.", (c, i) -> i.recommendation().title())
            .field("text", N_STRING, "The recommendation as published (Markdown).", (c, i) -> text(i.recommendation().text()))
            .field("issues_identified", N_STRING, "The issues or findings behind it (Markdown).",
                    (c, i) -> text(i.recommendation().issuesIdentified()))
            .optional("priority", SCALE_VALUE, "Its priority.", (c, i) -> i.recommendation().priority())
            .array("lead", ORG_REF, "The lead organisations.", (c, i) -> i.recommendation().lead())
            .field("lead_as_published", N_STRING, "The lead as the plan wrote it.", (c, i) -> i.recommendation().leadAsPublished())
            .field("oversight", N_STRING, "Who oversees it, as published.", (c, i) -> i.recommendation().oversight())
            .array("oversight_by", ORG_REF, "The oversight bodies.", (c, i) -> i.recommendation().oversightBy())
            .field("note", N_STRING, "Anything a reader should know (Markdown).", (c, i) -> text(i.recommendation().note()))
            .array("owners", OWNER, "Owners the plan gives once for all the actions; each action lists them as its own owners unless"
                    + " it has others.", (c, i) -> i.recommendation().shared().owners())
            .optional("target", TARGET, "A target the plan gives once for all the actions.", (c, i) -> i.recommendation().shared().target())
            .field("extra_columns", ref(EXTRA_COLUMNS), "Values in the plan's extra columns given once for all the actions.",
                    (c, i) -> extraColumns(i.plan(), i.recommendation().shared().extraColumns()))
            .array("progress", PROGRESS_UPDATE, "Progress the plan reports once for all the actions; each action's progress includes"
                    + " these.", (c, i) -> i.recommendation().shared().progress().stream().map(u -> new HistoryEntry(u, List.of())).toList())
            .array("themes", THEME_REF, "The themes the recommendation names; its actions come under them too.",
                    (c, i) -> i.recommendation().themes())
            .array("actions", ACTION, "The actions, as published.",
                    (c, i) -> i.recommendation().actions().stream().map(a -> new ActionRecord(i.plan(), i.recommendation(), a)).toList());

    private static final JsonShape<Plan> PLAN = PLAN_HEAD.as("plan", "An action plan.")
            .field("former_ids", array(STRING), "The identifiers it was published under before; the pages at their addresses lead to its own.",
                    (c, p) -> p.formerIds())
            .object("kind", CODE_LABEL, "The kind of review.", (c, p) -> new Coded(p.kind().code(), p.kind().label()))
            .field("kind_as_published", N_STRING, "The kind in the plan's own words.", (c, p) -> p.kindAsPublished())
            .field("subject", N_STRING, "How the plan refers to the person at its centre.", (c, p) -> p.subject())
            .array("commissioned_by", ORG_REF, "Organisations that commissioned the review.", (c, p) -> p.commissionedBy())
            .field("commissioned_by_as_published", N_STRING, "The commissioner in the plan's own words.", (c, p) -> p.commissionedByAsPublished())
            .array("investigated_by", ORG_REF, "Organisations that carried out the review.", (c, p) -> p.investigatedBy())
            .array("organisations", ORG_REF, "Every organisation involved.", (c, p) -> p.organisations())
            .field("published", N_DATE, "When the plan was published.", (c, p) -> iso(p.published()))
            .field("start", N_DATE, "When the plan started.", (c, p) -> iso(p.start()))
            .optional("target_completion", TARGET, "When the plan is due to be complete.", (c, p) -> p.targetCompletion())
            .field("date_range", N_STRING, "The date range in the plan's own words.", (c, p) -> p.dateRange())
            .field("care_units", array(STRING), "Care units or services.", (c, p) -> p.careUnits())
            .field("summary", N_STRING, "The plan's summary (Markdown).", (c, p) -> text(p.summary()))
            .array("updates", JsonShape.<PlanUpdate>inline("A published update of the plan.")
                    .field("date", DATE, "The date of the update.", (c, u) -> iso(u.date()))
                    .field("title", N_STRING, "Its title.", (c, u) -> u.title())
                    .field("note", N_STRING, "What it covered (Markdown).", (c, u) -> text(u.note())),
                    "The plan's published updates, in date order.", (c, p) -> p.updates())
            .optional("source", JsonShape.<SourceDocument>inline("The published document the plan was transcribed from.")
                    .field("title", N_STRING, "The document's title.", (c, s) -> s.title())
                    .field("url", N_URL, "Where it is published.", (c, s) -> s.url())
                    .field("notes", N_STRING, "What was missing or ambiguous, and how it was transcribed (Markdown).", (c, s) -> text(s.notes())),
                    "The published document.", (c, p) -> p.source())
            .object("scales", JsonShape.<Scales>inline("The scales the plan uses: its own, or the site's.")
                    .array("grades", SCALE_ENTRY, "Assurance grades with their criteria.", (c, s) -> s.grades().entries())
                    .array("priorities", SCALE_ENTRY, "Priorities with their definitions.", (c, s) -> s.priorities().entries())
                    .array("rag", SCALE_ENTRY, "Red/amber/green ratings and what each means.", (c, s) -> s.rag().entries())
                    .array("terms", SCALE_ENTRY, "Short, medium and long term.", (c, s) -> s.terms().entries())
                    .array("statuses", SCALE_ENTRY, "The status words the plan uses, each with its lifecycle stage.",
                            (c, s) -> s.statuses().entries()),
                    "How the plan grades, prioritises and describes its work.", (c, p) -> p.scales())
            .array("extra_columns", JsonShape.<ExtraColumn>inline("A column the plan publishes that has no field of its own.")
                    .field("id", STRING, "The key of the column's values under extra_columns.", (c, e) -> e.id())
                    .field("label", STRING, "The column's heading as published.", (c, e) -> e.label())
                    .field("description", N_STRING, "What the column holds, where the plan says (Markdown).", (c, e) -> text(e.description())),
                    "The plan's own extra columns, in the order it prints them.", (c, p) -> p.extraColumns())
            .array("addressed_without_action", JsonShape.<AddressedRecommendation>inline("A recommendation addressed with no further action.")
                    .field("number", STRING, "The number as published.", (c, a) -> a.number())
                    .field("title", N_STRING, "The title or theme.", (c, a) -> a.title())
                    .field("reason", N_STRING, "Why no further action is needed (Markdown).", (c, a) -> text(a.reason())),
                    "Recommendations addressed with no further action.", (c, p) -> p.addressedWithoutAction())
            .field("last_update", N_DATE, LAST_UPDATE, (c, p) -> iso(p.lastUpdate(c.asOf())))
            .field("target_completion_passed", BOOLEAN, TARGET_COMPLETION_PASSED, (c, p) -> p.targetCompletionPassed(c.asOf()))
            .field("follow_ups_past_their_dates", INTEGER, FOLLOW_UPS_PASSED, (c, p) -> p.followUpsPassed(c.asOf()))
            .object("tally", TALLY, "The plan's actions, counted.", (c, p) -> p.tally())
            .object("downloads", DOWNLOADS, "The plan's downloads.", (c, p) -> Links.of(p))
            .array("recommendations", RECOMMENDATION, "The recommendations, as published, each with its actions.",
                    (c, p) -> p.recommendations().stream().map(r -> new InPlan(p, r)).toList());

    private static final JsonShape<Owned> OWNED_ACTIONS = JsonShape.<Owned>named("ownedActions", "The actions an organisation owns in one plan.")
            .object("plan", PLAN_REF, "The plan.", (c, o) -> o.plan())
            .object("tally", TALLY, "The organisation's actions in the plan, counted.",
                    (c, o) -> Tally.of(o.records().stream().map(ActionRecord::action).toList()))
            .optional("target_completion", TARGET, "When the plan is due to be complete, all its actions done.",
                    (c, o) -> o.plan().targetCompletion())
            .field("target_completion_passed", BOOLEAN, TARGET_COMPLETION_PASSED, (c, o) -> o.plan().targetCompletionPassed(c.asOf()))
            .field("follow_ups_past_their_dates", INTEGER, "How many of the follow-up actions set under the organisation's actions in"
                    + " the plan had passed their dates on the as-of date without being reported done (not among the tally's actions).",
                    (c, o) -> Plan.followUpsPassed(o.records().stream().map(ActionRecord::action).toList(), c.asOf()))
            .array("actions", ACTION_IN_BRIEF, "The organisation's actions in the plan, in brief.", (c, o) -> o.records());

    // ---- the documents ----

    static final JsonShape<Plan> PLAN_DOCUMENT = JsonRenderer.<Plan>document(Routes.PLAN_SCHEMA,
                    "An action plan in full, as published on the site: its details, scales, recommendations and actions, each"
                            + " action's follow-ups and progress updates, and what the site works out about each action as at the as-of date.")
            .object("plan", PLAN, "The plan.", (c, p) -> p);

    static final JsonShape<OrganisationDocument> ORGANISATION_DOCUMENT = JsonRenderer.<OrganisationDocument>document(Routes.ORGANISATION_SCHEMA,
                    "An organisation and the actions it owns, alone or with others, grouped by plan: each action in brief, with the link to"
                            + " its plan's document (plans[].plan.downloads.json), which has the action in full and its progress history.")
            .object("organisation", ORGANISATION, "The organisation.", (c, d) -> d)
            .object("tally", TALLY, "The actions it owns, counted.", (c, d) -> d.tally())
            .field("follow_ups_past_their_dates", INTEGER, "How many of the follow-up actions set under the actions it owns had passed"
                    + " their dates on the as-of date without being reported done (not among the tally's actions).", (c, d) -> d.followUpsPassed())
            .array("plans", OWNED_ACTIONS, "The plans in which it owns actions, with those actions.", (c, d) -> d.groups())
            .array("involved_in", PLAN_REF, "Plans that list the organisation but in which it owns no action.", (c, d) -> d.involved())
            .array("leads", named("A recommendation the plan names the organisation as the lead of; its actions may be owned by others."),
                    "The recommendations the organisation leads, in plan order (the page's 'Recommendations it leads').", (c, d) -> d.leads())
            .array("oversees", named("A recommendation the plan names the organisation among the oversight bodies of; its actions may"
                            + " be owned by others."),
                    "The recommendations the organisation oversees, in plan order (the page's 'Recommendations it oversees').",
                    (c, d) -> d.oversees())
            .array("commissioned", PLAN_SUMMARY, "The plans that name the organisation among those who commissioned them, whoever owns"
                    + " their actions (the page's 'Plans it commissioned').", (c, d) -> d.commissioned())
            .array("investigated", PLAN_SUMMARY, "The plans that name the organisation among those who carried out their investigation"
                    + " (the page's 'Investigations it carried out').", (c, d) -> d.investigated());

    /** A recommendation that names an organisation, described as {@code description}. */
    private static JsonShape<Named> named(String description) {
        return JsonShape.<Named>inline(description)
                .object("plan", PLAN_REF, "Its plan.", (c, l) -> l.plan())
                .field("number", STRING, "The recommendation's number as published.", (c, l) -> l.recommendation().number())
                .field("title", N_STRING, "Its title, where the plan gives one.", (c, l) -> l.recommendation().title())
                .field("url", URL, "Its page on this site.", (c, l) -> Routes.url(c.site(), Routes.recommendation(l.plan().id(),
                        l.recommendation().number())))
                .object("tally", TALLY, "Its actions, whoever owns them, counted.", (c, l) -> Tally.of(l.recommendation().actions()));
    }

    static final JsonShape<Archive> SITE_DOCUMENT = JsonRenderer.<Archive>document(Routes.SITE_SCHEMA,
                    "The site's plans and organisations, with links to each one's own downloads.")
            .array("lifecycles", LIFECYCLE, "The lifecycle common to every plan that each plan's status words map onto.",
                    (c, a) -> List.of(Lifecycle.values()))
            .object("tally", TALLY, "Every action of the site, counted.", (c, a) -> siteTally(a))
            .object("downloads", DOWNLOADS, "The site-wide downloads.", (c, a) -> new Links("", Routes.SITE_DATA, Routes.SITE_JSON, true,
                    a.plans().stream().anyMatch(p -> Links.of(p).calendar()), null))
            .array("plans", PLAN_SUMMARY, "Every plan.", (c, a) -> a.plans())
            .array("organisations", ORGANISATION_SUMMARY, "Every organisation.", (c, a) -> summarised(a))
            .field("themes_note", N_STRING, "Who assigned the themes and who may change them (Markdown).", (c, a) -> text(c.site().themesNote()))
            .array("themes", JsonShape.<ThemeIndex.Listed>inline("A theme of the site's controlled list, with what comes under it.")
                    .field("id", STRING, "The theme's identifier on this site.", (c, l) -> l.theme().id())
                    .field("label", STRING, "The theme as readers see it.", (c, l) -> c.site().theme(l.theme().id()).label())
                    .field("url", URL, "Its page on this site: the recommendations and actions of every plan under it.",
                            (c, l) -> Routes.url(c.site(), Routes.theme(l.theme().id())))
                    .field("description", N_STRING, "What comes under the theme (Markdown).", (c, l) -> text(l.theme().description()))
                    .field("recommendations", COUNT, "How many recommendations name it or have an action that does.", (c, l) -> l.recommendations())
                    .object("tally", TALLY, "The actions under it, counted.", (c, l) -> l.tally()),
                    "The site's themes, in its order. Themes are the site's editorial judgement, not part of the plans as published.",
                    (c, a) -> ThemeIndex.of(a).themes());

    /** What every document begins with: the schema it follows, the as-of date and the site. */
    private static <T> JsonShape<T> document(String schemaPath, String description) {
        return JsonShape.<T>inline(description)
                .field("$schema", URL, "The address of this schema.", (c, t) -> Routes.url(c.site(), schemaPath))
                .field("as_of", DATE, "The date as at which statuses, overdue and not-updated-recently flags were worked out (YYYY-MM-DD).",
                        (c, t) -> c.asOf().toString())
                .object("site", SITE, "The site that publishes the data.", (c, t) -> c.site());
    }

    // ---- values worked out ----

    private static JsonShape<Tally> byLifecycle() {
        JsonShape<Tally> shape = JsonShape.inline("How many are at each lifecycle stage.");
        for (Lifecycle l : Lifecycle.values()) {
            shape = shape.field(l.code(), COUNT, l.label() + ".", (c, t) -> t.count(l));
        }
        return shape;
    }

    private static String lifecycleCode(ScaleEntry e) {
        return e.lifecycle() == null ? null : e.lifecycle().code();
    }

    /** An action's progress updates, each with what it changed where the history has it. */
    private static List<HistoryEntry> history(Action a) {
        List<HistoryEntry> history = a.state().history();
        return IntStream.range(0, a.progress().size()).mapToObj(i -> i < history.size() && history.get(i).update().equals(a.progress().get(i))
                ? history.get(i) : new HistoryEntry(a.progress().get(i), List.of())).toList();
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

    private static List<Summarised> summarised(Archive archive) {
        Ownership ownership = ownership(archive);
        return archive.organisations().stream().map(o -> new Summarised(o, ownership)).toList();
    }
}

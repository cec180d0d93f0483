package org.followthrough.render.data;

import org.followthrough.render.Routes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followthrough.format.ContentFormat;
import org.followthrough.model.Archive;
import org.followthrough.model.Lifecycle;

/**
 * The JSON Schemas (draft 2020-12) of the JSON downloads that {@link JsonRenderer} writes, one per
 * kind of document, each standing alone (no reference leaves the file). They are published on the
 * site at {@link Routes#PLAN_SCHEMA}, {@link Routes#ORGANISATION_SCHEMA} and
 * {@link Routes#SITE_SCHEMA}, and the documents name them with {@code "$schema"}.
 *
 * <p>The schemas are strict: every key is required (null where there is no value) and no other key
 * is allowed, so that a change to the documents that the schema does not describe fails the tests.
 */
public final class JsonSchemaWriter {

    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private JsonSchemaWriter() {
    }

    public static String plan(Archive archive) {
        return document(archive, Routes.PLAN_SCHEMA, "Followthrough plan data",
                "An action plan in full, as published on the site: its details, scales, recommendations and actions,"
                        + " each action's follow-ups and progress updates, and what the site works out about each action"
                        + " as at the as-of date.",
                new Obj().p("plan", ref("plan"), "The plan."));
    }

    public static String organisation(Archive archive) {
        return document(archive, Routes.ORGANISATION_SCHEMA, "Followthrough organisation data",
                "An organisation and the actions it owns, alone or with others, grouped by plan: each action in brief, with"
                        + " the link to its plan's document (plans[].plan.downloads.json), which has the action in full and its"
                        + " progress history.",
                new Obj().p("organisation", ref("organisation"), "The organisation.")
                        .p("tally", ref("tally"), "The actions it owns, counted.")
                        .p("plans", array(ref("ownedActions")), "The plans in which it owns actions, with those actions.")
                        .p("involved_in", array(ref("planRef")), "Plans that list the organisation but in which it owns no action."));
    }

    public static String site(Archive archive) {
        return document(archive, Routes.SITE_SCHEMA, "Followthrough site data",
                "The site's plans and organisations, with links to each one's own downloads.",
                new Obj().p("lifecycles", array(ref("lifecycle")), "The lifecycle common to every plan that each plan's status words map onto.")
                        .p("tally", ref("tally"), "Every action of the site, counted.")
                        .p("downloads", ref("downloads"), "The site-wide downloads.")
                        .p("plans", array(ref("planSummary")), "Every plan.")
                        .p("organisations", array(ref("organisationSummary")), "Every organisation.")
                        .p("themes_note", N_STRING, "Who assigned the themes and who may change them (Markdown).")
                        .p("themes", array(new Obj()
                                .p("id", STRING, "The theme's identifier on this site.")
                                .p("label", STRING, "The theme as readers see it.")
                                .p("url", URL, "Its page on this site: the recommendations and actions of every plan under it.")
                                .p("description", N_STRING, "What comes under the theme (Markdown).")
                                .p("recommendations", COUNT, "How many recommendations name it or have an action that does.")
                                .p("tally", ref("tally"), "The actions under it, counted.")
                                .build("A theme of the site's controlled list, with what comes under it.")),
                                "The site's themes, in its order. Themes are the site's editorial judgement, not part of the plans as published."));
    }

    private static String document(Archive archive, String path, String title, String description, Obj own) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", DIALECT);
        root.put("$id", Routes.url(archive.site(), path));
        root.put("title", title);
        Obj properties = new Obj()
                .p("$schema", URL, "The address of this schema.")
                .p("as_of", DATE, "The date as at which statuses, overdue and not-updated-recently flags were worked out (YYYY-MM-DD).")
                .p("site", ref("site"), "The site that publishes the data.");
        properties.properties.putAll(own.properties);
        root.putAll(properties.build(description));
        root.put("$defs", defs());
        return Json.write(root);
    }

    private static Map<String, Object> defs() {
        Map<String, Object> defs = new LinkedHashMap<>();
        defs.put("site", new Obj()
                .p("title", STRING, "The site's name.")
                .p("publisher", STRING, "Who publishes the site.")
                .p("url", URL, "The site's address.")
                .p("language", STRING, "The language of the content, as a language tag (en-GB).")
                .p("description", N_STRING, "A sentence or two about the site (Markdown).")
                .p("stale_after_months", INTEGER, "An action not done is flagged not updated recently when its latest dated progress update is older than this many months.")
                .build("The site that publishes the data."));
        defs.put("codeLabel", new Obj()
                .p("code", STRING, "The code, as content files and filters write it.")
                .p("label", STRING, "The words readers see.")
                .build("A value from a fixed list."));
        Map<String, Object> lifecycleCode = new LinkedHashMap<>();
        lifecycleCode.put("enum", Arrays.stream(Lifecycle.values()).map(Lifecycle::code).toList());
        defs.put("lifecycle", new Obj()
                .p("code", lifecycleCode, "The lifecycle's code.")
                .p("label", STRING, "The lifecycle as readers see it.")
                .p("description", STRING, "What it means.")
                .p("done", BOOLEAN, "Whether an action at this stage is done (and so never overdue).")
                .build("A stage of the lifecycle common to every plan."));
        defs.put("orgRef", new Obj()
                .p("id", STRING, "The organisation's identifier on this site.")
                .p("name", STRING, "Its full name.")
                .p("url", URL, "Its page on this site.")
                .build("An organisation, by name."));
        defs.put("themeRef", new Obj()
                .p("id", STRING, "The theme's identifier on this site.")
                .p("label", STRING, "The theme as readers see it.")
                .p("url", URL, "Its page on this site.")
                .build("A theme of the site's controlled list: the site's editorial judgement, not part of the plan as published."));
        defs.put("target", new Obj()
                .p("as_published", N_STRING, "The wording exactly as the plan printed it; null where the plan printed a plain date.")
                .p("text", N_STRING, "The target as readers see it: the wording, or the date written out ('30 June 2024').")
                .p("date", nullable(pattern("^(\\d{4}-\\d{2}(-\\d{2})?|ongoing)$")),
                        "What the target means: a day (YYYY-MM-DD), a month (YYYY-MM) or 'ongoing'; null when the wording names no real date.")
                .p("deadline", N_DATE, "The last day on which the target is met (a month's last day); null for ongoing or undated targets.")
                .build("A target as published and what it means in time."));
        defs.put("owner", new Obj()
                .p("organisation", ref("orgRef"), "The organisation.")
                .p("role", N_STRING, "The owner's role, team or directorate; several roles in one text, as plans print them (see roles).")
                .p("roles", array(STRING), "The owner's roles one by one, as published (a plan may give one owner several).")
                .p("name", N_STRING, "The person named in the plan.")
                .build("An owner of an action."));
        defs.put("extraColumns", ordered("description", "Values in the plan's extra columns: every column of the plan's"
                        + " extra_columns by id, with its text (Markdown) or null.", "type", "object",
                "propertyNames", ordered("pattern", "^" + ContentFormat.ID.pattern() + "$"), "additionalProperties", N_STRING));
        defs.put("progressUpdate", new Obj()
                .p("date", N_DATE, "The date the update describes; null when the document gives none.")
                .p("date_as_published", N_STRING, "The date in the document's own words, where it is not exact.")
                .p("status", nullable(ref("scaleValue")), "The status as at this date.")
                .p("grade", nullable(ref("scaleValue")), "The grade as at this date.")
                .p("rag", nullable(ref("scaleValue")), "The RAG rating as at this date.")
                .p("text", N_STRING, "What happened (Markdown).")
                .p("reported_by", N_STRING, "Who reported it.")
                .p("from_recommendation", BOOLEAN, "Whether the plan reported it once for all the actions of the recommendation.")
                .p("changes", array(new Obj()
                        .p("scale", new LinkedHashMap<>(Map.of("enum", List.of("Status", "Grade", "RAG"))), "Which scale changed.")
                        .p("from", nullable(ref("scaleValue")), "The value before; null when none was set.")
                        .p("to", ref("scaleValue"), "The value from this update.")
                        .build("A change an update made.")), "What the update changed for the action, worked out against its updates"
                        + " before it; empty on a recommendation.")
                .build("A progress update."));
        defs.put("scaleEntry", new Obj()
                .p("code", STRING, "What the content files write.")
                .p("label", STRING, "What readers see.")
                .p("description", N_STRING, "What the value means (Markdown).")
                .p("lifecycle", nullable(lifecycleCode), "For statuses, the common lifecycle stage the status means; otherwise null.")
                .build("One value of a scale."));
        defs.put("scaleValue", new Obj()
                .p("code", STRING, "The value's code in the plan's scale (see the plan's scales for what it means).")
                .p("label", STRING, "The value in the plan's own words.")
                .p("lifecycle", nullable(lifecycleCode), "For statuses, the common lifecycle stage; otherwise null.")
                .build("A value of one of the plan's scales, where it is used."));
        Obj byLifecycle = new Obj();
        for (Lifecycle l : Lifecycle.values()) {
            byLifecycle.p(l.code(), COUNT, l.label() + ".");
        }
        defs.put("tally", new Obj()
                .p("total", COUNT, "How many actions.")
                .p("done", COUNT, "How many are completed, embedded or closed.")
                .p("overdue", COUNT, "How many are overdue.")
                .p("not_updated_recently", COUNT, "How many are not updated recently.")
                .p("by_lifecycle", byLifecycle.build("How many are at each lifecycle stage."), "How many are at each lifecycle stage.")
                .build("Counts of actions."));
        defs.put("downloads", new Obj()
                .p("page", URL, "The web page.")
                .p("json", URL, "The JSON document.")
                .p("csv", URL, "One row per action, as CSV (RFC 4180, UTF-8).")
                .p("csv_metadata", URL, "The CSV's CSV on the Web (W3C) metadata, describing its columns.")
                .p("atom", URL, "An Atom feed of the dated progress updates.")
                .p("ics", URL, "An iCalendar file of the dated targets.")
                .build("Where the page and each download are."));
        defs.put("planRef", new Obj()
                .p("id", STRING, "The plan's identifier on this site.")
                .p("url", URL, "Its page on this site.")
                .p("title", STRING, "Its title.")
                .p("reference", N_STRING, "Its reference as published.")
                .p("downloads", ref("downloads"), "Its downloads.")
                .build("A plan, with links to it."));
        defs.put("planSummary", new Obj()
                .p("id", STRING, "The plan's identifier on this site.")
                .p("url", URL, "Its page on this site.")
                .p("title", STRING, "Its title.")
                .p("reference", N_STRING, "Its reference as published.")
                .p("kind", ref("codeLabel"), "The kind of review.")
                .p("published", N_DATE, "When the plan was published.")
                .p("start", N_DATE, "When the plan started.")
                .p("target_completion", nullable(ref("target")), "When the plan is due to be complete.")
                .p("organisations", array(ref("orgRef")), "Every organisation involved.")
                .p("tally", ref("tally"), "Its actions, counted.")
                .p("downloads", ref("downloads"), "Its downloads; 'json' is the plan in full.")
                .build("A plan, in brief."));
        defs.put("organisationSummary", new Obj()
                .p("id", STRING, "The organisation's identifier on this site.")
                .p("url", URL, "Its page on this site.")
                .p("name", STRING, "Its full name.")
                .p("short_name", N_STRING, "The abbreviation readers know.")
                .p("type", ref("codeLabel"), "The kind of organisation.")
                .p("website", N_URL, "Its website.")
                .p("ods_code", N_STRING, "Its NHS Organisation Data Service code.")
                .p("actions_owned", COUNT, "How many actions it owns, alone or with others.")
                .p("downloads", ref("downloads"), "Its downloads.")
                .build("An organisation, in brief."));
        defs.put("organisation", new Obj()
                .p("id", STRING, "The organisation's identifier on this site.")
                .p("url", URL, "Its page on this site.")
                .p("name", STRING, "Its full name.")
                .p("short_name", N_STRING, "The abbreviation readers know.")
                .p("type", ref("codeLabel"), "The kind of organisation.")
                .p("website", N_URL, "Its website.")
                .p("ods_code", N_STRING, "Its NHS Organisation Data Service code.")
                .p("description", N_STRING, "A note about the organisation (Markdown).")
                .p("brand_colour", N_STRING, "Its colour, as #rrggbb.")
                .p("published_plans_url", N_URL, "Where it publishes its own part of plans.")
                .p("downloads", ref("downloads"), "Its downloads.")
                .build("An organisation that owns, leads or oversees actions."));
        defs.put("ownedActions", new Obj()
                .p("plan", ref("planRef"), "The plan.")
                .p("tally", ref("tally"), "The organisation's actions in the plan, counted.")
                .p("actions", array(ref("actionInBrief")), "The organisation's actions in the plan, in brief.")
                .build("The actions an organisation owns in one plan."));
        defs.put("plan", new Obj()
                .p("id", STRING, "The plan's identifier on this site.")
                .p("url", URL, "Its page on this site.")
                .p("title", STRING, "Its title.")
                .p("reference", N_STRING, "Its reference as published.")
                .p("kind", ref("codeLabel"), "The kind of review.")
                .p("kind_as_published", N_STRING, "The kind in the plan's own words.")
                .p("subject", N_STRING, "How the plan refers to the person at its centre.")
                .p("commissioned_by", array(ref("orgRef")), "Organisations that commissioned the review.")
                .p("commissioned_by_as_published", N_STRING, "The commissioner in the plan's own words.")
                .p("investigated_by", array(ref("orgRef")), "Organisations that carried out the review.")
                .p("organisations", array(ref("orgRef")), "Every organisation involved.")
                .p("published", N_DATE, "When the plan was published.")
                .p("start", N_DATE, "When the plan started.")
                .p("target_completion", nullable(ref("target")), "When the plan is due to be complete.")
                .p("date_range", N_STRING, "The date range in the plan's own words.")
                .p("care_units", array(STRING), "Care units or services.")
                .p("summary", N_STRING, "The plan's summary (Markdown).")
                .p("updates", array(new Obj()
                        .p("date", DATE, "The date of the update.")
                        .p("title", N_STRING, "Its title.")
                        .p("note", N_STRING, "What it covered (Markdown).")
                        .build("A published update of the plan.")), "The plan's published updates, in date order.")
                .p("source", nullable(new Obj()
                        .p("title", N_STRING, "The document's title.")
                        .p("url", N_URL, "Where it is published.")
                        .p("notes", N_STRING, "What was missing or ambiguous, and how it was transcribed (Markdown).")
                        .build("The published document the plan was transcribed from.")), "The published document.")
                .p("scales", new Obj()
                        .p("grades", array(ref("scaleEntry")), "Assurance grades with their criteria.")
                        .p("priorities", array(ref("scaleEntry")), "Priorities with their definitions.")
                        .p("rag", array(ref("scaleEntry")), "Red/amber/green ratings and what each means.")
                        .p("terms", array(ref("scaleEntry")), "Short, medium and long term.")
                        .p("statuses", array(ref("scaleEntry")), "The status words the plan uses, each with its lifecycle stage.")
                        .build("The scales the plan uses: its own, or the site's."), "How the plan grades, prioritises and describes its work.")
                .p("extra_columns", array(new Obj()
                        .p("id", STRING, "The key of the column's values under extra_columns.")
                        .p("label", STRING, "The column's heading as published.")
                        .p("description", N_STRING, "What the column holds, where the plan says (Markdown).")
                        .build("A column the plan publishes that has no field of its own.")),
                        "The plan's own extra columns, in the order it prints them.")
                .p("addressed_without_action", array(new Obj()
                        .p("number", STRING, "The number as published.")
                        .p("title", N_STRING, "The title or theme.")
                        .p("reason", N_STRING, "Why no further action is needed (Markdown).")
                        .build("A recommendation addressed with no further action.")), "Recommendations addressed with no further action.")
                .p("tally", ref("tally"), "The plan's actions, counted.")
                .p("downloads", ref("downloads"), "The plan's downloads.")
                .p("recommendations", array(ref("recommendation")), "The recommendations, as published, each with its actions.")
                .build("An action plan."));
        defs.put("recommendation", new Obj()
                .p("number", STRING, "The number as published.")
                .p("url", URL, "The recommendation on this site.")
                .p("title", N_STRING, "The title or theme.")
                .p("text", N_STRING, "The recommendation as published (Markdown).")
                .p("issues_identified", N_STRING, "The issues or findings behind it (Markdown).")
                .p("priority", nullable(ref("scaleValue")), "Its priority.")
                .p("lead", array(ref("orgRef")), "The lead organisations.")
                .p("lead_as_published", N_STRING, "The lead as the plan wrote it.")
                .p("oversight", N_STRING, "Who oversees it, as published.")
                .p("oversight_by", array(ref("orgRef")), "The oversight bodies.")
                .p("note", N_STRING, "Anything a reader should know (Markdown).")
                .p("owners", array(ref("owner")), "Owners the plan gives once for all the actions; each action lists them as its own"
                        + " owners unless it has others.")
                .p("target", nullable(ref("target")), "A target the plan gives once for all the actions.")
                .p("extra_columns", ref("extraColumns"), "Values in the plan's extra columns given once for all the actions.")
                .p("progress", array(ref("progressUpdate")), "Progress the plan reports once for all the actions; each action's"
                        + " progress includes these.")
                .p("themes", array(ref("themeRef")), "The themes the recommendation names; its actions come under them too.")
                .p("actions", array(ref("action")), "The actions, as published.")
                .build("A recommendation with its actions."));
        defs.put("action", actionHead()
                .p("monitoring", N_STRING, "The measurement tool or monitoring arrangements (Markdown).")
                .p("frequency", N_STRING, "How often it is monitored.")
                .p("desired_outcome", N_STRING, "The outcome it should bring about (Markdown).")
                .p("success_measure", N_STRING, "How success is measured (Markdown).")
                .p("evidence", array(new Obj()
                        .p("text", STRING, "What the evidence is.")
                        .p("link", N_URL, "Where it is published.")
                        .p("location", N_STRING, "Where it is held.")
                        .build("An item of evidence.")), "Evidence items.")
                .p("term", nullable(ref("scaleValue")), "Short, medium or long term.")
                .p("status_as_first_published", nullable(ref("scaleValue")), "The status the plan first published the action with; the latest is state.status.")
                .p("rag_as_first_published", nullable(ref("scaleValue")), "The RAG rating first published; the latest is state.rag.")
                .p("grade_as_first_published", nullable(ref("scaleValue")), "The grade first published; the latest is state.grade.")
                .p("quality_assured_by", N_STRING, "Who quality-assures it, as published.")
                .p("extra_columns", ref("extraColumns"), "Its values in the plan's extra columns (its recommendation's where it has none of its own).")
                .p("follow_ups", array(new Obj()
                        .p("text", N_STRING, "The follow-up action (Markdown).")
                        .p("target", nullable(ref("target")), "When it is due.")
                        .p("status", nullable(ref("scaleValue")), "Its status.")
                        .build("A further action required after review.")), "Follow-up actions.")
                .p("note", N_STRING, "Anything a reader should know (Markdown).")
                .p("themes", array(ref("themeRef")), "The themes the action comes under: its recommendation's and its own, in the site's order.")
                .p("progress", array(ref("progressUpdate")), "Progress updates, oldest first, its recommendation's included.")
                .p("inherited", array(STRING),
                        "Which values come from the recommendation, which gives them once for all its actions: 'owners', 'target',"
                                + " 'progress' (some of its updates) and the ids of extra columns.")
                .p("state", ref("actionState"), "The action's derived state.")
                .build("An action taken in response to a recommendation."));
        defs.put("actionInBrief", actionHead()
                .p("state", ref("actionState"), "The action's derived state.")
                .build("An action in brief: the plan's document has it in full, with its progress history."));
        defs.put("actionState", new Obj()
                .p("status", nullable(ref("scaleValue")), "The latest status published; null when none was.")
                .p("lifecycle", ref("codeLabel"), "The lifecycle stage of the latest status ('not_stated' when none was published).")
                .p("done", BOOLEAN, "Whether the action is completed, embedded or closed.")
                .p("status_since", N_DATE, "The date from which the latest status has held, where known.")
                .p("grade", nullable(ref("scaleValue")), "The latest grade.")
                .p("rag", nullable(ref("scaleValue")), "The latest RAG rating.")
                .p("last_updated", N_DATE, "The date of the latest dated progress update.")
                .p("overdue", BOOLEAN, "The target had passed on the as-of date and the action was not done.")
                .p("not_updated_recently", BOOLEAN, "The action was not done and had no dated progress update in the site's limit before the as-of date.")
                .p("completed_on", N_DATE, "When the action was first reported done, where known.")
                .build("What the site works out about an action as at the as-of date; never written in the content."));
        return defs;
    }

    /** The properties an action's full and brief forms begin with. */
    private static Obj actionHead() {
        return new Obj()
                .p("ref", STRING, "The reference as published; unique within the plan.")
                .p("recommendation_number", STRING, "The number of the recommendation it responds to.")
                .p("url", URL, "The action on this site.")
                .p("section", N_STRING, "The heading of the part of the document it was published under.")
                .p("description", N_STRING, "The action (Markdown).")
                .p("owners", array(ref("owner")), "Who owns the action (its recommendation's owners where it has none of its own).")
                .p("target", nullable(ref("target")), "When it is due (its recommendation's target where it has none of its own).");
    }

    // ---- building blocks ----

    private static final Map<String, Object> STRING = Map.of("type", "string");
    private static final Map<String, Object> N_STRING = Map.of("type", List.of("string", "null"));
    private static final Map<String, Object> BOOLEAN = Map.of("type", "boolean");
    private static final Map<String, Object> INTEGER = Map.of("type", "integer");
    private static final Map<String, Object> COUNT = ordered("type", "integer", "minimum", 0);
    private static final Map<String, Object> URL = ordered("type", "string", "format", "uri");
    private static final Map<String, Object> N_URL = ordered("type", List.of("string", "null"), "format", "uri");
    private static final Map<String, Object> DATE = ordered("type", "string", "format", "date", "pattern", "^\\d{4}-\\d{2}-\\d{2}$");
    private static final Map<String, Object> N_DATE = ordered("type", List.of("string", "null"), "format", "date", "pattern", "^\\d{4}-\\d{2}-\\d{2}$");

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> pattern(String pattern) {
        return ordered("type", "string", "pattern", pattern);
    }

    private static Map<String, Object> ref(String def) {
        return ordered("$ref", "#/$defs/" + def);
    }

    private static Map<String, Object> array(Map<String, Object> items) {
        return ordered("type", "array", "items", items);
    }

    private static Map<String, Object> nullable(Map<String, Object> schema) {
        return ordered("anyOf", List.of(schema, Map.of("type", "null")));
    }

    /** An object whose every property is required and which allows no other. */
    private static final class Obj {
        private final Map<String, Object> properties = new LinkedHashMap<>();

        Obj p(String name, Map<String, Object> schema, String description) {
            Map<String, Object> property = new LinkedHashMap<>();
            property.put("description", description);
            property.putAll(schema);
            properties.put(name, property);
            return this;
        }

        Map<String, Object> build(String description) {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("description", description);
            schema.put("type", "object");
            schema.put("properties", properties);
            schema.put("required", new ArrayList<>(properties.keySet()));
            schema.put("additionalProperties", false);
            return schema;
        }
    }
}

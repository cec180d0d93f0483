package org.followthrough.format;

import static org.followthrough.format.Field.optional;
import static org.followthrough.format.Field.required;

import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.HistoryDetail;
import org.followthrough.model.OrganisationType;
import org.followthrough.model.PlanKind;

/**
 * The content format in one place: every kind of YAML file and object, its fields and what they
 * mean. The shape checker, the JSON Schemas editors use and the reference tables all come from here.
 */
public final class ContentFormat {

    private ContentFormat() {
    }

    private static final FieldType TEXT = new FieldType.Text();
    private static final FieldType MARKDOWN = new FieldType.MarkdownText();
    private static final FieldType DATE = new FieldType.Date();
    private static final FieldType FLEX_DATE = new FieldType.FlexDate();
    private static final FieldType ORGANISATIONS = new FieldType.ListOf(new FieldType.Reference(RefKind.ORGANISATION));
    /**
     * A host as every URI parser reads one, with its port if any: a name of labels of letters, digits
     * and inner hyphens, the last starting with a letter, or an IPv4 address.
     */
    private static final String HOST = "(([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)*[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?"
            + "|((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]))(:[0-9]{1,5})?";
    /** The same host, its labels repeated possessively (each ends in a dot, which nothing after the host begins with). */
    private static final String HOST_MATCHED = "(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)*+[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            + "|(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]))(?::[0-9]{1,5})?";
    /** A character of an address's path, as it is or written as %XX; a query and a fragment may hold '?' as well. */
    private static final String PATH_CHARACTER = "([A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2})";
    private static final String QUERY_CHARACTER = "([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})";
    /** A character of one segment of a path: a path's character other than '/'. */
    private static final String SEGMENT_CHARACTER = "(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})";

    /**
     * An absolute http or https address with a host, in the characters addresses are written in, so
     * that it is published as written and every reader (browsers, feed readers, URI parsers) takes it
     * the same way: anything else, a space or a brace, is written as %XX. Matched with its path, query
     * and fragment repeated possessively, as what follows each cannot be one of its characters.
     */
    public static final TextPattern WEB_ADDRESS = new TextPattern(
            "https?://" + HOST + "(/" + PATH_CHARACTER + "*)?(\\?" + QUERY_CHARACTER + "*)?(#" + QUERY_CHARACTER + "*)?",
            Pattern.compile("https?://" + HOST_MATCHED + "(?:/" + nonCapturing(PATH_CHARACTER) + "*+)?(?:\\?" + nonCapturing(QUERY_CHARACTER)
                    + "*+)?(?:#" + nonCapturing(QUERY_CHARACTER) + "*+)?"));
    /**
     * The address of a folder, as a site's is: a web address with no query or fragment, ending in /. Matched
     * as segments each ending in /, so that no repeat has to give back its last character.
     */
    public static final TextPattern FOLDER_ADDRESS = new TextPattern(
            "https?://" + HOST + "/(" + PATH_CHARACTER + "*/)?",
            Pattern.compile("https?://" + HOST_MATCHED + "/(?:" + SEGMENT_CHARACTER + "*+/)*+"));
    private static final String ADDRESS_HINT = "; write a space or any character other than letters, digits and - . _ ~ ! $ & ' ( ) * + , ; = : @ / ? # "
            + "as %XX (a space as %20), and a host name in another script in its xn-- form";

    private static final FieldType URL = new FieldType.Patterned("a web address", WEB_ADDRESS, "https://www.example.nhs.uk/",
            "write it like https://www.example.nhs.uk/" + ADDRESS_HINT);
    private static final FieldType COLOUR = new FieldType.Patterned("a colour",
            TextPattern.of("#[0-9a-fA-F]{6}"), "#005eb8");

    /** An id: lower-case letters and digits, in parts joined by single hyphens. */
    public static final TextPattern ID = new TextPattern("[a-z0-9]+(-[a-z0-9]+)*", Pattern.compile("[a-z0-9]++(?:-[a-z0-9]++)*+"));

    private static String nonCapturing(String group) {
        return "(?:" + group.substring(1);
    }

    /** Letters that no accent makes, as they are written in the Latin alphabet's plain letters. */
    private static final Map<Character, String> PLAIN_LETTERS = Map.ofEntries(Map.entry('æ', "ae"), Map.entry('ø', "o"),
            Map.entry('œ', "oe"), Map.entry('ß', "ss"), Map.entry('ł', "l"), Map.entry('đ', "d"), Map.entry('ð', "d"),
            Map.entry('þ', "th"), Map.entry('ı', "i"), Map.entry('ħ', "h"));

    /**
     * The id a name (or an id written otherwise) makes: lower-case letters and digits, accents left off their letters
     * ("révision" makes "revision", "Ærø" "aero"), apostrophes left out ("St Mary's" makes "st-marys"), each run of anything
     * else one hyphen.
     */
    public static String idFrom(String text) {
        String plain = java.text.Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        StringBuilder letters = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            letters.append(PLAIN_LETTERS.getOrDefault(c, String.valueOf(c)));
        }
        return letters.toString().replaceAll("(?<=\\p{L})['’ʼ](?=\\p{L})", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** An id made from {@code text} (see {@link #idFrom}) to give as an example, or {@code otherwise} where it makes none. */
    public static String idExample(String text, String otherwise) {
        String id = idFrom(text);
        return ID.matches(id) ? id : otherwise;
    }

    static FieldType scaleRef(RefKind kind) {
        return new FieldType.Reference(kind);
    }

    /** A target written as a mapping: the plan's wording and, optionally, the date it means. */
    public static final Shape TARGET = new Shape("target", "A target with the wording as published.", List.of(
            required("as_published", TEXT, "The wording exactly as the plan printed it."),
            optional("date", TEXT, "The date (YYYY-MM-DD), month (YYYY-MM) or 'ongoing' the wording means; leave out when it names no real date.")));

    public static final Shape SCALE_ENTRY = new Shape("scale entry", "One value of a scale.", List.of(
            required("code", TEXT, "What the content files write."),
            required("label", TEXT, "What readers see."),
            optional("description", MARKDOWN, "What the value means: a grade's criteria, a priority's definition.")));

    public static final Shape STATUS_ENTRY = new Shape("status", "A status word of the plan and its place in the common lifecycle.", List.of(
            required("code", TEXT, "What the content files write."),
            required("label", TEXT, "The plan's word, as readers see it."),
            optional("description", MARKDOWN, "What the status means."),
            required("lifecycle", new FieldType.Choice(Lifecycle.writable().stream().map(Lifecycle::code).toList()),
                    "The common lifecycle stage this status means.")));

    public static final Shape SCALES = new Shape("scales", "How a plan grades, prioritises and describes its work.", List.of(
            optional("grades", new FieldType.ListOf(new FieldType.Nested(SCALE_ENTRY)), "Assurance grades, e.g. A–E with their criteria."),
            optional("priorities", new FieldType.ListOf(new FieldType.Nested(SCALE_ENTRY)), "Priorities with their definitions."),
            optional("rag", new FieldType.ListOf(new FieldType.Nested(SCALE_ENTRY)), "Red/amber/green ratings and what each means."),
            optional("terms", new FieldType.ListOf(new FieldType.Nested(SCALE_ENTRY)), "Short, medium and long term."),
            optional("statuses", new FieldType.ListOf(new FieldType.Nested(STATUS_ENTRY)), "The status words the plan uses.")));

    private static final FieldType THEMES = new FieldType.ListOf(new FieldType.Reference(RefKind.THEME));

    /** A theme of the site's controlled list, under which recommendations and actions of every plan are found together. */
    public static final Shape THEME = new Shape("theme", "A theme of the site's controlled list.", List.of(
            required("id", new FieldType.Patterned("an id of lower-case letters, digits and hyphens", ID, "risk-assessment"),
                    "What recommendations and actions write under themes; also the theme page's address (themes/<id>/)."),
            required("label", TEXT, "What readers see."),
            optional("description", MARKDOWN, "What comes under the theme.")));

    public static final Shape SITE = new Shape("site.yaml", "The site's settings and default scales.", List.of(
            required("title", TEXT, "The site's name, shown in every page header."),
            required("publisher", TEXT, "Who publishes the site."),
            required("base_url", new FieldType.Patterned("a web address ending in /", FOLDER_ADDRESS, "https://example.org/action-plans/",
                    "write it like https://example.org/action-plans/" + ADDRESS_HINT), "The address the site is published at."),
            required("language", new FieldType.Patterned("a language tag",
                    TextPattern.of("[a-z]{2,3}(-[A-Z]{2})?"), "en-GB"), "The language of the content."),
            required("time_zone", new FieldType.TimeZone(), "The time zone in which 'today' is taken."),
            optional("description", MARKDOWN, "A sentence or two about the site."),
            optional("contact", MARKDOWN, "How to contact the publisher."),
            optional("stale_after_months", new FieldType.Whole(1, 120), "An action whose last update is older than this many months is flagged 'not updated recently' (default 6)."),
            optional("brand_colour", COLOUR, "The header colour; white text on it must have a contrast of at least 4.5:1."),
            optional("scales", new FieldType.Nested(SCALES), "The default scales for plans that do not define their own."),
            optional("change_history", new FieldType.Choice(Arrays.stream(HistoryDetail.values()).map(HistoryDetail::code).toList()),
                    "How much of the content's Git history plan pages show: none, dates, messages (the default) or authors (also authors' names)."),
            optional("themes", new FieldType.ListOf(new FieldType.Nested(THEME)), "The controlled list of themes recommendations and actions may name, in the order readers see them."),
            optional("themes_note", MARKDOWN, "Who assigned the themes and who may change them; shown on every theme page.")));

    public static final Shape ORGANISATION = new Shape("organisation", "An organisation that owns, leads or oversees actions.", List.of(
            required("name", TEXT, "The full name."),
            optional("short_name", TEXT, "The abbreviation readers know."),
            required("type", new FieldType.Choice(Arrays.stream(OrganisationType.values()).map(OrganisationType::code).toList()), "The kind of organisation."),
            optional("website", URL, "The organisation's website."),
            optional("ods_code", new FieldType.Patterned("an ODS code", TextPattern.of("[A-Z0-9]{3,6}"), "R1L"), "The NHS Organisation Data Service code."),
            optional("description", MARKDOWN, "A note about the organisation."),
            optional("brand_colour", COLOUR, "The colour for the organisation's own site."),
            optional("logo", new FieldType.Patterned("a logo file under assets/", TextPattern.of("assets/[A-Za-z0-9._/-]+\\.(svg|png)"),
                    "assets/logos/eput.svg"), "Path of the organisation's logo (SVG or PNG) in the content folder's assets/."),
            optional("published_plans_url", URL, "Where the organisation publishes its own part of plans."),
            optional("base_url", new FieldType.Patterned("a web address ending in /", FOLDER_ADDRESS, "https://www.example.nhs.uk/action-plans/",
                    "write it like https://www.example.nhs.uk/action-plans/" + ADDRESS_HINT),
                    "The address of the organisation's own site, built with build --organisation.")));

    public static final Shape PLAN_UPDATE = new Shape("plan update", "A published update of the plan.", List.of(
            required("date", DATE, "The date of the update."),
            optional("title", TEXT, "The update's title."),
            optional("note", MARKDOWN, "What the update covered.")));

    public static final Shape SOURCE = new Shape("source", "The published document the plan was transcribed from.", List.of(
            optional("title", TEXT, "The document's title."),
            optional("url", URL, "Where it is published."),
            optional("notes", MARKDOWN, "What was missing or ambiguous, and how it was transcribed.")));

    public static final Shape ADDRESSED = new Shape("recommendation addressed without action", "A recommendation the plan addresses with no further action.", List.of(
            required("number", TEXT, "The number as published."),
            optional("title", TEXT, "The title or theme."),
            required("reason", MARKDOWN, "Why no further action is needed.")));

    public static final Shape EXTRA_COLUMN = new Shape("extra column", "A column the plan publishes that has no field of its own.", List.of(
            required("id", new FieldType.Patterned("an id of lower-case letters, digits and hyphens", ID, "lead-director"),
                    "What recommendations and actions write under extra_columns."),
            required("label", TEXT, "The column's heading exactly as published."),
            optional("description", MARKDOWN, "What the column holds, where the plan says.")));

    /** The values of a plan's extra columns, on a recommendation or an action. */
    static final FieldType EXTRA_VALUES = new FieldType.Keyed(RefKind.COLUMN, MARKDOWN);

    public static final Shape PLAN = new Shape("plan.yaml", "A plan's details and scales.", List.of(
            required("title", TEXT, "The plan's title."),
            optional("reference", TEXT, "The reference as published."),
            optional("former_ids", new FieldType.ListOf(new FieldType.Patterned("an id of lower-case letters, digits and hyphens", ID, "hom-2019-04")),
                    "The ids the plan was published under before its folder was renamed: the addresses of its pages there lead to the plan's."),
            required("kind", new FieldType.Choice(Arrays.stream(PlanKind.values()).map(PlanKind::code).toList()),
                    "The kind of review; not_stated where the document does not say."),
            optional("kind_as_published", TEXT, "The kind in the plan's own words."),
            optional("subject", TEXT, "How the plan refers to the person at its centre."),
            optional("commissioned_by", ORGANISATIONS, "Organisations that commissioned the review."),
            optional("commissioned_by_as_published", TEXT, "The commissioner in the plan's own words."),
            optional("investigated_by", ORGANISATIONS, "Organisations that carried out the review."),
            required("organisations", ORGANISATIONS, "Every organisation involved."),
            optional("published", DATE, "The date the plan was published."),
            optional("start", DATE, "The date the plan started."),
            optional("target_completion", FLEX_DATE, "When the plan is due to be complete."),
            optional("date_range", TEXT, "The date range in the plan's own words."),
            optional("care_units", new FieldType.ListOf(TEXT), "Care units or services."),
            optional("summary", MARKDOWN, "The plan's summary."),
            optional("updates", new FieldType.ListOf(new FieldType.Nested(PLAN_UPDATE)), "The plan's published updates, in date order."),
            optional("source", new FieldType.Nested(SOURCE), "The published document."),
            optional("scales", new FieldType.Nested(SCALES), "The plan's own scales; each kind given replaces the site's."),
            optional("extra_columns", new FieldType.ListOf(new FieldType.Nested(EXTRA_COLUMN)),
                    "Columns the plan publishes that have no field of their own, in the order the plan prints them."),
            optional("addressed_without_action", new FieldType.ListOf(new FieldType.Nested(ADDRESSED)), "Recommendations addressed with no further action.")));

    public static final Shape OWNER = new Shape("owner", "Who owns an action.", List.of(
            required("organisation", new FieldType.Reference(RefKind.ORGANISATION), "The organisation's id."),
            optional("role", new FieldType.ListOf(TEXT), "The owner's role, team or directorate; a list where the plan gives one owner several roles."),
            optional("name", TEXT, "The person named in the plan.")));

    public static final Shape EVIDENCE = new Shape("evidence", "An item of evidence.", List.of(
            required("text", TEXT, "What the evidence is."),
            optional("link", URL, "Where it is published."),
            optional("location", TEXT, "Where it is held.")));

    public static final Shape FOLLOW_UP = new Shape("follow-up", "A follow-up action with its own target.", List.of(
            required("text", MARKDOWN, "The follow-up action."),
            optional("target", FLEX_DATE, "When it is due."),
            optional("status", scaleRef(RefKind.STATUS), "A status code.")));

    public static final Shape PROGRESS = new Shape("progress update", "What was true of an action on a date.", List.of(
            optional("date", DATE, "The date the update describes."),
            optional("date_as_published", TEXT, "The date in the document's own words, where it is not exact."),
            optional("status", scaleRef(RefKind.STATUS), "The status as at this date."),
            optional("grade", scaleRef(RefKind.GRADE), "The grade as at this date."),
            optional("rag", scaleRef(RefKind.RAG), "The RAG rating as at this date."),
            optional("text", MARKDOWN, "What happened."),
            optional("reported_by", TEXT, "Who reported it.")));

    public static final Shape ACTION = new Shape("action", "An action taken in response to a recommendation.", List.of(
            required("ref", TEXT, "The reference as published; unique within the plan."),
            optional("description", MARKDOWN, "The action (SMART)."),
            optional("section", TEXT, "The heading of the part of the document it was published under."),
            optional("owners", new FieldType.ListOf(new FieldType.Nested(OWNER)), "Who owns the action; required unless its recommendation gives owners for all its actions."),
            optional("target", FLEX_DATE, "When it is due; without one, the recommendation's target for all its actions, if any."),
            optional("monitoring", MARKDOWN, "The measurement tool or monitoring arrangements."),
            optional("frequency", TEXT, "How often it is monitored."),
            optional("desired_outcome", MARKDOWN, "The outcome the action should bring about."),
            optional("success_measure", MARKDOWN, "How success is measured."),
            optional("evidence", new FieldType.ListOf(new FieldType.Nested(EVIDENCE)), "Evidence items."),
            optional("term", scaleRef(RefKind.TERM), "A term code."),
            optional("status", scaleRef(RefKind.STATUS), "The status as first published."),
            optional("rag", scaleRef(RefKind.RAG), "A RAG code."),
            optional("grade", scaleRef(RefKind.GRADE), "A grade code."),
            optional("quality_assured_by", TEXT, "Who quality-assures it, as published."),
            optional("extra_columns", EXTRA_VALUES, "Its values in the plan's extra columns, by column id."),
            optional("follow_ups", new FieldType.ListOf(new FieldType.Nested(FOLLOW_UP)), "Follow-up actions."),
            optional("note", MARKDOWN, "Anything a reader should know."),
            optional("themes", THEMES, "Ids of the site's themes the action comes under, besides its recommendation's."),
            optional("progress", new FieldType.ListOf(new FieldType.Nested(PROGRESS)), "Progress updates, oldest first.")));

    public static final Shape RECOMMENDATION = new Shape("recommendation", "A recommendation with its actions.", List.of(
            required("number", TEXT, "The number as published."),
            optional("title", TEXT, "The title or theme."),
            optional("text", MARKDOWN, "The recommendation as published."),
            optional("issues_identified", MARKDOWN, "The issues or findings behind it."),
            optional("priority", scaleRef(RefKind.PRIORITY), "A priority code."),
            optional("lead", ORGANISATIONS, "The lead organisations."),
            optional("lead_as_published", TEXT, "The lead as the plan wrote it."),
            optional("oversight", TEXT, "Who oversees it, as published."),
            optional("oversight_by", ORGANISATIONS, "The oversight bodies."),
            optional("owners", new FieldType.ListOf(new FieldType.Nested(OWNER)),
                    "Owners the plan gives once for all its actions; an action without owners of its own has these."),
            optional("target", FLEX_DATE, "A target the plan gives once for all its actions; an action without a target of its own has this."),
            optional("extra_columns", EXTRA_VALUES,
                    "Values in the plan's extra columns given once for all its actions, by column id; an action's own value wins."),
            optional("note", MARKDOWN, "Anything a reader should know."),
            optional("progress", new FieldType.ListOf(new FieldType.Nested(PROGRESS)),
                    "Progress the plan reports once for all its actions, oldest first; each action's history holds these with its own."),
            optional("themes", THEMES, "Ids of the site's themes the recommendation comes under; its actions come under them too."),
            optional("actions", new FieldType.ListOf(new FieldType.Nested(ACTION)), "The actions.")));

    /** The kinds of file editors write, named as their schemas are published. */
    public static final List<FileKind> FILE_KINDS = List.of(
            new FileKind("site", SITE),
            new FileKind("organisation", ORGANISATION),
            new FileKind("plan", PLAN),
            new FileKind("recommendation", RECOMMENDATION));

    /**
     * Every field name of the format, each as one string. The YAML parser makes a new string for each key it reads, and a
     * thousand plans write the format's few dozen field names about a million times over: the reader keeps each as the
     * format's own. Any other key (a site's own column, a mistake) is kept as it was read.
     */
    private static final Map<String, String> FIELD_NAMES = fieldNames();

    /** The format's own string for a field name, or {@code key} itself where it names no field of the format. */
    public static String fieldName(String key) {
        return FIELD_NAMES.getOrDefault(key, key);
    }

    private static Map<String, String> fieldNames() {
        Map<String, String> names = new HashMap<>();
        Set<Shape> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        FILE_KINDS.forEach(kind -> collectFieldNames(kind.shape(), names, seen));
        return Map.copyOf(names);
    }

    private static void collectFieldNames(Shape shape, Map<String, String> names, Set<Shape> seen) {
        if (!seen.add(shape)) {
            return;
        }
        for (Field field : shape.fields()) {
            names.putIfAbsent(field.name(), field.name());
            collectFieldNames(field.type(), names, seen);
        }
    }

    private static void collectFieldNames(FieldType type, Map<String, String> names, Set<Shape> seen) {
        if (type instanceof FieldType.Nested nested) {
            collectFieldNames(nested.shape(), names, seen);
        } else if (type instanceof FieldType.ListOf list) {
            collectFieldNames(list.item(), names, seen);
        } else if (type instanceof FieldType.Keyed keyed) {
            collectFieldNames(keyed.value(), names, seen);
        }
    }

    public record FileKind(String name, Shape shape) {
        public String schemaFileName() {
            return name + ".schema.json";
        }
    }
}

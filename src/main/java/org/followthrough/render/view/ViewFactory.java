package org.followthrough.render.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.followthrough.model.Action;
import org.followthrough.model.ColumnValue;
import org.followthrough.model.ExtraColumn;
import org.followthrough.model.Owner;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.Shared;
import org.followthrough.model.ActionState;
import org.followthrough.model.Archive;
import org.followthrough.model.ChangesSince;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.model.PlansByOrganisation;
import org.followthrough.model.Recommendation;
import org.followthrough.model.Scale;
import org.followthrough.model.ScaleEntry;
import org.followthrough.model.Site;
import org.followthrough.model.Tally;
import org.followthrough.model.Target;
import org.followthrough.model.Theme;
import org.followthrough.model.ThemeIndex;
import org.followthrough.model.Timeline;
import org.followthrough.render.chart.TimelineSvg;
import org.followthrough.render.Dates;
import org.followthrough.render.MarkdownRenderer;
import org.followthrough.render.Routes;
import org.followthrough.render.view.Views.*;

/** Builds template views from the model. Holds no state beyond the archive's organisations, and the plans' rows and scale entries' views once made. */
public final class ViewFactory {

    private final Archive archive;
    private final Map<String, Organisation> organisations;
    private final MarkdownRenderer markdown;

    /** The view of each scale entry named so far (a handful per site). */
    private final Map<ScaleEntry, ScaleEntryView> entries = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Each action's row, by plan id and action ref, made when first asked for: a build that remakes one plan's pages
     * makes one plan's rows, and its owners' pages the rows of the actions they own.
     */
    private final Map<String, Map<String, ActionRow>> rowsByPlan = new java.util.concurrent.ConcurrentHashMap<>();

    /** For each organisation, the plans that name it or give it actions, in archive order. */
    private final PlansByOrganisation plansOf;

    public ViewFactory(Archive archive, MarkdownRenderer markdown) {
        this(archive, markdown, PlansByOrganisation.of(archive));
    }

    /** @param plansOf the plans naming each organisation of the archive, when the caller has worked them out already */
    public ViewFactory(Archive archive, MarkdownRenderer markdown, PlansByOrganisation plansOf) {
        this.archive = archive;
        this.organisations = archive.organisationsById();
        this.markdown = markdown;
        this.plansOf = plansOf;
    }

    public SiteView site() {
        Site s = archive.site();
        var scope = archive.scope();
        String logo = null;
        if (scope != null) {
            Organisation owner = organisations.get(scope.organisationId());
            logo = owner.logo() == null ? null : Routes.logo(owner.logo());
        }
        return new SiteView(s.title(), s.publisher(), s.language(), s.brandColour(), html(s.description()),
                html(s.contact()), Dates.format(archive.asOf()), archive.asOf().toString(), s.staleAfterMonths(), s.baseUrl(),
                logo, scope == null ? null : scope.partnershipTitle(), scope == null ? null : scope.partnershipBaseUrl(),
                !s.themes().isEmpty(), scope == null ? s.publisher() : scope.partnershipPublisher());
    }

    /** A page's place on the site: {@code crumb} is the shorter name its breadcrumbs end with. */
    public PageView page(String path, String title, String crumb, List<Crumb> breadcrumbs) {
        String root = "../".repeat(depth(path));
        String base = archive.site().baseUrl();
        return new PageView(root.isEmpty() ? "./" : root, path, base + path, title, crumb, breadcrumbs);
    }

    /**
     * What the page at {@code path} of a snapshot of {@code date} says of itself. A snapshot lies two
     * folders below the site's root ({@code snapshots/<date>/}), so the current site is two folders up.
     */
    public SnapshotNotice snapshotNotice(LocalDate date, String path) {
        String up = "../".repeat(depth(path) + 2);
        return new SnapshotNotice(Dates.format(date), date.toString(), up + path, up + Routes.SNAPSHOTS, up);
    }

    /** The snapshots the list of snapshots links to, newest first. */
    public List<SnapshotLink> snapshotLinks(List<LocalDate> dates) {
        return dates.stream().sorted(java.util.Comparator.reverseOrder())
                .map(date -> new SnapshotLink(Dates.format(date), date.toString(), Routes.snapshot(date))).toList();
    }

    private static int depth(String path) {
        return path.isEmpty() ? 0 : (int) path.chars().filter(c -> c == '/').count();
    }

    public OrgRef org(String id) {
        Organisation o = organisations.get(id);
        return new OrgRef(id, o.name(), o.shortName(), o.type().label(), archive.hasPageFor(id) ? Routes.organisation(id) : null);
    }

    private List<OrgRef> orgs(List<String> ids) {
        return ids.stream().map(this::org).toList();
    }

    private freemarker.core.TemplateHTMLOutputModel html(org.followthrough.model.Markdown md) {
        return md == null ? null : Html.of(markdown.toHtml(md));
    }

    /**
     * The view of a scale's entry, made once per entry: every action, update and follow-up names one, and its
     * description is Markdown (a plan of 10,000 actions named them 200,000 times, each made and rendered anew).
     */
    private ScaleEntryView entry(ScaleEntry e) {
        return e == null ? null : entries.computeIfAbsent(e, this::newEntry);
    }

    private ScaleEntryView newEntry(ScaleEntry e) {
        return new ScaleEntryView(e.code(), e.label(), e.description() == null ? null : Html.of(markdown.toHtml(e.description())),
                e.lifecycle() == null ? null : e.lifecycle().code(), e.lifecycle() == null ? null : e.lifecycle().label());
    }

    private List<ScaleEntryView> scale(Scale scale) {
        return scale.entries().stream().map(this::entry).toList();
    }

    public static TargetView target(Target t) {
        if (t == null) {
            return null;
        }
        String formatted = Dates.format(t.date());
        String text = t.asPublished() != null ? t.asPublished() : formatted;
        // "Completed August 2016" already says August 2016: only wording that does not gets its date beside it
        String meaning = t.asPublished() != null && formatted != null
                && !t.asPublished().toLowerCase(Locale.ROOT).contains(formatted.toLowerCase(Locale.ROOT)) ? formatted : null;
        return new TargetView(text, meaning, Dates.iso(t.date()),
                t.date() instanceof org.followthrough.model.TargetDate.Ongoing, t.date() == null);
    }

    public TallyView tally(Tally tally) {
        List<TallyItem> items = new ArrayList<>();
        for (Lifecycle l : Lifecycle.values()) {
            if (tally.count(l) > 0) {
                items.add(new TallyItem(l.code(), l.label(), tally.count(l)));
            }
        }
        return new TallyView(tally.total(), tally.done(), tally.overdue(), tally.targetPassedWithoutStatus(), tally.stale(),
                List.copyOf(items));
    }

    /**
     * The view of a plan. Not kept: the build makes each plan's view once for the outputs that show it,
     * so that memory holds the views of the plans being rendered, not of the whole archive.
     */
    public PlanView plan(Plan p) {
        return makePlan(p);
    }

    /** What a list of plans shows of each: enough for a card or a row, without the recommendations. */
    public PlanSummary planSummary(Plan p) {
        List<UpdateView> updates = p.updates().isEmpty() ? List.of()
                : List.of(update(p.updates().get(p.updates().size() - 1), false));
        return new PlanSummary(p.id(), Routes.plan(p.id()), p.title(), planName(p), p.reference(), p.kind().label(),
                orgs(p.organisations()), Dates.format(p.published()), iso(p.published()), Dates.format(p.start()), iso(p.start()),
                target(p.targetCompletion()), p.dateRange(), updates, tally(p.tally()), standing(p));
    }

    private UpdateView update(org.followthrough.model.PlanUpdate u, boolean withNote) {
        return new UpdateView(Dates.format(u.date()), iso(u.date()), u.title(), withNote ? html(u.note()) : null);
    }

    /** The view of an organisation. */
    public OrganisationView organisation(Organisation o) {
        return makeOrganisation(o);
    }

    /** Titles longer than this are too long for a table cell; the plan is then named by its kind and subject. */
    private static final int SHORT_NAME = 60;

    /**
     * A plan's name for tables and tight spaces: its title where that is short, else its kind of review and
     * subject ("Independent investigation: P"), else the first words of its title.
     */
    public static String planName(Plan p) {
        if (p.title().length() <= SHORT_NAME) {
            return p.title();
        }
        if (p.subject() != null) {
            return p.kind().label() + ": " + p.subject();
        }
        int cut = p.title().lastIndexOf(' ', SHORT_NAME);
        return p.title().substring(0, cut > 0 ? cut : SHORT_NAME) + " …";
    }

    /**
     * When the plan's last dated update was published, its open actions once its target completion has passed, and its
     * follow-ups past their dates.
     */
    PlanStanding standing(Plan p) {
        LocalDate last = p.lastUpdate(archive.asOf());
        int open = p.targetCompletionPassed(archive.asOf()) ? p.tally().total() - p.tally().done() : 0;
        int followUps = p.followUpsPassed(archive.asOf());
        return new PlanStanding(Dates.format(last), iso(last), open, followUps);
    }


    /**
     * The numbers missing from a plan's run of recommendation numbers 1, 2, 3 …, in a sentence ("Recommendations
     * 4 and 5 are not in the plan as published here"), or null
     * when none are or the numbers are not plain numbers ("1a", "3.2") whose run could be told. A number may
     * name several ("5, 7 and 10").
     */
    static String missingNumbers(Plan p) {
        java.util.TreeSet<Integer> present = new java.util.TreeSet<>();
        List<String> numbers = new ArrayList<>();
        p.recommendations().forEach(r -> numbers.add(r.number()));
        p.addressedWithoutAction().forEach(a -> numbers.add(a.number()));
        for (String number : numbers) {
            if (!number.strip().matches("\\d{1,6}(\\s*(,|and|&)\\s*\\d{1,6})*")) {
                return null;
            }
            for (String n : number.split("\\D+")) {
                if (!n.isEmpty()) {
                    present.add(Integer.parseInt(n));
                }
            }
        }
        if (present.isEmpty()) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        for (int n = 1; n < present.last(); n++) {
            if (!present.contains(n)) {
                missing.add(String.valueOf(n));
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return missing.size() == 1 ? "Recommendation " + missing.get(0) + " is not in the plan as published here"
                : "Recommendations " + String.join(", ", missing.subList(0, missing.size() - 1)) + " and " + missing.get(missing.size() - 1)
                + " are not in the plan as published here";
    }

    /** The number of the last of {@code recommendations} that comes before {@code number} in number order, or null. */
    static String comesAfter(String number, List<Recommendation> recommendations) {
        String after = null;
        for (Recommendation r : recommendations) {
            if (NUMBER_ORDER.compare(r.number(), number) < 0) {
                after = r.number();
            }
        }
        return after;
    }

    private static final java.util.regex.Pattern NUMBER_RUNS = java.util.regex.Pattern.compile("\\d+|\\D+");

    /** Recommendation numbers as readers count them: "2" before "10", and "3" before "3.1" before "3a". */
    public static final java.util.Comparator<String> NUMBER_ORDER = (a, b) -> {
        java.util.regex.Matcher x = NUMBER_RUNS.matcher(a);
        java.util.regex.Matcher y = NUMBER_RUNS.matcher(b);
        while (x.find() && y.find()) {
            String p = x.group();
            String q = y.group();
            int c = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0))
                    ? new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length());
    };

    private PlanView makePlan(Plan p) {
        boolean feedEmpty = p.actions().noneMatch(a -> a.progress().stream().anyMatch(u -> u.date() != null));
        int statuses = (int) p.actions().filter(a -> a.state().status() != null).count();
        int undated = p.statusDatesNotPublished() ? 0
                : (int) p.actions().filter(a -> a.state().status() != null && a.state().statusSince() == null).count();
        return new PlanView(p.id(), Routes.plan(p.id()), p.title(), planName(p), p.reference(), p.kind().label(), p.kindAsPublished(),
                p.subject(), orgs(p.commissionedBy()), p.commissionedByAsPublished(), orgs(p.investigatedBy()),
                orgs(p.organisations()), Dates.format(p.published()), iso(p.published()), Dates.format(p.start()),
                iso(p.start()), target(p.targetCompletion()), p.dateRange(), p.careUnits(), html(p.summary()),
                p.updates().stream().map(u -> update(u, true)).toList(),
                p.source() == null ? null : new SourceView(p.source().title(), p.source().url(), html(p.source().notes())),
                scalesUsed(p),
                p.extraColumns().stream().map(c -> new ColumnDefinitionView(c.id(), c.label(), html(c.description()))).toList(),
                p.statusDatesNotPublished(),
                p.addressedWithoutAction().stream()
                        .map(a -> new AddressedView(Routes.anchor("recommendation", a.number()), a.number(), a.title(), html(a.reason()),
                                comesAfter(a.number(), p.recommendations())))
                        .toList(),
                p.recommendations().stream().map(r -> recommendation(p, r)).toList(),
                tally(p.tally()),
                timeline(p.recommendations().stream().flatMap(r -> r.actions().stream()).map(a -> new Timeline.Item(p, a)).toList(),
                        "plan-" + p.id(), planName(p)),
                archive.scope() == null ? null : archive.scope().partnershipBaseUrl() + Routes.plan(p.id()),
                standing(p), missingNumbers(p), undated, statuses, feedEmpty, completedGrades(p));
    }

    /** The grades of the plan's completed actions, in the order of its scale of grades; none where no completed action is graded. */
    private List<GradeCount> completedGrades(Plan p) {
        Map<ScaleEntry, Integer> counts = new java.util.LinkedHashMap<>();
        p.scales().grades().entries().forEach(g -> counts.put(g, 0));
        p.actions().filter(a -> a.state().lifecycle().isDone() && a.state().grade() != null)
                .forEach(a -> counts.merge(a.state().grade(), 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> new GradeCount(gradeNote(e.getKey()), e.getValue())).toList();
    }

    /** The plan's scales that its actions actually use: a reader needs no key to a scale that never appears. */
    private ScalesView scalesUsed(Plan p) {
        boolean grades = p.actions().anyMatch(a -> a.grade() != null || a.progress().stream().anyMatch(u -> u.grade() != null));
        boolean priorities = p.recommendations().stream().anyMatch(r -> r.priority() != null);
        boolean rag = p.actions().anyMatch(a -> a.rag() != null || a.progress().stream().anyMatch(u -> u.rag() != null));
        boolean terms = p.actions().anyMatch(a -> a.term() != null);
        boolean statuses = p.actions().anyMatch(a -> a.status() != null || a.progress().stream().anyMatch(u -> u.status() != null)
                || a.followUps().stream().anyMatch(f -> f.status() != null));
        return new ScalesView(grades ? scale(p.scales().grades()) : List.of(), priorities ? scale(p.scales().priorities()) : List.of(),
                rag ? scale(p.scales().rag()) : List.of(), terms ? scale(p.scales().terms()) : List.of(),
                statuses ? scale(p.scales().statuses()) : List.of());
    }

    private RecommendationView recommendation(Plan plan, Recommendation r) {
        return recommendation(plan, r, r.actions().stream().map(a -> action(plan, r, a)).toList());
    }

    private static final int SUBJECT_WORDS = 20;

    private RecommendationView recommendation(Plan plan, Recommendation r, List<ActionView> actions) {
        String subject = r.title() != null ? r.title() : excerpt(r.text(), SUBJECT_WORDS);
        Shared shared = r.shared();
        List<ProgressView> progress = shared.progress().stream().map(u -> progress(u, List.of())).toList();
        return new RecommendationView(Routes.anchor("recommendation", r.number()), r.number(), r.title(), subject,
                Routes.recommendation(plan.id(), r.number()), html(r.text()),
                html(r.issuesIdentified()), entry(r.priority()), orgs(r.lead()), r.leadAsPublished(), r.oversight(),
                orgs(r.oversightBy()), html(r.note()), owners(shared.owners()), target(shared.target()),
                columns(plan, shared.extraColumns(), List.of()), progress, latest(progress, false), actions,
                tally(Tally.of(r.actions())), themes(r.themes()));
    }

    public ActionView action(Plan plan, Recommendation r, Action a) {
        List<ProgressView> progress = a.state().history().stream().map(h -> progress(h.update(), h.changes().stream()
                .map(c -> c.from() == null ? c.scale() + ": " + c.to().label() + " (first recorded)"
                        : c.scale() + ": " + c.from().label() + " → " + c.to().label()).toList())).toList();
        return new ActionView(Routes.anchor("action", a.ref()), a.ref(), r.number(), Routes.action(plan.id(), r.number(), a.ref()),
                html(a.description()), a.section(),
                owners(a.owners()), a.inherited().owners(), target(a.target()), a.inherited().target(),
                html(a.monitoring()), a.frequency(), html(a.desiredOutcome()), html(a.successMeasure()),
                a.evidence().stream().map(e -> new EvidenceView(e.text(), e.link(), e.location())).toList(),
                entry(a.term()), entry(a.status()), entry(a.rag()), entry(a.grade()), a.qualityAssuredBy(),
                columns(plan, a.extraColumns(), a.inherited().extraColumns()),
                a.followUps().stream().map(this::followUp).toList(),
                html(a.note()), progress, latest(progress, true), latest(progress, false), state(plan, a.state()),
                a.themes().equals(r.themes()) ? List.of() : themes(a.themes()));
    }

    private List<ThemeRef> themes(List<String> ids) {
        return ids.stream().map(id -> new ThemeRef(id, archive.site().theme(id).label(), Routes.theme(id))).toList();
    }

    /** A progress update with each change it made in words ("RAG: Amber → Green"). */
    private ProgressView progress(org.followthrough.model.HistoryEntry h) {
        return progress(h.update(), h.changes().stream()
                .map(c -> c.from() == null ? c.scale() + ": " + c.to().label() + " (first recorded)"
                        : c.scale() + ": " + c.from().label() + " → " + c.to().label()).toList());
    }

    private ProgressView progress(ProgressUpdate p, List<String> changes) {
        return new ProgressView(Dates.format(p.date()), iso(p.date()), p.dateAsPublished(), entry(p.status()), entry(p.grade()),
                entry(p.rag()), html(p.text()), p.reportedBy(), changes, p.shared());
    }

    /** The latest update with text, the recommendation's included or not. */
    private static ProgressView latest(List<ProgressView> progress, boolean withShared) {
        ProgressView latest = null;
        for (ProgressView p : progress) {
            if (p.text() != null && (withShared || !p.shared())) {
                latest = p;
            }
        }
        return latest;
    }

    private List<OwnerView> owners(List<Owner> owners) {
        return owners.stream().map(o -> {
            OrgRef organisation = org(o.organisationId());
            return new OwnerView(organisation, roleBeside(roleBeside(o.role(), organisation.name()), organisation.shortName()), o.name());
        }).toList();
    }

    /**
     * A role as the owner's line shows it, followed by the organisation: one that ends with the organisation's name
     * ("Director of Nursing, Black Country Partnership NHS Foundation Trust") is shown without it, which the line
     * would otherwise repeat; one that is only the name is not shown. The downloads keep the role as published.
     */
    static String roleBeside(String role, String organisation) {
        if (role == null || organisation == null) {
            return role;
        }
        String lowerRole = role.strip().toLowerCase(Locale.ROOT);
        String lowerName = organisation.toLowerCase(Locale.ROOT);
        if (lowerRole.equals(lowerName)) {
            return null;
        }
        for (String separator : List.of(", ", " – ", " - ")) {
            if (lowerRole.endsWith(separator + lowerName)) {
                return role.strip().substring(0, lowerRole.length() - separator.length() - lowerName.length()).strip();
            }
        }
        return role;
    }

    /** Values of the plan's extra columns under their headings; {@code shared} are the ids of those the recommendation gives. */
    private List<ColumnView> columns(Plan plan, List<ColumnValue> values, List<String> shared) {
        return values.stream().map(v -> new ColumnView(v.column(), plan.extraColumns().stream().filter(c -> c.id().equals(v.column()))
                .findFirst().map(ExtraColumn::label).orElse(v.column()), html(v.value()), shared.contains(v.column()))).toList();
    }

    /** Grade meanings short enough to stand beside a status ("Partially complete"); longer ones are in the plan's key of grades. */
    private static final int SHORT_MEANING = 60;

    private final Map<ScaleEntry, String> gradeNotes = new java.util.concurrent.ConcurrentHashMap<>();

    /** "grade D: Partially complete", to stand beside a status wherever it is shown. */
    private String gradeNote(ScaleEntry grade) {
        if (grade == null) {
            return null;
        }
        return gradeNotes.computeIfAbsent(grade, g -> {
            String meaning = g.description() == null ? null : org.jsoup.Jsoup.parse(markdown.toHtml(g.description())).text().strip();
            boolean named = g.label().toLowerCase(Locale.ROOT).contains("grade");
            return (named ? g.label() : "grade " + g.label())
                    + (meaning != null && !meaning.isEmpty() && meaning.length() <= SHORT_MEANING ? ": " + meaning : "");
        });
    }

    private FollowUpView followUp(org.followthrough.model.FollowUp f) {
        return new FollowUpView(html(f.text()), excerpt(f.text(), SUBJECT_WORDS), target(f.target()), entry(f.status()), f.datePassed(archive.asOf()));
    }

    private StateView state(Plan plan, ActionState s) {
        String own = s.status() != null && !s.status().label().equalsIgnoreCase(s.lifecycle().label()) ? s.status().label() : null;
        return new StateView(entry(s.status()), s.lifecycle().code(), s.lifecycle().label(), own, s.lifecycle().isDone(),
                Dates.format(s.statusSince()), iso(s.statusSince()),
                s.status() != null && s.statusSince() == null && !plan.statusDatesNotPublished(),
                entry(s.grade()), gradeNote(s.grade()), entry(s.rag()),
                Dates.format(s.lastUpdated()), iso(s.lastUpdated()), s.overdue(), s.targetPassedWithoutStatus(), s.stale());
    }

    public PlanLink planLink(Plan p) {
        return new PlanLink(p.id(), p.title(), planName(p), p.reference(), Routes.plan(p.id()));
    }

    /** A plan's actions as table rows, as published. */
    public List<ActionRow> rowsOf(Plan plan) {
        List<ActionRow> rows = new ArrayList<>();
        for (Recommendation r : plan.recommendations()) {
            for (Action a : r.actions()) {
                rows.add(rowOf(plan, r, a));
            }
        }
        return List.copyOf(rows);
    }

    /** The row of one action of a plan. */
    public ActionRow rowOf(Plan plan, Action action) {
        Map<String, ActionRow> made = rowsByPlan.get(plan.id());
        ActionRow row = made == null ? null : made.get(action.ref());
        if (row == null) {
            // the rows of the whole plan, as a list of actions from many plans shows most of the actions of each
            row = rowsOf(plan).stream().filter(each -> each.ref().equals(action.ref())).findFirst().orElse(null);
        }
        if (row == null) {
            throw new IllegalArgumentException("no action " + action.ref() + " in " + plan.id());
        }
        return row;
    }

    /**
     * The row of an action of a recommendation of a plan, made when first asked for: an organisation's page shows the
     * rows of the actions it owns, not of every action of the plans that name it, and a rebuild that changed one plan
     * makes again only its owners' pages.
     */
    private ActionRow rowOf(Plan plan, Recommendation r, Action a) {
        return rowsByPlan.computeIfAbsent(plan.id(), id -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(a.ref(), ref -> row(plan, r, a));
    }

    private ActionRow row(Plan plan, Recommendation r, Action a) {
        String summary = excerpt(a.description() != null ? a.description() : r.text() != null ? r.text() : null, EXCERPT_WORDS);
        if (summary == null) {
            summary = r.title() != null ? r.title() : r.heading();
        }
        return new ActionRow(plan.id(), plan.title(), planName(plan), plan.reference(), Routes.plan(plan.id()), r.number(), a.ref(),
                Routes.anchor("action", a.ref()), Routes.action(plan.id(), r.number(), a.ref()), summary,
                a.owners().stream().map(o -> o.organisationId()).distinct().map(this::org).toList(),
                target(a.target()), state(plan, a.state()));
    }

    private static final int EXCERPT_WORDS = 30;

    /** The words of a passage of Markdown as a reader sees them, without markup: what a search looks in. */
    public String plainText(org.followthrough.model.Markdown md) {
        return md == null ? "" : excerpt(md, Integer.MAX_VALUE);
    }

    /** The first words of a text, for tables and contents; the full text is one link away. */
    private String excerpt(org.followthrough.model.Markdown md, int most) {
        if (md == null) {
            return null;
        }
        String text = org.jsoup.Jsoup.parse(markdown.toHtml(md)).text().strip();
        String[] words = text.split("\\s+");
        if (words.length <= most) {
            return text;
        }
        return String.join(" ", java.util.Arrays.copyOf(words, most)) + " …";
    }

    /**
     * The actions an organisation owns, each with its recommendation, by path: what its fragment shows
     * of each, made without the views of the whole plans they belong to.
     */
    public ActionIndex ownedActions(Organisation o) {
        Map<String, ActionView> actions = new java.util.LinkedHashMap<>();
        Map<String, RecommendationView> recommendations = new java.util.LinkedHashMap<>();
        for (Plan plan : plansOf.naming(o.id())) {
            for (Recommendation r : plan.recommendations()) {
                RecommendationView recommendation = null;
                for (Action a : r.actions()) {
                    if (a.isOwnedBy(o.id())) {
                        if (recommendation == null) {
                            recommendation = recommendation(plan, r, List.of());
                        }
                        ActionView view = action(plan, r, a);
                        actions.put(view.path(), view);
                        recommendations.put(view.path(), recommendation);
                    }
                }
            }
        }
        return new ActionIndex(actions, recommendations);
    }

    /** A theme as the list of themes shows it, with the counts of what comes under it. */
    public ThemeSummary themeSummary(ThemeIndex.Listed listed) {
        Theme t = listed.theme();
        return new ThemeSummary(t.id(), t.label(), Routes.theme(t.id()), html(t.description()), listed.recommendations(),
                listed.actions(), tally(listed.tally()));
    }

    /** One page of a theme: {@code entries} are the recommendations it shows, grouped by plan in archive order. */
    public ThemePage themePage(ThemeIndex.Listed listed, List<ThemeIndex.Entry> entries, List<PageLink> pages, int page) {
        List<ThemeGroup> groups = new ArrayList<>();
        Plan current = null;
        List<ThemeRecommendation> recommendations = new ArrayList<>();
        for (ThemeIndex.Entry e : entries) {
            if (current != null && !current.id().equals(e.plan().id())) {
                groups.add(new ThemeGroup(planLink(current), List.copyOf(recommendations)));
                recommendations.clear();
            }
            current = e.plan();
            Recommendation r = e.recommendation();
            recommendations.add(new ThemeRecommendation(r.number(), r.title(), Routes.recommendation(current.id(), r.number()), e.named(),
                    e.actions().stream().map(a -> rowOf(e.plan(), a)).toList()));
        }
        if (current != null) {
            groups.add(new ThemeGroup(planLink(current), List.copyOf(recommendations)));
        }
        return new ThemePage(themeSummary(listed), themesNote(), List.copyOf(groups), pages, page);
    }

    /** The site's note on who assigned the themes and who may change them, or null. */
    public freemarker.core.TemplateHTMLOutputModel themesNote() {
        return html(archive.site().themesNote());
    }

    /**
     * Organisations as the list of organisations shows them: each one's name, type and the counts of the actions it
     * owns, found in one pass over the archive's actions rather than one pass for each organisation.
     */
    public List<OrganisationSummary> organisationSummaries(List<Organisation> organisations) {
        Map<String, List<Action>> owned = new java.util.HashMap<>();
        archive.plans().forEach(plan -> plan.actions().forEach(a -> a.owners().stream().map(Owner::organisationId).distinct()
                .forEach(id -> owned.computeIfAbsent(id, k -> new ArrayList<>()).add(a))));
        return organisations.stream().map(o -> new OrganisationSummary(o.id(), o.name(), o.shortName(), o.type().label(),
                Routes.organisation(o.id()), tally(Tally.of(owned.getOrDefault(o.id(), List.of()))))).toList();
    }

    private OrganisationView makeOrganisation(Organisation o) {
        List<PlanGroup> groups = new ArrayList<>();
        List<PlanLink> involved = new ArrayList<>();
        List<Action> owned = new ArrayList<>();
        List<Timeline.Item> items = new ArrayList<>();
        for (Plan plan : plansOf.naming(o.id())) {
            List<ActionRow> planRows = new ArrayList<>();
            List<Action> planActions = new ArrayList<>();
            if (plan.actions().noneMatch(a -> a.isOwnedBy(o.id()))) {
                // named in it in another part: among its organisations, as its commissioner, as a recommendation's lead…
                involved.add(planLink(plan));
                continue;
            }
            for (Recommendation r : plan.recommendations()) {
                for (Action a : r.actions()) {
                    if (a.isOwnedBy(o.id())) {
                        planRows.add(rowOf(plan, r, a));
                        planActions.add(a);
                        items.add(new Timeline.Item(plan, a));
                    }
                }
            }
            Tally inPlan = Tally.of(planActions);
            groups.add(new PlanGroup(planLink(plan), tally(inPlan), List.copyOf(planRows), target(plan.targetCompletion()),
                    plan.targetCompletionPassed(archive.asOf()) ? inPlan.total() - inPlan.done() : 0,
                    Plan.followUpsPassed(planActions, archive.asOf())));
            owned.addAll(planActions);
        }
        return new OrganisationView(o.id(), o.name(), o.shortName(), o.type().label(), o.website(), o.odsCode(),
                html(o.description()), Routes.organisation(o.id()), tally(Tally.of(owned)), List.copyOf(groups), List.copyOf(involved),
                timeline(items, "organisation-" + o.id(), o.displayShortName()), o.publishedPlansUrl(),
                archive.scope() == null ? naming(plansOf.naming(o.id()), o.id(), Recommendation::lead) : List.of(),
                archive.scope() == null ? naming(plansOf.naming(o.id()), o.id(), Recommendation::oversightBy) : List.of(),
                archive.scope() == null ? inRole(plansOf.naming(o.id()), o.id(), Plan::commissionedBy) : List.of(),
                archive.scope() == null ? inRole(plansOf.naming(o.id()), o.id(), Plan::investigatedBy) : List.of());
    }

    /** The plans of these that name the organisation in {@code role} (their commissioner, their investigator), each counted. */
    private List<PlanInBrief> inRole(List<Plan> plans, String organisationId, java.util.function.Function<Plan, List<String>> role) {
        return plans.stream().filter(p -> role.apply(p).contains(organisationId)).map(p -> new PlanInBrief(planLink(p), tally(p.tally())))
                .toList();
    }

    /**
     * The recommendations of these plans that name the organisation in {@code role} (their lead, their oversight bodies),
     * in the plans' order and their own, each by its title or the first words of its text.
     */
    private List<NamedRecommendation> naming(List<Plan> plans, String organisationId,
                                             java.util.function.Function<Recommendation, List<String>> role) {
        List<NamedRecommendation> named = new ArrayList<>();
        for (Plan plan : plans) {
            for (Recommendation r : plan.recommendationsNaming(organisationId, role)) {
                named.add(new NamedRecommendation(planName(plan), r.number(), r.title() != null ? r.title() : excerpt(r.text(), SUBJECT_WORDS),
                        Routes.recommendation(plan.id(), r.number()), tally(Tally.of(r.actions()))));
            }
        }
        return List.copyOf(named);
    }

    /**
     * What the timeline's dotted lines mark: the plan's published updates, or under the names of several plans ({@code planNames},
     * else null) each plan's, across its own rows; nothing where there are none.
     */
    private static String updatesCaption(Timeline t, Map<String, String> planNames) {
        if (t.updates().isEmpty()) {
            return "";
        }
        java.util.function.Function<List<LocalDate>, String> days = dates -> String.join(", ", dates.stream().map(Dates::format).toList());
        if (planNames == null) {
            return " Dotted upright lines mark the plan's published updates (" + days.apply(t.updateDates()) + ").";
        }
        List<String> each = new ArrayList<>();
        planNames.forEach((id, name) -> {
            List<LocalDate> dates = t.updateDates(id);
            if (!dates.isEmpty()) {
                each.add(name + " on " + days.apply(dates));
            }
        });
        return " Dotted upright lines mark each plan's published updates, across its own rows: " + String.join("; ", each) + ".";
    }

    /** More actions than this make a chart of one row each too long to read; the table still has them all. */
    static final int MOST_CHART_ROWS = 150;

    /**
     * The timeline of a set of actions, as charts and tables holding the same numbers. A chart that would say
     * nothing is left out, with why: one of spans when no action has a date to draw, or too many actions to read,
     * and one of counts when they never changed.
     */
    private TimelineView timeline(List<Timeline.Item> items, String id, String name) {
        if (items.isEmpty()) {
            return null;
        }
        Timeline t = Timeline.of(items, archive.asOf());
        Map<String, String> paths = new java.util.HashMap<>();
        Map<String, String> planNames = new java.util.LinkedHashMap<>();
        for (Timeline.Item item : items) {
            if (!planNames.containsKey(item.plan().id())) {
                planNames.put(item.plan().id(), planName(item.plan()));
                for (Recommendation r : item.plan().recommendations()) {
                    r.actions().forEach(a -> paths.put(item.plan().id() + "|" + a.ref(), Routes.action(item.plan().id(), r.number(), a.ref())));
                }
            }
        }
        boolean byPlan = planNames.size() > 1;
        String asOf = Dates.format(t.asOf());
        long done = t.spans().stream().filter(Timeline.Span::done).count();
        long overdue = t.spans().stream().filter(Timeline.Span::overdue).count();

        String spansChart = null;
        String spansNarrow = null;
        String spansOmitted = null;
        // A start is drawn only as the start of a bar to a target, or of an open action's line to the as-of date: an action
        // reported complete with neither a target date nor a date of completion has nothing to place.
        boolean anyDate = t.spans().stream().anyMatch(s -> s.deadline() != null || s.completedOn() != null || !s.done() && s.start() != null);
        if (!anyDate) {
            spansOmitted = "No chart of each action's dates: none of these actions has a published target date or date of completion"
                    + (t.spans().stream().anyMatch(s -> !s.done()) ? ", nor a start date where it is still open" : "")
                    + ", so there would be nothing on it. The table below gives what is known.";
        } else if (t.spans().size() > MOST_CHART_ROWS) {
            spansOmitted = "No chart of each action's dates: with " + t.spans().size() + " actions, a row for each would be too long to read. "
                    + "The table below gives every action's dates.";
        } else {
            String title = "Dates of the actions of " + name;
            String description = t.spans().size() + (t.spans().size() == 1 ? " action" : " actions") + (byPlan ? " of " + planNames.size() + " plans, under the name of each plan" : "")
                    + ", each drawn from when work started to its target (a diamond), with a tick where it was reported complete, "
                    + "or a line to " + asOf + " while it is still open, solid where it is overdue and dashed where it is not. " + done + " complete, " + overdue + " overdue. "
                    + "The same information is in the table that follows.";
            java.util.function.Function<String, String> names = byPlan ? planNames::get : null;
            spansChart = TimelineSvg.spans(t, id + "-spans", title, description, TimelineSvg.Size.WIDE, names);
            spansNarrow = TimelineSvg.spans(t, id + "-spans", title, description, TimelineSvg.Size.NARROW, names);
        }
        boolean doneUndated = t.spans().stream().anyMatch(s -> s.done() && s.completedOn() == null);
        String spansCaption = "Each row is an action" + (byPlan ? ", under the name of its plan" : "") + ". Its bar runs from when work "
                + "started to its target date (◆). A filled circle with a tick (✓) marks when it was reported complete"
                + (doneUndated ? "; a hollow one, in the column after " + asOf + " headed “Done, no date”, that it was reported complete"
                + " without a date" : "") + ". A line with"
                + " an arrow runs on to " + asOf + " while an action is still open: solid, heavier and red where it is overdue, "
                + "dashed and grey where it is not."
                + updatesCaption(t, byPlan ? planNames : null);

        Timeline.Point first = t.points().get(0);
        Timeline.Point last = t.points().get(t.points().size() - 1);
        boolean flat = t.points().stream().allMatch(p -> p.open() == first.open() && p.done() == first.done());
        String countsChart = null;
        String countsNarrow = null;
        String countsOmitted = null;
        if (flat) {
            countsOmitted = "No chart of open and completed actions over time: "
                    + (t.points().size() == 1 ? (items.stream().allMatch(i -> i.action().state().lifecycle() == Lifecycle.NOT_STATED)
                    ? "no status of these actions is published" : "no status of these actions is dated")
                    + ", so how many were complete before " + asOf + " is not known. "
                    : "the numbers did not change from " + Dates.format(first.date()) + " to " + asOf
                    + " (none of the statuses the plan dates moved an action between open and complete), so it would be two flat lines. ")
                    + "On " + asOf + ", " + last.done() + " " + (last.done() == 1 ? "is" : "are")
                    + " complete and " + last.open() + " not reported complete.";
        } else {
            String title = "Open and completed actions of " + name + " over time";
            String description = "From " + Dates.format(first.date()) + " to " + asOf + ": on " + asOf + ", " + last.open()
                    + " not reported complete and " + last.done() + " complete. The same numbers are in the table that follows.";
            countsChart = TimelineSvg.counts(t, id + "-counts", title, description, TimelineSvg.Size.WIDE);
            countsNarrow = TimelineSvg.counts(t, id + "-counts", title, description, TimelineSvg.Size.NARROW);
        }
        String countsCaption = "How many actions were not reported complete (dashed line, squares) and complete (solid line, circles) on each "
                + "date the plan reports a change of status, from " + Dates.format(first.date()) + " to " + asOf + ".";

        List<SpanRow> spans = t.spans().stream().map(s -> new SpanRow(byPlan ? planNames.get(s.planId()) : null, s.ref(),
                paths.get(s.planId() + "|" + s.ref()), Dates.format(s.start()), iso(s.start()),
                // as the plan dates it ("April 2014" for "Apr-14"), not as the last day the drawing runs to
                s.deadline() == null ? null : Dates.format(s.target()), s.deadline() == null ? null : Dates.iso(s.target()),
                Dates.format(s.completedOn()), iso(s.completedOn()),
                s.lifecycle().label() + (s.overdue() ? ", overdue" : ""))).toList();
        List<PointRow> points = t.points().stream().map(p -> new PointRow(Dates.format(p.date()), iso(p.date()), p.open(), p.done())).toList();
        return new TimelineView(Html.of(spansChart), Html.of(spansNarrow), spansCaption, spansOmitted,
                Html.of(countsChart), Html.of(countsNarrow), countsCaption, countsOmitted, byPlan, spans, points);
    }

    // ---------------------------------------------------------------- what changed since a date

    /** What changed after a date, each change with its action's row (which links to it on its plan's page). */
    public ChangesView changes(ChangesSince c) {
        return new ChangesView(Dates.format(c.since()), iso(c.since()), Dates.format(c.asOf()), iso(c.asOf()),
                c.newActions().stream().map(n -> new NewActionRow(rowOf(n.item()), Dates.format(n.on()), iso(n.on()))).toList(),
                c.statusChanges().stream().filter(ChangesSince.StatusChange::finished).map(this::statusChange).toList(),
                c.statusChanges().stream().filter(s -> !s.finished()).map(this::statusChange).toList(),
                c.updates().stream().map(u -> new UpdateRow(rowOf(u.item()), progress(u.entry()), Dates.format(u.after()), iso(u.after())))
                        .toList(),
                c.passedTargets().stream().map(t -> new TargetRow(rowOf(t.item()), Dates.format(t.deadline()), iso(t.deadline()),
                        outcome(t))).toList(),
                c.undated().stream().map(u -> new UndatedRow(rowOf(u.item()), progress(u.entry()))).toList(),
                c.undatedPlans().stream().map(this::planLink).toList());
    }

    /** A link to a list of changes, with how many it holds. */
    public ChangesLink changesLink(String path, ChangesSince c) {
        int count = c.newActions().size() + c.statusChanges().size() + c.updates().size() + c.passedTargets().size();
        return new ChangesLink(path, Dates.format(c.since()), iso(c.since()), count);
    }

    private ActionRow rowOf(Timeline.Item item) {
        return rowOf(item.plan(), item.action());
    }

    private StatusChangeRow statusChange(ChangesSince.StatusChange s) {
        return new StatusChangeRow(rowOf(s.item()), statusText(s.before()), Dates.format(s.beforeSince()), iso(s.beforeSince()),
                statusText(s.after()), s.steps().stream().map(step -> new StepView(Dates.format(step.update().date()),
                        iso(step.update().date()), step.update().dateAsPublished(), Dates.format(step.after()), iso(step.after()),
                        statusText(step.from()), statusText(step.to()))).toList());
    }

    /** A status in the plan's words, with its place in the common lifecycle where the words differ. */
    private static String statusText(ScaleEntry status) {
        if (status == null) {
            return "No status published";
        }
        String lifecycle = status.lifecycle().label();
        return status.label().equalsIgnoreCase(lifecycle) ? status.label()
                : status.label() + " (" + lifecycle.toLowerCase(Locale.ROOT) + ")";
    }

    /** Whether a target that passed was met, in words. */
    private static String outcome(ChangesSince.PassedTarget t) {
        ActionState state = t.item().action().state();
        if (t.met()) {
            return "Met: reported done on " + Dates.format(state.completedOn());
        }
        if (!state.lifecycle().isDone()) {
            return "Not done by its target: overdue";
        }
        return state.completedOn() == null ? "Reported done; the plan does not say when"
                : "Reported done on " + Dates.format(state.completedOn()) + ", after its target";
    }

    private static String iso(LocalDate date) {
        return Dates.iso(date);
    }
}

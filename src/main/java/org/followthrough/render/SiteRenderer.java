package org.followthrough.render;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.followthrough.format.ContentFormat;
import org.followthrough.format.SchemaWriter;
import org.followthrough.history.ChangeHistory;
import org.followthrough.history.PlanChanges;
import org.followthrough.model.Action;
import org.followthrough.model.Archive;
import org.followthrough.model.ChangesSince;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.model.PlansByOrganisation;
import org.followthrough.model.Recommendation;
import org.followthrough.model.Site;
import org.followthrough.model.Tally;
import org.followthrough.model.ThemeIndex;
import org.followthrough.render.Output.Kind;
import org.followthrough.render.calendar.IcalRenderer;
import org.followthrough.render.data.ChangesCsv;
import org.followthrough.render.data.CsvRenderer;
import org.followthrough.render.data.JsonRenderer;
import org.followthrough.render.data.JsonSchemaWriter;
import org.followthrough.render.feed.AtomRenderer;
import org.followthrough.render.feed.JsonFeedRenderer;
import org.followthrough.render.feed.ProgressEntries;
import org.followthrough.render.fragment.FragmentRenderer;
import org.followthrough.render.pdf.PdfRenderer;
import org.followthrough.render.search.SearchIndex;
import org.followthrough.render.view.HistoryViews;
import org.followthrough.render.view.ViewFactory;
import org.followthrough.render.view.Views;

/**
 * Decides every file of a site before any is made: for each plan, organisation and the site as a
 * whole, its downloads, fragment and pages, each with a fingerprint of exactly what it is made from
 * (the plan or organisation, the site's settings, the templates it uses, the as-of date and the
 * tool), so that the build can take an unchanged file from its cache instead of making it again.
 */
public final class SiteRenderer {

    /** Static files shipped with the templates; a site's own templates/ folder may replace any of them. */
    static final List<String> ASSETS = List.of("assets/followthrough.css", "assets/filter.js", "assets/sort.js", "assets/search.js",
            AtomRenderer.STYLESHEET, FragmentRenderer.STYLESHEET);

    /** A fingerprint of the site's stylesheets and scripts, worked out when first asked for. */
    private volatile String assetsVersion;

    /**
     * A fingerprint of the site's stylesheets and scripts as this site has them (the built-in ones, or the site's own
     * templates'), which every page uses: from their bytes, without deciding the site's other outputs.
     */
    public String assetsVersion() {
        String version = assetsVersion;
        if (version == null) {
            version = Fingerprint.of(ASSETS.stream().map(this::asset).toList());
            assetsVersion = version;
        }
        return version;
    }

    /** How many actions a listing page shows; longer listings continue on numbered pages. */
    public static final int ROWS_PER_PAGE = 200;
    /** How many plans a page of the list of plans shows. */
    public static final int PLANS_PER_PAGE = 50;
    /** How many plans the home page shows, the most recently updated first; the list of plans has them all. */
    static final int HOME_PLANS = 10;
    private static final Set<Download> EVERY_DOWNLOAD = java.util.Collections.unmodifiableSet(java.util.EnumSet.allOf(Download.class));
    /** What an organisation that owns no action has to download: the document of what it leads or oversees and the plans naming it. */
    private static final Set<Download> DOCUMENT_ONLY = java.util.Collections.unmodifiableSet(java.util.EnumSet.of(Download.JSON));

    private static final Views.Crumb HOME_CRUMB = new Views.Crumb("Home", Routes.HOME);
    private static final Views.Crumb PLANS_CRUMB = new Views.Crumb("Plans", Routes.PLANS);
    private static final Views.Crumb ALL_ACTIONS = new Views.Crumb("All actions", Routes.ACTIONS);
    private static final Views.Crumb ORGANISATIONS = new Views.Crumb("Organisations", Routes.ORGANISATIONS);
    private static final Views.Crumb THEMES = new Views.Crumb("Themes", Routes.THEMES);
    private static final String SITE_SCOPE = "every plan";
    private static final String PLAN_UNIT = "plan:";
    private static final String ORGANISATION_UNIT = "organisation:";
    private static final String THEME_UNIT = "theme:";
    private static final String SITE_UNIT = "site";
    private static final String SITEMAP_UNIT = "sitemap";
    /** The list of plans and the pages that narrow it. */
    private static final String PLAN_LIST_UNIT = "plans";
    private static final String SEARCH_UNIT = "search";

    /**
     * What every site of a build shares: the template engine and Markdown cache, the PDF renderer
     * (made when the first PDF is wanted), the fingerprint of the tool itself, the content's assets
     * (logos) by path, a fingerprint of the fonts the PDFs embed, the date after which the site
     * shows what changed ({@code build --since}; null for none), and where what earlier builds worked
     * out from each plan is kept.
     */
    public record Shared(TemplateEngine engine, MarkdownRenderer markdown, java.util.function.Supplier<PdfRenderer> pdf,
                         String tool, Map<String, byte[]> contentAssets, String pdfFonts, java.time.LocalDate since,
                         RenderContext.Parts parts) {

        public Shared(TemplateEngine engine, MarkdownRenderer markdown, java.util.function.Supplier<PdfRenderer> pdf,
                      String tool, Map<String, byte[]> contentAssets, String pdfFonts) {
            this(engine, markdown, pdf, tool, contentAssets, pdfFonts, null, RenderContext.Parts.NONE);
        }

        /** Without a fingerprint of the PDFs' fonts: for renderers that make no PDF, or whose fonts are the tool's own. */
        public Shared(TemplateEngine engine, MarkdownRenderer markdown, java.util.function.Supplier<PdfRenderer> pdf,
                      String tool, Map<String, byte[]> contentAssets) {
            this(engine, markdown, pdf, tool, contentAssets, "");
        }
    }

    /**
     * The site's snapshots as a site shows them: the dates the list of snapshots links to (none: the site
     * has no list), and, for a site that is itself a snapshot, the date it shows the site at.
     */
    public record Snapshots(List<java.time.LocalDate> listed, java.time.LocalDate of) {

        public static final Snapshots NONE = new Snapshots(List.of(), null);

        public Snapshots {
            listed = List.copyOf(listed);
        }

        /** A snapshot of the site as at {@code date}: frozen, it lists no snapshots itself. */
        public static Snapshots snapshotOf(java.time.LocalDate date) {
            return new Snapshots(List.of(), date);
        }

        /** The current site, with a list of these snapshots (when there are any). */
        public static Snapshots listing(List<java.time.LocalDate> dates) {
            return new Snapshots(dates, null);
        }

        boolean isSnapshot() {
            return of != null;
        }
    }

    private final Archive archive;
    private final Shared shared;
    private final Snapshots snapshots;
    private final ViewFactory views;
    private final AtomRenderer atom;
    private final JsonFeedRenderer jsonFeed;
    private final FragmentRenderer fragments;
    /** Each plan by the ids it was published under before its folder was renamed, in the order of those ids. */
    private final Map<String, Plan> movedFrom = new java.util.TreeMap<>();
    /** What every output of this site depends on: the tool, the site's settings, its scope and the as-of date. */
    private final String common;
    private final Map<String, String> planKeys = new LinkedHashMap<>();
    /** {@link #ownedCounts}, once worked out (by the thread listing the outputs, or one making the index: each makes the same). */
    private volatile Map<String, int[]> ownedCounts;
    /** A fingerprint of each organisation's details, by its id. */
    private final Map<String, String> organisationFingerprints = new java.util.HashMap<>();
    private final String everything;
    /** For each organisation, the plans that name it or give it actions, in archive order. */
    private final PlansByOrganisation plansOf;
    /** The plans' change history from Git, read once for the build. */
    private final ChangeHistory history;
    /** What comes under each theme, gathered in one pass through the archive. */
    private final ThemeIndex themes;
    /** What changed after {@code --since}, for the site and each organisation; null without it, and in a snapshot. */
    private final ChangesSince.Index changes;
    /** The date of each plan's latest update, by plan id (null for none): the home page sorts by it, the search shows it. */
    private final Map<String, java.time.LocalDate> lastUpdates = new java.util.HashMap<>();
    private final Map<String, Organisation> organisationsById;
    /** What the keys of the search index and the list of plans take from each plan, as earlier builds worked it out. */
    private final PlanFingerprints fingerprints;
    /**
     * For each plan's and organisation's unit, a fingerprint of everything its outputs' fingerprints are made from (a
     * preview decides units in parallel).
     */
    private final Map<String, String> unitKeys = new java.util.concurrent.ConcurrentHashMap<>();

    public SiteRenderer(Archive archive, Shared shared) {
        this(archive, shared, Map.of());
    }

    /**
     * @param sourceKeys a fingerprint of each plan's files and of everything else its model depends on, where
     *                   the build has one: it stands for the plan in every key, instead of a fingerprint of the model
     */
    public SiteRenderer(Archive archive, Shared shared, Map<String, String> sourceKeys) {
        this(archive, shared, sourceKeys, Snapshots.NONE);
    }

    /** @param snapshots whether this site is a snapshot, or which snapshots it lists */
    public SiteRenderer(Archive archive, Shared shared, Map<String, String> sourceKeys, Snapshots snapshots) {
        this(archive, shared, sourceKeys, snapshots, ChangeHistory.none(ChangeHistory.Status.NOT_READ));
    }

    /** @param history the plans' change history, which their pages show (and so is part of their keys alone) */
    public SiteRenderer(Archive archive, Shared shared, Map<String, String> sourceKeys, Snapshots snapshots, ChangeHistory history) {
        this.archive = archive;
        this.history = history;
        this.shared = shared;
        this.snapshots = snapshots;
        this.plansOf = PlansByOrganisation.of(archive);
        this.views = new ViewFactory(archive, shared.markdown(), plansOf);
        this.atom = new AtomRenderer(shared.markdown());
        this.jsonFeed = new JsonFeedRenderer(shared.markdown());
        this.fragments = new FragmentRenderer(shared.engine());
        // Every page says whether it is a snapshot, and the current site's footer whether there are any; every page shows
        // the site as its view has it (in an organisation's own site, with the organisation's logo).
        this.common = Fingerprint.of(shared.tool(), archive.site(), archive.scope(), views.site(), archive.asOf(), snapshots.of(),
                !snapshots.listed().isEmpty());
        // Each organisation's details fingerprinted once, not once for every plan that names it.
        archive.organisations().forEach(o -> organisationFingerprints.put(o.id(), Fingerprint.of(o)));
        for (Plan plan : archive.plans()) {
            // A plan's outputs name its organisations, so their details are part of its key.
            List<String> involved = organisationKeys(plan);
            String source = sourceKeys.get(plan.id());
            planKeys.put(plan.id(), Fingerprint.of(source != null ? source : plan, involved));
        }
        this.everything = Fingerprint.of(common, List.copyOf(planKeys.values()), archive.organisations());
        this.themes = ThemeIndex.of(archive);
        archive.plans().forEach(plan -> lastUpdates.put(plan.id(), plan.lastUpdate(archive.asOf())));
        this.organisationsById = archive.organisationsById();
        archive.plans().forEach(plan -> plan.formerIds().forEach(former -> movedFrom.put(former, plan)));
        this.fingerprints = new PlanFingerprints(shared.parts(), Fingerprint.of("plan fingerprints", common));
        // A snapshot shows the site as it stood; what changed after a date is for the site as it is.
        this.changes = shared.since() == null || snapshots.isSnapshot() ? null : ChangesSince.index(archive, shared.since());
    }

    /** The fingerprints of the details of every organisation the plan names. */
    private List<String> organisationKeys(Plan plan) {
        return plan.organisationIds().stream().map(organisationFingerprints::get).filter(o -> o != null).toList();
    }

    /**
     * Every file of the site, unit by unit: the site, the search index, the list of plans, each plan, each theme, each
     * organisation, then the sitemap.
     */
    public List<Output> outputs() {
        // The dearest units first, so that none is left to run alone at the end of a parallel build: the site's (its
        // downloads and listings cover every plan, and some of them are made again whenever a plan changes), then the
        // longest plans.
        // Deciding is parallel too: the site's outputs (its listings go through every action) beside the others', the
        // plans' and organisations' each on their own; the outputs are listed in the order given whatever order they
        // were decided in.
        java.util.concurrent.CompletableFuture<List<Output>> site = java.util.concurrent.CompletableFuture.supplyAsync(this::siteOutputs);
        List<Output> rest = new ArrayList<>(searchOutputs());
        rest.addAll(planListOutputs());
        // Each plan's count of actions worked out once, not again at every comparison of the sort.
        Map<Plan, Integer> actions = new java.util.IdentityHashMap<>();
        archive.plans().forEach(p -> actions.put(p, p.recommendations().stream().mapToInt(r -> r.actions().size()).sum()));
        archive.plans().stream().sorted(java.util.Comparator.comparingInt((Plan p) -> -actions.get(p))).toList()
                .parallelStream().map(this::planOutputs).toList().forEach(rest::addAll);
        if (!snapshots.isSnapshot()) {
            // a snapshot is of the plans as they stood, at their addresses then
            movedFrom.forEach((former, plan) -> rest.addAll(movedOutputs(former, plan)));
        }
        themes.themes().forEach(listed -> rest.addAll(themePages(listed)));
        archive.organisations().stream().filter(o -> archive.hasPageFor(o.id())).toList()
                .parallelStream().map(this::organisationOutputs).toList().forEach(rest::addAll);
        List<Output> outputs = new ArrayList<>(joined(site));
        outputs.addAll(rest);
        fingerprints.keep();
        if (snapshots.isSnapshot()) {
            // What only works at the site's root (robots.txt, the 404 page, the sitemap) or is made to be embedded
            // live in other sites (fragments) is left out of a snapshot.
            return outputs.stream().filter(o -> !o.path().startsWith(Routes.FRAGMENTS) && !o.path().equals(Routes.NOT_FOUND)
                    && !o.path().equals(Routes.ROBOTS)).toList();
        }
        List<String> pages = outputs.stream().filter(o -> o.kind() == Kind.PAGE).map(Output::path).toList();
        List<String> downloads = outputs.stream().filter(o -> o.kind() == Kind.DOWNLOAD || o.kind() == Kind.PDF).map(Output::path).toList();
        outputs.add(new Output(Routes.SITEMAP, SITEMAP_UNIT, Kind.OTHER, Fingerprint.of("sitemap", common, pages), downloads,
                context -> utf8(sitemap(pages, downloads.stream().filter(d -> context.size(d).isPresent()).toList()))));
        return List.copyOf(outputs);
    }

    /** What a task decided, or what it threw (as it would have thrown on the thread that waits for it). */
    private static <T> T joined(java.util.concurrent.CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * For each plan's and organisation's unit ("plan:ID", "organisation:ID"), a fingerprint of everything the fingerprints
     * of its outputs are made from, once
     * {@link #outputs} has decided them: a build may keep a unit whole, as an earlier build with the same unit key
     * published it, without working out its outputs' fingerprints.
     */
    public Map<String, String> unitKeys() {
        return java.util.Collections.unmodifiableMap(unitKeys);
    }

    /**
     * The outputs of one unit ("plan:ID", "organisation:ID", "theme:ID", "site", "plans", "search" or "sitemap"), as {@link #outputs}
     * decides them, without deciding the others': for a preview that decides only what is asked for.
     * None for a unit the site does not have.
     */
    public List<Output> outputsOf(String unit) {
        if (unit.startsWith(PLAN_UNIT)) {
            String id = unit.substring(PLAN_UNIT.length());
            if (movedFrom.containsKey(id)) {
                return List.copyOf(movedOutputs(id, movedFrom.get(id)));
            }
            return archive.plans().stream().filter(p -> p.id().equals(id)).findFirst().map(p -> List.copyOf(planOutputs(p))).orElse(List.of());
        }
        if (unit.startsWith(ORGANISATION_UNIT)) {
            return archive.organisation(unit.substring(ORGANISATION_UNIT.length())).filter(o -> archive.hasPageFor(o.id()))
                    .map(o -> List.copyOf(organisationOutputs(o))).orElse(List.of());
        }
        if (unit.startsWith(THEME_UNIT)) {
            String id = unit.substring(THEME_UNIT.length());
            return themes.themes().stream().filter(t -> t.theme().id().equals(id)).findFirst().map(t -> List.copyOf(themePages(t)))
                    .orElse(List.of());
        }
        if (unit.equals(SITE_UNIT)) {
            return List.copyOf(siteOutputs());
        }
        if (unit.equals(PLAN_LIST_UNIT)) {
            return List.copyOf(planListOutputs());
        }
        if (unit.equals(SEARCH_UNIT)) {
            return List.copyOf(searchOutputs());
        }
        if (unit.equals(SITEMAP_UNIT)) {
            List<Output> all = outputs();
            return List.of(all.get(all.size() - 1));
        }
        return List.of();
    }

    /** The unit the output at a path belongs to (see {@link #outputsOf}), from the path alone. */
    public static String unitOf(String path) {
        String[] parts = path.split("/");
        if (path.equals(Routes.SITEMAP)) {
            return SITEMAP_UNIT;
        }
        if (path.equals(Routes.PLANS + "index.html") || path.startsWith(Routes.FIND_PLANS)) {
            return PLAN_LIST_UNIT;
        }
        if (path.startsWith(Routes.SEARCH_INDEX)) {
            return SEARCH_UNIT;
        }
        if (parts.length >= 3 && path.startsWith(Routes.plan(parts[1]))) {
            return PLAN_UNIT + parts[1];
        }
        if (parts.length >= 3 && path.startsWith(Routes.organisation(parts[1]))) {
            return ORGANISATION_UNIT + parts[1];
        }
        if (parts.length >= 3 && path.startsWith(Routes.theme(parts[1]))) {
            return THEME_UNIT + parts[1];
        }
        String fragment = path.endsWith(".html") ? path.substring(path.lastIndexOf('/') + 1, path.length() - ".html".length()) : "";
        if (path.equals(Routes.planFragment(fragment))) {
            return PLAN_UNIT + fragment;
        }
        if (path.equals(Routes.organisationFragment(fragment))) {
            return ORGANISATION_UNIT + fragment;
        }
        return SITE_UNIT;
    }

    // ---------------------------------------------------------------- a plan

    private List<Output> planOutputs(Plan plan) {
        String unit = PLAN_UNIT + plan.id();
        String folder = Routes.plan(plan.id());
        String key = planKeys.get(plan.id());
        Site site = archive.site();
        Function<RenderContext, Views.PlanView> view = context -> context.once("plan", () -> views.plan(plan));
        String name = ViewFactory.planName(plan);
        String scope = "plan " + (plan.reference() != null ? plan.reference() : name);
        List<Output> outputs = new ArrayList<>(downloads(unit, folder, DownloadKeys.all(key), Routes.PLAN_JSON, scope, new Recipes(
                context -> shared.pdf().get().planSource(views.site(), view.apply(context)),
                context -> CsvRenderer.plan(archive, plan),
                () -> CsvRenderer.planMetadata(archive, plan),
                () -> JsonRenderer.plan(archive, plan),
                () -> ProgressEntries.plan(archive, plan, shared.markdown()), Routes.url(site, folder),
                context -> IcalRenderer.plan(archive, plan, events(context, plan)))));
        outputs.add(Output.of(Routes.planFragment(plan.id()), unit, Kind.OTHER, () -> Fingerprint.of("fragment", common, key, templates("fragments/")),
                context -> utf8(fragments.plan(views.site(), view.apply(context), site.baseUrl()))));
        List<String> sizes = downloadPaths(folder, Routes.PLAN_JSON);
        PlanChanges itsHistory = historyOf(plan);
        // Only the plan's pages show its history: a new commit remakes them, not its downloads or the listings.
        List<Object> withHistory = Arrays.asList(key, history.status(), history.shortenedFrom(), itsHistory);
        // Everything the fingerprints below are made from, but what the plan's key stands for: the unit's key. A build
        // that finds the unit published whole from the same key keeps it without working out the fingerprints.
        unitKeys.put(unit, Fingerprint.of("plan unit", plan.id(), common, withHistory, templates(""), templates("pdf/"),
                templates("fragments/"), shared.pdfFonts()));
        outputs.add(page(unit, folder, "plan.ftlh", plan.title(), name, List.of(HOME_CRUMB, PLANS_CRUMB), withHistory, sizes,
                (context, model) -> {
                    model.put("plan", view.apply(context));
                    model.put("downloads", downloadLinks(context, folder, Routes.PLAN_JSON, scope));
                    model.put("rows", views.rowsOf(plan));
                    HistoryViews.LastChanged lastChanged = HistoryViews.lastChanged(history, itsHistory, Routes.planHistory(plan.id()),
                            site.timeZone());
                    if (lastChanged != null) {
                        model.put("lastChanged", lastChanged);
                    }
                }));
        // each recommendation on a page of its own, with its actions in full: a long plan is read one recommendation at a time
        Views.Crumb planCrumb = new Views.Crumb(name, folder);
        for (int i = 0; i < plan.recommendations().size(); i++) {
            int index = i;
            String number = plan.recommendations().get(i).number();
            String title = Recommendation.heading(number) + " – " + name;
            outputs.add(page(unit, Routes.recommendation(plan.id(), number), "recommendation.ftlh", title, Recommendation.heading(number),
                    List.of(HOME_CRUMB, PLANS_CRUMB, planCrumb), List.of("recommendation", number, key), List.of(),
                    (context, model) -> {
                        Views.PlanView planView = view.apply(context);
                        List<Views.RecommendationView> all = planView.recommendations();
                        model.put("plan", planView);
                        model.put("rec", all.get(index));
                        model.put("previous", index > 0 ? all.get(index - 1) : null);
                        model.put("next", index + 1 < all.size() ? all.get(index + 1) : null);
                    }));
        }
        if (HistoryViews.hasPage(history, itsHistory)) {
            outputs.add(page(unit, Routes.planHistory(plan.id()), "plan-history.ftlh", "Change history: " + plan.title(),
                    "Change history", List.of(HOME_CRUMB, PLANS_CRUMB, planCrumb), withHistory, List.of(), (context, model) -> {
                        model.put("plan", view.apply(context));
                        model.put("planPath", folder);
                        model.put("history", HistoryViews.changeList(history, itsHistory, site.changeHistory(), site.timeZone()));
                    }));
        }
        return outputs;
    }

    // ---------------------------------------------------------------- the old addresses of a plan renamed

    /**
     * The pages a plan had at an id it was published under before ({@code former}): its page and each recommendation's,
     * each leading to the same page at the plan's address now, so that links to the old ones (in the news, in minutes)
     * still reach it. They are a unit of their own, as the path of each names the former id, and are not in the sitemap.
     */
    private List<Output> movedOutputs(String former, Plan plan) {
        String unit = PLAN_UNIT + former;
        List<String> numbers = plan.recommendations().stream().map(Recommendation::number).toList();
        String name = ViewFactory.planName(plan);
        boolean withHistory = HistoryViews.hasPage(history, historyOf(plan));
        String key = Fingerprint.of("moved", former, plan.id(), name, numbers, withHistory, common, templates(""));
        unitKeys.put(unit, key);
        List<Output> outputs = new ArrayList<>();
        outputs.add(movedPage(unit, key, Routes.plan(former), Routes.plan(plan.id()), name, "The plan “" + name + "”"));
        for (String number : numbers) {
            String heading = Recommendation.heading(number);
            outputs.add(movedPage(unit, key, Routes.recommendation(former, number), Routes.recommendation(plan.id(), number),
                    heading + " – " + name, heading + " of the plan “" + name + "”"));
        }
        if (withHistory) {
            outputs.add(movedPage(unit, key, Routes.planHistory(former), Routes.planHistory(plan.id()), "Change history: " + name,
                    "The change history of the plan “" + name + "”"));
        }
        return outputs;
    }

    /** The commits that changed the plan's folder, under its id and the ids it had before. */
    private PlanChanges historyOf(Plan plan) {
        return history.of(plan.id(), plan.formerIds());
    }

    /**
     * A page that leads to the one at {@code to} (a path of the site) at once, and says where that is for a browser that
     * does not follow; {@code name}: the page's title, {@code what}: the page in a sentence.
     */
    private Output movedPage(String unit, String key, String path, String to, String name, String what) {
        String title = "Moved: " + name;
        return new Output(path + "index.html", unit, Kind.OTHER, () -> Fingerprint.of("moved page", path, to, name, what, key), List.of(),
                context -> {
            Views.PageView here = views.page(path, title, "Moved", List.of(HOME_CRUMB, PLANS_CRUMB));
            String there = Routes.url(archive.site(), to);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("site", views.site());
            // a moved page's canonical address is where it is now
            model.put("page", new Views.PageView(here.root(), here.path(), there, title, "Moved", here.breadcrumbs()));
            model.put("movedTo", here.root() + to);
            model.put("movedToUrl", there);
            model.put("what", what);
            return shared.engine().renderUtf8("moved.ftlh", model);
        });
    }

    // ---------------------------------------------------------------- an organisation

    private List<Output> organisationOutputs(Organisation organisation) {
        String unit = ORGANISATION_UNIT + organisation.id();
        String folder = Routes.organisation(organisation.id());
        Site site = archive.site();
        List<Plan> involved = plansOf.naming(organisation.id());
        // What its outputs show of each plan naming it is its part of the plan: a change to an action of another's
        // leaves them as they were. What changed since --since, which may name actions it owned then, is of whole plans.
        String key = Fingerprint.of(organisation, involved.stream().map(p -> organisationPartKey(p, organisation)).toList(),
                changes == null ? List.of() : involved.stream().map(p -> planKeys.get(p.id())).toList());
        Function<RenderContext, Views.OrganisationView> view = context -> context.once("organisation", () -> views.organisation(organisation));
        Function<RenderContext, Views.ActionIndex> owned = context -> context.once("owned", () -> views.ownedActions(organisation));
        boolean owns = plansOf.ownsActions(organisation.id());
        // One that owns no action has only its JSON document (what it leads or oversees, the plans naming it) to download.
        Set<Download> made = owns ? EVERY_DOWNLOAD : DOCUMENT_ONLY;
        // Only the plans that name the organisation: the same downloads as from the whole archive, without scanning it.
        Archive its = archive.withPlans(involved);
        List<Output> outputs = new ArrayList<>(downloads(unit, folder, DownloadKeys.all(key), Routes.ORGANISATION_JSON,
                organisation.displayShortName(), new Recipes(
                        context -> shared.pdf().get().organisationSource(views.site(), view.apply(context)),
                        context -> CsvRenderer.organisation(its, organisation),
                        () -> CsvRenderer.organisationMetadata(its, organisation),
                        () -> JsonRenderer.organisation(its, organisation),
                        () -> ProgressEntries.organisation(its, organisation, shared.markdown()), Routes.url(site, folder),
                        context -> IcalRenderer.organisation(its, organisation)), made));
        if (owns) {
            outputs.add(Output.of(Routes.organisationFragment(organisation.id()), unit, Kind.OTHER,
                    Fingerprint.of("fragment", common, key, templates("fragments/")),
                    context -> utf8(fragments.organisation(views.site(), view.apply(context), owned.apply(context), site.baseUrl()))));
        }
        List<String> downloadPaths = downloadPaths(folder, Routes.ORGANISATION_JSON, made);
        Views.ChangesLink changesLink = null;
        if (owns && changes != null) {
            // An organisation's own site has only its actions: the site's list of changes is its own.
            changesLink = archive.scope() != null ? views.changesLink(Routes.CHANGES, changes.all())
                    : views.changesLink(Routes.organisationChanges(organisation.id()), changes.of(organisation.id()));
            if (archive.scope() == null) {
                outputs.addAll(changeOutputs(unit, Routes.organisationChanges(organisation.id()), folder, key, changes.of(organisation.id()),
                        "Changes after " + Dates.format(changes.all().since()) + ": " + organisation.name(),
                        "the actions " + organisation.name() + " owns",
                        List.of(HOME_CRUMB, ORGANISATIONS, new Views.Crumb(organisation.name(), folder))));
            }
        }
        Views.ChangesLink changed = changesLink;
        // Everything the fingerprints of the unit's outputs are made from, as for a plan's unit: a build that changed
        // no plan naming the organisation keeps its pages and downloads whole.
        unitKeys.put(unit, Fingerprint.of("organisation unit", organisation.id(), common, key, sinceKey(), templates(""), templates("pdf/"),
                templates("fragments/"), shared.pdfFonts()));
        outputs.add(page(unit, folder, "organisation.ftlh", organisation.name(), List.of(HOME_CRUMB, ORGANISATIONS),
                Fingerprint.of(key, sinceKey()), downloadPaths,
                (context, model) -> {
                    if (changed != null) {
                        model.put("changes", changed);
                    }
                    model.put("organisation", view.apply(context));
                    model.put("downloads", downloadLinks(context, folder, Routes.ORGANISATION_JSON, organisation.displayShortName(), made));
                }));
        return outputs;
    }

    // ---------------------------------------------------------------- the site as a whole

    private List<Output> siteOutputs() {
        String unit = SITE_UNIT;
        Site site = archive.site();
        // The site's PDF is a table of the plans' summaries: keyed on them, not on every plan's texts, so that a progress text
        // it does not show leaves it as it was.
        String summaries = Fingerprint.of("site summary", views.site(), archive.plans().stream().map(this::cardKey).toList());
        // The site's calendar is each plan's events between a header: keyed on them, so that a change that moves no
        // target leaves it as it was.
        String events = Fingerprint.of("site calendar", archive.plans().stream().map(this::eventsKey).toList());
        // the counts of every action: on the home page, the list of organisations and in the site's data
        Tally all = JsonRenderer.siteTally(archive);
        // The site's data lists each plan's summary, the organisations with the actions each owns, the themes and the
        // counts: keyed on them, each plan's part kept by the plan's key, so that a progress text leaves it as it was.
        String data = Fingerprint.of("site data", archive.plans().stream().map(this::siteDataKey).toList(),
                all, archive.organisations(), JsonRenderer.ownership(archive),
                themes.themes().stream().map(listed -> List.of(listed.theme(), listed.recommendations(), listed.tally())).toList());
        List<Output> outputs = new ArrayList<>(downloads(unit, Routes.SITE_DATA, new DownloadKeys(everything, summaries, siteCsvKey(), events,
                SITE_METADATA, data),
                Routes.SITE_JSON, SITE_SCOPE, new Recipes(
                context -> shared.pdf().get().siteSource(views.site(), archive.plans().stream().map(views::planSummary).toList()),
                context -> CsvRenderer.site(archive, plan -> siteRows(context, plan)),
                () -> CsvRenderer.siteMetadata(archive),
                () -> JsonRenderer.site(archive),
                () -> ProgressEntries.site(archive, shared.markdown()), site.baseUrl(),
                context -> IcalRenderer.site(archive, plan -> events(context, plan)))));
        List<Entry> entries = new ArrayList<>();
        archive.plans().forEach(plan -> plan.actions().forEach(action -> entries.add(new Entry(plan, action))));
        List<FilterPage> filters = filters(entries);
        List<Views.Filter> filterLinks = filters.stream().map(FilterPage::filter).toList();
        Views.TallyView tally = views.tally(all);

        // the most recently updated plans first: the list of plans has them all
        List<Plan> recent = archive.plans().stream()
                .sorted(java.util.Comparator.comparing((Plan p) -> lastUpdate(p), java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                .limit(HOME_PLANS).toList();
        int named = plansOf.namedCount();
        long undated = archive.plans().stream().filter(p -> lastUpdate(p) == null).count();
        List<Views.ThemeSummary> themeSummaries = themeSummaries();
        // Keyed on what it shows (the recent plans by their cards, the counts, the filters, the themes), not on every plan's
        // texts; with changes since a date, on everything, as the changes are.
        List<Object> home = Arrays.asList("home", sinceKey(), changes == null ? null : everything, recent.stream().map(this::cardKey).toList(),
                archive.plans().size(), named, undated, tally, filterLinks, themeSummaries);
        outputs.add(page(unit, Routes.HOME, "home.ftlh", "Action plans", List.of(), home,
                downloadPaths(Routes.SITE_DATA, Routes.SITE_JSON), (context, model) -> {
                    if (changes != null) {
                        model.put("changes", views.changesLink(Routes.CHANGES, changes.all()));
                    }
                    model.put("plans", recent.stream().map(views::planSummary).toList());
                    model.put("planCount", archive.plans().size());
                    // the most recently updated plan comes first: its card, in the key, shows the date
                    java.time.LocalDate latest = recent.isEmpty() ? null : lastUpdate(recent.get(0));
                    if (latest != null) {
                        model.put("latestUpdate", Dates.format(latest));
                        model.put("latestUpdateIso", latest.toString());
                    }
                    model.put("organisationCount", named);
                    model.put("undatedPlanCount", undated);
                    model.put("tally", tally);
                    model.put("filters", filterLinks);
                    model.put("themes", themeSummaries);
                    model.put("downloads", downloadLinks(context, Routes.SITE_DATA, Routes.SITE_JSON, SITE_SCOPE));
                }));
        if (changes != null) {
            String whose = archive.scope() == null ? "the actions of every plan"
                    : "the actions " + archive.organisation(archive.scope().organisationId()).map(Organisation::name).orElseThrow() + " owns";
            outputs.addAll(changeOutputs(unit, Routes.CHANGES, Routes.SITE_DATA, everything, changes.all(), "Changes after "
                    + Dates.format(changes.all().since()), whose, List.of(HOME_CRUMB)));
        }
        outputs.addAll(listing(unit, new FilterPage(null, Routes.ACTIONS, "All actions", "Every action of every plan, grouped by plan as published.",
                entries), filterLinks, List.of(HOME_CRUMB)));
        for (FilterPage f : filters) {
            outputs.addAll(listing(unit, f, filterLinks, List.of(HOME_CRUMB, ALL_ACTIONS)));
        }
        // alphabetical without script; the page's script sorts by any column
        List<Organisation> withPages = archive.organisations().stream().filter(o -> archive.hasPageFor(o.id()))
                .sorted(java.util.Comparator.comparing((Organisation o) -> o.name().toLowerCase(java.util.Locale.ROOT)).thenComparing(Organisation::id))
                .toList();
        // keyed on what it shows, which is made in one pass over the actions
        List<Views.OrganisationSummary> organisationSummaries = views.organisationSummaries(withPages);
        outputs.add(page(unit, Routes.ORGANISATIONS, "organisations.ftlh", "Organisations", List.of(HOME_CRUMB),
                List.of(organisationSummaries, tally), List.of(),
                (context, model) -> {
                    model.put("organisations", organisationSummaries);
                    model.put("tally", tally);
                }));
        String siteOnly = Fingerprint.of(common);
        outputs.add(page(unit, Routes.ABOUT, "about.ftlh", "How to read these plans", List.of(HOME_CRUMB), siteOnly, List.of(),
                (context, model) -> {
                    model.put("lifecycles", Arrays.stream(Lifecycle.values())
                            .map(l -> Map.of("code", l.code(), "label", l.label(), "description", l.description())).toList());
                    model.put("standings", Arrays.stream(PlanFacets.Standing.values())
                            .map(st -> Map.of("label", st.label, "description", st.description)).toList());
                }));
        outputs.add(page(unit, Routes.SEARCH, "search.ftlh", "Search plans, actions and organisations", List.of(HOME_CRUMB), siteOnly, List.of(),
                (context, model) -> { }));
        outputs.add(page(unit, Routes.ACCESSIBILITY, "accessibility.ftlh", "Accessibility statement", List.of(HOME_CRUMB), siteOnly, List.of(),
                (context, model) -> { }));
        outputs.addAll(themeList(themeSummaries));
        outputs.add(notFoundPage(unit));
        if (!snapshots.listed().isEmpty()) {
            outputs.add(page(unit, Routes.SNAPSHOTS, "snapshots.ftlh", "Snapshots", List.of(HOME_CRUMB),
                    Fingerprint.of(common, snapshots.listed()), List.of(),
                    (context, model) -> model.put("snapshots", views.snapshotLinks(snapshots.listed()))));
        }

        for (ContentFormat.FileKind kind : ContentFormat.FILE_KINDS) {
            String path = "schema/" + kind.schemaFileName();
            String id = Routes.url(archive.site(), path);
            outputs.add(Output.of(path, unit, Kind.OTHER, Fingerprint.of("content schema", shared.tool(), kind.name(), id),
                    context -> utf8(SchemaWriter.schema(kind, id))));
        }
        String schemas = Fingerprint.of("data schema", common);
        outputs.add(Output.of(Routes.PLAN_SCHEMA, unit, Kind.OTHER, schemas, context -> utf8(JsonSchemaWriter.plan(archive))));
        outputs.add(Output.of(Routes.ORGANISATION_SCHEMA, unit, Kind.OTHER, schemas, context -> utf8(JsonSchemaWriter.organisation(archive))));
        outputs.add(Output.of(Routes.SITE_SCHEMA, unit, Kind.OTHER, schemas, context -> utf8(JsonSchemaWriter.site(archive))));
        for (String asset : ASSETS) {
            byte[] bytes = asset(asset);
            outputs.add(Output.of(asset, unit, Kind.OTHER, Fingerprint.of("asset", bytes), context -> bytes));
        }
        if (archive.scope() != null) {
            archive.organisation(archive.scope().organisationId()).map(Organisation::logo).filter(shared.contentAssets()::containsKey)
                    .ifPresent(logo -> {
                        byte[] bytes = shared.contentAssets().get(logo);
                        outputs.add(Output.of(Routes.logo(logo), unit, Kind.OTHER, Fingerprint.of("asset", bytes), context -> bytes));
                    });
        }
        outputs.add(Output.of(Routes.ROBOTS, unit, Kind.OTHER, Fingerprint.of("robots", site.baseUrl()),
                context -> utf8("User-agent: *\nAllow: /\n\nSitemap: " + site.baseUrl() + Routes.SITEMAP + "\n")));
        return outputs;
    }

    private java.time.LocalDate lastUpdate(Plan plan) {
        return lastUpdates.get(plan.id());
    }

    // ---------------------------------------------------------------- the list of plans

    /**
     * The list of every plan and the pages that narrow it by status, kind of review, year and organisation,
     * {@value #PLANS_PER_PAGE} plans a page. Each page's key is what it shows: the summaries of its plans (not
     * their progress texts, which it does not show) and the counts of the ways of narrowing it lists; only the
     * first page of the whole list names every organisation.
     */
    private List<Output> planListOutputs() {
        String unit = PLAN_LIST_UNIT;
        PlanFacets facets = new PlanFacets(archive, plansOf.byOrganisation());
        // a card shows a plan's summary: fingerprinted once per plan (or kept from the last build) for the pages' keys,
        // and worked out for the pages that are made
        Map<String, Views.PlanSummary> summaries = new java.util.concurrent.ConcurrentHashMap<>();
        Function<Plan, Card> card = plan -> new Card(() -> summaries.computeIfAbsent(plan.id(), id -> views.planSummary(plan)),
                cardKey(plan));
        List<Views.Filter> standings = filterLinks(facets.standings);
        List<Views.Filter> kinds = filterLinks(facets.kinds);
        List<Views.Filter> years = filterLinks(facets.years);
        List<Views.Filter> organisations = filterLinks(facets.organisations);
        List<Output> outputs = new ArrayList<>(planList(unit, Routes.PLANS, Routes.ALL_PLANS, "Plans",
                "Every plan published here, the newest first: by when each was published, or, where it gives no publication date, when it"
                        + " started or first reported progress.", archive.plans(),
                List.of(HOME_CRUMB), new PlanFilters(standings, kinds, years, organisations, null), card));
        for (PlanFacets.Facet f : facets.all()) {
            String title = switch (f.facet()) {
                case PlanFacets.STATUS -> "Plans: " + f.label().toLowerCase(java.util.Locale.ROOT);
                case PlanFacets.KIND -> "Plans from " + article(f.label()) + " " + f.label().toLowerCase(java.util.Locale.ROOT);
                case PlanFacets.YEAR -> f.value().equals(PlanFacets.NO_YEAR) ? "Plans whose year is not known" : "Plans of " + f.label();
                default -> "Plans naming " + f.label();
            };
            String description = switch (f.facet()) {
                case PlanFacets.YEAR -> f.value().equals(PlanFacets.NO_YEAR)
                        ? "Plans that give no date of publication, of starting or of a published update, so that no year can be given them."
                        : "Plans published in " + f.label() + " (or, where a plan gives no publication date, started or first updated then).";
                case PlanFacets.ORGANISATION -> "Plans that name " + f.label() + ", or give it actions.";
                default -> "";
            };
            outputs.addAll(planList(unit, f.path(), f.path(), title, description, f.plans(), List.of(HOME_CRUMB, PLANS_CRUMB),
                    new PlanFilters(standings, kinds, years, List.of(), f.path()), card));
        }
        return outputs;
    }

    private static List<Views.Filter> filterLinks(List<PlanFacets.Facet> facets) {
        return facets.stream().map(f -> new Views.Filter(f.value(), f.label(), f.path(), f.plans().size())).toList();
    }

    /** A plan's card in the list of plans, and a fingerprint of what it shows. */
    private record Card(java.util.function.Supplier<Views.PlanSummary> summary, String key) {
    }

    /** The ways a page of the list of plans offers to narrow it; {@code current}: the path of the one it shows, or null. */
    public record PlanFilters(List<Views.Filter> statuses, List<Views.Filter> kinds, List<Views.Filter> years,
                              List<Views.Filter> organisations, String current) {
    }

    private List<Output> planList(String unit, String first, String rest, String title, String description, List<Plan> plans,
                                  List<Views.Crumb> crumbs, PlanFilters filters, Function<Plan, Card> card) {
        int pageCount = Math.max(1, (plans.size() + PLANS_PER_PAGE - 1) / PLANS_PER_PAGE);
        List<Views.PageLink> pageLinks = new ArrayList<>();
        for (int n = 1; n <= pageCount; n++) {
            pageLinks.add(new Views.PageLink(n, n == 1 ? first : rest + "page/" + n + "/"));
        }
        List<Output> outputs = new ArrayList<>();
        for (int n = 1; n <= pageCount; n++) {
            List<Plan> shown = plans.subList((n - 1) * PLANS_PER_PAGE, Math.min(plans.size(), n * PLANS_PER_PAGE));
            String pageTitle = pageCount == 1 ? title : title + " (page " + n + " of " + pageCount + ")";
            int page = n;
            // the whole list's first page alone names every organisation: the other pages link back to it
            PlanFilters offered = n == 1 ? filters : new PlanFilters(filters.statuses(), filters.kinds(), filters.years(), List.of(),
                    filters.current());
            List<Card> cards = shown.stream().map(card).toList();
            String key = Fingerprint.of(title, description, cards.stream().map(Card::key).toList(), plans.size(), pageLinks, page,
                    offered);
            outputs.add(page(unit, pageLinks.get(n - 1).path(), "plans.ftlh", pageTitle, crumbs, key, List.of(), (context, model) -> {
                model.put("listing", new Views.PlanListing(title, description, cards.stream().map(c -> c.summary().get()).toList(),
                        plans.size(), pageCount == 1 ? List.of() : pageLinks, page, (page - 1) * PLANS_PER_PAGE + 1));
                model.put("filters", offered);
            }));
        }
        return outputs;
    }

    // ---------------------------------------------------------------- themes

    private List<Views.ThemeSummary> themeSummaries() {
        return themes.themes().stream().map(views::themeSummary).toList();
    }

    /** The list of themes, a page of the site's unit; none where the site declares no themes. */
    private List<Output> themeList(List<Views.ThemeSummary> summaries) {
        if (themes.themes().isEmpty()) {
            return List.of();
        }
        Object note = views.themesNote();
        // keyed on what it shows
        return List.of(page(SITE_UNIT, Routes.THEMES, "themes.ftlh", "Themes", List.of(HOME_CRUMB), Arrays.asList(summaries, note), List.of(),
                (context, model) -> {
                    model.put("themes", summaries);
                    model.put("note", note);
                }));
    }

    /**
     * A theme's pages, about {@value #ROWS_PER_PAGE} actions a page, a recommendation never split between
     * two. Each page's key names what it shows by its plans' keys.
     */
    private List<Output> themePages(ThemeIndex.Listed listed) {
        String unit = THEME_UNIT + listed.theme().id();
        String path = Routes.theme(listed.theme().id());
        List<List<ThemeIndex.Entry>> chunks = new ArrayList<>();
        List<ThemeIndex.Entry> chunk = new ArrayList<>();
        int rows = 0;
        for (ThemeIndex.Entry entry : listed.entries()) {
            int size = Math.max(1, entry.actions().size());
            if (!chunk.isEmpty() && rows + size > ROWS_PER_PAGE) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                rows = 0;
            }
            chunk.add(entry);
            rows += size;
        }
        chunks.add(chunk);
        List<Views.PageLink> pageLinks = new ArrayList<>();
        for (int n = 1; n <= chunks.size(); n++) {
            pageLinks.add(new Views.PageLink(n, listingPage(path, n)));
        }
        List<Views.PageLink> links = chunks.size() == 1 ? List.of() : pageLinks;
        List<Output> outputs = new ArrayList<>();
        for (int n = 1; n <= chunks.size(); n++) {
            List<ThemeIndex.Entry> shown = chunks.get(n - 1);
            String title = chunks.size() == 1 ? listed.theme().label()
                    : listed.theme().label() + " (page " + n + " of " + chunks.size() + ")";
            List<String> shownKeys = shown.stream().map(e -> planKeys.get(e.plan().id()) + "#" + e.recommendation().number() + "#"
                    + e.named() + e.actions().stream().map(Action::ref).toList()).toList();
            int page = n;
            String key = Fingerprint.of("theme", listed.theme(), listed.tally(), listed.recommendations(), shownKeys, links, page);
            outputs.add(page(unit, listingPage(path, n), "theme.ftlh", title, List.of(HOME_CRUMB, THEMES), key, List.of(),
                    (context, model) -> model.put("theme", views.themePage(listed, shown, links, page))));
        }
        return outputs;
    }

    // ---------------------------------------------------------------- search

    /**
     * The search index, made once from every plan and action: its files are known from the number of documents
     * alone, so that a build whose content did not change takes them all from the cache without making the index.
     * Each file is keyed on what it holds: the buckets of words on the words of every document and where each plan's
     * documents start; a shard of documents on what the results of its documents show. A new status or a newly dated
     * update, which a result shows but adds no word, makes the shards that show it again, not the 500 buckets of words.
     */
    private List<Output> searchOutputs() {
        String unit = SEARCH_UNIT;
        List<Organisation> organisations = searchedOrganisations();
        List<Plan> plans = archive.plans();
        // where each plan's documents start: the organisations' come first, then each plan and its actions
        int[] first = new int[plans.size() + 1];
        first[0] = organisations.size();
        for (int i = 0; i < plans.size(); i++) {
            first[i + 1] = first[i] + 1 + (int) plans.get(i).actions().count();
        }
        int documents = first[plans.size()];
        Function<RenderContext, SearchIndex.Files> index = context -> context.once("index", () -> SearchIndex.join(searchParts()));
        List<Output> outputs = new ArrayList<>();
        outputs.add(Output.of(Routes.SEARCH_META, unit, Kind.OTHER, Fingerprint.of(Routes.SEARCH_META, common, documents),
                context -> utf8(index.apply(context).meta())));
        String words = Fingerprint.of("search words", common, organisations.stream().map(o -> organisationFingerprints.get(o.id())).toList(),
                plans.stream().map(plan -> fingerprints.of("search words", planKeys.get(plan.id()), () -> searchWords(plan))).toList(),
                Arrays.stream(first).boxed().toList());
        for (int n = 0; n < SearchIndex.buckets(documents); n++) {
            int bucket = n;
            outputs.add(Output.of(Routes.searchWords(n), unit, Kind.OTHER, Fingerprint.of(Routes.searchWords(n), words),
                    context -> utf8(index.apply(context).wordBuckets().get(bucket))));
        }
        // an organisation's result counts the actions it owns and the plans that name it, which any plan may change
        List<Object> organisationsShown = organisations.stream().map(o -> {
            int[] counts = ownedCounts().getOrDefault(o.id(), new int[3]);
            return (Object) Arrays.asList(organisationFingerprints.get(o.id()), counts[0], counts[1], counts[2], plansOf.naming(o.id()).size());
        }).toList();
        int next = 0; // the first plan whose documents do not all come before the shard
        for (int n = 0; n < SearchIndex.shards(documents); n++) {
            int from = n * SearchIndex.DOCS_PER_SHARD;
            int to = from + SearchIndex.DOCS_PER_SHARD;
            List<Object> shown = new ArrayList<>();
            boolean withOrganisations = from < organisations.size();
            if (withOrganisations) {
                shown.add(organisationsShown.subList(from, Math.min(to, organisations.size())));
            }
            List<Plan> inShard = new ArrayList<>();
            int firstShown = from;
            while (next < plans.size() && first[next + 1] <= from) {
                next++;
            }
            for (int i = next; i < plans.size() && first[i] < to; i++) {
                Plan shownPlan = plans.get(i);
                firstShown = inShard.isEmpty() ? first[i] : firstShown;
                inShard.add(shownPlan);
                shown.add(List.of(first[i], fingerprints.of("search shown", planKeys.get(shownPlan.id()), () -> searchShown(shownPlan))));
            }
            // Taken from the whole index where the files before it made it; else made from the parts of the plans it shows
            // alone, so that a status changed makes a shard or two from a few plans' parts.
            int shard = n;
            int skip = withOrganisations ? from : from - firstShown;
            outputs.add(Output.of(Routes.searchDocs(n), unit, Kind.OTHER, Fingerprint.of(Routes.searchDocs(n), common, from, shown),
                    context -> {
                        Optional<SearchIndex.Files> made = context.madeOnce("index");
                        if (made.isPresent()) {
                            return utf8(made.get().docShards().get(shard));
                        }
                        List<SearchIndex.Part> parts = new ArrayList<>();
                        if (withOrganisations) {
                            parts.add(SearchIndex.part(organisationDocuments()));
                        }
                        inShard.forEach(plan -> parts.add(searchPart(plan)));
                        return utf8(SearchIndex.shard(parts, skip));
                    }));
        }
        return outputs;
    }

    /**
     * What a plan's documents hold as words, read straight from the model (the Markdown as written, not rendered): enough
     * to key the buckets of words on, so that a change no search looks in (a progress update) leaves them in the cache.
     * An organisation is named as the index names it, not by all its details.
     */
    private List<Object> searchWords(Plan plan) {
        List<Object> sources = new ArrayList<>();
        sources.add(Arrays.asList(plan.title(), plan.reference(), plan.subject(), plan.kind(), plan.kindAsPublished(),
                plan.organisations().stream().map(this::searchName).filter(o -> o != null).toList()));
        for (Recommendation r : plan.recommendations()) {
            for (Action a : r.actions()) {
                sources.add(Arrays.asList(a.ref(), r.number(), r.title(), a.description(), r.text(),
                        a.owners().stream().map(o -> searchName(o.organisationId())).filter(o -> o != null).toList()));
            }
        }
        return sources;
    }

    /**
     * What the results of a plan's documents show, read straight from the model: its name, kind, reference, standing and
     * latest update; each action's place, its text or its recommendation's (the result's few words) and its stage.
     */
    private List<Object> searchShown(Plan plan) {
        List<Object> sources = new ArrayList<>();
        sources.add(Arrays.asList(plan.id(), plan.title(), plan.reference(), plan.subject(), plan.kind(),
                PlanFacets.Standing.of(plan, archive.asOf()), lastUpdate(plan)));
        for (Recommendation r : plan.recommendations()) {
            for (Action a : r.actions()) {
                // the result's status: the stage of the latest status, and whether overdue (not the history of updates)
                sources.add(Arrays.asList(a.ref(), r.number(), r.title(), a.description(), r.text(), a.state().lifecycle(), a.state().overdue()));
            }
        }
        return sources;
    }

    /** An organisation as the search index names it; null for an id that names none. */
    private List<String> searchName(String id) {
        Organisation o = organisationsById.get(id);
        return o == null ? null : Arrays.asList(o.id(), o.name(), o.shortName());
    }

    /** The organisations the search finds: those with a page on the site. */
    private List<Organisation> searchedOrganisations() {
        return archive.organisations().stream().filter(o -> archive.hasPageFor(o.id())).toList();
    }

    /**
     * Every organisation with a page, then every plan and its actions, as the search finds them and shows them. The
     * organisations come first, so that of results matching as well, an organisation searched for by its name is listed
     * before the plans and actions that name it. Each plan's part is kept by the plan's key, so that a change to one
     * plan's words makes its part again and joins the others as kept; parts not kept are made at once, on every core.
     */
    private List<SearchIndex.Part> searchParts() {
        List<SearchIndex.Part> parts = new ArrayList<>();
        parts.add(SearchIndex.part(organisationDocuments()));
        parts.addAll(archive.plans().parallelStream().map(this::searchPart).toList());
        return parts;
    }

    /** A plan's part of the search index, kept by the plan's key and the site's (which holds the as-of date). */
    private SearchIndex.Part searchPart(Plan plan) {
        java.util.function.Supplier<byte[]> make = () -> SearchIndex.part(planDocuments(plan)).bytes();
        byte[] kept = RenderContext.part(shared.parts(), Fingerprint.of("search part", common, planKeys.get(plan.id())), make);
        try {
            return SearchIndex.Part.read(kept);
        } catch (IllegalArgumentException notAPart) {
            // the cache checks each entry's bytes, and the key holds the tool's version, so only a fault comes here: the
            // part is made again rather than the build failing
            return SearchIndex.Part.read(make.get());
        }
    }

    /** For each organisation, the actions it owns, how many of them are overdue, and how many past target with no status. */
    private Map<String, int[]> ownedCounts() {
        Map<String, int[]> counts = ownedCounts;
        if (counts == null) {
            Map<String, int[]> owned = new java.util.HashMap<>();
            archive.plans().forEach(plan -> plan.actions().forEach(a -> a.owners().stream().map(o -> o.organisationId()).distinct().forEach(id -> {
                int[] each = owned.computeIfAbsent(id, k -> new int[3]);
                each[0]++;
                each[1] += a.state().overdue() ? 1 : 0;
                each[2] += a.state().targetPassedWithoutStatus() ? 1 : 0;
            })));
            counts = Map.copyOf(owned);
            ownedCounts = counts;
        }
        return counts;
    }

    /** Every organisation with a page, with the actions it owns counted as its result says. */
    private List<SearchIndex.Doc> organisationDocuments() {
        List<SearchIndex.Doc> docs = new ArrayList<>();
        for (Organisation o : searchedOrganisations()) {
            int[] counts = ownedCounts().getOrDefault(o.id(), new int[3]);
            int plans = plansOf.naming(o.id()).size();
            String status = counts[0] == 0 ? "Owns no actions in the plans published here"
                    : "Owns " + counts[0] + (counts[0] == 1 ? " action" : " actions") + (counts[1] == 0 ? ", none overdue" : ", " + counts[1] + " overdue")
                            + (counts[2] == 0 ? "" : ", " + counts[2] + " past target with no status published");
            String text = String.join(" ", java.util.stream.Stream.of(o.name(), o.shortName(), o.odsCode(), o.type().label())
                    .filter(part -> part != null).toList());
            docs.add(new SearchIndex.Doc("organisation", o.name(), Routes.organisation(o.id()),
                    o.type().label() + (o.shortName() != null ? " · " + o.shortName() : ""), status,
                    plans == 0 ? "Named in no plan published here" : "Named in " + plans + (plans == 1 ? " plan" : " plans"), text));
        }
        return docs;
    }

    /** A plan and its actions, as the search finds them and shows them. */
    private List<SearchIndex.Doc> planDocuments(Plan plan) {
        List<SearchIndex.Doc> docs = new ArrayList<>();
        String name = ViewFactory.planName(plan);
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {plan.reference(), plan.subject(), plan.kind().label(), plan.kindAsPublished()}) {
            if (part != null) {
                text.append(part).append(' ');
            }
        }
        for (String id : plan.organisations()) {
            Organisation o = organisationsById.get(id);
            if (o != null) {
                text.append(o.name()).append(' ').append(o.shortName() == null ? "" : o.shortName()).append(' ');
            }
        }
        java.time.LocalDate last = lastUpdate(plan);
        docs.add(new SearchIndex.Doc("plan", plan.title(), Routes.plan(plan.id()),
                plan.kind().label() + (plan.reference() != null ? " · " + plan.reference() : ""),
                PlanFacets.Standing.of(plan, archive.asOf()).label,
                last == null ? "No dated update published" : "Last update published: " + Dates.format(last), text.toString()));
        for (Recommendation r : plan.recommendations()) {
            String recommendationText = views.plainText(r.text());
            for (Action a : r.actions()) {
                Views.ActionRow row = views.rowOf(plan, a);
                // all of the action's words and its recommendation's, not only the few its result shows
                StringBuilder words = new StringBuilder(views.plainText(a.description())).append(' ');
                if (r.title() != null) {
                    words.append(r.title()).append(' ');
                }
                words.append(recommendationText).append(' ');
                row.owners().forEach(o -> words.append(o.name()).append(' ').append(o.shortName() == null ? "" : o.shortName()).append(' '));
                String status = row.state().lifecycleLabel() + (row.state().overdue() ? ", overdue" : "");
                docs.add(new SearchIndex.Doc("action", "Action " + a.ref() + " (recommendation " + r.number() + ")", row.path(), name,
                        status, row.summary(), words.toString()));
            }
        }
        return docs;
    }

    /** An action with its plan, as listings select and order them. */
    private record Entry(Plan plan, Action action) {
    }

    /** A pre-rendered filter of all actions and the actions it picks, as pages of its own ({@code filter} is null for the list of all actions). */
    private record FilterPage(Views.Filter filter, String path, String title, String description, List<Entry> entries) {
    }

    /**
     * The pre-rendered filters of every action; one that would list no action is left out. A filter tests only what
     * {@link #listedBy} names, which keys the listings' pages.
     */
    private List<FilterPage> filters(List<Entry> entries) {
        List<FilterPage> filters = new ArrayList<>();
        for (Lifecycle lifecycle : Lifecycle.values()) {
            String path = Routes.lifecycle(lifecycle.code());
            addFilter(filters, entries, lifecycle.code(), lifecycle.label(), path, "Actions: " + lifecycle.label().toLowerCase(java.util.Locale.ROOT),
                    lifecycle.description(), a -> a.state().lifecycle() == lifecycle);
        }
        addFilter(filters, entries, "overdue", "Overdue", Routes.OVERDUE, "Overdue actions",
                "Actions whose target has passed and whose latest published status is not complete.", a -> a.state().overdue());
        addFilter(filters, entries, "target-passed", "Target date passed; no status published", Routes.TARGET_PASSED,
                "Actions past their target with no status published",
                "Actions whose target has passed, for which the plan publishes no status: whether they are done is not known.",
                a -> a.state().targetPassedWithoutStatus());
        addFilter(filters, entries, "stale", "Not updated recently", Routes.NOT_UPDATED_RECENTLY, "Actions not updated recently",
                "Actions not yet complete with no dated progress update in the last " + archive.site().staleAfterMonths() + " months.",
                a -> a.state().stale());
        return filters;
    }

    private static void addFilter(List<FilterPage> filters, List<Entry> entries, String id, String label, String path, String title,
                                  String description, Predicate<Action> test) {
        List<Entry> picked = entries.stream().filter(e -> test.test(e.action())).toList();
        if (!picked.isEmpty()) {
            filters.add(new FilterPage(new Views.Filter(id, label, path, picked.size()), path, title, description, picked));
        }
    }

    /**
     * The pages of one listing, {@value #ROWS_PER_PAGE} actions a page. Each page's key names the
     * actions it shows by what the listings show of their plans ({@link #shownRuns}), so a change to one plan
     * remakes only the pages that show it differently (and the rows of the others are made only where an
     * earlier build kept no fingerprint of them).
     */
    private List<Output> listing(String unit, FilterPage f, List<Views.Filter> filters, List<Views.Crumb> crumbs) {
        List<Entry> entries = f.entries();
        Views.TallyView tally = views.tally(Tally.of(entries.stream().map(Entry::action).toList()));
        int pageCount = Math.max(1, (entries.size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
        List<Views.PageLink> pageLinks = new ArrayList<>();
        for (int n = 1; n <= pageCount; n++) {
            pageLinks.add(new Views.PageLink(n, listingPage(f.path(), n)));
        }
        List<Output> outputs = new ArrayList<>();
        // the same on every page of the listing: fingerprinted once, not once a page
        String listingKey = Fingerprint.of(f.title(), f.description(), tally, entries.size(), pageLinks, filters);
        for (int n = 1; n <= pageCount; n++) {
            List<Entry> shown = entries.subList((n - 1) * ROWS_PER_PAGE, Math.min(entries.size(), n * ROWS_PER_PAGE));
            String path = listingPage(f.path(), n);
            String title = pageCount == 1 ? f.title() : f.title() + " (page " + n + " of " + pageCount + ")";
            List<String> shownKeys = shownRuns(shown);
            int page = n;
            String key = Fingerprint.of(listingKey, shownKeys, page);
            outputs.add(page(unit, path, "actions.ftlh", title, crumbs, key, List.of(), (context, model) -> {
                List<Views.ActionRow> rows = shown.stream().map(e -> views.rowOf(e.plan(), e.action())).toList();
                model.put("listing", new Views.Listing(f.title(), f.description(), rows, tally, entries.size(),
                        pageCount == 1 ? List.of() : pageLinks, page, (page - 1) * ROWS_PER_PAGE + 1));
                model.put("filters", filters);
            }));
        }
        return outputs;
    }

    /**
     * The actions a page of a listing shows, by what the listings show of their plans: a plan's rows and its actions'
     * states decide which of its actions a filter picks, in what order, and what the page shows of each, so each run of
     * one plan's actions is named by them ({@link #rowsKey}), its first action and how many follow: one name a plan on
     * the page, not one an action. A progress text, which no listing shows, leaves every page as it was.
     */
    private List<String> shownRuns(List<Entry> shown) {
        List<String> runs = new ArrayList<>();
        for (int start = 0; start < shown.size(); ) {
            Plan plan = shown.get(start).plan();
            int end = start + 1;
            while (end < shown.size() && shown.get(end).plan() == plan) {
                end++;
            }
            runs.add(rowsKey(plan) + "#" + shown.get(start).action().ref() + "#" + (end - start));
            start = end;
        }
        return runs;
    }

    /** Page 1 of a listing is the listing's own address; page n is under page/n/. */
    static String listingPage(String path, int n) {
        return n == 1 ? path : path + "page/" + n + "/";
    }

    /** The 404 page is served at any address, so its links start from the site's root path, not from where it is. */
    private Output notFoundPage(String unit) {
        String root = URI.create(archive.site().baseUrl()).getPath();
        return Output.of(Routes.NOT_FOUND, unit, Kind.OTHER, Fingerprint.of("404", common, templates("")), context -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("site", views.site());
            Views.PageView page = views.page(Routes.NOT_FOUND, "Page not found", "Page not found", List.of());
            model.put("page", new Views.PageView(root, page.path(), null, page.title(), page.crumb(), page.breadcrumbs()));
            putSnapshots(model, Routes.NOT_FOUND);
            return shared.engine().renderUtf8("404.ftlh", model);
        });
    }

    /**
     * What every page's frame says of snapshots: on a page of a snapshot, that it is one ({@code snapshot});
     * on the current site's pages, where the list of snapshots is ({@code snapshotList}), if there is one.
     */
    private void putSnapshots(Map<String, Object> model, String path) {
        if (snapshots.isSnapshot()) {
            model.put("snapshot", views.snapshotNotice(snapshots.of(), path));
        } else if (!snapshots.listed().isEmpty()) {
            model.put("snapshotList", Routes.SNAPSHOTS);
        }
    }

    private interface Fill {
        void into(RenderContext context, Map<String, Object> model);
    }

    private Output page(String unit, String path, String template, String title, List<Views.Crumb> crumbs, Object key,
                        List<String> showsSizeOf, Fill fill) {
        return page(unit, path, template, title, title, crumbs, key, showsSizeOf, fill);
    }

    /**
     * A page; {@code crumb}: the shorter name its breadcrumbs end with; {@code key}: what the page is made from but its
     * template and place (a fingerprint, or values to fingerprint with the page's own when its fingerprint is asked for).
     */
    private Output page(String unit, String path, String template, String title, String crumb, List<Views.Crumb> crumbs, Object key,
                        List<String> showsSizeOf, Fill fill) {
        return new Output(path + "index.html", unit, Kind.PAGE,
                () -> Fingerprint.of("page", template, path, title, crumb, crumbs, common, key, templates("")),
                showsSizeOf, context -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("site", views.site());
                    model.put("page", views.page(path, title, crumb, crumbs));
                    putSnapshots(model, path);
                    fill.into(context, model);
                    return shared.engine().renderUtf8(template, model);
                });
    }

    // ---------------------------------------------------------------- what changed since a date

    /** What pages that link to the changes add to their keys: the date the changes start from ("" without --since). */
    private String sinceKey() {
        return changes == null ? "" : "changes since " + changes.all().since();
    }

    /**
     * The fingerprint of an organisation's part of a plan ({@link Plan#partOf}) with the details of every organisation the
     * part names (its outputs show the other owners of its actions by name) and the recommendations it leads or oversees,
     * kept by the plan's key, which holds them all.
     */
    private String organisationPartKey(Plan plan, Organisation organisation) {
        return fingerprints.of("organisation " + organisation.id(), planKeys.get(plan.id()), () -> {
            Plan part = plan.partOf(organisation.id());
            // its page also lists the recommendations it leads or oversees, whoever owns their actions, and the plan counted
            // where it commissioned or investigated it (its JSON, the plan in brief); its JSON links the plan's calendar, which
            // is published if the plan's target completion, or any action of the whole plan, has a date
            boolean commissionedOrInvestigated = plan.commissionedBy().contains(organisation.id())
                    || plan.investigatedBy().contains(organisation.id());
            return List.of(part, organisationKeys(part), named(plan, Recommendation::lead, organisation),
                    named(plan, Recommendation::oversightBy, organisation), IcalRenderer.hasEvent(plan),
                    commissionedOrInvestigated ? List.of(JsonRenderer.sitePlan(archive, plan), organisationKeys(plan)) : "");
        });
    }

    /**
     * What an organisation's page and JSON show of each recommendation of the plan that names it in {@code role}: its words and
     * its actions' count by state.
     */
    private static List<List<Object>> named(Plan plan, java.util.function.Function<Recommendation, List<String>> role,
                                            Organisation organisation) {
        return plan.recommendationsNaming(organisation.id(), role).stream()
                .map(r -> Arrays.<Object>asList(r.number(), r.title(), r.text(), org.followthrough.model.Tally.of(r.actions()))).toList();
    }

    /**
     * The page of what changed after --since and the same as CSV with its CSVW metadata, for the site or
     * the actions one organisation owns; {@code key} stands for everything the changes are made from.
     */
    private List<Output> changeOutputs(String unit, String pagePath, String csvFolder, String key, ChangesSince changed, String title,
                                       String whose, List<Views.Crumb> crumbs) {
        String csv = csvFolder + Routes.CHANGES_CSV;
        String metadata = csvFolder + Routes.CHANGES_CSV_METADATA;
        String since = changed.since().toString();
        List<Output> outputs = new ArrayList<>();
        outputs.add(Output.of(csv, unit, Kind.DOWNLOAD, Fingerprint.of("changes csv", csv, common, key, since),
                context -> ChangesCsv.csv(archive, changed).bytes()));
        outputs.add(Output.of(metadata, unit, Kind.DOWNLOAD, Fingerprint.of("changes csv metadata", metadata, common, key, since, pagePath, whose),
                context -> utf8(ChangesCsv.metadata(archive, changed, pagePath, whose))));
        outputs.add(page(unit, pagePath, "changes.ftlh", title, crumbs, Fingerprint.of(key, since, whose), List.of(csv, metadata),
                (context, model) -> {
                    model.put("changes", views.changes(changed));
                    model.put("whose", whose);
                    // The spreadsheet is for people; the description of its columns is for programs.
                    Views.Download spreadsheet = new Views.Download("These changes, as a spreadsheet", csv, "CSV",
                            humanSize(context.size(csv).orElseThrow()), "text/csv");
                    Views.Download columns = new Views.Download(Download.CSV_METADATA.label(""), metadata, Download.CSV_METADATA.format(),
                            humanSize(context.size(metadata).orElseThrow()), Download.CSV_METADATA.mediaType());
                    model.put("downloads", new Views.Downloads(List.of(spreadsheet), List.of(columns), List.of(spreadsheet, columns)));
                }));
        return outputs;
    }

    // ---------------------------------------------------------------- downloads

    /**
     * How to make each download of one scope: {@code feed} chooses the entries of its two feeds (chosen once for
     * both), which link to {@code page}.
     */
    private record Recipes(Function<RenderContext, PdfRenderer.Source> pdf, Function<RenderContext, Utf8Text> csv, java.util.function.Supplier<String> csvMetadata,
                           java.util.function.Supplier<String> json, java.util.function.Supplier<ProgressEntries> feed, String page,
                           Function<RenderContext, Utf8Text> ics) {
    }

    /**
     * A fingerprint of a plan's events, the same bytes in every calendar that shows them, kept from an earlier build by
     * the plan's key. Events made to work it out are kept as the part the calendars are then made from.
     */
    private String eventsKey(Plan plan) {
        return fingerprints.of("events", planKeys.get(plan.id()),
                () -> RenderContext.part(shared.parts(), eventsPart(plan), () -> IcalRenderer.events(archive, plan).bytes()));
    }

    /**
     * A fingerprint of a plan's actions as the listings show them (their rows) and of their states (which decide the
     * listings each is on), kept from an earlier build by the plan's key.
     */
    private String rowsKey(Plan plan) {
        return fingerprints.of("rows", planKeys.get(plan.id()), () -> List.of(views.rowsOf(plan), plan.actions().map(SiteRenderer::listedBy).toList()));
    }

    /** What decides the listings an action is on: what {@link #filters} tests, and nothing else (not its progress texts). */
    private static List<Object> listedBy(Action action) {
        org.followthrough.model.ActionState state = action.state();
        return List.of(state.lifecycle(), state.overdue(), state.targetPassedWithoutStatus(), state.stale());
    }

    /** A fingerprint of a plan as the site's data lists it, kept from an earlier build by the plan's key. */
    private String siteDataKey(Plan plan) {
        return fingerprints.of("site data", planKeys.get(plan.id()), () -> JsonRenderer.sitePlan(archive, plan));
    }

    /** A fingerprint of a plan's summary (its card in the list of plans, its row in the site's PDF), kept from an earlier build by the plan's key. */
    private String cardKey(Plan plan) {
        return fingerprints.of("card", planKeys.get(plan.id()), () -> views.planSummary(plan));
    }

    /**
     * What the downloads of a plan, an organisation or the site are keyed on, besides what every output is: {@code all},
     * but the PDF, the CSV, the calendar, the CSV's metadata and the JSON may stand for less (the site's PDF shows only
     * the plans' summaries, its CSV only each plan's rows, its calendar only their events, its CSV's metadata only the
     * site's settings and date, and its JSON the plans' summaries, the organisations and the themes).
     */
    private record DownloadKeys(String all, String pdf, String csv, String ics, String csvMetadata, String json) {
        static DownloadKeys all(String key) {
            return new DownloadKeys(key, key, key, key, key, key);
        }

        String of(Download download) {
            return switch (download) {
                case PDF -> pdf;
                case CSV -> csv;
                case ICS -> ics;
                case CSV_METADATA -> csvMetadata;
                case JSON -> json;
                default -> all;
            };
        }
    }

    /** The site's CSV metadata describes the columns every CSV has and the site's settings, which every key holds. */
    private static final String SITE_METADATA = "site settings";

    /** The downloads of a plan, an organisation or the site, in {@code folder}, each keyed as {@code keys} says. */
    private List<Output> downloads(String unit, String folder, DownloadKeys keys, String jsonFile, String scope, Recipes recipes) {
        return downloads(unit, folder, keys, jsonFile, scope, recipes, EVERY_DOWNLOAD);
    }

    /** The downloads of a folder that are {@code made}, from their recipes (those of the others are not used). */
    private List<Output> downloads(String unit, String folder, DownloadKeys keys, String jsonFile, String scope, Recipes recipes,
                                   Set<Download> made) {
        List<Output> outputs = new ArrayList<>();
        Function<RenderContext, ProgressEntries> feed = context -> context.once("feed", recipes.feed());
        for (Download download : made) {
            String path = folder + download.file(jsonFile);
            Output.Recipe recipe = switch (download) {
                case PDF -> context -> typeset(context, recipes.pdf().apply(context));
                case CSV -> context -> recipes.csv().apply(context).bytes();
                case CSV_METADATA -> text(recipes.csvMetadata());
                case JSON -> text(recipes.json());
                case ATOM -> context -> utf8(atom.feed(archive, feed.apply(context), Routes.url(archive.site(), path), recipes.page()));
                case JSON_FEED -> context -> utf8(jsonFeed.feed(archive, feed.apply(context), Routes.url(archive.site(), path), recipes.page()));
                case ICS -> context -> {
                    Utf8Text calendar = recipes.ics().apply(context);
                    return calendar.contains("BEGIN:VEVENT") ? calendar.bytes() : null;
                };
            };
            // A PDF is made from its templates and its fonts as well: a site's own fonts make other PDFs.
            String templates = download == Download.PDF ? templates("pdf/") + shared.pdfFonts() : "";
            String itsKey = keys.of(download);
            Output output = Output.of(path, unit, download.kind(), () -> Fingerprint.of(download.name(), path, common, itsKey, templates, scope), recipe);
            // the site's CSV and calendar are joined from each plan's rows and events, which the cache keeps, and a PDF is
            // kept by what it is typeset from
            boolean fromParts = download == Download.PDF || unit.equals(SITE_UNIT) && (download == Download.CSV || download == Download.ICS);
            outputs.add(fromParts ? output.madeFromParts() : output);
        }
        return outputs;
    }

    /**
     * A PDF, typeset from its source unless a PDF was typeset from the same source before: a change its PDF does not
     * show (an earlier progress text, say) changes the PDF's key but not its HTML, and typesetting is the dearest
     * work of a build. Kept as a part by the source's digest, the fonts and the tool, which decide every byte of it.
     */
    private byte[] typeset(RenderContext context, PdfRenderer.Source source) {
        return context.part(Fingerprint.of("typeset pdf", source.fingerprint(), shared.pdfFonts(), shared.tool()),
                () -> shared.pdf().get().typeset(source));
    }

    /**
     * A plan's rows of the site's CSV, kept by the plan's key: the site's CSV is joined from them, and a change to one
     * plan makes its rows again.
     */
    private byte[] siteRows(RenderContext context, Plan plan) {
        return context.part(siteRowsPart(plan), () -> CsvRenderer.siteRows(archive, plan).bytes());
    }

    private String siteRowsPart(Plan plan) {
        return Fingerprint.of("site csv rows", common, planKeys.get(plan.id()));
    }

    /**
     * The site's CSV is its header and each plan's rows: keyed on the rows' bytes, each plan's fingerprint kept by the
     * plan's key, so that a change its rows do not show (an earlier progress text) leaves the 40 MB of a thousand plans
     * as they were. The rows of a changed plan are made to work it out, and kept as the part the CSV is then joined
     * from (without the cache, or with names protected, nothing is kept, and the rows are made twice).
     */
    private String siteCsvKey() {
        return Fingerprint.of("site csv", archive.plans().stream().map(plan -> fingerprints.of("site csv rows", planKeys.get(plan.id()),
                () -> RenderContext.part(shared.parts(), siteRowsPart(plan), () -> CsvRenderer.siteRows(archive, plan).bytes()))).toList());
    }

    /**
     * A plan's events, which its calendar and the site's share, kept by the plan's key: the site's calendar is joined
     * from them (made in this build by whichever calendar wants them first, or in an earlier build), and a change to
     * one plan makes its events again.
     */
    private byte[] events(RenderContext context, Plan plan) {
        return context.part(eventsPart(plan), () -> IcalRenderer.events(archive, plan).bytes());
    }

    private String eventsPart(Plan plan) {
        return Fingerprint.of("calendar events", common, planKeys.get(plan.id()));
    }

    private static Output.Recipe text(java.util.function.Supplier<String> text) {
        return context -> utf8(text.get());
    }

    private static List<String> downloadPaths(String folder, String jsonFile) {
        return downloadPaths(folder, jsonFile, EVERY_DOWNLOAD);
    }

    private static List<String> downloadPaths(String folder, String jsonFile, Set<Download> made) {
        return made.stream().map(d -> folder + d.file(jsonFile)).toList();
    }

    /**
     * The downloads of a folder, with their sizes, those for people apart from those for other programs; a
     * calendar with no dated target is not made, and a PDF left out of the build, and say so. A PDF made only
     * when asked for (in a preview) is linked without its size.
     */
    private static Views.Downloads downloadLinks(RenderContext context, String folder, String jsonFile, String scope) {
        return downloadLinks(context, folder, jsonFile, scope, EVERY_DOWNLOAD);
    }

    /** The downloads of a folder that are {@code made}, as {@link #downloadLinks(RenderContext, String, String, String)} lists them. */
    private static Views.Downloads downloadLinks(RenderContext context, String folder, String jsonFile, String scope, Set<Download> made) {
        List<Views.Download> main = new ArrayList<>();
        List<Views.Download> machine = new ArrayList<>();
        for (Download download : made) {
            List<Views.Download> links = download.forPeople() ? main : machine;
            String path = folder + download.file(jsonFile);
            String label = download.label(scope);
            var size = context.size(path);
            if (size.isPresent()) {
                links.add(new Views.Download(label, path, download.format(), humanSize(size.get()), download.mediaType()));
            } else if (download == Download.PDF && context.pdfsOnRequest()) {
                links.add(new Views.Download(label, path, download.format(), null, download.mediaType()));
            } else if (download == Download.ICS) {
                links.add(new Views.Download("No calendar of target dates: none of these targets names a date", null, download.format(),
                        null, download.mediaType()));
            } else if (download == Download.PDF && !context.pdfs()) {
                links.add(new Views.Download("No PDF summary: this preview was built without PDFs", null, download.format(),
                        null, download.mediaType()));
            }
        }
        List<Views.Download> all = new ArrayList<>(main);
        all.addAll(machine);
        return new Views.Downloads(List.copyOf(main), List.copyOf(machine), List.copyOf(all));
    }

    static String humanSize(int bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double kb = bytes / 1024.0;
        if (kb < 1024) {
            return Math.round(kb) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", kb / 1024);
    }

    // ---------------------------------------------------------------- helpers

    private String templates(String folder) {
        return shared.engine().fingerprint(folder);
    }

    private String sitemap(List<String> pages, List<String> downloads) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        List<String> all = new ArrayList<>(pages);
        all.addAll(downloads);
        for (String page : all.stream().sorted().toList()) {
            String path = page.endsWith("index.html") ? page.substring(0, page.length() - "index.html".length()) : page;
            xml.append("  <url><loc>").append(xmlEscape(archive.site().baseUrl() + path)).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private byte[] asset(String name) {
        return shared.engine().asset(name);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** "an" before a kind of review that starts with a vowel ("an independent investigation"), else "a". */
    private static String article(String kind) {
        return !kind.isEmpty() && "AEIOUaeiou".indexOf(kind.charAt(0)) >= 0 ? "an" : "a";
    }
}

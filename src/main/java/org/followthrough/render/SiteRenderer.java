package org.followthrough.render;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.followthrough.assemble.OrganisationScope;
import org.followthrough.format.ContentFormat;
import org.followthrough.format.SchemaWriter;
import org.followthrough.model.Archive;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import java.util.concurrent.ConcurrentHashMap;
import org.followthrough.model.Site;
import org.followthrough.render.calendar.IcalRenderer;
import org.followthrough.render.data.CsvRenderer;
import org.followthrough.render.data.Downloads;
import org.followthrough.render.data.JsonRenderer;
import org.followthrough.render.data.JsonSchemaWriter;
import org.followthrough.render.feed.AtomRenderer;
import org.followthrough.render.feed.JsonFeedRenderer;
import org.followthrough.render.fragment.FragmentRenderer;
import org.followthrough.render.pdf.PdfRenderer;
import org.followthrough.render.view.ViewFactory;
import org.followthrough.render.view.Views;

/**
 * Knows every file of the public site and how to make each one, once. The pipeline renders them
 * in parallel and hands each to the publisher as soon as it is ready, so memory does not grow
 * with the archive.
 */
public final class SiteRenderer {

    /** Static files shipped with the templates; a site's own templates/ folder may replace any of them. */
    static final List<String> ASSETS = List.of("assets/followthrough.css", "assets/filter.js", FragmentRenderer.STYLESHEET);

    private static final Views.Crumb HOME = new Views.Crumb("Plans", "");
    private static final Views.Crumb ALL_ACTIONS = new Views.Crumb("All actions", "actions/");
    private static final Views.Crumb ORGANISATIONS = new Views.Crumb("Organisations", "organisations/");

    private final Archive archive;
    private final MarkdownRenderer markdown;
    private final TemplateEngine engine;
    private final ViewFactory views;

    private final Map<String, byte[]> contentAssets;

    /**
     * @param contentAssets the content folder's assets (logos), by path
     */
    public SiteRenderer(Archive archive, TemplateEngine engine, MarkdownRenderer markdown, Map<String, byte[]> contentAssets) {
        this.contentAssets = contentAssets;
        this.archive = archive;
        this.markdown = markdown;
        this.engine = engine;
        this.views = new ViewFactory(archive, markdown);
    }

    /** One file of the output: its path and how to make it; {@code page} marks HTML pages listed in the sitemap. */
    public record Output(String path, boolean page, Supplier<byte[]> content) {
    }

    /** A pre-rendered filter of all actions, as a page of its own. */
    private record FilterPage(Views.Filter filter, String title, String description, Predicate<Views.ActionRow> test) {
    }

    /**
     * The outputs in the order they must be made: first the downloads, whose sizes the pages then
     * give beside each link; then the pages, the sitemap and the rest.
     */
    public List<List<Output>> phases() {
        List<Output> downloads = downloads();
        List<Output> rest = outputs();
        List<String> downloadPaths = downloads.stream().map(Output::path).toList();
        List<String> pages = rest.stream().filter(Output::page).map(Output::path).toList();
        rest.add(new Output("sitemap.xml", false, () -> utf8(sitemap(pages, downloadPaths))));
        return List.of(downloads, rest);
    }

    /** A download of one scope (a plan, an organisation, the site): its file, label and format. */
    private record DownloadSpec(String file, String label, String format, String mediaType, Supplier<byte[]> content) {
    }

    private List<DownloadSpec> downloadSpecs(String scope, String jsonFile, Supplier<String> csv, Supplier<String> csvMetadata,
                                             Supplier<String> json, Supplier<String> atom, Supplier<String> jsonFeed,
                                             Supplier<String> ics, Supplier<byte[]> pdf) {
        return List.of(
                new DownloadSpec(Downloads.PDF, "Summary to read or print", "PDF", "application/pdf", pdf),
                new DownloadSpec(Downloads.CSV, "Every action, as a spreadsheet", "CSV", "text/csv", () -> utf8(csv.get())),
                new DownloadSpec(Downloads.CSV_METADATA, "Description of the spreadsheet's columns", "CSVW metadata (JSON)",
                        "application/csvm+json", () -> utf8(csvMetadata.get())),
                new DownloadSpec(jsonFile, "Everything, as open data", "JSON", "application/json", () -> utf8(json.get())),
                new DownloadSpec(Downloads.ATOM, "Progress updates of " + scope + ", to follow in a feed reader", "Atom feed", AtomRenderer.MEDIA_TYPE,
                        () -> utf8(atom.get())),
                new DownloadSpec(Downloads.JSON_FEED, "Progress updates, as a JSON feed for other websites", "JSON Feed",
                        JsonFeedRenderer.MEDIA_TYPE, () -> utf8(jsonFeed.get())),
                new DownloadSpec(Downloads.ICS, "Target dates, for a calendar", "iCalendar", IcalRenderer.MEDIA_TYPE,
                        () -> {
                            String calendar = ics.get();
                            return calendar.contains("BEGIN:VEVENT") ? utf8(calendar) : null;
                        }));
    }

    private static final String SITE_SCOPE = "every plan";
    /** Where the HTML fragments for embedding in other websites go. */
    public static final String FRAGMENTS = "fragments/";

    private final Map<String, List<DownloadSpec>> specsByFolder = new LinkedHashMap<>();
    private final Map<String, Integer> sizes = new ConcurrentHashMap<>();

    private List<Output> downloads() {
        AtomRenderer atom = new AtomRenderer(markdown);
        JsonFeedRenderer jsonFeed = new JsonFeedRenderer(markdown);
        FragmentRenderer fragments = new FragmentRenderer(engine);
        Site site = archive.site();
        List<Output> outputs = new ArrayList<>();
        for (Plan plan : archive.plans()) {
            String folder = Downloads.planFolder(plan.id());
            specsByFolder.put(folder, downloadSpecs("plan " + (plan.reference() != null ? plan.reference() : plan.title()), Downloads.PLAN_JSON,
                    () -> CsvRenderer.plan(archive, plan), () -> CsvRenderer.planMetadata(archive, plan),
                    () -> JsonRenderer.plan(archive, plan),
                    () -> atom.plan(archive, plan, Downloads.url(site, folder + Downloads.ATOM), Downloads.url(site, folder)),
                    () -> jsonFeed.plan(archive, plan, Downloads.url(site, folder + Downloads.JSON_FEED), Downloads.url(site, folder)),
                    () -> IcalRenderer.plan(archive, plan),
                    () -> pdf().plan(views.site(), views.plan(plan))));
        }
        for (Organisation organisation : owners()) {
            String folder = Downloads.organisationFolder(organisation.id());
            specsByFolder.put(folder, downloadSpecs(organisation.displayShortName(), Downloads.ORGANISATION_JSON,
                    () -> CsvRenderer.organisation(archive, organisation), () -> CsvRenderer.organisationMetadata(archive, organisation),
                    () -> JsonRenderer.organisation(archive, organisation),
                    () -> atom.organisation(archive, organisation, Downloads.url(site, folder + Downloads.ATOM), Downloads.url(site, folder)),
                    () -> jsonFeed.organisation(archive, organisation, Downloads.url(site, folder + Downloads.JSON_FEED),
                            Downloads.url(site, folder)),
                    () -> IcalRenderer.organisation(archive, organisation),
                    () -> pdf().organisation(views.site(), views.organisation(organisation),
                            archive.plans().stream().map(views::plan).toList())));
        }
        specsByFolder.put(Downloads.SITE_FOLDER, downloadSpecs(SITE_SCOPE, Downloads.SITE_JSON,
                () -> CsvRenderer.site(archive), () -> CsvRenderer.siteMetadata(archive), () -> JsonRenderer.site(archive),
                () -> atom.site(archive, Downloads.url(site, Downloads.SITE_FOLDER + Downloads.ATOM), site.baseUrl()),
                () -> jsonFeed.site(archive, Downloads.url(site, Downloads.SITE_FOLDER + Downloads.JSON_FEED), site.baseUrl()),
                () -> IcalRenderer.site(archive),
                () -> pdf().site(views.site(), archive.plans().stream().map(views::plan).toList())));

        for (Plan plan : archive.plans()) {
            outputs.add(new Output(FRAGMENTS + "plans/" + plan.id() + ".html", false,
                    () -> utf8(fragments.plan(views.site(), views.plan(plan), site.baseUrl()))));
        }
        for (Organisation organisation : owners()) {
            outputs.add(new Output(FRAGMENTS + "organisations/" + organisation.id() + ".html", false,
                    () -> utf8(fragments.organisation(views.site(), views.organisation(organisation),
                            archive.plans().stream().map(views::plan).toList(), site.baseUrl()))));
        }
        specsByFolder.forEach((folder, specs) -> {
            for (DownloadSpec spec : specs) {
                String path = folder + spec.file();
                outputs.add(new Output(path, false, () -> {
                    byte[] bytes = spec.content().get();
                    if (bytes != null) {
                        sizes.put(path, bytes.length);
                    }
                    return bytes;
                }));
            }
        });
        outputs.add(new Output(Downloads.PLAN_SCHEMA, false, () -> utf8(JsonSchemaWriter.plan(archive))));
        outputs.add(new Output(Downloads.ORGANISATION_SCHEMA, false, () -> utf8(JsonSchemaWriter.organisation(archive))));
        outputs.add(new Output(Downloads.SITE_SCHEMA, false, () -> utf8(JsonSchemaWriter.site(archive))));
        return outputs;
    }

    /** Organisations that own at least one action and have a page here: only they get downloads and fragments of their own. */
    private List<Organisation> owners() {
        return OrganisationScope.owners(archive).stream().filter(o -> archive.hasPageFor(o.id())).toList();
    }

    /** The downloads of a folder, with their sizes; a calendar with no dated target is not made, and says so. */
    List<Views.Download> downloadsOf(String folder) {
        List<Views.Download> links = new ArrayList<>();
        for (DownloadSpec spec : specsByFolder.getOrDefault(folder, List.of())) {
            Integer size = sizes.get(folder + spec.file());
            if (size != null) {
                links.add(new Views.Download(spec.label(), folder + spec.file(), spec.format(), humanSize(size), spec.mediaType()));
            } else if (spec.file().equals(Downloads.ICS)) {
                links.add(new Views.Download("No calendar of target dates: none of these targets names a date", null, spec.format(),
                        null, spec.mediaType()));
            }
        }
        return links;
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

    private PdfRenderer pdfRenderer;

    /** The PDF renderer is made when the first PDF is wanted: it needs fonts, which it looks for once. */
    private synchronized PdfRenderer pdf() {
        if (pdfRenderer == null) {
            pdfRenderer = new PdfRenderer(engine);
        }
        return pdfRenderer;
    }

    List<Output> outputs() {
        List<Output> outputs = new ArrayList<>();
        List<FilterPage> filters = filters();
        List<Views.Filter> filterLinks = filters.stream().map(FilterPage::filter).toList();

        outputs.add(page("", "home.ftlh", "Action plans", List.of(), model -> {
            model.put("plans", archive.plans().stream().map(views::plan).toList());
            model.put("organisationCount", archive.organisations().size());
            model.put("tally", views.tallyOf(views.rows()));
            model.put("filters", filterLinks);
            model.put("downloads", downloadsOf(Downloads.SITE_FOLDER));
        }));
        for (Plan plan : archive.plans()) {
            outputs.add(page(ViewFactory.planPath(plan.id()), "plan.ftlh", plan.title(), List.of(HOME), model -> {
                model.put("plan", views.plan(plan));
                model.put("downloads", downloadsOf(Downloads.planFolder(plan.id())));
                model.put("rows", views.rows().stream().filter(r -> r.planId().equals(plan.id())).toList());
            }));
        }
        List<Organisation> withPages = archive.organisations().stream().filter(o -> archive.hasPageFor(o.id())).toList();
        outputs.add(page("organisations/", "organisations.ftlh", "Organisations", List.of(HOME),
                model -> model.put("organisations", withPages.stream().map(views::organisation).toList())));
        for (Organisation organisation : withPages) {
            outputs.add(page(ViewFactory.organisationPath(organisation.id()), "organisation.ftlh", organisation.name(),
                    List.of(HOME, ORGANISATIONS), model -> {
                        model.put("organisation", views.organisation(organisation));
                        model.put("downloads", downloadsOf(Downloads.organisationFolder(organisation.id())));
                    }));
        }
        outputs.add(listing("actions/", "All actions", "Every action of every plan, grouped by plan as published.",
                row -> true, filterLinks, List.of(HOME)));
        for (FilterPage f : filters) {
            outputs.add(listing(f.filter().path(), f.title(), f.description(), f.test(), filterLinks, List.of(HOME, ALL_ACTIONS)));
        }
        outputs.add(page("about/", "about.ftlh", "How to read these plans", List.of(HOME), model -> model.put("lifecycles",
                java.util.Arrays.stream(Lifecycle.values())
                        .map(l -> Map.of("code", l.code(), "label", l.label(), "description", l.description())).toList())));
        outputs.add(page("accessibility/", "accessibility.ftlh", "Accessibility statement", List.of(HOME), model -> { }));
        outputs.add(notFoundPage());

        for (ContentFormat.FileKind kind : ContentFormat.FILE_KINDS) {
            outputs.add(new Output("schema/" + kind.schemaFileName(), false, () -> utf8(SchemaWriter.schema(kind))));
        }
        for (String asset : ASSETS) {
            outputs.add(new Output(asset, false, () -> engine.asset(asset)));
        }
        if (archive.scope() != null) {
            archive.organisation(archive.scope().organisationId()).map(Organisation::logo).filter(contentAssets::containsKey)
                    .ifPresent(logo -> outputs.add(new Output(ViewFactory.logoPath(logo), false, () -> contentAssets.get(logo))));
        }
        outputs.add(new Output("robots.txt", false, () -> utf8("User-agent: *\nAllow: /\n\nSitemap: " + archive.site().baseUrl() + "sitemap.xml\n")));
        return outputs;
    }

    private List<FilterPage> filters() {
        List<Views.ActionRow> rows = views.rows();
        List<FilterPage> filters = new ArrayList<>();
        for (Lifecycle lifecycle : Lifecycle.values()) {
            Predicate<Views.ActionRow> test = r -> r.state().lifecycle().equals(lifecycle.code());
            long count = rows.stream().filter(test).count();
            if (count > 0) {
                String path = "actions/status/" + lifecycle.code().replace('_', '-') + "/";
                filters.add(new FilterPage(new Views.Filter(lifecycle.code(), lifecycle.label(), path, (int) count),
                        "Actions: " + lifecycle.label().toLowerCase(java.util.Locale.ROOT),
                        lifecycle.description(), test));
            }
        }
        Predicate<Views.ActionRow> overdue = r -> r.state().overdue();
        filters.add(new FilterPage(new Views.Filter("overdue", "Overdue", "actions/overdue/", (int) rows.stream().filter(overdue).count()),
                "Overdue actions", "Actions whose target has passed and that have not been reported complete.", overdue));
        Predicate<Views.ActionRow> stale = r -> r.state().stale();
        filters.add(new FilterPage(new Views.Filter("stale", "Not updated recently", "actions/not-updated-recently/",
                (int) rows.stream().filter(stale).count()),
                "Actions not updated recently", "Actions not yet complete with no dated progress update in the last "
                        + archive.site().staleAfterMonths() + " months.", stale));
        return filters;
    }

    private Output listing(String path, String title, String description, Predicate<Views.ActionRow> test,
                           List<Views.Filter> filters, List<Views.Crumb> crumbs) {
        return page(path, "actions.ftlh", title, crumbs, model -> {
            List<Views.ActionRow> rows = views.rows().stream().filter(test).toList();
            model.put("listing", new Views.Listing(title, description, rows, views.tallyOf(rows)));
            model.put("filters", filters);
        });
    }

    /** The 404 page is served at any address, so its links start from the site's root path, not from where it is. */
    private Output notFoundPage() {
        String root = URI.create(archive.site().baseUrl()).getPath();
        return new Output("404.html", false, () -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("site", views.site());
            Views.PageView page = views.page("404.html", "Page not found", List.of());
            model.put("page", new Views.PageView(root, page.path(), null, page.title(), page.breadcrumbs()));
            return utf8(engine.render("404.ftlh", model));
        });
    }

    private Output page(String path, String template, String title, List<Views.Crumb> crumbs, Consumer<Map<String, Object>> fill) {
        return new Output(path + "index.html", true, () -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("site", views.site());
            model.put("page", views.page(path, title, crumbs));
            fill.accept(model);
            return utf8(engine.render(template, model));
        });
    }

    private String sitemap(List<String> pages, List<String> downloads) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        List<String> all = new ArrayList<>(pages);
        downloads.stream().filter(sizes::containsKey).forEach(all::add);
        for (String page : all.stream().sorted().toList()) {
            String path = page.endsWith("index.html") ? page.substring(0, page.length() - "index.html".length()) : page;
            xml.append("  <url><loc>").append(xmlEscape(archive.site().baseUrl() + path)).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package org.followthrough.site;

import org.followthrough.render.Routes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.followthrough.assemble.OrganisationScope;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.model.Archive;
import org.followthrough.model.Organisation;
import org.followthrough.model.Owner;
import org.followthrough.model.Plan;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.problem.Problem;
import org.followthrough.render.view.ViewFactory;
import org.followthrough.support.AxeChecker;
import org.followthrough.support.AxeChecker.Finding;
import org.followthrough.support.AxeChecker.Viewport;
import org.followthrough.support.Browser;
import org.followthrough.support.LocalSite;
import org.followthrough.support.NetworkGuard;
import org.followthrough.support.NoJavaScriptCrawler;
import org.followthrough.support.NuChecker;
import org.followthrough.support.TestArchives;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.opentest4j.TestAbortedException;

/**
 * Every organisation that owns actions in the shipped content gets a site of its own
 * ({@code build --all-organisations}, and {@code build --organisation ID}), and each passes the
 * checks the partnership's site passes:
 * <ul>
 * <li>it holds exactly the actions the organisation owns, on its plan pages, in its tables and in its
 * downloads (compared with the model of the whole content), carries the organisation's name and
 * colour on every page, links each plan back to the partnership's page for it, and has no page of
 * any other organisation;</li>
 * <li>its links and anchors resolve inside it, nothing loads from elsewhere, and its absolute URLs use
 * its own base URL, when built into a folder of the partnership's site and when built for another
 * address with {@code --base-url};</li>
 * <li>the Nu Html Checker finds no error on any page; every page is reached from its home by links a
 * visitor without JavaScript can follow, with text in {@code <main>} (in the browser on three
 * representative sites; on the others, whose pages are made by the same templates and stylesheet, by
 * the links as their HTML has them); axe-core finds no WCAG 2.2 A/AA violation (every page of the three
 * at 375 pixels wide and the largest page of each kind at 1280 too, as on the partnership's site, and the
 * home and plan pages of every other site at 375);</li>
 * <li>two organisations' sites built from one repository say the same thing about the same
 * recommendation and the same shared action, and say what the partnership's site says;</li>
 * <li>an organisation's colour, logo and base URL from its content file are used, and a logo that
 * does not exist is reported where it is written.</li>
 * </ul>
 * The shipped content is built once, with every organisation's site, and served over HTTP under a
 * sub-path as {@code /action-plans/} is on the partnership's host: each organisation's site is then
 * at {@code /action-plans/ID/}. The time each stage takes is printed at the end.
 */
// Beside the other test classes (see junit-platform.properties); its own tests one at a time, as they share its browsers.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("OrganisationSitesTest")
class OrganisationSitesTest {

    /** Where the partnership's site is served; each organisation's site is in a folder under it. */
    static final String SERVED_UNDER = "/action-plans/";
    /** The address one organisation's site is built for with --base-url, in a folder of its own host. */
    static final String OWN_ADDRESS = "https://trust.example/learning/action-plans/";
    /** Checked page by page in the browser, besides the organisation with the most actions. */
    static final List<String> ALSO_EVERY_PAGE = List.of("west-midlands-police", "eput");
    /** Pairs of organisations whose sites share plans (the first) and actions (the others), compared by name. */
    static final List<List<String>> NAMED_PAIRS = List.of(List.of("nhs-england", "west-midlands-police"),
            List.of("nhs-england", "ministry-of-justice"), List.of("local-nhs-ccgs", "nhs-england"));

    /** A link to an organisation's page, relative to the site's base URL. */
    private static final Pattern ORGANISATION_PAGE = Pattern.compile("organisations/([^/#?]+)/(?:index\\.html)?(?:[?#].*)?");
    /** A link to an action of a plan, relative to the site's base URL. */
    private static final Pattern ACTION_LINK = Pattern.compile("plans/([^/#?]+)/(?:recommendations/[^/#?]+/)?(?:index\\.html)?#(action-[^/?#]+)");
    /** A page of a plan: its own, or one of its recommendations'. */
    private static final Pattern PLAN_PAGE = Pattern.compile("plans/([^/]+)/(?:recommendations/[^/]+/)?index\\.html");

    @TempDir
    static Path temp;

    /** The shipped content as the build sees it (base URL from site.yaml): what the sites are compared with. */
    private static Archive archive;
    private static List<Organisation> owners;
    /** The partnership's site with every organisation's site in a folder, served. */
    private static LocalSite served;
    /** Why it could not be built, if it could not: every test that needs it fails with this. */
    private static AssertionError buildFailure;
    private static final Map<String, LinkCheckTest.Site> PARSED = new ConcurrentHashMap<>();

    private static Browser browser;
    private static AxeChecker axe;
    private static Browser browserWithoutJavaScript;
    private static NoJavaScriptCrawler crawler;

    private static long started;
    /** Time taken by each stage, and how many things it did, for the report at the end. */
    private static final Map<String, Long> NANOS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> COUNTS = new ConcurrentHashMap<>();

    @BeforeAll
    static void buildEveryOrganisationsSite() {
        started = System.nanoTime();
        archive = TestArchives.shipped();
        owners = OrganisationScope.owners(archive);
        timed("build --all-organisations", () -> {
            try {
                served = LocalSite.build(TestBuilds.SHIPPED_CONTENT, temp.resolve("all"), SERVED_UNDER, null, true);
            } catch (AssertionError e) {
                buildFailure = e;
            }
            return null;
        });
        if (Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER)) {
            startCrawls();
        }
    }

    @AfterAll
    static void stopAndReport() throws InterruptedException {
        try {
            if (background != null) {
                background.shutdownNow();
                background.awaitTermination(1, TimeUnit.MINUTES);
            }
            if (browser != null) {
                browser.close();
            }
            if (browserWithoutJavaScript != null) {
                browserWithoutJavaScript.close();
            }
        } finally {
            if (served != null) {
                served.close();
            }
            StringBuilder out = new StringBuilder("OrganisationSitesTest, " + (owners == null ? 0 : owners.size()) + " organisations' sites:\n");
            new TreeMap<>(NANOS).forEach((stage, nanos) -> out.append("  ").append(stage).append(": ").append(seconds(nanos))
                    .append(COUNTS.containsKey(stage) ? " (" + COUNTS.get(stage) + ")" : "").append('\n'));
            out.append("  whole class: ").append(seconds(System.nanoTime() - started));
            System.out.println(out);
        }
    }

    // ------------------------------------------------------------------------------------------
    // 1. What each organisation's site holds

    @Test
    void everyOrganisationThatOwnsActionsHasASiteOfItsOwnAndNoOtherDoes() {
        Path root = served().root();
        assertThat(owners).as("organisations that own actions in %s", TestBuilds.SHIPPED_CONTENT).hasSizeGreaterThan(2);
        List<String> missing = owners.stream().map(Organisation::id).filter(id -> !Files.isRegularFile(root.resolve(id + "/index.html"))).toList();
        assertThat(missing).as("organisations that own actions but have no site in <out>/<id>/").isEmpty();
        List<String> extra = archive.organisations().stream().filter(o -> !owners.contains(o)).map(Organisation::id)
                .filter(id -> Files.exists(root.resolve(id))).toList();
        assertThat(extra).as("organisations that own no action but have a folder").isEmpty();
        assertThat(root.resolve("index.html")).as("the partnership's own site is built too").isRegularFile();
    }

    @TestFactory
    Stream<DynamicNode> eachSiteHoldsExactlyItsOwnActionsNameAndLinks() {
        served();
        return owners.stream().map(o -> DynamicContainer.dynamicContainer(o.id(), Stream.of(
                DynamicTest.dynamicTest("its plan pages hold exactly the actions it owns", () -> planPagesHoldItsActions(o)),
                DynamicTest.dynamicTest("no page shows or links to another body's action", () -> noOtherActionAnywhere(o)),
                DynamicTest.dynamicTest("its downloads hold exactly the actions it owns", () -> downloadsHoldItsActions(o)),
                DynamicTest.dynamicTest("every page carries its name and colour", () -> pagesCarryItsNameAndColour(o)),
                DynamicTest.dynamicTest("plan pages link back to the partnership's plan", () -> plansLinkBackToThePartnership(o)),
                DynamicTest.dynamicTest("no other organisation's page, and no link to one", () -> noOtherOrganisationsPage(o)))));
    }

    /** Plan id → the anchors of the actions the organisation owns in it, from the model, in plan order. */
    static Map<String, Set<String>> owned(Organisation o) {
        Map<String, Set<String>> owned = new LinkedHashMap<>();
        for (Plan plan : archive.plans()) {
            plan.actions().filter(a -> a.isOwnedBy(o.id()))
                    .forEach(a -> owned.computeIfAbsent(plan.id(), k -> new LinkedHashSet<>()).add(Routes.anchor("action", a.ref())));
        }
        return owned;
    }

    private static void planPagesHoldItsActions(Organisation o) {
        LinkCheckTest.Site site = site(o.id());
        Map<String, Set<String>> owned = owned(o);
        Set<String> planPages = site.pages.keySet().stream().filter(p -> p.matches("plans/[^/]+/index\\.html"))
                .map(p -> p.split("/")[1]).collect(Collectors.toCollection(TreeSet::new));
        assertThat(planPages).as("plans with a page in %s's site (the plans it owns actions in)", o.id())
                .containsExactlyInAnyOrderElementsOf(owned.keySet());
        List<String> wrong = new ArrayList<>();
        owned.forEach((plan, anchors) -> {
            Document page = planDocument(site.pages::get, plan);
            List<String> shown = page.select("article.action").eachAttr("id");
            shown.stream().filter(id -> !anchors.contains(id)).forEach(id -> wrong.add("plans/" + plan + "/: " + id + " is not " + o.id() + "'s"));
            anchors.stream().filter(id -> !shown.contains(id)).forEach(id -> wrong.add("plans/" + plan + "/: its " + id + " is missing"));
            if (shown.size() != new LinkedHashSet<>(shown).size()) {
                wrong.add("plans/" + plan + "/: an action is shown twice: " + shown);
            }
        });
        assertThat(wrong).as("actions on %s's plan pages compared with the actions it owns in the model", o.id()).isEmpty();
    }

    private static void noOtherActionAnywhere(Organisation o) {
        LinkCheckTest.Site site = site(o.id());
        Map<String, Set<String>> owned = owned(o);
        List<String> wrong = new ArrayList<>();
        site.pages.forEach((path, doc) -> {
            for (Element article : doc.select("article.action")) {
                Matcher onPlan = PLAN_PAGE.matcher(path);
                String plan = onPlan.matches() ? onPlan.group(1) : "?";
                if (!owned.getOrDefault(plan, Set.of()).contains(article.id())) {
                    wrong.add(path + ": article " + article.id());
                }
            }
            for (Element a : doc.select("a[href]")) {
                String inSite = relativeToSite(site, a.absUrl("href"));
                Matcher m = inSite == null ? null : ACTION_LINK.matcher(inSite);
                if (m != null && m.matches() && !owned.getOrDefault(m.group(1), Set.of()).contains(m.group(2))) {
                    wrong.add(path + ": link to " + inSite);
                }
            }
            for (Element row : doc.select("tr[data-owners]")) {
                if (!Set.of(row.attr("data-owners").split(" ")).contains(o.id())) {
                    wrong.add(path + ": a table row of actions owned by " + row.attr("data-owners"));
                }
            }
        });
        assertThat(wrong).as("actions of other bodies shown or linked in %s's site", o.id()).isEmpty();
    }

    private static void downloadsHoldItsActions(Organisation o) {
        LinkCheckTest.Site site = site(o.id());
        Map<String, Set<String>> owned = owned(o);
        Set<String> all = owned.entrySet().stream().flatMap(e -> e.getValue().stream().map(id -> e.getKey() + " " + id))
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> csvs = site.built.filesEndingWith("actions.csv");
        assertThat(csvs).as("spreadsheets of %s's site", o.id()).contains("data/actions.csv");
        List<String> wrong = new ArrayList<>();
        for (String csv : csvs) {
            Set<String> rows = new TreeSet<>();
            for (CSVRecord row : csv(site.built.text(csv))) {
                String action = row.get("Plan ID") + " " + Routes.anchor("action", row.get("Action"));
                rows.add(action);
                if (!all.contains(action)) {
                    wrong.add(csv + ": row for " + action + ", owned by " + row.get("Owner IDs"));
                }
                if (!List.of(row.get("Owner IDs").split(";\\s*")).contains(o.id())) {
                    wrong.add(csv + ": row for " + action + " does not name " + o.id() + " among its owners: " + row.get("Owner IDs"));
                }
                String expectedLink = site.base + Routes.action(row.get("Plan ID"), row.get("Recommendation"), row.get("Action"));
                if (!row.get("Link").equals(expectedLink)) {
                    wrong.add(csv + ": row for " + action + " links to " + row.get("Link") + ", not " + expectedLink);
                }
            }
            String plan = csv.matches("plans/[^/]+/actions\\.csv") ? csv.split("/")[1] : null;
            Set<String> expected = plan == null ? all : all.stream().filter(a -> a.startsWith(plan + " ")).collect(Collectors.toSet());
            expected.stream().filter(a -> !rows.contains(a)).forEach(a -> wrong.add(csv + ": no row for " + a));
        }
        ObjectMapper json = new ObjectMapper();
        for (String planJson : site.built.filesEndingWith("/plan.json")) {
            try {
                JsonNode plan = json.readTree(site.built.bytes(planJson)).get("plan");
                Set<String> actions = new TreeSet<>();
                plan.get("recommendations").forEach(r -> r.get("actions").forEach(a ->
                        actions.add(plan.get("id").asText() + " " + Routes.anchor("action", a.get("ref").asText()))));
                Set<String> expected = all.stream().filter(a -> a.startsWith(plan.get("id").asText() + " ")).collect(Collectors.toSet());
                if (!actions.equals(expected)) {
                    wrong.add(planJson + " holds " + actions + ", not " + expected);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(wrong).as("rows of %s's downloads compared with the actions it owns in the model", o.id()).isEmpty();
    }

    private static void pagesCarryItsNameAndColour(Organisation o) {
        LinkCheckTest.Site site = site(o.id());
        String colour = o.brandColour() != null ? o.brandColour() : archive.site().brandColour();
        List<String> wrong = new ArrayList<>();
        site.pages.forEach((path, doc) -> {
            if (!isPage(path)) {
                return;
            }
            Element title = doc.selectFirst("header .site-title");
            if (title == null || !title.text().contains(o.name())) {
                wrong.add(path + ": the header's site title is " + (title == null ? "missing" : "\"" + title.text() + "\""));
            }
            if (!doc.title().contains(o.name())) {
                wrong.add(path + ": <title>" + doc.title() + "</title> does not name it");
            }
            if (doc.title().contains(archive.site().title()) && !o.name().contains(archive.site().title())) {
                wrong.add(path + ": <title> still names the partnership's site");
            }
            String styles = doc.select("head style").stream().map(Element::data).collect(Collectors.joining("\n"));
            if (!styles.replaceAll("\\s+", "").contains("--brand:" + colour + ";")) {
                wrong.add(path + ": the brand colour is not " + colour + " (" + styles.strip() + ")");
            }
        });
        assertThat(wrong).as("name and colour of %s on its pages", o.id()).isEmpty();
    }

    private static void plansLinkBackToThePartnership(Organisation o) {
        LinkCheckTest.Site site = site(o.id());
        String partnership = served().baseUrl();
        List<String> wrong = new ArrayList<>();
        for (String plan : owned(o).keySet()) {
            String page = "plans/" + plan + "/index.html";
            String expected = partnership + "plans/" + plan + "/";
            if (site.pages.get(page).select("main a[href]").stream().noneMatch(a -> a.attr("href").equals(expected))) {
                wrong.add(page + ": no link to " + expected);
            }
            if (!Files.isRegularFile(served().root().resolve(page))) {
                wrong.add(page + ": the partnership's site has no page " + page + " to link back to");
            }
        }
        // and every link into the partnership's site goes to its home or to a plan this organisation owns actions in
        site.pages.forEach((path, doc) -> {
            for (Element a : doc.select("a[href]")) {
                String url = a.absUrl("href");
                if (url.startsWith(partnership) && !url.startsWith(site.base)) {
                    String rest = url.substring(partnership.length());
                    boolean fine = rest.isEmpty() || owned(o).keySet().stream().anyMatch(p -> rest.equals("plans/" + p + "/"));
                    if (!fine) {
                        wrong.add(path + ": links into the partnership's site at " + url);
                    }
                }
            }
        });
        assertThat(wrong).as("links from %s's site back to the partnership's (%s)", o.id(), partnership).isEmpty();
    }

    private static void noOtherOrganisationsPage(Organisation o) {
        LinkCheckTest.Site site = site(o.id());
        List<String> others = site.built.files().stream().filter(f -> f.startsWith("organisations/"))
                .filter(f -> !f.equals("organisations/index.html") && !f.startsWith("organisations/" + o.id() + "/")).sorted().toList();
        assertThat(others).as("files of other organisations' pages in %s's site", o.id()).isEmpty();
        assertThat(site.built.has("organisations/" + o.id() + "/index.html")).as("%s's own page", o.id()).isTrue();
        // its list of organisations lists it alone, and says so rather than "every organisation named in the plans"
        Document list = Jsoup.parse(site.built.text("organisations/index.html"));
        assertThat(list.select("main p").first().text()).as("%s's list of organisations", o.id())
                .startsWith("The actions " + o.name() + " owns in the plans published here.");
        // a table of one row offers no sorting
        assertThat(list.select("table[data-sortable], [aria-sort], script[src$=sort.js]")).as("%s's list of organisations", o.id()).isEmpty();
        List<String> links = new ArrayList<>();
        site.pages.forEach((path, doc) -> {
            for (Element a : doc.select("a[href]")) {
                String inSite = relativeToSite(site, a.absUrl("href"));
                Matcher m = inSite == null ? null : ORGANISATION_PAGE.matcher(inSite);
                if (m != null && m.matches() && !m.group(1).equals(o.id())) {
                    links.add(path + " → " + a.attr("href"));
                }
                String url = a.absUrl("href");
                if (url.startsWith(served().baseUrl()) && !url.startsWith(site.base)) {
                    String rest = url.substring(served().baseUrl().length());
                    if (rest.startsWith("organisations/") || owners.stream().anyMatch(other -> rest.startsWith(other.id() + "/"))) {
                        links.add(path + " → " + url + " (an organisation's page elsewhere)");
                    }
                }
            }
        });
        assertThat(links).as("links from %s's site to other organisations' pages", o.id()).isEmpty();
        // nor does any of its data documents give an address in the site that it does not publish
        List<String> unpublished = new ArrayList<>();
        for (String document : site.built.filesEndingWith(".json")) {
            try {
                JsonNode data = new ObjectMapper().readTree(site.built.bytes(document));
                addressesIn(data, site.base).filter(rest -> !publishes(site, rest)).forEach(rest -> unpublished.add(document + " → " + rest));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(unpublished).as("addresses in %s's data that its site does not publish", o.id()).isEmpty();
    }

    /** The paths, in the site, of every address a JSON value holds, however deep. */
    private static Stream<String> addressesIn(JsonNode value, String base) {
        if (value.isContainerNode()) {
            List<String> inside = new ArrayList<>();
            value.forEach(v -> addressesIn(v, base).forEach(inside::add));
            return inside.stream();
        }
        String url = value.isTextual() ? value.asText().replaceAll("#.*$", "").replaceAll("(^|/)\\.$", "$1") : "";
        return url.startsWith(base) ? Stream.of(url.substring(base.length())) : Stream.empty();
    }

    private static boolean publishes(LinkCheckTest.Site site, String path) {
        return site.built.has(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
    }

    // ------------------------------------------------------------------------------------------
    // 2. Links

    @TestFactory
    Stream<DynamicNode> everyLinkOfEverySiteResolvesInsideIt() {
        served();
        String configured = archive.site().baseUrl();
        return owners.stream().map(o -> DynamicContainer.dynamicContainer(o.id(), Stream.of(
                DynamicTest.dynamicTest("relative links and fragments resolve to files of its site",
                        () -> timed("links", () -> LinkCheckTest.relativeLinks(site(o.id()))).assertEmpty()),
                DynamicTest.dynamicTest("nothing loads from another host",
                        () -> timed("links", () -> LinkCheckTest.loadsFromElsewhere(site(o.id()))).assertEmpty()),
                DynamicTest.dynamicTest("canonical and other absolute URLs to its site use its base URL",
                        () -> timed("links", () -> LinkCheckTest.absoluteUrlsToTheSite(site(o.id()), configured)).assertEmpty()),
                DynamicTest.dynamicTest("its sitemap and robots.txt point into its site",
                        () -> {
                            LinkCheckTest.sitemap(site(o.id())).assertEmpty();
                            LinkCheckTest.robots(site(o.id())).assertEmpty();
                        }))));
    }

    /** {@code build --organisation ID --base-url …}: the site stands alone at another address, in a folder of another host. */
    @Test
    void anOrganisationsSiteBuiltAloneForAnotherAddressHasWorkingLinks() {
        Organisation o = mostActions();
        Path out = temp.resolve("alone");
        BuildResult result = timed("build --organisation " + o.id() + " --base-url", () -> Pipeline.build(request(out, o.id(), OWN_ADDRESS)));
        assertThat(result.succeeded()).withFailMessage(() -> "the build failed:\n" + problems(result)).isTrue();
        LinkCheckTest.Site site = new LinkCheckTest.Site(BuiltSite.of(out, OWN_ADDRESS));
        // content/site.yaml's address for this organisation's site must not be hard-coded anywhere
        String defaultAddress = OrganisationScope.defaultBaseUrl(archive, o);
        LinkCheckTest.relativeLinks(site).assertEmpty();
        LinkCheckTest.loadsFromElsewhere(site).assertEmpty();
        LinkCheckTest.absoluteUrlsToTheSite(site, defaultAddress).assertEmpty();
        LinkCheckTest.sitemap(site).assertEmpty();
        LinkCheckTest.robots(site).assertEmpty();
        assertThat(site.pages.get("index.html").select("link[rel=canonical]").attr("href")).isEqualTo(OWN_ADDRESS);
        // the partnership's site keeps its own address: the links back go to site.yaml's base URL
        for (String plan : owned(o).keySet()) {
            assertThat(site.pages.get("plans/" + plan + "/index.html").select("main a[href]").eachAttr("href"))
                    .contains(archive.site().baseUrl() + "plans/" + plan + "/");
        }
        assertThat(site.built.files()).noneMatch(f -> f.startsWith("organisations/") && !f.equals("organisations/index.html")
                && !f.startsWith("organisations/" + o.id() + "/"));
        // built alone, it says exactly what it says when built with every other organisation's site
        LinkCheckTest.Site together = site(o.id());
        List<String> differences = new ArrayList<>();
        for (String plan : owned(o).keySet()) {
            String page = "plans/" + plan + "/index.html";
            for (String selector : List.of("section.recommendation", "article.action")) {
                List<String> alone = planDocument(site.pages::get, plan).select(selector).stream().map(Element::outerHtml).toList();
                List<String> withOthers = planDocument(together.pages::get, plan).select(selector).stream().map(Element::outerHtml).toList();
                if (!alone.equals(withOthers)) {
                    differences.add(page + " " + selector + ": " + (alone.size() != withOthers.size() ? alone.size() + " / " + withOthers.size()
                            : firstDifference(String.join("\n", alone), String.join("\n", withOthers))));
                }
            }
        }
        assertThat(differences).as("%s's plans built alone compared with built by --all-organisations", o.id()).isEmpty();
    }

    /** Only an organisation that owns actions has a site: any other id is refused, with the ids that would do, and nothing is written. */
    @Test
    void anOrganisationWithoutActionsOrAMistypedIdHasNoSite() {
        Organisation noActions = archive.organisations().stream().filter(o -> !owners.contains(o)).findFirst()
                .orElseThrow(() -> new AssertionError("every organisation in the content owns actions: nothing to check"));
        Map<String, String> expected = Map.of(
                noActions.id(), "'" + noActions.id() + "' owns no actions, so it has no site of its own",
                "nhs-englnd", "there is no organisation 'nhs-englnd'");
        expected.forEach((id, message) -> {
            MemoryPublisher publisher = new MemoryPublisher();
            BuildResult result = Pipeline.build(request(null, id, null), publisher);
            assertThat(result.succeeded()).as("build --organisation %s", id).isFalse();
            assertThat(result.problems()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
                assertThat(p.location().file()).isEqualTo("--organisation " + id);
                assertThat(p.message()).isEqualTo(message);
                assertThat(p.hint()).as("the hint").isNotBlank();
                if (id.equals("nhs-englnd")) {
                    assertThat(p.hint()).isEqualTo("did you mean 'nhs-england'?");
                }
            });
            assertThat(publisher.files()).as("files written").isEmpty();
        });
    }

    // ------------------------------------------------------------------------------------------
    // 3. The Nu Html Checker

    @Test
    void everyPageOfEverySiteIsValidHtml() throws Exception {
        served();
        NetworkGuard network = NetworkGuard.install();
        try {
            NuChecker checker = new NuChecker();
            Map<String, List<NuChecker.Message>> errors = new TreeMap<>();
            int[] pages = {0};
            timed("Nu Html Checker", () -> {
                for (Organisation o : owners) {
                    LinkCheckTest.Site site = site(o.id());
                    for (String page : site.built.filesEndingWith(".html").stream().filter(OrganisationSitesTest::isPage).toList()) {
                        pages[0]++;
                        List<NuChecker.Message> found = checker.check(o.id() + "/" + page, site.built.bytes(page)).stream()
                                .filter(NuChecker.Message::isError).toList();
                        if (!found.isEmpty()) {
                            errors.put(o.id() + "/" + page, found);
                        }
                    }
                }
                return null;
            });
            COUNTS.put("Nu Html Checker", pages[0]);
            assertThat(network.attempts()).as("connections attempted while checking (the checker must run offline)").isEmpty();
            if (!errors.isEmpty()) {
                StringBuilder out = new StringBuilder("The Nu Html Checker found errors on " + errors.size() + " of " + pages[0] + " pages:\n");
                errors.forEach((page, list) -> list.forEach(m -> out.append("  ").append(m.format(page)).append('\n')));
                fail(out.toString());
            }
            assertThat(pages[0]).as("pages checked").isGreaterThan(owners.size() * 5);
        } finally {
            network.uninstall();
        }
    }

    // ------------------------------------------------------------------------------------------
    // 4. Without JavaScript

    /**
     * Every page of every organisation's site is reached from its home by links a visitor without
     * JavaScript can follow, and has text in {@code <main>}: crawled in the browser for the sites checked
     * page by page, followed as written for the others. The crawls run in the background from the start
     * of the class, in a browser of their own, while axe-core uses the other: this test only waits for them.
     */
    @TestFactory
    Stream<DynamicTest> everyPageOfEverySiteIsReachedWithoutJavaScript() {
        served();
        Browser.assumeAvailable();
        startCrawls();
        return owners.stream().map(o -> DynamicTest.dynamicTest(o.id(), () -> {
            Crawled crawled;
            try {
                crawled = CRAWLS.get(o.id()).join();
            } catch (CompletionException e) {
                // a skip (no browser) or a failure in the crawl is this test's own
                if (e.getCause() instanceof TestAbortedException aborted) {
                    throw aborted;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
            assertThat(crawled.problem()).withFailMessage(crawled::report).isFalse();
            assertThat(crawled.crawl().reached()).as("pages reached").contains("index.html", "organisations/" + o.id() + "/index.html");
        }));
    }

    /** One organisation's site crawled without JavaScript, with what was wrong. */
    record Crawled(String id, String url, List<String> pages, NoJavaScriptCrawler.Crawl crawl, Set<String> unreachable,
                   Map<String, Set<String>> broken, Map<String, String> emptyMains) {

        boolean problem() {
            return !unreachable.isEmpty() || !broken.isEmpty() || !emptyMains.isEmpty();
        }

        String report() {
            return id + "'s site at " + url + ":\n" + new NoJavaScriptCrawler.Crawl(crawl.reached(), broken, crawl.main()).report(pages, unreachable)
                    + (emptyMains.isEmpty() ? "" : "Pages whose <main> fails without JavaScript: " + emptyMains + "\n");
        }
    }

    private static final Map<String, CompletableFuture<Crawled>> CRAWLS = new ConcurrentHashMap<>();
    private static ExecutorService background;

    /** Starts crawling every organisation's site in the background, once, if it can be built and a browser is installed. */
    private static synchronized void startCrawls() {
        if (background != null || buildFailure != null || served == null) {
            return;
        }
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "crawl without JavaScript");
            t.setDaemon(true);
            return t;
        });
        for (Organisation o : owners) {
            CRAWLS.put(o.id(), CompletableFuture.supplyAsync(() -> crawl(o.id()), background));
        }
    }

    /** One organisation's site walked: in the browser if it is checked page by page, by its links as written if not. */
    private static Crawled crawl(String id) {
        boolean inTheBrowser = everyPage().contains(id);
        String stage = inTheBrowser ? "crawl without JavaScript (in the background)" : "links followed as written";
        return timed(stage, () -> crawl(id, inTheBrowser, stage));
    }

    private static Crawled crawl(String id, boolean inTheBrowser, String stage) {
        LocalSite site = servedSite(id);
        NoJavaScriptCrawler.Crawl crawl = inTheBrowser ? crawler().crawl(site) : NoJavaScriptCrawler.followLinksAsWritten(site);
        // links to the partnership's site are on the same host, above this site's folder: the crawl counts them as
        // leaving the site for the rest of the host; they are fine where the partnership's site has the page
        Map<String, Set<String>> broken = new TreeMap<>(crawl.broken());
        broken.keySet().removeIf(OrganisationSitesTest::isAPageOfThePartnershipsSite);
        Map<String, String> emptyMains = new TreeMap<>(crawl.mainProblems());
        for (String page : site.pages()) {
            if (inTheBrowser && !crawl.reached().contains(page)) {
                String problem = crawler().mainProblem(site, page);
                if (problem != null) {
                    emptyMains.put(page, problem);
                }
            }
        }
        COUNTS.merge(stage, site.pages().size(), Integer::sum);
        return new Crawled(id, site.baseUrl(), site.pages(), crawl, crawl.unreachable(site.pages()), broken, emptyMains);
    }

    // ------------------------------------------------------------------------------------------
    // 5. axe-core

    @TestFactory
    Stream<DynamicNode> pagesMeetWcag22Aa() {
        served();
        Browser.assumeAvailable();
        List<String> everyPage = everyPage();
        assertThat(owners).extracting(Organisation::id).containsAll(everyPage);
        List<DynamicNode> nodes = new ArrayList<>();
        for (String id : everyPage) {
            LocalSite site = servedSite(id);
            Set<String> atEveryWidth = site.largestOfEachKind();
            nodes.add(DynamicContainer.dynamicContainer(id + ": every page at 375, the largest of each kind at 1280 too", site.pagesToCheck().stream()
                    .map(page -> DynamicContainer.dynamicContainer(page, AxeChecker.VIEWPORTS.stream()
                            .filter(viewport -> viewport.equals(AxeChecker.PHONE) || atEveryWidth.contains(page))
                            .map(viewport -> axeTest(id, site, page, viewport))))));
        }
        for (Organisation o : owners) {
            if (everyPage.contains(o.id())) {
                continue;
            }
            LocalSite site = servedSite(o.id());
            List<String> pages = site.pages().stream().filter(p -> p.equals("index.html") || p.matches("plans/[^/]+/index\\.html")).toList();
            nodes.add(DynamicContainer.dynamicContainer(o.id() + ": home and plans at 375",
                    pages.stream().map(page -> axeTest(o.id(), site, page, AxeChecker.PHONE))));
        }
        return nodes.stream();
    }

    private static DynamicTest axeTest(String id, LocalSite site, String page, Viewport viewport) {
        return DynamicTest.dynamicTest(page + " at " + viewport, () -> {
            List<Finding> findings = timed("axe-core", () -> axe().check(site, id + "/" + page, viewport));
            COUNTS.merge("axe-core", 1, Integer::sum);
            assertThat(findings).withFailMessage(() -> AxeChecker.report(findings, site.url(page))).isEmpty();
        });
    }

    // ------------------------------------------------------------------------------------------
    // 6. The same words on every site

    /**
     * Every two organisations' sites that share a plan say the same about it: each recommendation on
     * both has the same number, title, text and details, in the same order, and each action on both
     * (owned by both) is the same {@code <article>}. The one difference allowed, in the details of a
     * recommendation and in an action, is defined by {@link #withoutOrganisationLinks}: each site links
     * an organisation's name to its page only where it has that page (its own organisation's).
     */
    @Test
    void twoOrganisationsSitesSayTheSameAboutWhatTheyShare() {
        served();
        Set<String> sharedPlansCompared = new TreeSet<>();
        Set<String> sharedRecommendationsCompared = new TreeSet<>();
        Set<String> sharedActionsCompared = new TreeSet<>();
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            for (int j = i + 1; j < owners.size(); j++) {
                String a = owners.get(i).id();
                String b = owners.get(j).id();
                Set<String> plans = new TreeSet<>(owned(owners.get(i)).keySet());
                plans.retainAll(owned(owners.get(j)).keySet());
                for (String plan : plans) {
                    sharedPlansCompared.add(pair(a, b) + " " + plan);
                    String page = "plans/" + plan + "/index.html";
                    Document onA = planDocument(site(a).pages::get, plan);
                    Document onB = planDocument(site(b).pages::get, plan);
                    Set<String> recommendations = new TreeSet<>();
                    differences.addAll(comparePlanPages(a + "/" + page, onA, b + "/" + page, onB, false, recommendations));
                    recommendations.forEach(r -> sharedRecommendationsCompared.add(pair(a, b) + " " + plan + " " + r));
                    for (Element articleA : onA.select("article.action")) {
                        Element articleB = onB.selectFirst("article.action#" + articleA.id());
                        if (articleB == null) {
                            continue;
                        }
                        sharedActionsCompared.add(pair(a, b) + " " + plan + " " + articleA.id());
                        String left = withoutOrganisationLinks(articleA).outerHtml();
                        String right = withoutOrganisationLinks(articleB).outerHtml();
                        if (!left.equals(right)) {
                            differences.add(a + " and " + b + ", " + page + "#" + articleA.id() + ":\n" + firstDifference(left, right));
                        }
                        differences.addAll(onlyOwnOrganisationLinked(a, page, articleA));
                        differences.addAll(onlyOwnOrganisationLinked(b, page, articleB));
                    }
                }
            }
        }
        assertThat(differences).as("differences between two organisations' sites in what they share").isEmpty();
        // the pairs named in the issue were compared, and every action with several owners was compared on each pair of their sites
        assertThat(sharedPlansCompared).contains("nhs-england west-midlands-police bdhr-2011-12-03",
                "nhs-england west-midlands-police p-independent-investigation");
        Set<String> expected = new TreeSet<>();
        for (Plan plan : archive.plans()) {
            plan.actions().forEach(action -> {
                List<String> ids = action.owners().stream().map(Owner::organisationId).distinct().sorted().toList();
                for (int i = 0; i < ids.size(); i++) {
                    for (int j = i + 1; j < ids.size(); j++) {
                        expected.add(pair(ids.get(i), ids.get(j)) + " " + plan.id() + " " + Routes.anchor("action", action.ref()));
                    }
                }
            });
        }
        assertThat(expected).as("actions with more than one owner in the content").contains(
                "ministry-of-justice nhs-england p-independent-investigation action-15-1",
                "local-nhs-ccgs nhs-england bdhr-2011-12-03 action-3-1-1");
        for (List<String> named : NAMED_PAIRS) {
            assertThat(sharedPlansCompared).as("plans compared").anyMatch(p -> p.startsWith(pair(named.get(0), named.get(1)) + " "));
        }
        assertThat(sharedActionsCompared).as("shared actions compared on both owners' sites").containsAll(expected);
        assertThat(sharedRecommendationsCompared).as("recommendations compared on two organisations' sites").contains(
                "ministry-of-justice nhs-england p-independent-investigation recommendation-15",
                "local-nhs-ccgs nhs-england bdhr-2011-12-03 recommendation-1",
                "bcpft bsmhft p-independent-investigation recommendation-19");
    }

    /**
     * Each organisation's site says what the partnership's site says: every recommendation it shows has the
     * partnership's number, title, text and details, in the partnership's order, and every action it shows
     * is the partnership's {@code <article>} for it. The only difference allowed: an organisation named in
     * the partnership's site as a link to its page may be plain text in an organisation's site, which has a
     * page only for its own organisation; an organisation's site links no other.
     */
    @Test
    void everyOrganisationsSiteSaysWhatThePartnershipsSiteSays() {
        served();
        List<String> differences = new ArrayList<>();
        int[] compared = {0};
        Map<String, Document> partnershipPages = new LinkedHashMap<>();
        Function<String, Document> partnershipPage = p -> parse(served().root().resolve(p), served().url(p));
        for (Organisation o : owners) {
            for (String plan : owned(o).keySet()) {
                String page = "plans/" + plan + "/index.html";
                Document partnership = partnershipPages.computeIfAbsent(page, p -> planDocument(partnershipPage, plan));
                Document own = planDocument(site(o.id()).pages::get, plan);
                differences.addAll(comparePlanPages(o.id() + "/" + page, own, page, partnership, true, new TreeSet<>()));
                List<String> order = new ArrayList<>();
                for (Element article : own.select("article.action")) {
                    Element there = partnership.selectFirst("article.action#" + article.id());
                    if (there == null) {
                        differences.add(o.id() + "/" + page + "#" + article.id() + ": not in the partnership's plan");
                        continue;
                    }
                    compared[0]++;
                    order.add(article.id());
                    String left = withoutOrganisationLinks(article).outerHtml();
                    String right = withoutOrganisationLinks(there).outerHtml();
                    if (!left.equals(right)) {
                        differences.add(o.id() + "/" + page + "#" + article.id() + " and the partnership's:\n" + firstDifference(left, right));
                    }
                    differences.addAll(onlyOwnOrganisationLinked(o.id(), page, article));
                    Set<String> linkedThere = organisationLinks(there);
                    organisationLinks(article).stream().filter(id -> !linkedThere.contains(id))
                            .forEach(id -> differences.add(o.id() + "/" + page + "#" + article.id() + ": links " + id + " where the partnership's does not"));
                }
                List<String> partnershipOrder = partnership.select("article.action").eachAttr("id").stream().filter(order::contains).toList();
                if (!order.equals(partnershipOrder)) {
                    differences.add(o.id() + "/" + page + ": actions in the order " + order + ", the partnership's is " + partnershipOrder);
                }
            }
        }
        assertThat(differences).as("differences between organisations' sites and the partnership's").isEmpty();
        assertThat(compared[0]).as("actions compared").isEqualTo(owners.stream().mapToInt(o -> owned(o).values().stream().mapToInt(Set::size).sum()).sum());
    }

    /**
     * Two pages of one plan: the plan's title, kind and details, and the recommendations on both, each with the
     * same number, title, text and details, in the same order (organisation links aside, as {@link
     * #withoutOrganisationLinks} defines). The ids of the recommendations compared are added to {@code compared}.
     *
     * @param leftIsPart whether every recommendation on the left page must be on the right one too
     */
    private static List<String> comparePlanPages(String leftName, Document left, String rightName, Document right, boolean leftIsPart,
                                                 Set<String> compared) {
        List<String> differences = new ArrayList<>();
        Map<String, String> plan = new LinkedHashMap<>();
        plan.put("title", "h1");
        plan.put("reference and kind", "span.caption");
        plan.put("details", "dl.summary-list");
        plan.put("recommendations addressed without action", "section#addressed");
        plan.forEach((what, selector) -> {
            String a = directChildren(left.selectFirst("main"), selector);
            String b = directChildren(right.selectFirst("main"), selector);
            if (!a.equals(b)) {
                differences.add(leftName + " and " + rightName + ", the plan's " + what + ":\n" + firstDifference(a, b));
            }
        });
        List<String> leftOrder = left.select("section.recommendation").eachAttr("id");
        List<String> rightOrder = right.select("section.recommendation").eachAttr("id");
        List<String> common = leftOrder.stream().filter(rightOrder::contains).toList();
        if (leftIsPart && common.size() != leftOrder.size()) {
            differences.add(leftName + ": recommendations not in " + rightName + ": "
                    + leftOrder.stream().filter(id -> !rightOrder.contains(id)).toList());
        }
        if (!common.equals(rightOrder.stream().filter(leftOrder::contains).toList())) {
            differences.add(leftName + " and " + rightName + ": recommendations in another order: " + leftOrder + " / " + rightOrder);
        }
        for (String id : common) {
            Element l = left.selectFirst("section.recommendation#" + id);
            Element r = right.selectFirst("section.recommendation#" + id);
            Map<String, String> parts = new LinkedHashMap<>();
            parts.put("number and title", "h2");
            parts.put("text", ".inset");
            parts.put("details", "dl.summary-list");
            compared.add(id);
            parts.forEach((what, selector) -> {
                String a = directChildren(l, selector);
                String b = directChildren(r, selector);
                if (!a.equals(b)) {
                    differences.add(leftName + " and " + rightName + ", #" + id + ", its " + what + ":\n" + firstDifference(a, b));
                }
            });
            if (l.selectFirst("h2") == null || !l.selectFirst("h2").text().matches("Recommendations? .*")) {
                differences.add(leftName + "#" + id + ": no numbered heading");
            }
            String entryLeft = left.select("ul.contents li#" + id + " > a, ul.contents li#" + id + " > .subject").text();
            String entryRight = right.select("ul.contents li#" + id + " > a, ul.contents li#" + id + " > .subject").text();
            if (entryLeft.isEmpty() || !entryLeft.equals(entryRight)) {
                differences.add(leftName + " and " + rightName + ", #" + id + " in the list of recommendations: \"" + entryLeft + "\" / \"" + entryRight + "\"");
            }
        }
        return differences;
    }

    /**
     * A plan as one document, as it read when a plan was one page, so that what two sites say of it can be
     * compared whole: the plan's page, with each of its recommendations' pages (in the order of its contents)
     * folded in as a {@code section.recommendation} holding the recommendation's number and title as its h2,
     * then its text, details and actions, every link of those rewritten to lead where it did from the plan's page.
     *
     * @param pages a site's parsed pages by path
     */
    static Document planDocument(Function<String, Document> pages, String plan) {
        String folder = Routes.plan(plan);
        Document document = pages.apply(folder + "index.html").clone();
        Element main = document.selectFirst("main");
        URI base = URI.create("http://site.invalid/");
        for (Element entry : document.select("ul.contents > li[id]")) {
            Element link = entry.selectFirst("> a[href]");
            if (link == null || link.attr("href").startsWith("#")) {
                continue;
            }
            String path = base.resolve(folder).resolve(link.attr("href")).getPath().substring(1) + "index.html";
            Document page = pages.apply(path);
            if (page == null) {
                continue;
            }
            Element section = main.appendElement("section").addClass("recommendation").id(entry.id());
            section.appendElement("h2").text(page.selectFirst("main h1").text());
            page.select("main .inset, main section.recommendation-text > dl.summary-list, main article.action")
                    .forEach(e -> section.appendChild(e.clone()));
            URI from = base.resolve(path);
            for (Element a : section.select("[href]")) {
                URI to = from.resolve(a.attr("href").strip());
                if ("site.invalid".equals(to.getHost())) {
                    a.attr("href", "../.." + to.getRawPath() + (to.getRawFragment() == null ? "" : "#" + to.getRawFragment()));
                }
            }
        }
        return document;
    }

    /** The children of {@code parent} that match {@code selector}, organisation links aside, as one text. */
    private static String directChildren(Element parent, String selector) {
        return parent == null ? "(none)" : parent.children().stream().filter(e -> e.is(selector))
                .map(e -> withoutOrganisationLinks(e).outerHtml()).collect(Collectors.joining("\n"));
    }

    /**
     * A copy of the element with every link to an organisation's page replaced by the link's content, and
     * each status shape by its name: the two ways two sites may show the same thing differently. A link
     * counts as one to an organisation's page when, relative to the page it is on, it goes to {@code
     * ../../organisations/ID/} (with or without index.html or a fragment); a page draws each shape where
     * it first shows it and refers to it after that, which depends on what else the page shows. Any other
     * difference, in text, markup or any other link, counts.
     */
    static Element withoutOrganisationLinks(Element element) {
        Element copy = element.clone();
        for (Element a : copy.select("a[href]")) {
            if (organisationLinked(a) != null) {
                a.unwrap();
            }
        }
        for (Element use : copy.select(".tag > svg > use")) {
            String shape = use.attr("href").replaceFirst(".*#icon-", "");
            use.parent().empty().attr("data-shape", shape);
        }
        // serialised as written, not re-indented: unwrapping a link must not change the white space around it
        Document holder = Document.createShell("");
        holder.outputSettings().prettyPrint(false);
        holder.body().appendChild(copy);
        return copy;
    }

    /** The id of the organisation whose page a link on a plan page goes to, or null. */
    private static String organisationLinked(Element a) {
        URI resolved;
        try {
            resolved = URI.create("http://site.invalid/plans/x/index.html").resolve(a.attr("href").strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!"site.invalid".equals(resolved.getHost()) || resolved.getRawPath() == null) {
            return null;
        }
        Matcher m = ORGANISATION_PAGE.matcher(resolved.getRawPath().substring(1) + (resolved.getRawFragment() == null ? "" : "#" + resolved.getRawFragment()));
        return m.matches() ? m.group(1) : null;
    }

    private static Set<String> organisationLinks(Element element) {
        return element.select("a[href]").stream().map(OrganisationSitesTest::organisationLinked).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> onlyOwnOrganisationLinked(String id, String page, Element element) {
        return organisationLinks(element).stream().filter(linked -> !linked.equals(id))
                .map(linked -> id + "/" + page + "#" + element.id() + ": links to " + linked + "'s page, which its site does not have").toList();
    }

    // ------------------------------------------------------------------------------------------
    // 7. Colour, logo and address from the organisation's content file

    private static final String LOGO = """
            <svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><rect width="40" height="40" fill="#00703c"/></svg>
            """;

    /** The small fixture with sample-trust given a brand colour, a logo and a base URL; {@code logo} is the path written in its file. */
    private static Path brandedFixture(Path folder, String logo) throws IOException {
        Path content = folder.resolve("content");
        TestBuilds.copy(TestBuilds.fixture("small"), content);
        Path file = content.resolve("organisations/sample-trust.yaml");
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).stripTrailing() + "\n"
                + "brand_colour: \"#00703c\"\n"
                + "logo: " + logo + "\n"
                + "base_url: https://trust.example/plans/\n", StandardCharsets.UTF_8);
        Files.createDirectories(content.resolve("assets/logos"));
        Files.writeString(content.resolve("assets/logos/sample.svg"), LOGO, StandardCharsets.UTF_8);
        return content;
    }

    /** Builds the branded fixture with --organisation sample-trust, failing the test if the build fails. */
    private static Path buildBranded(Path folder, String logo) throws IOException {
        Path content = brandedFixture(folder, logo);
        Path out = folder.resolve("out");
        BuildResult result = Pipeline.build(new BuildRequest(content, TestBuilds.BUILT_IN_TEMPLATES, out, TestBuilds.AS_OF, null,
                TestBuilds.CLOCK, "sample-trust", false));
        assertThat(result.succeeded()).withFailMessage(() -> "the build failed:\n" + problems(result)).isTrue();
        return out;
    }

    @Test
    void anOrganisationsOwnColourLogoAndAddressAreUsed(@TempDir Path folder) throws IOException {
        Path out = buildBranded(folder, "assets/logos/sample.svg");
        assertThat(out.resolve("assets/logo.svg")).as("the logo, copied as it is").hasContent(LOGO);
        LinkCheckTest.Site site = new LinkCheckTest.Site(BuiltSite.of(out, "https://trust.example/plans/"));
        assertThat(site.pages).containsKeys("index.html", "plans/sample-review/index.html", "organisations/sample-trust/index.html");
        List<String> wrong = new ArrayList<>();
        site.pages.forEach((path, doc) -> {
            if (!isPage(path)) {
                return;
            }
            String styles = doc.select("head style").stream().map(Element::data).collect(Collectors.joining()).replaceAll("\\s+", "");
            if (!styles.contains("--brand:#00703c;")) {
                wrong.add(path + ": no --brand: #00703c in " + styles);
            }
            Element link = doc.selectFirst("header a.site-title");
            Element logo = link == null ? null : link.selectFirst("img");
            if (logo == null) {
                wrong.add(path + ": no logo in the header's link to the home page");
            } else {
                if (!logo.absUrl("src").equals("https://trust.example/plans/assets/logo.svg")) {
                    wrong.add(path + ": the logo is " + logo.attr("src") + ", not assets/logo.svg");
                }
                if (!logo.hasAttr("alt")) {
                    wrong.add(path + ": the logo has no alt attribute");
                } else if (logo.attr("alt").isBlank() && !link.text().contains("Sample NHS Foundation Trust")) {
                    wrong.add(path + ": the logo is decoration (alt=\"\") but its link does not name the organisation: " + link.text());
                }
            }
            if (link == null || !link.text().contains("Sample NHS Foundation Trust")) {
                wrong.add(path + ": the header does not name the organisation");
            }
            String canonical = doc.select("link[rel=canonical]").attr("href");
            if (!path.equals("404.html") && !canonical.startsWith("https://trust.example/plans/")) {
                wrong.add(path + ": canonical URL " + canonical);
            }
        });
        assertThat(wrong).as("colour, logo and address on the pages of sample-trust's site").isEmpty();
        assertThat(site.pages.get("index.html").select("link[rel=canonical]").attr("href")).isEqualTo("https://trust.example/plans/");
        assertThat(site.built.text("assets/followthrough.css").replaceAll("\\s+", " ")).contains(".site-header { background: var(--brand);");
        assertThat(site.built.text("robots.txt")).contains("Sitemap: https://trust.example/plans/sitemap.xml");
        LinkCheckTest.relativeLinks(site).assertEmpty();
        LinkCheckTest.loadsFromElsewhere(site).assertEmpty();
        // the address it would have had without a base_url of its own must not be hard-coded anywhere
        LinkCheckTest.absoluteUrlsToTheSite(site, "https://plans.example/sample-trust/").assertEmpty();
        LinkCheckTest.sitemap(site).assertEmpty();
        // only the organisation's own action, and the partnership's address for the whole plan
        assertThat(planDocument(site.pages::get, "sample-review").select("article.action").eachAttr("id")).containsExactly("action-1-1");
        assertThat(site.pages.get("plans/sample-review/index.html").select("main a[href]").eachAttr("href"))
                .contains("https://plans.example/plans/sample-review/");
        assertThat(site.built.files()).doesNotContain("organisations/sample-police/index.html");

    }

    /** The organisation's colour is really on the header, its logo loads, and together with the text they pass axe at both widths. */
    @Test
    void anOrganisationsOwnColourAndLogoMeetWcag22Aa(@TempDir Path folder) throws IOException {
        Path out = buildBranded(folder, "assets/logos/sample.svg");
        AxeChecker checker = axe();
        try (LocalSite local = LocalSite.serve(out)) {
            for (String page : List.of("index.html", "plans/sample-review/index.html")) {
                for (Viewport viewport : AxeChecker.VIEWPORTS) {
                    List<Finding> findings = timed("axe-core", () -> checker.check(local.url(page), "sample-trust (fixture) " + page, viewport));
                    COUNTS.merge("axe-core", 1, Integer::sum);
                    assertThat(findings).withFailMessage(() -> AxeChecker.report(findings, local.url(page))).isEmpty();
                }
            }
            Object background = browser.driver().executeScript("return getComputedStyle(document.querySelector('.site-header')).backgroundColor;");
            assertThat(background).as("the header's background").isEqualTo("rgb(0, 112, 60)");
            Object logoWidth = browser.driver().executeScript("return document.querySelector('.site-header img').naturalWidth;");
            assertThat(((Number) logoWidth).intValue()).as("the logo's width as loaded (0 if it did not load)").isEqualTo(40);
        }
    }

    @Test
    void aLogoThatDoesNotExistIsReportedWhereItIsWritten(@TempDir Path folder) throws IOException {
        Path content = brandedFixture(folder, "assets/logos/missing.svg");
        Path out = folder.resolve("out");
        BuildResult result = Pipeline.build(new BuildRequest(content, TestBuilds.BUILT_IN_TEMPLATES, out, TestBuilds.AS_OF, null,
                TestBuilds.CLOCK, "sample-trust", false));
        assertThat(result.succeeded()).as("a build with a missing logo").isFalse();
        assertThat(out).as("nothing is published").doesNotExist();
        List<String> lines = Files.readAllLines(content.resolve("organisations/sample-trust.yaml"), StandardCharsets.UTF_8);
        int line = lines.indexOf("logo: assets/logos/missing.svg") + 1;
        assertThat(line).isPositive();
        Problem problem = result.problems().stream().filter(Problem::isError).filter(p -> p.message().contains("missing.svg"))
                .findFirst().orElseThrow(() -> new AssertionError("no problem names the missing logo:\n" + problems(result)));
        assertThat(problem.location().file().replace('\\', '/')).endsWith("organisations/sample-trust.yaml");
        assertThat(problem.location().line()).as("the line of logo:").isEqualTo(line);
        assertThat(problem.format()).matches(".*organisations/sample-trust\\.yaml:" + line + ":\\d+: .*logo.*missing\\.svg.*(?s).*");
        // the check alone finds it too, whatever is built
        BuildResult check = Pipeline.check(new BuildRequest(content, TestBuilds.BUILT_IN_TEMPLATES, null, TestBuilds.AS_OF, null, TestBuilds.CLOCK));
        assertThat(check.problems()).extracting(Problem::format).contains(problem.format());
    }

    // ------------------------------------------------------------------------------------------

    private static LocalSite served() {
        if (buildFailure != null) {
            throw new AssertionError("the content could not be built with --all-organisations: " + buildFailure.getMessage(), buildFailure);
        }
        return served;
    }

    private static final Map<String, LocalSite> SERVED_SITES = new ConcurrentHashMap<>();

    /** One organisation's site, served at {@code /action-plans/ID/}. */
    private static LocalSite servedSite(String id) {
        return SERVED_SITES.computeIfAbsent(id, served()::folder);
    }

    /** One organisation's site, every page parsed once, with the base URL it was built for. */
    static LinkCheckTest.Site site(String id) {
        return PARSED.computeIfAbsent(id, k -> timed("parse pages", () -> new LinkCheckTest.Site(
                BuiltSite.of(served().root().resolve(k), served().baseUrl() + k + "/"))));
    }

    /** Whether a path on the server ("/action-plans/plans/x/") is a page of the partnership's site outside every organisation's. */
    private static boolean isAPageOfThePartnershipsSite(String path) {
        String page = served().pageOf(URI.create(served().baseUrl()).resolve(path).toString());
        return page != null && owners.stream().noneMatch(o -> page.startsWith(o.id() + "/")) && Files.isRegularFile(served().root().resolve(page));
    }

    /**
     * Whether an HTML file of a site is a page of it: everything but the embeddable fragments under
     * fragments/, which are made to be put into other sites' pages and are checked as such elsewhere.
     */
    static boolean isPage(String path) {
        return !path.startsWith("fragments/");
    }

    /** A URL of the site relative to its base URL ("plans/x/#action-1"), or null if it is not in the site. */
    private static String relativeToSite(LinkCheckTest.Site site, String url) {
        return url.startsWith(site.base) ? url.substring(site.base.length()) : null;
    }

    /** The organisations whose sites are checked page by page in the browser: the one with the most actions, and {@link #ALSO_EVERY_PAGE}. */
    private static List<String> everyPage() {
        List<String> everyPage = new ArrayList<>();
        everyPage.add(mostActions().id());
        everyPage.addAll(ALSO_EVERY_PAGE);
        return everyPage;
    }

    private static Organisation mostActions() {
        return owners.stream().max(Comparator.comparingInt(o -> owned(o).values().stream().mapToInt(Set::size).sum())).orElseThrow();
    }

    private static BuildRequest request(Path out, String organisation, String baseUrl) {
        BuildRequest plain = TestBuilds.request(TestBuilds.SHIPPED_CONTENT, out);
        return new BuildRequest(plain.content(), plain.templates(), out, plain.asOf(), baseUrl, plain.clock(), organisation, false)
                .withSince(TestBuilds.SINCE);
    }

    private static synchronized AxeChecker axe() {
        Browser.assumeAvailable();
        if (axe == null) {
            browser = Browser.start();
            axe = new AxeChecker(browser);
        }
        return axe;
    }

    private static synchronized NoJavaScriptCrawler crawler() {
        Browser.assumeAvailable();
        if (crawler == null) {
            browserWithoutJavaScript = Browser.startWithoutJavaScript();
            browserWithoutJavaScript.resize(1280, 900);
            crawler = new NoJavaScriptCrawler(browserWithoutJavaScript);
        }
        return crawler;
    }

    private static List<CSVRecord> csv(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parse(Path file, String url) {
        try {
            return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
    }

    /** Where two texts first differ, with a little of each around it. */
    static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 80);
        return "  one:   …" + a.substring(from, Math.min(a.length(), i + 120)).replace("\n", "⏎") + "…\n"
                + "  other: …" + b.substring(from, Math.min(b.length(), i + 120)).replace("\n", "⏎") + "…";
    }

    private static String problems(BuildResult result) {
        return result.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    /** Runs a stage and adds the time it took to the stage's total, printed at the end. */
    private static <T> T timed(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            NANOS.merge(stage, System.nanoTime() - start, Long::sum);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", Duration.ofNanos(nanos).toMillis() / 1000.0);
    }
}

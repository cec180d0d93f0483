package org.followthrough.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.followthrough.guard.ProtectedNames;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.problem.Problem;
import org.followthrough.support.Folders;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code build --snapshot}: a frozen copy of the site as at the as-of date in snapshots/YYYY-MM-DD/,
 * whose every page says so and links to the current version, listed on snapshots/; every later
 * build keeps it byte for byte, whatever changed, and none makes it again. Real builds into real folders.
 */
class SnapshotTest {

    /** The page of the recommendation whose progress the tests edit. */
    private static final String RECOMMENDATION_PAGE = "plans/sample-review/recommendations/1/index.html";

    private static final LocalDate JUNE = LocalDate.of(2026, 6, 30);
    private static final String JUNE_FOLDER = "snapshots/2026-06-30/";

    @TempDir
    Path temp;

    private Path content;
    private Path cache;

    @BeforeEach
    void copyTheSmallSite() throws IOException {
        content = TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("content"));
        cache = temp.resolve("cache");
    }

    private BuildRequest request(LocalDate asOf) {
        BuildRequest plain = TestBuilds.request(content, temp.resolve("site"));
        return new BuildRequest(content, plain.templates(), plain.output(), asOf, null, plain.clock()).withCache(cache);
    }

    private BuildResult build(BuildRequest request) {
        BuildResult result = Pipeline.build(request);
        assertThat(result.succeeded()).as("%s", result.problems()).isTrue();
        return result;
    }

    @Test
    void aSnapshotHoldsTheWholeSiteAsAtItsDateAndEachPageSaysSo() throws IOException {
        build(request(JUNE).withSnapshot(true));

        Map<String, String> site = Folders.contents(temp.resolve("site"));
        List<String> pages = site.keySet().stream().filter(p -> p.startsWith(JUNE_FOLDER) && p.endsWith(".html")).toList();
        assertThat(site).containsKeys(JUNE_FOLDER + "index.html", JUNE_FOLDER + "plans/sample-review/index.html",
                JUNE_FOLDER + "plans/sample-review/summary.pdf", JUNE_FOLDER + "data/actions.csv", JUNE_FOLDER + "assets/followthrough.css",
                "snapshots/index.html");
        assertThat(site.keySet()).as("what works only at the root or embedded live elsewhere").noneMatch(p -> p.startsWith(JUNE_FOLDER + "fragments/"))
                .doesNotContain(JUNE_FOLDER + "404.html", JUNE_FOLDER + "robots.txt", JUNE_FOLDER + "sitemap.xml");
        assertThat(pages).hasSizeGreaterThan(5);
        for (String page : pages) {
            Document html = Jsoup.parse(site.get(page));
            String path = page.substring(JUNE_FOLDER.length());
            assertThat(html.title()).as(page).endsWith("(snapshot of 30 June 2026)");
            assertThat(html.select("main .snapshot-notice").text()).as(page)
                    .startsWith("This is a snapshot of the site as it stood on 30 June 2026.");
            String current = html.select(".snapshot-notice a").first().attr("href");
            assertThat(resolve(page, current)).as("%s links to the current version of itself", page).isEqualTo(path);
            assertThat(resolve(page, html.select(".snapshot-notice a").get(1).attr("href"))).isEqualTo("snapshots/index.html");
            assertThat(html.select("link[rel=canonical]").attr("href")).as(page)
                    .isEqualTo("https://plans.example/" + page.replaceFirst("index\\.html$", ""));
        }
        assertThat(site.get(JUNE_FOLDER + "plans/sample-review/index.html")).contains("as at").contains("30 June 2026");
        // following a snapshot's plan leads to the current site's feed and calendar: the snapshot's own bring nothing new
        String frozenPlan = JUNE_FOLDER + "plans/sample-review/index.html";
        Document plan = Jsoup.parse(site.get(frozenPlan));
        assertThat(plan.select(".follow a").eachAttr("href")).extracting(href -> resolve(frozenPlan, href))
                .containsExactly("plans/sample-review/progress.xml", "plans/sample-review/targets.ics");
        assertThat(resolve(frozenPlan, plan.select("link[rel=alternate]").attr("href"))).isEqualTo("plans/sample-review/progress.xml");
        assertThat(plan.select("#follow + p").text()).startsWith("These lead to the current site");
        Document list = Jsoup.parse(site.get("snapshots/index.html"));
        assertThat(list.select("main li a")).extracting(a -> resolve("snapshots/index.html", a.attr("href")))
                .containsExactly(JUNE_FOLDER + "index.html");
        assertThat(Jsoup.parse(site.get("index.html")).select("footer a:contains(Snapshots)").attr("href")).isEqualTo("./snapshots/");
        assertThat(site.get("sitemap.xml")).doesNotContain(JUNE_FOLDER);
    }

    @Test
    void everyLaterBuildKeepsTheSnapshotByteForByteWhateverChanged() throws IOException {
        build(request(JUNE).withSnapshot(true));
        Map<String, String> june = snapshot(JUNE_FOLDER);
        replace("plans/sample-review/recommendations/01.yaml", "text: Every meeting is now minuted.", "text: Every meeting is minuted and audited.");
        replace("site.yaml", "title: Sample action plans", "title: Sample action plans, renamed");

        BuildResult november = build(request(TestBuilds.AS_OF).withSnapshot(true));
        build(request(TestBuilds.AS_OF.plusDays(1)).withCache(null).withPdfs(false));
        Path templates = Files.createDirectories(temp.resolve("templates"));
        Files.writeString(templates.resolve("about.ftlh"), "<#import \"layout.ftlh\" as layout><@layout.frame><h1>Our own guide</h1></@layout.frame>");
        BuildRequest r = request(TestBuilds.AS_OF.plusDays(2));
        build(new BuildRequest(content, templates, r.output(), r.asOf(), "https://moved.example/plans/", r.clock()).withCache(cache));

        assertThat(november.filesWritten()).as("the kept snapshot's files are published too").isGreaterThan(june.size());
        assertThat(snapshot(JUNE_FOLDER)).isEqualTo(june);
        Map<String, String> site = Folders.contents(temp.resolve("site"));
        // the progress text is on its recommendation's page
        assertThat(site.get(RECOMMENDATION_PAGE)).contains("minuted and audited").contains("renamed");
        assertThat(site.get(JUNE_FOLDER + RECOMMENDATION_PAGE)).doesNotContain("minuted and audited").doesNotContain("renamed");
        assertThat(site.get("snapshots/index.html")).contains("23 November 2026").contains("30 June 2026");
        assertThat(snapshot("snapshots/2026-11-23/")).containsKey("snapshots/2026-11-23/plans/sample-review/index.html");
    }

    @Test
    void aSecondSnapshotOfTheSameDateKeepsTheFirstAndSaysSo() throws IOException {
        build(request(JUNE).withSnapshot(true));
        Map<String, String> june = snapshot(JUNE_FOLDER);
        replace("plans/sample-review/recommendations/01.yaml", "text: Every meeting is now minuted.", "text: Every meeting is minuted and audited.");

        BuildResult again = build(request(JUNE).withSnapshot(true));

        assertThat(snapshot(JUNE_FOLDER)).isEqualTo(june);
        assertThat(Folders.contents(temp.resolve("site")).get(RECOMMENDATION_PAGE)).contains("minuted and audited");
        assertThat(again.problems()).extracting(Problem::format).containsExactly(temp.resolve("site").resolve(JUNE_FOLDER)
                + ": warning: a snapshot of 30 June 2026 was published before: it is kept as it is, and no other is made"
                + " — a snapshot is never rewritten: the next one is made by a build with --snapshot on another day");
    }

    @Test
    void aSnapshotWhoseFolderWasDeletedByHandIsGoneFromTheNextSite() throws IOException {
        build(request(JUNE).withSnapshot(true));
        build(request(TestBuilds.AS_OF).withSnapshot(true));
        Folders.delete(temp.resolve("site").resolve(JUNE_FOLDER));

        build(request(TestBuilds.AS_OF));

        Map<String, String> site = Folders.contents(temp.resolve("site"));
        assertThat(site.keySet()).noneMatch(p -> p.startsWith(JUNE_FOLDER));
        assertThat(site.get("snapshots/index.html")).doesNotContain("30 June 2026").contains("23 November 2026");
    }

    @Test
    void aKeptSnapshotHoldingANameProtectedSinceStopsTheBuildUntilItIsDeleted() throws IOException, ProtectedNames.Unreadable {
        replace("plans/sample-review/plan.yaml", "subject: Mr A", "subject: Mr Zebedee Quinn");
        build(request(JUNE).withSnapshot(true));
        replace("plans/sample-review/plan.yaml", "subject: Mr Zebedee Quinn", "subject: Mr A");
        Map<String, String> published = Folders.contents(temp.resolve("site"));
        ProtectedNames names = ProtectedNames.read(Files.writeString(temp.resolve("names.txt"), "Zebedee Quinn\n"));

        BuildResult refused = Pipeline.build(request(TestBuilds.AS_OF).withProtectedNames(names));
        Folders.delete(temp.resolve("site").resolve(JUNE_FOLDER));
        BuildResult afterDeleting = Pipeline.build(request(TestBuilds.AS_OF).withProtectedNames(names));

        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.problems()).extracting(Problem::format)
                .anySatisfy(m -> assertThat(m).startsWith(temp.resolve("site") + "/" + JUNE_FOLDER + "plans/sample-review/index.html:")
                        .contains("protected name #1 appears in this file")
                        .contains("published in a snapshot before the name was protected")
                        .contains("delete " + temp.resolve("site") + "/" + JUNE_FOLDER + " from the published site"))
                .allSatisfy(m -> assertThat(m).doesNotContain("Zebedee"));
        assertThat(afterDeleting.succeeded()).as("%s", afterDeleting.problems()).isTrue();
        assertThat(published).containsKey(JUNE_FOLDER + "index.html");
    }

    @Test
    void aSnapshotBuiltInMemoryIsTheSameAsOnDisk() throws IOException {
        MemoryPublisher memory = new MemoryPublisher();
        Pipeline.build(request(JUNE).withSnapshot(true).withCache(null), memory);
        build(request(JUNE).withSnapshot(true).withCache(null));

        Map<String, String> inMemory = new TreeMap<>();
        memory.files().forEach((path, bytes) -> inMemory.put(path, new String(bytes, StandardCharsets.ISO_8859_1)));
        Map<String, String> onDisk = Folders.contents(temp.resolve("site"));
        onDisk.remove(".followthrough-site");
        assertThat(inMemory).isEqualTo(onDisk);
    }

    /** A relative link from a page, as a path from the site root ("…/" meaning "…/index.html"). */
    private static String resolve(String from, String link) {
        String folder = from.contains("/") ? from.substring(0, from.lastIndexOf('/') + 1) : "";
        String path = java.net.URI.create("http://x/" + folder).resolve(link).getPath().substring(1);
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    private Map<String, String> snapshot(String folder) throws IOException {
        Map<String, String> all = Folders.contents(temp.resolve("site"));
        all.keySet().removeIf(p -> !p.startsWith(folder));
        assertThat(all).as("files of %s", folder).isNotEmpty();
        return all;
    }

    private void replace(String file, String from, String to) throws IOException {
        Folders.replace(content.resolve(file), from, to);
    }
}

package org.followthrough.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build cache never changes what is published: a build that takes files from the cache (or from
 * the site it replaces) publishes exactly the bytes a build without it would, whatever changed in
 * between, and it makes again only what depends on what changed. Real builds into real folders.
 */
class BuildCacheTest {

    @TempDir
    Path temp;

    private Path content;
    private Path cache;

    /** The small test site with a second plan, so that a change to one plan leaves the other alone. */
    @BeforeEach
    void twoPlans() throws IOException {
        content = TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("content"));
        TestBuilds.copy(content.resolve("plans/sample-review"), content.resolve("plans/second-review"));
        replace(content.resolve("plans/second-review/plan.yaml"), "reference: SAMPLE/01", "reference: SAMPLE/02");
        replace(content.resolve("plans/second-review/plan.yaml"), "title: Sample safety action plan", "title: Second safety action plan");
        cache = temp.resolve("cache");
    }

    private BuildResult build(String out, boolean withCache) {
        BuildRequest request = TestBuilds.request(content, temp.resolve(out)).withCache(withCache ? cache : null);
        BuildResult result = Pipeline.build(request);
        assertThat(result.succeeded()).as("%s", result.problems()).isTrue();
        return result;
    }

    @Test
    void aSecondBuildTakesEveryFileFromTheCacheAndPublishesTheSameBytes() throws IOException {
        BuildResult first = build("site", true);
        Map<String, String> published = files(temp.resolve("site"));

        BuildResult second = build("site", true);

        assertThat(first.filesFromCache()).isZero();
        assertThat(second.filesFromCache()).isEqualTo(second.filesWritten()).isEqualTo(first.filesWritten());
        assertThat(files(temp.resolve("site"))).isEqualTo(published);
        build("fresh", false);
        assertThat(files(temp.resolve("fresh"))).as("a build without the cache").isEqualTo(published);
    }

    @Test
    void aChangedProgressUpdateRemakesOnlyWhatShowsItAndPublishesWhatAFreshBuildWould() throws IOException {
        build("site", true);
        Map<String, String> before = files(temp.resolve("site"));
        replace(content.resolve("plans/second-review/recommendations/01.yaml"), "text: A template has been drafted.",
                "text: A template has been drafted and sent round.");

        BuildResult rebuilt = build("site", true);
        build("fresh", false);

        Map<String, String> after = files(temp.resolve("site"));
        assertThat(after).isEqualTo(files(temp.resolve("fresh")));
        assertThat(rebuilt.filesFromCache()).as("files of the other plan and site-wide assets come from the cache")
                .isGreaterThan(rebuilt.filesWritten() / 3).isLessThan(rebuilt.filesWritten());
        assertThat(after.get("plans/second-review/index.html")).contains("drafted and sent round");
        assertThat(after.get("plans/sample-review/index.html")).isEqualTo(before.get("plans/sample-review/index.html"));
        assertThat(after.get("plans/sample-review/actions.csv")).isEqualTo(before.get("plans/sample-review/actions.csv"));
    }

    @Test
    void aThemeGivenToAnActionRemakesThatThemesPagesAndCountsAndPublishesWhatAFreshBuildWould() throws IOException {
        build("site", true);
        Map<String, String> before = files(temp.resolve("site"));
        replace(content.resolve("plans/second-review/recommendations/01.yaml"), "    description: Minute every MDT meeting.\n",
                "    description: Minute every MDT meeting.\n    themes: [risk-assessment]\n");

        BuildResult rebuilt = build("site", true);
        build("fresh", false);

        Map<String, String> after = files(temp.resolve("site"));
        assertThat(after).isEqualTo(files(temp.resolve("fresh")));
        assertThat(rebuilt.filesFromCache()).isPositive();
        assertThat(before.get("themes/risk-assessment/index.html")).doesNotContain("Second safety action plan");
        assertThat(after.get("themes/risk-assessment/index.html")).contains("Second safety action plan", "Action 1.1")
                .doesNotContain("Sample safety action plan");
        assertThat(after.get("themes/index.html")).isNotEqualTo(before.get("themes/index.html"));
        assertThat(after.get("index.html")).contains("Risk assessment</a>: 1 recommendation, 1 action");
        assertThat(after.get("themes/audit/index.html")).isEqualTo(before.get("themes/audit/index.html"));
        assertThat(after.get("plans/sample-review/index.html")).isEqualTo(before.get("plans/sample-review/index.html"));
    }

    @Test
    void aRenamedThemeIsRenamedOnEveryPageCsvAndJsonThatNamesIt() throws IOException {
        build("site", true);
        replace(content.resolve("site.yaml"), "label: Audit and assurance", "label: Audit");

        build("site", true);
        build("fresh", false);

        Map<String, String> after = files(temp.resolve("site"));
        assertThat(after).isEqualTo(files(temp.resolve("fresh")));
        for (String path : new String[] {"themes/audit/index.html", "themes/index.html", "index.html", "plans/sample-review/index.html",
                "plans/sample-review/actions.csv", "plans/sample-review/plan.json", "data/site.json"}) {
            assertThat(after.get(path)).as(path).doesNotContain("Audit and assurance");
        }
        assertThat(after.get("plans/sample-review/actions.csv")).contains("Record keeping; Audit");
    }

    @Test
    void aFileChangedByHandInThePublishedSiteIsMadeAgainNotKept() throws IOException {
        build("site", true);
        Path page = temp.resolve("site/plans/sample-review/index.html");
        String original = Files.readString(page);
        Files.writeString(page, original.replace("Sample safety action plan", "Edited by hand"));

        build("site", true);

        assertThat(Files.readString(page)).isEqualTo(original);
    }

    @Test
    void aCacheDeletedOrEmptiedBetweenBuildsOnlyCostsTime() throws IOException {
        build("site", true);
        Map<String, String> published = files(temp.resolve("site"));
        deleteTree(cache);

        BuildResult again = build("again", true);

        assertThat(again.filesFromCache()).isZero();
        assertThat(files(temp.resolve("again"))).isEqualTo(published);
    }

    @Test
    void leavingOutThePdfsChangesNoOtherDownload() throws IOException {
        build("site", true);
        Map<String, String> full = files(temp.resolve("site"));

        BuildResult quick = Pipeline.build(TestBuilds.request(content, temp.resolve("quick")).withPdfs(false));

        assertThat(quick.succeeded()).isTrue();
        Map<String, String> withoutPdfs = files(temp.resolve("quick"));
        assertThat(withoutPdfs.keySet()).noneMatch(path -> path.endsWith(".pdf"));
        full.forEach((path, text) -> {
            if (!path.endsWith(".html") && !path.endsWith(".pdf") && !path.equals("sitemap.xml") && !path.startsWith(".")) {
                assertThat(withoutPdfs.get(path)).as(path).isEqualTo(text);
            }
        });
        assertThat(withoutPdfs.get("plans/sample-review/index.html")).contains("No PDF summary: this preview was built without PDFs")
                .doesNotContain("summary.pdf");
    }

    /** Every file of a folder by path, as text (PDFs included, byte for byte as ISO-8859-1). */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

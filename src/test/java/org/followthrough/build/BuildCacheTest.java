package org.followthrough.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.followthrough.support.GitRepositories;
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

    @Test
    void committingAChangeRemakesOnlyThatPlansPagesThoughItsFilesAreTheSame() throws IOException {
        try (GitRepositories repo = GitRepositories.init(content)) {
            repo.commit("Publish both plans", "2026-01-05T10:00:00Z");
            replace(content.resolve("plans/second-review/recommendations/01.yaml"), "text: A template has been drafted.",
                    "text: A template has been drafted and sent round.");
            BuildResult uncommitted = Pipeline.build(withHistory("site"));
            Map<String, String> before = files(temp.resolve("site"));
            assertThat(uncommitted.succeeded()).isTrue();
            assertThat(before.get("plans/second-review/index.html")).contains("not yet recorded");

            // The same files, now committed: only the history differs.
            repo.commit("Second review: progress", "2026-02-01T10:00:00Z");
            BuildResult committed = Pipeline.build(withHistory("site"));
            Pipeline.build(withHistory("fresh").withCache(null));

            Map<String, String> after = files(temp.resolve("site"));
            assertThat(committed.succeeded()).isTrue();
            assertThat(after).isEqualTo(files(temp.resolve("fresh")));
            assertThat(after.get("plans/second-review/index.html")).doesNotContain("not yet recorded").contains("Change history: 2 changes");
            assertThat(after.get("plans/second-review/history/index.html")).contains("Second review: progress");
            assertThat(after.get("plans/second-review/actions.csv")).isEqualTo(before.get("plans/second-review/actions.csv"));
            assertThat(after.get("plans/sample-review/index.html")).isEqualTo(before.get("plans/sample-review/index.html"));
            assertThat(committed.filesWritten() - committed.filesFromCache()).as("files made again: the second plan's page and its history page")
                    .isEqualTo(2);
        }
    }

    private BuildRequest withHistory(String out) {
        return TestBuilds.request(content, temp.resolve(out)).withCache(cache).withHistory(true);
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

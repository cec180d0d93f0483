package org.followthrough.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.support.GitRepositories;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the plan pages say about their change history, built from real Git repositories made in the
 * test: a history of several commits, a depth-1 clone of it, a branch with no commits yet, changes
 * not yet committed, and a folder outside Git.
 */
class HistoryPagesTest {

    private static final String PLAN = "plans/sample-review/";

    @TempDir
    Path temp;

    /** The small test site in content/ of a new repository, committed in three steps. */
    private GitRepositories repository(String siteSetting) throws Exception {
        GitRepositories repo = GitRepositories.init(temp.resolve("repo"));
        TestBuilds.copy(TestBuilds.fixture("small"), repo.root().resolve("content"));
        if (siteSetting != null) {
            Files.writeString(repo.root().resolve("content/site.yaml"), siteSetting + "\n", java.nio.file.StandardOpenOption.APPEND);
        }
        repo.commit("Publish the sample review's plan", "2026-01-05T10:00:00Z", "Ann Editor");
        repo.write("README.md", "Our plans\n").commit("Say what the repository is", "2026-02-01T10:00:00Z");
        Path recommendation = firstRecommendation(repo.root().resolve("content"));
        Files.writeString(recommendation, Files.readString(recommendation) + "\n");
        // Half past eleven at night in UTC is the next morning in London (BST): the page gives the site's date.
        repo.commit("Sample review: tidy recommendation 1\n\nAsked for by the panel.", "2026-03-31T23:30:00Z", "Bea Writer");
        return repo;
    }

    /** Adds a line to the plan's first recommendation and commits it, {@code when} in UTC. */
    private static void editAndCommit(GitRepositories repo, String message, String when, String author) throws Exception {
        Path recommendation = firstRecommendation(repo.root().resolve("content"));
        Files.writeString(recommendation, Files.readString(recommendation) + "\n");
        repo.commit(message, when, author);
    }

    private static Path firstRecommendation(Path content) throws Exception {
        try (var files = Files.list(content.resolve(PLAN + "recommendations"))) {
            return files.sorted().findFirst().orElseThrow();
        }
    }

    private static MemoryPublisher build(Path content) {
        return build(TestBuilds.request(content, null));
    }

    private static MemoryPublisher build(org.followthrough.pipeline.BuildRequest request) {
        MemoryPublisher site = new MemoryPublisher();
        BuildResult result = Pipeline.build(request.withHistory(true), site);
        assertThat(result.problems()).as("problems").noneMatch(p -> p.isError());
        return site;
    }

    private static Document page(MemoryPublisher site, String path) {
        byte[] bytes = site.asMap().get(path + "index.html");
        assertThat(bytes).as(path).isNotNull();
        return Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
    }

    /** The plan page's "Last changed" entry, or null where it has none. */
    private static String lastChanged(MemoryPublisher site) {
        return page(site, PLAN).select("dt:containsOwn(Last changed) + dd").stream().findFirst().map(e -> e.text()).orElse(null);
    }

    @Test
    void planPageSaysWhenThePlanLastChangedInTheSitesTimeZoneAndLinksToItsHistory() throws Exception {
        try (GitRepositories repo = repository(null)) {
            MemoryPublisher site = build(repo.root().resolve("content"));

            assertThat(lastChanged(site)).isEqualTo("1 April 2026 Change history: 2 changes");
            assertThat(page(site, PLAN).select("dt:containsOwn(Last changed) + dd time").attr("datetime")).isEqualTo("2026-04-01");
            assertThat(page(site, PLAN).select("dt:containsOwn(Last changed) + dd a").attr("href")).isEqualTo("../../" + PLAN + "history/");
        }
    }

    @Test
    void historyPageListsTheCommitsThatChangedThePlanWithoutAuthors() throws Exception {
        try (GitRepositories repo = repository(null)) {
            MemoryPublisher site = build(repo.root().resolve("content"));

            Document history = page(site, PLAN + "history/");
            assertThat(history.select("tbody tr").eachText()).containsExactly(
                    "1 April 2026 Sample review: tidy recommendation 1",
                    "5 January 2026 Publish the sample review's plan");
            assertThat(history.select("thead th").eachText()).containsExactly("Date", "Change");
            assertThat(allText(site)).doesNotContain("Bea Writer", "Ann Editor", "example.org", "Asked for by the panel",
                    "Say what the repository is");
        }
    }

    @Test
    void aPlanRenamedWithItsOldIdInFormerIdsKeepsTheHistoryItHadUnderIt() throws Exception {
        try (GitRepositories repo = repository(null)) {
            Path content = repo.root().resolve("content");
            java.nio.file.Files.move(content.resolve(PLAN), content.resolve("plans/sample-review-2024"));
            repo.commit("Rename the sample review's folder", "2026-04-10T09:00:00Z");
            Path plan = content.resolve("plans/sample-review-2024/plan.yaml");
            String before = Files.readString(plan);
            Files.writeString(plan, before.replace("reference: SAMPLE/01", "reference: SAMPLE/01\nformer_ids: [sample-review]"));
            repo.commit("Keep the sample review's old addresses", "2026-04-11T09:00:00Z");

            MemoryPublisher site = build(content);

            assertThat(page(site, "plans/sample-review/history/").select("meta[http-equiv=refresh]").attr("content"))
                    .as("the old address of the history page leads to the new one").isEqualTo("0; url=../../../plans/sample-review-2024/history/");
            assertThat(page(site, "plans/sample-review-2024/history/").select("tbody tr").eachText()).containsExactly(
                    "11 April 2026 Keep the sample review's old addresses",
                    "10 April 2026 Rename the sample review's folder",
                    "1 April 2026 Sample review: tidy recommendation 1",
                    "5 January 2026 Publish the sample review's plan");

            // without former_ids, the history starts again at the rename
            Files.writeString(plan, before);
            repo.commit("Forget the old addresses", "2026-04-12T09:00:00Z");
            assertThat(page(build(content), "plans/sample-review-2024/history/").select("tbody tr").eachText()).containsExactly(
                    "12 April 2026 Forget the old addresses",
                    "11 April 2026 Keep the sample review's old addresses",
                    "10 April 2026 Rename the sample review's folder");
        }
    }

    @Test
    void authorsNamesAreShownOnlyWhenTheSiteOptsInAndTheirAddressesNever() throws Exception {
        try (GitRepositories repo = repository("change_history: authors")) {
            MemoryPublisher site = build(repo.root().resolve("content"));

            assertThat(page(site, PLAN + "history/").select("tbody tr").eachText()).containsExactly(
                    "1 April 2026 Sample review: tidy recommendation 1 Bea Writer",
                    "5 January 2026 Publish the sample review's plan Ann Editor");
            assertThat(allText(site)).doesNotContain("@example.org");
        }
    }

    /** A name or message that reverses the direction of its text (U+202E) would read as another: the mark is left out. */
    @Test
    void marksThatReverseTextAreLeftOutOfAuthorsNamesAndMessages() throws Exception {
        try (GitRepositories repo = repository("change_history: authors")) {
            editAndCommit(repo, "Tidy \u202Egnissim\u202C text", "2026-04-02T10:00:00Z", "Eve \u202ErotidE\u202C");

            MemoryPublisher site = build(repo.root().resolve("content"));

            assertThat(page(site, PLAN + "history/").select("tbody tr").first().text()).isEqualTo("2 April 2026 Tidy gnissim text Eve rotidE");
            assertThat(allText(site)).doesNotContain("\u202E").doesNotContain("\u202C");
        }
    }

    @Test
    void aSiteCanPublishTheDatesWithoutTheMessages() throws Exception {
        try (GitRepositories repo = repository("change_history: dates")) {
            MemoryPublisher site = build(repo.root().resolve("content"));

            assertThat(page(site, PLAN + "history/").select("tbody tr").eachText()).containsExactly("1 April 2026 1",
                    "5 January 2026 1");
            assertThat(allText(site)).doesNotContain("tidy recommendation");
        }
    }

    /**
     * Where only dates are published, two changes on one day were two rows of the same date, which said nothing more than
     * one: each day is listed once, with how many changes it saw, and the page says why nothing else is given.
     */
    @Test
    void withDatesAloneEachDayIsListedOnceWithItsNumberOfChanges() throws Exception {
        try (GitRepositories repo = repository("change_history: dates")) {
            editAndCommit(repo, "Sample review: tidy recommendation 1 again", "2026-04-01T12:00:00Z", "Bea Writer");
            Document history = page(build(repo.root().resolve("content")), PLAN + "history/");

            assertThat(history.select("tbody tr").eachText()).containsExactly("1 April 2026 2", "5 January 2026 1");
            assertThat(history.select("thead th").eachText()).containsExactly("Date", "Number of changes");
            assertThat(history.select("main p").eachText()).contains("This site publishes the day of each change, not what it was: "
                    + "each day is listed once, with how many changes were recorded on it.");
        }
    }

    @Test
    void aSiteCanPublishNoHistoryAtAll() throws Exception {
        try (GitRepositories repo = repository("change_history: none")) {
            MemoryPublisher site = build(repo.root().resolve("content"));

            assertThat(lastChanged(site)).isNull();
            assertThat(site.asMap()).doesNotContainKey(PLAN + "history/index.html");
        }
    }

    @Test
    void aDepthOneCloneSaysItsHistoryIsShortenedAndFromWhen() throws Exception {
        try (GitRepositories repo = repository(null)) {
            Path clone = GitRepositories.shallowClone(repo.root(), temp.resolve("clone"));

            MemoryPublisher site = build(clone.resolve("content"));

            assertThat(lastChanged(site)).isEqualTo("On or before 1 April 2026 Change history");
            Document history = page(site, PLAN + "history/");
            assertThat(history.select(".panel").text()).isEqualTo("This list is incomplete: the copy of the site's history this page "
                    + "was built from starts on 1 April 2026, so changes before then are not listed.");
            assertThat(history.text()).contains("No change to this plan has been recorded since 1 April 2026.");
        }
    }

    /**
     * A shallow clone holding no commit of the as-of day or before knows nothing of the history as it stood then: no page
     * gives a date after the site's own as the start of what is known.
     */
    @Test
    void aDepthOneCloneBuiltAsAtADayBeforeItsCommitGivesNoDateAfterThatDay() throws Exception {
        try (GitRepositories repo = repository(null)) {
            Path clone = GitRepositories.shallowClone(repo.root(), temp.resolve("clone"));

            MemoryPublisher site = build(new org.followthrough.pipeline.BuildRequest(clone.resolve("content"), TestBuilds.BUILT_IN_TEMPLATES,
                    null, java.time.LocalDate.of(2026, 3, 1), null, TestBuilds.CLOCK));

            assertThat(allText(site)).doesNotContain("1 April 2026");
            assertThat(site.asMap()).doesNotContainKey(PLAN + "history/index.html");
        }
    }

    @Test
    void aBranchWithNoCommitsYetSaysTheDateIsNotKnown() throws Exception {
        try (GitRepositories repo = GitRepositories.init(temp.resolve("unborn"))) {
            TestBuilds.copy(TestBuilds.fixture("small"), repo.root().resolve("content"));

            MemoryPublisher site = build(repo.root().resolve("content"));

            assertThat(lastChanged(site)).isEqualTo("Not known: no change to this site's files has been recorded yet.");
            assertThat(site.asMap()).doesNotContainKey(PLAN + "history/index.html");
        }
    }

    @Test
    void changesNotYetCommittedAreSaidToBeOnThePage() throws Exception {
        try (GitRepositories repo = repository(null)) {
            Path recommendation = firstRecommendation(repo.root().resolve("content"));
            Files.writeString(recommendation, Files.readString(recommendation) + "\n");

            MemoryPublisher site = build(repo.root().resolve("content"));

            assertThat(lastChanged(site)).isEqualTo(
                    "1 April 2026 This page also shows changes not yet recorded in the site's history. Change history: 2 changes");
        }
    }

    /**
     * A site built as at a day gone by shows the record's history as it stood that day, as its statuses show only the updates
     * dated by then: not the commit of 1 April, nor changes not yet committed today.
     */
    @Test
    void aSiteAsAtADayGoneByShowsOnlyTheChangesMadeByThen() throws Exception {
        try (GitRepositories repo = repository(null)) {
            Path content = repo.root().resolve("content");
            Path recommendation = firstRecommendation(content);
            Files.writeString(recommendation, Files.readString(recommendation) + "\n");

            MemoryPublisher site = build(new org.followthrough.pipeline.BuildRequest(content, TestBuilds.BUILT_IN_TEMPLATES, null,
                    java.time.LocalDate.of(2026, 3, 31), null, TestBuilds.CLOCK));

            assertThat(lastChanged(site)).isEqualTo("5 January 2026 Change history: 1 change");
            assertThat(page(site, PLAN + "history/").select("tbody tr").eachText()).containsExactly(
                    "5 January 2026 Publish the sample review's plan");
        }
    }

    @Test
    void aFolderOutsideGitSaysTheDateIsNotKnown() throws Exception {
        Path content = TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("plain/content"));

        MemoryPublisher site = build(content);

        assertThat(lastChanged(site)).isEqualTo("Not known: this site was built from files that keep no history of their changes.");
        assertThat(site.asMap()).doesNotContainKey(PLAN + "history/index.html");
    }

    @Test
    void theSameCommitBuildsTheSameSite() throws Exception {
        try (GitRepositories repo = repository(null)) {
            Map<String, byte[]> first = build(repo.root().resolve("content")).asMap();
            Map<String, byte[]> second = build(repo.root().resolve("content")).asMap();

            assertThat(second.keySet()).isEqualTo(first.keySet());
            first.forEach((path, bytes) -> assertThat(second.get(path)).as(path).isEqualTo(bytes));
        }
    }

    private static String allText(MemoryPublisher site) {
        StringBuilder all = new StringBuilder();
        site.asMap().forEach((path, bytes) -> {
            if (!path.endsWith(".pdf")) {
                all.append(new String(bytes, StandardCharsets.UTF_8));
            }
        });
        return all.toString();
    }
}

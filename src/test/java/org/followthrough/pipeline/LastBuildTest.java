package org.followthrough.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.followthrough.problem.Problem;
import org.followthrough.support.Folders;
import org.followthrough.support.GitRepositories;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build asked to publish the site that is already published, from the same files, leaves it where
 * it is and tells the same warnings; anything that could change what it publishes, or a published
 * file changed by hand, and the build is made as usual. Real builds into real folders. Unless a test
 * says otherwise, "now" is a day after the files were written, so that their times vouch for them.
 */
class LastBuildTest {

    @TempDir
    Path temp;

    private Path content;
    private Path out;
    private Path cache;
    private Clock tomorrow;

    @BeforeEach
    void smallSite() throws IOException {
        content = TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("content"));
        out = temp.resolve("site");
        cache = temp.resolve("cache");
        tomorrow = Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC);
    }

    private BuildRequest request(Clock clock) {
        return new BuildRequest(content, TestBuilds.BUILT_IN_TEMPLATES, out, TestBuilds.AS_OF, null, clock).withCache(cache).withPdfs(false);
    }

    private static BuildResult build(BuildRequest request) {
        BuildResult result = Pipeline.build(request);
        assertThat(result.succeeded()).as("%s", result.problems()).isTrue();
        return result;
    }

    /** Each published file with the file system's identity of it: a file written again has another. */
    private Map<String, Object> identities() throws IOException {
        Map<String, Object> identities = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                identities.put(out.relativize(file).toString(),
                        Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey());
            }
        }
        return identities;
    }

    @Test
    void aBuildOfTheSameFilesLeavesTheSiteAsItIsAndTellsTheSameWarnings() throws IOException {
        // a date in the text that is not the update's: a warning
        Folders.replace(content.resolve("plans/sample-review/recommendations/01.yaml"), "text: A template has been drafted.",
                "text: A template was drafted on 01/02/2024.");
        BuildResult first = Pipeline.build(request(tomorrow));
        assertThat(first.problems()).as("the first build's problems").isNotEmpty().noneMatch(Problem::isError);
        Map<String, String> published = Folders.contents(out);
        Map<String, Object> identities = identities();

        BuildResult second = build(request(tomorrow));

        assertThat(second.unchangedAsOf()).isEqualTo(TestBuilds.AS_OF);
        assertThat(second.asOf()).isEqualTo(TestBuilds.AS_OF);
        assertThat(second.problems()).isEqualTo(first.problems());
        assertThat(second.filesWritten()).isEqualTo(first.filesWritten()).isEqualTo(second.filesFromCache());
        assertThat(identities()).as("every file is the one published before, not written again").isEqualTo(identities);
        assertThat(Folders.contents(out)).isEqualTo(published);
    }

    @Test
    void aChangedFileIsBuiltAsUsual() throws IOException {
        build(request(tomorrow));
        Folders.replace(content.resolve("plans/sample-review/recommendations/01.yaml"), "text: A template has been drafted.",
                "text: A template has been drafted and sent round.");

        BuildResult rebuilt = build(request(tomorrow));

        assertThat(rebuilt.unchangedAsOf()).isNull();
        assertThat(rebuilt.filesFromCache()).isLessThan(rebuilt.filesWritten());
        assertPublishedAsAFreshBuildWould(false);
    }

    /** The site published is the one a build without the cache, into a new folder, publishes from the same files. */
    private void assertPublishedAsAFreshBuildWould(boolean history) throws IOException {
        Map<String, String> published = Folders.contents(out);
        out = temp.resolve("fresh");
        build(request(tomorrow).withHistory(history).withCache(null));
        assertThat(published).as("what a build without the cache publishes").isEqualTo(Folders.contents(out));
    }

    @Test
    void aFileChangedInThePublishedSiteIsPutRight() throws IOException {
        build(request(tomorrow));
        Map<String, String> published = Folders.contents(out);
        Files.writeString(out.resolve("index.html"), "<p>changed by hand</p>");

        BuildResult rebuilt = build(request(tomorrow));

        assertThat(rebuilt.unchangedAsOf()).isNull();
        assertThat(Folders.contents(out)).isEqualTo(published);
    }

    @Test
    void anotherRequestForTheSameFilesIsBuiltAsUsual() throws IOException {
        build(request(tomorrow));

        BuildResult elsewhere = build(request(tomorrow).withSince(LocalDate.of(2024, 1, 1)));

        assertThat(elsewhere.unchangedAsOf()).isNull();
        assertThat(out.resolve("changes/index.html")).exists();
    }

    @Test
    void filesChangedAMomentAgoAreNotVouchedForByTheirTimes() throws IOException {
        // "now" just after the files were written: a change within the file system's clock tick would not show in their times
        Clock justAfter = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        build(request(justAfter));

        BuildResult again = build(request(justAfter));

        assertThat(again.unchangedAsOf()).isNull();
    }

    @Test
    void withoutAnAsOfDateTheNextDayIsBuiltAsUsual() throws IOException {
        BuildRequest today = new BuildRequest(content, TestBuilds.BUILT_IN_TEMPLATES, out, null, null, tomorrow).withCache(cache).withPdfs(false);
        LocalDate date = build(today).asOf();
        assertThat(build(today).unchangedAsOf()).as("the same day").isEqualTo(date);

        Clock nextDay = Clock.offset(tomorrow, Duration.ofDays(1));
        BuildResult later = build(new BuildRequest(content, TestBuilds.BUILT_IN_TEMPLATES, out, null, null, nextDay).withCache(cache)
                .withPdfs(false));

        assertThat(later.unchangedAsOf()).isNull();
        assertThat(later.asOf()).isEqualTo(date.plusDays(1));
    }

    @Test
    void aNewCommitIsBuiltAsUsualWhenTheHistoryIsRead() throws IOException {
        GitRepositories repository = committedAndBuiltTwice();

        repository.write(".notes", "Not content, but a commit all the same.").commit("A note", "2026-02-05T10:00:00Z");
        BuildResult rebuilt = build(request(tomorrow).withHistory(true));

        assertThat(rebuilt.unchangedAsOf()).isNull();
    }

    /**
     * Whether a plan has changes not yet committed is Git's own answer, whatever decided it: a file
     * no build reads (a hidden one) still makes the plan's folder differ from the commit.
     */
    @Test
    void aPlanWithChangesNotYetCommittedIsBuiltAsUsualWhenTheHistoryIsRead() throws IOException {
        GitRepositories repository = committedAndBuiltTwice();

        repository.write("plans/sample-review/.draft", "Notes not yet committed.");
        BuildResult rebuilt = build(request(tomorrow).withHistory(true));

        assertThat(rebuilt.unchangedAsOf()).isNull();
        assertPublishedAsAFreshBuildWould(true);
    }

    /** The content committed, then built twice with its history: the second build found nothing changed. */
    private GitRepositories committedAndBuiltTwice() {
        GitRepositories repository = GitRepositories.init(content);
        repository.commit("Plans as published", "2026-01-05T10:00:00Z");
        build(request(tomorrow).withHistory(true));
        assertThat(build(request(tomorrow).withHistory(true)).unchangedAsOf()).as("nothing changed").isNotNull();
        return repository;
    }

    /** A build that could not read the history warns each time, until the repository is mended; it is never taken as read. */
    @Test
    void aRepositoryThatCannotBeReadIsNeverVouchedFor() throws IOException {
        String commit = GitRepositories.init(content).commit("Plans as published", "2026-01-05T10:00:00Z");
        Files.delete(content.resolve(".git/objects/" + commit.substring(0, 2) + "/" + commit.substring(2)));
        BuildRequest withHistory = request(tomorrow).withHistory(true);
        BuildResult first = build(withHistory);
        assertThat(first.problems()).anyMatch(p -> p.message().contains("could not be read"));

        BuildResult again = build(withHistory);

        assertThat(again.unchangedAsOf()).isNull();
        assertThat(again.problems()).isEqualTo(first.problems());
    }

    @Test
    void aLinkMadeToLeadOutOfTheContentFolderIsRefusedNotTrusted() throws IOException {
        Path inside = content.resolve("plans/sample-review/summary.md");
        Path moved = content.resolve("plans/sample-review/summary-kept.md");
        Files.move(inside, moved);
        Files.createSymbolicLink(inside, moved);
        build(request(tomorrow));
        Path outside = Files.writeString(temp.resolve("outside.md"), Files.readString(moved));

        Files.delete(inside);
        Files.createSymbolicLink(inside, outside);
        BuildResult refused = Pipeline.build(request(tomorrow));

        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.problems()).anyMatch(p -> p.isError() && p.message().contains("leads outside the content folder"));
    }
}

package org.followthrough.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.followthrough.cache.BuildCache;
import org.followthrough.guard.ProtectedNames;
import org.followthrough.problem.Problems;
import org.followthrough.source.ContentFiles;
import org.followthrough.source.FileStat;
import org.followthrough.support.Folders;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A build does not read the files of a plan that the file system says are as the last build that
 * found no problem saw them (their size, times and inode): as Git's index, it trusts a file's stat
 * only where the file had settled before that build looked, and only for the protected names that
 * build searched for. Whatever it leaves unread, it publishes what a build without the cache would.
 */
// Beside the other test classes while its tests wait for files to settle (see junit-platform.properties); its own tests one at a time.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("UnchangedFilesTest")
class UnchangedFilesTest {

    private static final String UNCHANGED = "plans/sample-review/recommendations/01.yaml";
    private static final String CHANGED = "plans/second-review/recommendations/01.yaml";

    @TempDir
    Path temp;

    private Path content;
    private Path cache;

    @BeforeEach
    void twoPlansSettled() throws Exception {
        content = TestBuilds.twoPlans(temp.resolve("content"));
        Folders.replace(content.resolve(UNCHANGED), "number: \"1\"",
                "# Reviewed with Hartley Quayle\nnumber: \"1\"");
        cache = temp.resolve("cache");
        settle();
    }

    /** Waits until the files written so far are old enough for a build's stats to vouch for them. */
    private static void settle() throws InterruptedException {
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(FileStat.SETTLE_NANOS) + 500);
    }

    private BuildRequest request(String out) {
        return TestBuilds.request(content, temp.resolve(out)).withCache(cache).withPdfs(false);
    }

    private BuildResult build(String out) {
        BuildResult result = Pipeline.build(request(out));
        assertThat(result.succeeded()).as("%s", result.problems()).isTrue();
        return result;
    }

    /** The content files as the next build would read them, with what it leaves unread. */
    private ContentFiles filesAsTheNextBuildReadsThem() {
        BuildRequest request = request("site");
        return Pipeline.read(request, BuildCache.in(cache).plans(), LastBuild.look(request).content(), new Problems());
    }

    private void assertPublishesWhatAFreshBuildWould() throws IOException {
        build("site");
        BuildResult fresh = Pipeline.build(request("fresh").withCache(null));
        assertThat(fresh.succeeded()).as("%s", fresh.problems()).isTrue();
        assertThat(Folders.contents(temp.resolve("site"))).isEqualTo(Folders.contents(temp.resolve("fresh")));
    }

    @Test
    void theFilesOfAPlanThatHasNotChangedAreNotReadUnlessAsked() throws IOException {
        build("site");
        Folders.replace(content.resolve(CHANGED), "text: A template has been drafted.", "text: A template has been drafted and sent round.");

        ContentFiles files = filesAsTheNextBuildReadsThem();

        assertThat(files.isUnread(UNCHANGED)).isTrue();
        assertThat(files.isUnread("plans/sample-review/plan.yaml")).isTrue();
        assertThat(files.isUnread(CHANGED)).isFalse();
        assertThat(files.isUnread("site.yaml")).as("files outside the plans' folders are always read").isFalse();
        assertThat(files.paths("plans/sample-review")).contains(UNCHANGED, "plans/sample-review/summary.md");
        assertThat(files.get(UNCHANGED)).map(org.followthrough.source.SourceFile::text).hasValue(Files.readString(content.resolve(UNCHANGED)));
        assertThat(files.isUnread(UNCHANGED)).as("read once asked for").isFalse();
        assertPublishesWhatAFreshBuildWould();
    }

    @Test
    void aFileEditedWithItsSizeAndModificationTimeKeptIsReadAgain() throws IOException {
        build("site");
        Path file = content.resolve(UNCHANGED);
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        Folders.replace(file, "text: A template has been drafted.", "text: A template has been drafted!");
        Files.setLastModifiedTime(file, modified);
        assertThat(Files.size(file)).isEqualTo(size);

        ContentFiles files = filesAsTheNextBuildReadsThem();

        assertThat(files.isUnread(UNCHANGED)).as("its inode's change time moved").isFalse();
        assertThat(files.get(UNCHANGED).orElseThrow().text()).contains("drafted!");
        assertPublishesWhatAFreshBuildWould();
        assertThat(Files.readString(temp.resolve("site/plans/sample-review/recommendations/1/index.html"))).contains("drafted!");
    }

    @Test
    void aFileChangedJustBeforeABuildLookedIsReadAgainByTheNext() throws Exception {
        build("site");
        Folders.replace(content.resolve(UNCHANGED), "text: A template has been drafted.", "text: A template has been drafted in May.");
        // At once: the file changed within the file system's clock tick, and could change again keeping its stat.
        build("site");
        settle();

        ContentFiles files = filesAsTheNextBuildReadsThem();

        assertThat(files.isUnread(UNCHANGED)).isFalse();
        assertThat(files.isUnread("plans/sample-review/plan.yaml")).as("its plan is not vouched for").isFalse();
        assertThat(files.isUnread(CHANGED)).as("another plan's file, settled long before").isTrue();
    }

    @Test
    void aProtectedNameInAFileLeftAsItWasIsFoundWhenTheListChanges() throws Exception {
        build("site");
        Path names = Files.writeString(temp.resolve("names.txt"), "Hartley Quayle\n");

        BuildResult guarded = Pipeline.build(request("site").withProtectedNames(ProtectedNames.read(names)));

        assertThat(guarded.succeeded()).isFalse();
        assertThat(guarded.problems()).anySatisfy(p -> {
            assertThat(p.location().file()).isEqualTo(content.resolve(UNCHANGED).toString());
            assertThat(p.location().line()).isEqualTo(1);
        });
    }

    @Test
    void aChangedPlanReadsAMarkdownFileInTheFolderOfAnUnchangedOne() throws Exception {
        Folders.replace(content.resolve("plans/second-review/plan.yaml"), "{file: summary.md}", "{file: ../sample-review/summary.md}");
        Files.delete(content.resolve("plans/second-review/summary.md"));
        settle();
        build("site");
        Folders.replace(content.resolve(CHANGED), "text: A template has been drafted.", "text: A template has been drafted and sent round.");

        assertThat(filesAsTheNextBuildReadsThem().isUnread("plans/sample-review/summary.md")).isTrue();
        assertPublishesWhatAFreshBuildWould();

        Path summary = content.resolve("plans/sample-review/summary.md");
        Files.writeString(summary, "Read by both plans.\n\n" + Files.readString(summary));
        assertPublishesWhatAFreshBuildWould();
        assertThat(Files.readString(temp.resolve("site/plans/second-review/index.html"))).contains("Read by both plans.");
    }

    /**
     * A plan that reads a file in another plan's folder is made again when that file changes, however
     * the reference is written: YAML allows the key quoted, and the value on the next line.
     */
    @ParameterizedTest
    @ValueSource(strings = {"{\"file\": \"../sample-review/summary.md\"}", "{'file': '../sample-review/summary.md'}",
            "{file:\n    ../sample-review/summary.md}"})
    void aPlanReadingAnotherPlansFileIsMadeAgainWhenThatFileChanges(String reference) throws Exception {
        Folders.replace(content.resolve("plans/second-review/plan.yaml"), "{file: summary.md}", reference);
        Files.delete(content.resolve("plans/second-review/summary.md"));
        settle();
        build("site");

        Path summary = content.resolve("plans/sample-review/summary.md");
        Files.writeString(summary, "Read by both plans.\n\n" + Files.readString(summary));
        settle();
        assertPublishesWhatAFreshBuildWould();
        assertThat(Files.readString(temp.resolve("site/plans/second-review/index.html"))).contains("Read by both plans.");
    }

    @Test
    void aFileRemovedAfterTheBuildLookedIsReportedAsChanged() throws IOException {
        build("site");
        BuildRequest request = request("site");
        Optional<org.followthrough.source.FolderState> walked = LastBuild.look(request).content();
        Files.delete(content.resolve("plans/sample-review/summary.md"));
        Problems problems = new Problems();

        ContentFiles files = Pipeline.read(request, BuildCache.in(cache).plans(), walked, problems);

        assertThat(files.get("plans/sample-review/summary.md")).isEmpty();
        assertThat(files.isRefused("plans/sample-review/summary.md")).isTrue();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).isEqualTo(content.resolve("plans/sample-review/summary.md").toString());
            assertThat(p.message()).contains("changed while the build was reading");
        });
    }
}

package org.followthrough.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.followthrough.support.Folders;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} takes from a build's cache the plans that build checked and kept, whose files have not changed,
 * as {@code build} itself does: at 1,000 plans it then takes about a second instead of ten. It reports what it
 * reports without the cache, and writes nothing, to the cache neither.
 */
class CheckReadsTheCacheTest {

    private static final String CHANGED = "plans/second-review/recommendations/01.yaml";

    @TempDir
    Path temp;

    private Path content;
    private Path cache;

    @BeforeEach
    void builtOnceWithAWarning() throws IOException {
        content = TestBuilds.twoPlans(temp.resolve("content"));
        // a warning in the plan the build keeps, which a check that takes the plan from the cache must still give
        Folders.replace(content.resolve("plans/sample-review/recommendations/01.yaml"), "role: Team Manager", "role: Team Manager; Lead");
        cache = temp.resolve("cache");
        BuildResult build = Pipeline.build(TestBuilds.request(content, temp.resolve("site")).withCache(cache).withPdfs(false));
        assertThat(build.succeeded()).as("%s", build.problems()).isTrue();
        assertThat(build.problems()).as("the warning the checks below look for").anyMatch(p -> p.message().contains("holds '; '"));
    }

    private BuildResult check(Path cacheFolder) {
        return Pipeline.check(new BuildRequest(content, null, null, TestBuilds.AS_OF, null, TestBuilds.CLOCK).withCache(cacheFolder));
    }

    private static String describe(BuildResult result) {
        return result.problems().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    /** The plans check takes as a build kept them: those whose files are as they were, not the one changed since. */
    private java.util.Set<String> reusedByCheck() {
        BuildRequest request = new BuildRequest(content, null, null, TestBuilds.AS_OF, null, TestBuilds.CLOCK).withCache(cache);
        return PlanReuse.lookUp(org.followthrough.source.ContentFiles.read(content, new org.followthrough.problem.Problems()), TestBuilds.AS_OF,
                Pipeline.keptPlans(request)).reusedIds();
    }

    @Test
    void itTakesTheUnchangedPlansFromTheCacheAndChecksTheChangedOneAgain() throws IOException {
        assertThat(reusedByCheck()).containsExactlyInAnyOrder("sample-review", "second-review");

        Folders.replace(content.resolve(CHANGED), "role: Inspector", "role: Chief Inspector");

        assertThat(reusedByCheck()).containsExactly("sample-review");
    }

    @Test
    void withNothingChangedItReportsWhatItReportsWithoutTheCache() {
        BuildResult withCache = check(cache);
        BuildResult without = check(null);

        assertThat(withCache.succeeded()).isTrue();
        assertThat(describe(withCache)).contains("holds '; '").isEqualTo(describe(without));
        assertThat(withCache.archive().plans()).hasSameSizeAs(without.archive().plans());
    }

    @Test
    void aPlanChangedSinceTheBuildIsCheckedAgain() throws IOException {
        Folders.replace(content.resolve(CHANGED), "date: 2024-03-01", "date: 2024-02-30");

        BuildResult withCache = check(cache);

        assertThat(withCache.succeeded()).isFalse();
        assertThat(describe(withCache)).contains("01.yaml").contains("2024-02-30").contains("holds '; '").isEqualTo(describe(check(null)));
    }

    @Test
    void itLeavesTheCacheAsItFoundIt() throws IOException {
        java.util.Map<String, String> before = Folders.listing(cache);
        // a plan changed since the build: a check that wrote to the cache would keep it, and the keys of the plans' files
        Folders.replace(content.resolve(CHANGED), "role: Inspector", "role: Chief Inspector");

        assertThat(check(cache).succeeded()).isTrue();

        assertThat(Folders.listing(cache)).isEqualTo(before);
    }

    @Test
    void aFolderThatIsNoBuildsCacheIsNeitherReadNorMade() throws IOException {
        Path none = temp.resolve("no-cache-here");
        Path other = Files.createDirectories(temp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "not a cache");

        assertThat(describe(check(none))).isEqualTo(describe(check(null)));
        assertThat(describe(check(other))).isEqualTo(describe(check(null)));

        assertThat(none).doesNotExist();
        assertThat(Folders.listing(other)).containsOnlyKeys("notes.txt");
    }
}

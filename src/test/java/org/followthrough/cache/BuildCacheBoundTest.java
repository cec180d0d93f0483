package org.followthrough.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.followthrough.render.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache stays within its bound across builds, though a build walks it only when the tally of
 * what it holds says the bound could be passed: the entries used longest ago go first.
 */
class BuildCacheBoundTest {

    @TempDir
    Path folder;

    @Test
    void buildsThatAddEntriesBeyondTheBoundLeaveTheCacheWithinItNewestFirst() throws IOException {
        for (int build = 0; build < 5; build++) {
            BuildCache cache = BuildCache.in(folder, 2_500);
            for (int entry = 0; entry < 2; entry++) {
                cache.put(key(build, entry), new byte[500]);
            }
            cache.trim();
            assertThat(entriesSize()).as("after build %d", build).isLessThanOrEqualTo(2_500);
        }
        BuildCache cache = BuildCache.in(folder, 2_500);
        assertThat(cache.find(key(4, 1))).as("an entry of the last build").isPresent();
        assertThat(cache.find(key(0, 0))).as("an entry of the first build").isEmpty();
    }

    /** A cache trimmed is left with room, so that the builds after it, each adding a little, remove nothing. */
    @Test
    void aTrimmedCacheKeepsWhatTheNextSmallBuildsAdd() throws IOException {
        for (int entry = 0; entry < 12; entry++) {
            BuildCache.in(folder, 5_000).put(key(0, entry), new byte[500]);
        }
        assertThat(BuildCache.in(folder, 5_000).trim()).isPositive();
        assertThat(entriesSize()).isLessThanOrEqualTo(4_500);

        for (int build = 1; build <= 3; build++) {
            BuildCache cache = BuildCache.in(folder, 5_000);
            cache.put(key(build, 0), new byte[100]);
            assertThat(cache.trim()).as("bytes removed by build %d", build).isZero();
        }
    }

    @Test
    void aCacheBelowItsBoundKeepsEveryEntry() throws IOException {
        for (int build = 0; build < 3; build++) {
            BuildCache cache = BuildCache.in(folder, 10_000);
            cache.put(key(build, 0), new byte[500]);
            cache.trim();
        }
        assertThat(entriesSize()).as("three entries of 500 bytes, each with its check").isEqualTo(3 * (500 + BuildCache.TRAILER));
    }

    /**
     * A build that needs more than the bound (a large archive's first build) keeps all it wrote, and the next build
     * finds all it uses: trimming removes only what the trimming build did not use. The cache is walked again only
     * once it grows by a tenth of the bound past what the first build needed.
     */
    @Test
    void entriesTheTrimmingBuildUsedOrWroteAreKeptThoughTheyPassTheBound() throws IOException {
        BuildCache first = BuildCache.in(folder, 2_500);
        for (int entry = 0; entry < 8; entry++) {
            first.put(key(0, entry), new byte[500]);
        }
        assertThat(first.trim()).as("bytes removed by the build that wrote them").isZero();

        BuildCache second = BuildCache.in(folder, 2_500);
        for (int entry = 0; entry < 6; entry++) {
            assertThat(second.find(key(0, entry))).as("entry %d, used by the second build", entry).isPresent();
        }
        second.put(key(1, 0), new byte[500]);
        assertThat(second.trim()).as("bytes removed by the second build").isEqualTo(2 * (500 + BuildCache.TRAILER));

        BuildCache third = BuildCache.in(folder, 2_500);
        for (int entry = 0; entry < 6; entry++) {
            assertThat(third.find(key(0, entry))).as("entry %d, used by the second build", entry).isPresent();
        }
        assertThat(third.find(key(0, 6))).as("an entry the second build did not use").isEmpty();
        assertThat(third.find(key(0, 7))).as("an entry the second build did not use").isEmpty();
        assertThat(third.find(key(1, 0))).as("the entry the second build wrote").isPresent();
    }

    private static String key(int build, int entry) {
        return Fingerprint.of(build, entry);
    }

    private long entriesSize() throws IOException {
        try (Stream<Path> files = Files.walk(folder.resolve("objects"))) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}

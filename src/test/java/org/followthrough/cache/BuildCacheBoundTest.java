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

    private static String key(int build, int entry) {
        return Fingerprint.of(build, entry);
    }

    private long entriesSize() throws IOException {
        try (Stream<Path> files = Files.walk(folder.resolve("objects"))) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}

package org.followthrough.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.followthrough.cache.BuildCache;
import org.followthrough.problem.Problem;
import org.followthrough.support.Folders;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache removes its oldest entries as it grows, so {@code --cache} is held to what {@code --out} is: a build
 * refuses a cache folder holding files that are not the cache's, or lying in, over or as the content, the templates
 * or the output folder, and writes nothing; a cache deletes, when it trims, only files it wrote. Real builds, real folders.
 */
class CacheFolderTest {

    @TempDir
    Path temp;

    private Path content;

    @BeforeEach
    void content() throws IOException {
        content = TestBuilds.twoPlans(temp.resolve("content"));
    }

    private BuildResult build(Path cache) {
        return Pipeline.build(TestBuilds.request(content, temp.resolve("site")).withCache(cache));
    }

    @Test
    void aFolderOfSomeoneElsesFilesIsRefusedAndLeftAsItWas() throws IOException {
        Path mine = temp.resolve("mine");
        Files.createDirectories(mine.resolve("plans/notes"));
        Files.writeString(mine.resolve("plans/notes/important.txt"), "keep me");
        Files.createDirectories(mine.resolve("objects/photos"));
        Files.writeString(mine.resolve("objects/photos/holiday.jpg"), "a photo");
        Files.writeString(mine.resolve("size"), "mine");
        var before = Folders.contents(mine);

        BuildResult result = build(mine);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.problems()).singleElement().extracting(Problem::format).asString()
                .startsWith(mine + ": the cache folder holds files that are not the build cache's (objects/photos, plans/notes)")
                .contains("give --cache a new or empty folder");
        assertThat(Folders.contents(mine)).isEqualTo(before);
        assertThat(temp.resolve("site")).doesNotExist();
    }

    @Test
    void anotherProgramsTaggedCacheIsRefusedAndLeftAsItWas() throws IOException {
        // the tag's signature is every tagging program's: a compiler's cache carries it too
        Path theirs = temp.resolve("ccache");
        Files.createDirectories(theirs.resolve("0/1"));
        Files.writeString(theirs.resolve("CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n"
                + "# This file is a cache directory tag created by ccache.\n");
        Files.writeString(theirs.resolve("ccache.conf"), "max_size = 5G\n");
        Files.writeString(theirs.resolve("0/1/stats"), "0 0 0\n");
        var before = Folders.contents(theirs);

        BuildResult result = build(theirs);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.problems()).singleElement().extracting(Problem::format).asString()
                .startsWith(theirs + ": the cache folder holds files that are not the build cache's (0, ccache.conf)");
        assertThat(Folders.contents(theirs)).isEqualTo(before);
        assertThat(temp.resolve("site")).doesNotExist();
    }

    @Test
    void aFolderHoldingOnlyAnotherProgramsTagIsTakenAndTaggedAsOurs() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("tagged"));
        Files.writeString(empty.resolve("CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n# made by another program\n");

        assertThat(build(empty).succeeded()).isTrue();

        // so that check and serve, which read only a cache tagged as ours, read it
        assertThat(empty.resolve("CACHEDIR.TAG")).content().contains("Followthrough's build cache");
    }

    @Test
    void theContentTemplatesOrOutputFolderIsRefusedAsACache() throws IOException {
        var before = Folders.contents(content);
        for (Path cache : new Path[] {content, content.resolve("cache"), temp, temp.resolve("site"), temp.resolve("site/cache")}) {
            BuildResult result = build(cache);
            assertThat(result.succeeded()).as("%s", cache).isFalse();
            assertThat(result.problems()).as("%s", cache).singleElement().extracting(Problem::message).asString()
                    .startsWith("the cache folder ").containsAnyOf("content folder", "output folder");
        }
        assertThat(Folders.contents(content)).isEqualTo(before);
        assertThat(temp.resolve("site")).doesNotExist();
        Files.writeString(temp.resolve("README.md"), "a file");
        assertThat(build(temp.resolve("README.md")).problems()).singleElement().extracting(Problem::message).asString()
                .isEqualTo("the cache folder is a file, not a folder");
    }

    @Test
    void aCacheIsTaggedWithItsFirstEntryAndAnUntaggedFolderHoldingOnlyACacheIsStillOne() throws IOException {
        Path cache = temp.resolve("cache");
        assertThat(build(cache).succeeded()).isTrue();
        assertThat(cache.resolve("CACHEDIR.TAG")).content().startsWith("Signature: 8a477f597d28d172789f06886806bc55\n");

        Files.delete(cache.resolve("CACHEDIR.TAG"));
        BuildResult again = build(cache);

        assertThat(again.succeeded()).as("%s", again.problems()).isTrue();
        assertThat(again.filesFromCache()).as("every file from the cache").isEqualTo(again.filesWritten());
    }

    @Test
    void trimmingRemovesOnlyTheCachesOwnEntries() throws IOException {
        Path cache = temp.resolve("cache");
        assertThat(build(cache).succeeded()).isTrue();
        // files put inside the cache's own areas after it was claimed, one of them large enough to pass the bound
        Path stray = Files.writeString(Files.createDirectories(cache.resolve("objects/ab")).resolve("holiday.jpg"), "a photo");
        Path large = Files.createDirectories(cache.resolve("plans/cd")).resolve("video.mkv");
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 * 1024);
        }

        long removed = BuildCache.in(cache, 1024).trim();

        assertThat(removed).isPositive();
        assertThat(stray).hasContent("a photo");
        assertThat(large).exists();
        try (var entries = Files.walk(cache.resolve("objects"), 2)) {
            long left = entries.filter(Files::isRegularFile).filter(p -> !p.equals(stray)).mapToLong(p -> p.toFile().length()).sum();
            assertThat(left).as("the cache's own entries left, trimmed to nine tenths of the bound").isLessThanOrEqualTo(1024 - 1024 / 10);
        }
    }
}

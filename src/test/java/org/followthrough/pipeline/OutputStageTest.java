package org.followthrough.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.followthrough.cache.BuildCache;
import org.followthrough.guard.OutputGuard;
import org.followthrough.guard.ProtectedNames;
import org.followthrough.output.OutputFolder;
import org.followthrough.output.StagedDirectoryPublisher;
import org.followthrough.problem.Problems;
import org.followthrough.render.Output;
import org.followthrough.support.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit (a plan's pages and downloads) that an earlier build published whole from the same unit key is
 * kept whole: its files are kept from the site being replaced without their fingerprints being worked out
 * again. Whatever does not match what was published (another unit key, other files, a file changed in the
 * site) is made or kept file by file, as any output is; a file the site lacks comes from the pack the cache keeps of
 * the unit's files. Real stages publishing into real folders.
 */
class OutputStageTest {

    @TempDir
    Path temp;

    private final AtomicInteger fingerprintsWorkedOut = new AtomicInteger();
    private final AtomicInteger made = new AtomicInteger();

    /** A plan's unit of three files, one of them a calendar with no dates (not published), each fingerprinted from {@code text}. */
    private List<Output> unit(String text) {
        return List.of(output("plans/a/index.html", text), output("plans/a/plan.json", text),
                new Output("plans/a/targets.ics", "plan:a", Output.Kind.DOWNLOAD, counted("ics " + text), List.of(), context -> null));
    }

    private Output output(String path, String text) {
        return Output.of(path, "plan:a", Output.Kind.PAGE, counted(path + " " + text), context -> {
            made.incrementAndGet();
            return (path + ": " + text).getBytes(StandardCharsets.UTF_8);
        });
    }

    private Supplier<String> counted(String fingerprint) {
        return () -> {
            fingerprintsWorkedOut.incrementAndGet();
            return fingerprint;
        };
    }

    /** Publishes the outputs into site/, with the cache in cache/, as a build does. */
    private OutputStage.Counts publish(List<Output> outputs, String unitKey) throws IOException {
        return publish(outputs, unitKey, BuildCache.in(temp.resolve("cache")));
    }

    /** Publishes as a build does, trimming the cache once the site is in place. */
    private OutputStage.Counts publish(List<Output> outputs, String unitKey, BuildCache cache) throws IOException {
        fingerprintsWorkedOut.set(0);
        made.set(0);
        Problems problems = new Problems();
        OutputFolder folder = OutputFolder.claim(temp.resolve("site"), temp.resolve("content"), null, problems).orElseThrow();
        OutputGuard guard = new OutputGuard(ProtectedNames.NONE, "");
        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(folder, cache.manifestFor(folder.path()))) {
            OutputStage stage = new OutputStage(cache, publisher, "", true, name -> name, guard, problems, BuildProgress.NONE);
            OutputStage.Counts counts = stage.run(outputs, Map.of("plan:a", unitKey));
            assertThat(problems.sorted()).isEmpty();
            publisher.commit();
            cache.trim();
            return counts;
        }
    }

    @Test
    void aUnitPublishedWholeFromTheSameKeyIsKeptWholeWithoutWorkingOutItsFingerprints() throws IOException {
        publish(unit("first"), "unit 1");
        Map<String, String> published = Folders.contents(temp.resolve("site"));
        assertThat(fingerprintsWorkedOut).hasValue(3);

        OutputStage.Counts again = publish(unit("first"), "unit 1");

        assertThat(fingerprintsWorkedOut).as("fingerprints worked out").hasValue(0);
        assertThat(made).hasValue(0);
        assertThat(again.published()).isEqualTo(2);
        assertThat(again.fromCache()).isEqualTo(2);
        assertThat(Folders.contents(temp.resolve("site"))).isEqualTo(published).doesNotContainKey("plans/a/targets.ics");
    }

    @Test
    void anotherUnitKeyWorksOutEachFingerprintAndMakesWhatChanged() throws IOException {
        publish(unit("first"), "unit 1");

        publish(unit("second"), "unit 2");

        assertThat(fingerprintsWorkedOut).hasValue(3);
        assertThat(made).hasValue(2);
        assertThat(Folders.contents(temp.resolve("site"))).containsEntry("plans/a/index.html", "plans/a/index.html: second");
    }

    @Test
    void aUnitWithOtherFilesThanThoseRecordedIsDecidedFileByFile() throws IOException {
        publish(unit("first"), "unit 1");
        List<Output> more = new java.util.ArrayList<>(unit("first"));
        more.add(output("plans/a/history/index.html", "first"));

        publish(more, "unit 1");

        assertThat(fingerprintsWorkedOut).hasValue(4);
        assertThat(made).as("only the new file is made; the others are kept by their fingerprints").hasValue(1);
        assertThat(Folders.contents(temp.resolve("site"))).containsKeys("plans/a/index.html", "plans/a/history/index.html");
    }

    @Test
    void aFileOfTheUnitChangedInThePublishedSiteIsPublishedAgainAsItWasMadeFromTheUnitsPack() throws IOException {
        publish(unit("first"), "unit 1");
        Files.writeString(temp.resolve("site/plans/a/plan.json"), "changed by hand, and longer than it was");

        OutputStage.Counts again = publish(unit("first"), "unit 1");

        assertThat(fingerprintsWorkedOut).as("the unit is still kept by its record").hasValue(0);
        assertThat(made).hasValue(0);
        assertThat(again.fromCache()).as("the changed file from the unit's pack in the cache, the other kept").isEqualTo(2);
        assertThat(Folders.contents(temp.resolve("site"))).containsEntry("plans/a/plan.json", "plans/a/plan.json: first");
    }

    /** Without the pack (trimmed from the cache, say), a file the site lacks is made again, by the fingerprint the record lists. */
    @Test
    void aFileTheSiteLacksIsMadeAgainWhenTheUnitsPackIsGone() throws IOException {
        publish(unit("first"), "unit 1");
        try (java.util.stream.Stream<Path> entries = Files.walk(temp.resolve("cache/objects"))) {
            for (Path entry : entries.filter(Files::isRegularFile).toList()) {
                if (Files.readString(entry, StandardCharsets.ISO_8859_1).startsWith("followthrough-unit-pack")) {
                    Files.delete(entry);
                }
            }
        }
        Files.delete(temp.resolve("site/plans/a/plan.json"));

        OutputStage.Counts again = publish(unit("first"), "unit 1");

        assertThat(fingerprintsWorkedOut).hasValue(0);
        assertThat(made).as("only the file the site lacks").hasValue(1);
        assertThat(again.fromCache()).isEqualTo(1);
        assertThat(Folders.contents(temp.resolve("site"))).containsEntry("plans/a/plan.json", "plans/a/plan.json: first");
    }

    /**
     * A unit kept from the site relies on its record and its pack without reading the pack, and a cache over its bound
     * keeps both: a build into a folder without the unit's files (a site deleted) then takes them from the pack.
     */
    @Test
    void aUnitKeptFromTheSiteKeepsItsRecordAndPackWhenTheCacheIsTrimmed() throws IOException {
        publish(unit("first"), "unit 1");
        // a bound every entry passes: trimming removes whatever the build did not use
        publish(unit("first"), "unit 1", BuildCache.in(temp.resolve("cache"), 1));
        Folders.delete(temp.resolve("site"));

        OutputStage.Counts again = publish(unit("first"), "unit 1");

        assertThat(fingerprintsWorkedOut).as("kept by its record").hasValue(0);
        assertThat(made).as("files made").hasValue(0);
        assertThat(again.fromCache()).isEqualTo(2);
    }
    /**
     * A file that cannot be made or written (the disk full) stops the build: the other units stop after the file each is
     * making, and the stage gives up only once nothing is writing any more, so that the staging folder the build then
     * removes is not made again, nor left half removed, by a file written into it afterwards.
     */
    @Test
    void aFailedFileStopsEveryUnitAndNothingIsWrittenOnceTheStageHasGivenUp() throws IOException {
        java.util.concurrent.atomic.AtomicBoolean gaveUp = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicInteger madeAfter = new AtomicInteger();
        List<Output> outputs = new java.util.ArrayList<>();
        for (int u = 0; u < 40; u++) {
            for (int f = 0; f < 5; f++) {
                String path = "plans/p" + u + "/f" + f + ".html";
                boolean fails = u == 3 && f == 2;
                outputs.add(Output.of(path, "plan:p" + u, Output.Kind.PAGE, () -> path, context -> {
                    if (fails) {
                        throw new java.io.UncheckedIOException(new IOException("No space left on device"));
                    }
                    long until = System.nanoTime() + 5_000_000;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    if (gaveUp.get()) {
                        madeAfter.incrementAndGet();
                    }
                    return path.getBytes(StandardCharsets.UTF_8);
                }));
            }
        }
        Problems problems = new Problems();
        BuildCache cache = BuildCache.in(temp.resolve("cache"));
        OutputFolder folder = OutputFolder.claim(temp.resolve("site"), temp.resolve("content"), null, problems).orElseThrow();
        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(folder, cache.manifestFor(folder.path()))) {
            OutputStage stage = new OutputStage(cache, publisher, "", true, name -> name, new OutputGuard(ProtectedNames.NONE, ""),
                    problems, BuildProgress.NONE);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> stage.run(outputs, Map.of()))
                    .hasMessageContaining("No space left on device");
            gaveUp.set(true);
        }
        sleep(100); // time enough for a unit that had not stopped to make a file, and write it

        assertThat(madeAfter).as("files made after the stage gave up").hasValue(0);
        try (var left = Files.list(temp)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("the staging folder is removed").noneMatch(name -> name.contains("staging"));
        }
        assertThat(temp.resolve("site")).doesNotExist();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

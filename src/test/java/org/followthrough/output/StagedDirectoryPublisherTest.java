package org.followthrough.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.followthrough.problem.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging beside the output folder: the swap, what it refuses at the last moment, and what killed builds leave. */
class StagedDirectoryPublisherTest {

    @TempDir
    Path temp;

    private OutputFolder claim(Path out) {
        Problems problems = new Problems();
        OutputFolder folder = OutputFolder.claim(out, temp.resolve("content"), null, problems)
                .orElseThrow(() -> new AssertionError(problems.sorted()));
        return folder;
    }

    private Path publish(Path out, String text) throws IOException {
        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(claim(out))) {
            publisher.write("index.html", text);
            publisher.commit();
        }
        return out;
    }

    private String[] beside(Path out) throws IOException {
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            return siblings.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void refusesToReplaceASiteThatGainedAFileWhileTheNewOneWasBeingBuilt() throws IOException {
        Path site = publish(temp.resolve("site"), "first");

        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(claim(site))) {
            publisher.write("index.html", "second");
            refusedForGaining(publisher, site, "CNAME");
        }
        assertThat(site.resolve("index.html")).hasContent("first");
        assertThat(site.resolve("CNAME")).hasContent("plans.example");
        assertThat(beside(site)).containsExactly("site");
    }

    /** A build that keeps every file of the site as it is leaves the site in place, but not one that gained a file meanwhile. */
    @Test
    void refusesToKeepASiteInPlaceThatGainedAFileWhileTheSameSiteWasBeingBuilt() throws IOException {
        Path site = temp.resolve("site");
        Path manifest = temp.resolve("cache/site.tsv");
        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(claim(site), manifest)) {
            publisher.write("plans/a/index.html", "first".getBytes(java.nio.charset.StandardCharsets.UTF_8), "key-a");
            publisher.commit();
        }
        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(claim(site), manifest)) {
            assertThat(publisher.reuse("plans/a/index.html", "key-a")).isEqualTo(5);
            publisher.commit();
        }
        assertThat(site.resolve("plans/a/index.html")).hasContent("first");
        assertThat(beside(site)).containsExactly("cache", "site");

        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(claim(site), manifest)) {
            publisher.reuse("plans/a/index.html", "key-a");
            refusedForGaining(publisher, site, "plans/CNAME");
        }
        assertThat(site.resolve("plans/a/index.html")).hasContent("first");
        assertThat(site.resolve("plans/CNAME")).hasContent("plans.example");
    }

    /**
     * The marker a publisher reports is the one of the site it put in place, taken before the swap: a
     * build that replaced the site after it (two builds at once) leaves another, so the first build's
     * record can never vouch for the second build's site.
     */
    @Test
    void tellsTheMarkerOfTheSiteItPublishedNotOfTheOneInPlaceLater() throws IOException {
        Path site = temp.resolve("site");
        StagedDirectoryPublisher first = new StagedDirectoryPublisher(claim(site));
        first.write("index.html", "first");
        first.commit();
        assertThat(first.publishedMarker()).isEqualTo(OutputFolder.describeMarker(site));

        publish(site, "second");

        assertThat(OutputFolder.describeMarker(site)).isNotEqualTo(first.publishedMarker());
        first.close();
    }

    /** A site is intact while it holds exactly what its record lists, as published; a file changed, added or removed, it is not. */
    @Test
    void aSiteIsIntactOnlyWhileItHoldsExactlyWhatItsRecordLists() throws IOException {
        Path site = temp.resolve("site");
        Path manifest = temp.resolve("cache/site.tsv");
        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(claim(site), manifest)) {
            publisher.write("index.html", "home".getBytes(java.nio.charset.StandardCharsets.UTF_8), "key-home");
            publisher.write("plans/a/index.html", "plan".getBytes(java.nio.charset.StandardCharsets.UTF_8), "key-a");
            publisher.commit();
        }
        assertThat(StagedDirectoryPublisher.isIntact(claim(site), manifest)).isTrue();

        Files.writeString(site.resolve("plans/a/index.html"), "plan, edited");
        assertThat(StagedDirectoryPublisher.isIntact(claim(site), manifest)).as("a file changed by hand").isFalse();
        Files.writeString(site.resolve("plans/a/index.html"), "plan");
        Files.setLastModifiedTime(site.resolve("plans/a/index.html"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(StagedDirectoryPublisher.isIntact(claim(site), manifest)).as("the same bytes put back, from an old copy").isFalse();
        assertThat(StagedDirectoryPublisher.isIntact(claim(site), temp.resolve("cache/none.tsv"))).as("no record").isFalse();
    }

    /** Puts a file of someone else's in the site while a build runs: the build's commit must refuse to replace the site. */
    private static void refusedForGaining(StagedDirectoryPublisher publisher, Path site, String file) throws IOException {
        Files.writeString(site.resolve(file), "plans.example\n");

        assertThatThrownBy(publisher::commit).isInstanceOf(OutputFolder.Refused.class)
                .hasMessage("while the site was being built, the output folder holds files Followthrough did not publish: " + file);
    }

    @Test
    void keepsTheStagingFolderOfABuildThatIsStillRunning() throws IOException {
        Path site = temp.resolve("site");
        try (StagedDirectoryPublisher running = new StagedDirectoryPublisher(claim(site))) {
            running.write("index.html", "running");

            publish(site, "quick");

            assertThat(beside(site)).hasSize(2).contains("site");
            running.commit();
        }
        assertThat(site.resolve("index.html")).hasContent("running");
        assertThat(beside(site)).containsExactly("site");
    }

    @Test
    void removesAHalfDeletedOldSiteButNotAFolderThatOnlyHasOurName() throws IOException {
        Path site = publish(temp.resolve("site"), "first");
        Path old = temp.resolve(".site.old-123");
        Files.move(site, old);
        Files.delete(old.resolve("index.html"));
        Path lookalike = Files.createDirectories(temp.resolve(".site.old-456"));
        Files.writeString(lookalike.resolve("notes.txt"), "mine\n");

        StagedDirectoryPublisher.removeLeftovers(site);

        assertThat(old).doesNotExist();
        assertThat(lookalike.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aBuildThatDoesNotCommitLeavesNothingBehind() throws IOException {
        Path site = temp.resolve("site");
        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(claim(site))) {
            publisher.write("plans/a/index.html", "never published");
        }

        assertThat(beside(site)).isEmpty();
    }

    @Test
    void noPageMayTakeTheMarkersName() throws IOException {
        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(claim(temp.resolve("site")))) {
            assertThatThrownBy(() -> publisher.write(OutputFolder.MARKER, "index.html\n")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

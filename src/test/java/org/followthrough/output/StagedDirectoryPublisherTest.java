package org.followthrough.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.followthrough.problem.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging beside the output folder: the swap or the update in place, what it refuses at the last moment, and what killed builds leave. */
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
            publisher.write("plans/a/index.html", "first".getBytes(UTF_8), "key-a");
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
            publisher.write("index.html", "home".getBytes(UTF_8), "key-home");
            publisher.write("plans/a/index.html", "plan".getBytes(UTF_8), "key-a");
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

    /** Publishes files made afresh, each with its fingerprint (the text), recording them in {@code manifest}. */
    private void publishAll(Path site, Path manifest, String... files) throws IOException {
        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(claim(site), manifest)) {
            for (String file : files) {
                publisher.write(file, file.getBytes(UTF_8), file);
            }
            publisher.commit();
        }
    }

    /** Keeps files published by {@link #publishAll}, whose fingerprint is their path. */
    private static void keep(StagedDirectoryPublisher publisher, String... files) {
        for (String file : files) {
            assertThat(publisher.reuse(file, file)).isEqualTo(file.length());
        }
    }

    private static Object identity(Path path) throws IOException {
        return Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    /**
     * A build that keeps most of the site changes it in place: the files made afresh are moved in, the
     * kept ones are not touched, the files the new site no longer has go with the folders that held
     * only them, and the site is then exactly what the record and the marker list.
     */
    @Test
    void changesTheSiteInPlaceWhenItKeepsMostOfIt() throws IOException {
        Path site = temp.resolve("site");
        Path manifest = temp.resolve("cache/site.tsv");
        publishAll(site, manifest, "index.html", "plans/a/index.html", "plans/b/index.html", "plans/gone/index.html");
        Object folder = identity(site);
        Object kept = identity(site.resolve("plans/a/index.html"));

        try (StagedDirectoryPublisher publisher = updatingPlanB(site, manifest)) {
            publisher.write("plans/new/index.html", "new".getBytes(UTF_8), "new");
            publisher.commit();
        }

        assertThat(identity(site)).as("the same folder").isEqualTo(folder);
        assertThat(identity(site.resolve("plans/a/index.html"))).as("a kept file, untouched").isEqualTo(kept);
        assertThat(site.resolve("plans/b/index.html")).hasContent("b, updated");
        assertThat(site.resolve("plans/new/index.html")).hasContent("new");
        assertThat(site.resolve("plans/gone")).doesNotExist();
        assertThat(Files.getPosixFilePermissions(site.resolve("plans/new"))).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.getPosixFilePermissions(site.resolve("plans/new/index.html"))).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(claim(site).publishedFiles()).containsExactlyInAnyOrder("index.html", "plans/a/index.html", "plans/b/index.html",
                "plans/new/index.html");
        assertThat(StagedDirectoryPublisher.isIntact(claim(site), manifest)).as("the record describes the site").isTrue();
        assertThat(beside(site)).containsExactly("cache", "site");
    }

    /**
     * An update in place that cannot move one of its files in (here into a folder nobody may change: read-only to its
     * owner, or, for root, marked immutable) puts back what it had changed before: the file it had replaced, the folder and
     * file it had added, the marker's list. The site is then, file for file and byte for byte, the site it was.
     */
    @Test
    void anUpdateInPlaceThatFailsHalfwayLeavesTheSiteAsItWas() throws Exception {
        Path site = temp.resolve("site");
        Path manifest = temp.resolve("cache/site.tsv");
        publishAll(site, manifest, "index.html", "plans/a/index.html", "plans/b/index.html", "plans/c/index.html", "plans/d/index.html",
                "plans/gone/index.html", "plans/z/index.html");
        java.util.Map<String, String> before = contents(site);

        Path locked = site.resolve("plans/z");
        try (AutoCloseable unlock = unchangeable(locked); StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(claim(site), manifest)) {
            keep(publisher, "index.html", "plans/a/index.html", "plans/c/index.html", "plans/d/index.html");
            // moved in in this order: the new file (and its folder), then b, then z, which fails
            publisher.write("plans/new/index.html", "new".getBytes(UTF_8), "new");
            publisher.write("plans/b/index.html", "b, updated".getBytes(UTF_8), "b2");
            publisher.write("plans/z/index.html", "z, updated".getBytes(UTF_8), "z2");

            assertThatThrownBy(publisher::commit).isInstanceOf(IOException.class).isNotInstanceOf(OutputFolder.PartlyChanged.class);
        }

        assertThat(contents(site)).as("every file and folder of the site, with its bytes").isEqualTo(before);
        assertThat(beside(site)).as("nothing left beside the site but the cache").containsExactly("cache", "site");
    }

    /**
     * A failure at the last step of an update in place (the marker's new list, here into a site folder nobody may change) comes
     * after files were removed and their emptied folders with them: those are put back too, the folders as a published site's.
     */
    @Test
    void anUpdateInPlaceThatFailsAtItsLastStepPutsBackWhatItRemoved() throws Exception {
        Path site = temp.resolve("site");
        Path manifest = temp.resolve("cache/site.tsv");
        publishAll(site, manifest, "index.html", "plans/a/index.html", "plans/b/index.html", "plans/c/index.html", "plans/d/index.html",
                "plans/gone/index.html");
        java.util.Map<String, String> before = contents(site);

        try (AutoCloseable unlock = unchangeable(site); StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(claim(site), manifest)) {
            keep(publisher, "index.html", "plans/a/index.html", "plans/c/index.html", "plans/d/index.html");
            publisher.write("plans/b/index.html", "b, updated".getBytes(UTF_8), "b2");

            assertThatThrownBy(publisher::commit).isInstanceOf(IOException.class).isNotInstanceOf(OutputFolder.PartlyChanged.class);
        }

        assertThat(contents(site)).as("every file and folder of the site, with its bytes").isEqualTo(before);
        assertThat(Files.getPosixFilePermissions(site.resolve("plans/gone"))).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Every file and folder under {@code root}, by its path, with the file's text ("/" for a folder). */
    private static java.util.Map<String, String> contents(Path root) throws IOException {
        java.util.Map<String, String> all = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                all.put(root.relativize(path).toString(), Files.isDirectory(path) ? "/" : Files.readString(path, UTF_8));
            }
        }
        return all;
    }

    /**
     * Makes a folder one whose entries cannot change until the returned handle is closed: read-only, or, as root (whom no
     * mode stops), immutable with chattr, where the file system allows it.
     */
    private static AutoCloseable unchangeable(Path folder) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
            return () -> Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(chattr("+i", folder) == 0, "chattr +i works here (as root, no mode stops a change)");
        return () -> chattr("-i", folder);
    }

    private static int chattr(String flag, Path folder) throws Exception {
        try {
            Process p = new ProcessBuilder("chattr", flag, folder.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * An in-place update that neither adds nor removes a file leaves the marker listing the same files, but still another
     * marker: the record of an earlier build, which names the marker it left, no longer vouches for the site.
     */
    @Test
    void anInPlaceUpdateOfTheSameFilesLeavesAnotherMarker() throws IOException {
        Path site = temp.resolve("site");
        Path manifest = temp.resolve("cache/site.tsv");
        publishAll(site, manifest, "index.html", "plans/a/index.html", "plans/b/index.html");
        String before = OutputFolder.describeMarker(site);
        Object folder = identity(site);

        try (StagedDirectoryPublisher publisher = updatingPlanB(site, manifest)) {
            publisher.commit();
            assertThat(publisher.publishedMarker()).isNotEqualTo(before).isEqualTo(OutputFolder.describeMarker(site));
        }

        assertThat(identity(site)).as("updated in place").isEqualTo(folder);
        assertThat(site.resolve("plans/b/index.html")).hasContent("b, updated");
        assertThat(claim(site).publishedFiles()).containsExactlyInAnyOrder("index.html", "plans/a/index.html", "plans/b/index.html");
        assertThat(StagedDirectoryPublisher.isIntact(claim(site), manifest)).isTrue();
    }

    /** A build that makes most of the site afresh puts a whole new site in place of the old one. */
    @Test
    void replacesTheWholeSiteWhenMostOfItIsMadeAfresh() throws IOException {
        Path site = temp.resolve("site");
        Path manifest = temp.resolve("cache/site.tsv");
        publishAll(site, manifest, "index.html", "plans/a/index.html", "plans/b/index.html");
        Object folder = identity(site);

        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(claim(site), manifest)) {
            keep(publisher, "index.html");
            publisher.write("plans/a/index.html", "a, updated".getBytes(UTF_8), "a2");
            publisher.write("plans/b/index.html", "b, updated".getBytes(UTF_8), "b2");
            publisher.commit();
        }

        assertThat(identity(site)).as("a new folder").isNotEqualTo(folder);
        assertThat(site.resolve("plans/a/index.html")).hasContent("a, updated");
        assertThat(site.resolve("index.html")).hasContent("index.html");
        assertThat(StagedDirectoryPublisher.isIntact(claim(site), manifest)).isTrue();
        assertThat(beside(site)).containsExactly("cache", "site");
    }

    /** A kept file changed by hand while the build ran fails the build, and the site is left as it was. */
    @Test
    void leavesTheSiteAsItWasWhenAKeptFileChangedDuringTheBuild() throws IOException {
        Path site = temp.resolve("site");
        Path manifest = temp.resolve("cache/site.tsv");
        publishAll(site, manifest, "index.html", "plans/a/index.html", "plans/b/index.html");

        try (StagedDirectoryPublisher publisher = updatingPlanB(site, manifest)) {
            Files.writeString(site.resolve("plans/a/index.html"), "edited by hand");

            assertThatThrownBy(publisher::commit).hasMessage(
                    "a file of the site being replaced changed while the site was being built: plans/a/index.html")
                    .isInstanceOfSatisfying(OutputFolder.Refused.class, refused -> assertThat(refused.hint()).contains("build again"));
        }
        assertThat(site.resolve("plans/b/index.html")).hasContent("plans/b/index.html");
        assertThat(site.resolve("plans/a/index.html")).hasContent("edited by hand");
        assertThat(beside(site)).containsExactly("cache", "site");
    }

    /**
     * A site whose folders were last changed long before the build began, as after any build but a moment ago: the
     * check before it is changed in place does not list a folder the look listed unless it changed since, yet a file
     * put in one of them during the build still fails the build.
     */
    @Test
    void refusesAFileAddedDuringTheBuildToAFolderLastChangedLongBefore() throws IOException {
        Path site = temp.resolve("site");
        Path manifest = temp.resolve("cache/site.tsv");
        publishAll(site, manifest, "index.html", "plans/a/index.html", "plans/b/index.html");
        lastChangedAnHourAgo(site, "", "plans", "plans/a", "plans/b");

        try (StagedDirectoryPublisher publisher = updatingPlanB(site, manifest)) {
            refusedForGaining(publisher, site, "plans/a/CNAME");
        }
        assertThat(site.resolve("plans/b/index.html")).hasContent("plans/b/index.html");
        assertThat(beside(site)).containsExactly("cache", "site");

        Files.delete(site.resolve("plans/a/CNAME"));
        lastChangedAnHourAgo(site, "plans/a");
        try (StagedDirectoryPublisher publisher = updatingPlanB(site, manifest)) {
            publisher.commit();
        }
        assertThat(site.resolve("plans/b/index.html")).hasContent("b, updated");
        assertThat(StagedDirectoryPublisher.isIntact(claim(site), manifest)).isTrue();
    }

    /** A kept file removed by hand while the build ran fails the build too: the site would list a file it does not have. */
    @Test
    void leavesTheSiteAsItWasWhenAKeptFileWasRemovedDuringTheBuild() throws IOException {
        Path site = temp.resolve("site");
        Path manifest = temp.resolve("cache/site.tsv");
        publishAll(site, manifest, "index.html", "plans/a/index.html", "plans/b/index.html");
        lastChangedAnHourAgo(site, "", "plans", "plans/a", "plans/b");

        try (StagedDirectoryPublisher publisher = updatingPlanB(site, manifest)) {
            Files.delete(site.resolve("plans/a/index.html"));

            assertThatThrownBy(publisher::commit).hasMessage(
                    "a file of the site being replaced changed while the site was being built: plans/a/index.html");
        }
        assertThat(site.resolve("plans/b/index.html")).hasContent("plans/b/index.html");
        assertThat(beside(site)).containsExactly("cache", "site");
    }

    /**
     * A build of a site {@link #publishAll} published with a home page and plans a and b: it keeps the home page and plan a,
     * and makes plan b afresh, so that it changes the site in place.
     */
    private StagedDirectoryPublisher updatingPlanB(Path site, Path manifest) throws IOException {
        StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(claim(site), manifest);
        keep(publisher, "index.html", "plans/a/index.html");
        publisher.write("plans/b/index.html", "b, updated".getBytes(UTF_8), "b2");
        return publisher;
    }

    /** Sets the folders' last modification time an hour back, as if the last build had been an hour ago. */
    private static void lastChangedAnHourAgo(Path site, String... folders) throws IOException {
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
        for (String folder : folders) {
            Files.setLastModifiedTime(folder.isEmpty() ? site : site.resolve(folder), hourAgo);
        }
    }

    /**
     * Two builds at once, both keeping most of the site: the one that finishes last puts its site in
     * place whole, over the first one's, and its record describes it.
     */
    @Test
    void twoBuildsAtOnceLeaveTheSiteOfTheLastWhole() throws IOException {
        Path site = temp.resolve("site");
        Path manifest = temp.resolve("cache/site.tsv");
        publishAll(site, manifest, "index.html", "plans/a/index.html", "plans/b/index.html");

        try (StagedDirectoryPublisher first = new StagedDirectoryPublisher(claim(site), manifest);
             StagedDirectoryPublisher second = new StagedDirectoryPublisher(claim(site), manifest)) {
            keep(first, "index.html", "plans/a/index.html");
            keep(second, "index.html", "plans/a/index.html");
            first.write("plans/b/index.html", "first".getBytes(UTF_8), "first");
            second.write("plans/b/index.html", "second".getBytes(UTF_8), "second");
            second.write("plans/c/index.html", "second".getBytes(UTF_8), "second");
            first.commit();
            second.commit();
        }

        assertThat(site.resolve("plans/b/index.html")).hasContent("second");
        assertThat(site.resolve("plans/c/index.html")).hasContent("second");
        assertThat(claim(site).publishedFiles()).containsExactlyInAnyOrder("index.html", "plans/a/index.html", "plans/b/index.html",
                "plans/c/index.html");
        assertThat(StagedDirectoryPublisher.isIntact(claim(site), manifest)).isTrue();
    }

    /**
     * Two builds of one site committing at the same moment, on two threads, many times over: each time the site is
     * afterwards exactly one of the two, whole (never some files of each), its marker and record say so, and a build
     * that did not win either published first or failed with an I/O error, leaving the other's site.
     */
    @Test
    void twoBuildsCommittingAtTheSameMomentLeaveOneOfTheirSitesWhole() throws Exception {
        Path site = temp.resolve("site");
        Path manifest = temp.resolve("cache/site.tsv");
        publishAll(site, manifest, "index.html", "plans/a/index.html", "plans/b/index.html");
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                StagedDirectoryPublisher first = new StagedDirectoryPublisher(claim(site), manifest);
                StagedDirectoryPublisher second = new StagedDirectoryPublisher(claim(site), manifest);
                keep(first, "index.html", "plans/a/index.html");
                keep(second, "index.html", "plans/a/index.html");
                first.write("plans/b/index.html", ("first " + round).getBytes(UTF_8), "first " + round);
                first.write("plans/d/index.html", ("first " + round).getBytes(UTF_8), "first " + round);
                second.write("plans/b/index.html", ("second " + round).getBytes(UTF_8), "second " + round);
                second.write("plans/c/index.html", ("second " + round).getBytes(UTF_8), "second " + round);
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.Future<Boolean> one = threads.submit(() -> commitTogether(first, together));
                java.util.concurrent.Future<Boolean> two = threads.submit(() -> commitTogether(second, together));
                boolean firstCommitted = one.get();
                boolean secondCommitted = two.get();
                first.close();
                second.close();

                assertThat(firstCommitted || secondCommitted).as("round %d: one of the builds published", round).isTrue();
                Set<String> files = claim(site).publishedFiles();
                String winner = files.contains("plans/c/index.html") ? "second" : "first";
                String other = winner.equals("first") ? "plans/c/index.html" : "plans/d/index.html";
                String own = winner.equals("first") ? "plans/d/index.html" : "plans/c/index.html";
                assertThat(files).as("round %d", round).containsExactlyInAnyOrder("index.html", "plans/a/index.html", "plans/b/index.html", own);
                assertThat(site.resolve("plans/b/index.html")).as("round %d", round).hasContent(winner + " " + round);
                assertThat(site.resolve(own)).hasContent(winner + " " + round);
                assertThat(site.resolve(other)).as("round %d: nothing of the other build", round).doesNotExist();
                assertThat(StagedDirectoryPublisher.isIntact(claim(site), manifest)).as("round %d", round).isTrue();
                assertThat(beside(site)).as("round %d: no staging folder left", round).containsExactly("cache", "site");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Commits once the other build is ready to as well; false when the commit failed with an I/O error. */
    private static boolean commitTogether(StagedDirectoryPublisher publisher, java.util.concurrent.CyclicBarrier together) throws Exception {
        together.await();
        try {
            publisher.commit();
            return true;
        } catch (IOException e) {
            return false;
        }
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

    /** A folder named as an old site, with a marker, that holds files the marker does not list is someone's: left alone. */
    @Test
    void keepsAnOldSitesFolderThatHoldsFilesItsMarkerDoesNotList() throws IOException {
        Path site = publish(temp.resolve("site"), "first");
        Path lookalike = temp.resolve(".site.old-456");
        Files.createDirectories(lookalike.resolve("sub"));
        Files.copy(site.resolve(OutputFolder.MARKER), lookalike.resolve(OutputFolder.MARKER));
        Files.writeString(lookalike.resolve("mine.txt"), "mine\n");
        Files.writeString(lookalike.resolve("sub/deep.txt"), "deep\n");

        StagedDirectoryPublisher.removeLeftovers(site);

        assertThat(lookalike.resolve("mine.txt")).hasContent("mine");
        assertThat(lookalike.resolve("sub/deep.txt")).hasContent("deep");
    }

    /** A build killed between moving the old site aside and the new one in leaves no site: the next build moves the old one back. */
    @Test
    void movesAWholeOldSiteBackWhereThereIsNoSite() throws IOException {
        Path site = publish(temp.resolve("site"), "first");
        Path old = temp.resolve(".site.old-789");
        Files.move(site, old);

        StagedDirectoryPublisher.removeLeftovers(site);

        assertThat(old).doesNotExist();
        assertThat(site.resolve("index.html")).hasContent("first");
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

package org.followthrough.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.followthrough.problem.Problem;
import org.followthrough.problem.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folders a build may replace: judged by real paths, before anything is written. */
class OutputFolderTest {

    @TempDir
    Path temp;

    private Path content() {
        return temp.resolve("content");
    }

    /** Claims {@code out} as a build from {@code workingDirectory} would, and returns the one problem, or null. */
    private Problem claim(Path out, Path workingDirectory) {
        Problems problems = new Problems();
        Optional<OutputFolder> folder = OutputFolder.claim(out, content(), temp.resolve("templates"), workingDirectory, problems);
        List<Problem> found = problems.sorted();
        assertThat(folder.isPresent()).as("claimed exactly when nothing is reported: " + found).isEqualTo(found.isEmpty());
        assertThat(found).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    private Problem claim(Path out) {
        return claim(out, temp);
    }

    @Test
    void acceptsAFolderThatDoesNotExistYet() {
        assertThat(claim(temp.resolve("site"))).isNull();
    }

    @Test
    void acceptsAnEmptyFolder() throws IOException {
        assertThat(claim(Files.createDirectories(temp.resolve("site")))).isNull();
    }

    @Test
    void acceptsASiteWhoseEveryFileAndFolderItListed() throws IOException {
        Path site = publishedSite("index.html", "sample-trust/plans/a/index.html");

        assertThat(claim(site)).isNull();
    }

    /** A site published by an earlier version, whose marker's first line said the build replaces all of it, is still one of ours. */
    @Test
    void acceptsASitePublishedByAnEarlierVersion() throws IOException {
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<p>\n");
        Files.writeString(site.resolve(OutputFolder.MARKER),
                "Followthrough published this folder and replaces all of it on each build; these are its files:\nindex.html\n");

        assertThat(claim(site)).isNull();
        Files.writeString(site.resolve("CNAME"), "plans.example\n");
        assertThat(claim(site).message()).isEqualTo("the output folder holds files Followthrough did not publish: CNAME");
    }

    /** A marker edited to list files outside the site (../x, /x) is not one a build wrote: the folder is refused, nothing outside touched. */
    @Test
    void refusesASiteWhoseMarkerListsAPathOutOfIt() throws IOException {
        Path victim = Files.writeString(temp.resolve("victim.txt"), "mine\n");
        for (String listed : List.of("../victim.txt", victim.toString(), "a/../../victim.txt", "./index.html", "a//b.html")) {
            Path site = publishedSite("index.html");
            Files.writeString(site.resolve(OutputFolder.MARKER), listed + "\n", java.nio.file.StandardOpenOption.APPEND);

            assertThat(claim(site)).as(listed).isNotNull().extracting(Problem::message).asString()
                    .startsWith("the output folder's .followthrough-site file is not as a build wrote it");
        }
        assertThat(victim).hasContent("mine");
    }

    /**
     * A file added to the site with its name added to the marker by hand (a CNAME, say) is not taken for one a build
     * published, which the next build would delete: the marker ends with a check of its list, which the added line breaks.
     */
    @Test
    void refusesASiteWhoseMarkerHadALineAddedByHand() throws IOException {
        Path site = publishedSite("index.html");
        Files.writeString(site.resolve("CNAME"), "plans.example\n");
        Files.writeString(site.resolve(OutputFolder.MARKER), "CNAME\n", java.nio.file.StandardOpenOption.APPEND);

        assertThat(claim(site)).isNotNull().extracting(Problem::message).asString()
                .startsWith("the output folder's .followthrough-site file is not as a build wrote it");
        assertThat(site.resolve("CNAME")).hasContent("plans.example");

        // nor with the line put among the others, before the check
        List<String> lines = new ArrayList<>(Files.readAllLines(site.resolve(OutputFolder.MARKER)));
        lines.remove(lines.size() - 1);
        lines.add(1, "CNAME");
        Files.write(site.resolve(OutputFolder.MARKER), lines);
        assertThat(claim(site)).isNotNull().extracting(Problem::message).asString()
                .startsWith("the output folder's .followthrough-site file is not as a build wrote it");
    }

    /** A site whose marker's line ends were made CRLF (a copy through Git on Windows) is still one a build published. */
    @Test
    void acceptsASiteWhoseMarkerHasWindowsLineEnds() throws IOException {
        Path site = publishedSite("index.html", "plans/a/index.html");
        Path marker = site.resolve(OutputFolder.MARKER);
        Files.writeString(marker, Files.readString(marker).replace("\n", "\r\n"));

        assertThat(claim(site)).isNull();
    }

    /** A marker whose first line was changed, or that is not text, is told as such, not as a folder without one. */
    @Test
    void refusesAFolderWhoseMarkerIsNotOneABuildWrote() throws IOException {
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve(OutputFolder.MARKER), "index.html\n");
        Files.writeString(site.resolve("index.html"), "<p>\n");
        Path binary = Files.createDirectories(temp.resolve("binary"));
        Files.write(binary.resolve(OutputFolder.MARKER), new byte[] {(byte) 0xC3, 0x28, 0x0A});
        Files.writeString(binary.resolve("index.html"), "<p>\n");

        for (Path folder : List.of(site, binary)) {
            Problem refused = claim(folder);
            assertThat(refused.message()).as(folder.toString()).startsWith("the output folder's .followthrough-site file is not as a build wrote it")
                    .doesNotContain("it has no");
            assertThat(refused.hint()).contains("put back that file as it was (or delete the folder)");
            assertThat(folder.resolve("index.html")).exists();
        }
    }

    @Test
    void refusesAnEmptyFolderThatAPublishedSiteDidNotList() throws IOException {
        Path site = publishedSite("index.html");
        Files.createDirectories(site.resolve(".well-known"));

        assertThat(claim(site).message()).isEqualTo("the output folder holds files Followthrough did not publish: .well-known/");
    }

    @Test
    void refusesALinkAPublishedSiteGainedInPlaceOfAFile() throws IOException {
        Path site = publishedSite("index.html", "data/plans.csv");
        Files.delete(site.resolve("data/plans.csv"));
        Files.createSymbolicLink(site.resolve("data/plans.csv"), temp.resolve("elsewhere.csv"));

        assertThat(claim(site).message()).isEqualTo("the output folder holds files Followthrough did not publish: data/plans.csv");
    }

    @Test
    void namesTheFirstFewForeignFilesAndCountsTheRest() throws IOException {
        Path site = publishedSite("index.html");
        for (int i = 10; i < 22; i++) {
            Files.writeString(site.resolve("extra-" + i + ".txt"), "mine\n");
        }

        assertThat(claim(site).message()).endsWith("extra-10.txt, extra-11.txt, extra-12.txt, extra-13.txt, extra-14.txt,"
                + " extra-15.txt, extra-16.txt, extra-17.txt and 4 more");
    }

    @Test
    void refusesTheRepositoryTheBuildRunsInFromAboveIt() throws IOException {
        Path outer = temp.resolve("outer");
        Path repository = Files.createDirectories(outer.resolve("plans-repo"));
        Files.createDirectories(repository.resolve(".git"));
        Path workingDirectory = Files.createDirectories(repository.resolve("docs"));

        assertThat(claim(outer, workingDirectory).message())
                .isEqualTo("the output folder holds the Git repository " + repository.toRealPath() + " this build runs in");
    }

    @Test
    void refusesAGitWorktreeWhoseGitIsAFile() throws IOException {
        Path worktree = Files.createDirectories(temp.resolve("worktree"));
        Files.writeString(worktree.resolve(".git"), "gitdir: /elsewhere/.git/worktrees/worktree\n");

        assertThat(claim(worktree).message()).isEqualTo("the output folder is a Git repository (it holds .git)");
    }

    @Test
    void refusesALinkToAFolderThatDoesNotExist() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("site"), temp.resolve("gone"));

        assertThat(claim(link).message()).isEqualTo("the output folder is a symbolic link to " + temp.resolve("gone") + ", which does not exist");
    }

    @Test
    void refusesTheRootOfTheFileSystem() {
        assertThat(claim(temp.getRoot()).message()).isEqualTo("the output folder is the root of the file system");
    }

    @Test
    void refusesATemplatesFolderThatDoesNotExistYet() {
        assertThat(claim(temp.resolve("templates")).message()).startsWith("the output folder is the templates folder");
    }

    @Test
    void judgesAFolderByItsRealPath() throws IOException {
        Files.createDirectories(content().resolve("plans"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), content().resolve("plans"));

        assertThat(claim(link.resolve("..")).message()).startsWith("the output folder is the content folder");
        assertThat(claim(temp.resolve("link/new-site")).message()).startsWith("the output folder is inside the content folder");
    }

    /** A marker that lists no files is still a marker: the folder is looked through, and what it holds is not ours. */
    @Test
    void refusesASiteWhoseMarkerListsNoFilesButThatHoldsSome() throws IOException {
        Path site = publishedSite();
        Files.writeString(site.resolve("notes.txt"), "mine\n");

        assertThat(claim(site).message()).isEqualTo("the output folder holds files Followthrough did not publish: notes.txt");
    }

    /** The folders a site needs for its files: every folder above each file, whatever order the files come in. */
    @Test
    void theFoldersOfFilesAreEveryFolderAboveEachOfThem() {
        List<String> files = List.of("plans/a/recommendations/1/index.html", "plans/a/index.html", "index.html", "plans/b/data/x.csv",
                "plans/a/recommendations/2/index.html", "organisations/o/index.html");

        Set<String> expected = Set.of("plans", "plans/a", "plans/a/recommendations", "plans/a/recommendations/1",
                "plans/a/recommendations/2", "plans/b", "plans/b/data", "organisations", "organisations/o");
        assertThat(OutputFolder.foldersOf(files)).isEqualTo(expected);
        List<String> reversed = new java.util.ArrayList<>(files);
        java.util.Collections.reverse(reversed);
        assertThat(OutputFolder.foldersOf(reversed)).isEqualTo(expected);
    }

    @Test
    void theMarkerIsTheSameForTheSameFilesInAnyOrder() {
        assertThat(OutputFolder.marker(List.of("b.html", "a/index.html"))).isEqualTo(OutputFolder.marker(List.of("a/index.html", "b.html")));
    }

    /**
     * A folder is taken to be as the look listed it only if it is the same folder, last changed at the same time, more
     * than two seconds before the look began (a change in the same tick of a coarse clock keeps the time), and on a file
     * system whose folder times this machine sets and shows as they are.
     */
    @Test
    void aFolderIsAsTheLookListedItOnlyIfItIsTheSameLastChangedAtTheSameTimeWellBeforeTheLook() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("site/plans"));
        java.time.Instant changed = java.time.Instant.parse("2026-11-30T10:00:00Z");
        Files.setLastModifiedTime(folder, java.nio.file.attribute.FileTime.from(changed));
        java.nio.file.attribute.BasicFileAttributes then = attributes(folder);
        OutputFolder.Look look = new OutputFolder.Look(java.util.Map.of(), java.util.Map.of("plans", then), changed.plusSeconds(60), true);

        assertThat(look.unchangedSince("plans", attributes(folder))).as("as it was").isTrue();
        assertThat(new OutputFolder.Look(java.util.Map.of(), java.util.Map.of("plans", then), changed.plusSeconds(1), true)
                .unchangedSince("plans", attributes(folder))).as("changed a second before the look began").isFalse();
        assertThat(new OutputFolder.Look(java.util.Map.of(), java.util.Map.of("plans", then), changed.plusSeconds(60), false)
                .unchangedSince("plans", attributes(folder))).as("on a file system that is not local").isFalse();
        assertThat(look.unchangedSince("other", attributes(folder))).as("a folder the look did not list").isFalse();

        Files.writeString(folder.resolve("CNAME"), "plans.example\n");
        assertThat(look.unchangedSince("plans", attributes(folder))).as("an entry added").isFalse();
        Files.delete(folder.resolve("CNAME"));
        Files.setLastModifiedTime(folder, java.nio.file.attribute.FileTime.from(changed));
        assertThat(look.unchangedSince("plans", attributes(folder))).as("the same time put back").isTrue();

        Path other = Files.createDirectories(temp.resolve("site/other"));
        Files.delete(folder);
        Files.move(other, folder);
        Files.setLastModifiedTime(folder, java.nio.file.attribute.FileTime.from(changed));
        assertThat(look.unchangedSince("plans", attributes(folder))).as("another folder moved into its place, with the same time").isFalse();
    }

    private static java.nio.file.attribute.BasicFileAttributes attributes(Path path) throws IOException {
        return Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** A folder as a build would have published it, with these files. */
    private Path publishedSite(String... files) throws IOException {
        Path site = Files.createDirectories(temp.resolve("site"));
        for (String file : files) {
            Files.createDirectories(site.resolve(file).getParent());
            Files.writeString(site.resolve(file), "<p>" + file + "</p>\n");
        }
        Files.write(site.resolve(OutputFolder.MARKER), OutputFolder.marker(List.of(files)));
        return site;
    }
}

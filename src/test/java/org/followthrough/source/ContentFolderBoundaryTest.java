package org.followthrough.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.problem.Problem;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing outside the content folder, or the site's own templates folder, is read: a symbolic link
 * that leads out of it is refused at its own path, and what it leads to appears nowhere, neither
 * in the site nor in the messages. A link that stays inside is read like any file. Loops, and
 * entries that cannot be read, are reported, never skipped. {@code check} finds all of it, as
 * {@code build} does. Each case copies the small fixture into a temporary folder and adds its
 * links there, because Git does not keep symbolic links reliably on every machine.
 */
class ContentFolderBoundaryTest {

    /** Text that must never reach the site or a message: it stands for whatever is on the build machine. */
    private static final String SECRET = "SECRET-ON-THE-BUILD-MACHINE-7f3a";

    @TempDir
    Path folder;
    Path content;
    Path outside;

    @BeforeEach
    void copyTheSmallFixture() throws IOException {
        content = TestBuilds.copy(TestBuilds.fixture("small"), folder.resolve("content"));
        outside = Files.createDirectories(folder.resolve("elsewhere"));
    }

    // ---------------------------------------------------------------------------------------
    // Links out of the content folder

    @Test
    void aSummaryLinkedToAFileOutsideTheContentIsRefusedAndItsTextAppearsNowhere() throws IOException {
        Files.writeString(outside.resolve("notes.md"), "The password is " + SECRET + ".\n", StandardCharsets.UTF_8);
        Path summary = content.resolve("plans/sample-review/summary.md");
        Files.delete(summary);
        Files.createSymbolicLink(summary, Path.of("../../../elsewhere/notes.md"));

        BuildResult check = check();
        MemoryPublisher site = new MemoryPublisher();
        BuildResult build = Pipeline.build(TestBuilds.request(content, null), site);

        Problem refused = onlyError(check);
        assertThat(refused.location().file()).isEqualTo(content.resolve("plans/sample-review/summary.md").toString());
        assertThat(refused.message()).startsWith("this is a symbolic link that leads outside the content folder, to "
                + outside.toRealPath().resolve("notes.md")).endsWith("nothing outside the content folder is read");
        assertThat(refused.hint()).isEqualTo("copy what it should hold into the content folder instead of linking to it");
        assertThat(build.succeeded()).as("the build").isFalse();
        assertThat(build.problems()).as("build and check agree").isEqualTo(check.problems());
        assertThat(site.files()).as("nothing is published").isEmpty();
        assertThat(formatted(check)).doesNotContain(SECRET);
    }

    @Test
    void aLogoLinkedToTheSystemPasswordFileIsRefused() throws IOException {
        Path passwords = Path.of("/etc/passwd");
        assumeTrue(Files.isRegularFile(passwords), "a Unix machine with /etc/passwd");
        giveSampleTrustALogo("assets/logos/sample.png");
        Files.createSymbolicLink(content.resolve("assets/logos/sample.png"), passwords);

        BuildResult check = check();

        assertThat(onlyError(check).format()).isEqualTo(content.resolve("assets/logos/sample.png")
                + ": this is a symbolic link that leads outside the content folder, to " + passwords.toRealPath()
                + "; nothing outside the content folder is read — copy what it should hold into the content folder instead of linking to it");
        assertThat(formatted(check)).as("no line of the password file").doesNotContain("root:");
    }

    @Test
    void aLinkThatStaysInsideTheContentIsReadLikeAnyFile() throws IOException {
        Path texts = Files.createDirectories(content.resolve("plans/sample-review/texts"));
        Files.move(content.resolve("plans/sample-review/summary.md"), texts.resolve("summary-2024.md"));
        Files.createSymbolicLink(content.resolve("plans/sample-review/summary.md"), Path.of("texts/summary-2024.md"));
        byte[] logo = svg("#00703c");
        Files.write(Files.createDirectories(content.resolve("assets/logos")).resolve("sample-2024.svg"), logo);
        Files.createSymbolicLink(content.resolve("assets/logos/sample.svg"), Path.of("sample-2024.svg"));
        giveSampleTrustALogo("assets/logos/sample.svg");

        MemoryPublisher site = buildSampleTrustsSite();

        assertThat(site.text("plans/sample-review/index.html")).contains("A person in the care of the <strong>trust</strong>");
        assertThat(site.files().get("assets/logo.svg")).isEqualTo(logo);
    }

    // ---------------------------------------------------------------------------------------
    // Loops, folders with a file's name, and entries that cannot be read

    @Test
    void aFolderOfLinksThatLoopsIsReportedNotWalkedForever() throws IOException {
        Path notes = Files.createDirectories(content.resolve("plans/sample-review/notes"));
        Files.createSymbolicLink(notes.resolve("again"), Path.of(".."));
        Files.createSymbolicLink(notes.resolve("one"), Path.of("two"));
        Files.createSymbolicLink(notes.resolve("two"), Path.of("one"));

        List<String> errors = errors(check());

        assertThat(errors).containsExactly(
                notes.resolve("again") + ": this folder is a symbolic link to " + content.resolve("plans/sample-review")
                        + ", a folder that holds it, so reading it would never end — remove the link",
                notes.resolve("one") + ": this symbolic link leads round a loop of links and never reaches a file or folder"
                        + " — remove the link, or make it lead to a file inside the content folder",
                notes.resolve("two") + ": this symbolic link leads round a loop of links and never reaches a file or folder"
                        + " — remove the link, or make it lead to a file inside the content folder");
    }

    /**
     * Folders one inside another are read 32 deep at most: a thousand once ended the command line's walk with the JVM's own
     * error and a thousand lines of its stack. Forty are enough to show where it stops.
     */
    @Test
    void foldersNestedDeeperThanTheFormatEverNeedsAreReportedAtTheFirstTooDeep() throws IOException {
        Path deep = content.resolve("plans/sample-review");
        for (int i = 0; i < 40; i++) {
            deep = deep.resolve("d");
        }
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("notes.yaml"), "a: 1\n", StandardCharsets.UTF_8);
        Path first = content.resolve("plans/sample-review" + "/d".repeat(31));

        BuildResult check = check();

        assertThat(errors(check)).containsExactly(first + ": this folder is inside 32 others in the content folder, more than the content"
                + " format ever needs; nothing in it is read — move what it should hold nearer the top of the content folder, or remove it");
        assertThat(Pipeline.build(TestBuilds.request(content, null), new MemoryPublisher()).problems()).as("build and check agree")
                .isEqualTo(check.problems());
    }

    @Test
    void aMazeOfLinksBetweenFoldersIsWalkedOnceForEachLink() throws IOException {
        int folders = 8;
        Path maze = Files.createDirectories(content.resolve("plans/sample-review/maze"));
        for (int i = 0; i < folders; i++) {
            Files.createDirectories(maze.resolve("d" + i));
        }
        for (int i = 0; i < folders; i++) {
            for (int j = 0; j < folders; j++) {
                if (i != j) {
                    Files.createSymbolicLink(maze.resolve("d" + i + "/to-" + j), Path.of("../d" + j));
                }
            }
        }

        // Followed along every path, 56 links would make millions of names; each leads back to a folder that holds it at most once.
        assertThat(errors(check())).isNotEmpty().hasSizeLessThanOrEqualTo(folders * (folders - 1))
                .allMatch(e -> e.contains("a folder that holds it, so reading it would never end"));
    }

    @Test
    void aLinkToNothingIsReported() throws IOException {
        Files.createSymbolicLink(content.resolve("plans/sample-review/recommendations/02.yaml"), Path.of("02-draft.yaml"));

        assertThat(errors(check())).containsExactly(content.resolve("plans/sample-review/recommendations/02.yaml")
                + ": this is a symbolic link to '02-draft.yaml', which does not exist"
                + " — remove the link, or make it lead to a file inside the content folder");
    }

    @Test
    void anEmptyFolderNamedLikeARecommendationFileIsReported() throws IOException {
        Files.createDirectories(content.resolve("plans/sample-review/recommendations/02.yaml"));

        assertThat(errors(check())).containsExactly(content.resolve("plans/sample-review/recommendations/02.yaml")
                + ": '02.yaml' is a folder, but a .yaml file was expected — put what it should hold in a file of that name, and remove the folder");
    }

    @Test
    void aFileThatCannotBeReadIsReported() throws IOException {
        Path file = content.resolve("plans/sample-review/recommendations/01.yaml");

        assertThat(errorsWhenUnreadable(file, "---------")).contains(file + ": the file cannot be read: permission denied"
                + " — make the file readable by whoever runs the build (chmod a+r)");
    }

    @Test
    void aFolderThatCannotBeListedIsReported() throws IOException {
        Path recommendations = content.resolve("plans/sample-review/recommendations");

        assertThat(errorsWhenUnreadable(recommendations, "-wx------")).contains(recommendations + ": the folder cannot be listed: permission denied"
                + " — make the folder readable by whoever runs the build (chmod a+rx)");
    }

    @Test
    void aFolderWhoseListingIsRefusedPartWayIsReportedNotAnInternalError() {
        // A folder the system opens, then refuses to go on listing: /proc/1/map_files, where the kernel keeps it from a container.
        Path refusing = Path.of("/proc/1/map_files");
        assumeTrue(refusesPartWay(refusing), "this machine lists " + refusing + " in full, or not at all");

        BuildResult check = Pipeline.check(new BuildRequest(refusing, null, null, TestBuilds.AS_OF, null, TestBuilds.CLOCK));

        assertThat(errors(check)).anySatisfy(error -> assertThat(error).startsWith(refusing + ": the folder cannot be listed: "));
    }

    private static boolean refusesPartWay(Path folder) {
        try (var stream = Files.newDirectoryStream(folder)) {
            stream.forEach(entry -> {
            });
            return false;
        } catch (java.nio.file.DirectoryIteratorException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The check's errors with an entry's permissions set; the permissions are put back so that the temporary folder can be deleted. */
    private List<String> errorsWhenUnreadable(Path entry, String permissions) throws IOException {
        var before = Files.getPosixFilePermissions(entry);
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString(permissions));
        try {
            // The superuser reads whatever the permissions say, so there is nothing to check when the tests run as root.
            assumeFalse(Files.isReadable(entry), "permissions are enforced for this user (they are not for root)");
            return errors(check());
        } finally {
            Files.setPosixFilePermissions(entry, before);
        }
    }

    @Test
    void anEntryThatIsNeitherFileNorFolderIsReportedWithoutBeingOpened() throws IOException {
        Path socket = content.resolve("plans/sample-review/notes.md");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));

            assertThat(errors(check())).containsExactly(socket + ": this is neither a file nor a folder (a named pipe, socket or device)"
                    + " — remove it from the content folder");
        }
    }

    // ---------------------------------------------------------------------------------------
    // The site's own templates

    @Test
    void templateOverridesThatLinkOutOfTheTemplatesFolderAreRefused() throws IOException {
        Files.writeString(outside.resolve("page.ftlh"), "<p>" + SECRET + "</p>", StandardCharsets.UTF_8);
        Files.writeString(outside.resolve("style.css"), "/* " + SECRET + " */", StandardCharsets.UTF_8);
        Path templates = Files.createDirectories(folder.resolve("templates/assets"));
        Files.createSymbolicLink(templates.resolveSibling("about.ftlh"), outside.resolve("page.ftlh"));
        Files.createSymbolicLink(templates.resolve("followthrough.css"), outside.resolve("style.css"));
        BuildRequest request = new BuildRequest(content, folder.resolve("templates"), null, TestBuilds.AS_OF, null, TestBuilds.CLOCK);

        BuildResult check = Pipeline.check(request);
        MemoryPublisher site = new MemoryPublisher();
        BuildResult build = Pipeline.build(request, site);

        assertThat(errors(check)).containsExactly(
                folder.resolve("templates/about.ftlh") + ": this is a symbolic link that leads outside the templates folder, to "
                        + outside.toRealPath().resolve("page.ftlh") + "; nothing outside the templates folder is read"
                        + " — copy what it should hold into the templates folder instead of linking to it",
                folder.resolve("templates/assets/followthrough.css") + ": this is a symbolic link that leads outside the templates folder, to "
                        + outside.toRealPath().resolve("style.css") + "; nothing outside the templates folder is read"
                        + " — copy what it should hold into the templates folder instead of linking to it");
        assertThat(build.problems()).as("build and check agree").isEqualTo(check.problems());
        assertThat(site.files()).as("nothing is published").isEmpty();
    }

    @Test
    void aTemplateOverrideLinkedInsideTheTemplatesFolderIsUsed() throws IOException {
        Path templates = Files.createDirectories(folder.resolve("templates/shared"));
        Files.writeString(templates.resolve("about.ftlh"), "<#import \"layout.ftlh\" as layout><@layout.frame><h1>Our own guide</h1></@layout.frame>");
        Files.createSymbolicLink(templates.resolveSibling("about.ftlh"), Path.of("shared/about.ftlh"));

        MemoryPublisher site = TestBuilds.buildInMemory(new BuildRequest(content, templates.getParent(), null, TestBuilds.AS_OF, null, TestBuilds.CLOCK));

        assertThat(site.text("about/index.html")).contains("<h1>Our own guide</h1>");
    }

    /**
     * A file meant to replace a built-in template but named in other capitals or with another extension replaces nothing,
     * and an empty template publishes empty pages: both are told, by check as by build. A template of the site's own,
     * included by its others, is not.
     */
    @Test
    void aTemplateThatReplacesNoBuiltInOneForItsNameOrIsEmptyIsTold() throws IOException {
        Path templates = Files.createDirectories(folder.resolve("templates"));
        Files.writeString(templates.resolve("Plan.ftlh"), "<p>ours</p>", StandardCharsets.UTF_8);
        Files.writeString(templates.resolve("home.ftl"), "<p>ours</p>", StandardCharsets.UTF_8);
        Files.writeString(templates.resolve("about.ftlh"), "\n", StandardCharsets.UTF_8);
        Files.writeString(templates.resolve("our-footer.ftlh"), "<p>ours</p>", StandardCharsets.UTF_8);
        BuildRequest request = new BuildRequest(content, templates, null, TestBuilds.AS_OF, null, TestBuilds.CLOCK);

        BuildResult check = Pipeline.check(request);
        BuildResult build = Pipeline.build(request, new MemoryPublisher());

        assertThat(check.problems().stream().map(Object::toString).toList()).containsExactly(
                templates.resolve("Plan.ftlh") + ": warning: this file replaces no built-in template, so the built-in plan.ftlh is used:"
                        + " names are told apart by their capitals and extension — name it plan.ftlh to replace the built-in one",
                templates.resolve("about.ftlh") + ": warning: the template is empty: every page made from it would be published empty"
                        + " — write the template, or delete the file to use the built-in one",
                templates.resolve("home.ftl") + ": warning: this file replaces no built-in template, so the built-in home.ftlh is used:"
                        + " names are told apart by their capitals and extension — name it home.ftlh to replace the built-in one");
        assertThat(build.problems()).as("build and check agree").isEqualTo(check.problems());
    }

    // ---------------------------------------------------------------------------------------
    // Logos are published as they are

    @Test
    void aSafeSvgLogoIsPublishedByteForByte() throws IOException {
        byte[] logo = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- Ærø -->\r\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 40\"><defs><linearGradient id=\"g\"/></defs>"
                + "<rect width=\"40\" height=\"40\" fill=\"url(#g)\"/><use href=\"#g\"/></svg>").getBytes(StandardCharsets.UTF_8);
        Files.write(Files.createDirectories(content.resolve("assets/logos")).resolve("sample.svg"), logo);
        giveSampleTrustALogo("assets/logos/sample.svg");

        assertThat(buildSampleTrustsSite().files().get("assets/logo.svg")).isEqualTo(logo);
    }

    @Test
    void aRealPngLogoIsPublishedByteForByte() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(80, 40, BufferedImage.TYPE_INT_RGB), "png", png);
        Files.write(Files.createDirectories(content.resolve("assets/logos")).resolve("sample.png"), png.toByteArray());
        giveSampleTrustALogo("assets/logos/sample.png");

        assertThat(buildSampleTrustsSite().files().get("assets/logo.png")).isEqualTo(png.toByteArray());
    }

    // ---------------------------------------------------------------------------------------

    private void giveSampleTrustALogo(String logo) throws IOException {
        Path file = content.resolve("organisations/sample-trust.yaml");
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).stripTrailing() + "\nlogo: " + logo + "\n", StandardCharsets.UTF_8);
        Files.createDirectories(content.resolve("assets/logos"));
    }

    private MemoryPublisher buildSampleTrustsSite() {
        MemoryPublisher site = new MemoryPublisher();
        BuildResult result = Pipeline.build(new BuildRequest(content, null, null, TestBuilds.AS_OF, null, TestBuilds.CLOCK,
                "sample-trust", false), site);
        assertThat(result.succeeded()).withFailMessage(() -> "the build failed:\n" + formatted(result)).isTrue();
        return site;
    }

    private static byte[] svg(String colour) {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\"><rect width=\"40\" height=\"40\" fill=\""
                + colour + "\"/></svg>\n").getBytes(StandardCharsets.UTF_8);
    }

    private BuildResult check() {
        return Pipeline.check(new BuildRequest(content, null, null, TestBuilds.AS_OF, null, TestBuilds.CLOCK));
    }

    private static Problem onlyError(BuildResult result) {
        List<Problem> errors = result.problems().stream().filter(Problem::isError).toList();
        assertThat(errors).as("errors of %s", formatted(result)).hasSize(1);
        return errors.get(0);
    }

    private static List<String> errors(BuildResult result) {
        assertThat(result.succeeded()).as("the check of content with a problem").isFalse();
        return result.problems().stream().filter(Problem::isError).map(Problem::format).toList();
    }

    private static String formatted(BuildResult result) {
        return result.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    }
}

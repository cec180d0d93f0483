package org.followthrough.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.problem.Problem;
import org.followthrough.problem.Problems;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;

/**
 * The second net, on the files a build makes: a PDF is read by its pages' text and its metadata,
 * a page by its text, and each finding names the published file and where in it.
 */
class OutputGuardTest {

    private static final Path LIST = Path.of("names.txt");
    private static final String PDF = "plans/sample-review/summary.pdf";

    private static byte[] builtFile(String path) {
        return TestBuilds.buildInMemory(TestBuilds.fixture("small")).files().get(path);
    }

    private static List<String> report(OutputGuard guard) {
        Problems problems = new Problems();
        guard.report(problems);
        return problems.sorted().stream().map(Problem::format).toList();
    }

    @Test
    void findsANameInAPdfsTitleAndMetadataAndSaysWhere() throws Exception {
        OutputGuard guard = new OutputGuard(ProtectedNames.parse(LIST, "SAMPLE SAFETY action plan\n"), "site/");

        boolean admitted = guard.admits(PDF, builtFile(PDF));

        assertThat(admitted).isFalse();
        assertThat(report(guard)).anySatisfy(m -> assertThat(m).startsWith("site/" + PDF + ": protected name #1 appears in this PDF's /Title"))
                .anySatisfy(m -> assertThat(m).contains("protected name #1 appears in this PDF's XMP metadata"))
                .anySatisfy(m -> assertThat(m).contains("protected name #1 appears on page 1 of this PDF"))
                .allSatisfy(m -> assertThat(m.toLowerCase(java.util.Locale.ROOT)).doesNotContain("safety"));
    }

    @Test
    void findsANameThePdfBreaksAcrossTwoLines() throws Exception {
        byte[] pdf = builtFile(PDF);
        String pages = PdfText.of(pdf).stream().filter(p -> p.where().startsWith("on page")).map(PdfText.Part::text)
                .reduce("", String::concat);
        Matcher broken = Pattern.compile("(\\p{L}{4,})\\n(\\p{L}{4,})").matcher(pages);
        assertThat(broken.find()).as("some line of the PDF ends with a word and the next starts with one:\n%s", pages).isTrue();
        String name = broken.group(1) + " " + broken.group(2);
        OutputGuard guard = new OutputGuard(ProtectedNames.parse(LIST, name + "\n"), "site/");

        assertThat(guard.admits(PDF, pdf)).isFalse();
        assertThat(report(guard)).anySatisfy(m -> assertThat(m).matches(".*protected name #1 appears on page \\d+ of this PDF.*"));
    }

    @Test
    void findsANameInAPageAtItsLineAndColumnAndInAnAddress() throws Exception {
        String page = "<!DOCTYPE html>\n<title>x</title>\n<p>Seen by <a href=\"../x/\" title=\"Jo&shy;se Alvarez\">her</a>.</p>\n";
        OutputGuard guard = new OutputGuard(ProtectedNames.parse(LIST, "José Álvarez\nSample Review\n"), "site/");

        assertThat(guard.admits("plans/x/index.html", page.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(guard.admits("plans/sample-review/index.html", "<p>clean</p>".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(guard.admits("plans/other/index.html", "<p>clean</p>".getBytes(StandardCharsets.UTF_8))).isTrue();

        assertThat(report(guard)).containsExactly(
                "site/plans/sample-review/index.html: protected name #2 is in the address of this file, which the build would publish"
                        + " — addresses are made from the names of content files and folders: rename the ones that make it; nothing was published",
                "site/plans/x/index.html:3:35: protected name #1 appears in this file, which the build would publish, though in no content"
                        + " file on its own — a template wrote it, or put two texts side by side that make it: change the template or those"
                        + " texts (names are numbered by their line in names.txt); nothing was published");
    }

    @Test
    void aBuildKeepsBackEveryFileThatHoldsANameAndFails() throws Exception {
        var request = TestBuilds.request(TestBuilds.fixture("small"), null)
                .withProtectedNames(ProtectedNames.parse(LIST, "Sample Partnership Sample\n"));
        MemoryPublisher site = new MemoryPublisher();

        BuildResult result = Pipeline.build(request, site);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.problems()).isNotEmpty().allMatch(p -> p.message().startsWith("protected name #1"));
        for (var file : site.files().entrySet()) {
            if (!file.getKey().endsWith(".pdf")) {
                assertThat(new String(file.getValue(), StandardCharsets.UTF_8)).as(file.getKey())
                        .doesNotContainPattern("Sample Partnership\\W+Sample");
            }
        }
    }
}

package org.followthrough.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.followthrough.problem.Problems;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a content folder again after some of its files changed ({@code serve} is told which) finds
 * what reading it all would find: the changed files as they are now, the others unchanged; and it
 * reads it all whenever a changed path could hide something reading one file would miss.
 */
class ContentRereadTest {

    private static final String RECOMMENDATION = "plans/sample-review/recommendations/01.yaml";
    private static final String PLAN = "plans/sample-review/plan.yaml";

    @TempDir
    Path folder;
    Path content;

    @BeforeEach
    void copyTheSmallFixture() throws IOException {
        content = TestBuilds.copy(TestBuilds.fixture("small"), folder.resolve("content"));
    }

    @Test
    void readsTheChangedFileAndKeepsTheOthersAsTheyWere() throws IOException {
        ContentFiles first = ContentFiles.read(content, new Problems());
        edit(RECOMMENDATION, "A template has been drafted.", "A template has been drafted and agreed.");

        Problems problems = new Problems();
        ContentFiles again = first.reread(content, Set.of(RECOMMENDATION), problems);

        assertThat(problems.sorted()).isEmpty();
        assertThat(again.get(RECOMMENDATION).orElseThrow().text()).contains("A template has been drafted and agreed.");
        assertThat(again.get(PLAN).orElseThrow()).isSameAs(first.get(PLAN).orElseThrow());
        assertThat(again.under("")).isEqualTo(ContentFiles.read(content, new Problems()).under(""));
    }

    @Test
    void forgetsADeletedFileAndReadsANewOne() throws IOException {
        ContentFiles first = ContentFiles.read(content, new Problems());
        Files.delete(content.resolve("plans/sample-review/summary.md"));
        Files.writeString(content.resolve("plans/sample-review/notes.md"), "Notes.\n");

        ContentFiles again = first.reread(content, Set.of("plans/sample-review/summary.md", "plans/sample-review/notes.md"), new Problems());

        assertThat(again.get("plans/sample-review/summary.md")).isEmpty();
        assertThat(again.get("plans/sample-review/notes.md").orElseThrow().text()).isEqualTo("Notes.\n");
    }

    @Test
    void aChangedLinkLeadingOutIsRefusedAsReadingEverythingRefusesIt() throws IOException {
        ContentFiles first = ContentFiles.read(content, new Problems());
        Path secret = Files.writeString(folder.resolve("secret.md"), "SECRET-ON-THE-MACHINE\n");
        Files.createSymbolicLink(content.resolve("plans/sample-review/notes.md"), secret);

        Problems problems = new Problems();
        ContentFiles again = first.reread(content, Set.of("plans/sample-review/notes.md"), problems);

        assertThat(problems.sorted()).singleElement().satisfies(p -> assertThat(p.format())
                .contains("plans/sample-review/notes.md", "leads outside the content folder"));
        assertThat(again.get("plans/sample-review/notes.md")).isEmpty();
        assertThat(again.under("").stream().map(SourceFile::text)).noneMatch(text -> text.contains("SECRET"));
    }

    @Test
    void aNewFolderIsReadWithEverythingInIt() throws IOException {
        ContentFiles first = ContentFiles.read(content, new Problems());
        Files.createDirectories(content.resolve("plans/sample-review/evidence"));
        Files.writeString(content.resolve("plans/sample-review/evidence/audit.md"), "Audit.\n");

        ContentFiles again = first.reread(content, Set.of("plans/sample-review/evidence"), new Problems());

        assertThat(again.get("plans/sample-review/evidence/audit.md").orElseThrow().text()).isEqualTo("Audit.\n");
    }

    @Test
    void afterAReadWithProblemsEverythingIsReadAgain() throws IOException {
        Files.write(content.resolve("plans/sample-review/summary.md"), new byte[] {'O', 'K', (byte) 0xE9, '\n'});
        Problems firstProblems = new Problems();
        ContentFiles first = ContentFiles.read(content, firstProblems);
        assertThat(firstProblems.hasErrors()).isTrue();
        Files.writeString(content.resolve("plans/sample-review/summary.md"), "OK é\n", StandardCharsets.UTF_8);

        Problems problems = new Problems();
        ContentFiles again = first.reread(content, Set.of(), problems);

        assertThat(problems.sorted()).isEmpty();
        assertThat(again.get("plans/sample-review/summary.md").orElseThrow().text()).isEqualTo("OK é\n");
    }

    @Test
    void hiddenFilesAreNotContentWhenTheyChangeEither() throws IOException {
        ContentFiles first = ContentFiles.read(content, new Problems());
        Files.writeString(content.resolve("plans/sample-review/.plan.yaml.swp"), "swap");

        ContentFiles again = first.reread(content, Set.of("plans/sample-review/.plan.yaml.swp"), new Problems());

        assertThat(again.under("")).isEqualTo(first.under(""));
    }

    private void edit(String path, String from, String to) throws IOException {
        Path file = content.resolve(path);
        Files.writeString(file, Files.readString(file).replace(from, to));
    }
}

package org.followthrough.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.followthrough.bench.SyntheticContent;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.format.Limits;
import org.followthrough.problem.Problem;
import org.followthrough.support.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits whose cases would be too large to keep as fixtures: the content is written here, just
 * under and just over each limit.
 */
class LimitsTest {

    private static final Path SMALL = Path.of("src", "test", "resources", "sites", "small");

    @TempDir
    Path temp;

    @Test
    void aPlanOfTheMostActionsAllowedPassesTheCheck() throws IOException {
        SyntheticContent.onePlan(temp, Limits.MAX_ACTIONS_PER_PLAN);

        BuildResult result = InvalidContentTest.check(temp);

        assertThat(result.succeeded()).as("%s", result.problems()).isTrue();
        assertThat(result.archive().plans().get(0).actions().count()).isEqualTo(Limits.MAX_ACTIONS_PER_PLAN);
    }

    @Test
    void aPlanOfOneActionMoreIsRefusedAtItsPlanFile() throws IOException {
        SyntheticContent.onePlan(temp, Limits.MAX_ACTIONS_PER_PLAN + 1);

        assertThat(errors(temp)).singleElement().satisfies(p -> {
            assertThat(p.location().file()).isEqualTo(temp.resolve("plans/plan-00000/plan.yaml").toString());
            assertThat(p.message()).isEqualTo("the plan has 10,001 actions; a plan may have at most 10,000");
        });
    }

    @Test
    void aMarkdownFileOfTheLargestSizeAllowedPassesAndOneByteMoreIsRefused() throws IOException {
        Path content = copyOfSmall();
        Path summary = content.resolve("plans/sample-review/summary.md");
        String paragraph = "The trust reviewed how its teams keep records, and reported to the board every quarter.\n\n";
        StringBuilder text = new StringBuilder();
        while (text.length() + paragraph.length() <= Limits.MAX_FILE_BYTES) {
            text.append(paragraph);
        }
        text.append("x".repeat(Limits.MAX_FILE_BYTES - text.length()));
        Files.writeString(summary, text, StandardCharsets.UTF_8);
        assertThat(Files.size(summary)).isEqualTo(Limits.MAX_FILE_BYTES);
        assertThat(errors(content)).isEmpty();

        Files.writeString(summary, "y", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        assertThat(errors(content)).singleElement().satisfies(p -> {
            assertThat(p.location()).hasToString(summary.toString());
            assertThat(p.message()).isEqualTo("the file is 1,025 KB; a content file may be at most 1 MB (1,024 KB)");
        });
    }

    @Test
    void aFiftyMegabytePlanFileIsRefusedWithoutBeingRead() throws IOException {
        Path content = copyOfSmall();
        Path plan = content.resolve("plans/sample-review/plan.yaml");
        try (RandomAccessFile file = new RandomAccessFile(plan.toFile(), "rw")) {
            file.setLength(50L * 1024 * 1024); // zeros: read, they would be reported as control characters
        }

        List<Problem> errors = errors(content);

        assertThat(errors).as("only the size is reported: the file was not read, nor its recommendations checked").singleElement()
                .satisfies(p -> assertThat(p.format()).startsWith(plan + ": the file is 50.0 MB; a content file may be at most 1 MB"));
    }

    private static List<Problem> errors(Path content) {
        return InvalidContentTest.check(content).problems().stream().filter(Problem::isError).toList();
    }

    private Path copyOfSmall() throws IOException {
        return Folders.copy(SMALL, temp.resolve("content"));
    }
}

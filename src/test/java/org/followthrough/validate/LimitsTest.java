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

    /**
     * Ids and recommendation numbers name folders and files of the site, which a file system allows 255 bytes: as long as
     * allowed, the site builds; a character longer, check refuses each at its place, where before check passed and the
     * build failed to write the site.
     */
    @Test
    void idsAndNumbersAsLongAsAllowedBuildAndOneCharacterLongerAreRefusedByTheCheck() throws IOException {
        for (int length : new int[] {Limits.MAX_ADDRESS_PART, Limits.MAX_ADDRESS_PART + 1}) {
            Path content = Folders.copy(SMALL, temp.resolve("content-" + length));
            String plan = "p".repeat(length);
            String theme = "t".repeat(length);
            String number = "9".repeat(length);
            Files.move(content.resolve("plans/sample-review"), content.resolve("plans/" + plan));
            Files.move(content.resolve("organisations/sample-police.yaml"), content.resolve("organisations/" + "o".repeat(length) + ".yaml"));
            Folders.replace(content.resolve("site.yaml"), "- id: record-keeping", "- id: " + theme);
            Path recommendation = content.resolve("plans/" + plan + "/recommendations/01.yaml");
            Folders.replace(recommendation, "number: \"1\"", "number: \"" + number + "\"");
            Folders.replace(recommendation, "themes: [record-keeping]", "themes: [" + theme + "]");
            try (java.util.stream.Stream<Path> files = Files.walk(content)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    if (Files.readString(file).contains("sample-police")) {
                        Folders.replace(file, "sample-police", "o".repeat(length));
                    }
                }
            }
            if (length == Limits.MAX_ADDRESS_PART) {
                BuildResult built = org.followthrough.pipeline.Pipeline.build(org.followthrough.support.TestBuilds.request(content,
                        temp.resolve("site")));
                assertThat(built.succeeded()).as("%s", built.problems()).isTrue();
                assertThat(temp.resolve("site/plans/" + plan + "/recommendations/" + number + "/index.html")).isRegularFile();
                assertThat(temp.resolve("site/themes/" + theme + "/index.html")).isRegularFile();
            } else {
                String tooLong = " (101 characters) is too long: an id may be at most 100 characters, as it";
                assertThat(errors(content)).extracting(Problem::message).containsExactlyInAnyOrder(
                        "the id '" + "p".repeat(30) + "…'" + tooLong + " names folders and files of the site",
                        "the id '" + "o".repeat(30) + "…'" + tooLong + " names folders and files of the site",
                        "the theme id '" + "t".repeat(30) + "…'" + tooLong + " names the theme's page");
                // the plan's own files are checked once its id is one
                Files.move(content.resolve("plans/" + plan), content.resolve("plans/" + "p".repeat(Limits.MAX_ADDRESS_PART)));
                assertThat(errors(content)).filteredOn(p -> p.location().file().endsWith("01.yaml")).singleElement()
                        .satisfies(p -> assertThat(p.message()).isEqualTo("the recommendation number '" + "9".repeat(30) + "…' (101"
                                + " characters) is too long for the address of its page (at most 100 characters, written as the address writes it)"));
            }
        }
    }

    private static List<Problem> errors(Path content) {
        return InvalidContentTest.check(content).problems().stream().filter(Problem::isError).toList();
    }

    private Path copyOfSmall() throws IOException {
        return Folders.copy(SMALL, temp.resolve("content"));
    }
}

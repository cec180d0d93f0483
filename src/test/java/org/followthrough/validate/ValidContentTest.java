package org.followthrough.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.followthrough.validate.InvalidContentTest.check;
import static org.followthrough.validate.InvalidContentTest.describe;
import static org.followthrough.validate.InvalidContentTest.relative;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.problem.Problem;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidContentTest {

    static final Path SMALL = Path.of("src", "test", "resources", "sites", "small");

    @Test
    void smallSiteChecksWithoutProblems() {
        BuildResult result = check(SMALL);

        assertThat(result.problems()).as(describe(SMALL, result.problems())).isEmpty();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.archive().plans()).hasSize(1);
    }

    @Test
    void shippedContentChecksWithoutProblemsOrWarnings() {
        Path content = Path.of("content");

        BuildResult result = check(content);

        assertThat(result.problems()).as(describe(content, result.problems())).isEmpty();
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void reportsEveryPlansProblemAgainstItsOwnFile(@TempDir Path temp) throws IOException {
        Path content = TestBuilds.copy(SMALL, temp.resolve("content"));
        // Plan one: a date that does not exist.
        Path first = content.resolve("plans/sample-review/recommendations/01.yaml");
        Files.writeString(first, Files.readString(first).replace("target: 2024-06-30", "target: 2024-06-31"));
        // Plan two: otherwise valid, with a status code its scale does not have.
        write(content.resolve("plans/second-review/plan.yaml"), """
                title: Second safety action plan
                kind: independent_investigation
                organisations: [sample-trust]
                """);
        write(content.resolve("plans/second-review/recommendations/01.yaml"), """
                number: "1"
                actions:
                  - ref: "1.1"
                    owners:
                      - {organisation: sample-trust}
                    status: finished
                """);

        BuildResult result = check(content);

        List<Problem> errors = result.problems().stream().filter(Problem::isError).toList();
        assertThat(result.succeeded()).isFalse();
        assertThat(errors).as(describe(content, result.problems())).hasSize(2);
        assertThat(errors).anySatisfy(p -> {
            assertThat(relative(content, p.location().file())).isEqualTo("plans/sample-review/recommendations/01.yaml");
            assertThat(p.location().line()).isEqualTo(11);
            assertThat(p.message()).contains("'2024-06-31' is not a real date: June 2024 has 30 days");
        });
        assertThat(errors).anySatisfy(p -> {
            assertThat(relative(content, p.location().file())).isEqualTo("plans/second-review/recommendations/01.yaml");
            assertThat(p.location().line()).isEqualTo(6);
            assertThat(p.message()).isEqualTo("unknown status 'finished'");
        });
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}

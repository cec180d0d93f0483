package org.followthrough.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.followthrough.problem.Problem;
import org.followthrough.support.Folders;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check} promises what {@code build} delivers: over every invalid fixture
 * ({@code src/test/resources/invalid/<case>/}) and every hostile one ({@code src/test/resources/hostile/<case>/},
 * content made to break a renderer, valid or not), a clean check means the build publishes, and a failed
 * check means the build fails with exactly the same problems. Adding a folder adds a case.
 */
class CheckAgreesWithBuildTest {

    private static final List<Path> FOLDERS = List.of(Path.of("src", "test", "resources", "invalid"),
            Path.of("src", "test", "resources", "hostile"));
    /** What a fixture says of itself: not content, so it is left out of the copy that is checked and built. */
    private static final String EXPECTATIONS = "expected-problems.txt";

    static Stream<Path> cases() throws IOException {
        Stream<Path> all = Stream.empty();
        for (Path folder : FOLDERS) {
            try (Stream<Path> cases = Files.list(folder)) {
                all = Stream.concat(all, cases.filter(Files::isDirectory).sorted().toList().stream());
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aCleanCheckMeansThePublishedSiteAndAFailedOneTheSameProblems(Path fixture, @TempDir Path temp) throws IOException {
        Path content = Folders.copy(fixture, temp.resolve("content"), path -> !path.getFileName().toString().equals(EXPECTATIONS));
        Path out = temp.resolve("site");

        BuildResult check = Pipeline.check(new BuildRequest(content, null, null, TestBuilds.AS_OF, null, TestBuilds.CLOCK));
        BuildResult build = Pipeline.build(new BuildRequest(content, temp.resolve("no-templates"), out, TestBuilds.AS_OF, null, TestBuilds.CLOCK));

        assertThat(build.succeeded()).as("check %s; build reported:%n%s", check.succeeded() ? "succeeded" : "failed", describe(build))
                .isEqualTo(check.succeeded());
        assertThat(describe(build)).as("the build reports what the check reported").isEqualTo(describe(check));
        if (check.succeeded()) {
            assertThat(out.resolve("index.html")).isRegularFile();
        } else {
            assertThat(out).as("nothing published").doesNotExist();
        }
    }

    private static String describe(BuildResult result) {
        return result.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    }
}

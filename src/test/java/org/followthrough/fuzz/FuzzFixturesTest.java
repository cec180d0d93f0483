package org.followthrough.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile fixtures ({@code src/test/resources/hostile/<case>/}: content made to break a renderer,
 * valid or not, and the cases {@link ContentFuzzTest} finds that are kept there) held to its demands
 * (see {@link CaseRun}): no stack trace, a documented exit code, {@code check} and {@code build}
 * agreeing, the previous site untouched when the build fails, and no script in what it publishes,
 * PDFs included. Adding a folder adds a case.
 */
class FuzzFixturesTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "hostile");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> cases = Files.list(FIXTURES)) {
            return cases.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileContentIsCheckedAndBuiltSafely(Path fixture) {
        CaseRun.verify(Content.read(fixture), true, "the fixture " + fixture);
    }
}

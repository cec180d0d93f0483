package org.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final String SMALL = "src/test/resources/sites/small";
    private static final String INVALID = "src/test/resources/invalid/impossible-date-2020-09-31";

    @TempDir
    Path temp;


    private static CommandRun run(String... args) {
        return CommandRun.of(CLOCK, args);
    }

    /** The built-in templates only, whatever folder the tests run from. */
    private String noSiteTemplates() {
        return temp.resolve("no-templates").toString();
    }

    @Test
    void checkOfValidContentExitsZero() {
        CommandRun run = run("check", "--content", SMALL, "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).contains("no problems");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void checkOfInvalidContentExitsOneWithFileLineColumnAndNoStackTrace() {
        CommandRun run = run("check", "--content", INVALID, "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).containsPattern("(?m)^" + INVALID + "/plans/sample-review/recommendations/01\\.yaml:8:13: '2020-09-31' is not a real date");
        assertThat(run.all()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void rejectsAnUnknownOption() {
        CommandRun run = run("check", "--content", SMALL, "--no-such-option");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");
        assertThat(run.all()).doesNotContain("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-02-29", "notadate", "2026-13-01"})
    void rejectsAnAsOfThatIsNotARealDate(String asOf) {
        CommandRun run = run("check", "--content", SMALL, "--as-of", asOf);

        assertThat(run.code()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("--as-of").contains(asOf);
        assertThat(run.all()).doesNotContain("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"build", "check", "schema"})
    void printsHelpForEveryCommand(String command) {
        CommandRun run = run(command, "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: followthrough " + command);
    }

    @Test
    void printsTheVersionItWasBuiltAs() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String version = pom.substring(pom.indexOf("<version>") + "<version>".length(), pom.indexOf("</version>"));

        CommandRun run = run("--version");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("followthrough " + version + System.lineSeparator());
    }

    @Test
    void acceptsVerboseBeforeOrAfterTheCommand() {
        assertThat(run("--verbose", "check", "--content", SMALL, "--as-of", "2026-11-23").code()).isZero();
        assertThat(run("check", "--verbose", "--content", SMALL, "--as-of", "2026-11-23").code()).isZero();
    }

    @Test
    void buildWritesTheSite() {
        Path site = temp.resolve("site");

        CommandRun run = run("build", "--content", SMALL, "--templates", noSiteTemplates(), "--out", site.toString(), "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(site.resolve("index.html")).isRegularFile().isNotEmptyFile();
        assertThat(run.out()).contains("Published");
    }

    @Test
    void failedBuildLeavesThePreviousSiteUntouchedAndNoStagingBehind() throws IOException {
        Path site = temp.resolve("site");
        CommandRun first = run("build", "--content", SMALL, "--templates", noSiteTemplates(), "--out", site.toString(), "--as-of", "2026-11-23");
        assertThat(first.code()).as(first.all()).isZero();
        Map<String, byte[]> before = snapshot(site);
        assertThat(before).containsKey("index.html");

        CommandRun failed = run("build", "--content", INVALID, "--templates", noSiteTemplates(), "--out", site.toString(), "--as-of", "2026-11-23");

        assertThat(failed.code()).as(failed.all()).isEqualTo(1);
        assertThat(failed.err()).contains("nothing was published");
        Map<String, byte[]> after = snapshot(site);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
        try (Stream<Path> siblings = Files.list(temp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).as("no staging folders beside the site").containsExactly("site");
        }
    }

    /** Every file under a folder, by relative path, with its bytes. */
    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}

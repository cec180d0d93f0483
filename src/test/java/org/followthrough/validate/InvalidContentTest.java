package org.followthrough.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per rule: every folder under {@code src/test/resources/invalid/} is a small content
 * folder that is valid except for one mistake, with the problems it must produce listed in its
 * {@code expected-problems.txt}. Adding a folder adds a case.
 *
 * <p>Each line of {@code expected-problems.txt} is {@code <path>:<line>:<column>: <text>}: the path
 * relative to the case folder, the line and column (line 0 for a problem about the whole file;
 * column {@code *} when it does not matter) and text the problem's {@code message — hint} must
 * contain (any path in it, too, relative to the case folder), after {@code warning: } when the problem is a warning. Blank lines and lines starting with
 * {@code #} are ignored. A case that expects only warnings is valid content: its check must succeed.
 */
class InvalidContentTest {

    static final Path CASES = Path.of("src", "test", "resources", "invalid");
    static final String EXPECTATIONS = "expected-problems.txt";
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    private static final Pattern EXPECTED = Pattern.compile("(.+?):(\\d+):(\\d+|\\*): (.+)");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(CASES)) {
            List<String> names = folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).as("case folders under " + CASES).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedProblems(String name) throws IOException {
        Path caseDir = CASES.resolve(name);
        List<Expected> expected = expectations(caseDir);
        assertThat(expected).as(caseDir.resolve(EXPECTATIONS) + " lists at least one problem").isNotEmpty();

        BuildResult result = check(caseDir);
        List<Problem> problems = result.problems().stream().filter(p -> !isTheExpectationsFile(caseDir, p)).toList();
        String reported = describe(caseDir, problems);

        if (expected.stream().allMatch(Expected::warning)) {
            assertThat(problems).as("the check of %s succeeds, with warnings; reported:%n%s", name, reported).noneMatch(Problem::isError);
        } else {
            assertThat(result.succeeded()).as("the check of %s fails; reported:%n%s", name, reported).isFalse();
            assertThat(result.archive()).as("no archive for invalid content").isNull();
        }
        for (Expected e : expected) {
            assertThat(problems).as("%s: expected%n  %s%nreported:%n%s", name, e, reported)
                    .anyMatch(p -> e.matches(caseDir, p));
        }
        List<Problem> unexpected = problems.stream()
                .filter(Problem::isError)
                .filter(p -> expected.stream().noneMatch(e -> e.matches(caseDir, p)))
                .toList();
        assertThat(unexpected).as("%s: errors not listed in %s:%n%s", name, EXPECTATIONS, describe(caseDir, unexpected)).isEmpty();
    }

    @Test
    void suggestsTheFieldMeantForAMisspeltField() {
        Path caseDir = CASES.resolve("unknown-field");

        List<Problem> errors = check(caseDir).problems().stream()
                .filter(Problem::isError).filter(p -> !isTheExpectationsFile(caseDir, p)).toList();

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("unknown field 'stauts' in action");
            assertThat(p.hint()).isEqualTo("did you mean 'status'?");
        });
    }

    @Test
    void offersThePlansOwnWordingOnlyForADateThatMayKeepIt() {
        Path start = CASES.resolve("impossible-date-2021-02-29");
        Path target = CASES.resolve("impossible-date-2020-09-31");

        assertThat(check(start).problems()).filteredOn(Problem::isError).filteredOn(p -> !isTheExpectationsFile(start, p))
                .singleElement().satisfies(p -> assertThat(p.hint()).isEqualTo("check the day and month"));
        assertThat(check(target).problems()).filteredOn(Problem::isError).filteredOn(p -> !isTheExpectationsFile(target, p))
                .singleElement().satisfies(p -> assertThat(p.hint()).contains("as_published"));
    }

    /** A placeholder left in a field the format requires is not to be deleted: only one in a field that may be left out is. */
    @Test
    void offersToDeleteAPlaceholdersLineOnlyWhereTheFieldMayBeLeftOut() {
        Path caseDir = CASES.resolve("placeholder-left");
        List<Problem> placeholders = check(caseDir).problems().stream().filter(p -> p.message().contains("TO FILL IN")).toList();

        assertThat(placeholders).filteredOn(p -> p.message().contains("the kind of review")).singleElement()
                .satisfies(p -> assertThat(p.hint()).as("kind, which a plan must give").isEqualTo("write the real value in its place"));
        assertThat(placeholders).filteredOn(p -> p.message().contains("the target date")).singleElement()
                .satisfies(p -> assertThat(p.hint()).as("an action's target, which may be left out").contains("delete the line"));
    }

    @Test
    void notUtf8CaseReallyHoldsALatin1Byte() throws IOException {
        byte[] bytes = Files.readAllBytes(CASES.resolve("not-utf8/organisations/sample-trust.yaml"));
        // Guards the fixture itself: an editor re-saving it as UTF-8 would make the case prove nothing.
        assertThat(bytes).as("the fixture holds a Latin-1 é").contains((byte) 0xE9);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).startsWith("name: Sample Caf\u00e9 Trust");
    }

    static BuildResult check(Path content) {
        return Pipeline.check(new BuildRequest(content, null, null, AS_OF, null, CLOCK));
    }

    /** The expectations file sits in the content folder, where the loader rightly reports it as not content. */
    private static boolean isTheExpectationsFile(Path caseDir, Problem problem) {
        return relative(caseDir, problem.location().file()).equals(EXPECTATIONS);
    }

    static String relative(Path caseDir, String display) {
        String prefix = caseDir + "/";
        return display.startsWith(prefix) ? display.substring(prefix.length()) : display;
    }

    static String describe(Path caseDir, List<Problem> problems) {
        if (problems.isEmpty()) {
            return "  (none)";
        }
        return problems.stream()
                .map(p -> "  " + relative(caseDir, p.location().file()) + ":" + p.location().line() + ":" + p.location().column() + ": "
                        + (p.isError() ? "" : "warning: ") + messageAndHint(p).replace(caseDir + "/", ""))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    static String messageAndHint(Problem problem) {
        return problem.hint() == null ? problem.message() : problem.message() + " — " + problem.hint();
    }

    private static List<Expected> expectations(Path caseDir) throws IOException {
        Path file = caseDir.resolve(EXPECTATIONS);
        assertThat(file).as("every case folder has " + EXPECTATIONS).isRegularFile();
        List<Expected> expected = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = EXPECTED.matcher(line.strip());
            assertThat(m.matches()).as("%s: '%s' is not <path>:<line>:<column>: <message>", file, line).isTrue();
            Integer column = m.group(3).equals("*") ? null : Integer.valueOf(m.group(3));
            boolean warning = m.group(4).startsWith(WARNING);
            expected.add(new Expected(m.group(1), Integer.parseInt(m.group(2)), column, warning,
                    warning ? m.group(4).substring(WARNING.length()) : m.group(4)));
        }
        return expected;
    }

    private static final String WARNING = "warning: ";

    /** One line of expected-problems.txt; a null column matches any column. */
    record Expected(String path, int line, Integer column, boolean warning, String text) {

        boolean matches(Path caseDir, Problem problem) {
            return problem.isError() != warning
                    && relative(caseDir, problem.location().file()).equals(path)
                    && problem.location().line() == line
                    && (column == null || problem.location().column() == column)
                    && messageAndHint(problem).replace(caseDir + "/", "").contains(text);
        }

        @Override
        public String toString() {
            return path + ":" + line + ":" + (column == null ? "*" : column) + ": " + (warning ? WARNING : "") + text;
        }
    }
}

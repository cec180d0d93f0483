package org.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code build --since}: a date is checked on the command line before any content is read. */
class SinceCommandTest {

    private static final String SMALL = "src/test/resources/sites/small";
    /** Content that fails to check: a build that got as far as reading it would exit 1, not 2. */
    private static final String INVALID = "src/test/resources/invalid/impossible-date-2020-09-31";

    @TempDir
    Path temp;

    private CommandRun build(String content, String... options) {
        List<String> args = new ArrayList<>(List.of("build", "--content", content, "--templates", temp.resolve("no-templates").toString(),
                "--out", temp.resolve("site").toString()));
        args.addAll(List.of(options));
        return CommandRun.of(TestBuilds.CLOCK, args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 June 2026", "2026-6-1"})
    void refusesASinceThatIsNotADateWrittenAsYyyyMmDd(String since) {
        CommandRun run = build(SMALL, "--as-of", "2026-11-23", "--since", since);

        assertThat(run.code()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("--since").contains(since).contains("YYYY-MM-DD");
        assertThat(run.all()).doesNotContain("\tat ");
    }

    @Test
    void refusesASinceWrittenAsYyyyMmDdThatIsNoRealDaySayingWhy() {
        CommandRun run = build(SMALL, "--as-of", "2026-11-23", "--since", "2026-02-30");

        assertThat(run.code()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("--since").contains("'2026-02-30' is not a real date: February 2026 has 28 days; check the day and month");
        assertThat(run.all()).doesNotContain("\tat ");
    }

    @Test
    void refusesASinceAfterTheAsOfDateBeforeReadingTheContent() {
        CommandRun run = build(INVALID, "--as-of", "2026-11-23", "--since", "2026-11-24");

        assertThat(run.code()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("--since 2026-11-24 is after the as-of date 2026-11-23");
        assertThat(temp.resolve("site")).doesNotExist();
    }

    @Test
    void refusesASinceAfterTodayWhenNoAsOfIsGiven() {
        CommandRun run = build(INVALID, "--since", "2026-11-25");

        assertThat(run.code()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("--since 2026-11-25 is after today");
    }

    /**
     * At noon UTC on 23 November 2026 it is already the 24th east of UTC+12, so the command line cannot
     * tell; the site's time zone (Europe/London) says it is the 23rd, and the build refuses it.
     */
    @Test
    void aSinceAfterTodayOnlyInTheSitesTimeZoneIsRefusedByTheBuildWithNothingPublished() {
        CommandRun run = build(SMALL, "--since", "2026-11-24", "--no-cache");

        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).contains("--since 2026-11-24").contains("after the as-of date 2026-11-23");
        assertThat(temp.resolve("site/index.html")).doesNotExist();
    }

    @Test
    void aSinceOnTheAsOfDateIsAPeriodInWhichNothingChanged() throws Exception {
        CommandRun run = build(SMALL, "--as-of", "2026-11-23", "--since", "2026-11-23", "--no-cache");

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(Files.readString(temp.resolve("site/changes/index.html"))).contains("No change is recorded in this period.");
    }

    @Test
    void publishesTheChangesAsAPageAndAsCsvLinkedFromTheHomePage() throws Exception {
        CommandRun run = build(SMALL, "--as-of", "2026-11-23", "--since", "2024-06-01", "--no-cache");

        assertThat(run.code()).as(run.all()).isZero();
        Path site = temp.resolve("site");
        assertThat(Files.readString(site.resolve("index.html"))).contains("href=\"./changes/\">What changed after 1 June 2024</a>");
        assertThat(Files.readString(site.resolve("changes/index.html"))).contains("Actions completed or closed");
        assertThat(site.resolve("data/changes.csv")).isNotEmptyFile();
        assertThat(site.resolve("data/changes.csv-metadata.json")).isNotEmptyFile();
    }
}

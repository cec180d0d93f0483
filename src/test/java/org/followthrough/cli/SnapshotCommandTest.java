package org.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code build --snapshot} as editors and scheduled CI jobs run it (what a snapshot holds is in pipeline/SnapshotTest). */
class SnapshotCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private CommandRun build(String... more) {
        String[] args = {"build", "--content", "src/test/resources/sites/small", "--templates", temp.resolve("no-templates").toString(),
                "--out", temp.resolve("site").toString(), "--snapshot"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CommandRun.of(CLOCK, all);
    }

    @Test
    void publishesTheSiteAndASnapshotOfItAsAtToday() {
        CommandRun run = build();

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(temp.resolve("site/index.html")).exists();
        assertThat(temp.resolve("site/snapshots/2026-11-23/index.html")).exists();
        assertThat(temp.resolve("site/snapshots/index.html")).exists();
    }

    @Test
    void runningTheSameJobTwiceInADayKeepsTheFirstSnapshotAndSucceeds() {
        build();

        CommandRun again = build();

        assertThat(again.code()).as(again.all()).isZero();
        assertThat(again.err()).contains("warning: a snapshot of 23 November 2026 was published before: it is kept as it is");
    }

    /** A snapshot is kept as it is from then on: one of a day that has not come would show as passed what has not happened. */
    @Test
    void aSnapshotOfADayToComeIsRefusedAndNothingIsWritten() {
        CommandRun run = build("--as-of", "2026-11-24");

        assertThat(run.code()).isEqualTo(Main.CONTENT_PROBLEMS);
        assertThat(run.err()).contains("--snapshot --as-of 2026-11-24: a snapshot of 24 November 2026 would be made before that day (today is"
                + " 23 November 2026 in the site's time zone)").contains("make the snapshot on or after the day it is of");
        assertThat(temp.resolve("site")).doesNotExist();
        // told by check first, as build would tell it
        CommandRun check = CommandRun.of(CLOCK, "check", "--content", "src/test/resources/sites/small", "--templates",
                temp.resolve("no-templates").toString(), "--snapshot", "--as-of", "2026-11-24");
        assertThat(check.code()).isEqualTo(Main.CONTENT_PROBLEMS);
        assertThat(check.err()).contains("--snapshot --as-of 2026-11-24: a snapshot of 24 November 2026 would be made before that day");
    }

    @Test
    void aSnapshotWithoutItsPdfsIsAWrongCommandLine() {
        CommandRun run = build("--no-pdf");

        assertThat(run.code()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("give either --snapshot or --no-pdf, not both");
        assertThat(temp.resolve("site")).doesNotExist();
    }
}

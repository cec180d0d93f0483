package org.followthrough.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.followthrough.bench.ProcessBenchmark.Scenario;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

    private static final Corpus HUNDRED = new Corpus("synthetic", Path.of("c"), Path.of("h"), 100, 3000);
    private final BenchmarkReport report = new BenchmarkReport(LocalDate.of(2026, 11, 30), "2 cores (CPU), 4.0 GiB memory",
            "OpenJDK 17", "hugo v0.111.3", "GNU time", 3, 1);

    @Test
    void reportsEachToolsMediansAndTheMedianOfThePairsRatios() {
        report.add(new BenchmarkReport.Result(HUNDRED, Scenario.COLD, outcome(10, 30, 20), outcome(5, 2, 10), "1,156 of 1,156"));

        // medians 20 s and 5 s; the pairs' ratios are 2, 15 and 2
        assertThat(report.markdown()).contains(
                "| synthetic: 100 plans, 3,000 actions | cold, every PDF | 20 s / 40 s / 200 MiB | 1,156 of 1,156 "
                        + "| 5.00 s / 10 s / 200 MiB | 2.00× / 2.00× / 1.00× |",
                "Measured on 2026-11-30: 2 cores (CPU), 4.0 GiB memory; OpenJDK 17; hugo v0.111.3.",
                "median of 3 runs", "Followthrough's time per action (JVM start included), cold, every PDF: 6.7 ms wall, 13.3 ms CPU "
                        + "(synthetic: 100 plans, 3,000 actions)");
    }

    @Test
    void leavesATargetUnjudgedOnASmallerCorpusThanItNames() {
        report.add(new BenchmarkReport.Result(HUNDRED, Scenario.WARM, outcome(1, 1, 1), outcome(4, 4, 4), "0 of 1,156"));

        assertThat(report.markdown()).contains(
                "| 1,000 plans, warm, nothing changed: wall ≤ 0.4× Hugo's | synthetic: 100 plans, 3,000 actions: 0.25× "
                        + "| not judged: smaller corpus |");
    }

    @Test
    void saysWhyABuildWasNotMeasured() {
        Corpus plan = new Corpus("synthetic, one plan", Path.of("c"), null, 1, 10_000);
        report.add(new BenchmarkReport.Result(plan, Scenario.LARGE_PLAN,
                new BenchmarkReport.Outcome(List.of(), "exit 1: java.lang.OutOfMemoryError: Java heap space"), null, null));

        assertThat(report.markdown()).contains(
                "| cold, every PDF, `-Xmx1g` | failed: exit 1: java.lang.OutOfMemoryError: Java heap space | — | — | — |",
                "| 10,000 actions in one plan, inside `-Xmx1g`: ≤ 30 s | synthetic, one plan: 1 plan, 10,000 actions: "
                        + "exit 1: java.lang.OutOfMemoryError: Java heap space | no |");
    }

    /** Runs of these wall times, each with twice its wall time in CPU and 200 MiB at its peak. */
    private static BenchmarkReport.Outcome outcome(double... walls) {
        return new BenchmarkReport.Outcome(java.util.Arrays.stream(walls)
                .mapToObj(wall -> new ProcessMeter.Usage(wall, wall, wall, 200 * 1024)).toList(), null);
    }
}

package org.followthrough.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.followthrough.bench.ProcessBenchmark.Scenario;

/**
 * The benchmark's results as Markdown to paste into the README: medians of each build, ratios to
 * Hugo, output against the corpus, and the targets with what was measured against them.
 */
final class BenchmarkReport {

    /** One tool's measured runs of one build, or why they stopped. */
    record Outcome(List<ProcessMeter.Usage> runs, String failure) {

        double median(ToDoubleFunction<ProcessMeter.Usage> measure) {
            return BenchmarkReport.median(runs.stream().mapToDouble(measure).boxed().toList());
        }

        boolean measured() {
            return failure == null && !runs.isEmpty();
        }
    }

    /** One build of one corpus; {@code hugo} is null where there was no Hugo site to compare with. */
    record Result(Corpus corpus, Scenario scenario, Outcome followthrough, Outcome hugo, String madeAfresh) {

        /** The median of the ratios of each alternating pair, which cancels the machine's drift better than a ratio of medians. */
        Optional<Double> ratio(ToDoubleFunction<ProcessMeter.Usage> measure) {
            if (hugo == null || !followthrough.measured() || !hugo.measured()) {
                return Optional.empty();
            }
            int pairs = Math.min(followthrough.runs.size(), hugo.runs.size());
            return Optional.of(median(IntStream.range(0, pairs)
                    .mapToObj(i -> measure.applyAsDouble(followthrough.runs.get(i)) / measure.applyAsDouble(hugo.runs.get(i))).toList()));
        }
    }

    private record Outputs(FolderSize content, FolderSize hugoContent, FolderSize site, FolderSize cache, FolderSize hugoSite) {
    }

    private static final ToDoubleFunction<ProcessMeter.Usage> WALL = ProcessMeter.Usage::wallSeconds;
    private static final ToDoubleFunction<ProcessMeter.Usage> CPU = ProcessMeter.Usage::cpuSeconds;
    private static final ToDoubleFunction<ProcessMeter.Usage> RSS = usage -> usage.peakKib();

    private final LocalDate date;
    private final String hardware;
    private final String java;
    private final String hugo;
    private final String method;
    private final int pairs;
    private final int warmUps;
    private final List<Result> results = new ArrayList<>();
    private final Map<Corpus, Outputs> outputs = new LinkedHashMap<>();
    private final Map<Corpus, FolderSize> withoutPdfs = new LinkedHashMap<>();
    private String loadBefore = "unknown";
    private String loadAfter = "unknown";
    private String ranAs;

    BenchmarkReport(LocalDate date, String hardware, String java, String hugo, String method, int pairs, int warmUps) {
        this.date = date;
        this.hardware = hardware;
        this.java = java;
        this.hugo = hugo;
        this.method = method;
        this.pairs = pairs;
        this.warmUps = warmUps;
    }

    void add(Result result) {
        results.add(result);
    }

    void outputs(Corpus corpus, FolderSize content, FolderSize hugoContent, FolderSize site, FolderSize cache, FolderSize hugoSite) {
        outputs.put(corpus, new Outputs(content, hugoContent, site, cache, hugoSite));
    }

    void outputWithoutPdfs(Corpus corpus, FolderSize site) {
        withoutPdfs.put(corpus, site);
    }

    /** How Followthrough was run, for the report. */
    void ranAs(String how) {
        ranAs = how;
    }

    void loadAverages(String before, String after) {
        loadBefore = before;
        loadAfter = after;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        line(md, "Measured on %s: %s; %s%s. Load average %s before the run, %s after.", date, hardware, java,
                hugo == null ? "; no Hugo" : "; " + hugo, loadBefore, loadAfter);
        line(md, "Each figure is the median of %d run%s, alternating Followthrough and Hugo (A B A B …) after %d unmeasured "
                + "run%s of each; a ratio is the median of the ratios of each pair. Measured with %s. \"Warm\" builds reuse the "
                + "cache and the site of the build before; Hugo makes its full build every time.", pairs, pairs == 1 ? "" : "s",
                warmUps, warmUps == 1 ? "" : "s", method);
        if (ranAs != null) {
            line(md, "Followthrough ran %s.", ranAs);
        }
        line(md, "");
        line(md, "| corpus | build | Followthrough wall / CPU / peak RSS | files made | Hugo wall / CPU / peak RSS | ratio wall / CPU / RSS |");
        line(md, "|---|---|---|---|---|---|");
        Corpus previous = null;
        for (Result result : results) {
            line(md, "| %s | %s | %s | %s | %s | %s |", result.corpus().equals(previous) ? "" : result.corpus().label(),
                    result.scenario().description, usage(result.followthrough()), result.madeAfresh() == null ? "—" : result.madeAfresh(),
                    result.hugo() == null ? "—" : usage(result.hugo()), ratios(result));
            previous = result.corpus();
        }
        perAction(md);
        if (!outputs.isEmpty()) {
            line(md, "");
            line(md, "| corpus | content | Followthrough site | without PDFs | cache | Hugo content | Hugo site | site ÷ content, Followthrough (Hugo) |");
            line(md, "|---|---|---|---|---|---|---|---|");
            for (Map.Entry<Corpus, Outputs> entry : outputs.entrySet()) {
                Outputs out = entry.getValue();
                line(md, "| %s | %s | %s | %s | %s | %s | %s | %s |", entry.getKey().label(), size(out.content), size(out.site),
                        size(withoutPdfs.get(entry.getKey())), size(out.cache), size(out.hugoContent), size(out.hugoSite),
                        ratio((double) out.site.bytes() / out.content.bytes()) + (out.hugoSite == null || out.hugoContent == null ? ""
                                : " (" + ratio((double) out.hugoSite.bytes() / out.hugoContent.bytes()) + ")"));
            }
        }
        targets(md);
        return md.toString();
    }

    /** Wall time per action of the cold builds: it should stay flat as the archive grows. */
    private void perAction(StringBuilder md) {
        List<String> parts = new ArrayList<>();
        for (Scenario scenario : List.of(Scenario.COLD, Scenario.COLD_NO_PDF)) {
            List<String> sizes = cold(scenario).stream().map(result -> String.format(Locale.ROOT, "%.1f ms wall, %.1f ms CPU (%s)",
                    perActionMillis(result, WALL), perActionMillis(result, CPU), result.corpus().label())).toList();
            if (!sizes.isEmpty()) {
                parts.add(scenario.description + ": " + String.join(", ", sizes));
            }
        }
        if (!parts.isEmpty()) {
            line(md, "");
            line(md, "Followthrough's time per action (JVM start included), %s.", String.join("; ", parts));
        }
    }

    private void targets(StringBuilder md) {
        line(md, "");
        line(md, "| target (2 cores) | measured | met |");
        line(md, "|---|---|---|");
        largestWithHugo(Scenario.COLD_NO_PDF).ifPresent(r -> {
            target(md, "1,000 plans, cold, `--no-pdf`: wall ≤ 1× Hugo's", r, r.ratio(WALL).get(), 1);
            target(md, "1,000 plans, cold, `--no-pdf`: peak RSS ≤ 1× Hugo's", r, r.ratio(RSS).get(), 1);
        });
        largestWithHugo(Scenario.COLD).ifPresent(r -> target(md, "1,000 plans, cold, every PDF: wall ≤ 3× Hugo's", r, r.ratio(WALL).get(), 3));
        largestWithHugo(Scenario.WARM).ifPresent(r -> target(md, "1,000 plans, warm, nothing changed: wall ≤ 0.4× Hugo's", r,
                r.ratio(WALL).get(), 0.4));
        largest(Scenario.ONE_CHANGE).ifPresent(r -> seconds(md, "1,000 plans, one progress update changed, warm: ≤ 2 s wall", r, 2,
                r.corpus().plans() >= 1000));
        results.stream().filter(r -> r.corpus().isShipped() && r.followthrough().measured()).forEach(r -> {
            if (r.scenario() == Scenario.COLD) {
                seconds(md, "the shipped site, cold: ≤ 3 s wall", r, 3, true);
            } else if (r.scenario() == Scenario.WARM) {
                seconds(md, "the shipped site, warm: ≤ 1.5 s wall", r, 1.5, true);
            }
        });
        results.stream().filter(r -> r.scenario() == Scenario.LARGE_PLAN).forEach(r -> {
            if (r.followthrough().measured()) {
                seconds(md, "10,000 actions in one plan, inside `-Xmx1g`: ≤ 30 s", r, 30, r.corpus().actions() >= 10_000);
            } else {
                line(md, "| 10,000 actions in one plan, inside `-Xmx1g`: ≤ 30 s | %s: %s | no |", r.corpus().label(),
                        r.followthrough().failure());
            }
        });
        List<Result> hundredsUp = cold(Scenario.COLD).stream().filter(r -> r.corpus().plans() >= 100).toList();
        if (hundredsUp.size() > 1) {
            Result small = hundredsUp.get(0);
            Result large = hundredsUp.get(hundredsUp.size() - 1);
            double growth = perActionMillis(large, WALL) / perActionMillis(small, WALL);
            line(md, "| time per action flat from 100 to 1,000 plans (grows by 20%% at most; falling is better) | wall %.1f ms at %,d plans, %.1f ms at %,d: %s "
                            + "(CPU %s) | %s |", perActionMillis(small, WALL), small.corpus().plans(), perActionMillis(large, WALL),
                    large.corpus().plans(), ratio(growth), ratio(perActionMillis(large, CPU) / perActionMillis(small, CPU)),
                    verdict(growth <= 1.2, large.corpus().plans() >= 10 * small.corpus().plans()));
        }
        line(md, "| `serve` shows a saved change within 300 ms | not measured by this benchmark | |");
    }

    private void target(StringBuilder md, String target, Result result, double ratio, double limit) {
        line(md, "| %s | %s: %s | %s |", target, result.corpus().label(), ratio(ratio),
                verdict(ratio <= limit, result.corpus().plans() >= 1000));
    }

    private void seconds(StringBuilder md, String target, Result result, double limit, boolean onTheNamedCorpus) {
        double wall = result.followthrough().median(WALL);
        line(md, "| %s | %s: %s | %s |", target, result.corpus().label(), seconds(wall), verdict(wall <= limit, onTheNamedCorpus));
    }

    /** Whether a target is met; not judged on a smaller corpus than the one it names. */
    private static String verdict(boolean met, boolean onTheNamedCorpus) {
        return onTheNamedCorpus ? (met ? "yes" : "no") : "not judged: smaller corpus";
    }

    private Optional<Result> largestWithHugo(Scenario scenario) {
        return results.stream().filter(r -> r.scenario() == scenario && r.ratio(WALL).isPresent())
                .max(Comparator.comparingInt(r -> r.corpus().plans()));
    }

    private Optional<Result> largest(Scenario scenario) {
        return results.stream().filter(r -> r.scenario() == scenario && r.followthrough().measured())
                .max(Comparator.comparingInt(r -> r.corpus().plans()));
    }

    private List<Result> cold(Scenario scenario) {
        return results.stream().filter(r -> r.scenario() == scenario && r.followthrough().measured())
                .sorted(Comparator.comparingInt(r -> r.corpus().plans())).toList();
    }

    private static double perActionMillis(Result result, ToDoubleFunction<ProcessMeter.Usage> measure) {
        return result.followthrough().median(measure) * 1000 / result.corpus().actions();
    }

    private static String usage(Outcome outcome) {
        if (outcome.failure() != null) {
            return "failed: " + outcome.failure().replace("|", "\\|");
        }
        if (outcome.runs().isEmpty()) {
            return "—";
        }
        return seconds(outcome.median(WALL)) + " / " + seconds(outcome.median(CPU)) + " / " + memory(outcome.median(RSS));
    }

    private static String ratios(Result result) {
        return result.ratio(WALL).map(wall -> ratio(wall) + " / " + ratio(result.ratio(CPU).get()) + " / " + ratio(result.ratio(RSS).get()))
                .orElse("—");
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, seconds < 10 ? "%.2f s" : "%.0f s", seconds);
    }

    static String memory(double kib) {
        return kib < 1024 * 1024 ? String.format(Locale.ROOT, "%.0f MiB", kib / 1024) : String.format(Locale.ROOT, "%.1f GiB", kib / 1024 / 1024);
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, ratio < 10 ? "%.2f×" : "%.0f×", ratio);
    }

    private static String size(FolderSize size) {
        if (size == null) {
            return "—";
        }
        double mb = size.bytes() / 1e6;
        String bytes = mb < 1 ? String.format(Locale.ROOT, "%.0f kB", mb * 1000)
                : String.format(Locale.ROOT, mb < 10 ? "%.1f MB" : "%,.0f MB", mb);
        return bytes + String.format(Locale.ROOT, ", %,d files", size.files());
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void line(StringBuilder md, String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}

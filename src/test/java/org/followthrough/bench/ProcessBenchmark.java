package org.followthrough.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.followthrough.support.TestBuilds;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times {@code java -jar followthrough.jar build} as a user runs it, JVM start included, beside
 * Hugo's full build of the same plans, alternating the two, and prints the results as Markdown for
 * the README. Not part of the test suite; see README, "Benchmark".
 */
@Command(name = "ProcessBenchmark", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Times whole builds (JVM start included) on content folders, beside Hugo's build of the same plans, "
                + "alternating the two, and prints Markdown tables of the medians for the README."})
public final class ProcessBenchmark implements Callable<Integer> {

    /** The builds the README reports. */
    enum Scenario {
        COLD("cold", "cold, every PDF"),
        COLD_NO_PDF("cold-no-pdf", "cold, `--no-pdf`"),
        WARM("warm", "warm, nothing changed"),
        ONE_CHANGE("one-change", "warm, one progress update changed"),
        LARGE_PLAN("large-plan", "cold, every PDF, `-Xmx1g`");

        final String id;
        final String description;

        Scenario(String id, String description) {
            this.id = id;
            this.description = description;
        }
    }

    /** A corpus named on the command line: a content folder, and a Hugo site of the same plans. */
    static final class ExternalCorpus {
        @Option(names = "--content", required = true, paramLabel = "DIR",
                description = "A content folder to build (repeatable); a --hugo-site after it is its Hugo twin.")
        Path content;

        @Option(names = "--hugo-site", paramLabel = "DIR", description = "A Hugo site holding the same plans as the --content before it.")
        Path hugoSite;
    }

    @Option(names = "--plans", split = ",", paramLabel = "N",
            description = "Synthetic archives of N plans to make and build (default 5,100 when no --content or --shipped is given).")
    List<Integer> plans = new ArrayList<>();

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<ExternalCorpus> external = new ArrayList<>();

    @Option(names = "--shipped", description = "Also build the repository's own content folder (the targets name it).")
    boolean shipped;

    @Option(names = "--scenarios", split = ",", paramLabel = "NAME",
            description = "Which builds (default all): cold, cold-no-pdf, warm, one-change, large-plan.")
    List<String> scenarioNames = new ArrayList<>();

    @Option(names = "--large-plan-actions", defaultValue = "10000", paramLabel = "N",
            description = "Actions in the one plan of the large-plan build (default ${DEFAULT-VALUE}).")
    int largePlanActions;

    @Option(names = "--pairs", defaultValue = "3", paramLabel = "N",
            description = "Measured runs of each tool per build, alternating (default ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--warm-ups", defaultValue = "1", paramLabel = "N",
            description = "Unmeasured runs of each tool before them (default ${DEFAULT-VALUE}).")
    int warmUps;

    @Option(names = "--jar", defaultValue = "target/followthrough.jar", paramLabel = "FILE",
            description = "The runnable jar (default ${DEFAULT-VALUE}; make it with mvn package).")
    Path jar;

    @Option(names = "--java-option", paramLabel = "OPTION",
            description = "A JVM option for every build, e.g. --java-option=-Xmx1g (repeatable).")
    List<String> javaOptions = new ArrayList<>();

    @Option(names = "--launcher", paramLabel = "FILE",
            description = "Build through this launcher of an unpacked distribution (tar -xzf target/followthrough-*.tar.gz; "
                    + "FILE is its bin/followthrough), as a user would, instead of java -jar: with the launcher's Java options, "
                    + "the --java-option ones in FOLLOWTHROUGH_OPTS, and its class archive kept in the work folder.")
    Path launcher;

    @Option(names = "--hugo", defaultValue = "hugo", paramLabel = "COMMAND", description = "Hugo's command (default ${DEFAULT-VALUE}).")
    String hugo;

    @Option(names = "--no-hugo", description = "Build with Followthrough only.")
    boolean noHugo;

    @Option(names = "--no-gnu-time", description = "Measure through /proc even where GNU time is installed.")
    boolean noGnuTime;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Where to put corpora, sites and logs (default: a new temporary folder, deleted at the end).")
    Path work;

    @Option(names = "--keep", description = "Keep the work folder: sites, caches and each run's output.")
    boolean keep;

    private static final Pattern PUBLISHED = Pattern.compile("Published (\\d+) files .*?, (\\d+) of them from the cache");
    /** A build that found nothing changed, and made nothing. */
    private static final Pattern LEFT = Pattern.compile("the (\\d+) files published to .* were left as they were");

    private final PrintStream log = System.err;
    private ProcessMeter meter;
    private Path workFolder;
    /** Folders holding a site and cache that a warm build can start from. */
    private final Set<Path> primed = new java.util.HashSet<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ProcessBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Set<Scenario> scenarios = scenarios();
        if (launcher != null) {
            if (!Files.isExecutable(launcher)) {
                log.println(launcher + " is not a launcher: unpack target/followthrough-*.tar.gz and name its bin/followthrough");
                return 2;
            }
            launcher = launcher.toAbsolutePath();
        } else if (!Files.isRegularFile(jar)) {
            log.println(jar + " does not exist: make it with `mvn -q package -DskipTests`, or name it with --jar");
            return 2;
        }
        jar = jar.toAbsolutePath();
        workFolder = (work != null ? Files.createDirectories(work) : Files.createTempDirectory("followthrough-bench-")).toAbsolutePath();
        meter = ProcessMeter.create(!noGnuTime, workFolder.resolve("logs"));
        String hugoVersion = noHugo ? null : Machine.hugoVersion(hugo);
        if (!noHugo && hugoVersion == null) {
            log.println("Hugo (" + hugo + ") cannot be run: building with Followthrough only");
        }
        String loadBefore = Machine.loadAverage();
        BenchmarkReport report = new BenchmarkReport(LocalDate.now(), Machine.hardware(), Machine.javaVersion(), hugoVersion,
                meter.method(), pairs, warmUps);
        report.ranAs(launcher != null ? "through the distribution's launcher (`bin/followthrough build`)"
                + (javaOptions.isEmpty() ? "" : ", with FOLLOWTHROUGH_OPTS `" + String.join(" ", javaOptions) + "`")
                : "as `java " + String.join(" ", javaOptions) + (javaOptions.isEmpty() ? "" : " ") + "-jar followthrough.jar build`");
        try {
            boolean perCorpus = scenarios.stream().anyMatch(scenario -> scenario != Scenario.LARGE_PLAN);
            for (Corpus corpus : perCorpus ? corpora(hugoVersion != null) : List.<Corpus>of()) {
                for (Scenario scenario : scenarios) {
                    if (scenario != Scenario.LARGE_PLAN) {
                        report.add(run(corpus, scenario, report));
                    }
                }
                deleteUnlessKept(corpus.content().getParent());
            }
            if (scenarios.contains(Scenario.LARGE_PLAN)) {
                Path content = workFolder.resolve("large-plan/content");
                SyntheticContent.onePlan(content, largePlanActions);
                report.add(run(Corpus.counted("synthetic, one plan", content, null), Scenario.LARGE_PLAN, report));
                deleteUnlessKept(content.getParent());
            }
        } finally {
            deleteUnlessKept(workFolder);
        }
        report.loadAverages(loadBefore, Machine.loadAverage());
        System.out.print(report.markdown());
        return 0;
    }

    private Set<Scenario> scenarios() {
        if (scenarioNames.isEmpty()) {
            return EnumSet.allOf(Scenario.class);
        }
        Set<Scenario> chosen = EnumSet.noneOf(Scenario.class);
        for (String name : scenarioNames) {
            chosen.add(Stream.of(Scenario.values()).filter(s -> s.id.equals(name)).findFirst()
                    .orElseThrow(() -> new CommandLine.ParameterException(new CommandLine(this),
                            "--scenarios: no build '" + name + "'; the builds are cold, cold-no-pdf, warm, one-change, large-plan")));
        }
        return chosen;
    }

    /**
     * Copies every corpus into the work folder, so that both tools read from the same disk and Hugo's
     * lock file and the edited progress update land in copies, and makes the synthetic ones there.
     */
    private List<Corpus> corpora(boolean withHugo) throws IOException {
        List<Corpus> corpora = new ArrayList<>();
        List<Integer> synthetic = plans.isEmpty() && external.isEmpty() && !shipped ? List.of(5, 100) : plans;
        if (shipped) {
            corpora.add(Corpus.counted(Corpus.SHIPPED, TestBuilds.copy(Path.of("content"), workFolder.resolve("shipped/content")), null));
        }
        int n = 0;
        for (ExternalCorpus corpus : external) {
            Path folder = workFolder.resolve("corpus-" + ++n);
            Path hugoSite = withHugo && corpus.hugoSite != null ? TestBuilds.copy(corpus.hugoSite, folder.resolve("hugo-site")) : null;
            corpora.add(Corpus.counted(corpus.content.toAbsolutePath().normalize().getFileName().toString(),
                    TestBuilds.copy(corpus.content, folder.resolve("content")), hugoSite));
        }
        for (int size : synthetic.stream().sorted().toList()) {
            Path content = workFolder.resolve("synthetic-" + size + "/content");
            SyntheticContent.archive(content, size);
            corpora.add(Corpus.counted("synthetic", content, null));
        }
        return corpora;
    }

    /**
     * One build of one corpus, measured in alternating pairs after the warm-ups. The cold build with
     * PDFs leaves its site and cache for the warm builds after it, as a user's first build would;
     * a warm build that finds none makes them first, unmeasured. The one-change build edits the
     * corpus's copy of the content.
     */
    private BenchmarkReport.Result run(Corpus corpus, Scenario scenario, BenchmarkReport report) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(corpus.content().resolveSibling(scenario == Scenario.COLD_NO_PDF ? "no-pdf" : "builds"));
        Path site = folder.resolve("site");
        Path cache = folder.resolve("cache");
        Path hugoOut = folder.resolve("hugo-out");
        boolean cold = scenario == Scenario.COLD || scenario == Scenario.COLD_NO_PDF || scenario == Scenario.LARGE_PLAN;
        ProgressEdit edit = scenario == Scenario.ONE_CHANGE ? ProgressEdit.in(corpus.content()) : null;
        int[] revision = {0};
        List<Side> sides = new ArrayList<>();
        sides.add(new Side("Followthrough", build(corpus.content(), scenario, site, cache), () -> {
            if (cold) {
                delete(site);
                delete(cache);
            }
            if (edit != null) {
                edit.revise(++revision[0]);
            }
        }));
        if (corpus.hasHugo()) {
            sides.add(new Side("Hugo", List.of(hugo, "-s", corpus.hugoSite().toString(), "-d", hugoOut.toString(), "--quiet"), () -> {
                if (cold) {
                    delete(hugoOut);
                }
            }));
        }
        String name = corpus.label() + " · " + scenario.description;
        Map<Side, List<ProcessMeter.Usage>> usages = new LinkedHashMap<>();
        Map<Side, String> failures = new LinkedHashMap<>();
        String made = null;
        try {
            if (!cold && !primed.contains(folder)) {
                for (Side side : sides) {
                    measure(name + " (first build)", side);
                }
            }
            for (int i = 0; i < warmUps + pairs; i++) {
                for (Side side : sides) {
                    ProcessMeter.Run run = measure(name + (i < warmUps ? " (warm-up)" : ""), side);
                    if (i >= warmUps) {
                        usages.computeIfAbsent(side, s -> new ArrayList<>()).add(run.usage());
                    }
                    if (side == sides.get(0)) {
                        made = madeAfresh(run.output());
                    }
                }
            }
            primed.add(folder);
        } catch (BuildFailed e) {
            primed.remove(folder);
            failures.put(e.side, e.getMessage());
            log.println(name + " · " + e.side.tool + " failed, " + e.getMessage() + "; the end of its error output:");
            List<String> lines = Files.readAllLines(e.stderr, StandardCharsets.UTF_8);
            lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(line -> log.println("  " + line));
        }
        if (scenario == Scenario.COLD) {
            report.outputs(corpus, FolderSize.of(corpus.content()), corpus.hasHugo() ? FolderSize.of(corpus.hugoSite().resolve("content"))
                    : null, FolderSize.of(site), FolderSize.of(cache), corpus.hasHugo() ? FolderSize.of(hugoOut) : null);
        } else if (scenario == Scenario.COLD_NO_PDF) {
            report.outputWithoutPdfs(corpus, FolderSize.of(site));
        }
        if (edit != null) {
            edit.restore();
        }
        Side followthrough = sides.get(0);
        Side hugoSide = sides.size() > 1 ? sides.get(1) : null;
        return new BenchmarkReport.Result(corpus, scenario,
                new BenchmarkReport.Outcome(usages.getOrDefault(followthrough, List.of()), failures.get(followthrough)),
                hugoSide == null ? null : new BenchmarkReport.Outcome(usages.getOrDefault(hugoSide, List.of()), failures.get(hugoSide)),
                made);
    }

    /** The command a user would type, with the options the build asks for. */
    private List<String> build(Path content, Scenario scenario, Path site, Path cache) {
        List<String> options = new ArrayList<>(javaOptions);
        if (scenario == Scenario.LARGE_PLAN) {
            options.add("-Xmx1g");
        }
        List<String> command = new ArrayList<>();
        if (launcher != null) {
            // env runs the launcher in its place, so the time and memory measured are the launcher's and then Java's
            command.addAll(List.of("env", "JAVA_HOME=" + System.getProperty("java.home"), "FOLLOWTHROUGH_OPTS=" + String.join(" ", options),
                    "FOLLOWTHROUGH_CLASS_CACHE=" + workFolder.resolve("class-cache"), launcher.toString()));
        } else {
            command.add(Machine.java().toString());
            command.addAll(options);
            command.addAll(List.of("-jar", jar.toString()));
        }
        command.addAll(List.of("build", "--content", content.toString(), "--out", site.toString(),
                "--cache", cache.toString(), "--as-of", SyntheticContent.AS_OF.toString()));
        if (scenario == Scenario.COLD_NO_PDF) {
            command.add("--no-pdf");
        }
        return command;
    }

    private ProcessMeter.Run measure(String name, Side side) throws IOException, InterruptedException {
        side.before.run();
        ProcessMeter.Run run = meter.run(side.command, workFolder);
        if (run.exitCode() != 0) {
            throw new BuildFailed(side, run);
        }
        ProcessMeter.Usage usage = run.usage();
        log.printf(Locale.ROOT, "%s · %s: %.2f s wall, %.2f s CPU, %d MiB%n", name, side.tool, usage.wallSeconds(), usage.cpuSeconds(),
                usage.peakKib() / 1024);
        return run;
    }

    /** "31 of 1,156" from the build's last line: files made, not taken from the cache, of those published. */
    private static String madeAfresh(String output) {
        Matcher left = LEFT.matcher(output);
        if (left.find()) {
            return String.format(Locale.ROOT, "0 of %,d", Integer.parseInt(left.group(1)));
        }
        Matcher matcher = PUBLISHED.matcher(output);
        if (!matcher.find()) {
            return null;
        }
        int published = Integer.parseInt(matcher.group(1));
        return String.format(Locale.ROOT, "%,d of %,d", published - Integer.parseInt(matcher.group(2)), published);
    }

    private record Side(String tool, List<String> command, Step before) {
    }

    /** Work done before a run, outside its measurement. */
    private interface Step {
        void run() throws IOException;
    }

    /** A build that exited with an error: the scenario stops, and the report says why. */
    private static final class BuildFailed extends IOException {
        final transient Side side;
        final transient Path stderr;

        BuildFailed(Side side, ProcessMeter.Run run) throws IOException {
            super("exit " + run.exitCode() + ": " + message(run.stderr()));
            this.side = side;
            this.stderr = run.stderr();
        }

        /** The first line naming an error or exception (a stack trace's head), else the last line. */
        private static String message(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("at ") && !line.startsWith("SLF4J")).toList();
            return lines.stream().filter(line -> line.matches(".*\\b\\w+(Error|Exception)\\b.*")).findFirst()
                    .map(line -> line.replaceFirst("^Exception in thread \"[^\"]*\" ", ""))
                    .orElse(lines.isEmpty() ? "no message" : lines.get(lines.size() - 1));
        }
    }

    private void deleteUnlessKept(Path folder) throws IOException {
        if (keep) {
            log.println("Kept " + folder);
        } else {
            delete(folder);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

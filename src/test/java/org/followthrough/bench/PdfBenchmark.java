package org.followthrough.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Measures the PDF summaries alone, on a synthetic archive: CPU time per PDF of each kind (plan,
 * organisation, site), the wall time of rendering them all in parallel, and one plan of 10,000 actions
 * (time and peak heap). Not part of the test suite. See README, "Benchmark".
 *
 * <p>With {@code --before JAR} (the shaded jar of an earlier version), it renders the same PDFs with
 * that version too, loaded in a class loader of its own, alternating rounds, and reports the ratio.
 *
 * <pre>
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.followthrough.bench.PdfBenchmark \
 *     [--before ../before/target/followthrough.jar] [--plans 20] [--rounds 3] [--big 10000]
 * </pre>
 */
public final class PdfBenchmark {

    private PdfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int plans = Integer.parseInt(options.getOrDefault("--plans", "20"));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "3"));
        int big = Integer.parseInt(options.getOrDefault("--big", "10000"));
        int cores = Runtime.getRuntime().availableProcessors();

        Path content = Files.createTempDirectory("followthrough-pdf-bench-");
        SyntheticContent.archive(content, plans);
        System.out.printf(Locale.ROOT, "%d cores, max heap %d MB; %d plans of about 30 actions, %d rounds%n",
                cores, Runtime.getRuntime().maxMemory() >> 20, plans, rounds);

        Map<String, BiFunction<Path, String, long[]>> versions = new LinkedHashMap<>();
        if (options.containsKey("--before")) {
            versions.put("before", isolated(Path.of(options.get("--before"))));
        }
        versions.put("after", new PdfWorkload());
        List<String> kinds = List.of("plan", "organisation", "site");
        Map<String, double[]> best = new LinkedHashMap<>();
        for (int round = 0; round <= rounds; round++) {
            for (Map.Entry<String, BiFunction<Path, String, long[]>> version : versions.entrySet()) {
                for (String kind : kinds) {
                    long[] r = version.getValue().apply(content, kind);
                    if (round > 0) { // round 0 warms up
                        double ms = r[1] / 1e6 / r[0];
                        best.merge(version.getKey() + " " + kind, new double[] {ms, r[0], r[3] / (double) r[0]},
                                (a, b) -> a[0] <= b[0] ? a : b);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-14s %6s %16s %16s %8s %12s%n", "PDF", "count", "before ms CPU", "after ms CPU", "ratio",
                "after KB");
        for (String kind : kinds) {
            double[] after = best.get("after " + kind);
            double[] before = best.get("before " + kind);
            System.out.printf(Locale.ROOT, "%-14s %6d %16s %16.1f %8s %12.1f%n", kind, (long) after[1],
                    before == null ? "-" : String.format(Locale.ROOT, "%.1f", before[0]), after[0],
                    before == null ? "-" : String.format(Locale.ROOT, "%.1fx", before[0] / after[0]), after[2] / 1024);
        }
        System.out.println("(best of the rounds, CPU time of one thread per PDF, template and HTML parsing included)");

        for (Map.Entry<String, BiFunction<Path, String, long[]>> version : versions.entrySet()) {
            long[] one = version.getValue().apply(content, "all:1");
            long[] all = version.getValue().apply(content, "all:" + cores);
            System.out.printf(Locale.ROOT, "%s: all %d PDFs, one thread %d ms, %d threads %d ms wall (%.2fx)%n", version.getKey(), all[0],
                    one[2] / 1_000_000, cores, all[2] / 1_000_000, (double) one[2] / all[2]);
        }

        if (big > 0) {
            Path large = Files.createTempDirectory("followthrough-pdf-bench-big-");
            SyntheticContent.onePlan(large, big);
            PdfWorkload after = new PdfWorkload();
            after.apply(content, "plan"); // warm
            System.gc();
            resetPeaks();
            long[] r = after.apply(large, "plan");
            System.out.printf(Locale.ROOT, "after: one plan of %d actions: %.1f s wall, %.1f s CPU, %.1f MB, peak heap %d MB (max %d MB); "
                            + "loading and checking the content included in the peak, not in the times%n", big, r[2] / 1e9, r[1] / 1e9,
                    r[3] / 1e6, peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    /**
     * A {@link PdfWorkload} running on an earlier version's jar: everything of Followthrough and its
     * libraries comes from the jar, only this package's workload class from here.
     */
    @SuppressWarnings("unchecked")
    private static BiFunction<Path, String, long[]> isolated(Path jar) throws Exception {
        ClassLoader here = PdfBenchmark.class.getClassLoader();
        ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (name.startsWith(PdfWorkload.class.getName())) {
                    try (InputStream in = here.getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        return defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return super.findClass(name);
            }
        };
        return (BiFunction<Path, String, long[]>) loader.loadClass(PdfWorkload.class.getName()).getConstructor().newInstance();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the reset: at least the peak of the heap as a whole. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}

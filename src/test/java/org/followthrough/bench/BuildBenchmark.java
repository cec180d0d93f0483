package org.followthrough.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.output.Publisher;

/**
 * Measures the build inside one JVM on synthetic archives of growing size, writing nothing to disk
 * and using no cache: time per action as the archive grows (should stay flat), and the speed-up
 * from rendering in parallel. A loop to run under a profiler; {@link ProcessBenchmark} measures
 * builds as a user runs them. See README, "Benchmark".
 */
public final class BuildBenchmark {

    private BuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {50, 200} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "%d cores%n", Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%8s %8s %8s %10s %12s %12s%n", "plans", "actions", "files", "ms", "ms/action", "MB written");
        for (int plans : sizes) {
            Path content = Files.createTempDirectory("followthrough-bench-");
            SyntheticContent.archive(content, plans);
            run(content, plans, false); // warm-up, not reported
            run(content, plans, true);
        }
        System.out.println("Parallel speed-up on the largest archive:");
        Path content = Files.createTempDirectory("followthrough-bench-");
        SyntheticContent.archive(content, sizes[sizes.length - 1]);
        long parallel = run(content, sizes[sizes.length - 1], false);
        long serial = new ForkJoinPool(1).submit(() -> run(content, sizes[sizes.length - 1], false)).get();
        System.out.printf(Locale.ROOT, "  one thread %d ms, all cores %d ms: %.2fx%n", serial, parallel, (double) serial / parallel);
    }

    private static long run(Path content, int plans, boolean report) {
        CountingPublisher out = new CountingPublisher();
        long start = System.nanoTime();
        BuildResult result = Pipeline.build(new BuildRequest(content, null, null, SyntheticContent.AS_OF, null, Clock.systemUTC()), out);
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (!result.succeeded()) {
            throw new IllegalStateException(result.problems().toString());
        }
        if (report) {
            long actions = result.archive().plans().stream().mapToLong(p -> p.actions().count()).sum();
            System.out.printf(Locale.ROOT, "%8d %8d %8d %10d %12.2f %12.1f%n", plans, actions, out.files, ms, (double) ms / actions,
                    out.bytes / 1e6);
        }
        return ms;
    }

    /** Counts what would be written, so the benchmark measures the build and not the disk. */
    private static final class CountingPublisher implements Publisher {
        long files;
        long bytes;

        @Override
        public synchronized void write(String path, byte[] content) {
            files++;
            bytes += content.length;
        }
    }
}

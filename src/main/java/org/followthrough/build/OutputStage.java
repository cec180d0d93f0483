package org.followthrough.build;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.followthrough.cache.BuildCache;
import org.followthrough.output.Publisher;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;
import org.followthrough.render.Fingerprint;
import org.followthrough.render.Output;
import org.followthrough.render.RenderContext;
import org.followthrough.render.TemplateEngine;
import org.followthrough.render.pdf.PdfFonts;

/**
 * Makes the outputs the render stage decided on and hands each to the publisher as soon as it is
 * ready: from the cache when an output with the same fingerprint was made before, otherwise by its
 * recipe (and then kept in the cache). Units run in parallel, in the order given (the dearest
 * first), each on one thread with its own {@link RenderContext}; outputs that show the sizes of
 * other units' downloads (the sitemap) run last.
 */
final class OutputStage {

    /** What the stage did: files published, and how many of them came from the cache. */
    record Counts(int published, int fromCache, int made) {
        Counts plus(Counts other) {
            return new Counts(published + other.published, fromCache + other.fromCache, made + other.made);
        }
    }

    private final BuildCache cache;
    private final Publisher publisher;
    private final boolean pdfs;
    private final Problems problems;
    private final BuildProgress progress;
    private final java.util.function.UnaryOperator<String> templateLocation;
    private final Map<String, Integer> sizes = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger fromCache = new AtomicInteger();
    private final AtomicInteger made = new AtomicInteger();
    private final AtomicInteger published = new AtomicInteger();
    private int total;

    /**
     * @param templateLocation where a template named in a template problem is, for the message: the site's own file or the built-in one
     */
    OutputStage(BuildCache cache, Publisher publisher, boolean pdfs, java.util.function.UnaryOperator<String> templateLocation,
                Problems problems, BuildProgress progress) {
        this.cache = cache;
        this.publisher = publisher;
        this.pdfs = pdfs;
        this.templateLocation = templateLocation;
        this.problems = problems;
        this.progress = progress;
    }

    Counts run(List<Output> outputs) {
        List<Output> wanted = outputs.stream().filter(o -> pdfs || o.kind() != Output.Kind.PDF).toList();
        total = wanted.size();
        Map<String, List<Output>> units = new LinkedHashMap<>();
        List<Output> late = new ArrayList<>();
        Map<String, String> unitOf = wanted.stream().collect(Collectors.toMap(Output::path, Output::unit, (a, b) -> a));
        for (Output output : wanted) {
            boolean dependsOnOthers = output.showsSizeOf().stream().anyMatch(p -> unitOf.containsKey(p) && !unitOf.get(p).equals(output.unit()));
            if (dependsOnOthers) {
                late.add(output);
            } else {
                units.computeIfAbsent(output.unit(), u -> new ArrayList<>()).add(output);
            }
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "followthrough-render");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (List<Output> unit : units.values()) {
                futures.add(pool.submit(() -> runUnit(unit)));
            }
            await(futures);
            if (!problems.hasErrors()) {
                runUnit(late);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Counts(published.get(), fromCache.get(), made.get());
    }

    private static void await(List<Future<?>> futures) {
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the build was interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void runUnit(List<Output> unit) {
        RenderContext context = new RenderContext(pdfs, path -> Optional.ofNullable(sizes.get(path)));
        for (Output output : unit) {
            if (problems.hasErrors()) {
                return;
            }
            try {
                produce(output, context);
            } catch (TemplateEngine.TemplateProblem e) {
                problems.error(new Location(templateLocation.apply(e.template()), e.line(), e.column()), "template error while rendering " + output.path() + ": " + e.getMessage(),
                        "fix the template; the previous site is unchanged");
            } catch (PdfFonts.MissingFontsException e) {
                problems.error(Location.of(output.path()), e.getMessage(), null);
            }
            progress.fileDone(done.incrementAndGet(), total, fromCache.get());
        }
    }

    /**
     * The key an output's bytes are kept by: its fingerprint with the sizes it shows. The path is part
     * of every key: two outputs made from the same things are still two files.
     */
    static String cacheKey(Output output, java.util.function.Function<String, Optional<Integer>> sizes) {
        List<Object> shown = new ArrayList<>();
        for (String path : output.showsSizeOf()) {
            shown.add(path);
            shown.add(sizes.apply(path).orElse(-1));
        }
        return Fingerprint.of(output.path(), output.key(), shown);
    }

    private void produce(Output output, RenderContext context) {
        String key = cacheKey(output, context::size);
        // The site being replaced is the first cache: its unchanged files are linked, not copied (never with --no-cache).
        long kept = cache.enabled() ? publisher.reuse(output.path(), key) : -1;
        if (kept >= 0) {
            record(output, context, (int) kept);
            fromCache.incrementAndGet();
            return;
        }
        Optional<BuildCache.Hit> hit = cache.find(key);
        if (hit.isPresent()) {
            try {
                if (hit.get() instanceof BuildCache.Hit.File file) {
                    publisher.copy(output.path(), file.path(), key);
                    record(output, context, (int) file.size());
                    fromCache.incrementAndGet();
                }
                return;
            } catch (UncheckedIOException e) {
                // Removed by another build's trimming meanwhile: make it instead.
            }
        }
        byte[] bytes = output.recipe().make(context);
        cache.put(key, bytes);
        made.incrementAndGet();
        if (bytes != null) {
            publisher.write(output.path(), bytes, key);
            record(output, context, bytes.length);
        }
    }

    private void record(Output output, RenderContext context, int size) {
        context.recordSize(output.path(), size);
        sizes.put(output.path(), size);
        published.incrementAndGet();
    }
}

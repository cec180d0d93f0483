package org.followthrough.pipeline;

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
import org.followthrough.guard.OutputGuard;
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

    /**
     * With {@code -Dfollowthrough.timings=true}, the processor time spent making each kind of output is
     * printed at the end of a build: for finding what to make cheaper, not for users.
     */
    private static final Map<String, Long> TIMINGS = Boolean.getBoolean("followthrough.timings") ? timings() : null;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static Map<String, Long> timings() {
        Map<String, Long> timings = new ConcurrentHashMap<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> new java.util.TreeMap<>(timings).forEach((kind, nanos) ->
                System.err.printf(java.util.Locale.ROOT, "%-40s %8.3f s%n", kind, nanos / 1e9))));
        return timings;
    }

    /** "plans/*&#47;index.html", "organisations/*&#47;summary.pdf": an output's path with its ids left out. */
    private static String category(String path) {
        String[] parts = path.split("/");
        if (parts.length >= 3 && (parts[0].equals("plans") || parts[0].equals("organisations") || parts[0].equals("fragments")
                || parts[0].equals("themes"))) {
            parts[parts.length - 2] = "*";
        }
        if (parts.length >= 3 && parts[parts.length - 3].equals("page")) {
            parts[parts.length - 2] = "*";
        }
        return String.join("/", parts);
    }

    private final BuildCache cache;
    private final Publisher publisher;
    private final boolean pdfs;
    private final Problems problems;
    private final BuildProgress progress;
    private final java.util.function.UnaryOperator<String> templateLocation;
    private final OutputGuard guard;
    /** Where the publisher puts this stage's files in the output folder ("" or an organisation's folder), for the guard. */
    private final String folder;
    private final RenderContext.Parts parts;
    private final Map<String, Integer> sizes = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger fromCache = new AtomicInteger();
    private final AtomicInteger made = new AtomicInteger();
    private final AtomicInteger published = new AtomicInteger();
    private int total;
    /** Set when a unit failed, or a template did: the other units stop before their next output. */
    private volatile boolean failed;
    /** Each template problem met. */
    private final java.util.Set<TemplateFault> templateFaults = ConcurrentHashMap.newKeySet();

    /** A template problem, wherever it was met: the template's name, its place as messages give it, and what is wrong. */
    private record TemplateFault(String template, Location at, String message) {
    }

    /** The template problem {@code e} is, placed as messages place it. */
    private TemplateFault fault(TemplateEngine.TemplateProblem e) {
        return new TemplateFault(e.template(), new Location(templateLocation.apply(e.template()), e.line(), e.column()), e.getMessage());
    }

    /** The most files made again, one by one, to find the first that meets a template problem. */
    private static final int FAULT_SEARCH = 2_000;

    /**
     * " while rendering PATH": the first file, in the site's order, that meets the template problem, so that a problem only
     * some content brings out names the same page each build (the render threads stop where timing has them); made again
     * on this thread, into nothing, up to {@link #FAULT_SEARCH} files. Empty where none of those meets it.
     */
    private String firstPageMeeting(TemplateFault fault, List<Output> wanted) {
        RenderContext context = new RenderContext(pdfs, path -> Optional.ofNullable(sizes.get(path)), RenderContext.Parts.NONE);
        boolean pdfTemplate = fault.template().startsWith("pdf/");
        int tried = 0;
        for (Output output : wanted) {
            if ((output.kind() == Output.Kind.PDF) != pdfTemplate) {
                continue;
            }
            if (++tried > FAULT_SEARCH) {
                break;
            }
            try {
                output.recipe().make(context);
            } catch (TemplateEngine.TemplateProblem e) {
                if (fault(e).equals(fault)) {
                    return " while rendering " + output.path();
                }
            } catch (RuntimeException other) {
                // another failure is not this one's to tell
            }
        }
        return "";
    }

    /**
     * @param templateLocation where a template named in a template problem is, for the message: the site's own file or the built-in one
     * @param guard            reads every file before it is published, and keeps back any that holds a protected name
     * @param folder           where {@code publisher} puts the files in the output folder, for the guard's messages
     */
    OutputStage(BuildCache cache, Publisher publisher, String folder, boolean pdfs, java.util.function.UnaryOperator<String> templateLocation,
                OutputGuard guard, Problems problems, BuildProgress progress) {
        this.cache = cache;
        this.publisher = publisher;
        this.folder = folder;
        this.guard = guard;
        this.pdfs = pdfs;
        this.templateLocation = templateLocation;
        this.problems = problems;
        this.progress = progress;
        this.parts = parts(cache, guard);
    }

    /**
     * The parts of outputs (a plan's rows of the site's CSV), and what the site's keys take from each plan, kept
     * in the build cache beside the outputs. None while names are protected: a part is not a file the guard reads,
     * and the cache keeps nothing unread.
     */
    static RenderContext.Parts parts(BuildCache cache, OutputGuard guard) {
        if (!cache.enabled() || guard.isOn()) {
            return RenderContext.Parts.NONE;
        }
        return new RenderContext.Parts() {
            @Override
            public Optional<byte[]> find(String key) {
                return cache.find(key).flatMap(hit -> hit instanceof BuildCache.Hit.File file ? BuildCache.read(file) : Optional.empty());
            }

            @Override
            public void keep(String key, byte[] bytes) {
                cache.put(key, bytes);
            }
        };
    }

    /**
     * Makes or reuses every output of a site. A unit with a key (see {@link org.followthrough.render.SiteRenderer#unitKeys})
     * that an earlier build published whole from the same key, and whose files the site being replaced still has as they
     * were, is kept whole, without working out its outputs' fingerprints.
     */
    Counts run(org.followthrough.render.SiteRenderer site) {
        StageTimes.reached("renderer set up" + (folder.isEmpty() ? "" : " for " + folder));
        List<Output> outputs = site.outputs();
        StageTimes.reached("outputs listed");
        return run(outputs, site.unitKeys());
    }

    /** Makes or reuses these outputs, keeping whole the units with a key in {@code unitKeys} where it can. */
    Counts run(List<Output> outputs, Map<String, String> unitKeys) {
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
                futures.add(pool.submit(() -> {
                    try {
                        runUnit(unit, unitKeys.get(unit.get(0).unit()));
                    } catch (RuntimeException | Error e) {
                        failed = true;
                        throw e;
                    }
                }));
            }
            await(futures);
            if (!problems.hasErrors() && !failed) {
                runUnit(late, null);
            }
            templateFaults.forEach(fault -> problems.error(fault.at(), "template error" + firstPageMeeting(fault, wanted) + ": " + fault.message(),
                    "fix the template; nothing was published"));
        } catch (RuntimeException | Error e) {
            failed = true;
            throw e;
        } finally {
            pool.shutdownNow();
            // Nothing may still be writing into the staging folder once this returns: the caller removes it on failure.
            awaitEnd(pool);
        }
        return new Counts(published.get(), fromCache.get(), made.get());
    }

    /**
     * Waits until every task has stopped; each stops after the output it is making, as {@link #failed} says. A task that
     * has not stopped within ten minutes (a write the file system never finishes) is waited for no longer, nor when this
     * thread is interrupted: the build then ends as it would have.
     */
    private static void awaitEnd(ExecutorService pool) {
        try {
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /**
     * @param unitKey the unit's key (see {@link org.followthrough.render.SiteRenderer#unitKeys}), by which it may be kept
     *                whole; null for a unit without one, and for the outputs of several units run last
     */
    private void runUnit(List<Output> unit, String unitKey) {
        RenderContext context = new RenderContext(pdfs, path -> Optional.ofNullable(sizes.get(path)), parts);
        // Kept as parts are: not while names are protected (the guard reads every file), nor without the cache.
        String record = unitKey == null || parts == RenderContext.Parts.NONE ? null : Fingerprint.of("unit", unitKey, folder, pdfs);
        List<UnitRecord.Entry> published = new ArrayList<>();
        // The files made for a unit with a record are kept in one pack beside it, not one entry each.
        UnitPack.Gathered gathered = record == null ? null : new UnitPack.Gathered();
        List<Output> left = unit;
        if (record != null) {
            left = keepWhole(unit, UnitRecord.find(parts, record), record, context);
        }
        for (Output output : left) {
            if (problems.hasErrors() || failed) {
                return;
            }
            publish(output, null, context, gathered).ifPresent(published::add);
            progress.fileDone(done.incrementAndGet(), total, fromCache.get());
        }
        if (record != null && left == unit && published.size() == unit.size() && !problems.hasErrors()) {
            gathered.keep(cache, record);
            UnitRecord.keep(parts, record, published);
        }
    }

    /**
     * Publishes one output (see {@link #produce}) by {@code key}, or by its fingerprint worked out now when that is null;
     * empty when a template or the fonts failed, which a problem then says.
     */
    private Optional<UnitRecord.Entry> publish(Output output, String key, RenderContext context, UnitPack.Gathered gathered) {
        try {
            String by = key != null ? key : cacheKey(output, context::size);
            return Optional.of(new UnitRecord.Entry(output.path(), by, produce(output, by, context, gathered)));
        } catch (TemplateEngine.TemplateProblem e) {
            // Told once, when the stage ends, with the first page in the site's order that meets it (see firstPageMeeting): the
            // other threads stop after the page each is making, so which pages met it here depends on timing.
            templateFaults.add(fault(e));
            failed = true;
        } catch (PdfFonts.MissingFontsException e) {
            // Said once, not once a PDF: every PDF fails for the same reason (problems are told once each).
            problems.error(Location.of(PdfFonts.ENVIRONMENT_VARIABLE), e.getMessage(), e.hint());
        }
        return Optional.empty();
    }

    /**
     * Keeps a unit whole when the record of how an earlier build published it lists the same files: each file is kept
     * from the site being replaced where it still has it as published, else taken from the pack kept beside the record,
     * else (a PDF, kept by what it is typeset from, or a file the pack of a unit made in part does not hold) made, all
     * by the fingerprints the record lists, without working out the unit's fingerprints again. Returns the outputs
     * still to make: all of them, or none.
     *
     * @param key the record's key, beside which the unit's pack is kept
     */
    private List<Output> keepWhole(List<Output> unit, Optional<List<UnitRecord.Entry>> record, String key, RenderContext context) {
        if (record.isEmpty() || record.get().size() != unit.size()) {
            return unit;
        }
        List<UnitRecord.Entry> entries = record.get();
        for (int i = 0; i < unit.size(); i++) {
            if (!entries.get(i).path().equals(unit.get(i).path())) {
                return unit;
            }
        }
        // opened only when the site lacks a file: a build that keeps the site's files never reads it
        UnitPack pack = null;
        boolean looked = false;
        try {
            for (int i = 0; i < unit.size(); i++) {
                UnitRecord.Entry entry = entries.get(i);
                if (problems.hasErrors() || failed) {
                    return List.of();
                }
                if (entry.published()) {
                    long kept = publisher.reuse(entry.path(), entry.key());
                    if (kept < 0) {
                        if (!looked) {
                            pack = UnitPack.open(cache, key).orElse(null);
                            looked = true;
                        }
                        Optional<byte[]> bytes = pack == null ? Optional.empty() : pack.bytes(entry.key());
                        if (bytes.isPresent()) {
                            publisher.write(entry.path(), bytes.get(), entry.key());
                            kept = bytes.get().length;
                        }
                    }
                    if (kept >= 0) {
                        record(unit.get(i), context, (int) kept);
                        fromCache.incrementAndGet();
                    } else {
                        publish(unit.get(i), entry.key(), context, null);
                    }
                }
                progress.fileDone(done.incrementAndGet(), total, fromCache.get());
            }
            if (!looked) {
                // not read, as the site holds the unit's files; kept for a build into a folder without them
                UnitPack.markUsed(cache, key);
            }
        } finally {
            if (pack != null) {
                pack.close();
            }
        }
        return List.of();
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

    /**
     * Publishes an output, from the site being replaced, the cache or its recipe; returns its size, or -1 when it is not published.
     *
     * @param gathered where the bytes of an output made are gathered, to be kept as one pack with the rest of its unit;
     *             null to keep each in an entry of its own
     */
    private long produce(Output output, String key, RenderContext context, UnitPack.Gathered gathered) {
        // The site being replaced is the first cache: its unchanged files are linked, not copied (never with --no-cache).
        if (cache.enabled() && fromPreviousSite(output, context, key)) {
            return sizes.getOrDefault(output.path(), -1);
        }
        Optional<BuildCache.Hit> hit = cache.find(key);
        if (hit.isPresent() && (hit.get() instanceof BuildCache.Hit.NoFile || fromCache(output, context, (BuildCache.Hit.File) hit.get(), key))) {
            return sizes.getOrDefault(output.path(), -1);
        }
        long started = TIMINGS != null ? THREADS.getCurrentThreadCpuTime() : 0;
        int partsMade = context.partsMade();
        byte[] bytes = output.recipe().make(context);
        if (TIMINGS != null) {
            TIMINGS.merge(category(output.path()), THREADS.getCurrentThreadCpuTime() - started, Long::sum);
        }
        // A PDF taken from the cache by the HTML it is typeset from came from the cache; the site's CSV and calendar,
        // joined from parts, were made.
        boolean fromKept = output.kind() == Output.Kind.PDF && output.fromParts() && context.partsMade() == partsMade;
        (fromKept ? fromCache : made).incrementAndGet();
        // A file that holds a protected name is neither published nor kept in the cache.
        if (bytes != null && !admits(output, bytes, key)) {
            return -1;
        }
        // The whole of a file joined from parts the cache keeps would only fill the cache: it is joined again from them.
        if (!(output.fromParts() && parts != RenderContext.Parts.NONE)) {
            if (gathered != null && bytes != null) {
                gathered.add(key, bytes);
            } else {
                cache.put(key, bytes);
            }
        }
        if (bytes == null) {
            return -1;
        }
        publisher.write(output.path(), bytes, key);
        record(output, context, bytes.length);
        return bytes.length;
    }

    /**
     * Keeps the file the site being replaced made from the same fingerprint, after the guard has read it;
     * false when there is none (or it cannot be read), and it must be taken from elsewhere.
     */
    private boolean fromPreviousSite(Output output, RenderContext context, String key) {
        if (guard.isOn()) {
            Optional<byte[]> previous = publisher.previous(output.path(), key).flatMap(OutputStage::read);
            if (previous.isEmpty()) {
                return false;
            }
            if (!admits(output, previous.get(), key)) {
                return true; // kept back: the build fails
            }
        }
        long kept = publisher.reuse(output.path(), key);
        if (kept < 0) {
            return false;
        }
        record(output, context, (int) kept);
        fromCache.incrementAndGet();
        return true;
    }

    /**
     * Publishes a file from the cache, its bytes checked (and read by the guard); false when it has gone meanwhile (another
     * build's trimming) or is damaged, and the file is to be made again.
     */
    private boolean fromCache(Output output, RenderContext context, BuildCache.Hit.File file, String key) {
        Optional<byte[]> cached = BuildCache.read(file);
        if (cached.isEmpty()) {
            return false;
        }
        if (guard.isOn() && !admits(output, cached.get(), key)) {
            return true; // kept back: the build fails
        }
        try {
            publisher.write(output.path(), cached.get(), key);
        } catch (UncheckedIOException e) {
            return false;
        }
        record(output, context, cached.get().length);
        fromCache.incrementAndGet();
        return true;
    }

    private boolean admits(Output output, byte[] bytes, String key) {
        return guard.admits(folder + output.path(), bytes, key);
    }

    /** A file kept from before (in the cache or the site being replaced), to search it; empty when it has gone meanwhile. */
    private static Optional<byte[]> read(java.nio.file.Path file) {
        try {
            return Optional.of(java.nio.file.Files.readAllBytes(file));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private void record(Output output, RenderContext context, int size) {
        context.recordSize(output.path(), size);
        sizes.put(output.path(), size);
        published.incrementAndGet();
    }
}

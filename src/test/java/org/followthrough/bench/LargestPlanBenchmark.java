package org.followthrough.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.followthrough.assemble.Assembler;
import org.followthrough.model.Archive;
import org.followthrough.problem.Problems;
import org.followthrough.render.MarkdownRenderer;
import org.followthrough.render.Output;
import org.followthrough.render.RenderContext;
import org.followthrough.render.SiteRenderer;
import org.followthrough.render.pdf.PdfRenderer;
import org.followthrough.render.TemplateEngine;
import org.followthrough.source.ContentFiles;
import org.followthrough.source.LoadedContent;
import org.followthrough.validate.ContentValidator;
import org.followthrough.validate.ValidContent;

/**
 * Builds one plan of growing size, up to the most actions a plan may have, stage by stage on one
 * thread, and reports the CPU time of each stage and of each kind of output per action: a figure
 * that grows with the plan shows a step that is worse than linear. CPU time, not wall time, because
 * machines are shared; PDFs are measured only with {@code --pdf}, as they take far longer than the rest.
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.followthrough.bench.LargestPlanBenchmark [--pdf] [actions...]}
 */
public final class LargestPlanBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    private LargestPlanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean pdf = List.of(args).contains("--pdf");
        int[] sizes = List.of(args).stream().filter(a -> !a.startsWith("--")).mapToInt(Integer::parseInt).toArray();
        if (sizes.length == 0) {
            sizes = new int[] {2_000, 10_000};
        }
        for (int actions : sizes) {
            Path content = Files.createTempDirectory("followthrough-largest-plan-");
            SyntheticContent.onePlan(content, actions);
            measure(content, pdf); // warm-up, not reported
            Map<String, Long> nanos = measure(content, pdf);
            System.out.printf(Locale.ROOT, "%,d actions, CPU time per action:%n", actions);
            nanos.entrySet().stream().filter(e -> e.getValue() >= 1_000_000) // leave out the stylesheet, the script and the like
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %-14s %8.3f ms%n", e.getKey(), e.getValue() / 1e6 / actions));
            System.out.printf(Locale.ROOT, "  %-14s %8.3f ms; %,d ms in all%n", "total", nanos.values().stream().mapToLong(Long::longValue).sum() / 1e6 / actions,
                    nanos.values().stream().mapToLong(Long::longValue).sum() / 1_000_000);
        }
    }

    /** Stage or kind of output → CPU nanoseconds, in the order of the pipeline. */
    private static Map<String, Long> measure(Path content, boolean pdf) {
        Map<String, Long> nanos = new TreeMap<>();
        Problems problems = new Problems();
        ContentFiles files = cpu(nanos, "1 read", () -> ContentFiles.read(content, problems));
        LoadedContent loaded = cpu(nanos, "2 parse", () -> LoadedContent.load(files, problems));
        ValidContent valid = cpu(nanos, "3 validate", () -> new ContentValidator(AS_OF, problems).validate(loaded).orElseThrow(
                () -> new IllegalStateException(problems.sorted().toString())));
        Archive archive = cpu(nanos, "4 assemble", () -> new Assembler(AS_OF).assemble(valid));
        TemplateEngine engine = new TemplateEngine(Map.of());
        SiteRenderer.Shared shared = new SiteRenderer.Shared(engine, new MarkdownRenderer(), () -> new PdfRenderer(engine), "benchmark", Map.of());
        // One unit at a time, on this thread, as the build makes them, so that a unit's views are made once.
        Map<String, RenderContext> contexts = new java.util.HashMap<>();
        for (Output output : new SiteRenderer(archive, shared).outputs()) {
            String kind = "5 " + kind(output.path());
            if (pdf || output.kind() != Output.Kind.PDF) {
                RenderContext context = contexts.computeIfAbsent(output.unit(), u -> new RenderContext(pdf, path -> java.util.Optional.empty()));
                cpu(nanos, kind, () -> output.recipe().make(context));
            }
        }
        return nanos;
    }

    private static String kind(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        return path.startsWith("fragments/") ? "fragment" : path.endsWith("index.html") ? "page" : extension;
    }

    private static <T> T cpu(Map<String, Long> nanos, String stage, Supplier<T> work) {
        long start = THREADS.getCurrentThreadCpuTime();
        T result = work.get();
        nanos.merge(stage, THREADS.getCurrentThreadCpuTime() - start, Long::sum);
        return result;
    }
}

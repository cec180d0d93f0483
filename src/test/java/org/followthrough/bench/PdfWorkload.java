package org.followthrough.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.model.Archive;
import org.followthrough.model.Organisation;
import org.followthrough.render.MarkdownRenderer;
import org.followthrough.render.TemplateEngine;
import org.followthrough.render.pdf.PdfRenderer;
import org.followthrough.render.view.ViewFactory;
import org.followthrough.render.view.Views.OrganisationView;
import org.followthrough.render.view.Views.PlanView;
import org.followthrough.render.view.Views.SiteView;

/**
 * Renders the PDF summaries of a content folder and measures them, for {@link PdfBenchmark}. It uses
 * only the public API of the pipeline, views and PDF renderer, so the benchmark can also run it against
 * the jar of an earlier version, loaded on its own, to compare both in one run.
 *
 * <p>{@code apply(content, what)} renders one kind of PDF ({@code plan}, {@code organisation},
 * {@code site}) one after another on this thread, or {@code all:N} every PDF on N threads, and returns
 * {count, CPU nanoseconds, wall nanoseconds, bytes}.
 */
public final class PdfWorkload implements BiFunction<Path, String, long[]> {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    private Path loaded;
    private Archive archive;
    private ViewFactory views;
    private PdfRenderer renderer;

    @Override
    public long[] apply(Path content, String what) {
        load(content);
        SiteView site = views.site();
        List<PlanView> plans = archive.plans().stream().map(views::plan).toList();
        List<Supplier<byte[]>> jobs = new ArrayList<>();
        if (what.equals("plan") || what.startsWith("all")) {
            for (PlanView plan : plans) {
                jobs.add(() -> renderer.plan(site, plan));
            }
        }
        if (what.equals("organisation") || what.startsWith("all")) {
            for (Organisation organisation : archive.organisations()) {
                OrganisationView view = views.organisation(organisation);
                if (!view.groups().isEmpty()) {
                    jobs.add(() -> renderer.organisation(site, view));
                }
            }
        }
        if (what.equals("site") || what.startsWith("all")) {
            jobs.add(() -> renderer.site(site, archive.plans().stream().map(views::planSummary).toList()));
        }
        if (what.startsWith("all:")) {
            return parallel(jobs, Integer.parseInt(what.substring(4)));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        long bytes = 0;
        for (Supplier<byte[]> job : jobs) {
            bytes += job.get().length;
        }
        return new long[] {jobs.size(), threads.getCurrentThreadCpuTime() - cpu, System.nanoTime() - wall, bytes};
    }

    private static long[] parallel(List<Supplier<byte[]>> jobs, int threads) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            List<Future<byte[]>> results = new ArrayList<>();
            for (Supplier<byte[]> job : jobs) {
                results.add(pool.submit(job::get));
            }
            long bytes = 0;
            for (Future<byte[]> result : results) {
                bytes += result.get().length;
            }
            return new long[] {jobs.size(), os.getProcessCpuTime() - cpu, System.nanoTime() - wall, bytes};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private void load(Path content) {
        if (content.equals(loaded)) {
            return;
        }
        BuildResult result = Pipeline.check(new BuildRequest(content, null, null, AS_OF, null, Clock.systemUTC()));
        if (!result.succeeded()) {
            throw new IllegalStateException(result.problems().toString());
        }
        archive = result.archive();
        views = new ViewFactory(archive, new MarkdownRenderer());
        renderer = new PdfRenderer(new TemplateEngine(null));
        loaded = content;
    }
}

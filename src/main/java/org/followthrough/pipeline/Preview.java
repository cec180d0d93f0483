package org.followthrough.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.followthrough.cache.MemoryCache;
import org.followthrough.cache.PlanStore;
import org.followthrough.history.RewrittenProgress;
import org.followthrough.model.Archive;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problem;
import org.followthrough.problem.Problems;
import org.followthrough.render.Fingerprint;
import org.followthrough.render.MarkdownRenderer;
import org.followthrough.render.Routes;
import org.followthrough.render.SiteRenderer;
import org.followthrough.render.TemplateEngine;
import org.followthrough.render.pdf.PdfFonts;
import org.followthrough.render.pdf.PdfRenderer;
import org.followthrough.source.ContentFiles;

/**
 * The site as {@code serve} shows it while an editor works: load, validate and assemble run again on
 * every change, and render decides every file, but a file is made only when it is asked for (see
 * {@link PreviewSite}). Between rebuilds the preview keeps the checked plans, so an unchanged plan is
 * not parsed, checked or assembled again, and the files it made, by their cache key, so an unchanged
 * file is not made again. Nothing is written to disk.
 */
public final class Preview {

    /** How many bytes of made files are kept in memory; the files used longest ago go first. */
    static final long KEPT_BYTES = 256L * 1024 * 1024;

    /**
     * What a rebuild found: its problems (warnings only, when it succeeded) and the site, which is
     * empty when the content or templates have errors.
     */
    public record Result(List<Problem> problems, Optional<PreviewSite> site) {
    }

    private final BuildRequest request;
    private final PlanStore plans;
    private final MemoryCache made = new MemoryCache(KEPT_BYTES);
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    /** The template engine is kept while the templates stay the same: it holds them parsed. */
    private String templatesKey;
    private TemplateEngine engine;
    private Supplier<PdfRenderer> pdf;
    /** The fonts PDFs are set in, found on the first rebuild. */
    private PdfFonts fonts;
    /** The content as last read. */
    private ContentFiles files;
    /**
     * The ids of the plans of the first site the preview showed, as the site published from the same commit has them: a plan
     * gone from the content since is told on every rebuild until it is back, or named by another's former ids. Null before.
     */
    private Set<String> shownPlans;
    /** The pages of the recommendations of those plans, for the same warning about a recommendation. */
    private java.util.NavigableSet<String> shownRecommendations;
    /** The ids of the organisations it showed, for the same warning about an organisation. */
    private Set<String> shownOrganisations;

    /**
     * @param request the content and templates folders, the as-of date (or null for today in the site's
     *                time zone), the clock and the build cache to read checked plans from (never written);
     *                its output folder, base URL and organisation are not used
     */
    /** The content's files changed since the last commit, or saved since serve started (null before the first rebuild). */
    private Set<String> edited;

    public Preview(BuildRequest request) {
        this.request = new BuildRequest(request.content(), request.templates(), null, request.asOf(), null, request.clock());
        // the plans the last build checked, from its cache (read only), so that the first rebuild checks only what changed since
        this.plans = PlanStore.inMemory(Pipeline.keptPlans(request));
    }

    /**
     * Reads the content and templates again, for serving at {@code origin} ("http://127.0.0.1:8000")
     * under the path of the site's own base URL.
     */
    public Result rebuild(String origin) {
        return rebuild(origin, Optional.empty());
    }

    /**
     * The same, told which files changed since the last rebuild (by their real paths): of the
     * content, only those are read again.
     *
     * @param changed the files that changed, or empty when that is not known
     */
    public synchronized Result rebuild(String origin, Optional<Set<Path>> changed) {
        Problems problems = new Problems();
        if (fonts == null) {
            try {
                fonts = PdfFonts.locate();
            } catch (PdfFonts.MissingFontsException e) {
                problems.error(Location.of(PdfFonts.ENVIRONMENT_VARIABLE), e.getMessage(), e.hint());
                return new Result(problems.sorted(), Optional.empty());
            }
        }
        Optional<Set<String>> inContent = files == null ? Optional.empty() : changed.flatMap(this::inContent);
        files = inContent.isPresent() ? files.reread(request.content(), inContent.get(), problems)
                : ContentFiles.read(request.content(), problems);
        Optional<Pipeline.Assembled> assembled = Pipeline.loadValidateAssemble(request, problems, plans, files);
        // An earlier progress update rewritten, as check tells it: the files changed since the last commit when serve started, and
        // every file saved since, compared each time, so that the warning stays while the file is as it is.
        if (edited == null) {
            edited = new java.util.TreeSet<>(RewrittenProgress.changed(request.content()));
        }
        inContent.ifPresent(edited::addAll);
        RewrittenProgress.warn(request.content(), request.content().toString(), edited, problems);
        if (assembled.isEmpty() || problems.hasErrors()) {
            return new Result(problems.sorted(), Optional.empty());
        }
        Archive archive = assembled.get().archive();
        if (shownPlans == null) {
            shownPlans = archive.plans().stream().map(org.followthrough.model.Plan::id).collect(java.util.stream.Collectors.toCollection(
                    java.util.TreeSet::new));
            shownRecommendations = VanishedPages.recommendationPages(archive);
            shownOrganisations = archive.organisations().stream().map(org.followthrough.model.Organisation::id)
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
        VanishedPages.warnInPreview(shownPlans, shownRecommendations, shownOrganisations, archive, request.content(), problems);
        String baseUrl = origin + "/" + Routes.basePath(archive.site());
        archive = archive.withSite(archive.site().withBaseUrl(baseUrl));
        String templates = Fingerprint.of(assembled.get().templates());
        if (!templates.equals(templatesKey)) {
            TemplateEngine changedTemplates = new TemplateEngine(assembled.get().templates());
            // told now, in the terminal and the browser, not only on the pages that use the template when they are asked for
            List<TemplateEngine.TemplateProblem> mistakes = changedTemplates.syntaxProblems();
            if (!mistakes.isEmpty()) {
                java.util.function.UnaryOperator<String> where = Pipeline.templateLocation(changedTemplates, request);
                mistakes.forEach(e -> problems.error(new Location(where.apply(e.template()), e.line(), e.column()),
                        "template error: " + e.getMessage(), "fix the template; the page reloads when it is saved"));
                return new Result(problems.sorted(), Optional.empty());
            }
            templatesKey = templates;
            engine = changedTemplates;
            pdf = Pipeline.pdfRenderer(engine, fonts);
        }
        SiteRenderer.Shared shared = new SiteRenderer.Shared(engine, markdown, pdf, Tool.fingerprint(), assembled.get().assets(),
                fonts.fingerprint());
        SiteRenderer renderer = new SiteRenderer(archive, shared, assembled.get().planKeys());
        PreviewSite site = new PreviewSite(archive, renderer, made, Pipeline.templateLocation(engine, request));
        return new Result(problems.sorted(), Optional.of(site));
    }

    /**
     * The changed files that are in the content folder, by their paths from it (the templates are
     * read again anyway); empty when the content folder itself changed.
     */
    private Optional<Set<String>> inContent(Set<Path> changed) {
        Path root;
        try {
            root = request.content().toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        Set<String> paths = new java.util.TreeSet<>();
        for (Path path : changed) {
            if (path.equals(root)) {
                return Optional.empty();
            }
            if (path.startsWith(root)) {
                paths.add(root.relativize(path).toString().replace(java.io.File.separatorChar, '/'));
            }
        }
        return Optional.of(paths);
    }
}

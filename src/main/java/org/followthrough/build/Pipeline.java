package org.followthrough.build;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.followthrough.assemble.Assembler;
import org.followthrough.assemble.OrganisationScope;
import org.followthrough.history.ChangeHistory;
import org.followthrough.history.GitHistory;
import org.followthrough.model.HistoryDetail;
import org.followthrough.model.Organisation;
import org.followthrough.problem.Suggestions;
import org.followthrough.model.Archive;
import org.followthrough.cache.BuildCache;
import org.followthrough.cache.PlanStore;
import org.followthrough.output.OutputFolder;
import org.followthrough.output.Publisher;
import org.followthrough.output.StagedDirectoryPublisher;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;
import org.followthrough.render.MarkdownRenderer;
import org.followthrough.render.pdf.PdfFonts;
import org.followthrough.render.pdf.PdfRenderer;
import org.followthrough.render.SiteRenderer;
import org.followthrough.render.TemplateEngine;
import org.followthrough.source.ContentFiles;
import org.followthrough.source.LoadedContent;
import org.followthrough.source.TemplateFiles;
import org.followthrough.validate.ContentValidator;
import org.followthrough.validate.ValidContent;

/**
 * The build, stage by stage and in order: load → validate → assemble → render → write.
 * {@code check} is the first two stages. Problems from any stage are collected and returned, never thrown.
 */
public final class Pipeline {

    private Pipeline() {
    }

    /** The assembled archive, the content's assets (logos), which are copied as they are, and the site's own templates. */
    /**
     * The assembled archive, the content's assets (logos, copied as they are), the site's own templates,
     * and a fingerprint of each plan's files where it has one.
     */
    record Assembled(Archive archive, Map<String, byte[]> assets, Map<String, byte[]> templates, Map<String, String> planKeys) {
    }

    /** Load and validate only; writes nothing. */
    public static BuildResult check(BuildRequest request) {
        Problems problems = new Problems();
        Optional<Assembled> assembled = loadValidateAssemble(request, problems);
        return new BuildResult(problems.sorted(), assembled.map(Assembled::archive).orElse(null), 0);
    }

    /** The whole build, publishing to the request's output folder only if every stage succeeded. */
    public static BuildResult build(BuildRequest request) {
        return build(request, BuildProgress.NONE);
    }

    /** The whole build, telling {@code progress} how it goes. */
    public static BuildResult build(BuildRequest request, BuildProgress progress) {
        Problems problems = new Problems();
        // before anything else, so that a folder that must not be replaced costs no work and nothing is created
        Optional<OutputFolder> folder = OutputFolder.claim(request.output(), request.content(), request.templates(), problems);
        if (folder.isEmpty()) {
            return BuildResult.notWritten(problems.sorted());
        }
        progress.stage("Checking the content");
        Optional<Assembled> assembled = loadValidateAssemble(request, problems);
        if (assembled.isEmpty()) {
            return new BuildResult(problems.sorted(), null, 0);
        }
        progress.stage("Rendering");
        BuildCache cache = request.cache() == null ? BuildCache.none() : BuildCache.in(request.cache());
        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(folder.get(), cache.manifestFor(folder.get().path()))) {
            OutputStage.Counts counts = renderSites(assembled.get(), request, publisher, cache, problems, progress);
            if (problems.hasErrors()) {
                return new BuildResult(problems.sorted(), null, 0);
            }
            publisher.commit();
            cache.trim();
            return new BuildResult(problems.sorted(), assembled.get().archive(), counts.published(), counts.fromCache());
        } catch (IOException | java.io.UncheckedIOException e) {
            OutputFolder.reportWriteFailure(request.output(), e, problems);
            return BuildResult.notWritten(problems.sorted());
        }
    }

    /** Build into any publisher (in memory for tests and previews). */
    public static BuildResult build(BuildRequest request, Publisher publisher) {
        Problems problems = new Problems();
        Optional<Assembled> assembled = loadValidateAssemble(request, problems);
        if (assembled.isEmpty()) {
            return new BuildResult(problems.sorted(), null, 0);
        }
        BuildCache cache = request.cache() == null ? BuildCache.none() : BuildCache.in(request.cache());
        OutputStage.Counts counts = renderSites(assembled.get(), request, publisher, cache, problems, BuildProgress.NONE);
        return new BuildResult(problems.sorted(), problems.hasErrors() ? null : assembled.get().archive(), counts.published(),
                counts.fromCache());
    }

    /**
     * Renders the partnership's site, or one organisation's own site, or the partnership's site with
     * every organisation's own site in a folder named after it: 4. render decides every output with
     * its fingerprint, and 5. write makes or reuses each and publishes it.
     */
    private static OutputStage.Counts renderSites(Assembled assembled, BuildRequest request, Publisher publisher, BuildCache cache,
                                                  Problems problems, BuildProgress progress) {
        Archive archive = assembled.archive();
        // One template engine and one Markdown cache for every site of the build: the same texts recur in each.
        TemplateEngine engine = new TemplateEngine(assembled.templates());
        PdfFonts fonts = null;
        if (request.pdfs()) {
            try {
                fonts = PdfFonts.locate();
            } catch (PdfFonts.MissingFontsException e) {
                problems.error(Location.of(PdfFonts.ENVIRONMENT_VARIABLE), e.getMessage(), e.hint());
                return new OutputStage.Counts(0, 0, 0);
            }
        }
        SiteRenderer.Shared shared = new SiteRenderer.Shared(engine, new MarkdownRenderer(), pdfRenderer(engine, fonts),
                Tool.fingerprint(), assembled.assets(), fonts == null ? "" : fonts.fingerprint());
        java.util.function.UnaryOperator<String> templateLocation = name -> engine.isOverridden(name)
                ? request.templates().resolve(name).toString() : "(built-in template) " + name;
        OutputStage stage = new OutputStage(cache, publisher, request.pdfs(), templateLocation, problems, progress);
        ChangeHistory history = changeHistory(request, archive, problems, progress);
        if (request.organisation() != null) {
            Optional<Organisation> organisation = archive.organisation(request.organisation());
            List<Organisation> owners = OrganisationScope.owners(archive);
            if (organisation.isEmpty() || !owners.contains(organisation.get())) {
                List<String> ids = owners.stream().map(Organisation::id).toList();
                String hint = Suggestions.didYouMean(request.organisation(), ids);
                problems.error(Location.of("--organisation " + request.organisation()),
                        organisation.isEmpty() ? "there is no organisation '" + request.organisation() + "'"
                                : "'" + request.organisation() + "' owns no actions, so it has no site of its own",
                        hint != null ? hint : "organisations that own actions: " + String.join(", ", ids));
                return new OutputStage.Counts(0, 0, 0);
            }
            Archive own = OrganisationScope.scope(archive, organisation.get(), request.baseUrl());
            return stage.run(new SiteRenderer(own, shared, assembled.planKeys(), history).outputs());
        }
        OutputStage.Counts counts = stage.run(new SiteRenderer(archive, shared, assembled.planKeys(), history).outputs());
        if (request.allOrganisations()) {
            for (Organisation organisation : OrganisationScope.owners(archive)) {
                if (problems.hasErrors()) {
                    break;
                }
                Archive own = OrganisationScope.scope(archive, organisation, null);
                OutputStage inFolder = new OutputStage(cache, Publisher.inFolder(publisher, organisation.id() + "/"), request.pdfs(),
                        templateLocation, problems, progress);
                counts = counts.plus(inFolder.run(new SiteRenderer(own, shared, assembled.planKeys(), history).outputs()));
            }
        }
        return counts;
    }

    /**
     * The plans' change history, read once for every site of the build, where the request asks for it
     * and the site publishes it. A repository that cannot be read does not stop the build: the pages
     * say the history is not known, and the editor is told why.
     */
    private static ChangeHistory changeHistory(BuildRequest request, Archive archive, Problems problems, BuildProgress progress) {
        if (!request.history() || archive.site().changeHistory() == HistoryDetail.NONE) {
            return ChangeHistory.none(ChangeHistory.Status.NOT_READ);
        }
        progress.stage("Reading the change history");
        ChangeHistory history = GitHistory.read(request.content());
        if (history.status() == ChangeHistory.Status.UNREADABLE) {
            problems.warning(Location.of(request.content().toString()), "the Git repository holding the content could not be read, "
                    + "so the plan pages say when each plan last changed is not known",
                    "check the repository with 'git fsck', or build with --no-history to leave the change history out");
        }
        return history;
    }

    /** The PDF renderer is made when the first PDF is wanted: it needs fonts, which it looks for once. */
    private static java.util.function.Supplier<PdfRenderer> pdfRenderer(TemplateEngine engine, PdfFonts fonts) {
        return new java.util.function.Supplier<>() {
            private PdfRenderer renderer;

            @Override
            public synchronized PdfRenderer get() {
                if (renderer == null) {
                    renderer = fonts == null ? new PdfRenderer(engine) : new PdfRenderer(engine, fonts);
                }
                return renderer;
            }
        };
    }

    private static Optional<Assembled> loadValidateAssemble(BuildRequest request, Problems problems) {
        return loadValidateAssemble(request, problems, request.cache() == null ? PlanStore.NONE : BuildCache.in(request.cache()).plans());
    }

    /**
     * Stages 1 to 3. Plans whose files have not changed since they were last checked and assembled
     * (see {@link PlanReuse}) are taken from {@code plans} instead of being parsed, checked and
     * assembled again; the checks across plans still see them.
     */
    static Optional<Assembled> loadValidateAssemble(BuildRequest request, Problems problems, PlanStore plans) {
        // 1. load
        ContentFiles files = ContentFiles.read(request.content(), problems);
        Map<String, byte[]> templates = TemplateFiles.read(request.templates(), problems);
        LocalDate asOf = asOf(request, files);
        PlanReuse reuse = PlanReuse.lookUp(files, asOf, plans);
        LoadedContent loaded = LoadedContent.load(files, problems, reuse.reusedIds());
        reuse.reusedWarnings().forEach(problems::add);
        // 2. validate
        Optional<ValidContent> valid = new ContentValidator(asOf, problems).validate(loaded, reuse.reusedReferences());
        if (valid.isEmpty() || problems.hasErrors()) {
            return Optional.empty();
        }
        // 3. assemble
        Archive archive = new Assembler(asOf).assemble(valid.get(), reuse.reusedPlans());
        reuse.keepNew(archive, valid.get(), problems.sorted(), files);
        if (request.baseUrl() != null && request.organisation() == null) {
            archive = archive.withSite(archive.site().withBaseUrl(request.baseUrl()));
        }
        return Optional.of(new Assembled(archive, files.assets(), templates, reuse.keys()));
    }

    /** The as-of date: as asked, else today in the site's time zone (UTC when site.yaml cannot tell; its problems are reported later). */
    private static LocalDate asOf(BuildRequest request, ContentFiles files) {
        if (request.asOf() != null) {
            return request.asOf();
        }
        Problems ignored = new Problems();
        java.time.ZoneId zone = files.get("site.yaml")
                .flatMap(site -> org.followthrough.source.YamlReader.read(site, ignored)
                        .flatMap(root -> new org.followthrough.format.ShapeChecker(files, site, ignored).checkRoot(root,
                                org.followthrough.format.ContentFormat.SITE)))
                .filter(site -> site.has("time_zone")).map(site -> site.zone("time_zone")).orElse(ZoneOffset.UTC);
        return LocalDate.now(request.clock().withZone(zone));
    }
}

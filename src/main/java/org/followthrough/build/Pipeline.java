package org.followthrough.build;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import org.followthrough.assemble.Assembler;
import org.followthrough.assemble.OrganisationScope;
import org.followthrough.model.Organisation;
import org.followthrough.problem.Suggestions;
import org.followthrough.format.Doc;
import org.followthrough.model.Archive;
import org.followthrough.output.Publisher;
import org.followthrough.output.StagedDirectoryPublisher;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;
import org.followthrough.render.MarkdownRenderer;
import org.followthrough.render.SiteRenderer;
import org.followthrough.render.TemplateEngine;
import org.followthrough.render.pdf.PdfFonts;
import org.followthrough.source.ContentFiles;
import org.followthrough.source.LoadedContent;
import org.followthrough.validate.ContentValidator;
import org.followthrough.validate.ValidContent;

/**
 * The build, stage by stage and in order: load → validate → assemble → render → write.
 * {@code check} is the first two stages. Problems from any stage are collected and returned, never thrown.
 */
public final class Pipeline {

    private Pipeline() {
    }

    /** The assembled archive and the content's assets (logos), which are copied as they are. */
    private record Assembled(Archive archive, Map<String, byte[]> assets) {
    }

    /** Load and validate only; writes nothing. */
    public static BuildResult check(BuildRequest request) {
        Problems problems = new Problems();
        Optional<Assembled> assembled = loadValidateAssemble(request, problems);
        return new BuildResult(problems.sorted(), assembled.map(Assembled::archive).orElse(null), 0);
    }

    /** The whole build, publishing to the request's output folder only if every stage succeeded. */
    public static BuildResult build(BuildRequest request) {
        Problems problems = new Problems();
        Optional<Assembled> assembled = loadValidateAssemble(request, problems);
        if (assembled.isEmpty()) {
            return new BuildResult(problems.sorted(), null, 0);
        }
        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(request.output())) {
            int written = renderSites(assembled.get(), request, publisher, problems);
            if (problems.hasErrors()) {
                return new BuildResult(problems.sorted(), null, 0);
            }
            publisher.commit();
            return new BuildResult(problems.sorted(), assembled.get().archive(), written);
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.error(Location.of(request.output().toString()), "could not write the site: " + e.getMessage(),
                    "check that the output folder's parent exists and is writable; the previous site is unchanged");
            return new BuildResult(problems.sorted(), null, 0);
        }
    }

    /** Build into any publisher (in memory for tests and previews). */
    public static BuildResult build(BuildRequest request, Publisher publisher) {
        Problems problems = new Problems();
        Optional<Assembled> assembled = loadValidateAssemble(request, problems);
        if (assembled.isEmpty()) {
            return new BuildResult(problems.sorted(), null, 0);
        }
        int written = renderSites(assembled.get(), request, publisher, problems);
        return new BuildResult(problems.sorted(), problems.hasErrors() ? null : assembled.get().archive(), written);
    }

    /**
     * Renders the partnership's site, or one organisation's own site, or the partnership's site with
     * every organisation's own site in a folder named after it.
     */
    private static int renderSites(Assembled assembled, BuildRequest request, Publisher publisher, Problems problems) {
        Archive archive = assembled.archive();
        // One template engine and one Markdown cache for every site of the build: the same texts recur in each.
        Renderers renderers = new Renderers(new TemplateEngine(request.templates()), new MarkdownRenderer(), assembled.assets());
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
                return 0;
            }
            Archive own = OrganisationScope.scope(archive, organisation.get(), request.baseUrl());
            return render(own, renderers, request, publisher, problems);
        }
        int written = render(archive, renderers, request, publisher, problems);
        if (request.allOrganisations()) {
            for (Organisation organisation : OrganisationScope.owners(archive)) {
                Archive own = OrganisationScope.scope(archive, organisation, null);
                String folder = organisation.id() + "/";
                written += render(own, renderers, request, (path, content) -> publisher.write(folder + path, content), problems);
            }
        }
        return written;
    }

    private static Optional<Assembled> loadValidateAssemble(BuildRequest request, Problems problems) {
        // 1. load
        ContentFiles files = ContentFiles.read(request.content(), problems);
        LoadedContent loaded = LoadedContent.load(files, problems);
        LocalDate asOf = asOf(request, loaded);
        // 2. validate
        Optional<ValidContent> valid = new ContentValidator(asOf, problems).validate(loaded);
        if (valid.isEmpty() || problems.hasErrors()) {
            return Optional.empty();
        }
        // 3. assemble
        Archive archive = new Assembler(asOf).assemble(valid.get());
        if (request.baseUrl() != null && request.organisation() == null) {
            archive = archive.withSite(archive.site().withBaseUrl(request.baseUrl()));
        }
        return Optional.of(new Assembled(archive, files.assets()));
    }

    private static LocalDate asOf(BuildRequest request, LoadedContent loaded) {
        if (request.asOf() != null) {
            return request.asOf();
        }
        Optional<Doc> site = ContentValidator.checkSite(loaded, new Problems());
        java.time.ZoneId zone = site.filter(s -> s.has("time_zone")).map(s -> s.zone("time_zone")).orElse(ZoneOffset.UTC);
        return LocalDate.now(request.clock().withZone(zone));
    }

    /** What every site of one build shares. */
    private record Renderers(TemplateEngine engine, MarkdownRenderer markdown, Map<String, byte[]> assets) {
    }

    private static int render(Archive archive, Renderers renderers, BuildRequest request, Publisher publisher, Problems problems) {
        // 4. render, and 5. write: each output goes to the publisher as soon as it is rendered
        SiteRenderer renderer = new SiteRenderer(archive, renderers.engine(), renderers.markdown(), request.templates(), renderers.assets());
        AtomicInteger written = new AtomicInteger();
        for (List<SiteRenderer.Output> phase : renderer.phases()) {
            phase.parallelStream().forEach(output -> {
                try {
                    byte[] content = output.content().get();
                    if (content != null) {
                        publisher.write(output.path(), content);
                        written.incrementAndGet();
                    }
                } catch (TemplateEngine.TemplateProblem e) {
                    String template = request.templates() != null && request.templates().resolve(e.template()).toFile().isFile()
                            ? request.templates().resolve(e.template()).toString() : "(built-in template) " + e.template();
                    problems.error(new Location(template, e.line(), e.column()), "template error while rendering " + output.path() + ": " + e.getMessage(),
                            "fix the template; the previous site is unchanged");
                } catch (PdfFonts.MissingFontsException e) {
                    // Said once, not once a PDF: every PDF fails for the same reason.
                    problems.error(Location.of(PdfFonts.ENVIRONMENT_VARIABLE), e.getMessage(), e.hint());
                }
            });
            if (problems.hasErrors()) {
                break;
            }
        }
        return written.get();
    }
}

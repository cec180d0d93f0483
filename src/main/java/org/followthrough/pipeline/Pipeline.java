package org.followthrough.pipeline;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import org.followthrough.assemble.Assembler;
import org.followthrough.assemble.OrganisationScope;
import org.followthrough.history.ChangeHistory;
import org.followthrough.history.GitHistory;
import org.followthrough.history.RewrittenProgress;
import org.followthrough.model.HistoryDetail;
import org.followthrough.model.Organisation;
import org.followthrough.problem.Suggestions;
import org.followthrough.guard.ContentGuard;
import org.followthrough.guard.OutputGuard;
import org.followthrough.model.Archive;
import org.followthrough.model.Plan;
import org.followthrough.cache.BuildCache;
import org.followthrough.cache.CacheFolder;
import org.followthrough.cache.PlanStore;
import org.followthrough.output.OutputFolder;
import org.followthrough.output.Publisher;
import org.followthrough.output.StagedDirectoryPublisher;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;
import org.followthrough.render.Dates;
import org.followthrough.render.MarkdownRenderer;
import org.followthrough.render.Routes;
import org.followthrough.render.pdf.PdfFonts;
import org.followthrough.render.pdf.PdfRenderer;
import org.followthrough.render.SiteRenderer;
import org.followthrough.render.TemplateEngine;
import org.followthrough.source.ContentFiles;
import org.followthrough.source.FolderState;
import org.followthrough.source.LoadedContent;
import org.followthrough.source.TemplateFiles;
import org.followthrough.validate.ContentValidator;
import org.followthrough.validate.ValidContent;

/**
 * The build, stage by stage and in order: load → validate → assemble → render → write.
 * {@code check} is the first two stages. Problems from any stage are collected and returned, never thrown.
 * A build asked for the site already published from the same files stops before the first stage
 * (see {@link LastBuild}).
 */
public final class Pipeline {

    private Pipeline() {
    }

    /**
     * The assembled archive, the content's assets (logos, copied as they are), the site's own templates,
     * and a fingerprint of each plan's files where it has one.
     */
    record Assembled(Archive archive, Map<String, byte[]> assets, Map<String, byte[]> templates, Map<String, String> planKeys) {
    }

    /**
     * Load and validate; writes nothing. Where the site has templates of its own (other than copies of the
     * built-in ones), every page is also made from them and thrown away, so that a mistake in one is told
     * here rather than first by {@code build}: with the PDF summaries when a template of theirs is the site's own.
     * With protected names, every file is made as the build makes it (the change history read, the PDFs typeset) and
     * searched for them, so that a name two texts make side by side, or a commit message shows, is told here too.
     * Given the output folder, it reads the list of files the site there published, and warns as build does of a plan
     * that site would lose.
     */
    public static BuildResult check(BuildRequest request) {
        Problems problems = new Problems();
        Optional<Assembled> assembled = loadValidateAssemble(request, problems, keptPlans(request), Optional.empty());
        // check alone, run before a change is committed: a build need not ask Git for the working tree's status again
        RewrittenProgress.warn(request.content(), request.content().toString(), problems);
        assembled.filter(a -> !snapshotOfADayToCome(request, a.archive(), problems)).ifPresent(a -> tryOutputs(a, request, problems));
        if (request.output() != null && !problems.hasErrors()) {
            // given the folder build publishes to: the plans its site would lose, told as a build that publishes tells them
            assembled.ifPresent(a -> VanishedPages.warn(OutputFolder.publishedIn(request.output()), a.archive(), request, problems));
        }
        return redacted(request, new BuildResult(problems.sorted(), problems.hasErrors() ? null : assembled.map(Assembled::archive).orElse(null), 0));
    }

    /** Makes the site from the site's own templates, or to search it for protected names, keeping nothing but the problems. */
    private static void tryOutputs(Assembled assembled, BuildRequest request, Problems problems) {
        java.util.SortedSet<String> changed = TemplateEngine.changedTemplates(assembled.templates());
        boolean names = !request.protectedNames().isEmpty();
        if (changed.isEmpty() && !names) {
            // no page to make, but an organisation that would have no site is refused as build refuses it
            siteOf(assembled.archive(), request, problems);
            return;
        }
        boolean pdfs = names ? request.pdfs() : changed.stream().anyMatch(name -> name.startsWith("pdf/"));
        // read as a build reads it unless given --no-history, which check does not know of
        ChangeHistory history = names ? changeHistory(request.withHistory(true), assembled.archive(), problems, BuildProgress.NONE)
                : ChangeHistory.none(ChangeHistory.Status.NOT_READ);
        OutputGuard guard = new OutputGuard(request.protectedNames(), "", BuildCache.none().texts());
        Publisher nowhere = (path, content) -> {
        };
        // as build makes them with the same request: its own organisation's site, every organisation's, changes, a snapshot
        renderSites(assembled, request.withPdfs(pdfs), nowhere, BuildCache.none(), guard, Set.of(),
                history, problems, BuildProgress.NONE);
        guard.report(problems);
    }

    /** A result whose problems name no protected name: messages quote file names and values, which may hold one. */
    private static BuildResult redacted(BuildRequest request, BuildResult result) {
        return result.withProblems(request.protectedNames().redact(result.problems()));
    }

    /** The whole build, publishing to the request's output folder only if every stage succeeded. */
    public static BuildResult build(BuildRequest request) {
        return build(request, BuildProgress.NONE);
    }

    /** The whole build, telling {@code progress} how it goes. */
    public static BuildResult build(BuildRequest request, BuildProgress progress) {
        return redacted(request, buildInFolder(request, progress));
    }

    private static BuildResult buildInFolder(BuildRequest request, BuildProgress progress) {
        Problems problems = new Problems();
        // Before anything else, so that a folder in the wrong place, or no site of ours, costs no work and nothing is
        // created. The site itself is looked through for files of others while the content is read.
        Optional<OutputFolder> folder = OutputFolder.claimByPlace(request.output(), request.content(), request.templates(), problems);
        if (folder.isEmpty()) {
            return BuildResult.notWritten(problems.sorted());
        }
        // one cache for plans and outputs, so that it tallies all it is given; its folder claimed as the output folder is
        Optional<BuildCache> claimed = claimCache(request, problems);
        if (claimed.isEmpty()) {
            return BuildResult.notWritten(problems.sorted());
        }
        BuildCache cache = claimed.get();
        StageTimes.reached("output and cache folders claimed");
        // Before anything is read: the same files, asked for the same site, that site still in place, and nothing is to do.
        LastBuild.Look look = LastBuild.look(request);
        StageTimes.reached("content walked and the build keyed");
        Optional<LastBuild.Key> key = look.key();
        Optional<BuildResult> unchanged = key.flatMap(k -> LastBuild.find(request, cache, folder.get(), k));
        if (unchanged.isPresent()) {
            return unchanged.get();
        }
        folder.get().startLooking(cache.manifestFor(folder.get().path()));
        progress.stage("Checking the content");
        Optional<Assembled> assembled = loadValidateAssemble(request, problems, cache.plans(), look.content());
        // Nothing is written until the site is known to hold only what a build published; if it holds more, that is all
        // the build says, as when the folder is refused by its place.
        Problems refused = new Problems();
        if (!folder.get().looked(refused)) {
            return BuildResult.notWritten(refused.sorted());
        }
        if (assembled.isEmpty()) {
            return new BuildResult(problems.sorted(), null, 0);
        }
        progress.stage("Rendering");
        OutputGuard guard = new OutputGuard(request.protectedNames(), request.output() + java.io.File.separator, cache.texts());
        KeptSnapshots kept = KeptSnapshots.in(folder.get());
        LocalDate asOf = assembled.get().archive().asOf();
        if (snapshotOfADayToCome(request, assembled.get().archive(), problems)) {
            return new BuildResult(problems.sorted(), null, 0);
        }
        if (request.snapshot() && kept.dates().contains(asOf)) {
            problems.warning(Location.of(request.output().resolve(Routes.snapshot(asOf)).toString()),
                    "a snapshot of " + Dates.format(asOf) + " was published before: it is kept as it is, and no other is made",
                    "a snapshot is never rewritten: the next one is made by a build with --snapshot on another day");
        }
        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(folder.get(), cache.manifestFor(folder.get().path()))) {
            int carried = kept.carry(publisher, guard);
            // what the site's marker lists, which the build replaces (whatever cache it has, or none); told by this build only
            Problems vanished = new Problems();
            VanishedPages.warn(folder.get().publishedFiles(), assembled.get().archive(), request, vanished);
            ChangeHistory history = changeHistory(request, assembled.get().archive(), problems, progress);
            StageTimes.reached("removed pages and history looked at");
            OutputStage.Counts counts = renderSites(assembled.get(), request, publisher, cache, guard, kept.dates(), history, problems,
                    progress).plus(new OutputStage.Counts(carried, 0, 0));
            StageTimes.reached("every output made or kept");
            guard.report(problems);
            if (problems.hasErrors()) {
                return new BuildResult(problems.sorted(), null, 0);
            }
            publisher.commit();
            StageTimes.reached("site committed");
            cache.trim();
            BuildResult result = new BuildResult(problems.sorted(), assembled.get().archive(), counts.published(), counts.fromCache());
            // Only a build that read what its key says: not one whose history came from another commit than the key's. Its
            // warnings are told again by a build that finds nothing changed, but for the pages it removed, which that one does not.
            key.filter(k -> k.describes(history)).ifPresent(k -> LastBuild.remember(cache, folder.get(), k, result,
                    assembled.get().archive().site().timeZone(), publisher.publishedMarker()));
            StageTimes.reached("build remembered");
            vanished.sorted().forEach(problems::add);
            return new BuildResult(problems.sorted(), result.archive(), result.filesWritten(), result.filesFromCache());
        } catch (IOException | java.io.UncheckedIOException e) {
            OutputFolder.reportWriteFailure(request.output(), e, problems);
            return BuildResult.notWritten(problems.sorted());
        }
    }

    /**
     * Refuses a snapshot of a day that has not come (an --as-of after today in the site's time zone): it is kept as it is from
     * then on, and would show as passed what has not happened yet.
     */
    private static boolean snapshotOfADayToCome(BuildRequest request, Archive archive, Problems problems) {
        LocalDate today = LocalDate.now(request.clock().withZone(archive.site().timeZone()));
        if (!request.snapshot() || !archive.asOf().isAfter(today)) {
            return false;
        }
        problems.error(Location.of("--snapshot --as-of " + archive.asOf()), "a snapshot of " + Dates.format(archive.asOf())
                        + " would be made before that day (today is " + Dates.format(today) + " in the site's time zone), and kept as it"
                        + " is from then on",
                "make the snapshot on or after the day it is of; to see the site as at a later date, build with --as-of and without"
                        + " --snapshot");
        return true;
    }

    /**
     * The build's cache: none with {@code --no-cache}, else its folder once claimed (see {@link CacheFolder}); empty,
     * with the reason among {@code problems}, where the folder may not be a cache.
     */
    private static Optional<BuildCache> claimCache(BuildRequest request, Problems problems) {
        if (request.cache() == null) {
            return Optional.of(BuildCache.none());
        }
        return CacheFolder.claim(request.cache(), request.content(), request.templates(), request.output(), problems).map(BuildCache::in);
    }

    /** Build into any publisher (in memory for tests and previews); a file that holds a protected name is not published. */
    public static BuildResult build(BuildRequest request, Publisher publisher) {
        Problems problems = new Problems();
        Optional<BuildCache> claimed = claimCache(request, problems);
        if (claimed.isEmpty()) {
            return redacted(request, new BuildResult(problems.sorted(), null, 0));
        }
        BuildCache cache = claimed.get();
        Optional<Assembled> assembled = loadValidateAssemble(request, problems, cache.plans(), Optional.empty());
        if (assembled.isEmpty()) {
            return redacted(request, new BuildResult(problems.sorted(), null, 0));
        }
        OutputGuard guard = new OutputGuard(request.protectedNames(), "", cache.texts());
        OutputStage.Counts counts = renderSites(assembled.get(), request, publisher, cache, guard, Set.of(),
                changeHistory(request, assembled.get().archive(), problems, BuildProgress.NONE), problems, BuildProgress.NONE);
        guard.report(problems);
        return redacted(request, new BuildResult(problems.sorted(), problems.hasErrors() ? null : assembled.get().archive(),
                counts.published(), counts.fromCache()));
    }

    /**
     * Renders the partnership's site, or one organisation's own site, or the partnership's site with
     * every organisation's own site in a folder named after it, and (with {@code --snapshot}) a snapshot
     * of the site: 4. render decides every output with its fingerprint, and 5. write makes or reuses
     * each and publishes it.
     *
     * @param keptSnapshots the dates of the snapshots the site being replaced holds, which are kept as they are
     */
    private static OutputStage.Counts renderSites(Assembled assembled, BuildRequest request, Publisher publisher, BuildCache cache,
                                                  OutputGuard guard, Set<LocalDate> keptSnapshots, ChangeHistory history,
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
        if (request.since() != null && request.since().isAfter(archive.asOf())) {
            // Told on the command line when --as-of is given; without it, today's date depends on the site's time zone.
            problems.error(Location.of("--since " + request.since()), "the changes would start after the as-of date " + archive.asOf(),
                    "give a --since date on or before " + archive.asOf());
            return new OutputStage.Counts(0, 0, 0);
        }
        SiteRenderer.Shared shared = new SiteRenderer.Shared(engine, new MarkdownRenderer(), pdfRenderer(engine, fonts),
                Tool.fingerprint(), assembled.assets(), fonts == null ? "" : fonts.fingerprint(), request.since(), OutputStage.parts(cache, guard));
        java.util.function.UnaryOperator<String> templateLocation = templateLocation(engine, request);
        OutputStage stage = new OutputStage(cache, publisher, "", request.pdfs(), templateLocation, guard, problems, progress);
        Optional<Archive> asked = siteOf(archive, request, problems);
        if (asked.isEmpty()) {
            return new OutputStage.Counts(0, 0, 0);
        }
        Archive site = asked.get();
        boolean snapshot = request.snapshot() && !keptSnapshots.contains(site.asOf());
        java.util.SortedSet<LocalDate> snapshots = new java.util.TreeSet<>(keptSnapshots);
        if (snapshot) {
            snapshots.add(site.asOf());
        }
        if (request.allOrganisations() && !snapshots.isEmpty()
                && OrganisationScope.owners(archive).stream().anyMatch(o -> (o.id() + "/").equals(Routes.SNAPSHOTS))) {
            problems.error(Location.of("--all-organisations"), "an organisation's own site would be published in " + Routes.SNAPSHOTS
                    + ", where the site's snapshots are", "rename the organisation's file (its id names the folder of its site)");
            return new OutputStage.Counts(0, 0, 0);
        }
        OutputStage.Counts counts = stage.run(new SiteRenderer(site, shared, assembled.planKeys(),
                SiteRenderer.Snapshots.listing(List.copyOf(snapshots)), history));
        if (snapshot && !problems.hasErrors()) {
            // The same site in a folder of its own, for the address it will have there; its pages say it is a snapshot.
            String folder = Routes.snapshot(site.asOf());
            Archive frozen = site.withSite(site.site().withBaseUrl(site.site().baseUrl() + folder));
            OutputStage inFolder = new OutputStage(cache, Publisher.inFolder(publisher, folder), folder, request.pdfs(), templateLocation,
                    guard, problems, progress);
            counts = counts.plus(inFolder.run(new SiteRenderer(frozen, shared, assembled.planKeys(),
                    SiteRenderer.Snapshots.snapshotOf(site.asOf()), history)));
        }
        if (request.organisation() == null && request.allOrganisations()) {
            for (Organisation organisation : OrganisationScope.owners(archive)) {
                if (problems.hasErrors()) {
                    break;
                }
                Archive own = OrganisationScope.scope(archive, organisation, null);
                String itsFolder = organisation.id() + "/";
                OutputStage inFolder = new OutputStage(cache, Publisher.inFolder(publisher, itsFolder), itsFolder, request.pdfs(),
                        templateLocation, guard, problems, progress);
                counts = counts.plus(inFolder.run(new SiteRenderer(own, shared, assembled.planKeys(), SiteRenderer.Snapshots.NONE,
                        history)));
            }
        }
        return counts;
    }

    /**
     * The site the request asks for: the archive's own, or with {@code --organisation} that organisation's part of it;
     * empty, with the reason among {@code problems}, where the organisation owns no action (and so has no site).
     */
    private static Optional<Archive> siteOf(Archive archive, BuildRequest request, Problems problems) {
        if (request.organisation() == null) {
            return Optional.of(archive);
        }
        Optional<Organisation> organisation = archive.organisation(request.organisation());
        List<Organisation> owners = OrganisationScope.owners(archive);
        if (organisation.isEmpty() || !owners.contains(organisation.get())) {
            List<String> ids = owners.stream().map(Organisation::id).toList();
            String hint = Suggestions.didYouMean(request.organisation(), ids);
            problems.error(Location.of("--organisation " + request.organisation()),
                    organisation.isEmpty() ? "there is no organisation '" + request.organisation() + "'"
                            : "'" + request.organisation() + "' owns no actions, so it has no site of its own",
                    hint != null ? hint : "organisations that own actions: " + String.join(", ", ids));
            return Optional.empty();
        }
        return Optional.of(OrganisationScope.scope(archive, organisation.get(), request.baseUrl()));
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
        java.time.ZoneId zone = archive.site().timeZone();
        // as the statuses, as at the as-of date: a site of a day gone by does not show the record's later changes
        ChangeHistory history = GitHistory.read(request.content()).asAt(archive.asOf(), zone, LocalDate.now(request.clock().withZone(zone)));
        if (history.status() == ChangeHistory.Status.UNREADABLE) {
            problems.warning(Location.of(request.content().toString()), "the Git repository holding the content could not be read, "
                    + "so the plan pages say when each plan last changed is not known",
                    "check the repository with 'git fsck', or build with --no-history to leave the change history out");
        }
        return history;
    }

    /** How problems name the place of a built-in template, before its name. */
    public static final String BUILT_IN_TEMPLATE = "(built-in template) ";

    /** Where a template named in a template problem is, for the message: the site's own file or the built-in one. */
    static java.util.function.UnaryOperator<String> templateLocation(TemplateEngine engine, BuildRequest request) {
        return name -> engine.isOverridden(name) ? request.templates().resolve(name).toString() : BUILT_IN_TEMPLATE + name;
    }

    /** The PDF renderer is made when the first PDF is wanted: it needs fonts, which it looks for once. */
    static java.util.function.Supplier<PdfRenderer> pdfRenderer(TemplateEngine engine, PdfFonts fonts) {
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

    /**
     * For {@code check} and the preview: the plans a build kept in the request's cache folder, as they were checked, where the folder is
     * a cache a build made. They are the plans {@code build} would take from it, so the two report the same problems;
     * neither writes to the cache.
     */
    static PlanStore keptPlans(BuildRequest request) {
        if (request.cache() == null || !CacheFolder.isCache(request.cache())) {
            return PlanStore.NONE;
        }
        return BuildCache.in(request.cache()).plans().readOnly();
    }

    /**
     * Stages 1 to 3. Plans whose files have not changed since they were last checked and assembled
     * (see {@link PlanReuse}) are taken from {@code plans} instead of being parsed, checked and
     * assembled again; the checks across plans still see them. Where the content folder was walked
     * already ({@code walked}), its files are read from where the walk found them, and the files
     * {@code plans} knows to be as they were are not read unless something asks for them.
     */
    static Optional<Assembled> loadValidateAssemble(BuildRequest request, Problems problems, PlanStore plans, Optional<FolderState> walked) {
        return loadValidateAssemble(request, problems, plans, read(request, plans, walked, problems));
    }

    /**
     * The content files, read from where the walk found them if the folder was walked; those {@code plans}
     * knows to be as a build that found no problem (and no name of this build's list) saw them are left
     * unread until something asks for them.
     */
    static ContentFiles read(BuildRequest request, PlanStore plans, Optional<FolderState> walked, Problems problems) {
        return walked.map(state -> ContentFiles.read(request.content(), state,
                        plans.unchangedFiles(request.content(), request.protectedNames().fingerprint()), problems))
                .orElseGet(() -> ContentFiles.read(request.content(), problems));
    }

    /** Stages 1 to 3 on content files already read (by a preview, which reads again only what changed). */
    static Optional<Assembled> loadValidateAssemble(BuildRequest request, Problems problems, PlanStore plans, ContentFiles files) {
        // 1. load (the content files are read already)
        StageTimes.reached("content read");
        Map<String, byte[]> templates = TemplateFiles.read(request.templates(), problems);
        LocalDate asOf = asOf(request, files);
        PlanReuse reuse = PlanReuse.lookUp(files, asOf, plans);
        StageTimes.reached("templates read, unchanged plans read back");
        LoadedContent loaded = LoadedContent.load(files, problems, reuse.reusedIds());
        reuse.reusedWarnings().forEach(problems::add);
        StageTimes.reached("the rest loaded");
        // 2. validate: the content itself, then no protected name anywhere in the files (reused plans' too), once all are read
        Optional<ValidContent> valid = new ContentValidator(asOf, problems, PdfRenderer::draws).validate(loaded, reuse.reusedClaims());
        new ContentGuard(request.protectedNames()).check(files, templates, name -> request.templates().resolve(name).toString(), problems);
        // added after keepNew: a warning about two plans is not one plan's own, to be kept with it and told again once the other is gone
        List<org.followthrough.problem.Problem> copied = copiedPlans(loaded, reuse.reusedPlans(), files);
        StageTimes.reached("checked");
        if (valid.isEmpty() || problems.hasErrors()) {
            copied.forEach(problems::add);
            return Optional.empty();
        }
        // 3. assemble
        Archive archive = new Assembler(asOf).assemble(valid.get(), reuse.reusedPlans());
        StageTimes.reached("assembled");
        reuse.keepNew(archive, valid.get(), problems.sorted(), files, request.protectedNames().fingerprint());
        StageTimes.reached("changed plans kept in the cache");
        copied.forEach(problems::add);
        if (request.baseUrl() != null && request.organisation() == null) {
            archive = archive.withSite(archive.site().withBaseUrl(request.baseUrl()));
        }
        return Optional.of(new Assembled(archive, files.assets(), templates, reuse.keys()));
    }

    /**
     * Two plans with the same title and date (of publication, or of starting where neither is published) are most often one
     * folder copied and its reference deleted: the site would list the plan twice. Plans with no date, or with references
     * that differ, are not compared. Told at the later in id order; plans taken from the cache are compared by their models,
     * those read again by their files, so that it is told whether or not the content has other problems.
     */
    private static List<org.followthrough.problem.Problem> copiedPlans(LoadedContent loaded, List<Plan> reused, ContentFiles files) {
        Map<String, CopyKey> keys = new java.util.TreeMap<>();
        Map<String, Location> titles = new java.util.HashMap<>();
        for (Plan plan : reused) {
            LocalDate date = plan.published() != null ? plan.published() : plan.start();
            keys.put(plan.id(), CopyKey.of(plan.title(), date == null ? null : date.toString(), plan.reference()));
        }
        for (LoadedContent.PlanSource source : loaded.plans()) {
            if (source.plan().root() instanceof org.followthrough.source.Node.Mapping plan && text(plan, "title") != null) {
                String date = text(plan, "published") != null ? text(plan, "published") : text(plan, "start");
                keys.put(source.id(), CopyKey.of(text(plan, "title"), date, text(plan, "reference")));
                titles.put(source.id(), plan.entry("title").get().keyLocation());
            }
        }
        Map<String, String> seen = new java.util.HashMap<>();
        List<org.followthrough.problem.Problem> copied = new java.util.ArrayList<>();
        keys.forEach((id, key) -> {
            if (key.date() == null) {
                return;
            }
            String first = seen.putIfAbsent(key.titleAndDate(), id);
            if (first != null && !key.differsFrom(keys.get(first))) {
                copied.add(org.followthrough.problem.Problem.warning(titles.getOrDefault(id, titleLine(files, id)), "plan '" + id
                                + "' has the same title and date as plan '" + first + "': the site would list it twice",
                        "if one of the folders plans/" + first + "/ and plans/" + id + "/ is a copy of the other, delete the copy,"
                                + " whichever it is; if they are two plans, give each its title as published, and its reference where it has one"));
            }
        });
        return copied;
    }

    private static String text(org.followthrough.source.Node.Mapping mapping, String field) {
        return mapping.entry(field).map(e -> e.value()).orElse(null) instanceof org.followthrough.source.Node.Scalar scalar
                && !scalar.text().isBlank() ? scalar.text().strip() : null;
    }

    /** What tells a copied plan: its title as a reader sees it, its date, and its reference if it has one. */
    private record CopyKey(String titleAndDate, String date, String reference) {

        private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

        static CopyKey of(String title, String date, String reference) {
            return new CopyKey(SPACES.matcher(title.strip()).replaceAll(" ").toLowerCase(java.util.Locale.ROOT) + "|" + date, date,
                    reference == null ? null : reference.strip());
        }

        /** Two plans each with a reference of its own, not the same, are two plans. */
        boolean differsFrom(CopyKey other) {
            return reference != null && other.reference != null && !reference.equals(other.reference);
        }
    }

    /** Where a plan taken from the cache has its title: the line of its plan.yaml that starts "title:", or the file. */
    private static Location titleLine(ContentFiles files, String id) {
        String path = "plans/" + id + "/plan.yaml";
        List<String> lines = files.get(path).map(f -> f.text().lines().toList()).orElse(List.of());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("title:")) {
                return new Location(files.display(path), i + 1, 1);
            }
        }
        return Location.of(files.display(path));
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

package org.followthrough.validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.followthrough.format.ContentFormat;
import org.followthrough.format.Doc;
import org.followthrough.format.Limits;
import org.followthrough.format.Placeholder;
import org.followthrough.format.Ref;
import org.followthrough.format.RefKind;
import org.followthrough.format.Shape;
import org.followthrough.format.ShapeChecker;
import org.followthrough.model.DefaultScales;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Scale;
import org.followthrough.model.Scales;
import org.followthrough.model.Slug;
import org.followthrough.model.Target;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;
import org.followthrough.problem.Suggestions;
import org.followthrough.source.LoadedContent;
import org.followthrough.source.Node;
import org.followthrough.source.ParsedFile;
import org.followthrough.source.SourceFile;

/**
 * Checks loaded content: every file against its shape, then the rules that span fields and files
 * (references, duplicates, dates in order). Reports every problem; returns content only when there
 * were no errors.
 */
public final class ContentValidator {

    private static final java.util.regex.Pattern NUMBERED_FILE = java.util.regex.Pattern.compile("(\\d{1,9})\\.yaml");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private static final String WHITE = "#ffffff";
    static final double MINIMUM_CONTRAST = 4.5;

    private final LocalDate asOf;
    private final Problems problems;
    private final PdfCharacters pdfCharacters;
    /** The organisations' ids by their names and short names (in {@link #nameKey} form): what an owner written by name meant. */
    private Map<String, String> organisationsByName = Map.of();

    /** A validator that takes every character as one the PDF summaries can draw. */
    public ContentValidator(LocalDate asOf, Problems problems) {
        this(asOf, problems, codePoint -> true);
    }

    /** @param pdfDraws whether the PDF summaries' font draws a character, which is asked only of characters beyond ASCII */
    public ContentValidator(LocalDate asOf, Problems problems, java.util.function.IntPredicate pdfDraws) {
        this.asOf = asOf;
        this.problems = problems;
        this.pdfCharacters = new PdfCharacters(pdfDraws);
    }

    /** Shape-checks site.yaml alone: the build needs its time zone before it can fix the as-of date. */
    public static Optional<Doc> checkSite(LoadedContent content, Problems problems) {
        return content.site().flatMap(site -> check(content, site, ContentFormat.SITE, problems));
    }

    public Optional<ValidContent> validate(LoadedContent content) {
        return validate(content, List.of());
    }

    /**
     * Checks the content; {@code reused} are what the plans checked before and not loaded again claim (their references
     * and former ids), which no plan may share.
     */
    public Optional<ValidContent> validate(LoadedContent content, List<ValidContent.Claims> reused) {
        Optional<Doc> site = checkSite(content, problems);
        site.ifPresent(this::checkSiteRules);
        content.site().ifPresent(parsed -> pdfCharacters.check(parsed.file(), parsed.root(), problems));

        // Each organisation on its own, in parallel, keeping their order.
        List<ValidContent.OrganisationDoc> organisations = content.organisations().parallelStream()
                .map(org -> checkOrganisation(content, org))
                .flatMap(Optional::stream)
                .toList();
        checkOrganisationNamesDiffer(organisations);
        organisationsByName = byName(organisations);
        checkImages(content);
        Set<String> organisationIds = content.organisationIds();

        List<ValidContent.PlanDocs> plans = content.plans().parallelStream()
                .map(plan -> checkPlan(content, plan, site.orElse(null), organisationIds))
                .flatMap(Optional::stream)
                .toList();
        List<ValidContent.Claims> claims = new ArrayList<>(reused);
        plans.forEach(plan -> claims.add(ValidContent.Claims.of(plan)));
        claims.sort(java.util.Comparator.comparing(ValidContent.Claims::planId));
        checkPlanReferencesUnique(claims);
        Set<String> planIds = new java.util.HashSet<>();
        content.plans().forEach(plan -> planIds.add(plan.id()));
        reused.forEach(plan -> planIds.add(plan.planId()));
        checkFormerIds(claims, planIds);

        if (problems.hasErrors() || site.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ValidContent(site.get(), List.copyOf(organisations), plans));
    }

    private static Map<String, String> byName(List<ValidContent.OrganisationDoc> organisations) {
        Map<String, String> ids = new HashMap<>();
        for (ValidContent.OrganisationDoc org : organisations) {
            for (String field : List.of("name", "short_name")) {
                String name = org.doc().text(field);
                if (name != null) {
                    ids.putIfAbsent(nameKey(name), org.id());
                }
            }
        }
        return ids;
    }

    /** A name in capitals or spacing aside. */
    private static String nameKey(String name) {
        return SPACES.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /**
     * Two organisation files with the same name (in capitals or spacing aside) are most often one copied: the site would
     * list the organisation twice, with its actions split between the two. Told at the later file, in path order.
     */
    private void checkOrganisationNamesDiffer(List<ValidContent.OrganisationDoc> organisations) {
        Map<String, String> seen = new HashMap<>();
        for (ValidContent.OrganisationDoc org : organisations) {
            String name = org.doc().text("name");
            if (name == null) {
                continue;
            }
            String first = seen.putIfAbsent(nameKey(name), org.id());
            if (first != null) {
                problems.warning(org.doc().locationOf("name"), "organisation '" + org.id() + "' has the same name as organisation '" + first
                                + "': the site would list '" + name.strip() + "' twice, each with its own actions",
                        "if one file is a copy of the other, delete the copy and use the other's id everywhere; if they are two"
                                + " organisations, give each its name as published, told apart (such as by place)");
            }
        }
    }

    /**
     * Every image under assets/ may be published as a logo and opened at its own address, so each must
     * be safe to serve; each is judged by its bytes, not its name.
     */
    private void checkImages(LoadedContent content) {
        content.files().assets().forEach((path, bytes) -> {
            String display = content.files().display(path);
            if (path.endsWith(".svg")) {
                SvgCheck.check(display, bytes, problems);
            } else if (path.endsWith(".png")) {
                PngCheck.check(display, bytes, problems);
            }
        });
    }

    /** Folders of the partnership's site; an organisation's own site is built in a folder named after its id. */
    static final Set<String> RESERVED_IDS = Set.of("plans", "find-plans", "search", "organisations", "themes", "actions", "data", "schema",
            "assets", "about", "accessibility", "fragments", "changes", "snapshots");

    private static Optional<Doc> check(LoadedContent content, ParsedFile parsed, Shape shape, Problems problems) {
        return new ShapeChecker(content.files(), parsed.file(), problems).checkRoot(parsed.root(), shape);
    }

    private void checkSiteRules(Doc site) {
        checkBrandColour(site);
        Map<String, Location> themes = new HashMap<>();
        for (Doc theme : site.docs("themes")) {
            Location first = themes.putIfAbsent(theme.text("id"), theme.locationOf("id"));
            if (first != null) {
                problems.error(theme.locationOf("id"), "theme '" + theme.text("id") + "' is declared twice (first at " + first + ")",
                        "give each theme its own id, or merge the two");
            }
            if (theme.text("id") != null && theme.text("id").length() > Limits.MAX_ADDRESS_PART) {
                problems.error(theme.locationOf("id"), "the theme id " + Limits.quoteLong(theme.text("id")) + " is too long: an id may be at"
                        + " most " + Limits.MAX_ADDRESS_PART + " characters, as it names the theme's page", "give the theme a shorter id");
            }
            if (theme.has("label") && theme.text("label").contains(LIST_SEPARATOR)) {
                problems.warning(theme.locationOf("label"), "the label '" + theme.text("label") + "' holds '; ', which the CSV downloads"
                        + " put between the themes of an action, so it would read as two themes", "write a comma or 'and'");
            }
        }
        if (site.has("scales")) {
            checkScales(site.doc("scales"));
        }
    }

    private void checkBrandColour(Doc doc) {
        if (!doc.has("brand_colour")) {
            return;
        }
        String colour = doc.text("brand_colour");
        double ratio = Contrast.ratio(colour, WHITE);
        if (ratio < MINIMUM_CONTRAST) {
            problems.error(doc.locationOf("brand_colour"),
                    String.format(java.util.Locale.ROOT, "brand colour %s gives white text a contrast of only %.2f:1; at least 4.5:1 is needed", colour, ratio),
                    "choose a darker colour");
        }
    }

    private void checkScales(Doc scales) {
        for (String kind : List.of("grades", "priorities", "rag", "terms", "statuses")) {
            Set<String> codes = new java.util.HashSet<>();
            for (Doc entry : scales.docs(kind)) {
                // an entry without its code is already reported as missing a required field
                if (entry.text("code") != null && !codes.add(entry.text("code"))) {
                    problems.error(entry.locationOf("code"), "code '" + entry.text("code") + "' appears twice in " + kind,
                            "give each entry of a scale its own code");
                }
            }
        }
    }

    private Optional<ValidContent.OrganisationDoc> checkOrganisation(LoadedContent content, LoadedContent.Identified org) {
        return check(content, org.parsed(), ContentFormat.ORGANISATION, problems).map(doc -> {
            checkBrandColour(doc);
            pdfCharacters.check(org.parsed().file(), org.parsed().root(), problems);
            if (doc.has("name") && doc.text("name").contains(LIST_SEPARATOR)) {
                problems.warning(doc.locationOf("name"), "the name '" + doc.text("name") + "' holds '; ', which the CSV downloads put"
                        + " between the owners of an action, so it would read as the names of two organisations",
                        "write a comma or 'and'; where these are two organisations, give each a file of its own");
            }
            if (doc.has("logo") && !content.files().assets().containsKey(doc.text("logo")) && !content.files().isRefused(doc.text("logo"))) {
                // assets//logo.svg or assets/./logo.svg: the file is there, but the path is not written as the site's addresses are
                String plain = ShapeChecker.resolve("", doc.text("logo"));
                if (plain != null && !plain.equals(doc.text("logo")) && content.files().assets().containsKey(plain)) {
                    problems.error(doc.locationOf("logo"), "the logo's path '" + doc.text("logo") + "' names " + plain + " in a roundabout way",
                            "write it logo: " + plain);
                } else {
                    problems.error(doc.locationOf("logo"), "logo file '" + doc.text("logo") + "' does not exist (looked for "
                            + content.files().display(doc.text("logo")) + ")", "put the image in the content folder's assets/, or correct the path");
                }
            }
            if (RESERVED_IDS.contains(org.id())) {
                // The id is the file's name: the problem is the whole file's, told at its start.
                problems.error(new Location(org.parsed().file().display(), 1, 1), "'" + org.id() + "' cannot be the id of an organisation: "
                        + "the site has a folder of that name, where the organisation's own site would go",
                        "rename the file, e.g. to " + org.id() + "-org.yaml");
            }
            return new ValidContent.OrganisationDoc(org.id(), doc);
        });
    }

    private Optional<ValidContent.PlanDocs> checkPlan(LoadedContent content, LoadedContent.PlanSource source, Doc site,
                                                      Set<String> organisationIds) {
        Optional<Doc> plan = check(content, source.plan(), ContentFormat.PLAN, problems);
        List<Doc> recommendations = new ArrayList<>();
        Map<Doc, SourceFile> files = new IdentityHashMap<>();
        for (ParsedFile rec : source.recommendations()) {
            check(content, rec, ContentFormat.RECOMMENDATION, problems).ifPresent(doc -> {
                recommendations.add(doc);
                files.put(doc, rec.file());
            });
        }
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        Doc p = plan.get();
        if (p.has("scales")) {
            checkScales(p.doc("scales"));
        }
        Map<RefKind, Set<String>> known = knownCodes(p, site);
        known.put(RefKind.ORGANISATION, organisationIds);
        known.put(RefKind.COLUMN, checkExtraColumns(p));

        forEachRef(p, ref -> checkRef(ref, known));
        recommendations.forEach(r -> forEachRef(r, ref -> checkRef(ref, known)));

        Set<String> involved = new LinkedHashSet<>();
        p.refs("organisations").forEach(r -> involved.add(r.id()));
        if (p.has("organisations") && involved.isEmpty()) {
            // an empty list ([]) reads as given: the page would name no organisation, and no owner would be checked against it
            problems.error(p.locationOf("organisations"), "the plan lists no organisations involved",
                    "list the id of every organisation the plan names, those that own its actions among them: organisations: [trust-id, council-id]");
        }
        checkPlanDates(p);
        checkActionCount(p, recommendations);
        checkUnique(p, recommendations, involved, organisationIds);
        warnSharedUpdatesThatReopen(p, site, recommendations);
        DatesInProgress dates = new DatesInProgress(content.files(), asOf, problems);
        for (Doc rec : recommendations) {
            rec.docs("progress").forEach(update -> dates.check(update, files.get(rec)));
            rec.docs("actions").forEach(action -> action.docs("progress").forEach(update -> dates.check(update, files.get(rec))));
        }
        checkFilesOfThePlan(content, source);
        checkFileOrder(source);
        return Optional.of(new ValidContent.PlanDocs(source.id(), p, List.copyOf(recommendations)));
    }

    /**
     * The characters of each of the plan's files that a PDF cannot draw; and a Markdown file in the plan's folder that
     * none of its files names ({file: summary.md}), which is never published: most often the field was written
     * {@code summary: summary.md}, or the file's name was mistyped where it is named.
     */
    private void checkFilesOfThePlan(LoadedContent content, LoadedContent.PlanSource source) {
        Set<String> named = new java.util.HashSet<>();
        java.util.stream.Stream.concat(java.util.stream.Stream.of(source.plan()), source.recommendations().stream()).forEach(parsed -> {
            namedFiles(parsed.root(), parsed.file().path(), named);
            pdfCharacters.check(parsed.file(), parsed.root(), problems);
        });
        Set<String> parsed = new java.util.HashSet<>();
        parsed.add(source.plan().file().path());
        source.recommendations().forEach(r -> parsed.add(r.file().path()));
        // a YAML file of the plan that could not be read may be the one that names it: its own problem is told, not this
        boolean allRead = content.files().paths("plans/" + source.id()).stream().filter(p -> p.endsWith(".yaml")).allMatch(parsed::contains);
        // a file named from a folder it is not in: the error where it is named says how to name it from there
        Set<String> meant = new java.util.HashSet<>();
        // (a name that climbs to the content folder itself, {file: ../../site.yaml}, is refused where it is named)
        named.stream().filter(n -> n.contains("/") && content.files().paths(n.substring(0, n.lastIndexOf('/'))).stream().noneMatch(n::equalsIgnoreCase))
                .forEach(n -> ShapeChecker.sameNameInPlan(content.files(), n).ifPresent(meant::add));
        for (String path : content.files().paths("plans/" + source.id())) {
            // a file named in other capitals is told where it is named
            if (path.endsWith(".md") && named.contains(path.toLowerCase(Locale.ROOT))) {
                content.files().get(path).ifPresent(md -> pdfCharacters.check(md, problems));
            } else if (path.endsWith(".md") && allRead && !meant.contains(path)) {
                String name = path.substring(path.lastIndexOf('/') + 1);
                // named from plan.yaml by its path from there; from a file beside it by its name
                String fromPlan = path.substring(("plans/" + source.id() + "/").length());
                String where = fromPlan.equals(name) ? "e.g. summary: {file: " + name + "} in plan.yaml"
                        : "e.g. {file: " + name + "} in a file beside it, or {file: " + fromPlan + "} in plan.yaml";
                Optional<String> unreadName = path.indexOf('\uFFFD') >= 0 ? org.followthrough.source.FileNames.localeHint() : Optional.empty();
                // the whole file's, told at its start
                problems.warning(new Location(content.files().display(path), 1, 1), "this Markdown file is not published: none of the plan's files names it"
                        + (unreadName.isPresent() ? " as its name reads here" : ""), unreadName.orElse("name it where its text belongs, " + where
                        + ", or delete it"));
            }
        }
    }

    /**
     * Recommendations are shown in the order of their files' names, which sort as text: 06.yaml before 1.yaml, 10.yaml
     * before 2.yaml. Where files named by number would so come out of the numbers' order, the first such file is told.
     */
    private void checkFileOrder(LoadedContent.PlanSource source) {
        String previousName = null;
        int previous = -1;
        for (ParsedFile rec : source.recommendations()) {
            String name = rec.file().path().substring(rec.file().path().lastIndexOf('/') + 1);
            java.util.regex.Matcher m = NUMBERED_FILE.matcher(name);
            if (!m.matches()) {
                continue;
            }
            int number = Integer.parseInt(m.group(1));
            if (number < previous) {
                int digits = source.recommendations().stream().map(r -> r.file().path().substring(r.file().path().lastIndexOf('/') + 1))
                        .filter(n -> NUMBERED_FILE.matcher(n).matches()).mapToInt(n -> n.length() - ".yaml".length()).max().orElse(2);
                problems.warning(new Location(rec.file().display(), 1, 1), "the recommendations are shown in the order of their files' names,"
                                + " which puts " + previousName + " before " + name,
                        "give every file's number the same count of digits (" + String.format(Locale.ROOT, "%0" + digits + "d", number) + ".yaml), so that"
                                + " the names sort as the numbers do");
                return;
            }
            previous = number;
            previousName = name;
        }
    }

    /** The content paths of the Markdown files a YAML tree names as {file: …}, resolved from the file {@code from}, in small letters. */
    private static void namedFiles(Node node, String from, Set<String> named) {
        if (node instanceof Node.Mapping mapping) {
            for (var entry : mapping.entries()) {
                if (entry.key().equals("file") && entry.value() instanceof Node.Scalar name) {
                    String resolved = ShapeChecker.resolve(from, name.text().strip());
                    if (resolved != null) {
                        named.add(resolved.toLowerCase(Locale.ROOT));
                    }
                }
                namedFiles(entry.value(), from, named);
            }
        } else if (node instanceof Node.Sequence sequence) {
            sequence.items().forEach(item -> namedFiles(item, from, named));
        }
    }

    /**
     * A progress update a recommendation gives for all its actions, with a status that is not a done one, that is the latest
     * word on an action already reported done: it moves that action back, which is seldom meant. Most often an update for
     * one action was written at the recommendation's indentation (added at the end of the file, say), and every action of
     * the recommendation took its status.
     */
    private void warnSharedUpdatesThatReopen(Doc plan, Doc site, List<Doc> recommendations) {
        Map<String, Boolean> done = statusesDone(plan, site);
        for (Doc rec : recommendations) {
            // only the last dated shared update with a status can be the latest word on an action
            Doc shared = rec.docs("progress").stream().filter(u -> u.date("date") != null && status(u) != null).reduce((a, b) -> b).orElse(null);
            if (shared == null || !Boolean.FALSE.equals(done.get(status(shared)))) {
                continue;
            }
            LocalDate date = shared.date("date");
            List<String> reopened = new ArrayList<>();
            for (Doc action : rec.docs("actions")) {
                // the action's own word before the shared update, and none on its day or after it (an action's own update
                // of the same day comes after the recommendation's, and has the last word)
                String status = status(action);
                LocalDate since = null;
                boolean later = false;
                for (Doc own : action.docs("progress")) {
                    LocalDate on = own.date("date");
                    if (on != null && !on.isBefore(date)) {
                        later = true;
                    } else if (status(own) != null) {
                        status = status(own);
                        since = on;
                    }
                }
                if (!later && status != null && Boolean.TRUE.equals(done.get(status))) {
                    reopened.add(action.text("ref") + " (" + status + (since != null ? " on " + since : "") + ")");
                }
            }
            if (!reopened.isEmpty()) {
                problems.warning(shared.locationOf("status"), "this update is given for all of recommendation " + rec.text("number")
                                + "'s actions, as it is not indented under one, so it moves " + (reopened.size() == 1 ? "action " : "actions ")
                                + String.join(", ", reopened) + " back to '" + status(shared) + "'",
                        "if it reports one action's progress, move it into that action's progress: list, indented as its other"
                                + " updates are; if the actions are open again, write the update in each one's own progress: list, and this"
                                + " warning goes");
            }
        }
    }

    /** The status code a progress update or an action gives, or null. */
    private static String status(Doc doc) {
        return doc.has("status") ? doc.ref("status").id() : null;
    }

    /** Whether each status code of the plan means done (completed, embedded or closed): the plan's list, else the site's, else the defaults. */
    private static Map<String, Boolean> statusesDone(Doc plan, Doc site) {
        Map<String, Boolean> done = new HashMap<>();
        Optional<List<Doc>> entries = scaleEntries(plan, site, RefKind.STATUS);
        if (entries.isPresent()) {
            for (Doc entry : entries.get()) {
                String lifecycle = entry.text("lifecycle");
                // a lifecycle the format does not know is told where it is
                Lifecycle.writable().stream().filter(l -> l.code().equals(lifecycle) && entry.text("code") != null).findFirst()
                        .ifPresent(l -> done.put(entry.text("code"), l.isDone()));
            }
            return done;
        }
        DefaultScales.get().statuses().entries().forEach(e -> done.put(e.code(), e.lifecycle() != null && e.lifecycle().isDone()));
        return done;
    }

    /** The codes a plan may use: its own scale of a kind where it defines one, the site's otherwise. */
    private static Map<RefKind, Set<String>> knownCodes(Doc plan, Doc site) {
        Scales defaults = DefaultScales.get();
        Map<RefKind, Set<String>> known = new HashMap<>();
        known.put(RefKind.GRADE, codes(plan, site, RefKind.GRADE, defaults.grades()));
        known.put(RefKind.PRIORITY, codes(plan, site, RefKind.PRIORITY, defaults.priorities()));
        known.put(RefKind.RAG, codes(plan, site, RefKind.RAG, defaults.rag()));
        known.put(RefKind.TERM, codes(plan, site, RefKind.TERM, defaults.terms()));
        known.put(RefKind.STATUS, codes(plan, site, RefKind.STATUS, defaults.statuses()));
        if (site != null) {
            // Without a valid site.yaml there is no list to check against, and its own problems are reported.
            known.put(RefKind.THEME, themeIds(site));
        }
        return known;
    }

    private static Set<String> codes(Doc plan, Doc site, RefKind kind, Scale fallback) {
        Set<String> codes = new LinkedHashSet<>();
        Optional<List<Doc>> entries = scaleEntries(plan, site, kind);
        if (entries.isPresent()) {
            // an entry without its code is reported where it is; the codes the others give are still known
            entries.get().stream().map(e -> e.text("code")).filter(java.util.Objects::nonNull).forEach(codes::add);
            return codes;
        }
        fallback.entries().forEach(e -> codes.add(e.code()));
        return codes;
    }

    /** The field of a plan's or the site's {@code scales:} that lists the codes of a kind of scale. */
    private static final Map<RefKind, String> SCALE_FIELDS = Map.of(RefKind.GRADE, "grades", RefKind.PRIORITY, "priorities",
            RefKind.RAG, "rag", RefKind.TERM, "terms", RefKind.STATUS, "statuses");

    /** The entries of a kind of scale the plan uses: its own list where it gives one, else the site's; empty for the defaults. */
    private static Optional<List<Doc>> scaleEntries(Doc plan, Doc site, RefKind kind) {
        String field = SCALE_FIELDS.get(kind);
        for (Doc holder : java.util.Arrays.asList(plan, site)) {
            if (holder != null && holder.has("scales") && holder.doc("scales").has(field)) {
                return Optional.of(holder.doc("scales").docs(field));
            }
        }
        return Optional.empty();
    }

    private static Set<String> themeIds(Doc site) {
        Set<String> ids = new LinkedHashSet<>();
        // a theme whose id is empty or not an id is told where it is written, and names no theme
        site.docs("themes").stream().map(t -> t.text("id")).filter(java.util.Objects::nonNull).forEach(ids::add);
        return ids;
    }

    /**
     * The plan's extra columns: each id and label once (labels head the CSV's columns). A label that
     * names a field the format already has is most likely that field. Returns the declared ids.
     */
    private Set<String> checkExtraColumns(Doc plan) {
        Set<String> ids = new LinkedHashSet<>();
        Map<String, Location> labels = new HashMap<>();
        for (Doc column : plan.docs("extra_columns")) {
            String id = column.text("id");
            if (id != null && !ids.add(id)) {
                problems.error(column.locationOf("id"), "extra column '" + id + "' is declared twice", "give each column its own id");
            }
            String label = column.text("label");
            if (label == null) {
                continue;
            }
            Location first = labels.putIfAbsent(label.strip().toLowerCase(Locale.ROOT), column.locationOf("label"));
            if (first != null) {
                problems.error(column.locationOf("label"), "two extra columns are labelled '" + label + "' (first at " + first + ")",
                        "labels head the columns of the CSV download: make them differ, e.g. as the plan's headings differ");
            }
            String field = label.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "_").replaceAll("(^_|_$)", "");
            if (ContentFormat.ACTION.field(field).isPresent() || ContentFormat.RECOMMENDATION.field(field).isPresent()) {
                problems.warning(column.locationOf("label"), "the format has a field for '" + label + "': " + field,
                        "write " + field + ": on each action or recommendation instead of an extra column, so every download and filter knows it");
            }
        }
        return ids;
    }

    /** The scales an action's codes name; the field that names a code of each is its kind's name (status, grade, rag, term). */
    private static final Set<RefKind> SCALES = java.util.EnumSet.of(RefKind.STATUS, RefKind.GRADE, RefKind.RAG, RefKind.TERM);

    private void checkRef(Ref ref, Map<RefKind, Set<String>> known) {
        if (ref.kind() == RefKind.THEME && !known.containsKey(RefKind.THEME)) {
            return;
        }
        Set<String> ids = known.getOrDefault(ref.kind(), Set.of());
        if (ids.contains(ref.id())) {
            return;
        }
        if (ref.kind() == RefKind.ORGANISATION && ref.id().equals(Placeholder.UNDECIDED_ORGANISATION)) {
            problems.error(ref.location(), "the import could not tell which organisation this owner belongs to ('"
                            + Placeholder.UNDECIDED_ORGANISATION + "' is its placeholder, not an organisation)",
                    "replace it with the id of the owner's organisation, the name of its file in organisations/ (create that file"
                            + " first where the organisation has none)");
            return;
        }
        if (ref.id().isBlank()) {
            problems.error(ref.location(), "the " + ref.kind().noun() + " is empty", ref.kind() == RefKind.ORGANISATION
                    ? "give the id of one: the name of its file in organisations/, without .yaml" : "give the code or id of one");
            return;
        }
        String afterDash = ref.id().startsWith("-\u00a0") ? ref.id().substring(2).strip() : null;
        if (afterDash != null && ids.contains(afterDash)) {
            // '-' and a no-break space pasted from Word: YAML reads the whole line as one text, not as an item of a list
            problems.error(new Location(ref.location().file(), ref.location().line(), ref.location().column() + 1),
                    org.followthrough.format.Characters.NO_BREAK_SPACE_AFTER_DASH, "delete it and type an ordinary space: - " + afterDash);
            return;
        }
        String unspaced = org.followthrough.format.Characters.stripAnySpace(ref.id());
        if (!unspaced.equals(ref.id()) && ids.contains(unspaced)) {
            // a no-break space pasted from Word before or after the id: the id looks right, so do not offer it as a likely one
            problems.error(ref.location(), org.followthrough.format.Characters.noBreakSpaceAtTheEnds("the " + ref.kind().noun(), unspaced, "id"),
                    "delete that space: " + unspaced);
            return;
        }
        List<String> parts = listWithoutBrackets(ref.id());
        if (parts.size() > 1 && ids.containsAll(parts)) {
            String list = "[" + String.join(", ", parts) + "]";
            problems.error(ref.location(), "'" + ref.id() + "' is read as one " + ref.kind().noun() + "'s id",
                    ref.kind() == RefKind.ORGANISATION ? "where the field lists organisations (organisations, lead, commissioned_by…), write"
                            + " them in brackets: " + list + "; where it is an owner's organisation, which names one, give each"
                            + " organisation an owner entry of its own"
                            : ref.kind() == RefKind.THEME ? "write several in brackets: " + list
                            : "give one " + ref.kind().noun() + ": an action has one at a time");
            return;
        }
        String named = ref.kind() == RefKind.ORGANISATION ? organisationsByName.get(nameKey(ref.id())) : null;
        if (named != null && ids.contains(named)) {
            // the organisation's name as published, where its id belongs: creating a file of that name would not do
            // or, where what was written could be an id, the file named so before and renamed since, every plan still naming it
            boolean idLike = ref.id().matches("[a-z0-9][a-z0-9-]*");
            problems.error(ref.location(), "unknown organisation '" + ref.id() + "': that is what organisation '" + named + "' is called",
                    "write its id, the name of its file in organisations/ without .yaml: " + named + (idLike ? "; or, if its file was"
                            + " organisations/" + ref.id() + ".yaml before it was renamed, give it that name back" : ""));
            return;
        }
        String hint = Suggestions.didYouMean(ref.id(), ids);
        if (hint == null && SCALES.contains(ref.kind())) {
            // a code of another of the plan's scales (status: green): the field it belongs in
            hint = SCALES.stream().filter(scale -> scale != ref.kind() && known.getOrDefault(scale, Set.of()).contains(ref.id())).findFirst()
                    .map(scale -> "'" + ref.id() + "' is a code of the " + scale.noun() + " scale: write it as "
                            + scale.name().toLowerCase(Locale.ROOT) + ": " + ref.id()
                            + (ids.isEmpty() ? "" : "; the codes of the " + ref.kind().noun() + " scale are: " + String.join(", ", ids)))
                    .orElse(null);
        }
        if (hint == null && SCALES.contains(ref.kind())) {
            hint = codeInWords(ref, ids);
        }
        if (hint == null && ref.kind() == RefKind.COLUMN) {
            hint = ids.isEmpty() ? "declare the column in plan.yaml: extra_columns: [{id: " + ref.id() + ", label: \"heading as published\"}]"
                    : "the plan's extra columns are: " + String.join(", ", ids);
        }
        if (hint == null) {
            hint = ref.kind() == RefKind.ORGANISATION
                    ? "create organisations/" + ref.id() + ".yaml, or use the id of an existing organisation"
                    : ref.kind() == RefKind.THEME
                    ? (ids.isEmpty() ? "declare the theme under themes: in site.yaml" : "the themes in site.yaml are: " + String.join(", ", ids)
                            + "; add it there if it belongs on the list")
                    : ids.isEmpty() ? "define the plan's " + ref.kind().noun() + " scale in plan.yaml (scales:) or the site's in site.yaml"
                    : "the codes of this plan's scale are: " + String.join(", ", ids) + "; to publish the plan's own word, list it"
                    + " under scales: " + SCALE_FIELDS.get(ref.kind()) + ": in plan.yaml with every other code the plan uses (a plan's list"
                    + " replaces the site's)";
        }
        problems.error(ref.location(), "unknown " + ref.kind().noun() + " '" + ref.id() + "'", hint);
    }

    /**
     * The code that a scale's value written as words names, as an editor copies a plan's own wording ("Short term", "Not
     * started", "Completed (verified)"): the words joined by hyphens, or the one code that is a word of it. Null if none or
     * several.
     */
    private static String codeInWords(Ref ref, Set<String> ids) {
        String value = ref.id().strip().toLowerCase(Locale.ROOT);
        String field = ref.kind().name().toLowerCase(Locale.ROOT);
        String joined = value.replaceAll("[\\s_]+", "-");
        List<String> words = List.of(value.split("[^\\p{L}\\p{N}]+"));
        List<String> named = ids.contains(joined) ? List.of(joined)
                : ids.stream().filter(id -> words.contains(id.toLowerCase(Locale.ROOT))).toList();
        return named.size() != 1 ? null
                : "did you mean '" + named.get(0) + "'? Give the code, " + field + ": " + named.get(0) + "; the words the site shows for it"
                + " are the scale's label";
    }

    private void checkPlanDates(Doc plan) {
        if (plan.has("start") && plan.has("target_completion")) {
            Target target = plan.target("target_completion");
            if (target.date() != null && target.date().deadline() != null && target.date().deadline().isBefore(plan.date("start"))) {
                problems.error(plan.locationOf("target_completion"), "the target completion date is before the plan's start (" + plan.date("start") + ")",
                        "check both dates");
            }
        }
        LocalDate previous = null;
        for (Doc update : plan.docs("updates")) {
            LocalDate date = update.date("date");
            if (date == null) {
                continue;
            }
            if (previous != null && date.isBefore(previous)) {
                problems.error(update.locationOf("date"), "plan update dated " + date + " comes after one dated " + previous,
                        "list updates oldest first");
            }
            checkNotAfterAsOf(date, update.locationOf("date"), "plan update");
            previous = date;
        }
        if (plan.has("published")) {
            checkNotAfterAsOf(plan.date("published"), plan.locationOf("published"), "publication date");
        }
    }

    private void checkActionCount(Doc plan, List<Doc> recommendations) {
        long actions = recommendations.stream().mapToLong(r -> r.docs("actions").size()).sum();
        if (actions > Limits.MAX_ACTIONS_PER_PLAN) {
            problems.error(plan.location(), String.format(Locale.ROOT, "the plan has %,d actions; a plan may have at most %,d",
                    actions, Limits.MAX_ACTIONS_PER_PLAN), "split it into plans of its own, e.g. one for each published update");
        }
    }

    /**
     * A date before the plan's start is most likely a mistyped year. Only {@code start} counts: plans are often
     * published after work on them began, so progress and targets before publication are normal.
     */
    private void warnIfBeforeStart(LocalDate date, Location at, LocalDate start, String what) {
        if (start != null && date != null && date.isBefore(start)) {
            problems.warning(at, what + " " + date + " is before the plan started (" + start + ")",
                    "check the year, and the plan's start in plan.yaml");
        }
    }

    private void checkNotAfterAsOf(LocalDate date, Location at, String what) {
        if (date.isAfter(asOf)) {
            problems.error(at, what + " " + date + " is after the as-of date " + asOf,
                    "a " + what + " cannot describe the future: check the year (the site shows the plans as at " + asOf
                            + ", which is today unless --as-of names another day; to show an earlier day, build from the content"
                            + " as it was then, as the guide to snapshots shows)");
        }
    }

    private static String fileName(Location at) {
        String file = at.file().replace('\\', '/');
        return "'" + file.substring(file.lastIndexOf('/') + 1) + "'";
    }

    /** A number or ref as written, and where: kept by the address it makes ({@link Slug}), as two that make one would share it. */
    private record Written(String text, Location at, boolean addressedWithoutAction) {
    }

    private void checkUnique(Doc plan, List<Doc> recommendations, Set<String> involved, Set<String> organisationIds) {
        Map<String, Written> numbers = new HashMap<>();
        for (Doc addressed : plan.docs("addressed_without_action")) {
            if (addressed.text("number") != null) {
                numbers.putIfAbsent(Slug.of(addressed.text("number")), new Written(addressed.text("number"), addressed.locationOf("number"), true));
            }
        }
        Map<String, Written> refs = new HashMap<>();
        LocalDate start = plan.date("start");
        for (Doc rec : recommendations) {
            String number = rec.text("number");
            if (number != null && Slug.of(number).length() > Limits.MAX_ADDRESS_PART) {
                problems.error(rec.locationOf("number"), "the recommendation number " + Limits.quoteLong(number) + " is too long for the"
                        + " address of its page (at most " + Limits.MAX_ADDRESS_PART + " characters, written as the address writes it)",
                        "write the number as the plan prints it; a recommendation's words belong in its title or text");
            } else if (number != null) {
                Location here = rec.locationOf("number");
                Written first = numbers.putIfAbsent(Slug.of(number), new Written(number, here, false));
                boolean addressed = first != null && first.addressedWithoutAction();
                if (first != null && first.text().equals(number) && addressed) {
                    problems.error(here, "recommendation number '" + number + "' is also listed in plan.yaml as addressed without action"
                                    + " (at " + first.at() + ")",
                            "if the plan now takes action on it, remove it from addressed_without_action; otherwise give this"
                                    + " recommendation the number the plan prints for it");
                } else if (first != null && first.text().equals(number)) {
                    problems.error(here, "recommendation number '" + number + "' is used twice in this plan (first at " + first.at() + ")",
                            here.file().equals(first.at().file()) ? "each recommendation needs its own number"
                                    : "each recommendation needs its own number; if one of " + fileName(first.at()) + " and " + fileName(here)
                                    + " is a copy of the other (a file manager's '01 - Copy.yaml', say), delete the copy, whichever is named first");
                } else if (first != null) {
                    problems.error(here, "recommendation number '" + number + "' makes the same address as '" + first.text() + "' (at "
                            + first.at() + "): both would be published at recommendations/" + Slug.of(number) + "/",
                            "numbers that differ only in capitals or punctuation ('1A' and '1a', '1.5' and '1-5') share an address:"
                                    + " write the number as the plan prints it, and give the other its own");
                }
            }
            rec.refs("lead").forEach(r -> checkInvolved(r, involved, organisationIds, "lead organisation"));
            checkOwners(rec, involved, organisationIds);
            checkProgress(rec, start);
            warnIfTargetBeforeStart(rec, start, "recommendation's target");
            for (Doc action : rec.docs("actions")) {
                String ref = action.text("ref");
                if (ref != null) {
                    Written first = refs.putIfAbsent(Slug.of(ref), new Written(ref, action.locationOf("ref"), false));
                    if (first != null && first.text().equals(ref)) {
                        problems.error(action.locationOf("ref"), "action ref '" + ref + "' is used twice in this plan (first at " + first.at() + ")",
                                "each action needs its own ref");
                    } else if (first != null) {
                        problems.error(action.locationOf("ref"), "action ref '" + ref + "' makes the same address as '" + first.text()
                                + "' (at " + first.at() + "): links to either would lead to the first, #action-" + Slug.of(ref),
                                "refs that differ only in capitals or punctuation ('1.1' and '1-1') share an address: write the ref as"
                                        + " the plan prints it, and give the other its own");
                    }
                }
                checkOwners(action, involved, organisationIds);
                if (action.docs("owners").isEmpty() && rec.docs("owners").isEmpty() && !unreadable(action, "owners")
                        && !unreadable(rec, "owners")) {
                    problems.error(action.location(), (ref != null ? "action '" + ref + "'" : "this action") + " has no owners",
                            "add owners: to the action, or to its recommendation where the plan gives one lead for all its actions");
                }
                checkProgress(action, start);
                warnIfTargetBeforeStart(action, start, "action's target");
                action.docs("follow_ups").forEach(f -> warnIfTargetBeforeStart(f, start, "follow-up's target"));
            }
        }
    }

    /** Written, but not as the format says: the shape check has reported it, and nothing more is to be said of it. */
    private static boolean unreadable(Doc doc, String field) {
        return doc.locations().containsKey(field) && !doc.has(field);
    }

    /** What the CSV downloads put between the items of a list: an action's owners (their names, roles and people) and its themes. */
    private static final String LIST_SEPARATOR = "; ";

    private void checkOwners(Doc holder, Set<String> involved, Set<String> organisationIds) {
        holder.docs("owners").forEach(o -> {
            if (o.has("organisation")) {
                checkInvolved(o.ref("organisation"), involved, organisationIds, "owner");
            }
            // The downloads list owners' roles and names with '; ' between owners: one holding it reads as two owners'.
            for (String role : o.texts("role")) {
                if (role.contains(LIST_SEPARATOR)) {
                    problems.warning(o.locationOf("role"), "the role '" + role + "' holds '; ', which the CSV downloads put between"
                            + " owners, so it would read as the roles of two owners", "where these are several roles of one owner, give"
                            + " them as a list (role: [Team Manager, Clinical Lead]); else write a comma or 'and'");
                }
            }
            if (o.has("name") && o.text("name").contains(LIST_SEPARATOR)) {
                problems.warning(o.locationOf("name"), "the name '" + o.text("name") + "' holds '; ', which the CSV downloads put"
                        + " between owners, so it would read as the names of two owners",
                        "give each person as an owner of their own, or write a comma or 'and'");
            }
        });
    }

    /** The ids of a list written without its brackets ("eput, niche"), which YAML reads as one text; one id where it is none. */
    private static List<String> listWithoutBrackets(String id) {
        return java.util.Arrays.stream(id.split(",")).map(String::strip).toList();
    }

    /**
     * An unknown organisation is already reported as such: advising to add it to the plan would mislead. So would
     * telling each organisation of a list written without its brackets that it is not in that list.
     */
    private void checkInvolved(Ref ref, Set<String> involved, Set<String> organisationIds, String what) {
        if (involved.stream().anyMatch(id -> id.contains(",") && listWithoutBrackets(id).contains(ref.id()))) {
            return;
        }
        if (!involved.contains(ref.id()) && !involved.isEmpty() && organisationIds.contains(ref.id())) {
            problems.error(ref.location(), what + " '" + ref.id() + "' is not listed in the plan's organisations",
                    "add " + ref.id() + " to 'organisations' in plan.yaml");
        }
    }

    private void warnIfTargetBeforeStart(Doc doc, LocalDate start, String what) {
        Target target = doc.target("target");
        if (target != null && target.date() != null) {
            warnIfBeforeStart(target.date().deadline(), doc.locationOf("target"), start, what);
        }
    }

    private void checkProgress(Doc holder, LocalDate start) {
        LocalDate previous = null;
        Location previousAt = null;
        for (Doc update : holder.docs("progress")) {
            LocalDate date = update.date("date");
            if (date == null) {
                if (!update.has("date_as_published") && !update.locations().containsKey("date")) {
                    problems.warning(update.location(), "progress update has no date",
                            "add date: YYYY-MM-DD, or date_as_published: explaining that the published document gives none");
                }
                continue;
            }
            if (previous != null && date.isBefore(previous)) {
                problems.error(update.locationOf("date"), "progress update dated " + date + " comes after one dated " + previous + " (" + previousAt + ")",
                        "progress is a history: list updates oldest first and add new ones at the end");
            }
            checkNotAfterAsOf(date, update.locationOf("date"), "progress update");
            warnIfBeforeStart(date, update.locationOf("date"), start, "progress update");
            previous = date;
            previousAt = update.locationOf("date");
        }
    }

    /** {@code claims}: every plan's, in the order of their ids. */
    private void checkPlanReferencesUnique(List<ValidContent.Claims> claims) {
        Map<String, Location> seen = new HashMap<>();
        for (ValidContent.Claims plan : claims) {
            if (plan.reference() == null) {
                continue;
            }
            Location first = seen.putIfAbsent(plan.reference(), plan.referenceAt());
            if (first != null) {
                problems.error(plan.referenceAt(), "reference '" + plan.reference() + "' is also used by " + first,
                        "two plans cannot share a published reference; check that this plan is not a copy");
            }
        }
    }

    /**
     * A former id is an address the plan's old pages were published at, which the site makes lead to the plan's new
     * ones: it cannot be the plan's own id, another plan's, nor another plan's former id, as one address leads to one plan.
     * {@code claims}: every plan's, in the order of their ids; {@code planIds}: the id of every plan, checked or not.
     */
    private void checkFormerIds(List<ValidContent.Claims> claims, Set<String> planIds) {
        Map<String, ValidContent.Claims> seen = new HashMap<>();
        Map<String, Location> seenAt = new HashMap<>();
        for (ValidContent.Claims plan : claims) {
            Set<String> once = new java.util.HashSet<>();
            for (int i = 0; i < plan.formerIds().size(); i++) {
                String former = plan.formerIds().get(i);
                Location at = plan.formerIdAt(i);
                if (!once.add(former)) {
                    continue; // the same id twice in one list leads to the same plan: told once if at all
                }
                if (former.length() > Limits.MAX_ADDRESS_PART) {
                    problems.error(at, "the former id " + Limits.quoteLong(former) + " is too long to have been a plan's id: an id is at most "
                            + Limits.MAX_ADDRESS_PART + " characters", "give the folder name the plan had before it was renamed");
                } else if (former.equals(plan.planId())) {
                    problems.error(at, "former id '" + former + "' is this plan's own id (its folder's name)",
                            "remove it from former_ids: list only the ids the plan had before its folder was renamed");
                } else if (planIds.contains(former)) {
                    problems.error(at, "former id '" + former + "' is the id of plan '" + former + "', published at plans/" + former
                            + "/: that address cannot also lead to plan '" + plan.planId() + "'",
                            "remove it from former_ids, or, if plan '" + former + "' is this plan's old folder left behind, delete that folder");
                } else if (seen.containsKey(former)) {
                    ValidContent.Claims first = seen.get(former);
                    problems.error(at, "former id '" + former + "' is also given by plan '" + first.planId() + "' ("
                            + seenAt.get(former) + "): one old address can lead to one plan only",
                            "keep it in the former_ids of the plan that was published under it, and remove it from the other");
                } else {
                    seen.put(former, plan);
                    seenAt.put(former, at);
                }
            }
        }
    }

    /** Visits every reference in a document, however deeply nested. */
    static void forEachRef(Doc doc, Consumer<Ref> visitor) {
        for (Object value : doc.values().values()) {
            visit(value, visitor);
        }
    }

    private static void visit(Object value, Consumer<Ref> visitor) {
        if (value instanceof Ref ref) {
            visitor.accept(ref);
        } else if (value instanceof Doc nested) {
            forEachRef(nested, visitor);
        } else if (value instanceof List<?> list) {
            list.forEach(item -> visit(item, visitor));
        } else if (value instanceof Map<?, ?> keyed) {
            keyed.forEach((key, item) -> {
                visit(key, visitor);
                visit(item, visitor);
            });
        }
    }
}

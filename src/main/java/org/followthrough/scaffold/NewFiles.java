package org.followthrough.scaffold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.followthrough.format.ContentFormat;
import org.followthrough.format.Doc;
import org.followthrough.format.Placeholder;
import org.followthrough.model.DefaultScales;
import org.followthrough.model.ScaleEntry;
import org.followthrough.output.AtomicFiles;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problem;
import org.followthrough.problem.Problems;
import org.followthrough.source.ContentFiles;
import org.followthrough.source.LoadedContent;
import org.followthrough.source.Node;
import org.followthrough.source.ParsedFile;
import org.followthrough.validate.ContentValidator;

/**
 * What {@code new} writes: a plan, a recommendation, or a progress update on an action, each valid
 * YAML with its schema line, the next free number, today's date (in the site's time zone) where a
 * date is needed, and {@link Placeholder}s where only the editor knows what belongs. Never replaces a
 * file; a progress update is inserted as lines into the action's file, which is otherwise left as
 * the editor wrote it.
 */
public final class NewFiles {

    /** What was written (paths as editors see them), or why nothing was. */
    public record Outcome(List<String> written, List<Problem> problems) {
        static Outcome refused(Location at, String message, String hint) {
            return new Outcome(List.of(), List.of(Problem.error(at, message, hint)));
        }
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final Path content;
    private final Clock clock;
    private final ContentFiles files;
    private final LoadedContent loaded;
    private final Problems loadProblems = new Problems();

    public NewFiles(Path content, Clock clock) {
        this.content = content;
        this.clock = clock;
        this.files = ContentFiles.read(content, loadProblems);
        this.loaded = LoadedContent.load(files, loadProblems);
    }

    /** A plan folder: plan.yaml and its first recommendation, with placeholders for everything the plan must say. */
    public Outcome plan(String id) {
        if (!ContentFormat.ID.matches(id)) {
            return Outcome.refused(Location.of(id.isEmpty() ? "''" : id), "'" + id + "' cannot be the id of a plan",
                    "use lower-case letters, digits and hyphens, e.g. " + ContentFormat.idExample(id, "eput-2026-01"));
        }
        Optional<Outcome> notLoaded = contentMissing();
        if (notLoaded.isPresent()) {
            return notLoaded.get();
        }
        String folder = "plans/" + id;
        if (!files.under(folder).isEmpty() || Files.exists(content.resolve(folder))) {
            return Outcome.refused(Location.of(files.display(folder)), "plan '" + id + "' already exists",
                    "choose another id, or add to it with: new recommendation " + id);
        }
        Optional<String> only = onlyOrganisationOfTheSite();
        String organisations = only.orElse(YamlText.quoted(Placeholder.of("the ids of the organisations involved, from content/organisations/ ("
                + String.join(", ", loaded.organisationIds()) + ")")));
        String plan = """
                # yaml-language-server: $schema=../../schema/plan.schema.json
                title: %s
                reference: %s
                kind: %s
                organisations: [%s]
                published: %s
                summary: |
                  %s
                """.formatted(
                YamlText.quoted(Placeholder.of("the plan's title as published")),
                YamlText.quoted(Placeholder.of("the plan's reference as published, or delete this line")),
                YamlText.quoted(Placeholder.of("the kind of review, e.g. independent_investigation or domestic_homicide_review")),
                organisations,
                YamlText.quoted(Placeholder.of("the date the plan was published, YYYY-MM-DD")),
                Placeholder.of("a summary of the plan, in Markdown"));
        List<String> written = new ArrayList<>();
        try {
            written.add(create(folder + "/plan.yaml", plan));
            written.add(create(folder + "/recommendations/01.yaml", recommendation(1, only)));
        } catch (IOException e) {
            return Outcome.refused(Location.of(files.display(folder)), "could not write the plan: " + e.getMessage(), null);
        }
        return new Outcome(written, List.of());
    }

    /** The plan's next recommendation, numbered one after the highest number its files and numbers use. */
    public Outcome recommendation(String planId) {
        return recommendation(planId, null);
    }

    /**
     * A recommendation numbered {@code number} (a plan may skip numbers: one published 1, 2, 6 and 7), or, where null, one
     * after the highest number the plan's files and numbers use.
     */
    public Outcome recommendation(String planId, Integer number) {
        return withPlan(planId, plan -> nextRecommendation(planId, plan, number));
    }

    private Outcome nextRecommendation(String planId, LoadedContent.PlanSource plan, Integer number) {
        int highest = 0;
        int width = 2;
        Map<Integer, String> used = new java.util.HashMap<>();
        for (var file : files.under("plans/" + planId + "/recommendations")) {
            String name = file.path().substring(file.path().lastIndexOf('/') + 1).replaceFirst("\\.yaml$", "");
            if (NUMBER.matcher(name).matches()) {
                highest = Math.max(highest, Integer.parseInt(name));
                width = Math.max(width, name.length());
                used.putIfAbsent(Integer.parseInt(name), file.display());
            }
        }
        for (ParsedFile rec : plan.recommendations()) {
            if (rec.root() instanceof Node.Mapping mapping && mapping.entry("number").map(e -> e.value()).orElse(null) instanceof Node.Scalar written
                    && NUMBER.matcher(written.text().strip()).matches()) {
                highest = Math.max(highest, Integer.parseInt(written.text().strip()));
                used.putIfAbsent(Integer.parseInt(written.text().strip()), written.location().toString());
            }
        }
        if (number != null && used.containsKey(number)) {
            return Outcome.refused(Location.of(files.display("plans/" + planId + "/recommendations")), "the plan has a recommendation "
                    + number + " already (" + used.get(number) + ")", "give another number, or edit that recommendation");
        }
        int next = number != null ? number : highest + 1;
        String path = "plans/" + planId + "/recommendations/" + String.format(java.util.Locale.ROOT, "%0" + width + "d", next) + ".yaml";
        try {
            return new Outcome(List.of(create(path, recommendation(next, onlyOrganisationOf(plan)))), List.of());
        } catch (IOException e) {
            return Outcome.refused(Location.of(files.display(path)), "could not write the recommendation: " + e.getMessage(), null);
        }
    }

    /** A progress update dated today, added at the end of the action's progress list. */
    public Outcome update(String planId, String actionRef) {
        return update(planId, actionRef, null);
    }

    /**
     * A progress update dated {@code date} (today where null; never after today), added to the action's progress list
     * in date order: at the end, or before the first update dated after it.
     */
    public Outcome update(String planId, String actionRef, LocalDate date) {
        return withPlan(planId, plan -> {
            LocalDate today = today();
            if (date != null && date.isAfter(today)) {
                return Outcome.refused(Location.of(files.display("plans/" + planId)), "the date " + date + " is after today, " + today
                        + ": a progress update reports what has already happened", "check the year and the month, then run new update again");
            }
            if (date != null && date.getYear() < org.followthrough.format.Limits.EARLIEST_YEAR) {
                return Outcome.refused(Location.of(files.display("plans/" + planId)), "the date " + date + " is before "
                        + org.followthrough.format.Limits.EARLIEST_YEAR + ", the earliest year dates may name",
                        "check the year, then run new update again");
            }
            return update(planId, plan, actionRef, date != null ? date : today);
        });
    }

    private Outcome update(String planId, LoadedContent.PlanSource plan, String actionRef, LocalDate date) {
        List<String> refs = new ArrayList<>();
        for (ParsedFile rec : plan.recommendations()) {
            for (Node.Mapping action : ProgressInsertion.actions(rec.root())) {
                String ref = ProgressInsertion.ref(action);
                if (ref != null && !actionRef.equals(ref) && actionRef.equals(CURLY_QUOTES.matcher(ref).replaceAll(""))) {
                    // ref: “1.1” (pasted from Word): YAML keeps the curly quotes as part of the ref, which check warns of
                    Location at = action.entry("ref").map(e -> e.value().location()).orElse(Location.of(rec.file().display()));
                    return Outcome.refused(at, "action '" + actionRef + "' is written " + ref + ", in curly quotes, which YAML does not"
                            + " read as quotes: they are part of its ref", "write it ref: \"" + actionRef + "\" (straight quotes), then run"
                            + " new update again");
                }
                if (!actionRef.equals(ref)) {
                    refs.add(ref);
                    continue;
                }
                String entry = """
                        - date: %s
                          status: %s
                          text: |
                            %s
                        """.formatted(date, YamlText.quoted(Placeholder.of("the status on this date (" + String.join(", ", statusCodes(plan))
                                + "), or delete this line")),
                        Placeholder.of("what has happened since the last update"));
                return insert(rec, action, entry, date);
            }
        }
        List<Problem> unread = planProblems(planId);
        if (!unread.isEmpty()) {
            return new Outcome(List.of(), unread);
        }
        String hint = org.followthrough.problem.Suggestions.didYouMean(actionRef, refs);
        return Outcome.refused(Location.of(files.display("plans/" + planId + "/recommendations")), "plan '" + planId + "' has no action '" + actionRef + "'",
                hint != null ? hint : "its actions are: " + String.join(", ", refs));
    }

    /** Curly quotes, which Word puts around a ref typed in quotes. */
    private static final java.util.regex.Pattern CURLY_QUOTES = java.util.regex.Pattern.compile("[\u201C\u201D\u2018\u2019]");

    private Outcome insert(ParsedFile rec, Node.Mapping action, String entry, LocalDate date) {
        var inserted = ProgressInsertion.insert(rec.file(), action, entry, date);
        if (inserted.problem() != null) {
            return new Outcome(List.of(), List.of(inserted.problem()));
        }
        Path file = content.resolve(rec.file().path());
        try {
            // Written beside the file and moved over it in one step, with the file's permissions: the editor's file is never
            // left half-written, nor made unreadable to the others who share the repository.
            AtomicFiles.write(file, inserted.text().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Outcome.refused(Location.of(rec.file().display()), "could not add the update: " + e.getMessage(), null);
        }
        return new Outcome(List.of(rec.file().display() + ":" + inserted.line()), List.of());
    }

    private static String recommendation(int number, Optional<String> owner) {
        return """
                # yaml-language-server: $schema=../../../schema/recommendation.schema.json
                number: "%d"
                title: %s
                text: |
                  %s
                actions:
                  - ref: "%d.1"
                    description: |
                      %s
                    owners:
                      - organisation: %s
                        role: %s
                    target: %s
                """.formatted(number,
                YamlText.quoted(Placeholder.of("the recommendation's title or theme")),
                Placeholder.of("the recommendation as published"),
                number,
                Placeholder.of("the action as published"),
                owner.orElse(YamlText.quoted(Placeholder.of("the id of the organisation that owns the action"))),
                YamlText.quoted(Placeholder.of("the owner's role, e.g. Director of Nursing")),
                YamlText.quoted(Placeholder.of("when it is due: YYYY-MM-DD, YYYY-MM or ongoing")));
    }

    private Optional<String> onlyOrganisationOfTheSite() {
        Set<String> ids = loaded.organisationIds();
        return ids.size() == 1 ? Optional.of(ids.iterator().next()) : Optional.empty();
    }

    /** The plan's organisation when it lists only one: the owner of every action it has. */
    private static Optional<String> onlyOrganisationOf(LoadedContent.PlanSource plan) {
        if (plan.plan().root() instanceof Node.Mapping mapping
                && mapping.entry("organisations").map(e -> e.value()).orElse(null) instanceof Node.Sequence list
                && list.items().size() == 1 && list.items().get(0) instanceof Node.Scalar only && !Placeholder.isIn(only.text())) {
            return Optional.of(only.text().strip());
        }
        return Optional.empty();
    }

    /** The status codes the plan may use: its own, else the site's, else the defaults. */
    private List<String> statusCodes(LoadedContent.PlanSource plan) {
        for (Optional<ParsedFile> holder : List.of(Optional.of(plan.plan()), loaded.site())) {
            List<String> codes = holder.map(ParsedFile::root).map(NewFiles::statusCodesIn).orElse(List.of());
            if (!codes.isEmpty()) {
                return codes;
            }
        }
        return DefaultScales.get().statuses().entries().stream().map(ScaleEntry::code).toList();
    }

    private static List<String> statusCodesIn(Node root) {
        List<String> codes = new ArrayList<>();
        if (root instanceof Node.Mapping file && file.entry("scales").map(e -> e.value()).orElse(null) instanceof Node.Mapping scales
                && scales.entry("statuses").map(e -> e.value()).orElse(null) instanceof Node.Sequence statuses) {
            for (Node status : statuses.items()) {
                if (status instanceof Node.Mapping entry && entry.entry("code").map(e -> e.value()).orElse(null) instanceof Node.Scalar code) {
                    codes.add(code.text());
                }
            }
        }
        return codes;
    }

    private LocalDate today() {
        Optional<Doc> site = ContentValidator.checkSite(loaded, new Problems());
        ZoneId zone = site.filter(s -> s.has("time_zone")).map(s -> s.zone("time_zone")).orElse(ZoneOffset.UTC);
        return LocalDate.now(clock.withZone(zone));
    }

    /** Runs {@code action} on the loaded plan, or says why there is none. */
    private Outcome withPlan(String id, java.util.function.Function<LoadedContent.PlanSource, Outcome> action) {
        Optional<Outcome> notLoaded = contentMissing();
        if (notLoaded.isPresent()) {
            return notLoaded.get();
        }
        return loaded.plans().stream().filter(p -> p.id().equals(id)).findFirst().map(action).orElseGet(() -> noSuchPlan(id));
    }

    private Outcome noSuchPlan(String id) {
        List<Problem> unread = planProblems(id);
        if (!unread.isEmpty()) {
            return new Outcome(List.of(), unread);
        }
        List<String> ids = loaded.plans().stream().map(LoadedContent.PlanSource::id).toList();
        String hint = org.followthrough.problem.Suggestions.didYouMean(id, ids);
        return Outcome.refused(Location.of(files.display("plans/" + id)), "there is no plan '" + id + "'",
                hint != null ? hint : ids.isEmpty() ? "write one with: new plan " + id : "the plans are: " + String.join(", ", ids));
    }

    /** Problems that kept a plan's files from being read (a YAML syntax error, say): they must be fixed first. */
    private List<Problem> planProblems(String id) {
        String folder = files.display("plans/" + id) + "/";
        return loadProblems.sorted().stream().filter(p -> p.isError() && p.location().file().startsWith(folder)).toList();
    }

    private Optional<Outcome> contentMissing() {
        if (!Files.isDirectory(content)) {
            return Optional.of(Outcome.refused(Location.of(content.toString()), "the content folder does not exist",
                    "run from the folder that holds content/ (init makes one), or give --content DIR"));
        }
        return Optional.empty();
    }

    private String create(String relative, String text) throws IOException {
        Path file = content.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return files.display(relative);
    }
}

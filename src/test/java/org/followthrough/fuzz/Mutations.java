package org.followthrough.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How the fuzz test draws its cases: mutations of the small test site, each kind aimed at the places
 * where it means something (dates at date fields, Markdown at Markdown fields and files, ids at
 * file names and references), with now and then a value of the wrong kind anywhere.
 */
final class Mutations {

    /**
     * The valid content every case starts from: the small test site, whose plan declares columns of
     * its own, with a second recommendation that gives its actions' owners (one with two roles),
     * target, column values and progress once for all of them.
     */
    static final Content BASE_CONTENT = base(Content.read(Path.of("src", "test", "resources", "sites", "small")));

    private static final String PLAN = "plans/sample-review/plan.yaml";
    private static final String SUMMARY = "plans/sample-review/summary.md";
    private static final String RECOMMENDATION = "plans/sample-review/recommendations/01.yaml";
    private static final List<String> FILES = List.copyOf(BASE_CONTENT.files().keySet());
    private static final List<String> YAML_FILES = FILES.stream().filter(f -> f.endsWith(".yaml")).toList();
    private static final List<String> ORGANISATIONS = List.of("sample-trust", "sample-police");

    /** What a field holds, by its key, so that each kind of value is written where it means something. */
    enum Kind {
        DATE, MARKDOWN, URL, REFERENCE, TEXT, CODE, FILE
    }

    private static final Map<Kind, Set<String>> KEYS = Map.of(
            Kind.DATE, Set.of("published", "start", "date", "target", "target_completion"),
            Kind.MARKDOWN, Set.of("text", "description", "note", "reason", "summary", "notes", "monitoring", "service", "lead-director"),
            Kind.URL, Set.of("base_url", "website", "link", "url", "published_plans_url"),
            Kind.REFERENCE, Set.of("commissioned_by", "organisations", "lead", "organisation", "oversight_by", "investigated_by"),
            Kind.TEXT, Set.of("title", "name", "short_name", "publisher", "subject", "reference", "role", "label", "number", "ref",
                    "as_published"),
            Kind.FILE, Set.of("file"));

    /** A value's place: a file and the number of the value in it (see {@link Slots}). */
    record Place(String file, int slot, String key) {
    }

    private static final List<Place> PLACES = places();

    private Mutations() {
    }

    private static Content base(Content small) {
        return small.with(PLAN, small.text(PLAN) + """
                extra_columns:
                  - id: service
                    label: Service
                  - id: lead-director
                    label: Lead director
                    description: The executive director who signs the action off.
                """).with("plans/sample-review/recommendations/02.yaml", """
                number: "2"
                title: Physical health checks
                owners:
                  - organisation: sample-trust
                    role: [Team Manager, Head of Patient Safety]
                target: {as_published: "End of Q3", date: 2025-12}
                extra_columns:
                  lead-director: Director of Nursing
                progress:
                  - date: 2024-11-01
                    text: An audit of both wards started on 3 March 2024.
                actions:
                  - ref: "2.1"
                    description: Audit physical health checks on admission.
                    extra_columns:
                      service: Adult inpatient
                  - ref: "2.2"
                    description: Report the audit to the quality committee.
                    target: 2026-01
                    status: done
                    extra_columns:
                      service: Adult inpatient
                """);
    }

    private static List<Place> places() {
        List<Place> places = new ArrayList<>();
        for (String file : YAML_FILES) {
            List<Slots.Slot> slots = Slots.of(BASE_CONTENT.text(file));
            for (int i = 0; i < slots.size(); i++) {
                places.add(new Place(file, i, slots.get(i).key()));
            }
        }
        return List.copyOf(places);
    }

    static Kind kindOf(String key) {
        return KEYS.entrySet().stream().filter(e -> e.getValue().contains(key)).map(Map.Entry::getKey).findFirst().orElse(Kind.CODE);
    }

    /** Case number {@code number} of the run with {@code seed}: a few mutations in order, and whether a successful build makes the PDFs. */
    static FuzzCase fuzzCase(long seed, int number) {
        Draw draw = new Draw(seed, number);
        int groups = draw.weighted(List.of(Draw.weight(6, d -> 1), Draw.weight(3, d -> 2), Draw.weight(1, d -> 3)));
        List<Mutation> mutations = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            mutations.addAll(group(draw));
        }
        // the PDFs take longer than all else together: one case in four makes them
        return new FuzzCase(List.copyOf(mutations), draw.oneIn(4));
    }

    /** Mutations that go together: most are one alone, a logo is a file and the line that names it. */
    private static List<Mutation> group(Draw draw) {
        return draw.weighted(List.of(
                Draw.weight(12, d -> List.of(bytes(d))),
                Draw.weight(16, d -> List.of(structure(d))),
                Draw.weight(20, d -> List.of(values(d))),
                Draw.weight(20, d -> List.of(markdown(d))),
                Draw.weight(8, d -> List.of(ids(d))),
                Draw.weight(6, Mutations::outside),
                Draw.weight(6, Mutations::logo)));
    }

    static Mutation bytes(Draw draw) {
        String file = draw.of(FILES);
        return switch (draw.between(0, 4)) {
            case 0 -> new Mutation.Truncated(file, draw.at());
            case 1 -> new Mutation.ByteFlipped(file, draw.at(), draw.between(1, 255));
            case 2 -> new Mutation.BytesInserted(file, draw.at(), draw.of(Mutation.Bytes.values()));
            case 3 -> new Mutation.Bom(file, draw.of(Mutation.Bom.Mark.values()));
            default -> new Mutation.LineEndings(file, draw.of(Mutation.LineEndings.Ending.values()));
        };
    }

    static Mutation structure(Draw draw) {
        String file = draw.of(YAML_FILES);
        return switch (draw.between(0, 7)) {
            case 0 -> new Mutation.LineEdited(file, draw.at(), Mutation.LineEdited.Edit.DELETED);
            case 1 -> new Mutation.LineEdited(file, draw.at(), Mutation.LineEdited.Edit.WRITTEN_TWICE);
            case 2 -> new Mutation.LineEdited(file, draw.at(), Mutation.LineEdited.Edit.SWAPPED_WITH_THE_NEXT);
            case 3 -> new Mutation.Reindented(file, draw.at(), draw.of(Mutation.Reindented.Indent.values()));
            case 4 -> new Mutation.LineInserted(file, draw.at(), draw.of(Values.LINES));
            case 5 -> new Mutation.KeyRenamed(file, draw.between(0, 60), draw.of(Values.KEYS));
            case 6 -> new Mutation.Aliased(file, draw.between(0, 60), draw.between(0, 60), draw.oneIn(2));
            default -> new Mutation.ValueSet(file, draw.between(0, 60), nesting(draw));
        };
    }

    /** A value nested deep: flow sequences and mappings, and block sequences on one line. */
    private static String nesting(Draw draw) {
        int depth = draw.of(2, 49, 50, 51, 100, 999, 1000, 1001, 5000);
        return switch (draw.between(0, 2)) {
            case 0 -> "[".repeat(depth) + "x" + "]".repeat(depth);
            case 1 -> "{a: ".repeat(depth) + "x" + "}".repeat(depth);
            default -> "- ".repeat(depth) + "x";
        };
    }

    /** A value at a field of its kind, mostly; now and then one of any kind, anywhere. */
    static Mutation values(Draw draw) {
        if (draw.oneIn(5)) {
            Place place = draw.of(PLACES);
            return new Mutation.ValueSet(place.file(), place.slot(), valueOf(draw.of(Kind.values()), draw));
        }
        Kind kind = draw.of(Kind.values());
        Place place = placeOf(kind, draw);
        return new Mutation.ValueSet(place.file(), place.slot(), valueOf(kind, draw));
    }

    private static Place placeOf(Kind kind, Draw draw) {
        List<Place> of = PLACES.stream().filter(p -> kindOf(p.key()) == kind).toList();
        return draw.of(of.isEmpty() ? PLACES : of);
    }

    static String valueOf(Kind kind, Draw draw) {
        if (draw.oneIn(7)) {
            return draw.of(Values.ODD_SCALARS);
        }
        return switch (kind) {
            case DATE -> date(draw);
            case MARKDOWN -> Values.doubleQuoted(markdownText(draw));
            case URL -> draw.of(Values.URLS);
            case REFERENCE -> draw.oneIn(2) ? Values.doubleQuoted(draw.of(Values.IDS)) : "[" + Values.doubleQuoted(draw.of(Values.IDS)) + "]";
            case TEXT -> Values.doubleQuoted(draw.oneIn(2) ? draw.of(Values.longTexts()) : draw.of(Values.MARKDOWN));
            case CODE -> draw.of("Open", "OPEN", "done ", "unknown", "1", "A", "in_progress", "completed", "\"open\\u200b\"");
            case FILE -> draw.of("../../../outside/secret.md", Content.OUTSIDE + "/secret.md", "/etc/passwd", "summary.md/",
                    "./summary.md", "../sample-review/summary.md", "recommendations/01.yaml", "../../site.yaml", "''", "missing.md",
                    "summary.MD", "%2e%2e/secret.md", "..\\\\..\\\\secret.md", "file:///etc/passwd", "recommendations",
                    "\"summary.md\\u0000.txt\"", "\"" + "../".repeat(40) + "etc/passwd\"", "sümmary.md", "\" summary.md\"");
        };
    }

    /** A date from the list of known edges, or made up from a year, month and day on or past every edge. */
    static String date(Draw draw) {
        if (draw.oneIn(2)) {
            return draw.of(Values.DATES);
        }
        return String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", draw.of(0, 1, 999, 1899, 1900, 1901, 2000, 2024, 2026, 2099, 2100,
                2101, 9999), draw.between(0, 13), draw.between(0, 32));
    }

    /** Markdown into the summary file, or into a Markdown field of the YAML. */
    static Mutation markdown(Draw draw) {
        String text = markdownText(draw);
        if (draw.between(1, 5) <= 3) {
            return new Mutation.MarkdownInserted(SUMMARY, draw.at(), text);
        }
        Place place = placeOf(Kind.MARKDOWN, draw);
        return new Mutation.ValueSet(place.file(), place.slot(), Values.doubleQuoted(text));
    }

    private static String markdownText(Draw draw) {
        return draw.weighted(List.of(
                Draw.weight(8, d -> d.of(Values.MARKDOWN)),
                Draw.weight(3, Mutations::nestedMarkdown),
                Draw.weight(1, Mutations::longLine)));
    }

    /** Lists, block quotes, emphasis and links nested to depths on either side of the limit of 100 levels. */
    static String nestedMarkdown(Draw draw) {
        int n = draw.oneIn(3) ? draw.of(48, 49, 50, 97, 98, 99, 100, 101, 102, 500) : draw.between(1, 120);
        return switch (draw.between(0, 5)) {
            case 0 -> String.join("\n", IntStream.range(0, n).mapToObj(i -> "  ".repeat(i) + "- item " + i).toList());
            case 1 -> ">".repeat(n) + " quoted";
            case 2 -> "*_".repeat(n) + "x" + "_*".repeat(n);
            case 3 -> "[".repeat(n) + "x" + "](https://ok.example/)".repeat(n);
            case 4 -> "> - ".repeat(n) + "mixed";
            default -> "1. ".repeat(n) + "numbered";
        };
    }

    /** A line long, but within the limits: many words, or one word that cannot be broken. */
    static String longLine(Draw draw) {
        int length = draw.of(5_000, 20_000, 100_000);
        return draw.oneIn(2) ? "word ".repeat(length / 5).strip() : "x".repeat(length);
    }

    /** Ids: an organisation's file and the references to it, a plan's folder, a recommendation's file. */
    static Mutation ids(Draw draw) {
        String id = draw.of(Values.IDS);
        return switch (draw.between(0, 4)) {
            case 0 -> new Mutation.OrganisationRenamed(draw.of(ORGANISATIONS), id);
            case 1 -> new Mutation.Renamed("plans/sample-review", "plans/" + id);
            case 2 -> new Mutation.Renamed(RECOMMENDATION, "plans/sample-review/recommendations/" + id + ".yaml");
            case 3 -> new Mutation.Renamed("organisations", id);
            default -> new Mutation.Renamed(RECOMMENDATION, RECOMMENDATION.replace(".yaml", draw.of(".yml", ".YAML", ".yaml.bak", "", ".md")));
        };
    }

    /**
     * Ways to make a build read what lies outside the content folder: a link to the secrets folder
     * beside it (absolute or relative), a link out through a folder, a loop of links, a file named
     * by a path that climbs out. Whatever the build does, the secrets' text must never be published.
     */
    static List<Mutation> outside(Draw draw) {
        String up = "../../../outside/";
        return draw.of(
                List.of(new Mutation.Linked(SUMMARY, Content.OUTSIDE + "/secret.md")),
                List.of(new Mutation.Linked(SUMMARY, up + "secret.md")),
                List.of(new Mutation.Linked(SUMMARY, "recommendations/01.yaml")),
                List.of(new Mutation.Linked("organisations/sample-police.yaml", Content.OUTSIDE + "/secret.yaml")),
                List.of(new Mutation.Linked("plans/sample-review/recommendations/02.yaml", "../" + up + "secret.yaml")),
                List.of(new Mutation.Linked("plans/outside", Content.OUTSIDE)),
                List.of(new Mutation.Linked("plans/sample-review/recommendations/loop", ".")),
                List.of(new Mutation.Linked("plans/sample-review/self.md", "self.md")),
                List.of(new Mutation.Linked("assets", Content.OUTSIDE),
                        new Mutation.LineInserted("organisations/sample-trust.yaml", 1000, "logo: assets/secret.svg")),
                List.of(new Mutation.Linked("assets/logo.svg", Content.OUTSIDE + "/secret.svg"),
                        new Mutation.LineInserted("organisations/sample-trust.yaml", 1000, "logo: assets/logo.svg")),
                List.of(new Mutation.ValueSet(PLAN, SUMMARY_FILE_SLOT, "{file: " + up + "secret.md}")),
                List.of(new Mutation.ValueSet(PLAN, SUMMARY_FILE_SLOT, "{file: " + Content.OUTSIDE + "/secret.md}")),
                List.of(new Mutation.LineInserted("organisations/sample-trust.yaml", 1000, "logo: assets/../../outside/secret.svg")));
    }

    /** The number of the value of {@code file:} in the plan's {@code summary: {file: summary.md}}. */
    private static final int SUMMARY_FILE_SLOT = PLACES.stream().filter(p -> p.file().equals(PLAN) && p.key().equals("file"))
            .mapToInt(Place::slot).findFirst().orElseThrow();

    /** An organisation's logo: an SVG, clean or carrying something that could run script or load from elsewhere, or a PNG. */
    static List<Mutation> logo(Draw draw) {
        String organisation = draw.of(ORGANISATIONS);
        if (draw.oneIn(5)) {
            String name = draw.of(List.copyOf(Logos.PNGS.keySet()));
            return List.of(new Mutation.FileWritten("assets/logo.png", Logos.PNGS.get(name)),
                    new Mutation.LineInserted("organisations/" + organisation + ".yaml", 1000, "logo: assets/logo.png"));
        }
        String svg = draw.weighted(List.of(
                Draw.weight(1, d -> Logos.CLEAN),
                Draw.weight(6, d -> Logos.svgWith(d.of(Logos.HOSTILE_PARTS))),
                Draw.weight(2, d -> d.of(Logos.HOSTILE_DOCUMENTS))));
        return List.of(new Mutation.FileWritten("assets/logo.svg", svg),
                new Mutation.LineInserted("organisations/" + organisation + ".yaml", 1000, "logo: assets/logo.svg"));
    }
}

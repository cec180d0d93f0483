package org.followthrough.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.followthrough.format.ContentFormat;
import org.followthrough.format.Field;
import org.followthrough.format.FieldType;
import org.followthrough.format.RefKind;
import org.followthrough.format.Shape;
import org.followthrough.model.Archive;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Plan;
import org.followthrough.model.PlanKind;
import org.followthrough.model.Scale;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.problem.Problems;
import org.followthrough.render.Dates;
import org.followthrough.source.Node;
import org.followthrough.source.SourceFile;
import org.followthrough.source.YamlReader;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing is lost between YAML and page: every value written in a plan's files (text, Markdown,
 * dates, targets, organisations, scale values) appears in the text of that plan's pages (its own page and its
 * recommendations' pages). The
 * expected text is worked out from the YAML alone, walking it field by field with the format.
 */
class NothingLostTest {

    private static MemoryPublisher site;
    private static Archive archive;

    @BeforeAll
    static void buildShippedContent() {
        site = TestBuilds.buildInMemory(TestBuilds.SHIPPED_CONTENT);
        archive = Pipeline.check(TestBuilds.request(TestBuilds.SHIPPED_CONTENT, null)).archive();
    }

    static Stream<String> planIds() throws IOException {
        try (Stream<Path> dirs = Files.list(TestBuilds.SHIPPED_CONTENT.resolve("plans"))) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("planIds")
    void everyValueOfThePlanReachesItsPage(String planId) throws IOException {
        Path folder = TestBuilds.SHIPPED_CONTENT.resolve("plans").resolve(planId);
        Plan plan = archive.plans().stream().filter(p -> p.id().equals(planId)).findFirst().orElseThrow();
        String page = normalise(TestBuilds.planText(site, planId));

        List<Expected> expected = new ArrayList<>();
        Walker walker = new Walker(plan, folder, expected);
        walker.walk(folder.resolve("plan.yaml"), ContentFormat.PLAN);
        try (Stream<Path> recs = Files.list(folder.resolve("recommendations"))) {
            for (Path rec : recs.sorted().toList()) {
                walker.walk(rec, ContentFormat.RECOMMENDATION);
            }
        }
        assertThat(expected).hasSizeGreaterThan(10);
        List<Expected> missing = expected.stream().filter(e -> !page.contains(e.text())).toList();
        assertThat(missing).as("values of " + planId + " missing from its page").isEmpty();
    }

    record Expected(String where, String text) {
        @Override
        public String toString() {
            return where + ": «" + text + "»";
        }
    }

    private static String normalise(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();

    /** The words a reader sees for Markdown: rendered by plain CommonMark, independently of the site's renderer. */
    private static String markdownText(String markdown) {
        return normalise(Jsoup.parse(HTML.render(MARKDOWN.parse(markdown))).text());
    }

    private record Walker(Plan plan, Path folder, List<Expected> expected) {

        void walk(Path file, Shape shape) throws IOException {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Node root = YamlReader.read(new SourceFile(file.toString(), file.toString(), text), new Problems()).orElseThrow();
            object(file.getFileName().toString(), (Node.Mapping) root, shape, file.getParent());
        }

        private void object(String where, Node.Mapping mapping, Shape shape, Path dir) throws IOException {
            for (Node.Mapping.Entry entry : mapping.entries()) {
                Field field = shape.field(entry.key()).orElseThrow();
                if (field.name().equals("code") && (shape == ContentFormat.SCALE_ENTRY || shape == ContentFormat.STATUS_ENTRY)
                        || field.name().equals("id") && shape == ContentFormat.EXTRA_COLUMN) {
                    continue; // codes and ids are what files write; readers see the label
                }
                value(where + "." + entry.key(), entry.value(), field.type(), dir);
            }
        }

        private void value(String where, Node node, FieldType type, Path dir) throws IOException {
            if (type instanceof FieldType.ListOf list) {
                List<Node> items = node instanceof Node.Sequence s ? s.items() : List.of(node);
                for (int i = 0; i < items.size(); i++) {
                    value(where + "[" + i + "]", items.get(i), list.item(), dir);
                }
            } else if (type instanceof FieldType.Nested nested) {
                object(where, (Node.Mapping) node, nested.shape(), dir);
            } else if (type instanceof FieldType.Keyed keyed) {
                for (Node.Mapping.Entry entry : ((Node.Mapping) node).entries()) {
                    value(where + "." + entry.key(), entry.value(), keyed.value(), dir);
                }
            } else if (type instanceof FieldType.MarkdownText) {
                String source = node instanceof Node.Scalar s ? s.text()
                        : Files.readString(dir.resolve(((Node.Scalar) ((Node.Mapping) node).entries().get(0).value()).text()), StandardCharsets.UTF_8);
                add(where, markdownText(source));
            } else if (type instanceof FieldType.FlexDate) {
                if (node instanceof Node.Mapping m) {
                    String wording = ((Node.Scalar) m.entry("as_published").orElseThrow().value()).text();
                    add(where, wording);
                    // the date is given beside the wording only where the wording does not say it ("Completed August 2016",
                    // "Psychology training will be ongoing"), and the wording is on the page
                    m.entry("date").map(d -> flexDate(((Node.Scalar) d.value()).text()))
                            .filter(date -> !wording.toLowerCase(java.util.Locale.ROOT).contains(date.toLowerCase(java.util.Locale.ROOT)))
                            .ifPresent(date -> add(where + ".date", date));
                } else {
                    add(where, flexDate(((Node.Scalar) node).text()));
                }
            } else {
                String text = ((Node.Scalar) node).text();
                if (type instanceof FieldType.Date) {
                    add(where, Dates.format(LocalDate.parse(text)));
                } else if (type instanceof FieldType.Reference ref) {
                    add(where, reference(ref.kind(), text));
                } else if (type instanceof FieldType.Choice) {
                    add(where, where.endsWith(".kind") ? PlanKind.fromCode(text).label() : Lifecycle.fromCode(text).label());
                } else {
                    add(where, text);
                }
            }
        }

        private String flexDate(String text) {
            if (text.equals("ongoing")) {
                return "Ongoing";
            }
            return text.length() == 7 ? Dates.format(YearMonth.parse(text)) : Dates.format(LocalDate.parse(text));
        }

        private String reference(RefKind kind, String id) {
            if (kind == RefKind.THEME) {
                return archive.site().theme(id).label();
            }
            Scale scale = switch (kind) {
                case ORGANISATION, THEME -> null;
                case COLUMN -> throw new IllegalArgumentException("a column id is a key, never a value");
                case STATUS -> plan.scales().statuses();
                case GRADE -> plan.scales().grades();
                case RAG -> plan.scales().rag();
                case TERM -> plan.scales().terms();
                case PRIORITY -> plan.scales().priorities();
            };
            if (scale == null) {
                return archive.organisation(id).orElseThrow().name();
            }
            return scale.find(id).orElseThrow().label();
        }

        private void add(String where, String text) {
            String normal = normalise(text);
            if (!normal.isEmpty()) {
                expected.add(new Expected(where, normal));
            }
        }
    }
}

package org.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.followthrough.guard.ProtectedNames;
import org.followthrough.support.Folders;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard on names that must never be published, as editors and CI use it: {@code check} and
 * {@code build} with {@code --protected-names FILE} (or FOLLOWTHROUGH_PROTECTED_NAMES) report every
 * occurrence by file, line and column, name each protected name only by its line in the list, and
 * publish nothing; a clean site builds; the list is copied nowhere.
 */
class ProtectedNamesCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    /** The list: a comment and a blank line first, so that the names are #3 onwards. */
    private static final String LIST = """
            # Names the 2024 report anonymised: never publish them.

            Zebedee Quinn
            Marigold Vance
            Ottoline Frost
            Thaddeus Crane
            Élodie Brûlé
            Barnaby Whitlock
            Persephone Lark
            Cressida Moon
            Ignatius Pole
            Rosalind Vey
            """;

    /** Every word of every name, as the output is searched for them (lower case, no accents). */
    private static final List<String> WORDS = List.of("zebedee", "quinn", "marigold", "vance", "ottoline", "frost", "thaddeus",
            "crane", "elodie", "brule", "barnaby", "whitlock", "persephone", "lark", "cressida", "moon", "ignatius", "rosalind");

    @TempDir
    Path temp;

    private Path content;
    private Path list;

    @BeforeEach
    void copyTheSmallSiteAndWriteTheList() throws IOException {
        content = TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("content"));
        list = temp.resolve("secret/names.txt");
        Files.createDirectories(list.getParent());
        Files.writeString(list, LIST, StandardCharsets.UTF_8);
    }

    private CommandRun run(String... args) {
        return CommandRun.of(CLOCK, args);
    }

    private CommandRun check() {
        return run("check", "--content", content.toString(), "--templates", temp.resolve("no-templates").toString(),
                "--as-of", "2026-11-23", "--protected-names", list.toString());
    }

    private CommandRun build(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("build", "--content", content.toString(), "--templates",
                temp.resolve("no-templates").toString(), "--out", temp.resolve("site").toString(), "--cache",
                temp.resolve("cache").toString(), "--as-of", "2026-11-23"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** Plants a name in every kind of content file and field, in other case and accents, and across a line break. */
    private void plantNames() throws IOException {
        replace("site.yaml", "description: A small site used by the tests.", "description: A small site kept by Zebedee Quinn.");
        replace("organisations/sample-police.yaml", "name: Sample Police", "name: Sample Police (Marigold Vance)");
        replace("plans/sample-review/plan.yaml", "subject: Mr A", "subject: Ottoline Frost");
        replace("plans/sample-review/plan.yaml", "title: Sample safety action plan", "title: Sample safety action plan for cressida MOON");
        replace("plans/sample-review/recommendations/01.yaml", "text: Teams must record who attended each meeting.",
                "text: Teams must record that Thaddeus Crane attended each meeting.");
        replace("plans/sample-review/recommendations/01.yaml", "description: Audit the minutes.",
                "description: Audit the minutes ELODIE BRULE kept.");
        replace("plans/sample-review/recommendations/01.yaml", "        text: A template has been drafted.",
                "        text: >-\n          A template has been drafted with Barnaby\n          Whitlock.");
        replace("plans/sample-review/recommendations/01.yaml", "{organisation: sample-trust, role: Team Manager}",
                "{organisation: sample-trust, role: Team Manager Ignatius Pole}");
        replace("plans/sample-review/plan.yaml", "as_published: \"Spring 2025\"", "as_published: \"Spring 2025 (R\\u006fsalind Vey)\"");
        replace("plans/sample-review/summary.md", "involved in a serious incident.", "involved in a serious incident with **Persephone** Lark.");
    }

    private void replace(String file, String from, String to) throws IOException {
        Folders.replace(content.resolve(file), from, to);
    }

    /** Where {@code text} starts in a content file, as messages give it: file:line:column. */
    private String at(String file, String text) throws IOException {
        String whole = Files.readString(content.resolve(file));
        int index = whole.indexOf(text);
        assertThat(index).as("%s holds %s", file, text).isNotNegative();
        int line = (int) whole.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
        int column = index - whole.lastIndexOf('\n', index - 1);
        return content.resolve(file) + ":" + line + ":" + column;
    }

    private static void assertNoNameIn(String printed) {
        String folded = Normalizer.normalize(printed, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        assertThat(WORDS).as("words of protected names printed in:\n%s", printed).noneMatch(folded::contains);
    }

    /**
     * A name an organisation's own site makes of two texts side by side (its title after the site's, "…action plans –
     * Sample Police: …") is found by check given --all-organisations, as build with it finds it; a plain check makes no
     * such site.
     */
    @Test
    void checkGivenAllOrganisationsSearchesTheirOwnSitesAsBuildDoes() throws IOException {
        Files.writeString(list, "Plans Sample Police\n", StandardCharsets.UTF_8);

        CommandRun plain = check();
        CommandRun every = run("check", "--content", content.toString(), "--templates", temp.resolve("no-templates").toString(),
                "--as-of", "2026-11-23", "--protected-names", list.toString(), "--all-organisations");
        CommandRun built = build("--no-pdf", "--protected-names", list.toString(), "--all-organisations");

        assertThat(plain.code()).as(plain.all()).isZero();
        for (CommandRun run : List.of(every, built)) {
            assertThat(run.code()).as(run.all()).isEqualTo(1);
            assertThat(run.err()).as(run.all()).contains("sample-police/").contains("protected name #1 appears in this file");
        }
        assertThat(temp.resolve("site")).doesNotExist();
    }

    @Test
    void checkReportsEveryOccurrenceByFileLineAndColumnAndNeverPrintsAName() throws IOException {
        plantNames();

        CommandRun run = check();

        assertThat(run.code()).as(run.all()).isEqualTo(Main.CONTENT_PROBLEMS);
        assertThat(run.err()).contains(
                at("site.yaml", "Zebedee") + ": protected name #3 appears here",
                at("organisations/sample-police.yaml", "Marigold") + ": protected name #4 appears here",
                at("plans/sample-review/plan.yaml", "Ottoline") + ": protected name #5 appears here",
                at("plans/sample-review/plan.yaml", "cressida") + ": protected name #10 appears here",
                at("plans/sample-review/recommendations/01.yaml", "Thaddeus") + ": protected name #6 appears here",
                at("plans/sample-review/recommendations/01.yaml", "ELODIE") + ": protected name #7 appears here",
                at("plans/sample-review/recommendations/01.yaml", "Barnaby") + ": protected name #8 appears here",
                at("plans/sample-review/summary.md", "Persephone") + ": protected name #9 appears here",
                at("plans/sample-review/recommendations/01.yaml", "Ignatius") + ": protected name #11 appears here",
                at("plans/sample-review/plan.yaml", "R\\u006fsalind") + ": protected name #12 appears here");
        assertThat(run.err()).contains("nothing is published while a name on " + list + " appears").contains("10 problems found in");
        assertNoNameIn(run.all());
    }

    @Test
    void buildRefusesTheSameOccurrencesAndPublishesAndCachesNothing() throws IOException {
        plantNames();

        CommandRun run = build("--protected-names", list.toString());

        assertThat(run.code()).as(run.all()).isEqualTo(Main.CONTENT_PROBLEMS);
        assertThat(run.err()).contains(at("plans/sample-review/summary.md", "Persephone") + ": protected name #9 appears here")
                .contains("nothing was published");
        assertNoNameIn(run.all());
        assertThat(temp.resolve("site")).doesNotExist();
        assertThat(filesUnder(temp.resolve("cache"))).as("nothing is cached from a refused build").isEmpty();
    }

    @Test
    void theEnvironmentVariableNamesTheListWhenTheOptionDoesNot() throws IOException {
        plantNames();

        CommandRun run = CommandRun.of(CLOCK, Map.of(ProtectedNamesOption.ENVIRONMENT_VARIABLE, list.toString()),
                "check", "--content", content.toString(), "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(Main.CONTENT_PROBLEMS);
        assertThat(run.err()).contains(at("site.yaml", "Zebedee") + ": protected name #3 appears here");
        assertNoNameIn(run.all());
    }

    @Test
    void aCleanSiteBuildsAndTheListIsCopiedNowhere() throws IOException {
        CommandRun checked = check();
        CommandRun built = build("--protected-names", list.toString());

        assertThat(checked.code()).as(checked.all()).isZero();
        assertThat(built.code()).as(built.all()).isZero();
        assertThat(temp.resolve("site/index.html")).exists();
        byte[] listBytes = Files.readAllBytes(list);
        for (Path folder : List.of(temp.resolve("site"), temp.resolve("cache"))) {
            for (Path file : filesUnder(folder)) {
                byte[] bytes = Files.readAllBytes(file);
                assertThat(bytes).as("%s is not the list", file).isNotEqualTo(listBytes);
                String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                assertThat(WORDS).as("%s names no protected name", file).noneMatch(text::contains);
            }
        }
    }

    @Test
    void aNameOnlyTheBuiltFilesMakeIsCaughtInThemAndNamedByThePublishedFile() throws Exception {
        // the PDF's XMP metadata puts the plan's title just before the publisher, the author of every PDF
        replace("plans/sample-review/plan.yaml", "title: Sample safety action plan", "title: Sample safety action plan for Hartley");
        replace("site.yaml", "publisher: Sample Partnership", "publisher: Quayle Partnership");
        Files.writeString(list, LIST + "Hartley Quayle\n", StandardCharsets.UTF_8);

        CommandRun checked = check();
        CommandRun built = build("--protected-names", list.toString());

        assertThat(checked.code()).as("no content file holds it, but check makes the files as the build does: %s", checked.all())
                .isEqualTo(Main.CONTENT_PROBLEMS);
        assertThat(checked.err()).contains("plans/sample-review/summary.pdf: protected name #13 appears in this PDF's XMP metadata");
        assertThat(built.code()).as(built.all()).isEqualTo(Main.CONTENT_PROBLEMS);
        assertThat(built.err()).contains(temp.resolve("site") + "/plans/sample-review/summary.pdf: protected name #13 appears in this PDF's"
                + " XMP metadata, which the build would publish, though in no content file on its own");
        assertThat(built.all()).doesNotContainIgnoringCase("Hartley").doesNotContainIgnoringCase("Quayle");
        assertThat(temp.resolve("site")).doesNotExist();
        assertThat(filesUnder(temp.resolve("cache"))).as("what was made is cached").isNotEmpty();
        assertThat(TestBuilds.filesHolding(ProtectedNames.read(list), temp.resolve("cache"))).as("cache entries holding a name").isEmpty();
    }

    /**
     * A plan's history page shows the messages of the commits that changed it: a name in one is told by check as by the
     * build, at that page, with what to do about a message, which cannot be edited as a file can.
     */
    @Test
    void aNameInACommitMessageIsReportedByCheckAsTheBuildWouldRefuseIt() throws IOException {
        try (org.followthrough.support.GitRepositories repo = org.followthrough.support.GitRepositories.init(content)) {
            repo.commit("Progress reported by Zebedee Quinn", "2026-11-01T10:00:00Z");
        }

        CommandRun checked = check();
        CommandRun built = build("--protected-names", list.toString());

        for (CommandRun run : List.of(checked, built)) {
            assertThat(run.code()).as(run.all()).isEqualTo(Main.CONTENT_PROBLEMS);
            assertThat(run.err()).contains("plans/sample-review/history/index.html:").contains("protected name #3 appears")
                    .contains("set change_history: dates in site.yaml to leave the messages out");
        }
        assertNoNameIn(checked.all() + built.all());
        assertThat(temp.resolve("site")).doesNotExist();
    }

    @Test
    void aNameSplitByAnHtmlCommentIsReportedByCheckAsTheBuildWouldRefuseIt() throws IOException {
        // a page leaves the comment out, so the name reads whole there
        replace("plans/sample-review/summary.md", "involved in a serious incident.", "involved in a serious incident with Persep<!-- x -->hone Lark.");

        CommandRun checked = check();
        CommandRun built = build("--protected-names", list.toString());

        assertThat(checked.code()).as(checked.all()).isEqualTo(Main.CONTENT_PROBLEMS);
        assertThat(checked.err()).contains(at("plans/sample-review/summary.md", "Persep") + ": protected name #9 appears here");
        assertThat(built.code()).as(built.all()).isEqualTo(Main.CONTENT_PROBLEMS);
        assertThat(built.err()).contains(at("plans/sample-review/summary.md", "Persep") + ": protected name #9 appears here");
        assertNoNameIn(checked.all() + built.all());
        assertThat(temp.resolve("site")).doesNotExist();
    }

    @Test
    void aNameInAFolderNameIsToldWithTheFolderNameRedacted() throws IOException {
        Files.move(content.resolve("plans/sample-review"), content.resolve("plans/ottoline-frost"));

        CommandRun run = check();

        assertThat(run.code()).as(run.all()).isEqualTo(Main.CONTENT_PROBLEMS);
        assertThat(run.err()).contains(content.resolve("plans") + "/[protected name #5]/plan.yaml: protected name #5 is in the name of"
                + " this file or its folder");
        assertNoNameIn(run.all());
    }

    @Test
    void otherMessagesThatQuoteTheContentDoNotPrintANameEither() throws IOException {
        replace("plans/sample-review/plan.yaml", "commissioned_by: [sample-police]", "commissioned_by: [marigold-vance]");

        CommandRun run = check();

        assertThat(run.code()).as(run.all()).isEqualTo(Main.CONTENT_PROBLEMS);
        assertThat(run.err()).contains("[protected name #4]");
        assertNoNameIn(run.all());
    }

    @Test
    void aListThatCannotBeUsedIsAWrongCommandLineThatQuotesNoLine() throws IOException {
        Files.writeString(list, "Zebedee Quinn\n***\n", StandardCharsets.UTF_8);
        CommandRun unusable = check();
        CommandRun missing = run("check", "--content", content.toString(), "--protected-names", temp.resolve("nowhere.txt").toString());

        assertThat(unusable.code()).isEqualTo(Main.USAGE);
        assertThat(unusable.err()).contains("--protected-names: " + list + ":2: protected name #2 has no letters or digits");
        assertNoNameIn(unusable.all());
        assertThat(missing.code()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).contains("does not exist");
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}

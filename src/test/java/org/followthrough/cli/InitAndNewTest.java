package org.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.followthrough.support.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code init} and {@code new}, as an editor runs them: what they write, and what check then says. */
class InitAndNewTest {

    /** 23:30 in UTC is already the next day in London (summer time): dates must be the site's. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T23:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;


    private static CommandRun run(String... args) {
        return CommandRun.of(CLOCK, args);
    }

    private Path init() {
        Path repo = temp.resolve("plans-repo");
        CommandRun run = run("init", repo.toString(), "--name", "Sample NHS Foundation Trust", "--id", "sample-trust", "--type", "nhs_trust",
                "--base-url", "https://trust.example/action-plans/");
        assertThat(run.code()).as(run.all()).isZero();
        return repo;
    }

    private static CommandRun build(Path repo) {
        return run("build", "--content", repo.resolve("content").toString(), "--templates", repo.resolve("templates").toString(),
                "--out", repo.resolve("site").toString());
    }

    private static CommandRun check(Path repo) {
        return run("check", "--content", repo.resolve("content").toString());
    }

    @Test
    void initWritesARepositoryThatChecksAndBuildsAtOnce() {
        Path repo = init();

        CommandRun check = check(repo);
        CommandRun build = build(repo);

        assertThat(check.code()).as(check.all()).isZero();
        assertThat(check.out()).contains("1 plan, 1 organisation, 1 action; no problems");
        assertThat(build.code()).as(build.all()).isZero();
        assertThat(repo.resolve("site/plans/example-plan/index.html")).content(StandardCharsets.UTF_8)
                .contains("Example action plan").contains("Sample NHS Foundation Trust");
    }

    /** A body starts with no plan of its own yet, or removes the example before writing its first: the site still builds. */
    @Test
    void aRepositoryWithNoPlansYetChecksAndBuildsASiteThatSaysSo() throws IOException {
        Path repo = init();
        try (var files = Files.walk(repo.resolve("content/plans/example-plan"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }

        CommandRun check = check(repo);
        CommandRun build = build(repo);

        assertThat(check.code()).as(check.all()).isZero();
        assertThat(check.out()).contains("0 plans");
        assertThat(build.code()).as(build.all()).isZero();
        assertThat(build.all()).doesNotContain("internal error").doesNotContain("Exception");
        assertThat(repo.resolve("site/index.html")).content(StandardCharsets.UTF_8).contains("0 plans");
        assertThat(repo.resolve("site/search/index/docs-0.json")).as("the search finds the organisation alone")
                .content(StandardCharsets.UTF_8).startsWith("[[\"organisation\",\"Sample NHS Foundation Trust\"")
                .contains("Named in no plan published here").doesNotContain("\"plan\"", "\"action\"");
    }

    @Test
    void initWritesSchemasEditorSettingsAndAGitignore() throws IOException {
        Path repo = init();

        for (Path yaml : yamlFiles(repo.resolve("content"))) {
            String first = Files.readAllLines(yaml).get(0);
            assertThat(first).as(yaml.toString()).startsWith("# yaml-language-server: $schema=");
            assertThat(yaml.getParent().resolve(first.substring(first.indexOf('=') + 1)).normalize()).as(yaml.toString()).isRegularFile();
        }
        JsonNode schemas = new ObjectMapper().readTree(repo.resolve(".vscode/settings.json").toFile()).get("yaml.schemas");
        assertThat(schemas.size()).isEqualTo(4);
        schemas.fieldNames().forEachRemaining(schema -> assertThat(repo.resolve(schema)).isRegularFile());
        assertThat(Files.readAllLines(repo.resolve(".gitignore"))).contains("/site/", "/site-*/", "/.followthrough-cache/");
        assertThat(repo.resolve("README.md")).content().contains("followthrough new plan ID");
        assertThat(repo.resolve(".github/workflows/followthrough.yml")).isRegularFile();
        assertThat(repo.resolve(".gitlab-ci.yml")).isRegularFile();
    }

    @Test
    void aSitesOwnTemplatesOverrideTheBuiltInOnesInAnInitialisedRepository() throws IOException {
        Path repo = init();
        Path css = repo.resolve("templates/assets/followthrough.css");
        Files.createDirectories(css.getParent());
        Files.writeString(css, "/* the trust's own stylesheet */\n");

        CommandRun build = build(repo);

        assertThat(build.code()).as(build.all()).isZero();
        assertThat(repo.resolve("site/assets/followthrough.css")).hasContent("/* the trust's own stylesheet */");
    }

    @Test
    void initRefusesAFolderThatIsNotEmptyAndTouchesNothing() throws IOException {
        Path repo = temp.resolve("existing");
        Files.createDirectories(repo);
        Files.writeString(repo.resolve("notes.txt"), "mine");

        CommandRun run = run("init", repo.toString());

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("is not empty (it holds notes.txt)");
        try (Stream<Path> files = Files.list(repo)) {
            assertThat(files).containsExactly(repo.resolve("notes.txt"));
        }
        assertThat(repo.resolve("notes.txt")).hasContent("mine");
    }

    /** An editor may run git init first: a folder holding only Git's own folder is as good as empty, and that folder is left alone. */
    @Test
    void initWritesIntoAFolderThatHoldsOnlyANewGitRepository() throws IOException {
        Path repo = temp.resolve("cloned");
        Path head = repo.resolve(".git/HEAD");
        Files.createDirectories(head.getParent());
        Files.writeString(head, "ref: refs/heads/main\n");

        CommandRun run = run("init", repo.toString());

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(repo.resolve("content/site.yaml")).exists();
        assertThat(head).hasContent("ref: refs/heads/main\n");
        try (Stream<Path> git = Files.list(repo.resolve(".git"))) {
            assertThat(git).containsExactly(head);
        }
    }

    /** The organisation's id is made from its name as a reader would shorten it: letters with no accent kept, apostrophes left out. */
    @Test
    void initMakesTheOrganisationsIdFromItsNameLetterForLetter() {
        CommandRun aero = run("init", temp.resolve("aero").toString(), "--name", "Ærø Council");
        CommandRun marys = run("init", temp.resolve("marys").toString(), "--name", "St Mary’s Hospital");

        assertThat(aero.code()).as(aero.all()).isZero();
        assertThat(temp.resolve("aero/content/organisations/aero-council.yaml")).exists();
        assertThat(marys.code()).as(marys.all()).isZero();
        assertThat(temp.resolve("marys/content/organisations/st-marys-hospital.yaml")).exists();
    }

    @Test
    void newPlanWithNoIdSaysWhatAnIdLooksLike() throws IOException {
        Path repo = init();

        CommandRun run = run("new", "plan", "", "--content", repo.resolve("content").toString());

        assertThat(run.code()).as("a wrong command line").isEqualTo(2);
        assertThat(run.err()).contains("ID: '' cannot be a plan's id — use lower-case letters, digits and hyphens, e.g. 'eput-2026-01'");
    }

    @Test
    void initRefusesAnUnknownOrganisationType() {
        CommandRun run = run("init", temp.resolve("x").toString(), "--type", "hospital");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--type must be one of").contains("nhs_trust");
    }

    @Test
    void newPlanWritesAPlanWhoseOnlyProblemsAreItsPlaceholders() throws IOException {
        Path repo = init();
        String content = repo.resolve("content").toString();

        CommandRun made = run("new", "plan", "sample-review", "--content", content);
        CommandRun check = check(repo);

        assertThat(made.code()).as(made.all()).isZero();
        assertThat(made.out()).contains("plans/sample-review/plan.yaml").contains("plans/sample-review/recommendations/01.yaml");
        String plan = Files.readString(repo.resolve("content/plans/sample-review/plan.yaml"));
        assertThat(plan).startsWith("# yaml-language-server: $schema=../../schema/plan.schema.json\n").contains("organisations: [sample-trust]");
        assertThat(check.code()).isEqualTo(1);
        List<String> problems = check.err().lines().filter(l -> l.contains(".yaml:")).toList();
        assertThat(problems).hasSizeGreaterThanOrEqualTo(5)
                .allMatch(p -> p.contains("this is still a placeholder: 'TO FILL IN: "), "is a placeholder");
    }

    @Test
    void newPlanNeverOverwritesAPlan() throws IOException {
        Path repo = init();
        Path plan = repo.resolve("content/plans/example-plan/plan.yaml");
        String before = Files.readString(plan);

        CommandRun run = run("new", "plan", "example-plan", "--content", repo.resolve("content").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("plan 'example-plan' already exists").contains("Nothing was written");
        assertThat(plan).hasContent(before.strip());
    }

    @Test
    void newRecommendationTakesTheNumberThePlanPrintsWhereItSkipsNumbersAndNeverOneInUse() throws IOException {
        Path repo = init();
        String content = repo.resolve("content").toString();

        CommandRun sixth = run("new", "recommendation", "example-plan", "--number", "6", "--content", content);
        CommandRun again = run("new", "recommendation", "example-plan", "--number", "6", "--content", content);

        assertThat(sixth.code()).as(sixth.all()).isZero();
        assertThat(Files.readString(repo.resolve("content/plans/example-plan/recommendations/06.yaml")))
                .contains("number: \"6\"").contains("ref: \"6.1\"");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("the plan has a recommendation 6 already").contains("Nothing was written");
        assertThat(check(repo).err()).doesNotContain("used twice");
    }

    /** A number such as '1A' once met picocli's "'1A' is not an int"; now the command says what to do with it. */
    @Test
    void newRecommendationSaysHowToWriteANumberThatIsNotWhole() throws IOException {
        Path repo = init();
        Path recommendations = repo.resolve("content/plans/example-plan/recommendations");
        List<Path> before;
        try (var files = Files.list(recommendations)) {
            before = files.sorted().toList();
        }

        CommandRun run = run("new", "recommendation", "example-plan", "--number", "1A", "--content", repo.resolve("content").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--number takes a whole number of 1 or more, which also names the file, not '1A'")
                .contains("write number: \"1A\" in the file").doesNotContain("not an int");
        try (var files = Files.list(recommendations)) {
            assertThat(files.sorted().toList()).as("nothing written").isEqualTo(before);
        }
    }

    @Test
    void newRecommendationTakesTheNextFreeNumber() throws IOException {
        Path repo = init();
        String content = repo.resolve("content").toString();

        run("new", "recommendation", "example-plan", "--content", content);
        CommandRun third = run("new", "recommendation", "example-plan", "--content", content);

        assertThat(third.code()).as(third.all()).isZero();
        String rec = Files.readString(repo.resolve("content/plans/example-plan/recommendations/03.yaml"));
        assertThat(rec).startsWith("# yaml-language-server: $schema=../../../schema/recommendation.schema.json\n")
                .contains("number: \"3\"").contains("ref: \"3.1\"").contains("organisation: sample-trust");
    }

    @Test
    void newUpdateAddsAnEntryDatedTodayInTheSitesTimeZoneAndChangesNoOtherLine() throws IOException {
        Path repo = init();
        Path file = repo.resolve("content/plans/example-plan/recommendations/01.yaml");
        List<String> before = Files.readAllLines(file);

        CommandRun run = run("new", "update", "example-plan", "1.1", "--content", repo.resolve("content").toString());

        assertThat(run.code()).as(run.all()).isZero();
        List<String> after = Files.readAllLines(file);
        List<String> added = new ArrayList<>(after.subList(before.size(), after.size()));
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        assertThat(added.get(0)).isEqualTo("      - date: 2026-07-02");
        assertThat(run.out()).contains("01.yaml:" + (before.size() + 1));
        CommandRun check = check(repo);
        assertThat(check.err().lines().filter(l -> l.contains(".yaml:")))
                .hasSize(2).allMatch(p -> p.contains("this is still a placeholder"), "is a placeholder");
    }

    /** A repository is shared: a file readable by the team before an update was added stays readable after it. */
    @Test
    void newUpdateLeavesTheFilesPermissionsAsTheyWere() throws IOException {
        Path repo = init();
        Path file = repo.resolve("content/plans/example-plan/recommendations/01.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        var shared = java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(file, shared);

        CommandRun run = run("new", "update", "example-plan", "1.1", "--content", repo.resolve("content").toString());

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(shared);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("01.yaml");
        }
    }

    @Test
    void newUpdateDatesTheEntryAsToldWhereTheProgressWasReportedAnotherDay() throws IOException {
        Path repo = init();
        Path file = repo.resolve("content/plans/example-plan/recommendations/01.yaml");
        int lines = Files.readAllLines(file).size();

        CommandRun run = run("new", "update", "example-plan", "1.1", "--date", "2026-06-15", "--content", repo.resolve("content").toString());

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(Files.readAllLines(file).get(lines)).isEqualTo("      - date: 2026-06-15");
    }

    /**
     * Progress is a history listed oldest first: an update reported earlier than one already written goes in before it,
     * so that check, which rejects a list out of order, finds only the placeholders to fill in.
     */
    @Test
    void newUpdateDatedBeforeAnUpdateAlreadyWrittenGoesInBeforeIt() throws IOException {
        Path repo = init();
        Path file = repo.resolve("content/plans/example-plan/recommendations/01.yaml");
        String content = repo.resolve("content").toString();
        assertThat(run("new", "update", "example-plan", "1.1", "--content", content).code()).isZero();
        List<String> before = Files.readAllLines(file);

        CommandRun run = run("new", "update", "example-plan", "1.1", "--date", "2026-06-15", "--content", content);

        assertThat(run.code()).as(run.all()).isZero();
        List<String> dates = Files.readAllLines(file).stream().filter(l -> l.strip().startsWith("- date:")).toList();
        assertThat(dates).as("the example's own update, then the two added").hasSize(3).contains("      - date: 2026-06-15").isSorted();
        int line = Files.readAllLines(file).indexOf("      - date: 2026-06-15") + 1;
        assertThat(run.out()).as("where it was written").contains("01.yaml:" + line);
        List<String> after = new ArrayList<>(Files.readAllLines(file));
        after.subList(line - 1, line - 1 + after.size() - before.size()).clear();
        assertThat(after).as("no other line changed").isEqualTo(before);
        assertThat(check(repo).err().lines().filter(l -> l.contains(".yaml:")))
                .hasSize(4).allMatch(p -> p.contains("this is still a placeholder"), "is a placeholder");
    }

    /**
     * What check would refuse, new update does not write: a date after today (progress reports what has happened), or
     * outside the years dates may name (1018 for 2018, say), which the command line refuses as it does any such date.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2027-07-02 | 1 | the date 2027-07-02 is after today, 2026-07-02",
        "1018-07-02 | 2 | '1018-07-02' is outside the years 1900 to 2100"})
    void newUpdateRefusesADateCheckWouldRefuseAndWritesNothing(String date, int code, String message) throws IOException {
        Path repo = init();
        Path file = repo.resolve("content/plans/example-plan/recommendations/01.yaml");
        String before = Files.readString(file);

        CommandRun run = run("new", "update", "example-plan", "1.1", "--date", date, "--content", repo.resolve("content").toString());

        assertThat(run.code()).as(run.all()).isEqualTo(code);
        assertThat(run.err()).contains(message).contains("check the year");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void newUpdateOfAnActionThatDoesNotExistSuggestsTheNearest() {
        Path repo = init();

        CommandRun run = run("new", "update", "example-plan", "1.2", "--content", repo.resolve("content").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("plan 'example-plan' has no action '1.2'").contains("did you mean '1.1'?");
    }

    /** A ref typed in quotes in Word keeps its curly quotes, which YAML does not read as quotes: new update says so, at the ref. */
    @Test
    void newUpdateOfAnActionWhoseRefIsInCurlyQuotesSaysWhereAndHowToWriteIt() throws IOException {
        Path repo = init();
        Path file = repo.resolve("content/plans/example-plan/recommendations/01.yaml");
        Folders.replace(file, "- ref: \"1.1\"", "- ref: \u201C1.1\u201D");
        String before = Files.readString(file);

        CommandRun run = run("new", "update", "example-plan", "1.1", "--content", repo.resolve("content").toString());

        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).contains("01.yaml:8:").contains("action '1.1' is written \u201C1.1\u201D, in curly quotes")
                .contains("write it ref: \"1.1\" (straight quotes)").doesNotContain("did you mean");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void newInAFolderWithoutContentSaysHowToStart() {
        CommandRun run = run("new", "plan", "first", "--content", temp.resolve("nowhere").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("the content folder does not exist").contains("init");
    }

    private static List<Path> yamlFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}

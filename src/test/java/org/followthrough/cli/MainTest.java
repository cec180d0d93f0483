package org.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final String SMALL = "src/test/resources/sites/small";
    private static final String INVALID = "src/test/resources/invalid/impossible-date-2020-09-31";

    @TempDir
    Path temp;

    /** The exit code and everything written to standard output and standard error. */
    private record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), CLOCK, args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The built-in templates only, whatever folder the tests run from. */
    private String noSiteTemplates() {
        return temp.resolve("no-templates").toString();
    }

    @Test
    void checkOfValidContentExitsZero() {
        Run run = run("check", "--content", SMALL, "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).contains("no problems");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void checkOfInvalidContentExitsOneWithFileLineColumnAndNoStackTrace() {
        Run run = run("check", "--content", INVALID, "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).containsPattern("(?m)^" + INVALID + "/plans/sample-review/recommendations/01\\.yaml:8:13: '2020-09-31' is not a real date");
        assertThat(run.all()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /**
     * A mistake in a site's own template is told like a content problem, at its line and column, with the first page that
     * meets it, and the site is not published.
     */
    @Test
    void aTemplateMistakeIsToldAtItsLineAndColumnAndPublishesNothing() throws IOException {
        Path templates = Files.createDirectories(temp.resolve("templates"));
        Files.writeString(templates.resolve("recommendation.ftlh"), "<#import \"layout.ftlh\" as layout>\n<@layout.frame>\n<#if>\n</@layout.frame>\n");
        Path site = temp.resolve("site");

        Run run = run("build", "--content", SMALL, "--templates", templates.toString(), "--out", site.toString(), "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).containsPattern("(?m)^" + java.util.regex.Pattern.quote(templates.resolve("recommendation.ftlh").toString())
                + ":3:\\d+: template error while rendering plans/[^ ]+/recommendations/[^ ]+: ");
        assertThat(run.err()).doesNotContain("cannot read the template");
        assertThat(run.all()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(site).doesNotExist();
    }

    /**
     * A template that fails on every page using it is told once, at its place in the template and with the first page in the
     * site's order that meets it, whichever pages the render threads had started when it was met: the same build says the
     * same each time (the shipped plans have 70 recommendations).
     */
    @Test
    void aTemplateMistakeMetOnManyPagesIsToldOnceAndTheSameEachTime() throws IOException {
        java.util.Set<String> said = whatBuildsOfTheShippedContentSay("recommendation.ftlh", "${no.such.value}", 4);

        assertThat(said).hasSize(1);
        assertThat(said.iterator().next()).contains("1 problem found").contains("recommendation.ftlh:3:3: template error while rendering plans/");
        assertThat(temp.resolve("site")).doesNotExist();
    }

    /**
     * What each of several builds of the shipped content says on its error stream, with a site's own template of this
     * name whose third line is {@code line}, in the layout's frame; each must fail.
     */
    private java.util.Set<String> whatBuildsOfTheShippedContentSay(String template, String line, int builds) throws IOException {
        Path templates = Files.createDirectories(temp.resolve("templates"));
        Files.writeString(templates.resolve(template), "<#import \"layout.ftlh\" as layout>\n<@layout.frame>\n" + line + "\n</@layout.frame>\n");
        java.util.Set<String> said = new java.util.HashSet<>();
        for (int i = 0; i < builds; i++) {
            Run run = run("build", "--content", "content", "--templates", templates.toString(), "--out", temp.resolve("site").toString(),
                    "--no-cache", "--no-pdf", "--as-of", "2026-11-23");
            assertThat(run.code()).as(run.all()).isEqualTo(1);
            said.add(run.err());
        }
        return said;
    }

    /**
     * A template mistake that only some content brings out (a value one plan leaves out) names a page of such a plan, the
     * same one each build, so that the editor knows which: the shipped P, Mr S and 2022 update plans give no reference.
     */
    @Test
    void aTemplateMistakeThatSomeContentBringsOutNamesAPageOfThatContent() throws IOException {
        java.util.Set<String> said = whatBuildsOfTheShippedContentSay("plan.ftlh", "<p>${plan.reference}</p>", 3);

        assertThat(said).hasSize(1);
        assertThat(said.iterator().next()).containsPattern("plan\\.ftlh:3:\\d+: template error while rendering plans/"
                + "(p-independent-investigation|kmpt-mr-s|x-update-2022)/index\\.html: ");
    }

    /**
     * What build would refuse in a site's own template, check tells first, at the template's line: a template that
     * runs a command, one that calls itself without end, one that names a value the pages do not have. The first
     * must not run at all, and none may end in a stack trace.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "<#import \"layout.ftlh\" as layout><@layout.frame>${\"freemarker.template.utility.Execute\"?new()(\"touch RAN\")}</@layout.frame>",
            "<#import \"layout.ftlh\" as layout><#macro m><@m/></#macro><@layout.frame><@m/></@layout.frame>",
            "<#import \"layout.ftlh\" as layout><@layout.frame>${nosuch.thing}</@layout.frame>",
            "<#if true>\nnever closed\n"})
    void checkToldFirstWhatBuildRefusesInASitesOwnTemplate(String template) throws IOException {
        Path templates = Files.createDirectories(temp.resolve("templates"));
        Files.writeString(templates.resolve("about.ftlh"), template);
        Path site = temp.resolve("site");

        Run checked = run("check", "--content", SMALL, "--templates", templates.toString(), "--as-of", "2026-11-23");
        Run built = run("build", "--content", SMALL, "--templates", templates.toString(), "--out", site.toString(), "--as-of", "2026-11-23");

        for (Run run : List.of(checked, built)) {
            assertThat(run.code()).as(run.all()).isEqualTo(1);
            assertThat(run.err()).as(run.all()).startsWith(templates.resolve("about.ftlh") + ":")
                    .contains("template error while rendering about/index.html");
            assertThat(run.all()).doesNotContain("Exception").doesNotContain("Error").doesNotContain("\tat ");
        }
        assertThat(checked.err()).as("the summary names where the problem is").contains("1 problem found in " + SMALL + " and " + templates + ".");
        assertThat(site).doesNotExist();
        assertThat(Path.of("RAN")).as("the command never ran").doesNotExist();
        assertThat(temp.resolve("RAN")).doesNotExist();
    }

    /**
     * A page only some builds make (the page of changes with --since, the list of snapshots with --snapshot, an
     * organisation's own site) is made by check given the same option, so that a mistake in its template is told there
     * first, as build would tell it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "changes.ftlh   | --since=2024-01-01 | changes/index.html",
            "snapshots.ftlh | --snapshot         | snapshots/index.html"})
    void checkGivenTheBuildsOptionsMakesThePagesOnlyThoseBuildsMake(String template, String option, String page) throws IOException {
        Path templates = Files.createDirectories(temp.resolve("templates"));
        Files.writeString(templates.resolve(template), "<#import \"layout.ftlh\" as layout>\n<@layout.frame>\n${nosuch.thing}\n</@layout.frame>\n");
        Path site = temp.resolve("site");

        Run plain = run("check", "--content", SMALL, "--templates", templates.toString(), "--as-of", "2026-11-23");
        Run checked = run("check", "--content", SMALL, "--templates", templates.toString(), "--as-of", "2026-11-23", option);
        Run built = run("build", "--content", SMALL, "--templates", templates.toString(), "--out", site.toString(), "--as-of", "2026-11-23",
                option);

        assertThat(plain.code()).as("a build without the option makes no such page: " + plain.all()).isZero();
        for (Run run : List.of(checked, built)) {
            assertThat(run.code()).as(run.all()).isEqualTo(1);
            assertThat(run.err()).as(run.all()).startsWith(templates.resolve(template) + ":3:3: template error while rendering " + page);
        }
        assertThat(site).doesNotExist();
    }

    /** The same for an organisation's own site, whose layout takes a branch the partnership's site does not. */
    @Test
    void checkGivenAnOrganisationMakesItsOwnSiteAsBuildDoes() throws IOException {
        Path templates = Files.createDirectories(temp.resolve("templates"));
        String layout = Files.readString(Path.of("templates/layout.ftlh"));
        assertThat(layout).contains("<#if site.partnershipUrl??>");
        Files.writeString(templates.resolve("layout.ftlh"), layout.replace("<#if site.partnershipUrl??>", "<#if site.partnershipUrl??>${nosuch.thing}"));

        Run plain = run("check", "--content", SMALL, "--templates", templates.toString(), "--as-of", "2026-11-23");
        Run own = run("check", "--content", SMALL, "--templates", templates.toString(), "--as-of", "2026-11-23", "--organisation", "sample-police");
        Run every = run("check", "--content", SMALL, "--templates", templates.toString(), "--as-of", "2026-11-23", "--all-organisations");
        Run built = run("build", "--content", SMALL, "--templates", templates.toString(), "--out", temp.resolve("site").toString(),
                "--as-of", "2026-11-23", "--organisation", "sample-police");

        assertThat(plain.code()).as(plain.all()).isZero();
        for (Run run : List.of(own, every, built)) {
            assertThat(run.code()).as(run.all()).isEqualTo(1);
            assertThat(run.err()).as(run.all()).startsWith(templates.resolve("layout.ftlh") + ":").contains("template error while rendering");
        }
    }

    /** An organisation that owns no action has no site of its own: check refuses it as build does, templates or not. */
    @Test
    void checkRefusesAnOrganisationWithoutASiteAsBuildDoes() throws IOException {
        Path content = org.followthrough.support.Folders.copy(Path.of(SMALL), temp.resolve("content"));
        Files.writeString(content.resolve("organisations/nhs-england.yaml"), "name: NHS England\ntype: commissioner\n");

        Run checked = run("check", "--content", content.toString(), "--as-of", "2026-11-23", "--organisation", "nhs-england");
        Run built = run("build", "--content", content.toString(), "--out", temp.resolve("site").toString(), "--as-of", "2026-11-23",
                "--organisation", "nhs-england");

        for (Run run : List.of(checked, built)) {
            assertThat(run.code()).as(run.all()).isEqualTo(1);
            assertThat(run.err()).as(run.all()).contains("'nhs-england' owns no actions, so it has no site of its own");
        }
    }

    /**
     * Whatever runs Java out of stack while a command runs ends it in two lines and exit code 70, not a stack trace of a
     * thousand lines. Texts nested or repeated deeper than Java's stack were such a cause (a former id of a thousand
     * hyphenated parts, a web address of two thousand characters); their patterns now loop, and no such text is known, so
     * the command is run out of stack here by an environment whose lookup of a variable the check reads never ends.
     */
    @Test
    void runningOutOfStackIsToldInTwoLinesNotAStackTrace() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(new PrintWriter(out), new PrintWriter(err), CLOCK, MainTest::endlessLookup,
                "check", "--content", SMALL, "--as-of", "2026-11-23");

        assertThat(code).as(err.toString()).isEqualTo(70);
        assertThat(err.toString().lines().toList()).containsExactly(
                "followthrough: internal error: a text in the content ran Java out of stack (StackOverflowError)",
                "Please report this with the command you ran; the published site was not changed.");
        assertThat(out + err.toString()).doesNotContain("\tat ");
    }

    private static String endlessLookup(String name) {
        return endlessLookup(name) + name;
    }

    /** A template saved in Windows-1252 would be published with U+FFFD where its accents were: check and build say where. */
    @Test
    void aTemplateThatIsNotUtf8IsToldAtItsLineAndColumn() throws IOException {
        Path templates = Files.createDirectories(temp.resolve("templates"));
        Files.write(templates.resolve("about.ftlh"), "<#import \"layout.ftlh\" as layout>\n<@layout.frame>Caf\u00e9</@layout.frame>\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path site = temp.resolve("site");

        Run checked = run("check", "--content", SMALL, "--templates", templates.toString(), "--as-of", "2026-11-23");
        Run built = run("build", "--content", SMALL, "--templates", templates.toString(), "--out", site.toString(), "--as-of", "2026-11-23");

        for (Run run : List.of(checked, built)) {
            assertThat(run.code()).as(run.all()).isEqualTo(1);
            assertThat(run.err()).as(run.all()).startsWith(templates.resolve("about.ftlh") + ":2:19: the file is not UTF-8 (byte 0xE9");
        }
        assertThat(site).doesNotExist();
    }

    /** A file's name is printed as it is, but a line break or an escape sequence in it cannot forge a line or recolour the terminal. */
    @Test
    void aFileNamedWithControlCharactersIsReportedOnOneLineWithThemEscaped() throws IOException {
        Path content = org.followthrough.support.Folders.copy(Path.of(SMALL), temp.resolve("content"));
        Files.writeString(content.resolve("notes\nplan.yaml:1:1: \u001B[32mall fine.md"), "notes");

        Run run = run("check", "--content", content.toString(), "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.err().lines().toList()).as(run.all()).hasSize(2).first().asString()
                .startsWith(content.resolve("notes") + "\\nplan.yaml:1:1: \\u001B[32mall fine.md: ")
                .doesNotContain("\u001B");
    }

    /** A mistyped --templates does not publish with the built-in templates without a word: a file is refused, a missing folder noted. */
    @Test
    void aTemplatesFolderThatIsAFileIsRefusedAndOneThatIsMissingIsNoted() throws IOException {
        Path file = Files.writeString(temp.resolve("README.md"), "not templates");
        Run refused = run("build", "--content", SMALL, "--templates", file.toString(), "--out", temp.resolve("site").toString(), "--as-of", "2026-11-23");
        assertThat(refused.code()).as(refused.all()).isEqualTo(2);
        assertThat(refused.err()).startsWith("--templates " + file + ": is a file, not a folder");
        assertThat(temp.resolve("site")).doesNotExist();

        Run noted = run("check", "--content", SMALL, "--templates", temp.resolve("templtes").toString(), "--as-of", "2026-11-23");
        assertThat(noted.code()).as(noted.all()).isZero();
        assertThat(noted.err()).startsWith("note: --templates " + temp.resolve("templtes") + ": there is no such folder, so the built-in templates are used");
    }

    @Test
    void aContentFolderThatIsMissingOrAFileIsOneProblem() throws IOException {
        Run missing = run("check", "--content", temp.resolve("contnet").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().lines()).containsExactly(temp.resolve("contnet")
                + ": the content folder does not exist — run from the folder that holds content/, or give --content DIR", "1 problem found in "
                + temp.resolve("contnet") + ".");
        Path file = Files.writeString(temp.resolve("README.md"), "a file");
        assertThat(run("check", "--content", file.toString()).err()).startsWith(file + ": the content folder is a file, not a folder");
    }

    @Test
    void anEmptyOutOrCacheIsAUsageError() {
        for (String option : List.of("--out", "--cache")) {
            Run run = run("build", "--content", SMALL, option, "", "--as-of", "2026-11-23");
            assertThat(run.code()).as(run.all()).isEqualTo(2);
            assertThat(run.err()).startsWith(option + " is empty: give it a folder");
        }
    }

    @Test
    void rejectsAnUnknownOption() {
        Run run = run("check", "--content", SMALL, "--no-such-option");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");
        assertThat(run.all()).doesNotContain("\tat ");
    }

    @Test
    void rejectsAPlanIdThatCannotBeOneAsAWrongCommandLine() {
        Run run = run("import", "plan", "--content", SMALL, "--id", "Bad_ID", "plan.docx");

        assertThat(run.code()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("--id Bad_ID: 'Bad_ID' cannot be a plan's id").contains("'bad-id'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-02-29", "notadate", "2026-13-01"})
    void rejectsAnAsOfThatIsNotARealDate(String asOf) {
        Run run = run("check", "--content", SMALL, "--as-of", asOf);

        assertThat(run.code()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("--as-of").contains(asOf);
        assertThat(run.all()).doesNotContain("\tat ");
    }

    @Test
    void anAsOfWrittenDayFirstIsToldHowToWriteIt() {
        Run run = run("check", "--content", SMALL, "--as-of", "31/12/2026");

        assertThat(run.code()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("'31/12/2026' is written day first: write dates year first, YYYY-MM-DD (2026-12-31)");
    }

    /** A port that is not one is told in words, as a wrong date is, not as a Java type ("is not an int"); nothing is served. */
    @Test
    void aPortThatIsNotOneIsToldInWords() {
        for (String port : List.of("abc", "70000", "-1", "80.5")) {
            Run run = run("serve", "--content", SMALL, "--port", port);

            assertThat(run.code()).as(run.all()).isEqualTo(2);
            assertThat(run.err()).contains("'" + port + "' is not a port: give a whole number from 1 to 65535").doesNotContain("int");
        }
    }

    @Test
    void anAsOfWrittenYearFirstThatIsNoRealDaySaysWhyAsTheContentsDatesDo() {
        Run run = run("check", "--content", SMALL, "--as-of", "2024-06-31");

        assertThat(run.code()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("'2024-06-31' is not a real date: June 2024 has 30 days; check the day and month");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999-12-31", "2205-01-01", "1899-12-31"})
    void rejectsAnAsOfOrSinceOutsideTheYearsDatesMayName(String date) {
        Run asOf = run("check", "--content", SMALL, "--as-of", date);
        Run since = run("build", "--content", SMALL, "--templates", noSiteTemplates(), "--out", temp.resolve("site").toString(),
                "--as-of", "2026-11-23", "--since", date);

        assertThat(asOf.code()).as(asOf.all()).isEqualTo(2);
        assertThat(asOf.err()).contains("--as-of").contains("'" + date + "' is outside the years 1900 to 2100");
        assertThat(since.code()).as(since.all()).isEqualTo(2);
        assertThat(since.err()).contains("--since").contains("'" + date + "' is outside the years 1900 to 2100");
        assertThat(temp.resolve("site")).doesNotExist();
    }

    /** Addresses that "http(s):// and no spaces" let through, but that no URI parser reads: told as a wrong command line, not a crash. */
    @ParameterizedTest
    @ValueSource(strings = {"https://trust{x}.example/", "https://trust.example/a|b/", "https://x_y.example/", "https://trust.example/%zz/"})
    void rejectsABaseUrlThatIsNotAWebAddress(String baseUrl) {
        Run run = run("build", "--content", SMALL, "--templates", noSiteTemplates(), "--out", temp.resolve("site").toString(),
                "--as-of", "2026-11-23", "--base-url", baseUrl);

        assertThat(run.code()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("--base-url").contains(baseUrl);
        assertThat(run.err()).as("one line, and where build's own options are told").endsWith("Run 'followthrough build --help' for its options.\n")
                .doesNotContain("Usage:");
        assertThat(run.all()).doesNotContain("internal error").doesNotContain("\tat ");
        assertThat(temp.resolve("site")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"build", "check", "schema"})
    void printsHelpForEveryCommand(String command) {
        Run run = run(command, "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: followthrough " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void helpAskedForBeforeACommandListsEveryCommand(String help) {
        Run run = run(help, "build");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: followthrough [").contains("  build ").contains("  check ").contains("  serve ")
                .contains("  schema ").contains("  init ").contains("  new ").contains("  export ").contains("  import ");
    }

    @Test
    void printsTheVersionItWasBuiltAs() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String version = pom.substring(pom.indexOf("<version>") + "<version>".length(), pom.indexOf("</version>"));

        Run run = run("--version");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("followthrough " + version + System.lineSeparator());
    }

    @Test
    void acceptsVerboseBeforeOrAfterTheCommand() {
        assertThat(run("--verbose", "check", "--content", SMALL, "--as-of", "2026-11-23").code()).isZero();
        assertThat(run("check", "--verbose", "--content", SMALL, "--as-of", "2026-11-23").code()).isZero();
    }

    @Test
    void buildWritesTheSite() {
        Path site = temp.resolve("site");

        Run run = run("build", "--content", SMALL, "--templates", noSiteTemplates(), "--out", site.toString(), "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(site.resolve("index.html")).isRegularFile().isNotEmptyFile();
        assertThat(run.out()).contains("Published");
    }

    @Test
    void failedBuildLeavesThePreviousSiteUntouchedAndNoStagingBehind() throws IOException {
        Path site = temp.resolve("site");
        Run first = run("build", "--content", SMALL, "--templates", noSiteTemplates(), "--out", site.toString(), "--as-of", "2026-11-23");
        assertThat(first.code()).as(first.all()).isZero();
        Map<String, byte[]> before = snapshot(site);
        assertThat(before).containsKey("index.html");

        Run failed = run("build", "--content", INVALID, "--templates", noSiteTemplates(), "--out", site.toString(), "--as-of", "2026-11-23");

        assertThat(failed.code()).as(failed.all()).isEqualTo(1);
        assertThat(failed.err()).contains("nothing was published");
        Map<String, byte[]> after = snapshot(site);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
        try (Stream<Path> siblings = Files.list(temp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).as("no staging folders beside the site").containsExactly("site");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The output folder is Followthrough's alone: a build replaces all of it, so it refuses (exit 3)
    // any folder where that would destroy something, before reading the content, and changes nothing.

    /** A Git repository in a temporary folder: .git, a README, and the small site's content. */
    private Path repository() throws IOException {
        Path repo = temp.resolve("repo");
        Files.createDirectories(repo.resolve(".git/objects"));
        Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(repo.resolve("README.md"), "# plans\n");
        copyTree(Path.of(SMALL), repo.resolve("content"));
        return repo;
    }

    /** A folder of someone's own files. */
    private Path unrelatedFolder() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("photos"));
        Files.writeString(folder.resolve("holiday.jpg"), "not really a photo");
        return folder;
    }

    /** Runs build --out {@code out}, with the repository's content, and asserts it is refused and nothing under temp changed. */
    private Run assertRefused(Path repo, String out, String why) throws IOException {
        Map<String, byte[]> before = snapshot(temp);

        Run run = run("build", "--content", repo.resolve("content").toString(), "--templates", noSiteTemplates(),
                "--out", out, "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(3);
        assertThat(run.err()).contains(out + ": " + why).contains("nothing was published").doesNotContain("\tat ");
        assertUnchanged(before, snapshot(temp));
        return run;
    }

    @Test
    void refusesTheRootOfARepositoryAndKeepsEveryFile() throws IOException {
        Path repo = repository();

        Run run = assertRefused(repo, repo.toString(), "the output folder holds the content folder");

        assertThat(run.err()).contains("give --out a folder of its own");
    }

    @Test
    void refusesAFolderHoldingGitEvenWithoutTheContentInIt() throws IOException {
        Path repo = repository();
        Path other = temp.resolve("other");
        Files.createDirectories(other.resolve(".git"));
        Files.writeString(other.resolve(".git/HEAD"), "ref: refs/heads/main\n");

        assertRefused(repo, other.toString(), "the output folder is a Git repository (it holds .git)");
    }

    @Test
    void refusesTheContentFolder() throws IOException {
        Path repo = repository();

        assertRefused(repo, repo.resolve("content").toString(), "the output folder is the content folder");
    }

    @Test
    void refusesTheContentFolderWrittenAnotherWay() throws IOException {
        Path repo = repository();

        assertRefused(repo, repo.resolve("content/plans/..").toString(), "the output folder is the content folder");
    }

    @Test
    void refusesTheParentOfTheContentFolder() throws IOException {
        Path repo = repository();
        Path parent = temp.resolve("work");
        copyTree(repo.resolve("content"), parent.resolve("content"));

        Run run = run("build", "--content", parent.resolve("content").toString(), "--templates", noSiteTemplates(),
                "--out", parent.toString(), "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(3);
        assertThat(run.err()).contains("the output folder holds the content folder");
        assertThat(parent.resolve("content/site.yaml")).isRegularFile();
    }

    @Test
    void refusesAFolderInsideTheContentEvenOneThatDoesNotExistYet() throws IOException {
        Path repo = repository();

        assertRefused(repo, repo.resolve("content/plans").toString(), "the output folder is inside the content folder");
        assertRefused(repo, repo.resolve("content/site").toString(), "the output folder is inside the content folder");
    }

    @Test
    void refusesTheTemplatesFolder() throws IOException {
        Path repo = repository();
        Path templates = Files.createDirectories(repo.resolve("templates"));
        Files.writeString(templates.resolve("footer.ftlh"), "<footer></footer>\n");
        Map<String, byte[]> before = snapshot(temp);

        Run run = run("build", "--content", repo.resolve("content").toString(), "--templates", templates.toString(),
                "--out", templates.toString(), "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(3);
        assertThat(run.err()).contains("the output folder is the templates folder");
        assertUnchanged(before, snapshot(temp));
    }

    @Test
    void refusesAFolderItDidNotPublishThatHoldsFiles() throws IOException {
        Path repo = repository();
        Path unrelated = unrelatedFolder();

        Run run = assertRefused(repo, unrelated.toString(), "the output folder is not empty and is not a site Followthrough published");

        assertThat(run.err()).contains("holiday.jpg");
    }

    @Test
    void refusesAnExistingFile() throws IOException {
        Path repo = repository();
        Path file = temp.resolve("notes.txt");
        Files.writeString(file, "keep me\n");

        assertRefused(repo, file.toString(), "the output folder is a file, not a folder");
    }

    @Test
    void refusesALinkToTheContentFolder() throws IOException {
        Path repo = repository();
        Path link = Files.createSymbolicLink(temp.resolve("site"), repo.resolve("content"));

        assertRefused(repo, link.toString(), "the output folder is the content folder");
    }

    @Test
    void refusesBeforeReadingTheContent() throws IOException {
        Path unrelated = unrelatedFolder();

        Run run = run("build", "--content", INVALID, "--templates", noSiteTemplates(), "--out", unrelated.toString(), "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(3);
        assertThat(run.err()).as("the content's own problem is not looked for").doesNotContain("is not a real date");
    }

    @Test
    void publishesIntoAnEmptyFolder() throws IOException {
        Path site = Files.createDirectories(temp.resolve("site"));

        Run run = run("build", "--content", SMALL, "--templates", noSiteTemplates(), "--out", site.toString(), "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(site.resolve("index.html")).isRegularFile();
    }

    @Test
    void rebuildsOverASiteItPublishedBefore() throws IOException {
        Path site = temp.resolve("site");
        Run first = run("build", "--content", SMALL, "--templates", noSiteTemplates(), "--out", site.toString(), "--all-organisations",
                "--as-of", "2026-11-23");
        assertThat(first.code()).as(first.all()).isZero();
        Map<String, byte[]> before = snapshot(site);

        Run second = run("build", "--content", SMALL, "--templates", noSiteTemplates(), "--out", site.toString(), "--all-organisations",
                "--as-of", "2026-11-23");

        assertThat(second.code()).as(second.all()).isZero();
        assertUnchanged(before, snapshot(site));
        List<String> files = before.keySet().stream().filter(f -> !f.endsWith("/") && !f.equals(".followthrough-site")).toList();
        assertThat(Files.readAllLines(site.resolve(".followthrough-site")))
                .as("the marker: a line that says what it is, then every file the build published, then a check of the list")
                .startsWith("Followthrough published this folder and changes it on each build (a file added here, or a line added to"
                        + " this list, stops the build); these are its files, then a check of the list:")
                .containsAll(files)
                .hasSize(files.size() + 2);
        assertThat(Files.readAllLines(site.resolve(".followthrough-site"))).last().asString().matches("crc-32c of the lines above: [0-9a-f]{8}");
    }

    @Test
    void refusesASiteItPublishedThatHasGainedFilesAndNamesThem() throws IOException {
        Path site = temp.resolve("site");
        Run first = run("build", "--content", SMALL, "--templates", noSiteTemplates(), "--out", site.toString(), "--as-of", "2026-11-23");
        assertThat(first.code()).as(first.all()).isZero();
        Files.writeString(site.resolve("CNAME"), "plans.example\n");
        Files.createDirectories(site.resolve("plans/extra"));
        Files.writeString(site.resolve("plans/extra/notes.html"), "<p>mine</p>\n");
        Map<String, byte[]> before = snapshot(temp);

        Run run = run("build", "--content", SMALL, "--templates", noSiteTemplates(), "--out", site.toString(), "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(3);
        assertThat(run.err()).contains("the output folder holds files Followthrough did not publish: CNAME, plans/extra/")
                .contains("move them out of the output folder");
        assertUnchanged(before, snapshot(temp));
    }

    /** The site is looked through while the content is read, but a site that gained files is still all the build says. */
    @Test
    void refusesASiteThatHasGainedFilesBeforeSayingAnythingOfTheContent() throws IOException {
        Path site = temp.resolve("site");
        Path content = org.followthrough.support.Folders.copy(Path.of(SMALL), temp.resolve("content"));
        Run first = run("build", "--content", content.toString(), "--templates", noSiteTemplates(), "--out", site.toString(), "--as-of", "2026-11-23");
        assertThat(first.code()).as(first.all()).isZero();
        Files.writeString(site.resolve("CNAME"), "plans.example\n");
        org.followthrough.support.Folders.replace(content.resolve("site.yaml"), "title: Sample action plans", "title: [Sample action plans");

        Run run = run("build", "--content", content.toString(), "--templates", noSiteTemplates(), "--out", site.toString(), "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(3);
        assertThat(run.err()).contains("the output folder holds files Followthrough did not publish: CNAME").doesNotContain("site.yaml");
        assertThat(site.resolve("CNAME")).hasContent("plans.example");
    }

    @Test
    void publishedFilesAreReadableByEveryone() throws IOException {
        Path site = temp.resolve("site");

        Run run = run("build", "--content", SMALL, "--templates", noSiteTemplates(), "--out", site.toString(), "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isZero();
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path p : walk.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                String expected = Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--";
                if (!mode.equals(expected)) {
                    wrong.add(site.relativize(p) + " is " + mode + ", not " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void removesStagingFoldersThatKilledBuildsLeftBehind() throws IOException {
        Path site = temp.resolve("site");
        Path staging = Files.createDirectories(temp.resolve(".site.staging-4242/plans"));
        Files.writeString(temp.resolve(".site.staging-4242/.followthrough-site"),
                "Followthrough published this folder and replaces all of it on each build; these are its files:\n");
        Files.writeString(staging.resolve("index.html"), "<p>half a site</p>\n");
        Files.createDirectories(temp.resolve(".site.old-17"));
        Path notOurs = Files.createDirectories(temp.resolve(".site.staging-99"));
        Files.writeString(notOurs.resolve("mine.txt"), "no marker: not recognisably a build's\n");

        Run run = run("build", "--content", SMALL, "--templates", noSiteTemplates(), "--out", site.toString(), "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isZero();
        try (Stream<Path> siblings = Files.list(temp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("site", ".site.staging-99");
        }
        assertThat(notOurs.resolve("mine.txt")).hasContent("no marker: not recognisably a build's");
    }

    @Test
    void aWriteFailureExitsThree() throws IOException {
        Files.writeString(temp.resolve("in-the-way"), "a file where the output folder's parent should be\n");
        String out = temp.resolve("in-the-way/site").toString();

        Run run = run("build", "--content", SMALL, "--templates", noSiteTemplates(), "--out", out, "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(3);
        assertThat(run.err()).contains(out + ": could not write the site: a file is in the way")
                .contains("nothing was published").doesNotContain("\tat ");
    }

    // ---------------------------------------------------------------------------------------------
    // Exit codes and wording

    /** Export takes --organisation as build does: a mistyped id is a wrong command line, with the ids there are. */
    @Test
    void exportTellsAnUnknownOrganisationAsBuildDoes() {
        Path workbook = temp.resolve("returns.xlsx");

        Run run = run("export", "progress", "--content", INVALID, "--organisation", "sample-trusst", workbook.toString());

        assertThat(run.code()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("there is no organisation 'sample-trusst'").contains("did you mean 'sample-trust'?")
                .doesNotContain("is not a real date");
        assertThat(workbook).doesNotExist();
    }

    @Test
    void anUnknownOrganisationIsAWrongCommandLineToldBeforeTheContentIsRead() {
        Path site = temp.resolve("site");

        Run run = run("build", "--content", INVALID, "--templates", noSiteTemplates(), "--out", site.toString(),
                "--organisation", "sample-trusst", "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("there is no organisation 'sample-trusst'").contains("did you mean 'sample-trust'?")
                .as("the content's own problem is not looked for").doesNotContain("is not a real date");
        assertThat(run.err()).as("one line, and where build's own options are told").endsWith("Run 'followthrough build --help' for its options.\n")
                .doesNotContain("Usage:");
        assertThat(site).doesNotExist();
    }

    @Test
    void checkSpeaksOfCheckingNotPublishing() {
        Run run = run("check", "--content", INVALID, "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).contains("2 problems found in " + INVALID + ".").doesNotContain("nothing was published");
    }

    @Test
    void aFailedBuildSaysTheOutputFolderIsUnchanged() throws IOException {
        Path site = Files.createDirectories(temp.resolve("site"));

        Run run = run("build", "--content", INVALID, "--templates", noSiteTemplates(), "--out", site.toString(), "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).contains("2 problems found; nothing was published, and " + site + " is unchanged.");
    }

    @Test
    void aFailedFirstBuildDoesNotSpeakOfASiteThatIsNotThere() {
        Path site = temp.resolve("site");

        Run run = run("build", "--content", INVALID, "--templates", noSiteTemplates(), "--out", site.toString(), "--as-of", "2026-11-23");

        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).contains("2 problems found; nothing was published (there is no " + site + " yet).");
        assertThat(site).doesNotExist();
    }

    private static void assertUnchanged(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path copy = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(p, copy);
                }
            }
        }
    }

    /** Every file under a folder, by relative path, with its bytes; folders and links too, as names ending in / and @. */
    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(p -> !p.equals(root)).toList()) {
                String name = root.relativize(path).toString().replace('\\', '/');
                if (Files.isSymbolicLink(path)) {
                    files.put(name + "@", Files.readSymbolicLink(path).toString().getBytes(StandardCharsets.UTF_8));
                } else if (Files.isDirectory(path)) {
                    files.put(name + "/", new byte[0]);
                } else {
                    files.put(name, Files.readAllBytes(path));
                }
            }
        }
        return files;
    }
}

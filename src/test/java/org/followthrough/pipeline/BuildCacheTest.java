package org.followthrough.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.followthrough.guard.ProtectedNames;
import org.followthrough.support.Folders;
import org.followthrough.support.GitRepositories;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build cache never changes what is published: a build that takes files from the cache (or from
 * the site it replaces) publishes exactly the bytes a build without it would, whatever changed in
 * between, and it makes again only what depends on what changed. Real builds into real folders.
 */
class BuildCacheTest {

    @TempDir
    Path temp;

    private Path content;
    private Path cache;

    /** The small test site with a second plan, so that a change to one plan leaves the other alone. */
    @BeforeEach
    void twoPlans() throws IOException {
        content = TestBuilds.twoPlans(temp.resolve("content"));
        cache = temp.resolve("cache");
    }

    private BuildResult build(String out, boolean withCache) {
        return build(out, withCache, null);
    }

    /** A build with what changed after {@code since} ({@code build --since}; none when null). */
    private BuildResult build(String out, boolean withCache, LocalDate since) {
        BuildRequest request = TestBuilds.request(content, temp.resolve(out)).withCache(withCache ? cache : null).withSince(since);
        BuildResult result = Pipeline.build(request);
        assertThat(result.succeeded()).as("%s", result.problems()).isTrue();
        return result;
    }

    /**
     * Builds the content again without the cache, into "fresh", and checks that the site built with the cache holds the very
     * same files, byte for byte; returns them.
     */
    private Map<String, String> sameAsAFreshBuild() throws IOException {
        build("fresh", false);
        Map<String, String> site = Folders.contents(temp.resolve("site"));
        assertThat(site).isEqualTo(Folders.contents(temp.resolve("fresh")));
        return site;
    }

    private void sameAsAFreshBuild(String description) throws IOException {
        build("fresh", false);
        assertThat(Folders.contents(temp.resolve("site"))).as(description).isEqualTo(Folders.contents(temp.resolve("fresh")));
    }

    /**
     * An entry cut short or damaged (a power cut, a full disk, a hand) is a miss: the file is made again, never published as
     * the cache holds it. Every entry emptied, cut to seven bytes, or changed in one byte, the site is the same as without a cache.
     */
    @Test
    void aDamagedEntryIsMadeAgainNotPublished() throws IOException {
        build("site", true);
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(cache.resolve("objects"))) {
            entries = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(entries).hasSizeGreaterThan(3);
        for (int i = 0; i < entries.size(); i++) {
            byte[] bytes = Files.readAllBytes(entries.get(i));
            switch (i % 3) {
                case 0 -> Files.write(entries.get(i), new byte[0]);
                case 1 -> Files.write(entries.get(i), java.util.Arrays.copyOf(bytes, Math.min(7, bytes.length)));
                default -> {
                    bytes[bytes.length / 2] ^= 0x20;
                    Files.write(entries.get(i), bytes);
                }
            }
        }

        BuildResult again = build("again", true);

        build("fresh", false);
        assertThat(Folders.contents(temp.resolve("again"))).isEqualTo(Folders.contents(temp.resolve("fresh")));
        assertThat(again.filesFromCache()).as("files from the damaged cache").isZero();
    }

    @Test
    void aSecondBuildTakesEveryFileFromTheCacheAndPublishesTheSameBytes() throws IOException {
        BuildResult first = build("site", true);
        Map<String, String> published = Folders.contents(temp.resolve("site"));

        BuildResult second = build("site", true);

        assertThat(first.filesFromCache()).isZero();
        assertThat(second.filesFromCache()).isEqualTo(second.filesWritten()).isEqualTo(first.filesWritten());
        assertThat(Folders.contents(temp.resolve("site"))).isEqualTo(published);
        build("fresh", false);
        assertThat(Folders.contents(temp.resolve("fresh"))).as("a build without the cache").isEqualTo(published);
    }

    /**
     * Problems name files as the content folder was given, so the checked plans are kept by it; the files published are not,
     * and a build given the same folder by another path (relative, from a script) makes none of them again.
     */
    @Test
    void theSameContentGivenByAnotherPathMakesNothingAgain() throws IOException {
        BuildResult first = build("site", true);
        Path relative = Path.of("").toAbsolutePath().relativize(content);
        assertThat(relative.toString()).isNotEqualTo(content.toString());

        BuildResult again = Pipeline.build(TestBuilds.request(relative, temp.resolve("site")).withCache(cache));

        assertThat(again.succeeded()).as("%s", again.problems()).isTrue();
        assertThat(again.filesFromCache()).isEqualTo(again.filesWritten()).isEqualTo(first.filesWritten());
    }

    @Test
    void aChangedProgressUpdateRemakesOnlyWhatShowsItAndPublishesWhatAFreshBuildWould() throws IOException {
        build("site", true);
        Map<String, String> before = Folders.contents(temp.resolve("site"));
        Folders.replace(content.resolve("plans/second-review/recommendations/01.yaml"), "text: A template has been drafted.",
                "text: A template has been drafted and sent round.");

        BuildResult rebuilt = build("site", true);

        Map<String, String> after = sameAsAFreshBuild();
        assertThat(rebuilt.filesFromCache()).as("files of the other plan and site-wide assets come from the cache")
                .isGreaterThan(rebuilt.filesWritten() / 3).isLessThan(rebuilt.filesWritten());
        assertThat(after.get("plans/second-review/recommendations/1/index.html")).contains("drafted and sent round");
        assertThat(after.get("plans/sample-review/index.html")).isEqualTo(before.get("plans/sample-review/index.html"));
        assertThat(after.get("plans/sample-review/actions.csv")).isEqualTo(before.get("plans/sample-review/actions.csv"));
    }

    /**
     * The home page, the lists of plans, organisations, themes and actions, the search index, the site's summary PDF,
     * its data, its CSV, its calendar and the description of its CSV are keyed on what they show: a progress text they
     * do not show leaves their keys as they were (so they come from the cache), a status they do show changes them.
     */
    @Test
    void theSiteWideFilesAreRemadeOnlyWhenWhatTheyShowChanges() throws IOException {
        Map<String, String> before = keys();
        replace(content.resolve("plans/second-review/recommendations/01.yaml"), "text: A template has been drafted.",
                "text: A template has been drafted and sent round.");
        Map<String, String> textChanged = keys();
        replace(content.resolve("plans/second-review/recommendations/01.yaml"), "        status: done\n", "        status: open\n");
        Map<String, String> statusChanged = keys();

        List<String> listsAndSearch = before.keySet().stream()
                .filter(path -> path.startsWith("plans/index.html") || path.startsWith("find-plans/") || path.startsWith("search/index/")
                        || path.equals("data/summary.pdf") || path.startsWith("actions/") || path.equals("data/targets.ics")
                        || path.equals("data/actions.csv-metadata.json") || path.equals("index.html") || path.equals("organisations/index.html")
                        || path.equals("themes/index.html") || path.equals("data/site.json") || path.equals("data/actions.csv"))
                .toList();
        assertThat(listsAndSearch).contains("plans/index.html", "search/index/meta.json", "search/index/docs-0.json", "data/summary.pdf",
                "actions/index.html", "actions/status/completed/index.html", "data/targets.ics", "data/actions.csv-metadata.json",
                "index.html", "organisations/index.html", "themes/index.html", "data/site.json", "data/actions.csv");
        for (String path : listsAndSearch) {
            assertThat(textChanged.get(path)).as("%s after a change of progress text", path).isEqualTo(before.get(path));
        }
        assertThat(statusChanged.get("data/actions.csv-metadata.json")).as("the description of the site's CSV, which names no plan")
                .isEqualTo(before.get("data/actions.csv-metadata.json"));
        assertThat(statusChanged.get("index.html")).as("the site's counts on the home page").isNotEqualTo(before.get("index.html"));
        assertThat(statusChanged.get("data/site.json")).as("the plan's counts in the site's data").isNotEqualTo(before.get("data/site.json"));
        assertThat(statusChanged.get("data/actions.csv")).as("the action's status in the site's CSV").isNotEqualTo(before.get("data/actions.csv"));
        replace(content.resolve("plans/second-review/recommendations/01.yaml"), "{organisation: sample-police, role: Inspector}",
                "{organisation: sample-trust, role: Inspector}");
        assertThat(keys().get("data/site.json")).as("the actions each organisation owns, in the site's data")
                .isNotEqualTo(statusChanged.get("data/site.json"));
        assertThat(statusChanged.get("organisations/index.html")).as("an owner's counts on the list of organisations")
                .isNotEqualTo(before.get("organisations/index.html"));
        assertThat(statusChanged.get("plans/index.html")).as("a plan's counts on the list of plans").isNotEqualTo(before.get("plans/index.html"));
        assertThat(statusChanged.get("search/index/docs-0.json")).as("an action's status in the search's results")
                .isNotEqualTo(before.get("search/index/docs-0.json"));
        assertThat(statusChanged.get("data/summary.pdf")).as("a plan's counts in the site's summary PDF")
                .isNotEqualTo(before.get("data/summary.pdf"));
        assertThat(statusChanged.get("data/targets.ics")).as("the action's status in its event in the site's calendar")
                .isNotEqualTo(before.get("data/targets.ics"));
        assertThat(statusChanged.get("actions/index.html")).as("the action's status in the list of all actions")
                .isNotEqualTo(before.get("actions/index.html"));
        assertThat(statusChanged.get("actions/status/completed/index.html")).as("the list of completed actions, which it leaves")
                .isNotEqualTo(before.get("actions/status/completed/index.html"));
        assertThat(textChanged.get("plans/second-review/summary.pdf")).as("the plan's own PDF, which shows the text")
                .isNotEqualTo(before.get("plans/second-review/summary.pdf"));
        assertThat(textChanged.get("plans/second-review/recommendations/1/index.html")).as("the page that shows the text")
                .isNotEqualTo(before.get("plans/second-review/recommendations/1/index.html"));
    }

    /**
     * What the search index, the list of plans and the site's PDF take from each plan is kept from one build to the next
     * by the plan's key: a status they show, changed in one plan, still reaches them, and the next build with nothing
     * changed takes them from the cache.
     */
    @Test
    void aChangedStatusReachesTheSearchIndexTheListOfPlansAndTheSitesPdfThroughWhatEarlierBuildsKept() throws IOException {
        build("site", true);
        Map<String, String> before = Folders.contents(temp.resolve("site"));
        replace(content.resolve("plans/second-review/recommendations/01.yaml"), "        status: done\n", "        status: open\n");

        build("site", true);

        Map<String, String> after = sameAsAFreshBuild();
        assertThat(after.get("search/index/docs-0.json")).isNotEqualTo(before.get("search/index/docs-0.json"));
        assertThat(after.get("plans/index.html")).isNotEqualTo(before.get("plans/index.html"));
        assertThat(after.get("data/summary.pdf")).isNotEqualTo(before.get("data/summary.pdf"));
        BuildResult again = build("site", true);
        assertThat(again.filesFromCache()).isEqualTo(again.filesWritten());
    }

    /**
     * The search looks in every word of an action's recommendation, even of an action with words of its own: a word
     * added to the recommendation reaches the index through what the cache keeps for the plan, as a fresh build has it.
     */
    @Test
    void aWordAddedToARecommendationReachesTheSearchIndexThroughTheCache() throws IOException {
        build("site", true);
        replace(content.resolve("plans/second-review/recommendations/01.yaml"), "text: Teams must record who attended each meeting.",
                "text: Teams must record who attended each meeting, and keep the register.");

        build("site", true);

        Map<String, String> after = sameAsAFreshBuild();
        assertThat(after.entrySet().stream().filter(e -> e.getKey().startsWith("search/index/words-")).map(Map.Entry::getValue))
                .anyMatch(words -> words.contains("\"register\""));
    }

    /**
     * The search index is joined from each plan's part, kept by the plan's key: a word added to one plan keeps the other
     * plan's part as it was, adds one part for the changed plan, and the index is still the one a fresh build makes.
     */
    @Test
    void aChangedPlanMakesOnlyItsOwnPartOfTheSearchIndexAgain() throws IOException {
        build("site", true);
        Map<String, String> partsBefore = searchParts();
        replace(content.resolve("plans/second-review/recommendations/01.yaml"), "text: Teams must record who attended each meeting.",
                "text: Teams must record who attended each meeting, and keep the register.");

        build("site", true);

        Map<String, String> partsAfter = searchParts();
        assertThat(partsBefore).hasSize(2);
        assertThat(partsAfter).as("the parts kept: both plans' before, and the changed plan's now").hasSize(3).containsAllEntriesOf(partsBefore);
        assertThat(partsAfter.values().stream().filter(part -> part.contains("register"))).hasSize(1);
        sameAsAFreshBuild("the search index joined from a kept part and a new one");
    }

    /**
     * A newly dated progress update adds no word to the search index (progress is not searched) but changes what its plan's
     * result shows (the latest update): the shard of documents that shows the plan is made again, the buckets of words are
     * kept as they were published, and the index is the one a fresh build makes.
     */
    @Test
    void aNewlyDatedUpdateMakesTheSearchResultsThatShowItAgainButNotTheWords() throws IOException {
        build("site", true);
        Map<String, Object> before = searchFiles();
        replace(content.resolve("plans/second-review/recommendations/01.yaml"), "        text: Every meeting is now minuted.\n",
                "        text: Every meeting is now minuted.\n      - date: 2024-08-01\n        status: done\n        text: Checked again.\n");

        build("site", true);

        Map<String, Object> after = searchFiles();
        assertThat(after.keySet()).isEqualTo(before.keySet()).contains("search/index/docs-0.json", "search/index/words-0.json");
        after.forEach((path, file) -> {
            if (path.contains("/words-")) {
                assertThat(file).as("%s, kept as published", path).isEqualTo(before.get(path));
            }
        });
        assertThat(after.get("search/index/docs-0.json")).as("the shard that shows the plan's latest update").isNotEqualTo(before.get("search/index/docs-0.json"));
        assertThat(sameAsAFreshBuild().get("search/index/docs-0.json")).contains("1 August 2024");
    }

    /** The files of the search index, each by what tells it apart from a file made again with the same bytes. */
    private Map<String, Object> searchFiles() throws IOException {
        Map<String, Object> files = new TreeMap<>();
        try (Stream<Path> walk = Files.list(temp.resolve("site/search/index"))) {
            for (Path file : walk.toList()) {
                files.put("search/index/" + file.getFileName(), folderIdentity(file));
            }
        }
        return files;
    }

    /** The parts of the search index the cache keeps, by the name of their entry. */
    private Map<String, String> searchParts() throws IOException {
        Map<String, String> parts = new TreeMap<>(Folders.contents(cache.resolve("objects")));
        parts.values().removeIf(entry -> !entry.contains("followthrough search part"));
        return parts;
    }

    /**
     * An organisation's pages and downloads are kept whole, as a plan's are, by a key that stands for everything they are
     * made from: its part of each plan that names it (the plan's details, and the recommendations and actions it owns). A
     * change to an action it owns changes the key, and so does a new name of an organisation its actions are shared with;
     * a change to another organisation's action in the same plan, or to a plan that does not name it, leaves it, and the
     * site is still what a fresh build makes.
     */
    @Test
    void anOrganisationsUnitKeyChangesWithItsPartOfThePlansThatNameItAndOnlyThen() throws IOException {
        // the second plan names the trust alone; in the first, the trust owns action 1.1 and the police 1.2
        replace(content.resolve("plans/second-review/plan.yaml"), "commissioned_by: [sample-police]\norganisations: [sample-trust, sample-police]",
                "commissioned_by: [sample-trust]\norganisations: [sample-trust]");
        replace(content.resolve("plans/second-review/recommendations/01.yaml"), "{organisation: sample-police, role: Inspector}",
                "{organisation: sample-trust, role: Inspector}");
        build("site", true);
        Map<String, String> before = unitKeys();

        replace(content.resolve("plans/second-review/recommendations/01.yaml"), "text: A template has been drafted.",
                "text: A template has been drafted and sent round.");
        Map<String, String> textChanged = unitKeys();

        assertThat(before).containsKeys("organisation:sample-trust", "organisation:sample-police", "plan:sample-review", "plan:second-review");
        assertThat(textChanged.get("organisation:sample-trust")).as("the organisation the changed plan names").isNotEqualTo(before.get("organisation:sample-trust"));
        assertThat(textChanged.get("organisation:sample-police")).as("the organisation it does not name").isEqualTo(before.get("organisation:sample-police"));
        assertThat(textChanged.get("plan:sample-review")).as("the other plan").isEqualTo(before.get("plan:sample-review"));

        replace(content.resolve("plans/sample-review/recommendations/01.yaml"), "description: Audit the minutes.",
                "description: Audit the minutes monthly.");
        Map<String, String> policeActionChanged = unitKeys();

        assertThat(policeActionChanged.get("organisation:sample-police")).as("the owner of the changed action")
                .isNotEqualTo(textChanged.get("organisation:sample-police"));
        assertThat(policeActionChanged.get("organisation:sample-trust")).as("an organisation the plan names, owning other actions in it")
                .isEqualTo(textChanged.get("organisation:sample-trust"));
        build("site", true);
        sameAsAFreshBuild();
        assertThat(temp.resolve("site/organisations/sample-police/index.html")).content().contains("Audit the minutes monthly.");

        // the trust now shares action 1.1 of the first plan with the police, so its pages and downloads name the police
        replace(content.resolve("plans/sample-review/recommendations/01.yaml"), "      - {organisation: sample-trust, role: Team Manager}\n",
                "      - {organisation: sample-trust, role: Team Manager}\n      - {organisation: sample-police, role: Inspector}\n");
        Map<String, String> shared = unitKeys();
        replace(content.resolve("organisations/sample-police.yaml"), "name: ", "name: Renamed ");
        Map<String, String> renamed = unitKeys();

        assertThat(renamed.get("organisation:sample-police")).as("the organisation renamed").isNotEqualTo(shared.get("organisation:sample-police"));
        assertThat(renamed.get("organisation:sample-trust")).as("an organisation sharing an action with the one renamed")
                .isNotEqualTo(shared.get("organisation:sample-trust"));
        build("site", true);
        sameAsAFreshBuild();
        assertThat(temp.resolve("site/organisations/sample-trust/actions.csv")).content().contains("Renamed Sample Police");
    }

    /** Every page of an organisation's own site shows its logo: a logo given since the last build reaches them all. */
    @Test
    void anOrganisationsOwnSiteShowsItsNewLogoOnEveryPageAfterARebuildWithTheCache() throws IOException {
        build(ownSite("site").withCache(cache));
        Files.createDirectories(content.resolve("assets/logos"));
        Files.writeString(content.resolve("assets/logos/sample-trust.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n");
        Path organisation = content.resolve("organisations/sample-trust.yaml");
        Files.writeString(organisation, Files.readString(organisation) + "logo: assets/logos/sample-trust.svg\n");

        build(ownSite("site").withCache(cache));
        build(ownSite("fresh"));

        Map<String, String> rebuilt = Folders.contents(temp.resolve("site"));
        assertThat(rebuilt.get("about/index.html")).contains("class=\"logo\"");
        assertThat(rebuilt).isEqualTo(Folders.contents(temp.resolve("fresh")));
    }

    /** The site of the trust alone ({@code build --organisation sample-trust}). */
    private BuildRequest ownSite(String out) {
        return new BuildRequest(content, TestBuilds.BUILT_IN_TEMPLATES, temp.resolve(out), TestBuilds.AS_OF, null, TestBuilds.CLOCK,
                "sample-trust", false, null, true, ProtectedNames.NONE, false, null);
    }

    private Map<String, String> unitKeys() {
        org.followthrough.render.SiteRenderer renderer = renderer();
        renderer.outputs();
        return new TreeMap<>(renderer.unitKeys());
    }

    private org.followthrough.render.SiteRenderer renderer() {
        BuildRequest request = TestBuilds.request(content, null);
        org.followthrough.model.Archive archive = Pipeline.check(request).archive();
        org.followthrough.render.TemplateEngine engine = TestBuilds.templateEngine(TestBuilds.BUILT_IN_TEMPLATES);
        org.followthrough.render.SiteRenderer.Shared shared = new org.followthrough.render.SiteRenderer.Shared(engine,
                new org.followthrough.render.MarkdownRenderer(), () -> null, "test", Map.of());
        return new org.followthrough.render.SiteRenderer(archive, shared);
    }

    /** Each output's key, by path, as a build of the content as it is now would decide them. */
    private Map<String, String> keys() {
        Map<String, String> keys = new TreeMap<>();
        renderer().outputs().forEach(o -> keys.put(o.path(), o.key()));
        return keys;
    }

    /**
     * Files that had not changed for a while when a build read them are known to the next build by their
     * stats (size, times, inode), so their bytes are not fingerprinted again; yet a file edited with its
     * size and modification time kept is still seen to have changed, a file replaced by a link out of
     * the content folder is still refused (by build and check alike), and one plan changed publishes
     * what a build without the cache would.
     */
    @Test
    void filesKnownByTheirStatsAreStillSeenToChangeAndStillRefusedAsLinksOutOfTheFolder() throws Exception {
        // long enough after the files were copied that the build's stats vouch for them
        Thread.sleep(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(org.followthrough.source.FileStat.SETTLE_NANOS) + 500);
        build("site", true);
        BuildResult warm = build("site", true);
        assertThat(warm.filesFromCache()).isEqualTo(warm.filesWritten());

        Path progress = content.resolve("plans/second-review/recommendations/01.yaml");
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(progress);
        long size = Files.size(progress);
        replace(progress, "text: A template has been drafted.", "text: A template has been drafted!");
        Files.setLastModifiedTime(progress, modified);
        assertThat(Files.size(progress)).isEqualTo(size);
        build("site", true);
        sameAsAFreshBuild();
        assertThat(Files.readString(temp.resolve("site/plans/second-review/recommendations/1/index.html"))).contains("drafted!");

        replace(progress, "text: A template has been drafted!", "text: A template has been drafted and sent round.");
        build("site", true);
        sameAsAFreshBuild("one plan changed");

        Path outside = Files.copy(progress, temp.resolve("outside.yaml"));
        Files.delete(progress);
        Files.createSymbolicLink(progress, outside);
        Map<String, String> published = Folders.contents(temp.resolve("site"));
        BuildRequest request = TestBuilds.request(content, temp.resolve("site")).withCache(cache);
        BuildResult linked = Pipeline.build(request);
        BuildResult checked = Pipeline.check(request);
        assertThat(linked.succeeded()).isFalse();
        assertThat(linked.problems()).anySatisfy(p -> {
            assertThat(p.location().file()).isEqualTo(progress.toString());
            assertThat(p.message()).contains("leads outside the content folder");
        });
        assertThat(checked.problems()).isEqualTo(linked.problems());
        assertThat(Folders.contents(temp.resolve("site"))).as("the published site").isEqualTo(published);
    }

    /**
     * An organisation's page lists the recommendations it leads, whoever owns their actions: naming it the lead of another's
     * recommendation, then retitling that recommendation, remakes its page as a fresh build would.
     */
    @Test
    void anOrganisationsPageListsTheRecommendationsItLeadsAndIsRemadeWhenTheyChange() throws IOException {
        // a recommendation whose one action the trust owns: the police own nothing in it
        Path second = content.resolve("plans/sample-review/recommendations/02.yaml");
        Files.writeString(second, "number: \"2\"\ntitle: Supervision\nlead: [sample-trust]\nactions:\n  - ref: \"2.1\"\n"
                + "    description: Supervise every month.\n    owners:\n      - {organisation: sample-trust}\n    target: 2024-09-30\n");
        build("site", true);
        String police = "organisations/sample-police/index.html";
        assertThat(Folders.contents(temp.resolve("site")).get(police)).doesNotContain("Supervision");

        Folders.replace(second, "lead: [sample-trust]", "lead: [sample-trust, sample-police]");
        build("site", true);
        assertThat(sameAsAFreshBuild().get(police)).contains("Recommendations it leads", "Supervision");

        Folders.replace(second, "title: Supervision", "title: Supervising staff");
        build("site", true);
        assertThat(sameAsAFreshBuild().get(police)).contains("Supervising staff");
    }

    /**
     * An organisation's page lists the recommendations it oversees with how their actions stand: an action of another's
     * reported complete remakes the overseeing body's page, whose own part of the plan is unchanged, as a fresh build would.
     */
    @Test
    void anOversightBodysPageIsRemadeWhenAnActionItOverseesChanges() throws IOException {
        Path second = content.resolve("plans/sample-review/recommendations/02.yaml");
        Files.writeString(second, "number: \"2\"\ntitle: Supervision\noversight_by: [sample-police]\nactions:\n  - ref: \"2.1\"\n"
                + "    description: Supervise every month.\n    owners:\n      - {organisation: sample-trust}\n    target: 2024-09-30\n"
                + "    status: open\n");
        build("site", true);
        String police = "organisations/sample-police/index.html";
        assertThat(Folders.contents(temp.resolve("site")).get(police)).contains("Recommendations it oversees", "Supervision",
                "1 action: 1 in progress");

        Files.writeString(second, Files.readString(second) + "    progress:\n      - date: 2024-09-01\n        status: done\n"
                + "        text: Every member of staff is supervised monthly.\n");
        build("site", true);
        assertThat(sameAsAFreshBuild().get(police)).contains("1 action: 1 completed");
    }

    /**
     * A commissioner's page counts the actions of the plans it commissioned, though it owns other actions of them or none: the
     * police, who commissioned the sample review and own only action 1.2, see 1.1 reopened, as a fresh build shows it.
     */
    @Test
    void aCommissionersPageIsRemadeWhenAnActionOfThePlanItCommissionedChanges() throws IOException {
        build("site", true);
        String police = "organisations/sample-police/index.html";
        assertThat(Folders.contents(temp.resolve("site")).get(police)).contains("Plans it commissioned", "2 actions: 1 in progress, 1 completed");

        Path first = content.resolve("plans/sample-review/recommendations/01.yaml");
        Files.writeString(first, Files.readString(first).replace("        status: done\n", "        status: open\n"));
        build("site", true);
        assertThat(sameAsAFreshBuild().get(police)).contains("2 actions: 2 in progress");
    }

    /**
     * The JSON of an organisation the plan names links the plan's calendar, which is published while any action of the
     * whole plan has a dated target (the plan here gives no date for its completion, which would be an event too): targets
     * removed from actions another owns reach it through the cache, as a fresh build makes it (its part of the plan, which
     * keys it, is unchanged).
     */
    @Test
    void aPlansCalendarGoneReachesTheJsonOfAnOrganisationThatOwnsNoneOfItsActions() throws IOException {
        Folders.replace(content.resolve("plans/sample-review/plan.yaml"), "target_completion: {as_published: \"Spring 2025\", date: 2025-05}\n", "");
        Path first = content.resolve("plans/sample-review/recommendations/01.yaml");
        Folders.replace(first, "{organisation: sample-police, role: Inspector}", "{organisation: sample-trust, role: Inspector}");
        build("site", true);
        String police = "organisations/sample-police/organisation.json";
        assertThat(Folders.contents(temp.resolve("site")).get(police)).contains("plans/sample-review/targets.ics");

        Folders.replace(first, "    target: 2024-06-30\n", "");
        Folders.replace(first, "    target: 2024-09\n", "");
        build("site", true);
        assertThat(sameAsAFreshBuild().get(police)).doesNotContain("plans/sample-review/targets.ics");
    }

    @Test
    void aChangedHeadingOfAPlansOwnColumnRemakesItsPageAndDownloadsAsAFreshBuildWould() throws IOException {
        Folders.replace(content.resolve("plans/second-review/plan.yaml"), "scales:", "extra_columns:\n  - {id: service, label: Service}\nscales:");
        Folders.replace(content.resolve("plans/second-review/recommendations/01.yaml"), "actions:", "extra_columns: {service: Community}\nactions:");
        build("site", true);
        Folders.replace(content.resolve("plans/second-review/plan.yaml"), "label: Service", "label: Team");

        build("site", true);

        Map<String, String> after = sameAsAFreshBuild();
        assertThat(after.get("plans/second-review/actions.csv")).contains(",Team\r\n").doesNotContain("Service");
        assertThat(after.get("data/actions.csv")).contains("{\"\"Team\"\":\"\"Community\"\"}");
    }

    @Test
    void aThemeGivenToAnActionRemakesThatThemesPagesAndCountsAndPublishesWhatAFreshBuildWould() throws IOException {
        build("site", true);
        Map<String, String> before = Folders.contents(temp.resolve("site"));
        Folders.replace(content.resolve("plans/second-review/recommendations/01.yaml"), "    description: Minute every MDT meeting.\n",
                "    description: Minute every MDT meeting.\n    themes: [risk-assessment]\n");

        BuildResult rebuilt = build("site", true);

        Map<String, String> after = sameAsAFreshBuild();
        assertThat(rebuilt.filesFromCache()).isPositive();
        assertThat(before.get("themes/risk-assessment/index.html")).doesNotContain("Second safety action plan");
        assertThat(after.get("themes/risk-assessment/index.html")).contains("Second safety action plan", "Action 1.1")
                .doesNotContain("Sample safety action plan");
        assertThat(after.get("themes/index.html")).isNotEqualTo(before.get("themes/index.html"));
        assertThat(after.get("index.html")).contains("Risk assessment</a>: 1 recommendation, 1 action");
        assertThat(after.get("themes/audit/index.html")).isEqualTo(before.get("themes/audit/index.html"));
        assertThat(after.get("plans/sample-review/index.html")).isEqualTo(before.get("plans/sample-review/index.html"));
    }

    @Test
    void aRenamedThemeIsRenamedOnEveryPageCsvAndJsonThatNamesIt() throws IOException {
        build("site", true);
        Folders.replace(content.resolve("site.yaml"), "label: Audit and assurance", "label: Audit");

        build("site", true);

        Map<String, String> after = sameAsAFreshBuild();
        for (String path : new String[] {"themes/audit/index.html", "themes/index.html", "index.html", "plans/sample-review/index.html",
                "plans/sample-review/actions.csv", "plans/sample-review/plan.json", "data/site.json"}) {
            assertThat(after.get(path)).as(path).doesNotContain("Audit and assurance");
        }
        assertThat(after.get("plans/sample-review/actions.csv")).contains("Record keeping; Audit");
    }

    /**
     * The cache keeps the files made for each plan, and for each organisation, in one entry (a file system gives out
     * new files slowly, and a site of a thousand plans has tens of thousands): a site deleted between two builds is
     * published again from those entries, byte for byte, without making a page.
     */
    @Test
    void aPlansFilesAreKeptInTheCacheAsOneEntryFromWhichADeletedSiteIsPublishedAgain() throws IOException {
        BuildResult first = build("site", true);
        Map<String, String> published = Folders.contents(temp.resolve("site"));
        Map<String, String> cached = Folders.contents(cache.resolve("objects"));
        // all but its PDF, which the cache keeps by what it is typeset from
        List<String> plansPages = published.keySet().stream().filter(path -> path.startsWith("plans/sample-review/") && !path.endsWith(".pdf"))
                .toList();

        Folders.delete(temp.resolve("site"));
        BuildResult again = build("site", true);

        assertThat(plansPages).as("the plan's pages and downloads").hasSizeGreaterThan(5);
        plansPages.forEach(path -> assertThat(cached.values()).as(path).anyMatch(entry -> entry.contains(published.get(path))));
        assertThat(cached.values().stream().filter(entry -> plansPages.stream().allMatch(path -> entry.contains(published.get(path)))))
                .as("one entry holds every file of the plan").hasSize(1);
        assertThat(cached).as("fewer entries than files published, though the cache keeps every one").hasSizeLessThan(first.filesWritten());
        assertThat(again.filesFromCache()).as("all but the site's CSV and calendar, joined again from their parts")
                .isEqualTo(again.filesWritten() - 2);
        assertThat(Folders.contents(temp.resolve("site"))).isEqualTo(published);
    }

    /**
     * A plan changed and built again has its files made again kept in a pack of their own, and the rest kept in the
     * site: with the site deleted after that, a build takes what the packs hold, makes the rest, and publishes what a
     * build without the cache would.
     */
    @Test
    void aSiteDeletedAfterAChangedPlanWasBuiltIsPublishedAgainAsAFreshBuildWould() throws IOException {
        build("site", true);
        Folders.replace(content.resolve("plans/second-review/recommendations/01.yaml"), "text: A template has been drafted.",
                "text: A template has been drafted and sent round.");
        build("site", true);
        Folders.delete(temp.resolve("site"));

        BuildResult again = build("site", true);

        assertThat(again.filesFromCache()).isGreaterThan(again.filesWritten() / 2);
        sameAsAFreshBuild("after the site was deleted");
    }

    /**
     * An entry of the cache that holds a unit's files and was cut short (a disk that filled up, a copy stopped halfway)
     * is not read: the files are made again, and the site is what a build without the cache publishes.
     */
    @Test
    void aUnitsEntryCutShortIsNotReadAndItsFilesAreMadeAgain() throws IOException {
        build("site", true);
        Map<String, String> published = Folders.contents(temp.resolve("site"));
        int cut = 0;
        try (Stream<Path> entries = Files.walk(cache.resolve("objects"))) {
            for (Path entry : entries.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(entry);
                if (new String(bytes, 0, Math.min(bytes.length, 30), StandardCharsets.US_ASCII).startsWith("followthrough-unit-pack")) {
                    Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 100));
                    cut++;
                }
            }
        }
        Folders.delete(temp.resolve("site"));

        BuildResult again = build("site", true);

        long plansFiles = published.keySet().stream().filter(path -> path.startsWith("plans/sample-review/")).count();
        assertThat(cut).as("entries cut short").isGreaterThan(1);
        assertThat(again.filesFromCache()).as("at most the site-wide files, kept one an entry").isLessThanOrEqualTo(
                (int) (again.filesWritten() - 2 - plansFiles));
        assertThat(Folders.contents(temp.resolve("site"))).isEqualTo(published);
    }

    /**
     * The site's CSV and calendar are joined from each plan's rows and events, kept by the plan's key and the site's: an
     * owner's new name, another as-of date, or the address of a snapshot, is in every plan's part, and each is made again.
     */
    @Test
    void aRenamedOwnerAnotherAsOfDateAndASnapshotReachEveryPlansRowsAndEventsInTheSiteWideCsvAndCalendar() throws IOException {
        build("site", true);
        Folders.replace(content.resolve("organisations/sample-trust.yaml"), "name: Sample NHS Foundation Trust", "name: Sample Health Trust");

        build("site", true);

        Map<String, String> after = sameAsAFreshBuild();
        for (String path : List.of("data/actions.csv", "data/targets.ics")) {
            // a calendar's long lines are folded: read unfolded
            assertThat(after.get(path).replace("\r\n ", "")).as(path).contains("Sample Health Trust").doesNotContain("Sample NHS Foundation Trust");
        }

        LocalDate earlier = LocalDate.of(2024, 8, 1);
        build(asOf(earlier, "site").withCache(cache));
        build(asOf(earlier, "fresh"));

        Map<String, String> asAtEarlier = Folders.contents(temp.resolve("site"));
        assertThat(asAtEarlier).isEqualTo(Folders.contents(temp.resolve("fresh")));
        assertThat(asAtEarlier.get("data/targets.ics")).contains("DTSTAMP:20240801T000000Z").doesNotContain("DTSTAMP:20261123");
        assertThat(asAtEarlier.get("data/actions.csv")).isNotEqualTo(after.get("data/actions.csv"));

        // the same plans in a snapshot of the site, in the same build: their rows and events link into the snapshot
        build(asOf(earlier, "site").withCache(cache).withSnapshot(true));
        build(asOf(earlier, "fresh").withSnapshot(true));

        Map<String, String> withSnapshot = Folders.contents(temp.resolve("site"));
        assertThat(withSnapshot).isEqualTo(Folders.contents(temp.resolve("fresh")));
        assertThat(withSnapshot.get("snapshots/2024-08-01/data/actions.csv")).contains("https://plans.example/snapshots/2024-08-01/plans/");
    }

    private BuildRequest asOf(LocalDate date, String out) {
        return new BuildRequest(content, TestBuilds.BUILT_IN_TEMPLATES, temp.resolve(out), date, null, TestBuilds.CLOCK);
    }

    private static void build(BuildRequest request) {
        BuildResult result = Pipeline.build(request);
        assertThat(result.succeeded()).as("%s", result.problems()).isTrue();
    }

    @Test
    void theChangesSinceADateAreMadeAgainWhenTheDateOrTheProgressChangesAndOnlyThen() throws IOException {
        build("site", true, LocalDate.of(2024, 6, 1));
        Map<String, String> first = Folders.contents(temp.resolve("site"));
        assertThat(first.get("changes/index.html")).contains("Changes after 1 June 2024");

        BuildResult earlier = build("site", true, LocalDate.of(2024, 1, 1));
        build("fresh", false, LocalDate.of(2024, 1, 1));
        Map<String, String> after = Folders.contents(temp.resolve("site"));
        assertThat(after).isEqualTo(Folders.contents(temp.resolve("fresh")));
        assertThat(after.get("changes/index.html")).contains("Changes after 1 January 2024");
        assertThat(after.get("index.html")).contains("What changed after 1 January 2024");
        assertThat(after.get("organisations/sample-trust/changes/index.html")).contains("Changes after 1 January 2024");
        assertThat(after.get("organisations/sample-trust/index.html")).contains("What changed after 1 January 2024");
        assertThat(after.get("data/changes.csv")).isNotEqualTo(first.get("data/changes.csv"));
        assertThat(earlier.filesFromCache()).as("the plans' own files do not depend on the date").isPositive();

        Folders.replace(content.resolve("plans/second-review/recommendations/01.yaml"), "text: Every meeting is now minuted.",
                "text: Every meeting is minuted and audited.");
        build("site", true, LocalDate.of(2024, 1, 1));
        build("fresh", false, LocalDate.of(2024, 1, 1));
        after = Folders.contents(temp.resolve("site"));
        assertThat(after).isEqualTo(Folders.contents(temp.resolve("fresh")));
        assertThat(after.get("changes/index.html")).contains("minuted and audited");
        assertThat(after.get("data/changes.csv")).contains("minuted and audited");

        build("site", true, null);
        build("fresh", false, null);
        after = Folders.contents(temp.resolve("site"));
        assertThat(after).isEqualTo(Folders.contents(temp.resolve("fresh")));
        assertThat(after.keySet()).noneMatch(path -> path.contains("changes"));
        assertThat(after.get("index.html")).doesNotContain("What changed after");
    }

    @Test
    void aFileChangedByHandInThePublishedSiteIsMadeAgainNotKept() throws IOException {
        build("site", true);
        Path page = temp.resolve("site/plans/sample-review/index.html");
        String original = Files.readString(page);
        Files.writeString(page, original.replace("Sample safety action plan", "Edited by hand"));

        build("site", true);

        assertThat(Files.readString(page)).isEqualTo(original);
    }

    /**
     * A build with nothing changed leaves the published site in place, as it was, and no staging folder
     * beside it; a file whose mode was changed by hand is made readable to all again, in place.
     */
    @Test
    void aBuildWithNothingChangedLeavesTheSiteAsPublishedAndReadableToAll() throws IOException {
        build("site", true);
        Path site = temp.resolve("site");
        Path page = site.resolve("plans/sample-review/index.html");
        Object published = folderIdentity(site);

        build("site", true);
        assertThat(folderIdentity(site)).as("the same folder, not a new one in its place").isEqualTo(published);
        Files.setPosixFilePermissions(page, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        build("site", true);

        assertThat(folderIdentity(site)).as("still the same folder").isEqualTo(published);
        assertThat(Files.getPosixFilePermissions(page)).isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        try (Stream<Path> beside = Files.list(temp)) {
            assertThat(beside.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".site."));
        }
    }

    @Test
    void aCacheDeletedOrEmptiedBetweenBuildsOnlyCostsTime() throws IOException {
        build("site", true);
        Map<String, String> published = Folders.contents(temp.resolve("site"));
        Folders.delete(cache);

        BuildResult again = build("again", true);

        assertThat(again.filesFromCache()).isZero();
        assertThat(Folders.contents(temp.resolve("again"))).isEqualTo(published);
    }

    /**
     * The site's CSV and calendar are joined from each plan's rows and events, which the cache keeps: the cache does
     * not keep them whole as well (at 1,000 plans they are 65 MB, made again whenever any plan changes), and a build
     * into another folder joins them again, byte for byte.
     */
    @Test
    void theSitesCsvAndCalendarAreJoinedAgainFromTheKeptPartsNotKeptWhole() throws IOException {
        build("site", true);
        Map<String, String> published = Folders.contents(temp.resolve("site"));
        Map<String, String> cached = Folders.contents(cache.resolve("objects"));

        BuildResult elsewhere = build("elsewhere", true);

        assertThat(published).containsKeys("data/actions.csv", "data/targets.ics");
        assertThat(cached.values()).as("what the cache keeps").doesNotContain(published.get("data/actions.csv"), published.get("data/targets.ics"))
                .noneMatch(entry -> entry.contains(published.get("data/actions.csv")))
                .anyMatch(entry -> entry.contains(published.get("plans/sample-review/actions.csv")));
        assertThat(elsewhere.filesFromCache()).isEqualTo(elsewhere.filesWritten() - 2);
        assertThat(Folders.contents(temp.resolve("elsewhere"))).isEqualTo(published);
    }

    /**
     * Typesetting is the dearest work of a build, so a PDF is typeset again only when what it is typeset from changes:
     * an earlier progress text, which the PDFs do not show, changes the plan's key but not its PDF, which comes from the
     * cache; the latest progress text, which the plan's PDF shows, has it typeset again (and no other).
     */
    @Test
    void aPdfIsTypesetAgainOnlyWhenWhatItShowsChanges() throws IOException {
        build("site", true);
        long pdfs = pdfsIn(cache);
        Path actions = content.resolve("plans/second-review/recommendations/01.yaml");

        replace(actions, "text: A template has been drafted.", "text: A template has been drafted and sent round.");
        build("site", true);
        long afterEarlier = pdfsIn(cache);
        replace(actions, "text: Every meeting is now minuted.", "text: Every meeting is now minuted and filed.");
        build("site", true);
        build("fresh", false);

        assertThat(afterEarlier).as("PDFs typeset after an earlier progress text changed").isEqualTo(pdfs);
        assertThat(pdfsIn(cache)).as("PDFs typeset after the latest progress text changed").isEqualTo(pdfs + 1);
        Map<String, String> published = Folders.contents(temp.resolve("site"));
        assertThat(published).isEqualTo(Folders.contents(temp.resolve("fresh")));
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(temp.resolve("site/plans/second-review/summary.pdf").toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains("minuted and filed");
        }
    }

    /** How many PDFs the cache holds. */
    private static long pdfsIn(Path cache) throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try (java.io.InputStream in = Files.newInputStream(file)) {
                    return new String(in.readNBytes(4), StandardCharsets.ISO_8859_1).equals("%PDF");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).count();
        }
    }

    @Test
    void leavingOutThePdfsChangesNoOtherDownload() throws IOException {
        build("site", true);
        Map<String, String> full = Folders.contents(temp.resolve("site"));

        BuildResult quick = Pipeline.build(TestBuilds.request(content, temp.resolve("quick")).withPdfs(false));

        assertThat(quick.succeeded()).isTrue();
        Map<String, String> withoutPdfs = Folders.contents(temp.resolve("quick"));
        assertThat(withoutPdfs.keySet()).noneMatch(path -> path.endsWith(".pdf"));
        full.forEach((path, text) -> {
            if (!path.endsWith(".html") && !path.endsWith(".pdf") && !path.equals("sitemap.xml") && !path.startsWith(".")) {
                assertThat(withoutPdfs.get(path)).as(path).isEqualTo(text);
            }
        });
        assertThat(withoutPdfs.get("plans/sample-review/index.html")).contains("No PDF summary: this preview was built without PDFs")
                .doesNotContain("summary.pdf");
    }

    /**
     * The protected names list is no input of any file (a name found fails the build), so the cache and
     * the site being replaced serve files made before a list existed, or with another list: each is
     * searched again as it is taken, a PDF by the text kept for it. A refused build leaves the published
     * site as it was, and keeps no file holding the name in the cache.
     */
    @Test
    void filesFromTheCacheOrThePreviousSiteAreSearchedWithTheListOfThisBuild() throws Exception {
        // the PDF's XMP metadata puts the plan's title just before the publisher: a name no content file holds
        Folders.replace(content.resolve("plans/sample-review/plan.yaml"), "title: Sample safety action plan",
                "title: Sample safety action plan for Hartley");
        Folders.replace(content.resolve("site.yaml"), "publisher: Sample Partnership", "publisher: Quayle Partnership");
        ProtectedNames unrelated = ProtectedNames.read(Files.writeString(temp.resolve("other.txt"), "Zebedee Quinn\n"));
        ProtectedNames joined = ProtectedNames.read(Files.writeString(temp.resolve("names.txt"), "Zebedee Quinn\nHartley Quayle\n"));
        build("site", true);
        Map<String, String> published = Folders.contents(temp.resolve("site"));
        String pdf = "/plans/sample-review/summary.pdf";

        BuildResult clean = guarded("site", cache, unrelated);
        BuildResult replacing = guarded("site", cache, joined);
        BuildResult fromCache = guarded("elsewhere", cache, joined);
        Path freshCache = temp.resolve("fresh-cache");
        BuildResult fromScratch = guarded("elsewhere", freshCache, joined);

        assertThat(clean.succeeded()).as("%s", clean.problems()).isTrue();
        assertThat(clean.filesFromCache()).isEqualTo(clean.filesWritten());
        assertThat(replacing.problems()).extracting(p -> p.location().file()).contains(temp.resolve("site") + pdf);
        assertThat(fromCache.problems()).extracting(p -> p.location().file()).contains(temp.resolve("elsewhere") + pdf);
        assertThat(fromScratch.problems()).extracting(p -> p.location().file()).contains(temp.resolve("elsewhere") + pdf);
        assertThat(Folders.contents(temp.resolve("site"))).as("the published site").isEqualTo(published);
        assertThat(temp.resolve("elsewhere")).doesNotExist();
        assertThat(Folders.contents(freshCache)).as("what the refused build made is cached").isNotEmpty();
        assertThat(TestBuilds.filesHolding(joined, freshCache)).as("cache entries holding the name").isEmpty();
    }

    @Test
    void committingAChangeRemakesOnlyThatPlansPagesThoughItsFilesAreTheSame() throws IOException {
        try (GitRepositories repo = GitRepositories.init(content)) {
            repo.commit("Publish both plans", "2026-01-05T10:00:00Z");
            Folders.replace(content.resolve("plans/second-review/recommendations/01.yaml"), "text: A template has been drafted.",
                    "text: A template has been drafted and sent round.");
            BuildResult uncommitted = Pipeline.build(withHistory("site"));
            Map<String, String> before = Folders.contents(temp.resolve("site"));
            assertThat(uncommitted.succeeded()).isTrue();
            assertThat(before.get("plans/second-review/index.html")).contains("not yet recorded");

            // The same files, now committed: only the history differs.
            repo.commit("Second review: progress", "2026-02-01T10:00:00Z");
            BuildResult committed = Pipeline.build(withHistory("site"));
            Pipeline.build(withHistory("fresh").withCache(null));

            Map<String, String> after = Folders.contents(temp.resolve("site"));
            assertThat(committed.succeeded()).isTrue();
            assertThat(after).isEqualTo(Folders.contents(temp.resolve("fresh")));
            assertThat(after.get("plans/second-review/index.html")).doesNotContain("not yet recorded").contains("Change history: 2 changes");
            assertThat(after.get("plans/second-review/history/index.html")).contains("Second review: progress");
            assertThat(after.get("plans/second-review/actions.csv")).isEqualTo(before.get("plans/second-review/actions.csv"));
            assertThat(after.get("plans/sample-review/index.html")).isEqualTo(before.get("plans/sample-review/index.html"));
            assertThat(committed.filesWritten() - committed.filesFromCache()).as("files made again: the second plan's page and its history page")
                    .isEqualTo(2);
        }
    }

    /**
     * A templates folder of unedited copies of the built-in templates publishes what the built-in ones do, so it keys
     * every file as they do: building from the tool's own source folder (whose templates/ are the built-in templates,
     * and which a build run there takes as the site's own), or with a site's copy of them not yet edited, takes every
     * file from the site it replaces, and so does the next build without the folder. A copy that is edited still makes
     * the pages again.
     */
    @Test
    void aTemplatesFolderOfUneditedCopiesOfTheBuiltInTemplatesKeysEveryFileAsTheBuiltInOnesDo() throws IOException {
        Path copies = TestBuilds.copy(TestBuilds.BUILT_IN_TEMPLATES, temp.resolve("templates"));
        BuildRequest builtIn = new BuildRequest(content, null, temp.resolve("site"), TestBuilds.AS_OF, null, TestBuilds.CLOCK)
                .withCache(cache);
        BuildRequest withCopies = new BuildRequest(content, copies, temp.resolve("site"), TestBuilds.AS_OF, null, TestBuilds.CLOCK)
                .withCache(cache);
        BuildResult first = Pipeline.build(builtIn);
        Map<String, String> published = Folders.contents(temp.resolve("site"));

        BuildResult copied = Pipeline.build(withCopies);
        BuildResult without = Pipeline.build(builtIn);

        assertThat(first.succeeded()).as("%s", first.problems()).isTrue();
        assertThat(copied.succeeded()).as("%s", copied.problems()).isTrue();
        assertThat(copied.filesWritten()).isEqualTo(first.filesWritten());
        assertThat(copied.filesFromCache()).as("files kept with the copied templates").isEqualTo(copied.filesWritten());
        assertThat(without.filesFromCache()).as("files kept without them again").isEqualTo(without.filesWritten());
        assertThat(Folders.contents(temp.resolve("site"))).isEqualTo(published);

        replace(copies.resolve("404.ftlh"), "</h1>", "</h1>\n<p>Edited.</p>");
        BuildResult edited = Pipeline.build(withCopies);
        assertThat(edited.filesWritten() - edited.filesFromCache()).as("files made again with an edited template").isPositive();
        assertThat(Folders.contents(temp.resolve("site")).get("404.html")).contains("Edited.");
    }

    private BuildRequest withHistory(String out) {
        return TestBuilds.request(content, temp.resolve(out)).withCache(cache).withHistory(true);
    }

    private static Object folderIdentity(Path folder) throws IOException {
        return Files.readAttributes(folder, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private BuildResult guarded(String out, Path cacheFolder, ProtectedNames names) {
        return Pipeline.build(TestBuilds.request(content, temp.resolve(out)).withCache(cacheFolder).withProtectedNames(names));
    }
}

package org.followthrough.render.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.followthrough.model.Archive;
import org.followthrough.model.Markdown;
import org.followthrough.model.Plan;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.render.MarkdownRenderer;
import org.followthrough.support.TestArchives;
import org.followthrough.support.TestBuilds;
import org.followthrough.support.TestArchives.Located;
import org.followthrough.support.TestArchives.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The progress feeds: well-formed Atom with what RFC 4287 requires, one entry per dated update, ids that never change. */
class AtomRendererTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final AtomRenderer RENDERER = new AtomRenderer(new MarkdownRenderer());
    private static final String SELF = "https://plans.example/feed.atom";
    private static final String PAGE = "https://plans.example/page/";

    static Stream<Scope> scopes() {
        return TestArchives.scopes();
    }

    static String feed(Scope scope) {
        if (scope.isPlan()) {
            return RENDERER.plan(scope.archive(), scope.plan(), SELF, PAGE);
        }
        if (scope.isOrganisation()) {
            return RENDERER.organisation(scope.archive(), scope.organisation(), SELF, PAGE);
        }
        return RENDERER.site(scope.archive(), SELF, PAGE);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("one " + name + " in " + parent.getLocalName()).hasSize(1);
        return found.get(0).getTextContent();
    }

    private static Element link(Element parent, String rel) {
        return children(parent, "link").stream().filter(l -> rel.equals(l.getAttribute("rel"))).findFirst().orElse(null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void everyFeedIsWellFormedAtomWithTheElementsRfc4287Requires(Scope scope) throws Exception {
        Element feed = parse(feed(scope)).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(only(feed, "id")).isEqualTo(SELF);
        assertThat(only(feed, "title")).isNotBlank();
        OffsetDateTime.parse(only(feed, "updated"));
        assertThat(link(feed, "self").getAttribute("href")).isEqualTo(SELF);
        assertThat(link(feed, "self").getAttribute("type")).isEqualTo("application/atom+xml");
        assertThat(link(feed, "alternate").getAttribute("href")).isEqualTo(PAGE);
        List<Element> entries = children(feed, "entry");
        assertThat(!children(feed, "author").isEmpty() || entries.stream().allMatch(e -> !children(e, "author").isEmpty()))
                .as("an author for the feed or for every entry").isTrue();
        List<String> ids = new ArrayList<>();
        for (Element entry : entries) {
            String id = only(entry, "id");
            ids.add(id);
            assertThat(java.net.URI.create(id).getScheme()).isEqualTo("tag");
            assertThat(only(entry, "title")).startsWith("Action ");
            assertThat(only(entry, "updated")).matches("\\d{4}-\\d{2}-\\d{2}T00:00:00Z");
            assertThat(link(entry, "alternate").getAttribute("href")).startsWith(scope.archive().site().baseUrl() + "plans/");
            assertThat(children(entry, "author")).isNotEmpty();
            assertThat(children(entry, "category")).hasSize(1);
            Element content = children(entry, "content").get(0);
            assertThat(content.getAttribute("type")).isEqualTo("html");
            assertThat(content.getTextContent()).as("escaped HTML").startsWith("<p>");
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void oneEntryPerDatedProgressUpdateNewestFirstAndUndatedOnesAccountedFor(Scope scope) throws Exception {
        Element feed = parse(feed(scope)).getDocumentElement();
        List<LocalDate> dates = new ArrayList<>();
        int undated = 0;
        for (Located located : scope.actions()) {
            for (ProgressUpdate update : located.action().progress()) {
                if (update.date() == null) {
                    undated++;
                } else {
                    dates.add(update.date());
                }
            }
        }
        List<Element> entries = children(feed, "entry");
        assertThat(entries).hasSize(dates.size());
        List<LocalDate> published = entries.stream().map(e -> LocalDate.parse(only(e, "updated").substring(0, 10))).toList();
        assertThat(published).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(published).containsExactlyInAnyOrderElementsOf(dates);
        List<Plan> plans = scope.isPlan() ? List.of(scope.plan()) : scope.isSite() ? scope.archive().plans()
                : scope.actions().stream().map(Located::plan).distinct().toList();
        // published, else started: the day the feed's plans last gave, where there is no update to date it
        LocalDate lastPublished = plans.stream().map(p -> p.published() != null ? p.published() : p.start()).filter(java.util.Objects::nonNull)
                .max(LocalDate::compareTo).orElse(scope.archive().asOf());
        LocalDate newest = dates.stream().max(LocalDate::compareTo).orElse(lastPublished);
        assertThat(only(feed, "updated")).isEqualTo(newest + "T00:00:00Z");
        String subtitle = only(feed, "subtitle");
        assertThat(subtitle).contains("Updates without a date are left out");
        if (undated > 0) {
            assertThat(subtitle).contains("; " + undated + (undated == 1 ? " is" : " are") + " left out here.");
        }
    }

    @Test
    void entriesNameTheStatusChangeOrSayProgressUpdate() throws Exception {
        Archive archive = TestArchives.small();
        Element feed = parse(RENDERER.plan(archive, archive.plans().get(0), SELF, PAGE)).getDocumentElement();
        List<Element> entries = children(feed, "entry");
        assertThat(entries).extracting(e -> only(e, "title")).containsExactly("Action 1.1: Open → Done", "Action 1.1: progress update");
        assertThat(entries).extracting(e -> only(e, "id")).containsExactly(
                "tag:plans.example,2024-07-01:plans/sample-review/actions/1.1/progress/1",
                "tag:plans.example,2024-03-01:plans/sample-review/actions/1.1/progress/1");
        Element first = entries.get(0);
        assertThat(children(first, "category").get(0).getAttribute("term")).isEqualTo("completed");
        assertThat(children(entries.get(1), "category").get(0).getAttribute("term")).isEqualTo("in_progress");
        assertThat(only(children(first, "author").get(0), "name")).isEqualTo("Sample NHS Foundation Trust");
        assertThat(link(first, "alternate").getAttribute("href")).isEqualTo("https://plans.example/plans/sample-review/recommendations/1/#action-1-1");
        assertThat(only(first, "content")).contains("<li>Status: Open → Done</li>").contains("<p>Every meeting is now minuted.</p>");
        Element site = parse(RENDERER.site(archive, SELF, PAGE)).getDocumentElement();
        assertThat(only(children(site, "entry").get(0), "title")).as("a site-wide feed names the plan")
                .isEqualTo("Action 1.1: Open → Done (SAMPLE/01)");
    }

    @Test
    void entryIdsCarryTheSitesHostAndPathSoSitesSharingAHostDoNotClash() throws Exception {
        Archive archive = TestArchives.shipped();
        assertThat(archive.site().baseUrl()).isEqualTo("https://followthrough.example/action-plans/");
        for (Element entry : children(parse(RENDERER.site(archive, SELF, PAGE)).getDocumentElement(), "entry")) {
            assertThat(only(entry, "id")).matches("tag:followthrough\\.example,\\d{4}-\\d{2}-\\d{2}:action-plans/plans/[a-z0-9-]+/actions/[A-Za-z0-9._~%]+/(recommendation-)?progress/\\d+");
            assertThat(only(entry, "id")).contains("," + only(entry, "updated").substring(0, 10) + ":");
        }
    }

    @Test
    void feedWithNoDatedUpdatesIsDatedWhenItsLastPlanWasPublishedAndStaysTheSameDayAfterDay() throws Exception {
        Archive archive = TestArchives.small();
        String today = RENDERER.organisation(archive, archive.organisation("sample-police").orElseThrow(), SELF, PAGE);
        Element feed = parse(today).getDocumentElement();
        assertThat(children(feed, "entry")).isEmpty();
        assertThat(only(feed, "updated")).as("the sample plan was published on 15 January 2024").isEqualTo("2024-01-15T00:00:00Z");

        BuildRequest small = TestBuilds.request(TestBuilds.fixture("small"), null);
        Archive later = TestArchives.load(new BuildRequest(small.content(), small.templates(), null, TestBuilds.AS_OF.plusDays(40),
                null, small.clock()));
        assertThat(RENDERER.organisation(later, later.organisation("sample-police").orElseThrow(), SELF, PAGE))
                .as("a feed with nothing new is not a new feed on a later day").isEqualTo(today);
    }

    @Test
    void anUpdateReportedForTheWholeRecommendationLeavesTheActionsOwnEntriesOfThatDateAsTheyWere(@TempDir Path temp) throws Exception {
        Path content = TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("content"));
        Archive before = TestArchives.load(content);
        Path recommendation = content.resolve("plans/sample-review/recommendations/01.yaml");
        // on the date of action 1.1's own last update, which sorts after it
        Files.writeString(recommendation, Files.readString(recommendation).replace("actions:\n", """
                progress:
                  - date: 2024-07-01
                    text: A joint review of the minutes was held.
                actions:
                """));
        Archive after = TestArchives.load(content);

        Map<String, String> was = entriesById(RENDERER.plan(before, before.plans().get(0), SELF, PAGE));
        Map<String, String> now = entriesById(RENDERER.plan(after, after.plans().get(0), SELF, PAGE));
        String own = "tag:plans.example,2024-07-01:plans/sample-review/actions/1.1/progress/1";
        assertThat(was.get(own)).contains("Every meeting is now minuted.");
        assertThat(now.get(own)).as("the action's own entry, byte for byte").isEqualTo(was.get(own));
        assertThat(now.get("tag:plans.example,2024-07-01:plans/sample-review/actions/1.1/recommendation-progress/1"))
                .contains("A joint review of the minutes was held.");
        assertThat(now.get("tag:plans.example,2024-07-01:plans/sample-review/actions/1.2/recommendation-progress/1"))
                .as("each action of the recommendation shows it").contains("A joint review of the minutes was held.");
        assertThat(now).containsAllEntriesOf(was);
    }

    /** Each entry of a feed, as written, by its id. */
    private static Map<String, String> entriesById(String atom) {
        Map<String, String> entries = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("<entry>.*?</entry>", Pattern.DOTALL).matcher(atom);
        while (entry.find()) {
            Matcher id = Pattern.compile("<id>(.*?)</id>").matcher(entry.group());
            assertThat(id.find()).isTrue();
            assertThat(entries.put(id.group(1), entry.group())).as("ids are unique").isNull();
        }
        return entries;
    }

    @Test
    void appendingAProgressUpdateLeavesEveryEarlierEntryExactlyAsItWas() {
        assertAppendKeepsEntries(TestArchives.small(), "sample-review", "1.1", LocalDate.of(2024, 7, 1));
        Archive shipped = TestArchives.shipped();
        for (Plan plan : shipped.plans()) {
            plan.actions().filter(a -> a.progress().stream().anyMatch(u -> u.date() != null)).findFirst().ifPresent(action -> {
                LocalDate last = action.progress().stream().map(ProgressUpdate::date).filter(d -> d != null).max(LocalDate::compareTo).orElseThrow();
                assertAppendKeepsEntries(shipped, plan.id(), action.ref(), last);
            });
        }
    }

    /** Appends two updates (one on the latest date already used, one later) and compares the feeds entry by entry. */
    private static void assertAppendKeepsEntries(Archive archive, String planId, String ref, LocalDate lastDate) {
        var status = archive.plans().stream().filter(p -> p.id().equals(planId)).findFirst().orElseThrow().scales().statuses().entries().get(0);
        Archive before = TestArchives.recomputed(archive, planId, ref, List.of());
        Archive after = TestArchives.recomputed(archive, planId, ref, List.of(
                new ProgressUpdate(lastDate, null, null, null, null, new Markdown("Same-day follow-up note."), null),
                new ProgressUpdate(lastDate.plusMonths(1), null, status, null, null, new Markdown("A later update."), "Editor")));
        for (String which : List.of("plan", "site")) {
            Plan plan = before.plans().stream().filter(p -> p.id().equals(planId)).findFirst().orElseThrow();
            Plan planAfter = after.plans().stream().filter(p -> p.id().equals(planId)).findFirst().orElseThrow();
            String one = which.equals("plan") ? RENDERER.plan(before, plan, SELF, PAGE) : RENDERER.site(before, SELF, PAGE);
            String two = which.equals("plan") ? RENDERER.plan(after, planAfter, SELF, PAGE) : RENDERER.site(after, SELF, PAGE);
            Map<String, String> old = entries(one);
            Map<String, String> now = entries(two);
            assertThat(now).as(planId + " " + ref + " " + which).hasSize(old.size() + 2);
            old.forEach((id, entry) -> assertThat(now.get(id)).as("entry " + id).isEqualTo(entry));
        }
    }

    private static Map<String, String> entries(String xml) {
        Map<String, String> entries = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<entry>.*?<id>(.*?)</id>.*?</entry>", Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            assertThat(entries.put(m.group(1), m.group())).as("duplicate id " + m.group(1)).isNull();
        }
        return entries;
    }

    @Test
    void twoRendersAreByteIdentical() {
        Archive archive = TestArchives.shipped();
        assertThat(RENDERER.site(archive, SELF, PAGE)).isEqualTo(new AtomRenderer().site(archive, SELF, PAGE));
        for (Plan plan : archive.plans()) {
            assertThat(RENDERER.plan(archive, plan, SELF, PAGE)).isEqualTo(new AtomRenderer().plan(archive, plan, SELF, PAGE));
        }
    }

    @Test
    void oneRendererSharedByParallelRendersGivesTheSameBytesAsRendersOneAtATime() {
        Archive archive = TestArchives.shipped();
        List<String> sequential = archive.plans().stream().map(p -> new AtomRenderer().plan(archive, p, SELF, PAGE)).toList();
        AtomRenderer shared = new AtomRenderer(new MarkdownRenderer());
        for (int round = 0; round < 5; round++) {
            List<String> parallel = archive.plans().parallelStream().map(p -> shared.plan(archive, p, SELF, PAGE)).toList();
            assertThat(parallel).isEqualTo(sequential);
        }
    }

    @Test
    void markupAndCharactersXmlCannotHoldAreEscapedOrDropped() throws Exception {
        Archive archive = TestArchives.withAction(TestArchives.small(), "sample-review", "1.1", a -> TestArchives.withProgress(a,
                List.of(new ProgressUpdate(LocalDate.of(2024, 8, 1), null, null, null, null,
                        new Markdown("Fish & <chips> \u0001 \"quoted\" <script>alert(1)</script>"), "A & B <Team>")), TestArchives.small()));
        String xml = RENDERER.plan(archive, archive.plans().get(0), SELF + "?a=1&b=2", PAGE);
        Element feed = parse(xml).getDocumentElement();
        assertThat(link(feed, "self").getAttribute("href")).isEqualTo(SELF + "?a=1&b=2");
        Element entry = children(feed, "entry").get(0);
        assertThat(only(children(entry, "contributor").get(0), "name")).isEqualTo("A & B <Team>");
        // The text goes through the site's own Markdown rules: raw HTML tags are cleaned away, text is escaped.
        assertThat(only(entry, "content")).contains("Fish &amp;").contains("\"quoted\"").doesNotContain("<script>").doesNotContain("\u0001");
    }

    @Test
    void aCharacterXmlCannotHoldIsDroppedAndEveryOtherKept() throws Exception {
        // a tab, line ends, accented and CJK letters, a character of the private use area, an emoji (a surrogate pair)
        String kept = "a\tb\r\nc é 中 \uE000 \uD7FF \uFFFD \uD83D\uDE00";
        assertThat(AtomRenderer.text(kept)).isEqualTo(kept);
        // a control, a surrogate without its pair (either half, at the end too), and the two non-characters XML excludes
        assertThat(AtomRenderer.text("x\u0001y\u001F \uD83D z \uDE00 \uFFFE\uFFFF <b>&amp;</b> \uD83D"))
                .isEqualTo("xy  z   &lt;b&gt;&amp;amp;&lt;/b&gt; ");
        assertThat(AtomRenderer.text("\uD83D\uDE00<")).isEqualTo("\uD83D\uDE00&lt;");
        assertThat(AtomRenderer.attr("say \"<hi>\"")).isEqualTo("say &quot;&lt;hi&gt;&quot;");
        // what it keeps is a well-formed XML text
        parse("<t>" + AtomRenderer.text("\u0000\uDBFF\u0008 & \uDBFF\uDFFF \u0085") + "</t>");
    }
}

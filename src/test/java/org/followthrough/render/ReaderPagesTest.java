package org.followthrough.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.model.Action;
import org.followthrough.model.Archive;
import org.followthrough.model.Plan;
import org.followthrough.model.PlanKind;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the public reads on the site built from the shipped plans, as at 23 November 2026: the tasks a
 * bereaved relative on a phone, a journalist and a board member tried (what stands first on a plan's
 * page, finding a recommendation and a plan, names in full, counts that add up, following a plan)
 * and the words they stumbled on.
 */
class ReaderPagesTest {

    private static MemoryPublisher site;
    private static MemoryPublisher small;
    private static Archive archive;

    private static final String P = "plans/p-independent-investigation/";
    private static final String BDHR = "plans/bdhr-2011-12-03/";

    @BeforeAll
    static void build() {
        site = TestBuilds.buildInMemory(TestBuilds.SHIPPED_CONTENT);
        small = TestBuilds.buildInMemory(TestBuilds.fixture("small"));
        archive = Pipeline.check(TestBuilds.request(TestBuilds.SHIPPED_CONTENT, null)).archive();
    }

    private static Document page(String path) {
        return Jsoup.parse(site.text(path.endsWith("/") || path.isEmpty() ? path + "index.html" : path));
    }

    private static List<String> pages() {
        return site.files().keySet().stream().filter(p -> p.endsWith("index.html")).toList();
    }

    // ---------------------------------------------------------------- what comes first

    /**
     * The Birmingham review printed one heading, "Recommendations 5, 7 and 10", for three of the report's
     * recommendations: its page, the plan's contents and its neighbours' links name it so, not "Recommendation 5, 7 and 10".
     */
    @Test
    void aRecommendationNumberedForSeveralIsNamedInThePlural() {
        assertThat(page(BDHR + "recommendations/5-7-and-10/").selectFirst("h1").text()).startsWith("Recommendations 5, 7 and 10: ");
        assertThat(page(BDHR).select("a[href$=5-7-and-10/]").eachText()).containsOnly("Recommendations 5, 7 and 10");
        assertThat(page(BDHR + "recommendations/8/").select(".pager-previous a").text()).endsWith("Recommendations 5, 7 and 10");
        assertThat(page(BDHR + "recommendations/2/").selectFirst("h1").text()).startsWith("Recommendation 2");
    }

    /** The status summary follows the title directly, before the plan's details and its long list of organisations. */
    @Test
    void aPlansStatusComesStraightAfterItsTitle() {
        for (Plan plan : archive.plans()) {
            Document doc = page(Routes.plan(plan.id()));
            Element summary = doc.selectFirst("main h1").nextElementSibling();
            assertThat(summary.id()).as(plan.id()).isEqualTo("progress");
            assertThat(summary.text()).as(plan.id()).contains("action").contains("Status as at 23 November 2026")
                    .containsAnyOf("Last update published:", "No dated update published");
        }
    }

    /** "5 overdue" takes the reader to those five actions, named with their owners near the top, not to a definition. */
    @Test
    void aCountOfLateActionsLeadsToTheActionsThemselves() {
        for (Plan plan : archive.plans()) {
            Document doc = page(Routes.plan(plan.id()));
            List<String> overdue = plan.actions().filter(a -> a.state().overdue()).map(a -> "Action " + a.ref()).toList();
            Element count = doc.selectFirst("#progress .flags-summary a:contains(overdue)");
            if (overdue.isEmpty()) {
                assertThat(count).as(plan.id()).isNull();
                assertThat(doc.getElementById("overdue-actions")).as(plan.id()).isNull();
                continue;
            }
            assertThat(count.attr("href")).as(plan.id()).isEqualTo("#overdue-actions");
            Element list = doc.getElementById("overdue-actions").nextElementSibling();
            assertThat(list.select("li > a").eachText()).as(plan.id()).containsExactlyElementsOf(overdue.subList(0, Math.min(10, overdue.size())));
            for (Element link : list.select("li > a")) {
                Element row = doc.getElementById(link.attr("href").substring(1));
                assertThat(row.attr("data-overdue")).as("%s of %s", link.text(), plan.id()).isEqualTo("true");
            }
        }
        Document home = page("");
        assertThat(home.selectFirst(".flags-summary").select("a").eachAttr("href")).as("the site's own counts")
                .containsExactly("./actions/overdue/", "./actions/target-passed-no-status/", "./actions/not-updated-recently/");
        assertThat(home.select(".card .flags-summary a:contains(overdue)").eachAttr("href")).as("each plan's card").isNotEmpty()
                .allMatch(href -> href.matches("\\./plans/[a-z0-9-]+/#overdue-actions"));
        int organisationsWithLateActions = 0;
        for (org.followthrough.model.Organisation organisation : archive.organisations()) {
            Document doc = page(Routes.organisation(organisation.id()));
            List<String> overdue = archive.plans().stream().flatMap(Plan::actions)
                    .filter(a -> a.isOwnedBy(organisation.id()) && a.state().overdue()).map(a -> "Action " + a.ref()).toList();
            Element count = doc.selectFirst("#progress .flags-summary a:contains(overdue)");
            if (overdue.isEmpty()) {
                assertThat(count).as(organisation.id()).isNull();
                continue;
            }
            organisationsWithLateActions++;
            assertThat(count.attr("href")).as(organisation.id()).isEqualTo("#overdue-actions");
            Element list = doc.getElementById("overdue-actions").nextElementSibling();
            assertThat(list.select("li > a").eachText()).as(organisation.id()).containsExactlyElementsOf(overdue.subList(0, Math.min(10, overdue.size())));
            assertThat(list.select("li > a").eachAttr("href")).as("each to the action itself").allMatch(href -> href.contains("#action-"));
        }
        assertThat(organisationsWithLateActions).isGreaterThan(1);
    }

    /**
     * "10 past target with no status published" takes the reader to those ten actions, listed beside the overdue ones: in the
     * domestic homicide review, only Birmingham City Council's three actions have a status, so only they are overdue, and the
     * ten others past their targets were in no list at all.
     */
    @Test
    void aCountOfActionsPastTargetWithNoStatusLeadsToThoseActions() {
        int plansWithSuch = 0;
        for (Plan plan : archive.plans()) {
            Document doc = page(Routes.plan(plan.id()));
            List<String> passed = plan.actions().filter(a -> a.state().targetPassedWithoutStatus()).map(a -> "Action " + a.ref()).toList();
            Element count = doc.selectFirst("#progress .flags-summary a:contains(past target)");
            if (passed.isEmpty()) {
                assertThat(count).as(plan.id()).isNull();
                assertThat(doc.getElementById("target-passed-actions")).as(plan.id()).isNull();
                continue;
            }
            plansWithSuch++;
            assertThat(count.attr("href")).as(plan.id()).isEqualTo("#target-passed-actions");
            Element heading = doc.getElementById("target-passed-actions");
            assertThat(heading.text()).isEqualTo("Target date passed, no status published");
            assertThat(heading.nextElementSibling().text()).as("why they are not called overdue").contains("not called overdue");
            Element list = doc.selectFirst("#target-passed-actions ~ ul.late-list");
            assertThat(list.select("li > a").eachText()).as(plan.id()).containsExactlyElementsOf(passed.subList(0, Math.min(10, passed.size())));
            for (Element link : list.select("li > a")) {
                assertThat(doc.getElementById(link.attr("href").substring(1)).select(".tag--passed")).as("%s of %s", link.text(), plan.id()).isNotEmpty();
            }
        }
        assertThat(plansWithSuch).as("the domestic homicide review's ten").isPositive();
    }

    /**
     * The list of organisations counts, for each, the actions past their target with no status published beside those
     * overdue: BSMHFT's six such actions of the domestic homicide review would otherwise read as nothing outstanding.
     */
    @Test
    void theListOfOrganisationsCountsActionsPastTargetWithNoStatusBesideTheOverdueOnes() {
        Document doc = page("organisations/");
        List<String> headings = doc.select("table thead th").eachText();
        int passedColumn = headings.indexOf("Target passed, no status published");
        assertThat(passedColumn).as("%s", headings).isGreaterThan(headings.indexOf("Overdue"));
        for (org.followthrough.model.Organisation o : archive.organisations()) {
            Element row = doc.selectFirst("tbody tr:has(th a[href$=/" + o.id() + "/])");
            long passed = archive.plans().stream().flatMap(Plan::actions)
                    .filter(a -> a.isOwnedBy(o.id()) && a.state().targetPassedWithoutStatus()).count();
            assertThat(row.child(passedColumn).text()).as(o.id()).isEqualTo(String.valueOf(passed));
        }
        Element bsmhft = doc.selectFirst("tbody tr:has(th a[href$=/bsmhft/])");
        assertThat(bsmhft.child(passedColumn).text()).isEqualTo("6");
        assertThat(bsmhft.child(headings.indexOf("Overdue")).text()).isEqualTo("0");
    }

    /** A listed action the plan gives no status says so once: "Status: not published", not "Status: status not published". */
    @Test
    void aListedActionWithNoStatusSaysSoInPlainWords() {
        String lists = page(BDHR).select("ul.late-list li").text();
        assertThat(lists).contains("Status: not published;").doesNotContainIgnoringCase("Status: status");
        assertThat(pages()).allSatisfy(path -> assertThat(site.text(path)).as(path).doesNotContainIgnoringCase("Status: status not"));
    }

    /** Follow-ups are not actions, so the counts leave them out: those past their dates are counted on their own. */
    @Test
    void followUpsPastTheirDatesAreCountedOnTheirPlansPageAndCard() {
        for (Plan plan : archive.plans()) {
            List<Element> flagged = new java.util.ArrayList<>();
            for (String path : site.files().keySet()) {
                if (path.startsWith(Routes.plan(plan.id()) + "recommendations/") && path.endsWith("index.html")) {
                    flagged.addAll(page(path).select("a.tag[href$=#follow-ups]"));
                }
            }
            Element count = page(Routes.plan(plan.id())).selectFirst("#progress .followups-passed");
            if (flagged.isEmpty()) {
                assertThat(count).as(plan.id()).isNull();
            } else {
                assertThat(count.text()).as(plan.id()).startsWith(flagged.size() + " follow-up action");
                assertThat(count.selectFirst("a").attr("href")).as("the count leads to them").isEqualTo("#follow-ups-passed");
                assertThat(page(Routes.plan(plan.id())).select("#follow-ups-passed ~ * ul.follow-up-list > li, #follow-ups-passed ~ ul.follow-up-list > li"))
                        .as("listed, each with the action it follows").hasSize(Math.min(50, flagged.size()))
                        .allMatch(li -> li.selectFirst("a").text().startsWith("Follow-up to action "));
                assertThat(page("plans/").select(".card .followups-passed").eachText()).anyMatch(t -> t.startsWith(flagged.size() + " "));
            }
        }
        assertThat(page(P).selectFirst(".followups-passed").text())
                .isEqualTo("34 follow-up actions past their dates without being reported done, not counted above.");
    }

    /**
     * Each follow-up past its date says what it is, in the first words of its text, not only which action it follows:
     * P's list was 32 lines of "Follow-up to action 8.1. Date: 30 November 2018. Status: not published".
     */
    @Test
    void eachFollowUpPastItsDateSaysWhatItIs() {
        Plan p = archive.plans().stream().filter(plan -> P.equals(Routes.plan(plan.id()))).findFirst().orElseThrow();
        List<Element> items = page(P).select("ul.follow-up-list > li");
        assertThat(items).hasSize(34);
        for (Element li : items) {
            String ref = li.selectFirst("a").text().substring("Follow-up to action ".length());
            List<String> texts = p.actions().filter(a -> a.ref().equals(ref)).flatMap(a -> a.followUps().stream())
                    .map(f -> f.text().source().strip().split("\\s+")).map(words -> String.join(" ", java.util.Arrays.copyOf(words, Math.min(4, words.length))))
                    .toList();
            assertThat(li.text()).as("follow-up to %s", ref).startsWith("Follow-up to action " + ref + ": ")
                    .satisfies(text -> assertThat(texts).anyMatch(first -> text.substring(text.indexOf(": ") + 2).startsWith(first)))
                    .contains("Date: ");
        }
    }

    /**
     * P's 34 follow-ups past their dates stood between its status and its recommendations, a long scroll on a phone: beyond
     * five, the first three are shown under the heading the count leads to, and the rest are one tap away, collapsed.
     */
    @Test
    void aLongListOfFollowUpsPastTheirDatesIsCollapsedBeforeTheRecommendations() {
        Document doc = page(P);
        Element heading = doc.getElementById("follow-ups-passed");
        assertThat(heading.closest("details")).as("the heading the count leads to is in view").isNull();
        assertThat(doc.select("ul.follow-up-list > li").stream().filter(li -> li.closest("details") == null))
                .as("shown before the plan's details and recommendations").hasSize(3);
        Element more = doc.selectFirst("#follow-ups-passed ~ details");
        assertThat(more.attr("open")).isEmpty();
        assertThat(more.selectFirst("summary").text()).isEqualTo("and 31 more follow-up actions past their dates");
        assertThat(more.select("ul.follow-up-list > li")).hasSize(31);
    }

    /**
     * Each overdue action in the list under "5 overdue" says what the action is, in the first twenty words its row in the
     * table of every action gives.
     */
    @Test
    void eachOverdueActionListedSaysWhatItIs() {
        Document doc = page(P);
        List<Element> items = doc.getElementById("overdue-actions").nextElementSibling().select("li");
        assertThat(items).hasSize(5);
        for (Element li : items) {
            Element row = doc.getElementById(li.selectFirst("a").attr("href").substring(1));
            String[] words = row.selectFirst("td[data-label=Action] .small").text().split(" ");
            assertThat(words).isNotEmpty();
            assertThat(li.text()).as("its first words, as in its row").startsWith(li.selectFirst("a").text() + ": "
                    + String.join(" ", java.util.Arrays.copyOf(words, Math.min(20, words.length)))).contains("Owner").contains("Target: ");
        }
        List<Element> organisations = pages().stream().filter(path -> path.matches("organisations/[^/]+/index\\.html"))
                .map(ReaderPagesTest::page).map(d -> d.getElementById("overdue-actions")).filter(java.util.Objects::nonNull).toList();
        assertThat(organisations).as("organisations with overdue actions").isNotEmpty();
        assertThat(organisations.stream().flatMap(h -> h.nextElementSibling().select("li").stream())).as("on an organisation's page")
                .allSatisfy(li -> assertThat(li.text()).matches("Action \\S+ of .+: .+ Owners?: .+ Target: .+"));
    }

    /**
     * P dated two follow-ups of action 15.1 "31 June 2019" and "31 April 2019", days those months do not have: they are
     * shown as published, saying no date can be read from them, and marked as past their dates, as those months are.
     */
    @Test
    void aFollowUpDatedADayItsMonthDoesNotHaveIsPastOnceTheMonthIs() {
        Element table = page(P + "recommendations/15/").getElementById("action-15-1").selectFirst("table.follow-ups");
        for (String wording : List.of("31 June 2019", "31 April 2019")) {
            Element row = table.select("tr").stream().filter(tr -> tr.text().contains(wording)).findFirst().orElseThrow();
            assertThat(row.selectFirst("td[data-label=By when]").text()).as(wording).contains("no date can be read");
            assertThat(row.select("td[data-label=Status] .tag--overdue").text()).as(wording).isEqualTo("Date passed");
        }
        assertThat(page(P).select("ul.follow-up-list > li").eachText()).filteredOn(t -> t.startsWith("Follow-up to action 15.1"))
                .anyMatch(t -> t.contains("31 June 2019")).anyMatch(t -> t.contains("31 April 2019"));
    }

    /**
     * Action 14.1 was published as "Completed" (its target reads "Completed May 2017") and reported "Complete" on
     * 28 November 2018: that date is neither since when it has been done nor when it was completed.
     */
    @Test
    void aDatedUpdateRepeatingThatAnActionIsDoneDoesNotDateIt() {
        Element action = page(P + "recommendations/14/").getElementById("action-14-1");
        assertThat(action.text()).contains("Completed since a date not published").doesNotContain("since 28 November 2018");
        Element row = page(P).select("tr:has(a[href$=#action-14-1]), tr:has(a[href*=/recommendations/14/])").stream()
                .filter(r -> r.text().contains("14.1")).filter(r -> r.closest("table").text().contains("Reported complete"))
                .findFirst().orElseThrow();
        assertThat(row.text()).doesNotContain("28 November 2018");
    }

    /**
     * HMP Birmingham (Healthcare) owns one action of the P plan but leads six of its recommendations: its page lists them,
     * each linked to its page, whoever owns their actions.
     */
    @Test
    void anOrganisationsPageListsTheRecommendationsItLeads() {
        Document page = page(Routes.organisation("hmp-birmingham-healthcare"));
        List<String> led = archive.plans().stream().flatMap(p -> p.recommendations().stream()
                .filter(r -> r.lead().contains("hmp-birmingham-healthcare")).map(r -> Routes.recommendation(p.id(), r.number()))).toList();
        assertThat(led).hasSize(6);
        assertThat(page.select("#leads + p + ul a").eachAttr("href")).containsExactlyElementsOf(led.stream().map(path -> "../../" + path).toList());
        assertThat(page.select("#leads + p + ul li").first().text()).startsWith("Recommendation 7: Healthcare staff at both HMP Hewell");
    }

    /**
     * NHS England oversees thirteen recommendations of the P plan whose actions others own: its page lists them under their
     * own heading, each linked to its page with how its actions stand, so that an oversight body sees at a glance what is
     * late among what it oversees (recommendation 7: two actions, one in progress and overdue, one completed).
     */
    @Test
    void anOversightBodysPageListsTheRecommendationsItOverseesAndHowTheyStand() {
        Document page = page(Routes.organisation("nhs-england"));
        List<String> overseen = archive.plans().stream().flatMap(p -> p.recommendations().stream()
                .filter(r -> r.oversightBy().contains("nhs-england")).map(r -> Routes.recommendation(p.id(), r.number()))).toList();
        assertThat(overseen).hasSize(13);
        assertThat(page.select("#oversees").text()).isEqualTo("Recommendations it oversees");
        assertThat(page.select("#oversees + p + ul > li > a").eachAttr("href"))
                .containsExactlyElementsOf(overseen.stream().map(path -> "../../" + path).toList());
        Element seventh = page.select("#oversees + p + ul > li").first();
        assertThat(seventh.text()).startsWith("Recommendation 7: Healthcare staff at both HMP Hewell")
                .endsWith("2 actions: 1 in progress, 1 completed; 1 overdue");
        assertThat(seventh.select("strong").text()).as("what is late stands out, in words").isEqualTo("1 overdue");
        assertThat(page(Routes.organisation("hmp-birmingham")).select("#oversees")).as("a body named as overseeing nothing").isEmpty();
    }

    /**
     * An organisation's page says under each plan what its page says of the plan as a whole, for the actions the
     * organisation owns: that the plan's target completion has passed with some of them open (EPUT's one open action of
     * E203623), and how many follow-ups to them are past their dates, linked to the plan's list of them (NHS England's in P).
     */
    @Test
    void anOrganisationsPageSaysUnderEachPlanWhatIsLateOfTheActionsItOwns() {
        assertThat(page(Routes.organisation("eput")).select("#actions ~ p.plan-flag").text())
                .isEqualTo("Target completion passed The plan was to be complete by 30 January 2026; 1 of the actions it owns in it is still"
                        + " open, though it is not overdue against a target of its own.");
        Plan p = archive.plans().stream().filter(plan -> plan.id().equals("p-independent-investigation")).findFirst().orElseThrow();
        int passed = Plan.followUpsPassed(p.actions().filter(a -> a.isOwnedBy("nhs-england")).toList(), archive.asOf());
        assertThat(passed).as("NHS England's follow-ups in P past their dates").isPositive().isLessThan(p.followUpsPassed(archive.asOf()));
        Element followUps = page(Routes.organisation("nhs-england")).selectFirst("p.followups-passed");
        assertThat(followUps.text()).isEqualTo(passed + " follow-up actions to these actions past their dates without being reported done,"
                + " not counted above.");
        assertThat(followUps.selectFirst("a").attr("href")).isEqualTo("../../" + Routes.plan(p.id()) + "#follow-ups-passed");
    }

    /**
     * A commissioner sees on its page the plans answering the reviews it commissioned, and an investigator those of the
     * investigations it carried out, each with how its actions stand: the partnership that commissioned the domestic
     * homicide review owns none of its thirteen actions, three of them overdue.
     */
    @Test
    void anOrganisationsPageListsThePlansItCommissionedOrInvestigatedAndHowTheyStand() {
        Element commissioned = page(Routes.organisation("birmingham-community-safety-partnership")).selectFirst("#commissioned + p + ul");
        assertThat(commissioned.select("li > a").eachAttr("href")).containsExactly("../../" + Routes.plan("bdhr-2011-12-03"));
        assertThat(commissioned.select("li").text()).endsWith("13 actions: 3 in progress, 10 status not published; 3 overdue;"
                + " 10 past target with no status published");
        List<String> investigated = archive.plans().stream().filter(p -> p.investigatedBy().contains("niche"))
                .map(p -> "../../" + Routes.plan(p.id())).toList();
        assertThat(investigated).hasSize(2);
        assertThat(page(Routes.organisation("niche")).select("#investigated + p + ul > li > a").eachAttr("href"))
                .containsExactlyElementsOf(investigated);
    }

    /**
     * Care UK owns no action but leads a recommendation of the P plan: its page links its data, the JSON document
     * listing what it leads and the plans naming it, which the site's data links too; there is nothing else to download.
     */
    @Test
    void anOrganisationOwningNoActionOffersTheDataOfWhatItLeads() throws Exception {
        Document page = page(Routes.organisation("care-uk"));
        assertThat(page.select("#downloads").text()).isEqualTo("Download its data");
        assertThat(page.select("ul.downloads a").eachAttr("href")).containsExactly("../../organisations/care-uk/organisation.json");
        assertThat(page.select("#follow")).as("nothing to follow").isEmpty();
        assertThat(page.select("ul.downloads")).as("no empty list of downloads for people").hasSize(1);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(site.text(Routes.organisation("care-uk") + Routes.ORGANISATION_JSON));
        assertThat(json.get("leads")).hasSize(1);
        assertThat(json.get("organisation").get("downloads").get("csv").isNull()).isTrue();
    }

    /**
     * The P plan calls actions completed that its latest grading finds only partly so (grade D): beside the count of
     * completed actions, the page says how the plan grades them, so that "17 completed" is not read as more than it is.
     */
    @Test
    void thePlanSaysHowItGradesTheActionsItCallsCompleted() {
        Plan p = archive.plans().stream().filter(pl -> pl.id().equals("p-independent-investigation")).findFirst().orElseThrow();
        long graded = p.actions().filter(a -> a.state().lifecycle().isDone() && a.state().grade() != null).count();
        long partly = p.actions().filter(a -> a.state().lifecycle().isDone() && a.state().grade() != null
                && a.state().grade().code().equalsIgnoreCase("D")).count();
        String grades = page(Routes.plan(p.id())).select("#progress + .completed-grades").text();
        assertThat(partly).isPositive();
        assertThat(grades).startsWith("How the plan grades its completed actions Its latest grading of the actions it reports completed,"
                        + " embedded or closed: ")
                .contains(partly + " grade D: Partially complete");
        assertThat(Pattern.compile("(\\d+) grade ").matcher(grades).results().mapToLong(m -> Long.parseLong(m.group(1))).sum())
                .as("every graded completed action, once").isEqualTo(graded);
        assertThat(page(Routes.plan("eput-e203623")).select(".completed-grades")).as("a plan that grades nothing").isEmpty();
    }

    /** A plan's fragment, pasted into a body's own page, keeps the plan page's warnings and each recommendation's findings. */
    @Test
    void aPlansFragmentKeepsThePagesWarningsAndTheIssuesIdentified() {
        String p = Jsoup.parse(site.text("fragments/plans/p-independent-investigation.html")).text();
        assertThat(p).contains("34 follow-up actions past their dates without being reported done",
                "Recommendations 4 and 5 are not in the plan as published here.");
        String eput = Jsoup.parse(site.text("fragments/plans/eput-e203623.html")).text();
        assertThat(eput).contains("Target completion passed: the plan was to be complete by",
                "1 of its actions is still open, though it is not overdue against a target of its own.",
                "Issues identified: The community mental health team’s multidisciplinary team meeting notes did not routinely record");
    }

    /** Only the one action of a recommendation can be the recommendation itself; one of several without a text says so. */
    @Test
    void anActionWithoutItsOwnTextIsTheRecommendationOnlyWhenItIsItsOnlyAction() {
        Document seven = page(P + "recommendations/7/");
        assertThat(seven.select("article.action")).hasSizeGreaterThan(1);
        assertThat(seven.select("article.action p.note").eachText()).contains("The plan gives this action no description of its own.")
                .noneMatch(t -> t.contains("the recommendation above is the action"));
        assertThat(site.text("fragments/plans/p-independent-investigation.html")).contains("The plan gives this action no description of its own.");
        // an organisation's fragment shows each action with its recommendation, not under it: the same holds there
        Document nhsEngland = Jsoup.parse(site.text("fragments/organisations/nhs-england.html"));
        for (String ref : List.of("7-1", "7-2")) {
            Element action = nhsEngland.getElementById("ft-organisation-nhs-england-plan-p-independent-investigation-action-" + ref);
            assertThat(action.select("h4 ~ .ft-note").eachText()).as(ref)
                    .containsExactly("The plan gives this action no description of its own. The recommendation it answers:");
            assertThat(action.selectFirst(".ft-description").text()).as("what it answers, there being no recommendation above it")
                    .startsWith("Healthcare staff at both HMP Hewell and HMP Birmingham");
        }
    }

    /** The contents of a plan list every recommendation in number order, those addressed without further action among them. */
    @Test
    void aPlansContentsKeepTheRecommendationsInNumberOrder() {
        assertThat(page("plans/eput-e203623/").select("ul.contents > li > a").eachText()).containsExactly("Recommendation 1",
                "Recommendation 2", "Recommendation 3", "Recommendation 4", "Recommendation 5", "Recommendation 6", "Recommendation 7",
                "Recommendation 8", "Recommendation 9");
        assertThat(page("plans/eput-e203623/").select("ul.contents > li").eachText()).filteredOn(t -> t.contains("addressed without"))
                .hasSize(3);
        assertThat(java.util.stream.Stream.of("10", "3.1", "2", "3a", "3", "1").sorted(org.followthrough.render.view.ViewFactory.NUMBER_ORDER))
                .containsExactly("1", "2", "3", "3.1", "3a", "10");
    }

    /** Every plan is under one year, or under "Year not known" (the domestic homicide review dates nothing of its own). */
    @Test
    void thePlansByYearAddUpToEveryPlan() {
        List<String> years = page("plans/").getElementById("by-year").nextElementSibling().select("li").eachText();
        assertThat(years).last().isEqualTo("Year not known (1)");
        assertThat(years.stream().mapToInt(t -> Integer.parseInt(t.replaceAll(".*\\((\\d+)\\)$", "$1"))).sum())
                .isEqualTo(archive.plans().size());
    }

    /**
     * The list of plans is "the newest first" in the years it is narrowed by: the P plan, placed in 2018 by its first
     * update, comes before the domestic homicide review, which dates nothing.
     */
    @Test
    void theListOfPlansIsInTheOrderOfItsYears() {
        List<String> years = new java.util.ArrayList<>();
        for (Element card : page("plans/").select("li.card")) {
            String title = card.selectFirst(".card-title").text();
            Plan plan = archive.plans().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
            years.add(plan.placedOn() == null ? "not known" : String.valueOf(plan.placedOn().getYear()));
        }
        assertThat(years).containsExactly("2025", "2022", "2020", "2018", "not known");
    }

    /** In every table of actions the status comes straight after the action: on a phone each row is a card, read top down. */
    @Test
    void everyTableOfActionsGivesTheStatusStraightAfterTheAction() {
        for (String path : List.of("actions/", "actions/overdue/", P, "organisations/west-midlands-police/", "themes/risk-assessment/")) {
            List<String> labels = page(path).select("table.action-table tbody tr").stream()
                    .map(row -> row.select("> td").eachAttr("data-label").toString()).distinct().toList();
            assertThat(labels).as(path).isNotEmpty().allMatch(l -> l.contains("Action, Status, Owner, Target"));
        }
    }

    @Test
    void aLongListOfOrganisationsShowsTheFirstFewAndTheRestOnRequest() {
        Element organisations = page(P).select("dt:contains(Organisations involved) + dd").first();
        assertThat(organisations.select("> ul.org-list > li")).hasSize(4);
        assertThat(organisations.selectFirst("details > summary").text()).isEqualTo("and 23 more organisations");
        Element few = page("plans/eput-e203623/").select("dt:contains(Organisations involved) + dd").first();
        assertThat(few.select("details")).as("a short list stays whole").isEmpty();
    }

    // ---------------------------------------------------------------- finding a recommendation

    /** The contents number recommendations as the plan does, give each one's subject, and say which numbers are missing. */
    @Test
    void recommendationsAreListedByTheirOwnNumbersWithTheirSubjects() {
        Document plan = page(P);
        assertThat(plan.select("ol.contents")).as("no list numbers of its own to contradict the plan's").isEmpty();
        List<String> entries = plan.select("ul.contents > li").eachText();
        assertThat(entries.get(3)).startsWith("Recommendation 6 Before the decision is made by the police to remove safety");
        assertThat(entries).anySatisfy(e -> assertThat(e).startsWith("Recommendation 9 The new electronic health record (EHR)"));
        assertThat(plan.selectFirst("#recommendations + p").text())
                .isEqualTo("Recommendations 4 and 5 are not in the plan as published here; about this transcription says what is known.");
        assertThat(page(BDHR).selectFirst("#recommendations + p").text()).startsWith("Recommendations 3, 4 and 6 are not in the plan");
        assertThat(page("plans/kmpt-mr-s/").select("#recommendations + p.note")).as("one recommendation, numbered 10, of a plan that"
                + " transcribes only part of its document").isNotEmpty();
    }

    /** The P plan was one page of 129 phone screens; each recommendation now has its own, a few screens long. */
    @Test
    void eachRecommendationHasAShortPageOfItsOwn() {
        Document nine = page(P + "recommendations/9/");
        assertThat(nine.selectFirst("h1").text()).isEqualTo("Recommendation 9");
        assertThat(nine.select("article.action").eachAttr("id")).containsExactly("action-9-1");
        assertThat(nine.text()).contains("electronic health record");
        assertThat(nine.select("nav.pager a[rel=prev]").text()).isEqualTo("Previous Recommendation 8");
        assertThat(nine.select("nav.pager a[rel=next]").text()).isEqualTo("Next Recommendation 10");
        assertThat(page(P).select("article.action")).as("the plan's page lists its actions, without each in full").isEmpty();
        assertThat(page(P).select("tr[id^=action-]")).hasSize(25);
    }

    // ---------------------------------------------------------------- words

    @Test
    void aTargetThatAlreadySaysItsDateIsNotFollowedByItAgain() {
        Element row = page(P).getElementById("action-1-1");
        assertThat(row.select("td[data-label=Target]").text()).isEqualTo("Completed August 2016");
        assertThat(page(BDHR).select("td[data-label=Target]").first().text()).as("wording that does not say its date")
                .isEqualTo("Apr-14 (April 2014)");
        assertThat(page(P).getElementById("action-3-1").select("td[data-label=Target]").text())
                .as("wording that gives no date is quoted, not shown as a date").isEqualTo("“Completed” (no date can be read from it)");
    }

    /**
     * "date not published" stood under almost every status in the lists: a plan that dates none of its statuses says so
     * once, a plan that dates some says once how many it does not, and only an action's own page says it of the action.
     */
    @Test
    void statusesWithoutADateAreSaidSoOncePerPlanNotInEveryRow() {
        for (String path : pages()) {
            assertThat(page(path).select("td[data-label=Status]").text()).as(path).doesNotContain("date not published");
        }
        Plan p = archive.plans().stream().filter(plan -> plan.id().equals("p-independent-investigation")).findFirst().orElseThrow();
        long statuses = p.actions().filter(a -> a.state().status() != null).count();
        long undated = p.actions().filter(a -> a.state().status() != null && a.state().statusSince() == null).count();
        assertThat(undated).as("the P plan dates some of its statuses, not all").isPositive().isLessThan(statuses);
        assertThat(page(P).select("#progress").text())
                .contains("The plan does not say when " + undated + " of the " + statuses + " actions with a status here reached it: lists show those"
                        + " statuses without a date.");
        assertThat(page(P + "recommendations/6/").getElementById("action-6-1").selectFirst(".action-status").text())
                .startsWith("Completed since a date not published");
        // a recommendation's page counts its own actions, not the plan's
        for (org.followthrough.model.Recommendation r : p.recommendations()) {
            long own = r.actions().stream().filter(a -> a.state().status() != null).count();
            long ownUndated = r.actions().stream().filter(a -> a.state().status() != null && a.state().statusSince() == null).count();
            String note = page(P + "recommendations/" + r.number() + "/").select("#progress").text();
            if (ownUndated == 0) {
                assertThat(note).as("recommendation %s", r.number()).doesNotContain("does not say when");
            } else if (ownUndated == own) {
                assertThat(note).as("recommendation %s", r.number()).contains(own == 1 ? "does not say when the one action with a status here reached it"
                        : "does not say when this recommendation's actions reached the statuses they have now");
            } else {
                assertThat(note).as("recommendation %s", r.number()).contains("does not say when " + ownUndated + " of the " + own + " actions with a status here");
            }
        }
        assertThat(page(BDHR).select("#progress").text()).contains("it publishes no dates for them");
        for (String path : pages()) {
            if (path.startsWith(BDHR)) {
                assertThat(site.text(path)).as(path).doesNotContain("date not published");
            }
        }
    }

    /**
     * On a phone a theme's page repeated, in bold under each recommendation's heading, its table's caption with the plan's
     * whole title, five lines each time: the caption is for screen readers, naming the plan by its short name, and the
     * heading above says which recommendation to the eye.
     */
    @Test
    void aThemesTablesAreCaptionedForScreenReadersByThePlansShortName() {
        org.jsoup.select.Elements captions = page("themes/discharge-and-follow-up/").select("table.action-table caption");
        assertThat(captions).isNotEmpty().allMatch(c -> c.hasClass("visually-hidden"));
        assertThat(captions.eachText()).contains("Actions under recommendation 15 of Independent investigation: P")
                .noneMatch(c -> c.contains("Improvement Plan in response"));
    }

    /**
     * The accessibility statement said every page could be used with JavaScript turned off, but searching cannot: it says so
     * among its known limitations, as the search page does without script.
     */
    @Test
    void theAccessibilityStatementSaysSearchingNeedsJavaScript() {
        Document statement = page("accessibility/");
        assertThat(statement.select("main li").eachText()).noneMatch(item -> item.startsWith("use every page"))
                .anyMatch(item -> item.startsWith("Searching needs JavaScript."));
        assertThat(page("search/").select("[data-search-fallback] p").text()).startsWith("Searching needs JavaScript");
    }

    /**
     * A list away from the plans' pages (every action, an organisation's) showed "Completed" with no date beside
     * "Completed since 3 May 2016", and nothing on the page said why: it says once, above its rows, how many statuses
     * their plans published without a date.
     */
    @Test
    void listsAcrossPlansSayOnceHowManyStatusesHaveNoDate() {
        long undated = archive.plans().stream().flatMap(Plan::actions).filter(a -> a.state().status() != null && a.state().statusSince() == null)
                .count();
        assertThat(undated).as("the shipped plans publish statuses without a date").isGreaterThan(1);
        assertThat(page("actions/").select("main p.note").eachText())
                .contains("The plans do not say when " + undated + " of these actions reached their statuses: their rows show those statuses without a date.");

        Plan eput = archive.plans().stream().filter(plan -> plan.id().equals("eput-e203623")).findFirst().orElseThrow();
        long eputUndated = eput.actions().filter(a -> a.isOwnedBy("eput") && a.state().status() != null && a.state().statusSince() == null)
                .count();
        assertThat(eputUndated).as("EPUT's plan dates none of its statuses").isGreaterThan(1);
        assertThat(page("organisations/eput/").select("main p.note").eachText())
                .contains("The plan does not say when " + eputUndated + " of these actions reached their statuses: their rows show those statuses without a date.");
        assertThat(page(P).select("main p.note").eachText()).as("the plan's own page says it once, in its summary")
                .noneMatch(note -> note.contains("their rows show those statuses without a date"));
    }

    @Test
    void theHomePageCountsPlansAndTheOrganisationsNamedInThem() {
        Document home = page("");
        assertThat(home.select("main > p").text()).contains("5 plans; 35 organisations are named in them.");
        assertThat(home.select("h2#downloads").text()).isEqualTo("Download all 5 plans");
        Document one = Jsoup.parse(small.text("index.html"));
        assertThat(one.select("main > p").text()).contains("1 plan; 2 organisations are named in it.");
        assertThat(one.select("h2#downloads").text()).isEqualTo("Download the plan");
    }

    /**
     * A commissioner the plan names only as such (not among its organisations, owning nothing) is one of the organisations
     * named in it: the home page counts it, as the list of organisations lists it, and its page lists the plan, once.
     */
    @Test
    void anOrganisationNamedOnlyAsTheCommissionerIsCountedAndListedAsNamedInThePlan(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws java.io.IOException {
        java.nio.file.Path content = TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("content"));
        java.nio.file.Files.writeString(content.resolve("organisations/nhs-england.yaml"), "name: NHS England\ntype: commissioner\n");
        org.followthrough.support.Folders.replace(content.resolve("plans/sample-review/plan.yaml"), "commissioned_by: [sample-police]",
                "commissioned_by: [sample-police, nhs-england]");
        MemoryPublisher built = TestBuilds.buildInMemory(content);

        assertThat(Jsoup.parse(built.text("index.html")).select("main > p").text()).contains("1 plan; 3 organisations are named in it.");
        assertThat(Jsoup.parse(built.text("organisations/index.html")).select("main table tbody tr")).hasSize(3);
        // listed once, as a plan it commissioned, and not again among the other plans it is named in
        Document organisation = Jsoup.parse(built.text("organisations/nhs-england/index.html"));
        assertThat(organisation.select("#commissioned + p + ul a").eachText()).containsExactly("Sample safety action plan");
        assertThat(organisation.select("main a").eachText()).filteredOn(text -> text.contains("Sample safety action plan")).hasSize(1);
        assertThat(organisation.select("#named-in")).isEmpty();
    }

    /**
     * The EPUT plan began in October 2025 but dates none of its progress: the home page's "latest dated update" (August 2022)
     * and its order of plans, by their latest dated update, say that plans without one are counted apart and come last.
     */
    @Test
    void theHomePageSaysWhichPlansDateNoneOfTheirProgress() {
        Document home = page("");
        List<Plan> undated = archive.plans().stream().filter(p -> p.actions().flatMap(a -> a.progress().stream())
                .allMatch(u -> u.date() == null)).toList();
        assertThat(undated).extracting(Plan::id).contains("eput-e203623");
        assertThat(home.select("main > p").text()).contains("the latest dated update any plan publishes is of 16 August 2022 ("
                + undated.size() + " plans date none of their updates).");
        assertThat(home.select(".card-list + p, .card-list").first().previousElementSibling().text())
                .isEqualTo("By the date of their latest dated update; the " + undated.size() + " that date none come last.");
        List<String> cards = home.select(".card-list > li a[href^=./plans/]:not([href*=#])").eachAttr("href").stream().distinct().toList();
        List<String> last = cards.subList(cards.size() - undated.size(), cards.size());
        assertThat(last).containsExactlyInAnyOrderElementsOf(undated.stream().map(p -> "./plans/" + p.id() + "/").toList());
    }

    /** A role that ends with its organisation's name is not followed by the name again; the data keeps the role as published. */
    @Test
    void anOwnersLineNamesTheOrganisationOnce() {
        String trust = "Black Country Partnership NHS Foundation Trust";
        Element owner = page("plans/p-independent-investigation/recommendations/1/").selectFirst("#action-1-1 dt:containsOwn(Owner) + dd");
        assertThat(owner.text()).isEqualTo("Joyce Fletcher, Director of Nursing, " + trust);
        assertThat(owner.select("a").text()).isEqualTo(trust);
        assertThat(site.text("plans/p-independent-investigation/actions.csv")).contains("Director of Nursing, " + trust);
    }

    @Test
    void noLinkOffersAnEmptyList() {
        Pattern count = Pattern.compile("\\((\\d+)\\)$");
        for (String path : pages()) {
            for (Element link : page(path).select("ul.filters a")) {
                Matcher m = count.matcher(link.text());
                if (m.find()) {
                    assertThat(Integer.parseInt(m.group(1))).as(path + ": " + link.text()).isPositive();
                }
            }
        }
        assertThat(Jsoup.parse(small.text("actions/index.html")).select("ul.filters a").eachText())
                .as("the small site has nothing past its target without a status").noneMatch(t -> t.startsWith("Target passed"));
    }

    @Test
    void downloadsSayWhatTheyAreForAndKeepFilesForOtherProgramsApart() {
        Document plan = page(P);
        List<String> forPeople = plan.select("h2#downloads + ul.downloads > li").eachText();
        assertThat(forPeople).allSatisfy(label -> assertThat(label).doesNotStartWith("CSV").doesNotStartWith("JSON").doesNotStartWith("Atom"));
        assertThat(String.join("\n", forPeople)).contains("Summary to read or print (PDF", "Every action, to open in a spreadsheet (CSV",
                "to follow in a feed reader (news feed, Atom", "Target dates, to add to a calendar (calendar file, iCalendar")
                .doesNotContain("CSVW", "JSON Feed");
        assertThat(plan.select("details.more:has(summary:contains(Files for other programs)) li").eachText())
                .anySatisfy(l -> assertThat(l).contains("CSVW")).anySatisfy(l -> assertThat(l).contains("JSON Feed"));
    }

    // ---------------------------------------------------------------- what is known

    /** An action with no published status and a past target is not "overdue": only what the source says is said. */
    @Test
    void aPassedTargetWithoutAPublishedStatusIsNotCalledOverdue() {
        List<Action> unstated = archive.plans().stream().flatMap(Plan::actions).filter(a -> a.state().targetPassedWithoutStatus()).toList();
        assertThat(unstated).hasSize(10);
        Document table = page("actions/");
        for (Element row : table.select("tr[data-status=not_stated]")) {
            assertThat(row.select(".tag--overdue")).as(row.id()).isEmpty();
        }
        assertThat(table.select("tr[data-status=not_stated] .tag--passed").eachText())
                .hasSize(10).containsOnly("Target date passed; no status published");
        assertThat(page("").select(".flags-summary").first().text()).contains("8 overdue").contains("10 past target with no status published");
        assertThat(page("actions/target-passed-no-status/").select("tbody tr")).hasSize(10);
    }

    /** A plan's page lists its parts near the top, each link leading to a part the page has, the recommendations always among them. */
    @Test
    void aPlansPageListsItsPartsAndEachLeadsToOneOnThePage() {
        for (Plan plan : archive.plans()) {
            Document page = page(Routes.plan(plan.id()));
            List<String> links = page.select("nav[aria-labelledby=on-this-page] a").eachAttr("href");

            assertThat(links).as(plan.id()).contains("#recommendations", "#every-action", "#about-plan");
            for (String link : links) {
                assertThat(page.getElementById(link.substring(1))).as(plan.id() + " " + link).isNotNull();
            }
        }
    }

    /** A count of late actions leads to the actions themselves, not only to what the word means; each says its status and last update. */
    @Test
    void aCountOfOverdueActionsLeadsToThoseActionsWithTheirStatusAndLastUpdate() {
        Document rec = page("plans/p-independent-investigation/recommendations/7/");
        Element count = rec.select(".flags-summary a").stream().filter(a -> a.text().equals("1 overdue")).findFirst().orElseThrow();
        Element action = rec.getElementById(count.attr("href").substring(1));

        assertThat(count.attr("href")).startsWith("#");
        assertThat(action).isNotNull();
        assertThat(action.select(".action-status .tag--overdue").eachText()).containsExactly("Overdue");
        assertThat(rec.select(".overdue-named a").eachText()).as("named beside the count").containsExactly("Action 7.2");
        assertThat(page(P).select("#overdue-actions + ul.late-list li").first().text())
                .startsWith("Action 7.2:").endsWith("Status: in progress; last dated update 28 November 2018.");
    }

    @Test
    void aPlanPastItsTargetCompletionWithActionsOpenSaysSoOnItsCardAndPage() {
        // the flag's words say whether open actions are overdue, as its colour and shape do: a screen reader hears the words
        String flag = "Target completion passed, actions overdue The plan was to be complete by Spring 2025 (May 2025); 1 of its actions is still open.";
        assertThat(Jsoup.parse(small.text("plans/sample-review/index.html")).select("#progress .plan-flag").text()).isEqualTo(flag);
        assertThat(Jsoup.parse(small.text("index.html")).select("li.card .plan-flag").text()).isEqualTo(flag);
        assertThat(Jsoup.parse(small.text("index.html")).select("li.card .plan-flag .tag--overdue")).as("its open action is overdue").hasSize(1);
        Element eput = page("plans/eput-e203623/").selectFirst(".plan-flag");
        assertThat(eput.text()).as("its open action's target gives no date").isEqualTo("Target completion passed The plan was to be"
                + " complete by 30 January 2026; 1 of its actions is still open, though it is not overdue against a target of its own.");
        assertThat(eput.select(".tag--overdue")).as("not told as overdue").isEmpty();
        assertThat(eput.select(".tag--passed")).hasSize(1);
        assertThat(page(P).select(".plan-flag")).as("a plan with no target completion").isEmpty();
    }

    /** The bar's parts and the key's swatches come in the same order with the same patterns, and each swatch is named in words. */
    @Test
    void theStatusBarHasAKeyThatDoesNotRelyOnColour() {
        for (String path : List.of("", "actions/", P, "organisations/west-midlands-police/")) {
            Element summary = page(path).selectFirst("div.bar");
            List<String> parts = summary.select("span").eachAttr("class");
            Element key = summary.nextElementSiblings().select("ul.counts").first();
            assertThat(key.select(".swatch").stream().map(s -> s.className().replace("swatch ", "")).toList()).as(path).isEqualTo(parts);
            assertThat(key.select("li")).allSatisfy(li -> assertThat(li.text()).matches("\\d+ [a-z ]+"));
        }
        String css = site.text("assets/followthrough.css");
        for (String stage : List.of("completed", "embedded", "in_progress", "not_started", "closed", "not_stated")) {
            assertThat(css).as("a fill for " + stage).contains(".fill--" + stage + " {");
        }
    }

    @Test
    void theGradeStandsBesideTheStatusAndAFollowUpSaysWhatIsNotKnown() {
        Element action = page(P + "recommendations/6/").getElementById("action-6-1");
        assertThat(action.selectFirst(".action-status").text()).isEqualTo("Completed since a date not published · grade D: Partially complete");
        assertThat(page(P).getElementById("action-6-1").select("td[data-label=Status]").text()).isEqualTo("Completed · grade D: Partially complete");
        Element followUp = action.selectFirst("table.follow-ups tbody tr");
        assertThat(followUp.select("td[data-label=Status]").text()).isEqualTo("Status not published Date passed");
    }

    // ---------------------------------------------------------------- names

    /** Readers scan and choose organisations and plans by name: full names, short ones second. */
    @Test
    void tablesNameOrganisationsAndPlansInFull() {
        Document actions = page("actions/");
        assertThat(actions.select("a.owner").eachText()).contains("West Midlands Police", "Essex Partnership University NHS Foundation Trust")
                .doesNotContain("WMP", "EPUT", "BCC", "FTB");
        assertThat(actions.select("a.plan").eachText()).contains("EPUT Safety Action Plan", "Independent investigation: P")
                .doesNotContain("E203623");
        assertThat(page("organisations/").select("tbody th").eachText()).contains("West Midlands Police (WMP)");
    }

    /** The status words: common stages in the counts, the filters and the tags; the plan's own word second. */
    @Test
    void statusWordsAreTheCommonStagesEverywhere() {
        Document actions = page("actions/");
        assertThat(actions.select("ul.filters a").eachText()).contains("In progress (11)", "Completed and embedded (3)");
        assertThat(actions.select("ul.counts li").eachText()).contains("11 in progress");
        assertThat(actions.select("td[data-label=Status] .tag:not(.tag--overdue):not(.tag--passed):not(.tag--stale)").eachText())
                .containsOnly("Not started", "In progress", "Completed", "Completed and embedded", "Status not published");
        assertThat(actions.select("td[data-label=Status] .own-wording").eachText()).contains("as published: “Complete and ongoing”",
                "as published: “Action ongoing”");
    }

    /** "Not updated recently" says when the action was last heard of, so that seven months and seven years read apart. */
    @Test
    void anActionNotUpdatedRecentlySaysWhenItWasLastUpdated() {
        Document stale = page("actions/not-updated-recently/");
        List<String> since = stale.select("td[data-label=Status] .stale-since").eachText();

        assertThat(since).hasSameSizeAs(stale.select("td[data-label=Status] .tag--stale"))
                .contains("no dated update published", "last dated update 28 November 2018");
    }

    // ---------------------------------------------------------------- counting

    @Test
    void theOrganisationsTableSaysHowSharedActionsAreCountedAndIsInAlphabeticalOrder() {
        Document organisations = page("organisations/");
        assertThat(organisations.text()).contains("An action shared by several organisations counts once for each of them here",
                "(48 actions, 23 completed or closed, 8 overdue, 10 past their target with no status published)");
        assertThat(organisations.select("table[data-sortable]")).hasSize(1);
        List<String> names = organisations.select("tbody th a").eachText();
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(organisations.select("script[src$=assets/sort.js]")).hasSize(1);
    }

    // ---------------------------------------------------------------- following a plan

    @Test
    void everyPlanSaysHowToFollowItAndWhenThereIsNothingToFollowYet() {
        for (Plan plan : archive.plans()) {
            Document doc = page(Routes.plan(plan.id()));
            assertThat(doc.select("#follow").text()).as(plan.id()).isEqualTo("How to follow this plan");
            assertThat(doc.select("ul.follow a").eachText()).as(plan.id()).contains("Follow the progress updates in a feed reader");
        }
        assertThat(page(BDHR).select("#follow + p").text()).contains("No dated progress update has been published for this plan yet");
        assertThat(page(BDHR).select("#progress").text()).contains("No dated update published");
        assertThat(page(P).select("#follow + p")).as("a plan with dated updates").isEmpty();
    }

    /** A feed opened in a browser shows a page saying what it is and how to follow it: its stylesheet, applied here as a browser would. */
    @Test
    void aFeedOpenedInABrowserShowsHowToFollowIt() throws Exception {
        String feed = site.text(BDHR + "progress.xml");
        assertThat(feed.lines().skip(1).findFirst().orElseThrow()).isEqualTo("<?xml-stylesheet type=\"text/xsl\" href=\"../../assets/feed.xsl\"?>");
        assertThat(site.text("data/progress.xml")).contains("<?xml-stylesheet type=\"text/xsl\" href=\"../assets/feed.xsl\"?>");
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer(new StreamSource(new StringReader(site.text("assets/feed.xsl"))))
                .transform(new StreamSource(new StringReader(feed)), new StreamResult(out));
        Document shown = Jsoup.parse(out.toString());
        assertThat(shown.selectFirst("h1").text()).startsWith("Progress updates: Domestic Homicide Review");
        assertThat(shown.text()).contains("This is a news feed.", "copy this page's address", "No progress update with a date has been published yet");
        StringWriter withUpdates = new StringWriter();
        TransformerFactory.newInstance().newTransformer(new StreamSource(new StringReader(site.text("assets/feed.xsl"))))
                .transform(new StreamSource(new StringReader(site.text(P + "progress.xml"))), new StreamResult(withUpdates));
        assertThat(Jsoup.parse(withUpdates.toString()).select("main ol li a").eachAttr("href"))
                .isNotEmpty().allSatisfy(href -> assertThat(href).contains("/recommendations/"));
    }

    // ---------------------------------------------------------------- words defined

    @Test
    void everyPageLinksTheGuideToItsWordsFromItsHeader() {
        for (String path : pages()) {
            assertThat(page(path).select("header nav a").eachText()).as(path).contains("How to read these plans");
        }
        Document about = page("about/");
        for (String term : List.of("status", "since", "overdue", "target-passed", "not-updated-recently", "targets", "grades",
                "follow-ups", "last-update", "counts", "plans", "charts", "follow")) {
            assertThat(about.getElementById(term)).as("a definition of " + term).isNotNull();
        }
        assertThat(about.text()).contains("Assurance grade", "completed or closed", "Target completion passed", "Date passed",
                "Status not published", "as published", "Some actions overdue", "No status published");
    }

    /** A reader of the data finds its schemas from the guide to the site, each a file the site publishes. */
    @Test
    void theGuideToTheSiteLinksTheSchemasOfItsData() {
        List<String> schemas = page("about/").select("#downloads ~ p a[href*=schema/]").eachAttr("href");
        assertThat(schemas).containsExactly("../schema/plan-data.schema.json", "../schema/organisation-data.schema.json",
                "../schema/site-data.schema.json");
        for (String schema : List.of(Routes.PLAN_SCHEMA, Routes.ORGANISATION_SCHEMA, Routes.SITE_SCHEMA)) {
            assertThat(site.files()).as(schema).containsKey(schema);
        }
    }

    /**
     * Every flag a reader meets on a page, in every form it takes there (its wording, colour class and sign), is
     * explained on the page about reading the plans in the same form, so that a red flag is not explained only as grey.
     */
    @Test
    void everyFlagOnThePagesIsExplainedInTheSameFormOnTheAboutPage() {
        java.util.function.Function<Element, String> form = tag -> tag.className() + " | " + tag.select("svg use").attr("href") + " | " + tag.text();
        Set<String> explained = page("about/").select("strong.tag").stream().map(form).collect(java.util.stream.Collectors.toSet());
        Set<String> seen = new java.util.TreeSet<>();
        for (String path : pages()) {
            if (!path.startsWith("about/")) {
                page(path).select("strong.tag").stream().map(form).filter(f -> f.contains("Target completion passed") || f.contains("Overdue")
                        || f.contains("Target date passed") || f.contains("Not updated recently")).forEach(seen::add);
            }
        }
        assertThat(seen).as("the shipped site shows the plan's flag where none of its open actions is overdue")
                .anyMatch(f -> f.contains("tag--passed") && f.contains("Target completion"));
        assertThat(explained).containsAll(seen);
    }

    // ---------------------------------------------------------------- finding a plan

    /** Each way of narrowing the list of plans is a page listing exactly the plans it should, reached by links. */
    @Test
    void theListOfPlansNarrowsByOrganisationKindYearAndStatusWithoutScript() {
        Document all = page("plans/");
        assertThat(all.select("li.card")).hasSize(archive.plans().size());
        assertThat(all.select("#by-status + ul a").eachText()).containsExactly("Some actions overdue (2)",
                "Past target completion, none overdue (1)", "Every action complete or closed (1)", "No status published (1)");
        assertThat(page(Routes.planFilter("status", "past-completion")).select("li.card").eachText()).as("a plan flagged late is found as late")
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("Target completion passed");
        for (PlanKind kind : archive.plans().stream().map(Plan::kind).distinct().toList()) {
            String path = Routes.planFilter("kind", kind.code().replace('_', '-'));
            List<String> titles = page(path).select("li.card .card-title").eachText();
            assertThat(titles).as(path).containsExactlyElementsOf(archive.plans().stream().filter(p -> p.kind() == kind).map(Plan::title).toList());
        }
        assertThat(page(Routes.planFilter("organisation", "west-midlands-police")).select("li.card .card-title").eachText())
                .contains("Improvement Plan in response to recommendations outlined in the Independent Investigation into the Care and Treatment of P",
                        "Domestic Homicide Review BDHR2011/12-03 Action Plan");
        assertThat(all.select("details:has(summary:contains(By organisation)) a").eachText()).contains("West Midlands Police (WMP) (2)");
        assertThat(page(Routes.planFilter("year", "2022")).select("li.card .card-title").eachText())
                .containsExactly("Update on recommendation actions 16/08/22");
        assertThat(page(Routes.planFilter("status", "not-stated")).select("li.card .card-title").eachText())
                .containsExactly("Update on recommendation actions 16/08/22");
    }

    /** Every plan card says when its last dated update was published, or that it has none. */
    @Test
    void everyCardSaysWhenItsPlanWasLastUpdated() {
        for (Element card : page("plans/").select("li.card")) {
            assertThat(card.selectFirst(".last-update").text()).matches("Last update published: \\d{1,2} \\w+ \\d{4}|No dated update published");
        }
    }
}

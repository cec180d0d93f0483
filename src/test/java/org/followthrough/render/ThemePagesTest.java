package org.followthrough.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Themes as a reader finds them: a page per theme listing the recommendations and actions of every
 * plan under it with their status, the list of themes, the home page's counts, the plan pages, and an
 * organisation's own site, which shows only what it owns. The small site names a theme on a
 * recommendation (record keeping), one on an action only (audit), and has one with nothing under it.
 */
class ThemePagesTest {

    private static MemoryPublisher small;
    private static MemoryPublisher shipped;

    @BeforeAll
    static void build() {
        small = TestBuilds.buildInMemory(TestBuilds.fixture("small"));
        shipped = TestBuilds.buildInMemory(TestBuilds.SHIPPED_CONTENT);
    }

    private static Document page(MemoryPublisher site, String path) {
        return Jsoup.parse(site.text(path));
    }

    @Test
    void anActionComesUnderItsRecommendationsThemesAndItsOwn() {
        Document recordKeeping = page(small, "themes/record-keeping/index.html");
        assertThat(recordKeeping.select("table.action-table tbody tr").text()).contains("Action 1.1", "Action 1.2");
        Document audit = page(small, "themes/audit/index.html");
        assertThat(audit.select("table.action-table tbody tr").text()).contains("Action 1.2").doesNotContain("Action 1.1");
        assertThat(audit.text()).contains("The recommendation itself is not under this theme");
    }

    @Test
    void aThemePageGivesEachActionsStatusAsEveryListingDoes() {
        Element row = page(small, "themes/record-keeping/index.html").select("table.action-table tbody tr").get(1);
        assertThat(row.select(".tag--in_progress").text()).isEqualTo("In progress");
        assertThat(row.select(".own-wording").text()).isEqualTo("as published: “Open”");
        assertThat(row.select(".tag--overdue").text()).isEqualTo("Overdue");
        Document theme = page(small, "themes/record-keeping/index.html");
        assertThat(theme.select(".counts-total").text()).isEqualTo("2 actions:");
        assertThat(theme.select("ul.counts").text()).contains("1 in progress", "1 completed");
    }

    @Test
    void aThemePageSaysThemesAreAnEditorialJudgementAndWhoMayChangeThem() {
        String text = page(small, "themes/audit/index.html").select(".callout").text();
        assertThat(text).contains("editorial judgement of Sample Partnership", "not part of the plans as published",
                "only they may change them");
        assertThat(page(small, "themes/index.html").select(".callout").text()).contains("editorial judgement", "only they may change them");
    }

    @Test
    void aThemeWithNothingUnderItHasAPageSayingSo() {
        assertThat(page(small, "themes/risk-assessment/index.html").text()).contains("No recommendation or action")
                .doesNotContain("Action 1.");
    }

    @Test
    void homeAndTheListOfThemesCountWhatComesUnderEach() {
        Element list = page(small, "index.html").selectFirst("ul.theme-list");
        assertThat(list.select("li").eachText()).containsExactly("Record keeping: 1 recommendation, 2 actions",
                "Audit and assurance: 1 recommendation, 1 action", "Risk assessment: 0 recommendations, 0 actions");
        assertThat(list.select("a").eachAttr("href")).containsExactly("themes/record-keeping/", "themes/audit/", "themes/risk-assessment/");
        Element row = page(small, "themes/index.html").select("tbody tr").first();
        assertThat(row.selectFirst("th a").text()).isEqualTo("Record keeping");
        assertThat(row.selectFirst("th").text()).contains("What practitioners record");
        assertThat(row.select("td").eachText()).as("recommendations, actions, done, overdue, target passed with no status")
                .containsExactly("1", "2", "1", "1", "0");
    }

    /** Actions whose targets passed with no status published are not known to be done; the list of themes counts them as each theme's page does. */
    @Test
    void theListOfThemesCountsActionsPastTheirTargetsWithNoStatusAsEachThemesPageDoes() {
        Map<String, String> listed = new java.util.TreeMap<>();
        Map<String, String> onItsPage = new java.util.TreeMap<>();
        for (Element row : page(shipped, "themes/index.html").select("tbody tr")) {
            String path = row.selectFirst("th a").attr("href").replaceFirst("^\\.\\./", "");
            listed.put(path, row.selectFirst("td[data-label='Target passed, no status published']").text());
            java.util.regex.Matcher count = java.util.regex.Pattern.compile("(\\d+) past target with no status published")
                    .matcher(page(shipped, path + "index.html").select("ul.flags-summary").text());
            onItsPage.put(path, count.find() ? count.group(1) : "0");
        }
        assertThat(listed).isEqualTo(onItsPage).containsValue("1").containsValue("3");
    }

    @Test
    void recommendationPagesLinkEachRecommendationAndActionToItsThemes() {
        Document plan = page(small, "plans/sample-review/recommendations/1/index.html");
        assertThat(plan.select(".recommendation-text dl a[href*=themes]").eachAttr("href")).containsExactly("../../../../themes/record-keeping/");
        assertThat(plan.select("#action-1-2 dl a[href*=themes]").eachText()).containsExactly("Record keeping", "Audit and assurance");
        assertThat(plan.select("#action-1-1 dl a[href*=themes]")).as("no more than its recommendation's themes").isEmpty();
    }

    @Test
    void themesAreInTheCsvAndJsonDownloads() throws IOException {
        assertThat(small.text("plans/sample-review/actions.csv")).contains(",Themes,Theme IDs,", ",Record keeping; Audit and assurance,record-keeping; audit,");
        assertThat(json("plans/sample-review/actions.csv-metadata.json").get("tableSchema").get("columns").findValuesAsText("name"))
                .contains("themes", "theme_ids");
        JsonNode action = json("plans/sample-review/plan.json").get("plan").get("recommendations").get(0).get("actions").get(1);
        assertThat(action.get("themes").findValuesAsText("url")).containsExactly("https://plans.example/themes/record-keeping/",
                "https://plans.example/themes/audit/");
        assertThat(json("data/site.json").get("themes_note").asText()).isEqualTo("The test editors gave these themes; only they may change them.");
    }

    private static JsonNode json(String path) throws IOException {
        return new ObjectMapper().readTree(small.text(path));
    }

    @Test
    void aThemeListsEveryPlanAndOrganisationWithActionsUnderIt() {
        Document families = page(shipped, "themes/families-and-carers/index.html");
        assertThat(families.select("h2 a").eachText()).contains("Domestic Homicide Review BDHR2011/12-03 Action Plan",
                "EPUT Safety Action Plan");
        assertThat(families.select("table.action-table tbody tr .owner").eachText()).contains("Birmingham City Council",
                "Birmingham and Solihull Mental Health NHS Foundation Trust", "Essex Partnership University NHS Foundation Trust");
    }

    @Test
    void anOrganisationsOwnSiteListsOnlyWhatItOwnsUnderEachTheme() {
        BuildRequest all = TestBuilds.request(TestBuilds.fixture("small"), null);
        MemoryPublisher police = TestBuilds.buildInMemory(new BuildRequest(all.content(), all.templates(), null, all.asOf(), null,
                all.clock(), "sample-police", false));
        Document recordKeeping = page(police, "themes/record-keeping/index.html");
        assertThat(recordKeeping.select("table.action-table tbody tr").text()).contains("Action 1.2").doesNotContain("Action 1.1");
        assertThat(page(police, "index.html").select("ul.theme-list li").eachText()).contains("Record keeping: 1 recommendation, 1 action",
                "Audit and assurance: 1 recommendation, 1 action");
        assertThat(police.text("data/actions.csv")).doesNotContain("Minute every MDT meeting");
        // a theme nothing of the police's comes under is neither listed nor given a page on its site, as the partnership's site does
        assertThat(page(police, "index.html").select("ul.theme-list li").eachText()).noneMatch(text -> text.startsWith("Risk assessment"));
        assertThat(page(police, "themes/index.html").text()).doesNotContain("Risk assessment");
        assertThat(police.files()).doesNotContainKey("themes/risk-assessment/index.html");
        assertThat(small.files()).containsKey("themes/risk-assessment/index.html");
        // the partnership's editors chose the themes, not the organisation whose site this is
        assertThat(page(police, "themes/audit/index.html").select(".callout").text()).contains("editorial judgement of Sample Partnership");
        assertThat(page(police, "index.html").text()).contains("editorial judgement of Sample Partnership")
                .doesNotContain("editorial judgement of Sample Police");
    }

    @Test
    void aLongThemeContinuesOnNumberedPagesWithoutSplittingARecommendation(@TempDir Path content) throws IOException {
        // Three plans of three recommendations of 30 actions: six recommendations (180 actions) fit on the first page.
        Files.createDirectories(content.resolve("organisations"));
        Files.writeString(content.resolve("site.yaml"), """
                title: Long theme
                publisher: Tests
                base_url: https://long.example/
                language: en-GB
                time_zone: Europe/London
                themes: [{id: risk, label: Risk}]
                """);
        Files.writeString(content.resolve("organisations/trust.yaml"), "name: Trust\ntype: nhs_trust\n");
        for (int p = 1; p <= 3; p++) {
            Path plan = Files.createDirectories(content.resolve("plans/plan-" + p + "/recommendations"));
            Files.writeString(plan.resolve("../plan.yaml"), "title: Plan " + p + "\nkind: other\norganisations: [trust]\n");
            for (int r = 1; r <= 3; r++) {
                StringBuilder rec = new StringBuilder("number: \"" + r + "\"\nthemes: [risk]\nactions:\n");
                for (int a = 1; a <= 30; a++) {
                    rec.append("  - {ref: \"").append(r).append('.').append(a).append("\", owners: [{organisation: trust}]}\n");
                }
                Files.writeString(plan.resolve(r + ".yaml"), rec.toString());
            }
        }
        MemoryPublisher site = TestBuilds.buildInMemory(content);

        Document first = page(site, "themes/risk/index.html");
        Document second = page(site, "themes/risk/page/2/index.html");
        assertThat(first.select("table.action-table tbody tr")).hasSize(180);
        assertThat(second.select("table.action-table tbody tr")).hasSize(90);
        assertThat(first.select("h3").size() + second.select("h3").size()).as("each recommendation on one page").isEqualTo(9);
        assertThat(second.select("nav.pagination a").eachAttr("href")).containsExactly("../../../../themes/risk/", "../../../../themes/risk/page/2/");
        assertThat(second.selectFirst("nav.pagination a[aria-current=page]").text()).isEqualTo("Page 2");
        assertThat(second.text()).contains("270 actions");
    }
}

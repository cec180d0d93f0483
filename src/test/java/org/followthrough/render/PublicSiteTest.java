package org.followthrough.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reader sees at a glance on the small site, as at 23 November 2026. */
class PublicSiteTest {

    private static MemoryPublisher site;

    @BeforeAll
    static void build() {
        site = TestBuilds.buildInMemory(TestBuilds.fixture("small"));
    }

    private static Document page(String path) {
        return Jsoup.parse(site.text(path));
    }

    @Test
    void homeCountsEachPlansActionsByStatusInWordsWithOverdue() {
        Element card = page("index.html").selectFirst("li.card");
        assertThat(card.text()).contains("2 actions:").contains("1 in progress").contains("1 completed").contains("1 overdue")
                .contains("Last update published: 1 July 2024");
    }

    /** The common stage first, the plan's own word second, then the grade: the same on the action's page and in every table. */
    @Test
    void statusIsGivenInWordsWithItsDateItsOwnWordingAndGradeAndNeverByColourAlone() {
        Element action = page("plans/sample-review/recommendations/1/index.html").getElementById("action-1-1");
        Element tag = action.selectFirst(".tag");
        assertThat(tag.text()).isEqualTo("Completed");
        assertThat(tag.selectFirst("svg")).as("a shape goes with the words").isNotNull();
        assertThat(action.selectFirst(".action-status").text()).isEqualTo("Completed since 1 July 2024 as published: “Done” · grade A: Evidence of completeness and impact");
        Element row = page("plans/sample-review/index.html").getElementById("action-1-1");
        assertThat(row.select("td[data-label=Status]").text()).startsWith(action.selectFirst(".action-status").text());
        assertThat(page("actions/index.html").select("tr[data-plan] td[data-label=Status]").first().text())
                .startsWith(action.selectFirst(".action-status").text());
    }

    @Test
    void overdueAndStaleFlagsLinkToTheirExplanation() {
        Element action = page("plans/sample-review/recommendations/1/index.html").getElementById("action-1-2");
        assertThat(action.select(".tag--overdue").text()).isEqualTo("Overdue");
        assertThat(action.select(".tag--overdue").attr("href")).isEqualTo("../../../../about/#overdue");
        assertThat(action.select(".tag--stale").text()).isEqualTo("Not updated recently");
        Document about = page("about/index.html");
        assertThat(about.getElementById("overdue")).isNotNull();
        assertThat(about.getElementById("not-updated-recently").nextElementSibling().text()).contains("6 months");
    }

    /** Each recommendation has a page of its own; the plan's page keeps the old anchors, on its contents and on its table's rows. */
    @Test
    void everyRecommendationHasAPageAndEveryAnchorOfThePlanPageStillLeadsSomewhere() {
        Document plan = page("plans/sample-review/index.html");
        assertThat(plan.getElementById("recommendation-1").selectFirst("a").attr("href")).isEqualTo("../../plans/sample-review/recommendations/1/");
        assertThat(plan.getElementById("action-1-1").selectFirst("a").attr("href")).isEqualTo("../../plans/sample-review/recommendations/1/#action-1-1");
        Document recommendation = page("plans/sample-review/recommendations/1/index.html");
        assertThat(recommendation.select("article.action").eachAttr("id")).containsExactly("action-1-1", "action-1-2");
        assertThat(recommendation.selectFirst("h1").text()).isEqualTo("Recommendation 1: Record keeping");
        assertThat(recommendation.select(".breadcrumbs a").eachText()).containsExactly("Home", "Plans", "Sample safety action plan");
    }

    @Test
    void organisationPageListsOnlyTheActionsItOwnsWithCounts() {
        Document police = page("organisations/sample-police/index.html");
        assertThat(police.select("table.action-table tbody tr")).hasSize(1);
        assertThat(police.select("table.action-table tbody tr").text()).contains("Action 1.2").doesNotContain("Action 1.1");
        assertThat(police.text()).contains("1 overdue");
    }

    @Test
    void everyFilterIsAPageOfItsOwnReachableWithoutJavaScript() {
        Document all = page("actions/index.html");
        assertThat(all.select("ul.filters a").eachAttr("href"))
                .contains("../actions/overdue/", "../actions/status/completed/", "../actions/status/in-progress/", "../actions/not-updated-recently/");
        assertThat(page("actions/overdue/index.html").select("table.action-table tbody tr").text()).contains("Action 1.2").doesNotContain("Action 1.1");
        assertThat(page("actions/status/completed/index.html").select("table.action-table tbody tr").text()).contains("Action 1.1").doesNotContain("Action 1.2");
    }

    @Test
    void pagesLoadNothingFromAnotherHost() {
        for (String path : site.files().keySet()) {
            if (path.endsWith(".html")) {
                Document doc = page(path);
                assertThat(doc.select("link[href^=http]:not([rel=canonical]), script[src^=http], img[src^=http], iframe")).as(path).isEmpty();
            }
        }
    }

    @Test
    void sitemapListsEveryPageUnderTheBaseUrl() {
        String sitemap = site.text("sitemap.xml");
        assertThat(sitemap).contains("<loc>https://plans.example/</loc>", "<loc>https://plans.example/plans/sample-review/</loc>",
                "<loc>https://plans.example/organisations/sample-police/</loc>");
        assertThat(site.text("robots.txt")).contains("Sitemap: https://plans.example/sitemap.xml");
    }

    @Test
    void aSubPathBaseUrlMovesCanonicalAddressesAndTheNotFoundPage() {
        BuildRequest request = TestBuilds.request(TestBuilds.fixture("small"), null);
        MemoryPublisher moved = TestBuilds.buildInMemory(new BuildRequest(request.content(), request.templates(), null,
                request.asOf(), "https://trust.example/learning/action-plans/", request.clock()));
        Document plan = Jsoup.parse(moved.text("plans/sample-review/index.html"));
        assertThat(plan.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://trust.example/learning/action-plans/plans/sample-review/");
        assertThat(plan.selectFirst("link[rel=stylesheet]").attr("href")).isEqualTo("../../assets/followthrough.css");
        Document notFound = Jsoup.parse(moved.text("404.html"));
        assertThat(notFound.selectFirst("link[rel=stylesheet]").attr("href")).isEqualTo("/learning/action-plans/assets/followthrough.css");
        for (String schema : List.of("plan.schema.json", "recommendation.schema.json", "organisation.schema.json", "site.schema.json",
                "plan-data.schema.json", "organisation-data.schema.json", "site-data.schema.json")) {
            assertThat(moved.text("schema/" + schema)).as("each published schema is identified by the address it is published at")
                    .contains("\"$id\" : \"https://trust.example/learning/action-plans/schema/" + schema + "\"");
        }
    }

    @Test
    void aSitesOwnTemplatesReplaceTheBuiltInOnesFileByFile(@TempDir Path templates) throws IOException {
        Files.writeString(templates.resolve("about.ftlh"), "<#import \"layout.ftlh\" as layout><@layout.frame><h1>Our own guide</h1></@layout.frame>");
        Files.createDirectories(templates.resolve("assets"));
        Files.writeString(templates.resolve("assets/followthrough.css"), "body { color: black; }");
        BuildRequest request = TestBuilds.request(TestBuilds.fixture("small"), null);
        MemoryPublisher own = TestBuilds.buildInMemory(new BuildRequest(request.content(), templates, null, request.asOf(), null, request.clock()));
        assertThat(Jsoup.parse(own.text("about/index.html")).selectFirst("h1").text()).isEqualTo("Our own guide");
        assertThat(own.text("assets/followthrough.css")).isEqualTo("body { color: black; }");
        assertThat(Jsoup.parse(own.text("index.html")).selectFirst("h1").text()).as("other pages keep the built-in templates").isEqualTo("Sample action plans");
    }
}

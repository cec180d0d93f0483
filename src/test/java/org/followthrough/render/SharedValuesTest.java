package org.followthrough.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a recommendation gives once for all its actions (owners, a target, progress, values in the
 * plan's own columns), and a plan's own columns: shown once in place on the page, and carried to
 * every action in the downloads, which say what came from the recommendation.
 */
class SharedValuesTest {

    private static final Map<String, String> CONTENT = Map.of(
            "site.yaml", """
                    title: Plans
                    publisher: Partnership
                    base_url: https://plans.example/
                    language: en-GB
                    time_zone: Europe/London
                    """,
            "organisations/trust.yaml", "name: Sample NHS Foundation Trust\nshort_name: SNFT\ntype: nhs_trust\n",
            "plans/tracker/plan.yaml", """
                    title: Incident tracker
                    kind: not_stated
                    organisations: [trust]
                    published: 2025-01-10
                    extra_columns:
                      - id: service
                        label: Service
                      - id: lead-director
                        label: Lead director
                        description: The executive who signs the action off.
                    scales:
                      statuses:
                        - {code: open, label: Open, lifecycle: in_progress}
                        - {code: done, label: Done, lifecycle: completed}
                    """,
            "plans/tracker/recommendations/01.yaml", """
                    number: "1"
                    title: Physical health checks
                    owners:
                      - organisation: trust
                        role: [SI Leads, Head of Patient Safety]
                    target: {as_published: "End of Q3", date: 2025-12}
                    extra_columns:
                      lead-director: Director of Nursing
                    progress:
                      - date: 2025-03-01
                        status: open
                        text: An audit of both wards has started.
                    actions:
                      - ref: "1.1"
                        description: Audit physical health checks on admission.
                        extra_columns:
                          service: Adult inpatient
                      - ref: "1.2"
                        description: Report the audit to the quality committee.
                        target: 2026-01
                        extra_columns:
                          lead-director: Medical Director
                        progress:
                          - date: 2025-06-01
                            status: done
                            text: Reported in June.
                    """);

    @TempDir
    static Path temp;

    private static MemoryPublisher site;

    @BeforeAll
    static void build() throws IOException {
        for (Map.Entry<String, String> file : CONTENT.entrySet()) {
            Path path = temp.resolve("content").resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        site = TestBuilds.buildInMemory(TestBuilds.request(temp.resolve("content"), null));
    }

    private static Document planPage() {
        return Jsoup.parse(site.text("plans/tracker/index.html"));
    }

    @Test
    void theRecommendationShowsItsSharedValuesOnceAndItsActionsDoNotRepeatThem() {
        Element recommendation = planPage().getElementById("recommendation-1");
        assertThat(recommendation.select("dt:containsOwn(Owner of all its actions) + dd").text())
                .isEqualTo("SI Leads; Head of Patient Safety, Sample NHS Foundation Trust");
        assertThat(recommendation.select("dt:containsOwn(Target for all its actions) + dd").text()).isEqualTo("End of Q3 (December 2025)");
        assertThat(recommendation.select("> dl dt:containsOwn(Lead director) + dd").text()).isEqualTo("Director of Nursing");
        assertThat(recommendation.text()).containsOnlyOnce("SI Leads; Head of Patient Safety").containsOnlyOnce("An audit of both wards has started.");

        Element inheriting = recommendation.getElementById("action-1-1");
        assertThat(inheriting.select("dt").eachText()).doesNotContain("Owner", "Owners", "Target", "Lead director").contains("Service");
        assertThat(inheriting.select("dt:containsOwn(Service) + dd").text()).isEqualTo("Adult inpatient");
        Element own = recommendation.getElementById("action-1-2");
        assertThat(own.select("dt:containsOwn(Target) + dd").text()).as("an action's own value wins").isEqualTo("January 2026");
        assertThat(own.select("dt:containsOwn(Lead director) + dd").text()).isEqualTo("Medical Director");
        assertThat(own.text()).contains("Reported in June.").doesNotContain("An audit of both wards has started.");
    }

    @Test
    void sharedProgressCountsInEachActionsStatus() {
        Document page = planPage();
        assertThat(page.getElementById("action-1-1").selectFirst(".action-status").text()).contains("Open").contains("since 1 March 2025");
        assertThat(page.getElementById("action-1-2").selectFirst(".action-status").text()).contains("Done").contains("since 1 June 2025");
    }

    @Test
    void thePlansOwnColumnsAreListedWithWhatTheyHold() {
        Element table = planPage().selectFirst("table:has(caption:containsOwn(own columns))");
        assertThat(table.select("tbody tr").eachText()).containsExactly("Service Not described in the plan",
                "Lead director The executive who signs the action off.");
        assertThat(planPage().selectFirst("dt:containsOwn(Kind of review) + dd").text()).isEqualTo("Review (kind not stated)");
    }

    @Test
    void thePlansCsvGivesEveryActionItsValuesAndSaysWhichCameFromTheRecommendation() throws IOException {
        List<CSVRecord> rows = csv("plans/tracker/actions.csv");
        CSVRecord first = rows.get(0);
        assertThat(first.get("Owners")).isEqualTo("Sample NHS Foundation Trust");
        assertThat(first.get("Owner roles")).isEqualTo("SI Leads / Head of Patient Safety");
        assertThat(first.get("Target (as published)")).isEqualTo("End of Q3");
        assertThat(first.get("Service")).isEqualTo("Adult inpatient");
        assertThat(first.get("Lead director")).isEqualTo("Director of Nursing");
        assertThat(first.get("From the recommendation")).isEqualTo("owners; target; progress; lead-director");
        CSVRecord second = rows.get(1);
        assertThat(second.get("Target date")).isEqualTo("2026-01");
        assertThat(second.get("Lead director")).isEqualTo("Medical Director");
        assertThat(second.get("From the recommendation")).isEqualTo("owners; progress");
        assertThat(second.get("Progress updates")).isEqualTo("2");
    }

    @Test
    void theSiteCsvHoldsEachPlansOwnColumnsInOneCellKeyedByHeading() throws IOException {
        CSVRecord first = csv("data/actions.csv").get(0);
        assertThat(first.get("Plan's own columns")).isEqualTo("{\"Service\":\"Adult inpatient\",\"Lead director\":\"Director of Nursing\"}");
    }

    @Test
    void thePlansJsonGivesTheColumnsTheSharedValuesAndWhatEachActionInherited() throws IOException {
        JsonNode plan = new ObjectMapper().readTree(site.text("plans/tracker/plan.json")).get("plan");
        assertThat(plan.get("kind").get("code").asText()).isEqualTo("not_stated");
        assertThat(plan.get("extra_columns").get(1).get("label").asText()).isEqualTo("Lead director");
        JsonNode recommendation = plan.get("recommendations").get(0);
        assertThat(recommendation.get("owners").get(0).get("roles")).hasSize(2);
        assertThat(recommendation.get("target").get("date").asText()).isEqualTo("2025-12");
        assertThat(recommendation.get("progress").get(0).get("from_recommendation").asBoolean()).isTrue();
        JsonNode first = recommendation.get("actions").get(0);
        assertThat(first.get("owners").get(0).get("role").asText()).isEqualTo("SI Leads; Head of Patient Safety");
        assertThat(first.get("extra_columns").get("service").asText()).isEqualTo("Adult inpatient");
        assertThat(first.get("inherited").toString()).isEqualTo("[\"owners\",\"target\",\"progress\",\"lead-director\"]");
        JsonNode second = recommendation.get("actions").get(1);
        assertThat(second.get("extra_columns").get("service").isNull()).isTrue();
        assertThat(second.get("progress").findValues("from_recommendation").stream().map(JsonNode::asBoolean).toList())
                .containsExactly(true, false);
    }

    @Test
    void theFragmentOfThePlanShowsTheSharedValuesWithTheRecommendation() {
        Document fragment = Jsoup.parse(site.text("fragments/plans/tracker.html"));
        Element recommendation = fragment.selectFirst(".ft-recommendation");
        assertThat(recommendation.text()).containsOnlyOnce("SI Leads; Head of Patient Safety").contains("Owner of all its actions");
        assertThat(recommendation.select(".ft-action").first().select("dt").eachText()).doesNotContain("Owner", "Target");
    }

    private static List<CSVRecord> csv(String path) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(site.text(path).substring(1)), format)) {
            return parser.getRecords();
        }
    }
}

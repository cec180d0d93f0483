package org.followthrough.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.render.view.ViewFactory;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every chart is drawn from the same numbers its table gives, on every plan and organisation page of the shipped site. */
class TimelineChartsTest {

    private static MemoryPublisher site;

    @BeforeAll
    static void build() {
        site = TestBuilds.buildInMemory(TestBuilds.SHIPPED_CONTENT);
    }

    private static List<String> pagesWithTimelines() {
        return site.files().keySet().stream()
                .filter(p -> (p.startsWith("plans/") || p.startsWith("organisations/")) && p.endsWith("index.html"))
                .filter(p -> site.text(p).contains("-counts-table"))
                .toList();
    }

    @Test
    void everyPlanPageHasATimeline() {
        assertThat(pagesWithTimelines()).contains("plans/p-independent-investigation/index.html", "plans/eput-e203623/index.html",
                "plans/bdhr-2011-12-03/index.html", "plans/kmpt-mr-s/index.html", "plans/x-update-2022/index.html",
                "organisations/west-midlands-police/index.html");
    }

    @Test
    void theCountsTableHoldsTheNumbersOfTheCountsChart() {
        for (String path : pagesWithTimelines()) {
            Document page = Jsoup.parse(site.text(path));
            List<Element> points = page.select("svg g.point");
            List<Element> rows = page.select("table[id$=-counts-table] tbody tr");
            assertThat(points).as(path).isNotEmpty().hasSameSizeAs(rows);
            for (int i = 0; i < points.size(); i++) {
                Element point = points.get(i);
                Element row = rows.get(i);
                assertThat(row.selectFirst("time").attr("datetime")).as(path).isEqualTo(point.attr("data-date"));
                assertThat(row.select("td").get(0).text()).as(path).isEqualTo(point.attr("data-open"));
                assertThat(row.select("td").get(1).text()).as(path).isEqualTo(point.attr("data-done"));
            }
        }
    }

    @Test
    void theTimelineTableHoldsTheDatesOfEverySpanInTheChart() {
        for (String path : pagesWithTimelines()) {
            Document page = Jsoup.parse(site.text(path));
            List<Element> spans = page.select("svg g.span");
            List<Element> rows = page.select("table[id$=-spans-table] tbody tr");
            assertThat(spans).as(path).isNotEmpty().hasSameSizeAs(rows);
            for (int i = 0; i < spans.size(); i++) {
                Element span = spans.get(i);
                Element row = rows.get(i);
                assertThat(row.selectFirst("th").text()).isEqualTo(span.attr("data-ref"));
                List<Element> cells = row.select("td");
                assertThat(datetime(cells.get(0))).as(path + " start").isEqualTo(span.attr("data-start"));
                assertThat(datetime(cells.get(1))).as(path + " target").isEqualTo(span.attr("data-deadline"));
                assertThat(datetime(cells.get(2))).as(path + " completed").isEqualTo(span.attr("data-completed"));
            }
        }
    }

    @Test
    void theLastPointOfTheCountsChartAgreesWithThePlansRollUp() {
        Document page = Jsoup.parse(site.text("plans/p-independent-investigation/index.html"));
        Element last = page.select("svg g.point").last();
        int total = Integer.parseInt(last.attr("data-open")) + Integer.parseInt(last.attr("data-done"));
        assertThat(page.selectFirst("ul.counts li strong").text()).isEqualTo(String.valueOf(total));
        assertThat(last.attr("data-date")).isEqualTo(TestBuilds.AS_OF.toString());
    }

    @Test
    void chartsHaveATitleAndADescriptionForScreenReaders() {
        for (String path : pagesWithTimelines()) {
            for (Element svg : Jsoup.parse(site.text(path)).select("svg.chart")) {
                assertThat(svg.attr("role")).isEqualTo("img");
                for (String id : svg.attr("aria-labelledby").split(" ")) {
                    assertThat(svg.getElementById(id)).as(path + " " + id).isNotNull();
                    assertThat(svg.getElementById(id).text()).isNotBlank();
                }
            }
        }
    }

    private static String datetime(Element cell) {
        Element time = cell.selectFirst("time");
        return time == null ? "" : time.attr("datetime");
    }

    @Test
    void anchorsInTheTimelineTableLeadToTheActions() {
        Document page = Jsoup.parse(site.text("plans/kmpt-mr-s/index.html"));
        String href = page.selectFirst("table[id$=-spans-table] tbody a").attr("href");
        assertThat(href).endsWith("#" + Routes.anchor("action", "10.1"));
    }
}

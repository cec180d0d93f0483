package org.followthrough.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every chart is drawn from the same numbers its table gives, in both its drawings (for wide screens
 * and for phones), on every plan and organisation page of the shipped site and of the small test site
 * (whose statuses change over time, where the shipped plans' never change on a known date); and a
 * chart that would say nothing is left out, saying why.
 */
class TimelineChartsTest {

    private static MemoryPublisher site;
    private static MemoryPublisher small;

    @BeforeAll
    static void build() {
        site = TestBuilds.buildInMemory(TestBuilds.SHIPPED_CONTENT);
        small = TestBuilds.buildInMemory(TestBuilds.fixture("small"));
    }

    /** Pages with a timeline, of both sites. */
    private static List<Page> pagesWithTimelines() {
        return java.util.stream.Stream.of(site, small).flatMap(built -> built.files().keySet().stream()
                .filter(p -> (p.startsWith("plans/") || p.startsWith("organisations/")) && p.endsWith("index.html"))
                .filter(p -> built.text(p).contains("-counts-table"))
                .map(p -> new Page(p, Jsoup.parse(built.text(p))))).toList();
    }

    record Page(String path, Document document) {
    }

    @Test
    void everyPlanPageHasATimeline() {
        assertThat(pagesWithTimelines().stream().map(Page::path)).contains("plans/p-independent-investigation/index.html", "plans/eput-e203623/index.html",
                "plans/bdhr-2011-12-03/index.html", "plans/kmpt-mr-s/index.html", "plans/x-update-2022/index.html",
                "organisations/west-midlands-police/index.html");
    }

    /**
     * Read from the drawing itself: each series has a mark on every date of the table, left to right, at the height
     * the y axis gives its number, and on the series' line.
     */
    @Test
    void theCountsTableHoldsTheNumbersOfEachDrawingOfTheCountsChart() {
        int drawn = 0;
        for (Page each : pagesWithTimelines()) {
            String path = each.path();
            Document page = each.document();
            List<Element> rows = page.select("table[id$=-counts-table] tbody tr");
            for (Element svg : page.select("svg[id$=-counts], svg[id$=-counts-narrow]")) {
                String chart = path + " " + svg.id();
                double[] axis = yAxis(svg);
                for (String series : List.of("open", "done")) {
                    List<double[]> marks = vertices(svg.selectFirst("path.marks-" + series).attr("d"));
                    List<double[]> line = vertices(svg.selectFirst("path.series-" + series).attr("d"));
                    assertThat(marks).as(chart).isNotEmpty().hasSameSizeAs(rows);
                    for (int i = 0; i < marks.size(); i++) {
                        double[] mark = marks.get(i);
                        String number = rows.get(i).select("td").get(series.equals("open") ? 0 : 1).text();
                        assertThat(Math.round((axis[0] - mark[1]) / axis[1])).as(chart + " " + series + " row " + i).isEqualTo(Long.parseLong(number));
                        assertThat(onSteps(line, mark)).as(chart + " " + series + " mark " + i + " on its line").isTrue();
                        if (i > 0) {
                            assertThat(mark[0]).as(chart).isGreaterThanOrEqualTo(marks.get(i - 1)[0]);
                        }
                    }
                }
                drawn++;
            }
        }
        assertThat(drawn).as("counts charts drawn").isPositive();
    }

    /** The y of zero and the pixels per action, from the labelled grid lines of a counts chart. */
    private static double[] yAxis(Element svg) {
        List<Element> labels = svg.select("text[text-anchor=end]").stream().filter(t -> t.text().matches("\\d+")).toList();
        Element zero = labels.get(0);
        Element top = labels.get(labels.size() - 1);
        double zeroY = Double.parseDouble(zero.attr("y"));
        double perAction = (zeroY - Double.parseDouble(top.attr("y"))) / Integer.parseInt(top.text());
        // each label sits 4 pixels below its grid line
        return new double[] {zeroY - 4, perAction};
    }

    /** The points a path of absolute M, H and V commands passes through, in order (a zero-length line "h0" adds none). */
    private static List<double[]> vertices(String d) {
        List<double[]> points = new java.util.ArrayList<>();
        java.util.regex.Matcher command = java.util.regex.Pattern.compile("([MHV])([-\\d.]+)(?: ([-\\d.]+))?").matcher(d);
        double x = 0;
        double y = 0;
        while (command.find()) {
            double value = Double.parseDouble(command.group(2));
            switch (command.group(1)) {
                case "M" -> {
                    x = value;
                    y = Double.parseDouble(command.group(3));
                }
                case "H" -> x = value;
                default -> y = value;
            }
            points.add(new double[] {x, y});
        }
        return points;
    }

    /** Whether a point lies on the line joining the vertices, whose segments are each horizontal or vertical. */
    private static boolean onSteps(List<double[]> line, double[] point) {
        for (int i = 0; i < line.size(); i++) {
            double[] from = line.get(i);
            double[] to = line.get(Math.min(i + 1, line.size() - 1));
            boolean withinX = point[0] >= Math.min(from[0], to[0]) - 0.05 && point[0] <= Math.max(from[0], to[0]) + 0.05;
            boolean withinY = point[1] >= Math.min(from[1], to[1]) - 0.05 && point[1] <= Math.max(from[1], to[1]) + 0.05;
            if (withinX && withinY) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theTimelineTableHoldsTheDatesOfEverySpanInEachDrawing() {
        for (Page each : pagesWithTimelines()) {
            String path = each.path();
            Document page = each.document();
            List<Element> rows = page.select("table[id$=-spans-table] tbody tr");
            boolean byPlan = !page.select("table[id$=-spans-table] thead th:contains(Plan)").isEmpty();
            for (Element svg : page.select("svg[id$=-spans], svg[id$=-spans-narrow]")) {
                List<Element> spans = svg.select("g.span");
                assertThat(spans).as(path).isNotEmpty().hasSameSizeAs(rows);
                for (int i = 0; i < spans.size(); i++) {
                    Element span = spans.get(i);
                    Element row = rows.get(i);
                    assertThat(row.selectFirst("th").text()).isEqualTo(span.attr("data-ref"));
                    List<Element> cells = row.select("td");
                    int first = byPlan ? 1 : 0;
                    assertThat(datetime(cells.get(first))).as(path + " start").isEqualTo(span.attr("data-start"));
                    // the table gives the target as the plan dates it ("April 2014"); the drawing runs to its last day
                    assertThat(lastDay(datetime(cells.get(first + 1)))).as(path + " target").isEqualTo(span.attr("data-deadline"));
                    assertThat(datetime(cells.get(first + 2))).as(path + " completed").isEqualTo(span.attr("data-completed"));
                }
            }
        }
    }

    private static String lastDay(String iso) {
        if (iso.matches("\\d{4}-\\d{2}")) {
            return java.time.YearMonth.parse(iso).atEndOfMonth().toString();
        }
        return iso.matches("\\d{4}") ? iso + "-12-31" : iso;
    }

    /** A month's target ("Apr-14") is given as the month in the table of dates, not as the last day the drawing runs to. */
    @Test
    void aTargetOfAMonthIsGivenAsTheMonth() {
        Element row = Jsoup.parse(site.text("plans/bdhr-2011-12-03/index.html")).selectFirst("table[id$=-spans-table] tbody tr:has(th:contains(3.5.2))");
        assertThat(row.select("td[data-label=Target]").text()).isEqualTo("April 2014");
        assertThat(row.selectFirst("td[data-label=Target] time").attr("datetime")).isEqualTo("2014-04");
    }

    /**
     * An action reported complete without a date is marked in a column of its own after the as-of line, headed so, and
     * never on the time axis, where the mark would read as a completion on the day the site was built.
     */
    @Test
    void aCompletionWithoutADateIsMarkedOffTheTimeAxis() {
        int undated = 0;
        for (Page each : pagesWithTimelines()) {
            for (Element svg : each.document().select("svg[id$=-spans], svg[id$=-spans-narrow]")) {
                double asOf = Double.parseDouble(svg.selectFirst("line.as-of").attr("x1"));
                Element heading = svg.selectFirst("text.undated");
                for (Element span : svg.select("g.span[data-completed=]")) {
                    if (!Set.of("completed", "embedded", "closed").contains(span.attr("data-lifecycle"))) {
                        continue;
                    }
                    undated++;
                    Element mark = span.selectFirst("circle");
                    assertThat(Double.parseDouble(mark.attr("cx"))).as("%s %s", each.path(), span.attr("data-ref")).isGreaterThan(asOf + 10);
                    assertThat(heading).as(each.path()).isNotNull();
                    assertThat(heading.text()).isEqualTo("Done, no date");
                }
                if (svg.select("g.span[data-completed=]").stream().noneMatch(g -> Set.of("completed", "embedded", "closed")
                        .contains(g.attr("data-lifecycle")))) {
                    assertThat(heading).as("%s: no column without a mark in it", each.path()).isNull();
                }
            }
        }
        assertThat(undated).as("the shipped plans report some actions complete without a date").isPositive();
    }

    /**
     * An overdue action's line is told from an open one not yet due by its form, not by its colour alone: solid and
     * heavier where the other is dashed; and there is one such line for each action the chart's description counts overdue.
     */
    @Test
    void anOverdueActionsLineDiffersFromAnOpenOnesByMoreThanColour() {
        int late = 0;
        for (Page each : pagesWithTimelines()) {
            for (Element svg : each.document().select("svg[id$=-spans], svg[id$=-spans-narrow]")) {
                java.util.regex.Matcher counted = java.util.regex.Pattern.compile("(\\d+) overdue").matcher(svg.selectFirst("desc").text());
                assertThat(counted.find()).as(each.path()).isTrue();
                List<Element> lines = svg.select("g.span path[stroke]");
                List<Element> overdue = lines.stream().filter(p -> p.hasClass("late")).toList();
                assertThat(overdue).as("%s %s", each.path(), svg.id()).hasSize(Integer.parseInt(counted.group(1)));
                for (Element line : lines) {
                    if (!line.attr("d").contains("H")) {
                        continue; // a tick
                    }
                    if (line.hasClass("late")) {
                        assertThat(line.attr("stroke-dasharray")).as(each.path()).isEmpty();
                        assertThat(Double.parseDouble(line.attr("stroke-width"))).isGreaterThanOrEqualTo(3);
                    } else {
                        assertThat(line.attr("stroke-dasharray")).as(each.path()).isNotEmpty();
                    }
                }
                late += overdue.size();
            }
        }
        assertThat(late).as("the shipped and test plans have overdue actions").isPositive();
    }

    /**
     * A chart of the actions' dates is drawn only where it places something: a target, a date of completion, or an open
     * action's line from its start. KMPT's one action is reported complete, with a target of a day September lacks and no
     * date of completion: its chart would be an empty axis with a hollow mark, so it is left out, saying why.
     */
    @Test
    void aDatesChartThatWouldPlaceNothingIsLeftOutSayingWhy() {
        Document kmpt = Jsoup.parse(site.text("plans/kmpt-mr-s/index.html"));
        assertThat(kmpt.select("svg[id$=-spans]")).isEmpty();
        assertThat(kmpt.select(".chart-omitted").text()).contains("No chart of each action's dates").contains("nothing on it");
        assertThat(kmpt.select("table[id$=-spans-table] tbody tr")).as("the table still gives what is known").hasSize(1);
        for (Page each : pagesWithTimelines()) {
            for (Element svg : each.document().select("svg[id$=-spans]")) {
                assertThat(svg.select("g.span").stream().anyMatch(g -> !g.attr("data-deadline").isEmpty() || !g.attr("data-completed").isEmpty()
                        || !g.attr("data-start").isEmpty() && !Set.of("completed", "embedded", "closed").contains(g.attr("data-lifecycle"))))
                        .as("%s: something placed on %s", each.path(), svg.id()).isTrue();
            }
        }
    }

    /** Counts that never change would draw two flat lines: the chart is left out, and the page says why and what they are. */
    @Test
    void aCountsChartThatWouldBeFlatIsLeftOutSayingWhy() {
        int flat = 0;
        for (Page each : pagesWithTimelines()) {
            String path = each.path();
            Document page = each.document();
            List<String> counts = page.select("table[id$=-counts-table] tbody tr").stream()
                    .map(row -> row.select("td").text()).distinct().toList();
            boolean drawn = !page.select("svg[id$=-counts]").isEmpty();
            if (counts.size() == 1) {
                flat++;
                assertThat(drawn).as(path + ": flat counts are not drawn").isFalse();
                String omitted = page.select(".chart-omitted").text();
                assertThat(omitted).as(path).contains("No chart of open and completed actions over time");
                if (page.select("table[id$=-counts-table] tbody tr").size() == 1) {
                    assertThat(omitted).as(path + ": counts on the as-of date only").containsAnyOf("no status of these actions is dated", "no status of these actions is published")
                            .contains("is not known");
                } else {
                    assertThat(omitted).as(path).contains("flat");
                }
            } else {
                assertThat(drawn).as(path + ": counts that change are drawn").isTrue();
            }
        }
        assertThat(flat).as("pages whose counts never change (the P plan's among them)").isPositive();
        assertThat(Jsoup.parse(site.text("plans/p-independent-investigation/index.html")).select("svg[id$=-counts]")).isEmpty();
    }

    @Test
    void theLastRowOfTheCountsAgreesWithThePlansRollUpOnTheAsOfDate() {
        for (Page each : pagesWithTimelines().stream().filter(p -> p.path().startsWith("plans/")).toList()) {
            String path = each.path();
            Document page = each.document();
            Element last = page.select("table[id$=-counts-table] tbody tr").last();
            int total = Integer.parseInt(last.select("td").get(0).text()) + Integer.parseInt(last.select("td").get(1).text());
            assertThat(page.selectFirst("#progress .counts-total strong").text()).as(path).isEqualTo(String.valueOf(total));
            assertThat(last.selectFirst("time").attr("datetime")).isEqualTo(TestBuilds.AS_OF.toString());
        }
    }

    /**
     * An action with no status published is not known to be incomplete: the counts call what is not complete "not reported
     * complete", never "not yet complete" (BDHR publishes no status for 10 of its 13 actions).
     */
    @Test
    void theCountsDoNotSayThatActionsWithNoStatusPublishedAreIncomplete() {
        Document bdhr = Jsoup.parse(site.text("plans/bdhr-2011-12-03/index.html"));
        assertThat(bdhr.select("table[id$=-counts-table] thead").text()).contains("Not reported complete");
        for (Page each : pagesWithTimelines()) {
            assertThat(each.document().select("main").text()).as(each.path()).doesNotContainIgnoringCase("not yet complete");
        }
    }

    /** An organisation's actions come from several plans: the chart and its table say which plan each belongs to. */
    @Test
    void anOrganisationsTimelineNamesThePlanOfEachAction() {
        Document page = Jsoup.parse(site.text("organisations/west-midlands-police/index.html"));
        assertThat(page.select("svg[id$=-spans] text.plan-name").eachText())
                .contains("Independent investigation: P", "Domestic Homicide Review BDHR2011/12-03 Action Plan");
        assertThat(page.select("table[id$=-spans-table] tbody tr td:first-of-type").eachText())
                .contains("Independent investigation: P", "Domestic Homicide Review BDHR2011/12-03 Action Plan");
    }

    /** On a phone the narrow drawing is shown, whose text is larger for its width than the wide one's, so that it stays readable. */
    @Test
    void theNarrowDrawingHasLargerTextForItsWidth() {
        Document page = Jsoup.parse(site.text("plans/p-independent-investigation/index.html"));
        Element wide = page.selectFirst("svg[id$=-spans]");
        Element narrow = page.selectFirst("svg[id$=-spans-narrow]");
        assertThat(textForWidth(narrow)).isGreaterThan(textForWidth(wide) * 2);
    }

    private static double textForWidth(Element svg) {
        double width = Double.parseDouble(svg.attr("viewBox").split(" ")[2]);
        // the labels take their size from the group that holds the rows
        return Double.parseDouble(svg.selectFirst("g.span").parent().attr("font-size")) / width;
    }

    @Test
    void chartsHaveATitleAndADescriptionForScreenReaders() {
        for (Page each : pagesWithTimelines()) {
            String path = each.path();
            for (Element svg : each.document().select("svg.chart")) {
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
        assertThat(href).endsWith(Routes.action("kmpt-mr-s", "10", "10.1").substring(Routes.plan("kmpt-mr-s").length()));
    }
}

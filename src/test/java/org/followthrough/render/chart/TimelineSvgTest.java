package org.followthrough.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Timeline;
import org.junit.jupiter.api.Test;

/**
 * The dates a timeline's axis labels: as many as fit, at round places in the year, never fewer than the span allows; and
 * what its rows draw.
 */
class TimelineSvgTest {

    /**
     * The caption says a line with an arrow runs on to the as-of date while an action is open: the arrowhead's point is on
     * the as-of line, and it points the way its line runs, not back along it. It pointed back for a line that runs on from
     * the start (found by looking at the pages), and, once turned, for one that runs back from a target still to come.
     */
    @Test
    void anOpenActionsLineEndsInAnArrowPointingTheWayItRunsAtTheAsOfLine() {
        LocalDate asOf = LocalDate.of(2026, 12, 7);
        Timeline.Span onFromTheStart = new Timeline.Span("plan", "1.1", LocalDate.of(2025, 1, 6), null, null, Lifecycle.IN_PROGRESS,
                false);
        Timeline.Span backFromATargetToCome = new Timeline.Span("plan", "1.2", LocalDate.of(2025, 1, 6),
                new org.followthrough.model.TargetDate.Day(LocalDate.of(2027, 6, 30)), null, Lifecycle.IN_PROGRESS, false);
        Timeline timeline = new Timeline(LocalDate.of(2025, 1, 6), LocalDate.of(2027, 6, 30), asOf, List.of(onFromTheStart,
                backFromATargetToCome), List.of(), List.of(new Timeline.Point(asOf, 2, 0)));
        for (TimelineSvg.Size size : TimelineSvg.Size.values()) {
            String svg = TimelineSvg.spans(timeline, "t", "Dates", "Two actions", size, null);
            Matcher asOfLine = Pattern.compile("class=\"as-of\" data-date=\"[^\"]+\" x1=\"([0-9.]+)\"").matcher(svg);
            assertThat(asOfLine.find()).as(size + ": the as-of line").isTrue();
            double at = Double.parseDouble(asOfLine.group(1));
            Matcher arrow = Pattern.compile("data-ref=\"([^\"]+)\".*?<path d=\"M([0-9.]+) [0-9.]+H([0-9.]+)\"[^>]*/>"
                    + "<path class=\"arrowhead\" d=\"M([^\"]+)z\"").matcher(svg);
            int found = 0;
            while (arrow.find()) {
                found++;
                String what = size + ", action " + arrow.group(1);
                double runs = Math.signum(Double.parseDouble(arrow.group(3)) - Double.parseDouble(arrow.group(2)));
                assertThat(runs).as(what + ": the line runs one way").isNotZero();
                // the head's three corners, from the path's start and its two relative steps
                Matcher numbers = Pattern.compile("-?[0-9.]+").matcher(arrow.group(4));
                double[] n = new double[6];
                for (int k = 0; k < 6; k++) {
                    assertThat(numbers.find()).as(what + ": a triangle of three corners: " + arrow.group(4)).isTrue();
                    n[k] = Double.parseDouble(numbers.group());
                }
                double[] xs = {n[0], n[0] + n[2], n[0] + n[2] + n[4]};
                // its point: the corner furthest the way the line runs, alone there (the other two make its base)
                double tip = runs > 0 ? Math.max(xs[0], Math.max(xs[1], xs[2])) : Math.min(xs[0], Math.min(xs[1], xs[2]));
                assertThat(java.util.Arrays.stream(xs).filter(x -> x == tip).count()).as(what + ": it points the way the line runs")
                        .isEqualTo(1);
                assertThat(tip).as(what + ": its point").isCloseTo(at, org.assertj.core.data.Offset.offset(0.1));
            }
            assertThat(found).as(size + ": an arrow for each open action").isEqualTo(2);
        }
    }

    /**
     * An organisation's chart shows the actions it owns under the name of each plan: a dotted line marks an update of one
     * plan across that plan's rows only. Drawn down the whole chart, it said the other plans were updated that day too.
     */
    @Test
    void underTheNamesOfSeveralPlansEachPlansUpdatesCrossOnlyItsOwnRows() {
        LocalDate asOf = LocalDate.of(2026, 12, 7);
        LocalDate updated = LocalDate.of(2018, 11, 28);
        List<Timeline.Span> spans = List.of(
                new Timeline.Span("p", "6.1", LocalDate.of(2016, 1, 4), null, null, Lifecycle.IN_PROGRESS, false),
                new Timeline.Span("p", "20.1", LocalDate.of(2016, 1, 4), null, null, Lifecycle.IN_PROGRESS, false),
                new Timeline.Span("bdhr", "3.11.1", LocalDate.of(2013, 6, 3), null, null, Lifecycle.IN_PROGRESS, false));
        Timeline timeline = new Timeline(LocalDate.of(2013, 6, 3), asOf, asOf, spans, List.of(new Timeline.Update("p", updated)),
                List.of(new Timeline.Point(asOf, 3, 0)));
        for (TimelineSvg.Size size : TimelineSvg.Size.values()) {
            String svg = TimelineSvg.spans(timeline, "t", "Dates", "Three actions", size, id -> "Plan " + id);
            List<int[]> lines = updateLines(svg, "2018-11-28");
            assertThat(lines).as(size + ": one line for the one update").hasSize(1);
            int top = lines.get(0)[0];
            int bottom = lines.get(0)[1];
            assertThat(rowY(svg, "6.1")).as(size + ": plan p's first row").isBetween(top, bottom);
            assertThat(rowY(svg, "20.1")).as(size + ": plan p's last row").isBetween(top, bottom);
            assertThat(rowY(svg, "3.11.1")).as(size + ": the other plan's row").isGreaterThan(bottom);
        }
    }

    /**
     * On a phone an organisation's chart cut "Domestic Homicide Review BDHR2011/12-03 Action Plan" to "Domestic Homicide
     * Rev…", losing the reference that tells it from the organisation's other reviews: a name too long for its line runs
     * on to a second, and only what is too long for two is cut.
     */
    @Test
    void aPlansNameTooLongForItsLineRunsOnToASecond() {
        LocalDate asOf = LocalDate.of(2026, 12, 7);
        String name = "Domestic Homicide Review BDHR2011/12-03 Action Plan";
        List<Timeline.Span> spans = List.of(
                new Timeline.Span("bdhr", "3.11.1", LocalDate.of(2013, 6, 3), null, null, Lifecycle.IN_PROGRESS, false),
                new Timeline.Span("p", "6.1", LocalDate.of(2016, 1, 4), null, null, Lifecycle.IN_PROGRESS, false));
        Timeline timeline = new Timeline(LocalDate.of(2013, 6, 3), asOf, asOf, spans,
                List.of(new Timeline.Update("bdhr", LocalDate.of(2018, 11, 28))), List.of(new Timeline.Point(asOf, 2, 0)));

        String svg = TimelineSvg.spans(timeline, "t", "Dates", "Two actions", TimelineSvg.Size.NARROW,
                id -> id.equals("bdhr") ? name : "Independent investigation: P");

        List<String> names = Pattern.compile("class=\"plan-name\"[^>]*>([^<]*)<").matcher(svg).results().map(m -> m.group(1)).toList();
        assertThat(names).hasSize(3).endsWith("Independent investigation: P");
        assertThat(String.join(" ", names.subList(0, 2))).as("the long name over two lines, whole").isEqualTo(name);
        List<int[]> lines = updateLines(svg, "2018-11-28");
        assertThat(lines).hasSize(1);
        assertThat(rowY(svg, "3.11.1")).as("its update still crosses its own action's row").isBetween(lines.get(0)[0], lines.get(0)[1]);
        assertThat(rowY(svg, "6.1")).as("and not the other plan's").isGreaterThan(lines.get(0)[1]);

        assertThat(TimelineSvg.nameLines("Independent investigation: P", 400, 18)).as("a name that fits is one line")
                .containsExactly("Independent investigation: P");
        assertThat(TimelineSvg.nameLines("A" + "b".repeat(60), 200, 18)).as("one without a space to break at is cut on one line")
                .singleElement().asString().endsWith("…");
    }

    /** Where each dotted line of an update of {@code date} starts and ends, from the top. */
    private static List<int[]> updateLines(String svg, String date) {
        return Pattern.compile("class=\"plan-update\" data-date=\"" + date + "\" x1=\"[0-9.]+\" y1=\"([0-9]+)\" x2=\"[0-9.]+\" y2=\"([0-9]+)\"")
                .matcher(svg).results().map(m -> new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))}).toList();
    }

    /** Where the label of an action's row is drawn, from the top. */
    private static int rowY(String svg, String ref) {
        Matcher row = Pattern.compile("data-ref=\"" + Pattern.quote(ref) + "\"[^>]*><text x=\"[0-9.]+\" y=\"([0-9]+)\"").matcher(svg);
        assertThat(row.find()).as("the row of " + ref).isTrue();
        return Integer.parseInt(row.group(1));
    }

    /**
     * The EPUT plan's actions run from 30 October 2025 to the as-of date, 14 months. On a phone two labels fit: they are
     * January and July 2026, not October 2026 alone (the October before the start was left out, and a year on was next).
     */
    @Test
    void aSpanOfFourteenMonthsOnAPhoneIsLabelledTwiceInsideIt() {
        assertThat(TimelineSvg.ticks(LocalDate.of(2025, 10, 30), LocalDate.of(2026, 12, 5), true, 2))
                .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1));
    }

    @Test
    void aWiderDrawingLabelsEveryOtherMonthFromJanuaryWhereThatFits() {
        assertThat(TimelineSvg.ticks(LocalDate.of(2025, 10, 30), LocalDate.of(2026, 12, 5), true, 8))
                .containsExactly(LocalDate.of(2025, 11, 1), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 1),
                        LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 1));
    }

    @Test
    void longSpansAreLabelledByJanuariesAFewYearsApart() {
        assertThat(TimelineSvg.ticks(LocalDate.of(2011, 12, 3), LocalDate.of(2026, 12, 5), false, 4))
                .containsExactly(LocalDate.of(2012, 1, 1), LocalDate.of(2016, 1, 1), LocalDate.of(2020, 1, 1), LocalDate.of(2024, 1, 1));
        assertThat(TimelineSvg.ticks(LocalDate.of(2016, 1, 1), LocalDate.of(2019, 3, 1), false, 8))
                .as("a span starting on the first of January is labelled there").startsWith(LocalDate.of(2016, 1, 1)).hasSize(4);
    }

    /**
     * The Birmingham review's actions had targets in 2013 and 2014 and run to the as-of date: on a phone its axis was
     * labelled 2016, 2019, 2022 and 2025 (every third year counted from year 0), so the years of its targets had no label.
     */
    @Test
    void yearsAFewApartAreCountedFromTheFirstJanuaryOfTheSpan() {
        assertThat(TimelineSvg.ticks(LocalDate.of(2013, 3, 31), LocalDate.of(2026, 12, 5), false, 5))
                .containsExactly(LocalDate.of(2014, 1, 1), LocalDate.of(2017, 1, 1), LocalDate.of(2020, 1, 1), LocalDate.of(2023, 1, 1),
                        LocalDate.of(2026, 1, 1));
    }

    @Test
    void noLabelFallsOutsideTheSpanAndNoneIsMoreThanFit() {
        LocalDate from = LocalDate.of(2020, 3, 15);
        for (int months = 1; months <= 60; months++) {
            LocalDate to = from.plusMonths(months);
            for (int fit = 1; fit <= 8; fit++) {
                assertThat(TimelineSvg.ticks(from, to, months <= 18, fit)).as("%d months, %d fit", months, fit)
                        .hasSizeLessThanOrEqualTo(fit).allMatch(t -> !t.isBefore(from) && !t.isAfter(to) && t.getDayOfMonth() == 1);
            }
        }
    }
}

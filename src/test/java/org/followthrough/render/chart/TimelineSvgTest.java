package org.followthrough.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The dates a timeline's axis labels: as many as fit, at round places in the year, never fewer than the span allows. */
class TimelineSvgTest {

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

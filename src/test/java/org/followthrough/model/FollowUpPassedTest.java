package org.followthrough.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * A follow-up is past its date once its deadline is behind the as-of date and it is not reported done. Plan P dated two
 * follow-ups "31 June 2019" and "31 April 2019": no exact date can be read from them, but once June and April 2019 have
 * ended they have passed under any reading, and were not counted.
 */
class FollowUpPassedTest {

    private static FollowUp dated(String asPublished) {
        return new FollowUp(null, new Target(asPublished, null), null);
    }

    @Test
    void aDayItsMonthDoesNotHaveIsPastOnceThatMonthHasEnded() {
        assertThat(dated("31 June 2019").datePassed(LocalDate.of(2026, 11, 30))).isTrue();
        assertThat(dated("31 April 2019").datePassed(LocalDate.of(2019, 5, 1))).as("the day after April's end").isTrue();
        assertThat(dated("31 April 2019").datePassed(LocalDate.of(2019, 4, 30))).as("on April's last day").isFalse();
        assertThat(dated("31 June 2019").datePassed(LocalDate.of(2019, 6, 15))).as("within the month").isFalse();
        assertThat(dated("29 February 2019").datePassed(LocalDate.of(2019, 3, 1))).as("no 29 February in 2019").isTrue();
        assertThat(dated("31st Sept 2020").datePassed(LocalDate.of(2020, 10, 1))).isTrue();
    }

    @Test
    void theMonthIsReadOnlyFromADayItDoesNotHave() {
        assertThat(new Target("31 June 2019", null).monthOfImpossibleDay()).isEqualTo(YearMonth.of(2019, 6));
        assertThat(new Target("30 June 2019", null).monthOfImpossibleDay()).as("a real date, which an editor dates").isNull();
        assertThat(new Target("29 February 2020", null).monthOfImpossibleDay()).as("a leap year's").isNull();
        assertThat(new Target("32 May 2019", null).monthOfImpossibleDay()).as("no month has a 32nd").isNull();
        assertThat(new Target("31 Juneteenth 2019", null).monthOfImpossibleDay()).isNull();
        assertThat(new Target("Completed May 2017", null).monthOfImpossibleDay()).isNull();
        assertThat(new Target("In progress - date to be agreed with MoJ", null).monthOfImpossibleDay()).isNull();
    }

    @Test
    void doneOrUndatedFollowUpsAreNotPast() {
        LocalDate asOf = LocalDate.of(2026, 11, 30);
        assertThat(dated("In progress - date to be agreed with MoJ").datePassed(asOf)).isFalse();
        assertThat(new FollowUp(null, null, null).datePassed(asOf)).isFalse();
        assertThat(new FollowUp(null, new Target("30 June 2019", new TargetDate.Day(LocalDate.of(2019, 6, 30))), null).datePassed(asOf)).isTrue();
    }
}

package org.followthrough.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which words in progress text are dates: written as digits, day first, as UK plans write them. */
class DatesInProgressTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    private static List<String> dates(String text) {
        return DatesInProgress.in(text, AS_OF).stream().map(f -> f.written() + "=" + f.date()).toList();
    }

    @Test
    void readsTheFormsTrackersWriteDayFirst() {
        assertThat(dates("Complete 04/03/2020. Reviewed 4/3/20, again 04.03.2021 and 04-03-2022; filed 2023-03-04."))
                .containsExactly("04/03/2020=2020-03-04", "4/3/20=2020-03-04", "04.03.2021=2021-03-04", "04-03-2022=2022-03-04",
                        "2023-03-04=2023-03-04");
    }

    @Test
    void aTwoDigitYearAfterTheAsOfDatesYearIsInTheLastCentury() {
        assertThat(dates("Opened 01/02/99, closed 01/02/26.")).containsExactly("01/02/99=1999-02-01", "01/02/26=2026-02-01");
    }

    @Test
    void referencesVersionsAndImpossibleDaysAreNotDates() {
        assertThat(dates("See actions 3.2.10 and 3.11.1, version 1.2.2020.1, section 136/135, 31/02/2020, 13/13/13,"
                + " https://example.org/2020/03/04/report")).isEmpty();
    }
}

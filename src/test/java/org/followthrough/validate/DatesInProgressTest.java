package org.followthrough.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
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

    /**
     * The dates found are those the pattern finds searching the whole text, though it is tried only where a date can
     * start: texts of digits and separators, where dates overlap and abut, give the same dates either way.
     */
    @Test
    void findsWhatSearchingEveryCharacterFinds() {
        Random random = new Random(20261203);
        String alphabet = "0123456789/.- a";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) ('0' + random.nextInt(4)));
            }
            // the pattern searched for everywhere, each match kept if it is a real date (31/02/2020 is not)
            List<String> everywhere = new ArrayList<>();
            Matcher m = DatesInProgress.DATE.matcher(text);
            while (m.find()) {
                if (!DatesInProgress.in(m.group(), AS_OF).isEmpty()) {
                    everywhere.add(m.group() + "@" + m.start());
                }
            }
            List<String> found = DatesInProgress.in(text.toString(), AS_OF).stream().map(f -> f.written() + "@" + f.index()).toList();
            assertThat(found).as("dates in '%s'", text).isEqualTo(everywhere);
        }
    }
}

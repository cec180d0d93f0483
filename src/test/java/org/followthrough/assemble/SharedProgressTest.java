package org.followthrough.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.followthrough.model.Markdown;
import org.followthrough.model.ProgressUpdate;
import org.junit.jupiter.api.Test;

/** Progress a recommendation reports for all its actions joins each action's own history, in date order. */
class SharedProgressTest {

    private static ProgressUpdate update(String date, String text, boolean shared) {
        return new ProgressUpdate(date == null ? null : LocalDate.parse(date), null, null, null, null, new Markdown(text), null, shared);
    }

    private static List<String> texts(List<ProgressUpdate> updates) {
        return updates.stream().map(u -> u.text().source()).toList();
    }

    @Test
    void sharedAndOwnUpdatesInterleaveByDateWithTheRecommendationsFirstOnTheSameDay() {
        List<ProgressUpdate> shared = List.of(update("2020-01-01", "shared January", true), update("2021-06-01", "shared June", true));
        List<ProgressUpdate> own = List.of(update("2020-03-01", "own March", false), update("2021-06-01", "own June", false),
                update("2022-01-01", "own 2022", false));
        assertThat(texts(Assembler.merge(shared, own)))
                .containsExactly("shared January", "own March", "shared June", "own June", "own 2022");
    }

    @Test
    void anUndatedUpdateStaysAfterTheUpdateBeforeItInItsOwnList() {
        List<ProgressUpdate> shared = List.of(update(null, "shared undated first", true), update("2021-01-01", "shared 2021", true),
                update(null, "shared undated after 2021", true));
        List<ProgressUpdate> own = List.of(update("2020-05-01", "own 2020", false), update("2022-01-01", "own 2022", false));
        assertThat(texts(Assembler.merge(shared, own)))
                .containsExactly("shared undated first", "own 2020", "shared 2021", "shared undated after 2021", "own 2022");
    }

    @Test
    void eitherListAloneIsTheHistory() {
        List<ProgressUpdate> own = List.of(update("2020-05-01", "own", false));
        assertThat(Assembler.merge(List.of(), own)).isEqualTo(own);
        assertThat(Assembler.merge(own, List.of())).isEqualTo(own);
    }
}

package org.followthrough.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean …?": a likely spelling, or the one choice a shortened word stands for; never a guess among several. */
class SuggestionsTest {

    private static final List<String> TYPES = List.of("nhs_trust", "police_force", "local_authority", "icb", "nhs_england", "prison", "other");

    @Test
    void aMisspellingIsOfferedItsSpelling() {
        assertThat(Suggestions.didYouMean("prisn", TYPES)).isEqualTo("did you mean 'prison'?");
    }

    @Test
    void aWordOfOneChoiceOnlyIsOfferedThatChoice() {
        assertThat(Suggestions.didYouMean("police", TYPES)).isEqualTo("did you mean 'police_force'?");
        assertThat(Suggestions.didYouMean("Authority", TYPES)).isEqualTo("did you mean 'local_authority'?");
    }

    @Test
    void aWordOfSeveralChoicesOrAFewLettersIsOfferedNothing() {
        assertThat(Suggestions.didYouMean("nhs", TYPES)).as("nhs_trust or nhs_england").isNull();
        assertThat(Suggestions.didYouMean("xy", TYPES)).isNull();
        assertThat(Suggestions.didYouMean("hospital", TYPES)).isNull();
    }
}

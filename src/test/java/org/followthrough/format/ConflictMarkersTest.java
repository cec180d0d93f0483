package org.followthrough.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.followthrough.problem.Problems;
import org.junit.jupiter.api.Test;

/** Git's markers of a conflict are told where all three are left in order; text that only resembles them is not. */
class ConflictMarkersTest {

    private static final String CONFLICT = "Agreed.\n<<<<<<< HEAD\nIn March.\n=======\nIn April.\n>>>>>>> 4f2c1a9\n";

    private static String told(String text, boolean markdown) {
        Problems problems = new Problems();
        boolean none = markdown ? ConflictMarkers.noneInMarkdown(text, "summary.md", problems)
                : ConflictMarkers.none(text, "01.yaml", problems);
        assertThat(none).isEqualTo(problems.sorted().isEmpty());
        return problems.sorted().isEmpty() ? null : problems.sorted().get(0).format();
    }

    @Test
    void aConflictIsToldAtItsFirstMarkerWithTheLinesBetween() {
        assertThat(told(CONFLICT, true)).startsWith("summary.md:2:1: a merge conflict is left in the file: Git marked two versions of"
                + " lines 2 to 6");
        assertThat(told(CONFLICT.replace("\n", "\r"), false)).as("lines ended by CR alone are counted as lines")
                .startsWith("01.yaml:2:1: a merge conflict").contains("lines 2 to 6");
    }

    @Test
    void linesThatOnlyLookLikeMarkersAreNotAConflict() {
        assertThat(told("Email chain:\n\n<<<<<<< forwarded twice >>>>>>>\n\nThe chair replied:\n\n>>>>>>> agreed in March\n", true))
                .as("a start and an end with no divider between").isNull();
        assertThat(told("Heading\n=======\n\n>>>>>>> deeply quoted\n", true)).as("no start marker").isNull();
        assertThat(told("An example of what Git leaves:\n\n```\n" + CONFLICT + "```\n", true)).as("in a fenced block of Markdown")
                .isNull();
    }
}

package org.followthrough.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.followthrough.build.Pipeline;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;

/** How the timeline counts open and completed actions over time, on the small site's sample plan. */
class TimelineTest {

    private static Plan samplePlan() {
        Archive archive = Pipeline.check(TestBuilds.request(TestBuilds.fixture("small"), null)).archive();
        return archive.plans().get(0);
    }

    private static Timeline timeline(Plan plan) {
        return Timeline.of(plan.actions().map(a -> new Timeline.Item(plan, a)).toList(), TestBuilds.AS_OF);
    }

    @Test
    void countsChangeOnTheDatesStatusesChanged() {
        Timeline t = timeline(samplePlan());
        assertThat(t.points()).containsExactly(
                new Timeline.Point(LocalDate.of(2024, 1, 15), 2, 0),
                new Timeline.Point(LocalDate.of(2024, 3, 1), 2, 0),
                new Timeline.Point(LocalDate.of(2024, 7, 1), 1, 1),
                new Timeline.Point(TestBuilds.AS_OF, 1, 1));
    }

    @Test
    void aSpanRunsFromThePlansStartToTheTargetsLastDay() {
        List<Timeline.Span> spans = timeline(samplePlan()).spans();
        assertThat(spans.get(0).start()).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(spans.get(0).deadline()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(spans.get(0).completedOn()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(spans.get(1).deadline()).as("a month target runs to its last day").isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(spans.get(1).completedOn()).isNull();
        assertThat(spans.get(1).overdue()).isTrue();
    }

    @Test
    void theAxisCoversEveryTargetAndTheAsOfDate() {
        Timeline t = timeline(samplePlan());
        assertThat(t.from()).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(t.to()).isEqualTo(TestBuilds.AS_OF);
    }
}

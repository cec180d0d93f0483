package org.followthrough.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.followthrough.pipeline.Pipeline;
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

    /**
     * The EPUT plan prints "Complete" beside five of its six actions without saying when: how many were complete at
     * its start (30 October 2025) is not known, so the only count is the as-of date's.
     */
    @Test
    void aPlanThatDatesNoStatusIsCountedOnTheAsOfDateOnly() {
        Archive archive = Pipeline.check(TestBuilds.request(TestBuilds.SHIPPED_CONTENT, null)).archive();
        Plan eput = archive.plans().stream().filter(p -> p.id().equals("eput-e203623")).findFirst().orElseThrow();

        assertThat(timeline(eput).points()).containsExactly(new Timeline.Point(TestBuilds.AS_OF, 1, 5));
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

    /**
     * The counts are worked out in one pass through time; on every plan of the shipped content, and on
     * all their actions together, they must equal the counts worked out date by date from the definition:
     * an action counts from its plan's start, or from an earlier status reported for it; on each date its
     * status is that of its latest-dated update on or before it, whatever their order, else its status as
     * first published (which has no date of its own); on the as-of date, its derived state.
     */
    @Test
    void countsEqualTheDefinitionDateByDateOnTheShippedPlans() {
        Archive archive = Pipeline.check(TestBuilds.request(TestBuilds.SHIPPED_CONTENT, null)).archive();
        List<List<Timeline.Item>> sets = new java.util.ArrayList<>();
        for (Plan plan : archive.plans()) {
            sets.add(plan.actions().map(a -> new Timeline.Item(plan, a)).toList());
        }
        sets.add(sets.stream().flatMap(List::stream).toList());
        for (List<Timeline.Item> items : sets) {
            Timeline t = Timeline.of(items, TestBuilds.AS_OF);
            for (Timeline.Point point : t.points()) {
                int open = 0;
                int done = 0;
                for (Timeline.Item item : items) {
                    LocalDate start = item.plan().start() != null ? item.plan().start() : item.plan().published();
                    for (ProgressUpdate update : item.action().progress()) {
                        if (update.date() != null && update.status() != null && (start == null || update.date().isBefore(start))) {
                            start = update.date();
                        }
                    }
                    if (start != null && start.isAfter(point.date())) {
                        continue;
                    }
                    Lifecycle lifecycle = point.date().equals(TestBuilds.AS_OF) ? item.action().state().lifecycle() : on(item, point.date());
                    if (lifecycle.isDone()) {
                        done++;
                    } else {
                        open++;
                    }
                }
                assertThat(point).as("counts on %s", point.date()).isEqualTo(new Timeline.Point(point.date(), open, done));
            }
        }
    }

    private static Lifecycle on(Timeline.Item item, LocalDate date) {
        ScaleEntry status = item.action().status();
        LocalDate since = null;
        for (ProgressUpdate update : item.action().progress()) {
            if (update.date() != null && !update.date().isAfter(date) && update.status() != null
                    && (since == null || !update.date().isBefore(since))) {
                status = update.status();
                since = update.date();
            }
        }
        return status == null ? Lifecycle.NOT_STATED : status.lifecycle();
    }

    /** A plan published after the events it reports: its actions count from the dates they were reported on, not from its publication. */
    @Test
    void anActionReportedBeforeItsPlanWasPublishedCountsFromWhenItWasReported() {
        Plan plan = samplePlan();
        Action first = plan.recommendations().get(0).actions().get(0);
        Plan late = new Plan(plan.id(), plan.title(), plan.reference(), plan.kind(), plan.kindAsPublished(), plan.subject(),
                plan.commissionedBy(), plan.commissionedByAsPublished(), plan.investigatedBy(), plan.organisations(),
                LocalDate.of(2025, 1, 1), null, plan.targetCompletion(), plan.dateRange(), plan.careUnits(), plan.summary(),
                plan.updates(), plan.source(), plan.scales(), plan.extraColumns(), plan.addressedWithoutAction(), plan.recommendations(),
                plan.tally(), plan.statusDatesNotPublished(), plan.formerIds());
        Timeline t = Timeline.of(List.of(new Timeline.Item(late, first)), TestBuilds.AS_OF);
        LocalDate reported = first.progress().stream().filter(u -> u.status() != null && u.status().lifecycle().isDone())
                .map(ProgressUpdate::date).findFirst().orElseThrow();
        assertThat(t.points()).as("reported complete on %s, a year before the plan was published", reported)
                .contains(new Timeline.Point(reported, 0, 1));
        assertThat(t.spans().get(0).start()).as("the plan's publication is not when work on it started").isNull();
    }
}

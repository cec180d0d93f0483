package org.followthrough.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.followthrough.model.ActionState;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Markdown;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.ScaleEntry;
import org.followthrough.model.Target;
import org.followthrough.model.TargetDate;
import org.junit.jupiter.api.Test;

/** The derived facts readers rely on: latest status and since when, overdue, not updated recently. */
class ActionStateTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final ScaleEntry OPEN = new ScaleEntry("open", "Open", null, Lifecycle.IN_PROGRESS);
    private static final ScaleEntry DONE = new ScaleEntry("done", "Done", null, Lifecycle.COMPLETED);

    private static ProgressUpdate update(String date, ScaleEntry status) {
        return new ProgressUpdate(date == null ? null : LocalDate.parse(date), null, status, null, null, new Markdown("x"), null);
    }

    private static ActionState state(ScaleEntry status, Target target, ProgressUpdate... progress) {
        return new ActionStateCalculator(AS_OF, 6).state(status, null, null, target, List.of(progress));
    }

    @Test
    void latestStatusComesFromTheLatestUpdateThatGivesOne() {
        ActionState s = state(OPEN, null, update("2025-01-10", OPEN), update("2025-05-03", DONE), update("2025-09-01", null));
        assertThat(s.status()).isEqualTo(DONE);
        assertThat(s.statusSince()).isEqualTo(LocalDate.of(2025, 5, 3));
        assertThat(s.lastUpdated()).isEqualTo(LocalDate.of(2025, 9, 1));
    }

    @Test
    void statusSinceIsWhenItLastChangedNotWhenItWasLastRepeated() {
        ActionState s = state(null, null, update("2025-01-10", OPEN), update("2025-05-03", OPEN));
        assertThat(s.statusSince()).isEqualTo(LocalDate.of(2025, 1, 10));
    }

    @Test
    void aStatusPublishedWithTheActionHasNoDateOfItsOwn() {
        ActionState s = state(OPEN, null);
        assertThat(s.status()).isEqualTo(OPEN);
        assertThat(s.statusSince()).as("not the plan's publication: plans report work done long before").isNull();
        ActionState done = state(DONE, null);
        assertThat(done.lifecycle()).isEqualTo(Lifecycle.COMPLETED);
        assertThat(done.completedOn()).isNull();
    }

    @Test
    void aLaterDatedUpdateReportingTheActionDoneDatesItsCompletion() {
        ActionState s = state(DONE, null, update("2020-03-04", DONE));
        assertThat(s.completedOn()).isEqualTo(LocalDate.of(2020, 3, 4));
        assertThat(s.statusSince()).isEqualTo(LocalDate.of(2020, 3, 4));
        ActionState undatedThenDated = state(OPEN, null, update(null, DONE), update("2021-06-01", DONE));
        assertThat(undatedThenDated.completedOn()).isEqualTo(LocalDate.of(2021, 6, 1));
        ActionState datedThenRepeated = state(OPEN, null, update("2020-03-04", DONE), update("2021-06-01", DONE));
        assertThat(datedThenRepeated.completedOn()).as("the first dated report counts").isEqualTo(LocalDate.of(2020, 3, 4));
    }

    @Test
    void anUndatedUpdateChangingTheStatusLeavesItUndated() {
        ActionState s = state(OPEN, null, update("2020-01-01", OPEN), update(null, DONE));
        assertThat(s.status()).isEqualTo(DONE);
        assertThat(s.statusSince()).isNull();
        assertThat(s.completedOn()).isNull();
    }

    @Test
    void overdueWhenTheTargetHasPassedAndTheActionIsNotDone() {
        assertThat(state(OPEN, Target.of(new TargetDate.Day(LocalDate.of(2026, 11, 22)))).overdue()).isTrue();
        assertThat(state(OPEN, Target.of(new TargetDate.Day(AS_OF))).overdue()).as("due today is not late").isFalse();
        assertThat(state(DONE, Target.of(new TargetDate.Day(LocalDate.of(2020, 1, 1)))).overdue()).isFalse();
    }

    @Test
    void aTargetMonthRunsToItsLastDay() {
        assertThat(state(OPEN, Target.of(new TargetDate.Month(YearMonth.of(2026, 11)))).overdue()).isFalse();
        assertThat(state(OPEN, Target.of(new TargetDate.Month(YearMonth.of(2026, 10)))).overdue()).isTrue();
    }

    @Test
    void ongoingAndUndatedTargetsAreNeverOverdue() {
        assertThat(state(OPEN, Target.of(new TargetDate.Ongoing())).overdue()).isFalse();
        assertThat(state(OPEN, new Target("31 September 2020", null)).overdue()).isFalse();
    }

    @Test
    void anActionWithNoPublishedStatusIsNotDoneAndCanBeOverdue() {
        ActionState s = state(null, Target.of(new TargetDate.Month(YearMonth.of(2014, 4))));
        assertThat(s.lifecycle()).isEqualTo(Lifecycle.NOT_STATED);
        assertThat(s.overdue()).isTrue();
    }

    @Test
    void notUpdatedRecentlyAfterTheConfiguredMonths() {
        assertThat(state(OPEN, null, update("2026-05-24", OPEN)).stale()).isFalse();
        assertThat(state(OPEN, null, update("2026-05-22", OPEN)).stale()).isTrue();
        assertThat(state(DONE, null, update("2019-01-01", DONE)).stale()).as("finished actions need no updates").isFalse();
    }
}

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
    void anotherWordForTheSameStageIsNotANewStatusSinceThen() {
        ScaleEntry complete = new ScaleEntry("complete", "Complete", null, Lifecycle.COMPLETED);
        ScaleEntry ongoing = new ScaleEntry("ongoing", "Ongoing", null, Lifecycle.IN_PROGRESS);
        ActionState reworded = state(OPEN, null, update("2016-05-01", DONE), update("2018-11-28", complete));
        assertThat(reworded.status()).as("the plan's latest word").isEqualTo(complete);
        assertThat(reworded.statusSince()).as("completed since the first report of it, as completed on says")
                .isEqualTo(LocalDate.of(2016, 5, 1)).isEqualTo(reworded.completedOn());
        assertThat(reworded.history().get(1).changes()).as("the wording change is still in the history")
                .extracting(c -> c.from().code() + " → " + c.to().code()).containsExactly("done → complete");
        ActionState stillInProgress = state(null, null, update("2017-02-01", OPEN), update("2018-11-28", ongoing));
        assertThat(stillInProgress.statusSince()).isEqualTo(LocalDate.of(2017, 2, 1));
        ActionState movedOn = state(null, null, update("2017-02-01", OPEN), update("2018-11-28", complete));
        assertThat(movedOn.statusSince()).as("a new stage dates from its report").isEqualTo(LocalDate.of(2018, 11, 28));
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

    /**
     * Plans publish actions as done, then report them done again with a date years later: the work was done
     * before, so that date is neither when it was completed nor since when it has been.
     */
    @Test
    void aLaterDatedUpdateRepeatingThatTheActionIsDoneDoesNotDateIt() {
        ActionState publishedDone = state(DONE, null, update("2020-03-04", DONE));
        assertThat(publishedDone.completedOn()).isNull();
        assertThat(publishedDone.statusSince()).isNull();
        ScaleEntry complete = new ScaleEntry("complete", "Complete", null, Lifecycle.COMPLETED);
        ActionState reworded = state(DONE, null, update("2018-11-28", complete));
        assertThat(reworded.status()).isEqualTo(complete);
        assertThat(reworded.statusSince()).as("another word for the same stage, as published").isNull();
        assertThat(reworded.completedOn()).isNull();
        ActionState undatedThenDated = state(OPEN, null, update(null, DONE), update("2021-06-01", DONE));
        assertThat(undatedThenDated.completedOn()).isNull();
        assertThat(undatedThenDated.statusSince()).isNull();
    }

    @Test
    void theDatedUpdateThatFirstReportsTheActionDoneDatesItsCompletion() {
        ActionState s = state(OPEN, null, update("2019-01-01", OPEN), update("2020-03-04", DONE));
        assertThat(s.completedOn()).isEqualTo(LocalDate.of(2020, 3, 4));
        assertThat(s.statusSince()).isEqualTo(LocalDate.of(2020, 3, 4));
        ActionState datedThenRepeated = state(OPEN, null, update("2020-03-04", DONE), update("2021-06-01", DONE));
        assertThat(datedThenRepeated.completedOn()).as("the first report counts").isEqualTo(LocalDate.of(2020, 3, 4));
        ActionState reopened = state(OPEN, null, update("2020-03-04", DONE), update("2021-01-01", OPEN), update("2022-02-02", DONE));
        assertThat(reopened.completedOn()).as("done again after being reopened").isEqualTo(LocalDate.of(2022, 2, 2));
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

    /** Overdue says the published status is not complete; with no status published, only that the target passed is known. */
    @Test
    void anActionWithNoPublishedStatusIsNotDoneAndPastItsTargetButNotCalledOverdue() {
        ActionState s = state(null, Target.of(new TargetDate.Month(YearMonth.of(2014, 4))));
        assertThat(s.lifecycle()).isEqualTo(Lifecycle.NOT_STATED);
        assertThat(s.overdue()).isFalse();
        assertThat(s.targetPassedWithoutStatus()).isTrue();
        assertThat(state(OPEN, Target.of(new TargetDate.Month(YearMonth.of(2014, 4)))).targetPassedWithoutStatus())
                .as("with a status it is overdue instead").isFalse();
        assertThat(state(null, Target.of(new TargetDate.Month(YearMonth.of(2030, 4)))).targetPassedWithoutStatus()).isFalse();
    }

    @Test
    void notUpdatedRecentlyAfterTheConfiguredMonths() {
        assertThat(state(OPEN, null, update("2026-05-24", OPEN)).stale()).isFalse();
        assertThat(state(OPEN, null, update("2026-05-22", OPEN)).stale()).isTrue();
        assertThat(state(DONE, null, update("2019-01-01", DONE)).stale()).as("finished actions need no updates").isFalse();
    }
}

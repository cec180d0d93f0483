package org.followthrough.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.followthrough.support.Folders;
import org.followthrough.support.TestArchives;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What changed after a date (build --since), on small plans written out in each test: the period is
 * the days after the date up to the as-of date (23 November 2026), and the status "before" is the
 * status as at the date itself.
 */
class ChangesSinceTest {

    private static final LocalDate SINCE = LocalDate.of(2026, 6, 30);

    @TempDir
    Path temp;

    @Test
    void aStatusChangedInThePeriodIsListedWithTheStatusBeforeAndEachChange() throws IOException {
        ChangesSince changes = since(SINCE, plan("published: 2025-01-10"), """
                  - ref: "1"
                    owners: [{organisation: sample-trust}]
                    status: not-started
                    progress:
                      - {date: 2026-03-01, status: in-progress, text: Begun.}
                      - {date: 2026-08-01, status: completed, text: Done.}
                      - {date: 2026-09-15, status: embedded, text: Routine now.}
                """);

        assertThat(changes.statusChanges()).hasSize(1);
        ChangesSince.StatusChange change = changes.statusChanges().get(0);
        assertThat(change.before().code()).isEqualTo("in-progress");
        assertThat(change.beforeSince()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(change.steps()).extracting(s -> s.update().date() + " " + s.from().code() + " → " + s.to().code())
                .containsExactly("2026-08-01 in-progress → completed", "2026-09-15 completed → embedded");
        assertThat(change.after().code()).isEqualTo("embedded");
        assertThat(change.finished()).as("not done before, done after").isTrue();
    }

    /** As on the action's own page: a dated update repeating a status the action was published with does not date it. */
    @Test
    void theStatusBeforeIsNotDatedByAnUpdateThatRepeatedIt() throws IOException {
        ChangesSince changes = since(SINCE, plan("published: 2025-01-10"), """
                  - ref: "1"
                    owners: [{organisation: sample-trust}]
                    status: in-progress
                    progress:
                      - {date: 2026-03-01, status: in-progress, text: Still going.}
                      - {date: 2026-08-01, status: completed, text: Done.}
                """);

        ChangesSince.StatusChange change = changes.statusChanges().get(0);
        assertThat(change.before().code()).isEqualTo("in-progress");
        assertThat(change.beforeSince()).as("in progress since a date not published").isNull();
    }

    @Test
    void anUpdateDatedOnTheDateItselfIsWhatWasKnownThenNotAChange() throws IOException {
        ChangesSince changes = since(SINCE, plan("published: 2025-01-10"), """
                  - ref: "1"
                    owners: [{organisation: sample-trust}]
                    progress:
                      - {date: 2026-06-30, status: completed, text: Done on the day of the meeting.}
                """);

        assertThat(changes.statusChanges()).isEmpty();
        assertThat(changes.updates()).isEmpty();
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void progressUpdatesInThePeriodAreListedByDateWhetherOrNotTheyChangeTheStatus() throws IOException {
        ChangesSince changes = since(SINCE, plan("published: 2025-01-10"), """
                  - ref: "1"
                    owners: [{organisation: sample-trust}]
                    status: in-progress
                    progress:
                      - {date: 2026-09-01, status: in-progress, text: Still going.}
                  - ref: "2"
                    owners: [{organisation: sample-trust}]
                    progress:
                      - {date: 2026-05-01, text: Before the period.}
                      - {date: 2026-07-15, text: In the period.}
                """);

        assertThat(changes.updates()).extracting(u -> u.item().action().ref() + " " + u.entry().update().date())
                .containsExactly("2 2026-07-15", "1 2026-09-01");
        assertThat(changes.statusChanges()).as("the same status again is no change").isEmpty();
    }

    @Test
    void anUndatedUpdateAfterOneDatedInThePeriodIsInThePeriod() throws IOException {
        ChangesSince changes = since(SINCE, plan("published: 2025-01-10"), """
                  - ref: "1"
                    owners: [{organisation: sample-trust}]
                    status: in-progress
                    progress:
                      - {date: 2026-08-01, text: Dated.}
                      - {date_as_published: later that year, status: completed, text: Undated but after the one before.}
                """);

        assertThat(changes.updates()).extracting(u -> u.after()).containsExactly(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 1));
        assertThat(changes.statusChanges()).hasSize(1);
        assertThat(changes.statusChanges().get(0).steps().get(0).after()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(changes.undated()).isEmpty();
    }

    @Test
    void anUndatedUpdateThatNothingPlacesBeforeOrAfterTheDateCannotBePlaced() throws IOException {
        ChangesSince changes = since(SINCE, plan("published: 2025-01-10"), """
                  - ref: "1"
                    owners: [{organisation: sample-trust}]
                    status: in-progress
                    progress:
                      - {date: 2026-03-01, text: Before.}
                      - {date_as_published: undated, status: completed, text: Date not known.}
                      - {date: 2026-08-01, text: After.}
                  - ref: "2"
                    owners: [{organisation: sample-trust}]
                    progress:
                      - {date_as_published: undated, text: Before as an update dated before the date follows it.}
                      - {date: 2026-03-01, text: Before.}
                """);

        assertThat(changes.undated()).extracting(u -> u.item().action().ref() + " " + u.entry().update().text().source())
                .containsExactly("1 Date not known.");
        assertThat(changes.statusChanges()).as("a change that cannot be placed is not said to be in the period").isEmpty();
        assertThat(changes.updates()).extracting(u -> u.item().action().ref() + " " + u.entry().update().date())
                .containsExactly("1 2026-08-01");
    }

    @Test
    void theActionsOfAPlanPublishedInThePeriodAreNewAndTheirStatusesAreNotCalledChanges() throws IOException {
        ChangesSince changes = since(SINCE, plan("published: 2026-09-01"), """
                  - ref: "1"
                    owners: [{organisation: sample-trust}]
                    status: not-started
                    progress:
                      - {date: 2026-08-20, status: in-progress, text: Reported in the plan as published.}
                """);

        assertThat(changes.newActions()).extracting(n -> n.item().action().ref() + " " + n.on()).containsExactly("1 2026-09-01");
        assertThat(changes.statusChanges()).isEmpty();
        assertThat(changes.updates()).as("its dated updates in the period are still progress in it").hasSize(1);
    }

    @Test
    void aPlanWithoutAPublicationDateIsNewFromItsStartAndOneWithNeitherCannotBeToldNew() throws IOException {
        ChangesSince started = since(SINCE, plan("start: 2026-07-01"), ACTION);
        assertThat(started.newActions()).extracting(n -> n.on()).containsExactly(LocalDate.of(2026, 7, 1));

        ChangesSince undated = since(SINCE, plan(""), ACTION);
        assertThat(undated.newActions()).isEmpty();
        assertThat(undated.undatedPlans()).extracting(Plan::id).containsExactly("p");
    }

    @Test
    void aTargetPassesInThePeriodWhenItsLastDayFallsInItBeforeTheAsOfDate() throws IOException {
        ChangesSince changes = since(SINCE, plan("published: 2025-01-10"), """
                  - ref: "passed before"
                    owners: [{organisation: sample-trust}]
                    target: 2026-06-29
                  - ref: "last day on the date"
                    owners: [{organisation: sample-trust}]
                    target: 2026-06-30
                  - ref: "month in the period"
                    owners: [{organisation: sample-trust}]
                    target: 2026-10
                    progress:
                      - {date: 2026-10-20, status: completed, text: Met.}
                  - ref: "due on the as-of date"
                    owners: [{organisation: sample-trust}]
                    target: 2026-11-23
                  - ref: "ongoing"
                    owners: [{organisation: sample-trust}]
                    target: ongoing
                """);

        assertThat(changes.passedTargets()).extracting(t -> t.item().action().ref() + " " + t.deadline() + " met " + t.met())
                .containsExactly("last day on the date 2026-06-30 met false", "month in the period 2026-10-31 met true");
    }

    @Test
    void eachOrganisationHasTheChangesToTheActionsItOwnsAndSharedActionsCountForEachOwner() throws IOException {
        ChangesSince.Index index = index(SINCE, plan("published: 2025-01-10"), """
                  - ref: "trust"
                    owners: [{organisation: sample-trust}]
                    progress: [{date: 2026-08-01, text: Trust.}]
                  - ref: "shared"
                    owners: [{organisation: sample-trust}, {organisation: sample-police}]
                    progress: [{date: 2026-09-01, text: Both.}]
                """);

        assertThat(index.all().updates()).hasSize(2);
        assertThat(index.of("sample-trust").updates()).extracting(u -> u.item().action().ref()).containsExactly("trust", "shared");
        assertThat(index.of("sample-police").updates()).extracting(u -> u.item().action().ref()).containsExactly("shared");
        assertThat(index.of("nobody").isEmpty()).isTrue();
    }

    @Test
    void aPeriodCannotStartAfterTheAsOfDate() {
        Archive archive = TestArchives.small();
        assertThatThrownBy(() -> ChangesSince.of(archive, archive.asOf().plusDays(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ChangesSince.of(archive, archive.asOf()).isEmpty()).as("a period of no days is empty").isTrue();
    }

    private static final String ACTION = """
              - ref: "1"
                owners: [{organisation: sample-trust}]
            """;

    private static String plan(String dates) {
        return """
                title: A plan
                kind: independent_investigation
                organisations: [sample-trust, sample-police]
                """ + dates + "\n";
    }

    private ChangesSince since(LocalDate since, String planYaml, String actionsYaml) throws IOException {
        return index(since, planYaml, actionsYaml).all();
    }

    /** The small site's settings and organisations with this one plan, checked and assembled as at 23 November 2026. */
    private ChangesSince.Index index(LocalDate since, String planYaml, String actionsYaml) throws IOException {
        Path content = TestBuilds.copy(TestBuilds.fixture("small"), Files.createTempDirectory(temp, "content"));
        Folders.delete(content.resolve("plans/sample-review"));
        Path plan = Files.createDirectories(content.resolve("plans/p/recommendations"));
        Files.writeString(plan.resolveSibling("plan.yaml"), planYaml);
        Files.writeString(plan.resolve("01.yaml"), "number: \"1\"\nactions:\n" + actionsYaml);
        return ChangesSince.index(TestArchives.load(content), since);
    }
}

package org.followthrough.render.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.followthrough.model.Archive;
import org.followthrough.model.Markdown;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.render.data.ActionRecord;
import org.followthrough.support.TestArchives;
import org.junit.jupiter.api.Test;

/** Which updates a feed carries: at most the hundred most recent, newest first, those of one date as published. */
class ProgressEntriesTest {

    @Test
    void carriesTheHundredMostRecentUpdatesNewestFirstThoseOfOneDateAsPublishedAndCountsTheRest() {
        // Many updates of one date, then a newer one for every third action, so that the newer ones push out some of
        // that date while others of it stay: the hundredth falls among updates of one date. Some are undated.
        java.util.concurrent.atomic.AtomicInteger actions = new java.util.concurrent.atomic.AtomicInteger();
        Archive archive = TestArchives.mapActions(TestArchives.shipped(), (plan, action) -> {
            boolean newer = actions.getAndIncrement() % 3 == 0;
            List<ProgressUpdate> progress = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                LocalDate date = i == 9 && newer ? LocalDate.of(2024, 3, 1) : i % 4 == 3 ? null : LocalDate.of(2024, 2, 1);
                progress.add(new ProgressUpdate(date, null, null, null, null, new Markdown("Update " + i + "."), null));
            }
            return TestArchives.withProgress(action, progress, TestArchives.shipped());
        });
        ProgressEntries.Scope scope = ProgressEntries.Scope.site(archive);

        ProgressEntries.Selection selection = ProgressEntries.select(archive, scope);

        // What the feed should carry, worked out the plain way: every dated update as published, sorted by date alone.
        record Dated(ActionRecord record, int index, LocalDate date) {
        }
        List<Dated> all = new ArrayList<>();
        int undated = 0;
        for (ActionRecord record : scope.records()) {
            for (int i = 0; i < record.action().state().history().size(); i++) {
                LocalDate date = record.action().state().history().get(i).update().date();
                if (date == null) {
                    undated++;
                } else {
                    all.add(new Dated(record, i, date));
                }
            }
        }
        all.sort(Comparator.comparing(Dated::date).reversed());
        assertThat(all.size()).as("enough updates to leave some out").isGreaterThan(ProgressEntries.MOST_RECENT * 2);
        assertThat(all.get(ProgressEntries.MOST_RECENT - 1).date()).as("the last one carried shares its date with one left out")
                .isEqualTo(all.get(ProgressEntries.MOST_RECENT).date());
        List<String> expected = all.subList(0, ProgressEntries.MOST_RECENT).stream()
                .map(d -> d.record().plan().id() + " " + d.record().action().ref() + " #" + d.index()).toList();
        assertThat(selection.entries().stream().map(e -> e.record().plan().id() + " " + e.record().action().ref() + " #" + e.index()).toList())
                .containsExactlyElementsOf(expected);
        assertThat(selection.older()).isEqualTo(all.size() - ProgressEntries.MOST_RECENT);
        assertThat(selection.undated()).isEqualTo(undated).isPositive();
        assertThat(selection.updated()).isEqualTo(all.get(0).date());
        // the site's CSV and JSON hold each action's latest progress only: the feed sends readers to where the rest is
        assertThat(selection.subtitle(scope)).endsWith("Only the 100 most recent updates are here; the " + selection.older()
                + " older ones are in each plan's JSON download (plan.json).");
    }
}

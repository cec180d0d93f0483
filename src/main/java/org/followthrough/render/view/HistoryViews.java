package org.followthrough.render.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.followthrough.history.ChangeHistory;
import org.followthrough.history.Commit;
import org.followthrough.history.PlanChanges;
import org.followthrough.model.HistoryDetail;
import org.followthrough.render.Dates;

/**
 * What a plan page says about when the plan last changed, and what its change history page lists,
 * worded for readers who do not know Git. Commit times are dates in the site's time zone, so the
 * same commit gives the same page wherever and whenever it is built.
 */
public final class HistoryViews {

    private HistoryViews() {
    }

    /**
     * The "Last changed" line of a plan page.
     *
     * @param date        when the plan last changed, or null where that is not known
     * @param dateIso     the same for {@code <time datetime>}
     * @param onOrBefore  true when the date is only the start of a shortened history: the last change was then or earlier
     * @param note        what is not known or not yet recorded, or null
     * @param changes     how many changes the history page lists
     * @param path        the plan's change history page, or null where it has none
     */
    public record LastChanged(String date, String dateIso, boolean onOrBefore, String note, int changes, String path) {
    }

    /** One change on a history page; {@code message} and {@code author} are null where the site does not publish them. */
    public record Change(String date, String dateIso, String message, String author) {
    }

    /**
     * A plan's change history page.
     *
     * @param changes       newest first
     * @param shortenedFrom the date the history the site was built from starts, where it is shortened, else null
     * @param uncommitted   whether the plan's files had changes not yet recorded when the site was built
     * @param messages      whether the site publishes commit messages
     * @param authors       whether the site publishes authors' names
     * @param timeZone      the zone the dates are in
     */
    public record ChangeList(List<Change> changes, String shortenedFrom, String shortenedFromIso, boolean uncommitted,
                             boolean messages, boolean authors, String timeZone) {
    }

    /** Whether a plan has a change history page: the history was read and lists changes, or says from when it is shortened. */
    public static boolean hasPage(ChangeHistory history, PlanChanges plan) {
        return history.status() == ChangeHistory.Status.RECORDED && (!plan.commits().isEmpty() || history.shortenedFrom() != null);
    }

    /** The plan page's line, or null where the history was not read (the site publishes none, or the build left it out). */
    public static LastChanged lastChanged(ChangeHistory history, PlanChanges plan, String historyPath, ZoneId zone) {
        String notCommitted = plan.uncommitted() ? "This page also shows changes not yet recorded in the site's history." : null;
        return switch (history.status()) {
            case NOT_READ -> null;
            case NO_REPOSITORY -> unknown("Not known: this site was built from files that keep no history of their changes.");
            case NO_COMMITS -> unknown("Not known: no change to this site's files has been recorded yet.");
            case UNREADABLE -> unknown("Not known: the site's history of changes could not be read when it was built.");
            case RECORDED -> {
                String page = hasPage(history, plan) ? historyPath : null;
                if (!plan.commits().isEmpty()) {
                    LocalDate last = date(plan.commits().get(0).time(), zone);
                    yield new LastChanged(Dates.format(last), last.toString(), false, notCommitted, plan.commits().size(), page);
                }
                if (history.shortenedFrom() != null) {
                    LocalDate start = date(history.shortenedFrom(), zone);
                    yield new LastChanged(Dates.format(start), start.toString(), true, notCommitted, 0, page);
                }
                yield unknown(plan.uncommitted() ? "Not yet recorded: this plan's files are new since the site's last recorded change."
                        : "Not known: the site's history records no change to this plan's files.");
            }
        };
    }

    private static LastChanged unknown(String note) {
        return new LastChanged(null, null, false, note, 0, null);
    }

    /** The history page of a plan that has one. */
    public static ChangeList changeList(ChangeHistory history, PlanChanges plan, HistoryDetail detail, ZoneId zone) {
        boolean messages = detail == HistoryDetail.MESSAGES || detail == HistoryDetail.AUTHORS;
        boolean authors = detail == HistoryDetail.AUTHORS;
        List<Change> changes = plan.commits().stream().map(c -> change(c, messages, authors, zone)).toList();
        LocalDate start = history.shortenedFrom() == null ? null : date(history.shortenedFrom(), zone);
        return new ChangeList(changes, Dates.format(start), start == null ? null : start.toString(), plan.uncommitted(), messages, authors,
                zone.getId());
    }

    private static Change change(Commit commit, boolean messages, boolean authors, ZoneId zone) {
        LocalDate date = date(commit.time(), zone);
        return new Change(Dates.format(date), date.toString(), messages ? commit.subject() : null, authors ? commit.author() : null);
    }

    private static LocalDate date(Instant time, ZoneId zone) {
        return LocalDate.ofInstant(time, zone);
    }
}

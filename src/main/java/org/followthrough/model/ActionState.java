package org.followthrough.model;

import java.time.LocalDate;

/**
 * What the build works out about an action on its as-of date; never written in the content.
 *
 * @param status       the latest status published, or null when none was
 * @param lifecycle    the lifecycle of that status ({@link Lifecycle#NOT_STATED} when none)
 * @param statusSince  the date of the update from which the status (its stage) has held, or null when that update is undated
 *                     (a status the action was published with, or set by an undated update, has no date of its own)
 * @param grade        the latest grade, or null
 * @param rag          the latest RAG rating, or null
 * @param lastUpdated  the date of the latest dated progress update, or null
 * @param overdue      the target has passed on the as-of date and the latest status published is not a done one
 * @param targetPassedWithoutStatus the target has passed on the as-of date and no status was ever published: all
 *                     that is known, so the action is not called overdue
 * @param stale        the latest update is older than the site's limit (or there is no dated update and the action is not done)
 * @param completedOn  the date of the update that first reported the action done, where it gives one
 * @param history      each progress update with the changes of status, grade and RAG it made
 */
public record ActionState(
        ScaleEntry status,
        Lifecycle lifecycle,
        LocalDate statusSince,
        ScaleEntry grade,
        ScaleEntry rag,
        LocalDate lastUpdated,
        boolean overdue,
        boolean targetPassedWithoutStatus,
        boolean stale,
        LocalDate completedOn,
        java.util.List<HistoryEntry> history) {
}

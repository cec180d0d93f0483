package org.followthrough.assemble;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.followthrough.model.ActionState;
import org.followthrough.model.Change;
import org.followthrough.model.HistoryEntry;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.ScaleEntry;
import org.followthrough.model.Target;

/**
 * The rules for an action's derived state: latest status and since when, overdue, not updated
 * recently, when it was completed, and what each progress update changed.
 */
final class ActionStateCalculator {

    private final LocalDate asOf;
    private final int staleAfterMonths;

    ActionStateCalculator(LocalDate asOf, int staleAfterMonths) {
        this.asOf = asOf;
        this.staleAfterMonths = staleAfterMonths;
    }

    /**
     * A status the action was published with has no date of its own: it is not taken to date from the
     * plan's publication (plans are often published long after the work they report). The status
     * holds from the update that first gave its stage (the lifecycle: a new word for the same stage does
     * not move the date), and the action counts as completed on the update that first reported it done:
     * where that update (or the action as published) gives no date, neither is known, and a later dated
     * update repeating the stage does not date it (it would say the action was done only then).
     *
     * @param initialStatus the status the action was first published with, or null
     */
    ActionState state(ScaleEntry initialStatus, ScaleEntry initialGrade, ScaleEntry initialRag,
                      Target target, List<ProgressUpdate> progress) {
        ScaleEntry status = initialStatus;
        LocalDate since = null;
        ScaleEntry grade = initialGrade;
        ScaleEntry rag = initialRag;
        LocalDate lastUpdated = null;
        LocalDate completedOn = null;
        List<HistoryEntry> history = new ArrayList<>();
        for (ProgressUpdate update : progress) {
            List<Change> changes = new ArrayList<>();
            if (update.status() != null) {
                if (status == null || !update.status().code().equals(status.code())) {
                    changes.add(new Change("Status", status, update.status()));
                }
                // Since when the stage has held: another of the plan's words for the same stage (Completed, then
                // Complete) is a change of wording, not of status, and does not move the date.
                if (status == null || status.lifecycle() != update.status().lifecycle()) {
                    since = update.date();
                }
                if (!isDone(update.status())) {
                    completedOn = null;
                } else if (!isDone(status)) {
                    completedOn = update.date();
                }
                status = update.status();
            }
            if (update.grade() != null && !sameCode(grade, update.grade())) {
                changes.add(new Change("Grade", grade, update.grade()));
            }
            if (update.grade() != null) {
                grade = update.grade();
            }
            if (update.rag() != null && !sameCode(rag, update.rag())) {
                changes.add(new Change("RAG", rag, update.rag()));
            }
            if (update.rag() != null) {
                rag = update.rag();
            }
            if (update.date() != null) {
                lastUpdated = update.date();
            }
            history.add(new HistoryEntry(update, List.copyOf(changes)));
        }
        Lifecycle lifecycle = status == null ? Lifecycle.NOT_STATED : status.lifecycle();
        LocalDate deadline = target == null || target.date() == null ? null : target.date().deadline();
        boolean passed = !lifecycle.isDone() && deadline != null && deadline.isBefore(asOf);
        // Overdue is a claim about a published status; without one, only the passing of the target is known.
        boolean overdue = passed && status != null;
        boolean stale = !lifecycle.isDone()
                && (lastUpdated == null || lastUpdated.plusMonths(staleAfterMonths).isBefore(asOf));
        return new ActionState(status, lifecycle, since, grade, rag, lastUpdated, overdue, passed && status == null, stale,
                lifecycle.isDone() ? completedOn : null, List.copyOf(history));
    }

    private static boolean isDone(ScaleEntry status) {
        return status != null && status.lifecycle().isDone();
    }

    private static boolean sameCode(ScaleEntry a, ScaleEntry b) {
        return a != null && b != null && Objects.equals(a.code(), b.code());
    }
}

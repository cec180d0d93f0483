package org.followthrough.assemble;

import java.time.LocalDate;
import java.util.List;
import org.followthrough.model.ActionState;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.ScaleEntry;
import org.followthrough.model.Target;

/** The rules for an action's derived state: latest status and since when, overdue, not updated recently. */
final class ActionStateCalculator {

    private final LocalDate asOf;
    private final int staleAfterMonths;

    ActionStateCalculator(LocalDate asOf, int staleAfterMonths) {
        this.asOf = asOf;
        this.staleAfterMonths = staleAfterMonths;
    }

    /**
     * @param initialStatus the status the action was first published with, or null
     * @param published     the plan's publication date: the status as first published holds from then
     */
    ActionState state(ScaleEntry initialStatus, LocalDate published, ScaleEntry initialGrade, ScaleEntry initialRag,
                      Target target, List<ProgressUpdate> progress) {
        ScaleEntry status = initialStatus;
        LocalDate since = initialStatus == null ? null : published;
        ScaleEntry grade = initialGrade;
        ScaleEntry rag = initialRag;
        LocalDate lastUpdated = null;
        for (ProgressUpdate update : progress) {
            if (update.status() != null) {
                if (status == null || !update.status().code().equals(status.code())) {
                    since = update.date();
                } else if (since == null) {
                    since = update.date();
                }
                status = update.status();
            }
            if (update.grade() != null) {
                grade = update.grade();
            }
            if (update.rag() != null) {
                rag = update.rag();
            }
            if (update.date() != null) {
                lastUpdated = update.date();
            }
        }
        Lifecycle lifecycle = status == null ? Lifecycle.NOT_STATED : status.lifecycle();
        LocalDate deadline = target == null || target.date() == null ? null : target.date().deadline();
        boolean overdue = !lifecycle.isDone() && deadline != null && deadline.isBefore(asOf);
        boolean stale = !lifecycle.isDone()
                && (lastUpdated == null || lastUpdated.plusMonths(staleAfterMonths).isBefore(asOf));
        return new ActionState(status, lifecycle, since, grade, rag, lastUpdated, overdue, stale);
    }
}

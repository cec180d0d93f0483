package org.followthrough.model;

import java.time.LocalDate;

/** A further action required after review, with its own target. */
public record FollowUp(Markdown text, Target target, ScaleEntry status) {

    /**
     * Whether the follow-up's date has passed on {@code asOf} without its being reported done. Wording that names a day
     * its month does not have ("31 June 2019") gives no date, but has passed once that month has ended.
     */
    public boolean datePassed(LocalDate asOf) {
        LocalDate deadline = null;
        if (target != null && target.date() != null) {
            deadline = target.date().deadline();
        } else if (target != null && target.monthOfImpossibleDay() != null) {
            deadline = target.monthOfImpossibleDay().atEndOfMonth();
        }
        boolean done = status != null && status.lifecycle() != null && status.lifecycle().isDone();
        return !done && deadline != null && deadline.isBefore(asOf);
    }
}

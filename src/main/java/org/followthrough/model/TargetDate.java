package org.followthrough.model;

import java.time.LocalDate;
import java.time.YearMonth;

/** What a target means in time: a day, a month, or ongoing work with no end. */
public sealed interface TargetDate permits TargetDate.Day, TargetDate.Month, TargetDate.Ongoing {

    /** The last day on which the target is still met, or null for ongoing work. */
    LocalDate deadline();

    record Day(LocalDate date) implements TargetDate {
        @Override
        public LocalDate deadline() {
            return date;
        }
    }

    record Month(YearMonth month) implements TargetDate {
        @Override
        public LocalDate deadline() {
            return month.atEndOfMonth();
        }
    }

    record Ongoing() implements TargetDate {
        @Override
        public LocalDate deadline() {
            return null;
        }
    }
}

package org.followthrough.render;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.followthrough.model.Target;
import org.followthrough.model.TargetDate;

/** Dates as UK readers write them ("3 May 2025"), whatever the machine's locale. */
public final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.UK);

    private Dates() {
    }

    public static String format(LocalDate date) {
        return date == null ? null : DAY.format(date);
    }

    public static String format(YearMonth month) {
        return MONTH.format(month);
    }

    public static String format(TargetDate date) {
        if (date == null) {
            return null;
        }
        if (date instanceof TargetDate.Day day) {
            return format(day.date());
        }
        if (date instanceof TargetDate.Month month) {
            return format(month.month());
        }
        return "Ongoing";
    }

    /** Machine-readable form for {@code <time datetime>}: 2025-05-03, 2025-05, or null for ongoing. */
    public static String iso(TargetDate date) {
        if (date instanceof TargetDate.Day day) {
            return day.date().toString();
        }
        if (date instanceof TargetDate.Month month) {
            return month.month().toString();
        }
        return null;
    }

    /** The target as readers should see it: the plan's wording where there is one. */
    public static String describe(Target target) {
        if (target == null) {
            return null;
        }
        return target.asPublished() != null ? target.asPublished() : format(target.date());
    }
}

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
        if (date == null) {
            return null;
        }
        int index = index(date);
        if (index < 0) {
            return DAY.format(date);
        }
        String text = FORMATTED[index];
        if (text == null) {
            text = DAY.format(date);
            FORMATTED[index] = text;
        }
        return text;
    }

    /** A day in ISO form ("2025-05-03"), as data and {@code datetime} attributes give it; null for none. */
    public static String iso(LocalDate date) {
        if (date == null) {
            return null;
        }
        int index = index(date);
        if (index < 0) {
            return date.toString();
        }
        String text = ISO[index];
        if (text == null) {
            text = date.toString();
            ISO[index] = text;
        }
        return text;
    }

    /**
     * Each day of a century written out once, when first asked for: a build writes hundreds of thousands of dates, but a few
     * thousand days. (Two threads may write the same day at once; the text is the same, and a string is safe to share.)
     */
    private static final long FIRST_DAY = LocalDate.of(1990, 1, 1).toEpochDay();
    private static final String[] FORMATTED = new String[36_525];
    private static final String[] ISO = new String[36_525];

    /** The day's place in the century kept, or -1 outside it. */
    private static int index(LocalDate date) {
        long index = date.toEpochDay() - FIRST_DAY;
        return index < 0 || index >= FORMATTED.length ? -1 : (int) index;
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

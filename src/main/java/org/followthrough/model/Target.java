package org.followthrough.model;

import java.time.Month;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as published: the plan's own wording (may be null when the editor wrote a plain date)
 * and, where the wording names a real date, what it means (may be null: "Completed", "31 September 2020").
 */
public record Target(String asPublished, TargetDate date) {

    /** A day, a month's name or its first three or more letters, and a year: "31 June 2019", "31st Sept 2020". */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th)?\\s+(\\p{L}{3,})\\.?,?\\s+(\\d{4})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    public static Target of(TargetDate date) {
        return new Target(null, date);
    }

    /**
     * The month of wording that names a day its month does not have ("31 June 2019", "29 February 2019"): no exact date
     * can be read from it, but once that month has ended its date has passed under any reading. Null for any other
     * wording, a real date's included.
     */
    public YearMonth monthOfImpossibleDay() {
        if (asPublished == null) {
            return null;
        }
        Matcher m = DAY_MONTH_YEAR.matcher(asPublished.strip());
        if (!m.matches()) {
            return null;
        }
        Month month = month(m.group(2).toLowerCase(Locale.ROOT));
        if (month == null) {
            return null;
        }
        YearMonth yearMonth = YearMonth.of(Integer.parseInt(m.group(3)), month);
        int day = Integer.parseInt(m.group(1));
        return day > yearMonth.lengthOfMonth() && day <= 31 ? yearMonth : null;
    }

    private static Month month(String word) {
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(word)) {
                return month;
            }
        }
        return null;
    }
}

package org.followthrough.importing.plan;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date a plan's wording names, where it names exactly one real one: "30/11/2013",
 * "30 November 2018", "Apr-14", "Completed August 2016", "Ongoing". Anything else names none:
 * the wording is kept and the editor decides.
 */
final class Dates {

    private static final String MONTHS = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*";
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)? " + MONTHS + ",? (\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTHS + "[- ,]+('?\\d{2}|\\d{4})\\b", Pattern.CASE_INSENSITIVE);

    private Dates() {
    }

    /** The day, month or "ongoing" the text names, written as the format writes it (2018-11-30, 2014-04, ongoing). */
    static Optional<String> meaning(String text) {
        if (text.strip().equalsIgnoreCase("ongoing")) {
            return Optional.of("ongoing");
        }
        List<String> found = new ArrayList<>();
        String rest = text;
        for (Pattern pattern : List.of(NUMERIC, ISO, DAY_MONTH_YEAR, MONTH_YEAR)) {
            Matcher m = pattern.matcher(rest);
            StringBuilder left = new StringBuilder();
            while (m.find()) {
                found.add(convert(pattern, m));
                m.appendReplacement(left, " ");
            }
            m.appendTail(left);
            rest = left.toString();
        }
        return found.size() == 1 && found.get(0) != null ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** A day named in a heading ("PROGRESS as of 14 June 2017"), if exactly one is named. */
    static Optional<LocalDate> day(String text) {
        return meaning(text).filter(m -> m.length() == 10).map(LocalDate::parse);
    }

    private static String convert(Pattern pattern, Matcher m) {
        try {
            if (pattern == NUMERIC) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))).toString();
            }
            if (pattern == ISO) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))).toString();
            }
            if (pattern == DAY_MONTH_YEAR) {
                return LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1))).toString();
            }
            String year = m.group(2).replace("'", "");
            return YearMonth.of(year.length() == 2 ? 2000 + Integer.parseInt(year) : Integer.parseInt(year), month(m.group(1))).toString();
        } catch (DateTimeException e) {
            return null; // "31 September 2020": printed, but no such day
        }
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(prefix) + 1;
    }
}

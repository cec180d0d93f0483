package org.followthrough.validate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.followthrough.format.Doc;
import org.followthrough.format.ShapeChecker;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;
import org.followthrough.source.ContentFiles;
import org.followthrough.source.SourceFile;

/**
 * Points at dates written inside progress text ("Complete 04/03/2020"): trackers often put the date
 * of a change in the text, where the site cannot place it in time. Each is a warning at the date's
 * own line and column, suggesting the dated form. Dates are read day first, as UK plans write them;
 * a date the update already gives as its own is not reported.
 */
final class DatesInProgress {

    /**
     * 04/03/2020, 4/3/20, 04.03.2020, 04-03-2020 and 2020-03-04. Dots and hyphens only with a
     * four-digit year, so that references such as 3.2.10 are not taken for dates.
     */
    static final Pattern DATE = Pattern.compile(
            "(?<![\\d/.-])(?:(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})|(\\d{1,2})([.-])(\\d{1,2})\\5(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))(?![\\d/]|[.-]\\d)");
    // taken whole (possessively), and without '{' in the name (no Markdown file's name holds one): a line of '{file:x' again
    // and again is looked at once, not from each '{' to its end
    private static final Pattern FILE_REFERENCE = Pattern.compile("\\{\\s*+file:\\s*+([^{}\\s]++)\\s*+}");

    /** A date found in a text: as written, what it means, and where in the text it starts. */
    record Found(String written, LocalDate date, int index) {
    }

    private final ContentFiles files;
    private final LocalDate asOf;
    private final Problems problems;

    DatesInProgress(ContentFiles files, LocalDate asOf, Problems problems) {
        this.files = files;
        this.asOf = asOf;
        this.problems = problems;
    }

    /** The real dates a text holds, in order. */
    static List<Found> in(String text, LocalDate asOf) {
        List<Found> found = new ArrayList<>();
        // The pattern is tried only where a date can start (a digit after none of [0-9/.-]), as find() would find them:
        // trying it at every character was a twentieth of a cold build's processor time at 1,000 plans.
        Matcher m = DATE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (!digit(text.charAt(i)) || i > 0 && (digit(text.charAt(i - 1)) || "/.-".indexOf(text.charAt(i - 1)) >= 0)) {
                continue;
            }
            m.region(i, length);
            if (m.lookingAt()) {
                date(m, asOf).ifPresent(date -> found.add(new Found(m.group(), date, m.start())));
                i = m.end() - 1;
            }
        }
        return found;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Optional<LocalDate> date(Matcher m, LocalDate asOf) {
        try {
            if (m.group(1) != null) {
                return Optional.of(LocalDate.of(year(m.group(3), asOf), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            }
            if (m.group(4) != null) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(7)), Integer.parseInt(m.group(6)), Integer.parseInt(m.group(4))));
            }
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(8)), Integer.parseInt(m.group(9)), Integer.parseInt(m.group(10))));
        } catch (DateTimeException e) {
            return Optional.empty(); // 31/02/2020 or 13/13/13 is not a date, whatever it is
        }
    }

    /** A two-digit year is in this century unless that would be after the as-of date's year. */
    private static int year(String written, LocalDate asOf) {
        int year = Integer.parseInt(written);
        if (written.length() == 4) {
            return year;
        }
        return 2000 + year <= asOf.getYear() ? 2000 + year : 1900 + year;
    }

    /** Reports each date in the text of a progress update written in {@code file}. */
    void check(Doc update, SourceFile file) {
        if (!update.has("text")) {
            return;
        }
        LocalDate own = update.date("date");
        String text = update.markdown("text").source();
        Location at = update.locationOf("text");
        for (Found found : in(text, asOf)) {
            if (found.date().equals(own)) {
                continue;
            }
            String iso = found.date().toString();
            Location where = locate(file, at, text, found);
            if (own == null) {
                problems.warning(where, "progress text gives the date " + found.written() + ", and the update has no date of its own",
                        "if the update describes that day, add date: " + iso + " to it (the text can keep its words), so the site can place it in time");
            } else {
                problems.warning(where, "progress text gives the date " + found.written() + ", not the update's date (" + own + ")",
                        "if something changed on that day (a status reported complete), record it as an update of its own, in date order: - date: "
                                + iso + " with its status");
            }
        }
    }

    /**
     * Where the date is in the file: the same occurrence of its words at or after the text's start, in
     * the YAML file or in the Markdown file the text is read from ({file: name.md}); the start of the
     * text where it cannot be found (a plain scalar folded over lines the text no longer has).
     */
    private Location locate(SourceFile yaml, Location start, String text, Found found) {
        int occurrence = occurrences(text.substring(0, found.index()), found.written());
        List<String> lines = yaml.text().lines().toList();
        if (start.line() >= 1 && start.line() <= lines.size()) {
            Matcher reference = FILE_REFERENCE.matcher(lines.get(start.line() - 1));
            if (reference.find(Math.max(0, Math.min(start.column() - 1, lines.get(start.line() - 1).length())))) {
                String path = ShapeChecker.resolve(yaml.path(), reference.group(1));
                Optional<SourceFile> md = path == null ? Optional.empty() : files.get(path);
                if (md.isPresent()) {
                    return find(md.get(), 1, 1, Integer.MAX_VALUE, found.written(), occurrence).orElse(start);
                }
            }
            long lineCount = text.lines().count();
            return find(yaml, start.line(), start.column(), (int) Math.min(Integer.MAX_VALUE, start.line() + lineCount + 1),
                    found.written(), occurrence).orElse(start);
        }
        return start;
    }

    private static int occurrences(String text, String words) {
        int count = 0;
        for (int at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
            count++;
        }
        return count;
    }

    /** The {@code occurrence}-th (from 0) place of the words from line:column on, up to {@code lastLine}. */
    private static Optional<Location> find(SourceFile file, int line, int column, int lastLine, String words, int occurrence) {
        List<String> lines = file.text().lines().toList();
        int seen = 0;
        for (int l = line; l <= Math.min(lastLine, lines.size()); l++) {
            String text = lines.get(l - 1);
            int from = l == line ? Math.max(0, column - 1) : 0;
            for (int at = text.indexOf(words, from); at >= 0; at = text.indexOf(words, at + 1)) {
                if (seen++ == occurrence) {
                    return Optional.of(new Location(file.display(), l, at + 1));
                }
            }
        }
        return Optional.empty();
    }
}

package org.followthrough.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;

/**
 * The lines Git leaves in a file when a merge or rebase could not join two people's changes: {@code <<<<<<<} before one
 * version, {@code =======} between the two, {@code >>>>>>>} after the other. Committed as they are, a YAML file fails to
 * read somewhere below them, and a Markdown file publishes both versions, with the markers made into a heading and
 * quotations. A file is taken to hold a conflict only where a start marker comes before an end marker, as a line of seven
 * '=' alone is also Markdown's way of underlining a heading.
 */
public final class ConflictMarkers {

    private static final Pattern START = Pattern.compile("^<{7}(?:[ \\t].*)?$", Pattern.MULTILINE);
    private static final Pattern END = Pattern.compile("^>{7}(?:[ \\t].*)?$", Pattern.MULTILINE);

    private ConflictMarkers() {
    }

    /** Reports the first conflict left in a file, at its start marker; whether there was none. */
    public static boolean none(String text, String display, Problems problems) {
        Matcher start = START.matcher(text);
        if (!start.find()) {
            return true;
        }
        Matcher end = END.matcher(text);
        if (!end.find(start.end())) {
            return true;
        }
        int line = lineOf(text, start.start());
        problems.error(new Location(display, line, 1), "a merge conflict is left in the file: Git marked two versions of lines "
                        + line + " to " + lineOf(text, end.start()) + " with '<<<<<<<', '=======' and '>>>>>>>'",
                "keep the version you mean, delete the other and the three marker lines, and commit the file again");
        return false;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}

package org.followthrough.format;

import java.util.regex.Pattern;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;

/**
 * The lines Git leaves in a file when a merge or rebase could not join two people's changes: {@code <<<<<<<} before one
 * version, {@code =======} between the two, {@code >>>>>>>} after the other. Committed as they are, a YAML file fails to
 * read somewhere below them, and a Markdown file publishes both versions, with the markers made into a heading and
 * quotations. A file is taken to hold a conflict only where the three come in that order, each alone at the start of its
 * line (a line of seven '=' alone is also Markdown's way of underlining a heading, and seven '&gt;' a quotation seven
 * deep); in Markdown, not inside a fenced block of code, which may show a conflict as an example.
 */
public final class ConflictMarkers {

    private static final Pattern START = Pattern.compile("<{7}(?:[ \\t].*)?");
    private static final Pattern MIDDLE = Pattern.compile("={7}[ \\t]*");
    private static final Pattern END = Pattern.compile(">{7}(?:[ \\t].*)?");
    private static final Pattern FENCE = Pattern.compile(" {0,3}(```|~~~).*");

    private ConflictMarkers() {
    }

    /** In a YAML file: reports the first conflict left, at its start marker; whether there was none. */
    public static boolean none(String text, String display, Problems problems) {
        return none(text, display, problems, false);
    }

    /** In a Markdown file, where a fenced block of code may show markers as an example. */
    public static boolean noneInMarkdown(String text, String display, Problems problems) {
        return none(text, display, problems, true);
    }

    private static boolean none(String text, String display, Problems problems, boolean markdown) {
        if (!text.contains("<<<<<<<")) {
            return true;
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        boolean fenced = false;
        int start = 0;
        boolean middle = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (markdown && FENCE.matcher(line).matches()) {
                fenced = !fenced;
                start = 0;
                middle = false;
            } else if (fenced) {
                continue;
            } else if (START.matcher(line).matches()) {
                start = i + 1;
                middle = false;
            } else if (start > 0 && MIDDLE.matcher(line).matches()) {
                middle = true;
            } else if (start > 0 && middle && END.matcher(line).matches()) {
                problems.error(new Location(display, start, 1), "a merge conflict is left in the file: Git marked two versions of lines "
                                + start + " to " + (i + 1) + " with '<<<<<<<', '=======' and '>>>>>>>'",
                        "keep the version you mean, delete the other and the three marker lines, and commit the file again");
                return false;
            }
        }
        return true;
    }
}

package org.followthrough.source;

import java.util.List;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;

/**
 * Values that YAML reads otherwise than an editor copying a plan's words expects, each told as a warning
 * where it is:
 * <ul>
 *   <li>a comment after a value, which YAML drops without a word: {@code role: Team Manager #2 North}
 *       publishes "Team Manager";</li>
 *   <li>a value in curly quotes, as a word processor writes them ({@code ref: “1.1”}): YAML quotes only with
 *       straight ones, so the curly ones are published as part of the value;</li>
 *   <li>a value, or an item of a list on one line, that ends with a double quote mark no other one opens
 *       ({@code title: Changes to CPA status"}): the opening one was left out, and the mark is published.</li>
 * </ul>
 * Lines of a block text ({@code |} or {@code >}) are passed over, as are whole-line comments.
 */
final class YamlPitfalls {

    private YamlPitfalls() {
    }

    static void warn(SourceFile file, Problems problems) {
        String text = file.text();
        if (text.indexOf(" #") < 0 && text.indexOf("\t#") < 0 && text.indexOf('\u201C') < 0 && text.indexOf('\u2018') < 0
                && text.indexOf('"') < 0) {
            return;
        }
        List<String> lines = text.lines().toList();
        int block = -1;
        char openQuote = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            int indent = YamlLines.indent(line);
            if (openQuote != 0) {
                // a quoted text running on over lines: its '#' and curly quotes are text
                openQuote = YamlLines.closesAt(line, 0, openQuote) >= 0 ? 0 : openQuote;
                continue;
            }
            if (block >= 0) {
                if (line.isBlank() || indent > block) {
                    continue;
                }
                block = -1;
            }
            int value = YamlLines.valueStart(line);
            if (value >= line.length() || line.charAt(value) == '#') {
                continue;
            }
            char first = line.charAt(value);
            if (first == '|' || first == '>') {
                block = indent;
                continue;
            }
            if (first == '"' || first == '\'') {
                openQuote = YamlLines.closesAt(line, value + 1, first) >= 0 ? 0 : first;
                continue;
            }
            if (first == '[') {
                listItemsClosingAQuote(file, line, value, n, problems);
                continue;
            }
            if (first == '{') {
                curlyQuotedInAFlow(file, line, value, n, problems);
                continue;
            }
            int hash = comment(line, value);
            String plain = (hash > value ? line.substring(value, hash) : line.substring(value)).strip();
            // a value written over several lines is told as a whole, or not at all: its quote marks may open on one line and close on another
            if (closesAQuoteNeverOpened(plain) && YamlLines.startsStructure(line) && !continuesBelow(lines, n)) {
                problems.warning(new Location(file.display(), n + 1, value + plain.length()), closingQuoteMessage(plain),
                        "if the value was meant to be in quotes, add the opening one: \"" + plain);
            }
            if (inCurlyQuotes(plain)) {
                curlyQuoted(file, n, value, plain, problems);
            }
            if (hash > value) {
                String kept = line.substring(value, hash).strip();
                problems.warning(new Location(file.display(), n + 1, hash + 1),
                        "the text from this '#' on is a comment, which is not published: the value is '" + kept + "'",
                        "to publish the '#' and what follows it, put the whole value in double quotes, e.g. \""
                                + line.substring(value).strip() + "\"");
            }
        }
    }

    private static boolean inCurlyQuotes(String plain) {
        return plain.length() >= 2 && (plain.charAt(0) == '\u201C' && plain.endsWith("\u201D") || plain.charAt(0) == '\u2018' && plain.endsWith("\u2019"))
                && plain.substring(1, plain.length() - 1).chars().noneMatch(c -> c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019');
    }

    private static void curlyQuoted(SourceFile file, int n, int value, String plain, Problems problems) {
        problems.warning(new Location(file.display(), n + 1, value + 1),
                "the value is in curly quotes (" + plain + "), which YAML does not read as quotes: they will be published as part of it",
                "to quote the value, use straight quotes: \"" + plain.substring(1, plain.length() - 1) + "\"; if the quotes are"
                        + " the plan's own, write the value as '" + plain + "'");
    }

    /**
     * The values in curly quotes of a mapping on one line ({@code target: {as_published: “Completed May 2017”, date: 2017-05}}),
     * the form the guide gives a plan's own wording, where text pasted from Word lands: each told as one on a line of its own is.
     */
    private static void curlyQuotedInAFlow(SourceFile file, String line, int open, int n, Problems problems) {
        int close = line.indexOf('}', open);
        if (close < 0) {
            return;
        }
        int start = open + 1;
        for (int i = open + 1; i <= close; i++) {
            char c = line.charAt(i);
            if (c == ',' || c == '}') {
                String entry = line.substring(start, i);
                int colon = entry.indexOf(": ");
                if (colon >= 0) {
                    String plain = entry.substring(colon + 2).strip();
                    if (inCurlyQuotes(plain)) {
                        curlyQuoted(file, n, start + entry.indexOf(plain, colon + 2), plain, problems);
                    }
                }
                start = i + 1;
            }
        }
    }

    /** Whether the value on line {@code n} runs on over the line below: the next line that is not blank is further in and no field or item. */
    private static boolean continuesBelow(List<String> lines, int n) {
        for (int m = n + 1; m < lines.size(); m++) {
            if (!lines.get(m).isBlank()) {
                return YamlLines.indent(lines.get(m)) > YamlLines.indent(lines.get(n)) && !YamlLines.startsStructure(lines.get(m));
            }
        }
        return false;
    }

    /** Whether a value YAML reads as it is written ends with a double quote mark that no other one opens: {@code number: 2"}. */
    private static boolean closesAQuoteNeverOpened(String plain) {
        return plain.length() >= 2 && plain.endsWith("\"") && plain.chars().filter(c -> c == '"').count() == 1;
    }

    private static String closingQuoteMessage(String plain) {
        return "the value ends with a \" that no quote mark opens: it is published as part of the value (" + plain + ")";
    }

    /**
     * The same in each item of a list written on one line ({@code [Specialist, Inpatient and Urgent Care"]}): the missing
     * opening quote also splits one item at its commas into several.
     */
    private static void listItemsClosingAQuote(SourceFile file, String line, int open, int n, Problems problems) {
        int close = line.indexOf(']', open);
        if (close < 0 || line.indexOf('"', open) < 0) {
            return;
        }
        int start = open + 1;
        for (int i = open + 1; i <= close; i++) {
            if (line.charAt(i) == '"' && line.substring(start, i).isBlank()) {
                return; // an item in quotes: the quoted text may hold commas, so the items cannot be told apart here
            }
            if (line.charAt(i) == ',' || i == close) {
                String item = line.substring(start, i).strip();
                if (closesAQuoteNeverOpened(item)) {
                    problems.warning(new Location(file.display(), n + 1, line.lastIndexOf('"', i) + 1), closingQuoteMessage(item),
                            "if the item was meant to be in quotes, add the opening one where it starts; quoted, an item may hold commas");
                }
                start = i + 1;
            }
        }
    }

    /**
     * The '#' that starts a comment after the value (one after white space) where it looks like part of the text, or
     * -1. One followed by a space ("# as published") is taken as a comment meant as one, and not told.
     */
    private static int comment(String line, int from) {
        for (int i = from + 1; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
                return i + 1 < line.length() && line.charAt(i + 1) != ' ' && line.charAt(i + 1) != '\t' ? i : -1;
            }
        }
        return -1;
    }
}

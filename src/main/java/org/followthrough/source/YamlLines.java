package org.followthrough.source;

import java.util.regex.Pattern;

/**
 * A YAML file read line by line, as an editor sees it, for what the parser does not say: where a mistake
 * is, and what it reads otherwise than the editor meant. Only the shapes the content format writes are
 * known: fields ({@code name: value}), list items ({@code - }), block texts ({@code |} and {@code >}) and
 * quoted values.
 */
public final class YamlLines {

    private YamlLines() {
    }

    /** A field's name: words joined by '_' (or '-', as extra columns' ids are). A ': ' after anything else is within a text. */
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_-]*";

    /** A line that starts a field ("name:") or a list item ("- "). */
    private static final Pattern STRUCTURE = Pattern.compile("\\s*(- |" + NAME + ":( |$))");

    /** A line that is a field with a value on it ("name: value"), after any '- '. */
    private static final Pattern FIELD_WITH_VALUE = Pattern.compile("\\s*(- )?" + NAME + ": \\S.*");

    /** Whether a line starts a field or a list item: text, quoted or not, running on over lines never does. */
    public static boolean startsStructure(String line) {
        return STRUCTURE.matcher(line).lookingAt();
    }

    /** Whether a line is a field with its value on the line ("name: value"), after any '- '. */
    static boolean isFieldWithValue(String line) {
        return FIELD_WITH_VALUE.matcher(line).matches();
    }

    /** Whether a text is a field's name. */
    static boolean isName(String text) {
        return text.matches(NAME);
    }

    /** How far a line is indented. */
    public static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    /**
     * Where a line's value starts: after any '- ' and a field's name and ': '; the line's length for a field whose
     * value is below it ("name:"); else after the indentation and any '- '.
     */
    static int valueStart(String line) {
        int i = afterItems(line);
        int colon = line.indexOf(": ", i);
        if (colon > i && isName(line.substring(i, colon))) {
            i = colon + 2;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
        } else if (line.endsWith(":") && isName(line.substring(i, line.length() - 1))) {
            return line.length();
        }
        return i;
    }

    /** Whether a line names a field ("name: …" or "name:"), after any '- '. */
    static boolean namesField(String line) {
        int i = afterItems(line);
        int colon = line.indexOf(": ", i);
        return colon > i && isName(line.substring(i, colon)) || line.endsWith(":") && isName(line.substring(i, line.length() - 1));
    }

    /** Where the first field of a line starts, after its indentation and any '- '. */
    static int fieldStart(String line) {
        return afterItems(line);
    }

    /** Where a line's text starts after its indentation and any list items' '- '. */
    private static int afterItems(String line) {
        int i = indent(line);
        while (line.startsWith("- ", i)) {
            i += 2;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
        }
        return i;
    }

    /** Where a quoted text opened with {@code quote} closes on this line, from {@code from}, or -1 ('' and \" do not close it). */
    static int closesAt(String line, int from, char quote) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}

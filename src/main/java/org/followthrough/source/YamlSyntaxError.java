package org.followthrough.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.followthrough.format.ContentFormat;
import org.followthrough.problem.Location;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error as an editor can act on it: the parser's own words ("while scanning a simple key",
 * "expected &lt;block end&gt;") are put plainly, and the error is placed where the mistake is. The parser
 * knows two places: where it found it could not go on, and where the thing it was reading began; a
 * missing ':' or an unclosed '[' is at the second, which is often a line or more before the first.
 */
record YamlSyntaxError(Location at, String message, String hint) {

    static final String GENERIC_HINT = "check the indentation and quoting on this line and the one before;"
            + " quote text that contains ': ' or starts with a special character";

    /**
     * @param fallback where the YAML library puts the error, used when the parser gives no place of its own
     * @param described the parser's message in one line, used when it is not one of the kinds put plainly here
     */
    static YamlSyntaxError of(String file, String text, JsonProcessingException e, Location fallback, String described) {
        if (!(e.getCause() instanceof MarkedYAMLException marked)) {
            return new YamlSyntaxError(fallback, "YAML syntax error: " + described, GENERIC_HINT);
        }
        String problem = marked.getProblem() == null ? "" : marked.getProblem();
        String context = marked.getContext() == null ? "" : marked.getContext();
        Location problemAt = at(file, marked.getProblemMark(), fallback);
        Location contextAt = at(file, marked.getContextMark(), problemAt);
        // Quoted text may run on over lines, so one left open reads on until a later quote mark, and the parser stops
        // further down: a value opened with a quote and not closed on its line, at or before that, is the likelier mistake.
        Location unclosed = unclosedQuote(file, text, problemAt.line());
        if (unclosed != null) {
            return unclosedQuote(unclosed);
        }
        Location afterQuote = textAfterClosingQuote(text, problemAt);
        if (afterQuote != null) {
            char quote = lineAt(text, afterQuote.line()).charAt(afterQuote.column() - 1);
            return new YamlSyntaxError(afterQuote, quote == '\''
                    ? "the text in 'single quotes' ends at this ' and more text follows it: an apostrophe inside single quotes ends them"
                    : "the text in \"double quotes\" ends at this \" and more text follows it",
                    quote == '\'' ? "write the apostrophe twice ('Team Manager''s audit'), or put the whole value in double quotes instead"
                            + " (\"Team Manager's audit\")"
                            : "to publish the quote marks, put the whole value in single quotes ('\"Monthly\" audit'), or write each \" inside"
                            + " the double quotes as \\\"");
        }
        YamlSyntaxError longName = nameTooLong(text, problemAt.line(), problemAt.file());
        if (longName == null && contextAt.line() != problemAt.line()) {
            longName = nameTooLong(text, contextAt.line(), problemAt.file());
        }
        if (longName != null) {
            return longName;
        }
        if (problem.startsWith("expected '<document start>'")) {
            return afterTheEnd(problem, problemAt, text);
        }
        if (context.startsWith("while scanning a block scalar")) {
            return new YamlSyntaxError(problemAt, "'|' and '>' start a block of text on the lines below, and may be followed on their own"
                    + " line only by '-' or '+' and a digit from 1 to 9",
                    "put the text on the lines below, indented further than the field's name; to publish text that starts with '|'"
                            + " or '>', put the whole value in double quotes");
        }
        if (problem.startsWith("found character") && problem.contains("that cannot start any token")) {
            return cannotStart(problem, problemAt, text);
        }
        if (context.startsWith("while scanning a simple key") && problem.startsWith("could not find expected ':'")) {
            int noBreak = noBreakSpaceAfterColon(lineAt(text, contextAt.line()));
            if (noBreak >= 0) {
                return new YamlSyntaxError(new Location(contextAt.file(), contextAt.line(), noBreak + 1),
                        "the space after this ':' is a no-break space (as copied from Word or a PDF), which YAML does not read as a space",
                        "delete it and type an ordinary space");
            }
            java.util.regex.Matcher unspacedField = UNSPACED_FIELD.matcher(lineAt(text, contextAt.line()));
            if (unspacedField.matches() && FIELD_NAMES.contains(unspacedField.group(1))) {
                return noSpaceAfterColon(text, new Location(contextAt.file(), contextAt.line(), unspacedField.start(2) + 1));
            }
            return new YamlSyntaxError(contextAt, "this line has no ':' after its field's name",
                    "write the name, a colon and a space, then the value (title: Recording of meetings); if the line carries on"
                            + " the text of the line above, indent it as far as that text");
        }
        if ((context.startsWith("while parsing a flow mapping") || context.startsWith("while parsing a flow sequence"))
                && hidesItsEnd(text, contextAt)) {
            return new YamlSyntaxError(contextAt, "a ' #' on this line starts a comment, which hides the rest of the line, its closing"
                    + (context.contains("mapping") ? " '}'" : " ']'") + " included",
                    "put the value holding the '#' in double quotes, e.g. role: \"Team Manager #2\"");
        }
        if (context.startsWith("while parsing a flow sequence")) {
            return new YamlSyntaxError(contextAt, "the list opened with '[' here is not closed where it should be",
                    "end the list with ']' after its last item, separating items with commas; or write each item on a line of its"
                            + " own, starting with '- '");
        }
        if (context.startsWith("while parsing a flow mapping")) {
            return new YamlSyntaxError(contextAt, "the '{' here is not closed where it should be",
                    "end it with '}' after its last 'name: value' pair, separating pairs with commas");
        }
        if (context.startsWith("while scanning a quoted scalar")) {
            return unclosedQuote(contextAt);
        }
        Location unspaced = problem.startsWith("mapping values are not allowed") || problem.startsWith("expected <block end>")
                ? noSpaceAfterFieldName(text, problemAt) : null;
        if (unspaced != null) {
            return noSpaceAfterColon(text, unspaced);
        }
        Location noBreakDash = problem.startsWith("mapping values are not allowed") || problem.startsWith("expected <block end>")
                ? dashReadAsAName(text, problemAt, true) : null;
        if (noBreakDash != null) {
            String field = lineAt(text, noBreakDash.line()).substring(noBreakDash.column()).replaceFirst("^[\u00a0 ]+", "").strip();
            return new YamlSyntaxError(noBreakDash, org.followthrough.format.Characters.NO_BREAK_SPACE_AFTER_DASH,
                    "delete it and type an ordinary space: - " + field);
        }
        Location joined = problem.startsWith("mapping values are not allowed") || problem.startsWith("expected <block end>")
                ? dashReadAsAName(text, problemAt, false) : null;
        if (joined != null) {
            String field = lineAt(text, joined.line()).strip().substring(1);
            return new YamlSyntaxError(joined, "this '-' is joined to the field's name, so YAML reads '-" + field.substring(0, field.indexOf(':'))
                            + "' as the name, not as a list item",
                    "a list item starts with a dash and a space: - " + field);
        }
        if (problem.startsWith("mapping values are not allowed") && indentedUnderAValue(text, problemAt)) {
            return new YamlSyntaxError(new Location(problemAt.file(), problemAt.line(), YamlLines.indent(lineAt(text, problemAt.line())) + 1),
                    "this field is indented further than the field above it, so YAML reads it as more of that field's text",
                    "start it in the same column as the other fields of the same thing");
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return new YamlSyntaxError(problemAt, "the value holds ': ', which YAML reads as the start of another field",
                    quoteTheValue(lineAt(text, problemAt.line())));
        }
        if (problem.startsWith("sequence entries are not allowed")) {
            return new YamlSyntaxError(problemAt, "a '- ' here starts a list item where a value was expected",
                    "put the list's items on lines of their own under the field's name, each starting with '- ' and indented;"
                            + " if the '-' belongs to the text, put the whole value in double quotes");
        }
        if (problem.startsWith("expected <block end>")) {
            return new YamlSyntaxError(problemAt, "this line is not indented as the lines it belongs with",
                    "start it in the same column as the other fields of the same thing (or the other list items, each starting"
                            + " with '- '); a line that carries on a text is indented further than its field's name"
                            + nearestOfItsKind(text, problemAt.line()));
        }
        String plain = problem.isEmpty() ? described : problem + (context.isEmpty() ? "" : " (" + context + ")");
        return new YamlSyntaxError(problemAt, "YAML syntax error: " + plain.replaceAll("\\s+", " "), GENERIC_HINT);
    }

    /** The longest field's name YAML reads: it looks no further for the ':' that ends one. */
    private static final int LONGEST_NAME = 1024;

    /**
     * A field's name longer than YAML reads on line {@code n} (a ':' and a space, or a ':' ending the line, come more than
     * {@value #LONGEST_NAME} characters after the name starts): YAML then reads the line as text, and tells of a ':' where
     * none was looked for. Null where the line has no such name.
     */
    private static YamlSyntaxError nameTooLong(String text, int n, String file) {
        String line = lineAt(text, n);
        int start = YamlLines.indent(line);
        if (line.startsWith("- ", start)) {
            start = start + 2 + YamlLines.indent(line.substring(start + 2));
        }
        int colon = line.indexOf(": ", start);
        if (colon < 0 && line.endsWith(":")) {
            colon = line.length() - 1;
        }
        if (colon - start <= LONGEST_NAME || line.substring(start, colon).contains(" #")) {
            return null;
        }
        return new YamlSyntaxError(new Location(file, n, start + 1), String.format(java.util.Locale.ROOT,
                "the field's name on this line is %,d characters long; YAML reads a name of at most %,d", colon - start, LONGEST_NAME),
                "no field has a name that long: write the field's name, a colon and a space, then the value");
    }

    /**
     * More of the file after what YAML reads as its end: a '}' or ']' that closes nothing, a line of '...' (which ends a YAML
     * document), or a second document started with '---'. Told at the stray bracket, or at the line that ends the file early.
     */
    private static YamlSyntaxError afterTheEnd(String problem, Location problemAt, String text) {
        if (problem.endsWith("but found '}'") || problem.endsWith("but found ']'")) {
            char bracket = problem.charAt(problem.length() - 2);
            return new YamlSyntaxError(problemAt, "this '" + bracket + "' closes nothing: what it would close was closed before it",
                    "delete it");
        }
        for (int n = problemAt.line() - 1; n >= 1; n--) {
            String line = lineAt(text, n);
            if (line.matches("(\\.\\.\\.|---)(\\s.*)?")) {
                boolean end = line.startsWith("...");
                return new YamlSyntaxError(new Location(problemAt.file(), n, 1), end
                        ? "a line of '...' ends the file for YAML, but more follows it"
                        : "a line of '---' starts a second document in the file, which holds one set of fields",
                        "delete this line" + (end ? "" : ", and give the fields after it a file of their own if they are another thing's"));
            }
        }
        return new YamlSyntaxError(problemAt, "the file goes on after what YAML reads as its end", "delete what follows the end, or"
                + " check the line above for a stray '}', ']' or '...'");
    }

    /**
     * A list item's '-' written so that YAML reads it as the start of a field's name, on a line at or just above {@code at}:
     * joined to the name ({@code -organisation: x}), or followed by a no-break space pasted from Word ({@code -\u00a0organisation:
     * x}). YAML reads a field named "-organisation", or text running on, and stops a line or two further down. Where the
     * dash is, or the no-break space after it; null where there is none.
     */
    private static Location dashReadAsAName(String text, Location at, boolean noBreakSpace) {
        String dash = noBreakSpace ? "[ ]*-\u00a0[\u00a0 ]*" : "\\s*-";
        for (int n = at.line(); n >= 1 && n >= at.line() - 3; n--) {
            String line = lineAt(text, n);
            if (line.matches(dash + "[A-Za-z_][A-Za-z0-9_]*:(\\s.*)?") && !inBlockText(text, n)) {
                return new Location(at.file(), n, YamlLines.indent(line) + (noBreakSpace ? 2 : 1));
            }
        }
        return null;
    }

    /**
     * The ':' of a line just above {@code at} that starts with the name of one of the format's fields and a colon with no
     * space after it ({@code title:EPUT action plan}), in the column of the line YAML stopped at: YAML reads the line as
     * text, which runs on into the next field's line, and stops there. Null where there is none (a web address such as
     * {@code https://…} is text, and so is a line further in, which carries on a text above it).
     */
    private static Location noSpaceAfterFieldName(String text, Location at) {
        int column = YamlLines.indent(lineAt(text, at.line()));
        for (int n = at.line() - 1; n >= 1 && n >= at.line() - 3; n--) {
            java.util.regex.Matcher m = UNSPACED_FIELD.matcher(lineAt(text, n));
            if (m.matches() && m.start(1) == column && FIELD_NAMES.contains(m.group(1)) && !inBlockText(text, n)) {
                return new Location(at.file(), n, m.start(2) + 1);
            }
        }
        return null;
    }

    /**
     * A line starting with a field's name (or a list item's) and a colon with something other than a space, or '//',
     * after it: group 1 is the name, group 2 the colon.
     */
    private static final java.util.regex.Pattern UNSPACED_FIELD =
            java.util.regex.Pattern.compile("\\s*(?:-\\s+)?([A-Za-z_][A-Za-z0-9_]*)(:)(?![\\s/]).+");

    /** The name of every field of the content format: only these are taken for a field written without its space. */
    private static final java.util.Set<String> FIELD_NAMES = java.util.stream.Stream.of(ContentFormat.SITE, ContentFormat.THEME,
                    ContentFormat.ORGANISATION, ContentFormat.PLAN, ContentFormat.PLAN_UPDATE, ContentFormat.SOURCE, ContentFormat.SCALES,
                    ContentFormat.SCALE_ENTRY, ContentFormat.STATUS_ENTRY, ContentFormat.EXTRA_COLUMN, ContentFormat.ADDRESSED,
                    ContentFormat.RECOMMENDATION, ContentFormat.ACTION, ContentFormat.OWNER, ContentFormat.TARGET, ContentFormat.EVIDENCE,
                    ContentFormat.FOLLOW_UP, ContentFormat.PROGRESS)
            .flatMap(shape -> shape.fieldNames().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** The error at a field's ':' with no space after it (see {@link #noSpaceAfterFieldName}). */
    private static YamlSyntaxError noSpaceAfterColon(String text, Location colon) {
        String line = lineAt(text, colon.line());
        String name = line.substring(0, colon.column() - 1).replaceFirst("^\\s*(-\\s+)?", "");
        String value = line.substring(colon.column());
        return new YamlSyntaxError(colon, "there is no space after this ':', so YAML reads '" + name + ":" + shortened(value)
                + "' as text, not as the field " + name, "put a space after the colon: " + name + ": " + shortened(value));
    }

    /** A value as a message quotes it: up to 30 characters. */
    private static String shortened(String value) {
        String stripped = value.strip();
        return stripped.length() <= 30 ? stripped : stripped.substring(0, 30) + "…";
    }

    /** Whether line {@code n} is a line of a text below '|' or '>': the nearest line above it indented less opens such a block. */
    private static boolean inBlockText(String text, int n) {
        int indent = YamlLines.indent(lineAt(text, n));
        for (int above = n - 1; above >= 1; above--) {
            String line = lineAt(text, above);
            if (!line.isBlank() && YamlLines.indent(line) < indent) {
                return line.matches(".*:\\s*[|>][-+0-9]*\\s*(#.*)?");
            }
        }
        return false;
    }

    /** Line {@code n} (from 1) of a text, or "" where there is none. */
    private static String lineAt(String text, int n) {
        List<String> lines = text.lines().toList();
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
    }

    /**
     * Where text follows the closing quote of a value that starts with one, on the line of {@code at} and before it
     * ({@code 'Team Manager's audit'}, {@code "Monthly" audit}): the place of the quote that closes it, or null.
     */
    private static Location textAfterClosingQuote(String text, Location at) {
        String line = lineAt(text, at.line());
        int start = YamlLines.valueStart(line);
        if (start >= line.length() || (line.charAt(start) != '"' && line.charAt(start) != '\'')) {
            return null;
        }
        int close = YamlLines.closesAt(line, start + 1, line.charAt(start));
        if (close < 0 || close + 1 >= at.column()) {
            return null;
        }
        String after = line.substring(close + 1).strip();
        if (after.isEmpty() || after.startsWith("#") || after.startsWith(",") || after.startsWith("]") || after.startsWith("}")) {
            return null;
        }
        return new Location(at.file(), at.line(), close + 1);
    }

    /** Where on a line a field's ':' is followed by a no-break space rather than a space, or -1. */
    private static int noBreakSpaceAfterColon(String line) {
        int i = line.indexOf(":\u00a0");
        return i >= 0 && YamlLines.isName(withoutListDashes(line.substring(YamlLines.indent(line), i)).strip()) ? i + 1 : -1;
    }

    /** The text after the '- ' (each with its spaces) that start it, as entries of lists nested on one line do. */
    private static String withoutListDashes(String text) {
        int i = 0;
        while (i + 1 < text.length() && text.charAt(i) == '-' && text.charAt(i + 1) == ' ') {
            i += 2;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
        }
        return text.substring(i);
    }

    private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*:(\\s.*)?");

    /**
     * For a line not indented as the lines it belongs with: the line quoted with its column, and the nearest line above of
     * its kind (a list item, or a field, not a line of a block of text) that starts a column or two away, the likeliest one it
     * was meant to line up with, with its column. Lines further in are passed over (another level); "" where the nearest line
     * not further in starts in the same column or further out (a slip elsewhere, or another level). An editor in a plain text
     * editor sees no columns, so both are told by their words.
     */
    static String nearestOfItsKind(String text, int lineNumber) {
        List<String> lines = text.lines().toList();
        if (lineNumber < 1 || lineNumber > lines.size()) {
            return "";
        }
        String line = lines.get(lineNumber - 1);
        boolean item = line.strip().startsWith("- ");
        int column = (item ? YamlLines.indent(line) : YamlLines.fieldStart(line)) + 1;
        for (int n = lineNumber - 1; n >= 1; n--) {
            String above = lines.get(n - 1);
            String words = above.strip();
            if (words.isEmpty() || words.startsWith("#") || (item ? !words.startsWith("- ")
                    : !FIELD.matcher(above.substring(YamlLines.fieldStart(above))).matches()) || inBlockText(text, n)) {
                continue;
            }
            int at = (item ? YamlLines.indent(above) : YamlLines.fieldStart(above)) + 1;
            if (at > column + 2) {
                continue; // a level further in (an owner's '-' above an action's): not what this line lines up with
            }
            if (at == column || at < column - 2) {
                return "";
            }
            String what = item ? "its '-'" : "'" + shortened(line.substring(column - 1)) + "'";
            String there = item ? "the '-' of line " + n : "'" + shortened(above.substring(at - 1)) + "' on line " + n;
            return ". Here " + what + " is in column " + column + ", and " + there + ", the nearest of its kind above, is in column " + at;
        }
        return "";
    }

    /**
     * How to quote the value of a line that holds ': ', shown on the line itself: in double quotes, or in single quotes where
     * the value holds a double quote already (quoted in double quotes, it would end there), each apostrophe written twice.
     */
    static String quoteTheValue(String line) {
        int start = YamlLines.valueStart(line);
        String value = start < line.length() ? line.substring(start).strip() : "";
        String field = line.substring(YamlLines.indent(line), start);
        if (value.isEmpty() || value.startsWith("\"") || value.startsWith("'") || value.contains(" #") || !field.endsWith(" ")) {
            return "put the whole value in double quotes, e.g. title: \"Record keeping: who attended\"";
        }
        if (value.contains("\"") || value.contains("\\")) {
            // in double quotes a backslash starts an escape (S:\\Governance would be refused), as a '"' ends the value
            return "put the whole value in single quotes, as it holds " + (value.contains("\"") ? "double quotes" : "a backslash")
                    + (value.contains("'") ? ", and write each apostrophe in it twice" : "") + ": " + field + "'" + value.replace("'", "''") + "'";
        }
        return "put the whole value in double quotes: " + field + "\"" + value + "\"";
    }

    /** "found character '@' that cannot start any token": a value starting with a character YAML keeps, or a tab. */
    private static YamlSyntaxError cannotStart(String problem, Location at, String text) {
        if (problem.contains("'\\t(TAB)'")) {
            String before = lineAt(text, at.line()).substring(0, Math.max(0, Math.min(lineAt(text, at.line()).length(), at.column() - 1)));
            return new YamlSyntaxError(at, before.stripTrailing().endsWith(":")
                    ? "a tab follows the field's ':' here, where YAML allows only spaces"
                    : "a tab here, where YAML allows only spaces", "replace the tab with a space");
        }
        int quote = problem.indexOf('\'');
        String character = quote >= 0 && problem.indexOf('\'', quote + 1) > quote ? problem.substring(quote + 1, problem.indexOf('\'', quote + 1)) : "?";
        String line = lineAt(text, at.line());
        int start = YamlLines.valueStart(line);
        String value = start < line.length() ? line.substring(start).strip() : "";
        String example = value.startsWith(character) && !value.contains("\"") && !value.contains(" #")
                ? line.substring(YamlLines.indent(line), start) + "\"" + value + "\"" : "description: \"" + character + "MaST dashboard\"";
        return new YamlSyntaxError(at, "a value cannot start with '" + character + "': YAML keeps it for other uses",
                "put the whole value in double quotes, e.g. " + example);
    }

    /**
     * Whether the ': ' at {@code at} follows nothing but a field's name on its line, and the line above, less indented,
     * is a field with a value: a field indented too far, read as the text of the one above.
     */
    private static boolean indentedUnderAValue(String text, Location at) {
        List<String> lines = text.lines().toList();
        if (at.line() < 2 || at.line() > lines.size()) {
            return false;
        }
        String line = lines.get(at.line() - 1);
        int colon = Math.min(line.length(), Math.max(0, at.column() - 1));
        if (!YamlLines.isName(line.substring(0, colon).strip())) {
            return false;
        }
        for (int n = at.line() - 2; n >= 0; n--) {
            String above = lines.get(n);
            if (above.isBlank()) {
                continue;
            }
            return YamlLines.indent(above) < YamlLines.indent(line) && YamlLines.isFieldWithValue(above);
        }
        return false;
    }

    /** Whether the line at {@code at} holds a ' #' after its opening bracket: a comment that hides the closing one. */
    private static boolean hidesItsEnd(String text, Location at) {
        List<String> lines = text.lines().toList();
        if (at.line() < 1 || at.line() > lines.size()) {
            return false;
        }
        String line = lines.get(at.line() - 1);
        int from = Math.min(line.length(), Math.max(0, at.column() - 1));
        return line.indexOf(" #", from) >= 0;
    }

    private static YamlSyntaxError unclosedQuote(Location at) {
        return new YamlSyntaxError(at, "the quoted text that starts here is not closed",
                "end it with the quote mark it starts with, on the same line; inside \"double quotes\" write a \" as \\\","
                        + " and inside 'single quotes' write a ' as ''");
    }

    /**
     * The first value up to line {@code last} that starts with a quote mark (after a field's name or a list's '- '),
     * does not close on its line, and runs on over a line that reads as a field or a list item before it closes (or
     * never closes): quoted text may run on over lines, but not over the file's structure. Null where there is none.
     * Lines of block texts ('|' or '>') are passed over.
     */
    static Location unclosedQuote(String file, String text, int last) {
        String[] lines = text.split("\n", -1);
        int block = -1;
        for (int n = 0; n < Math.min(last, lines.length); n++) {
            String line = lines[n];
            int indent = YamlLines.indent(line);
            if (block >= 0 && (line.isBlank() || indent > block)) {
                continue;
            }
            block = -1;
            int start = YamlLines.valueStart(line);
            if (start >= line.length()) {
                continue;
            }
            char quote = line.charAt(start);
            if (!YamlLines.namesField(line) && quote != '"' && quote != '\'') {
                continue; // a line of text, not a value
            }
            if (quote == '|' || quote == '>') {
                block = indent;
                continue;
            }
            if ((quote != '"' && quote != '\'') || YamlLines.closesAt(line, start + 1, quote) >= 0) {
                continue;
            }
            int m = n + 1;
            while (m < lines.length && YamlLines.closesAt(lines[m], 0, quote) < 0 && !YamlLines.startsStructure(lines[m])) {
                m++;
            }
            if (m >= lines.length || YamlLines.startsStructure(lines[m])) {
                return new Location(file, n + 1, start + 1);
            }
            n = m; // a quoted text over several lines, closed before any field: its lines are text
        }
        return null;
    }

    private static Location at(String file, Mark mark, Location otherwise) {
        return mark == null ? otherwise : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}

package org.followthrough.scaffold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problem;
import org.followthrough.problem.Problems;
import org.followthrough.source.Node;
import org.followthrough.source.SourceFile;
import org.followthrough.source.YamlReader;

/**
 * Adds a progress entry to an action's {@code progress:} list, at the end or, where it is dated before
 * entries already there, before the first of them, by inserting lines at the
 * place the loader's line numbers point to. Nothing else in the file changes: comments, key order,
 * quoting and blank lines stay as the editor left them, which re-writing the YAML would not keep.
 * The result is read back, and used only if it holds exactly one more progress entry, the new one.
 */
final class ProgressInsertion {

    /** The file's new text and the line the entry starts on; or, when it could not be added, why. */
    record Inserted(String text, int line, Problem problem) {
        static Inserted refused(Location at, String message, String hint) {
            return new Inserted(null, 0, Problem.error(at, message, hint));
        }
    }

    private ProgressInsertion() {
    }

    static List<Node.Mapping> actions(Node root) {
        List<Node.Mapping> actions = new ArrayList<>();
        if (root instanceof Node.Mapping file && value(file, "actions") instanceof Node.Sequence list) {
            list.items().stream().filter(Node.Mapping.class::isInstance).map(Node.Mapping.class::cast).forEach(actions::add);
        }
        return actions;
    }

    static String ref(Node.Mapping action) {
        // as check reads a one-line text: without the spaces at its ends, no-break spaces included
        return value(action, "ref") instanceof Node.Scalar ref ? org.followthrough.format.Characters.stripAnySpace(ref.text()) : "";
    }

    /**
     * @param entry the entry as YAML starting {@code - date: …} at column 0, ending with a line break
     */
    static Inserted insert(SourceFile file, Node.Mapping action, String entry, LocalDate date) {
        String text = file.text();
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        Node root = YamlReader.read(file, new Problems()).orElseThrow();
        int end = end(root, action, lines);

        String itemIndent;
        int boundary;
        boolean withKey;
        Optional<Node.Mapping.Entry> progress = action.entry("progress");
        if (progress.isEmpty()) {
            itemIndent = spaces(action.location().column() - 1) + "  ";
            boundary = end;
            withKey = true;
        } else if (progress.get().value() instanceof Node.Sequence list && !list.items().isEmpty()) {
            Location first = list.items().get(0).location();
            if (isFlow(lines, list.location())) {
                return Inserted.refused(list.location(), "this progress list is written between [ and ], so an update cannot be added to it line by line",
                        "write the list one entry a line, each starting with '- ', then run new update again");
            }
            String line = lines.get(first.line() - 1);
            int dash = line.lastIndexOf('-', first.column() - 2);
            if (dash < 0) {
                return Inserted.refused(first, "the first progress entry is not on the line of its '-'", "add the update by hand");
            }
            itemIndent = spaces(dash);
            boundary = nextKeyLine(action, "progress").orElse(end);
            withKey = false;
            // progress is a history, oldest first: an update dated before later ones goes in before the first of them
            int later = firstDatedAfter(list, date);
            if (later >= 0) {
                return placed(file, lines, eol, action, entry, itemIndent, entryStart(lines, list.items().get(later).location(), itemIndent), later, date);
            }
        } else if (progress.get().value() instanceof Node.Scalar empty && empty.kind() == Node.Scalar.Kind.NULL
                // 'progress: []', as a plan with no update yet may be written: the list is now written one entry a line
                || progress.get().value() instanceof Node.Sequence none && none.items().isEmpty() && emptied(lines, none.location())) {
            itemIndent = spaces(progress.get().keyLocation().column() - 1) + "  ";
            boundary = nextKeyLine(action, "progress").orElse(end);
            withKey = false;
        } else {
            return Inserted.refused(progress.get().value().location(), "'progress' should be a list of progress updates",
                    "fix it (check says how), then run new update again");
        }

        int after = lastContentLine(lines, boundary, action.location().line());
        List<String> added = new ArrayList<>();
        if (withKey) {
            added.add(spaces(action.location().column() - 1) + "progress:");
        }
        entry.lines().forEach(l -> added.add(l.isEmpty() ? l : itemIndent + l));
        if (after == lines.size() && !lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            after--; // the empty string after the file's last line break
        }
        lines.addAll(after, added);
        if (after + added.size() == lines.size()) {
            lines.add("");
        }
        String updated = String.join(eol, lines);
        int entryLine = after + (withKey ? 2 : 1);
        if (!holdsTheNewEntry(file, updated, ref(action), progressCount(action), progressCount(action), date)) {
            return Inserted.refused(action.location(), "the update could not be added without disturbing the file's layout",
                    "add it by hand at the end of the action's progress list");
        }
        return new Inserted(updated, entryLine, null);
    }

    /**
     * Takes an empty list written {@code []} (over one line or several) off the field's line, leaving the field's name and
     * any comment after the list, so that entries can follow it one a line; the lines it spanned are left blank, so that
     * every other line keeps its number. False, changing nothing, where the list is not written so.
     */
    private static boolean emptied(List<String> lines, Location list) {
        int first = list.line() - 1;
        int open = list.column() - 1;
        if (first >= lines.size() || open < 0 || open >= lines.get(first).length() || lines.get(first).charAt(open) != '[') {
            return false;
        }
        int line = first;
        int at = open + 1;
        while (line < lines.size()) {
            String text = lines.get(line);
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at < text.length()) {
                if (text.charAt(at) != ']') {
                    return false;
                }
                break;
            }
            line++;
            at = 0;
        }
        if (line == lines.size()) {
            return false;
        }
        String after = lines.get(line).substring(at + 1).strip();
        String key = lines.get(first).substring(0, open).stripTrailing();
        for (int blank = first + 1; blank <= line; blank++) {
            lines.set(blank, "");
        }
        lines.set(first, key + (after.isEmpty() ? "" : " " + after));
        return true;
    }

    /** The index of the first entry of the list dated after {@code date}, or -1 where none is. */
    private static int firstDatedAfter(Node.Sequence list, LocalDate date) {
        for (int i = 0; i < list.items().size(); i++) {
            if (list.items().get(i) instanceof Node.Mapping item && value(item, "date") instanceof Node.Scalar day) {
                try {
                    if (LocalDate.parse(day.text().strip()).isAfter(date)) {
                        return i;
                    }
                } catch (java.time.format.DateTimeParseException notADay) {
                    // a date check reports; it places nothing
                }
            }
        }
        return -1;
    }

    /**
     * The 1-based line an entry begins on: the line of its '-' (above its first field where the '-' stands alone), and
     * any comment lines directly above it, which belong to it.
     */
    private static int entryStart(List<String> lines, Location first, String itemIndent) {
        int line = first.line();
        String own = lines.get(line - 1);
        if (!own.substring(0, Math.min(first.column() - 1, own.length())).contains("-") && line > 1 && lines.get(line - 2).strip().equals("-")) {
            line--;
        }
        // a comment at the entries' own indent; a line starting '#' further in is the text of the entry before
        while (line > 1 && lines.get(line - 2).startsWith(itemIndent + "#")) {
            line--;
        }
        return line;
    }

    /** The entry inserted as the list's {@code index}th, on {@code line}, before the entry that was there. */
    private static Inserted placed(SourceFile file, List<String> lines, String eol, Node.Mapping action, String entry, String itemIndent,
                                   int line, int index, LocalDate date) {
        List<String> added = new ArrayList<>();
        entry.lines().forEach(l -> added.add(l.isEmpty() ? l : itemIndent + l));
        lines.addAll(line - 1, added);
        String updated = String.join(eol, lines);
        if (!holdsTheNewEntry(file, updated, ref(action), progressCount(action), index, date)) {
            return Inserted.refused(action.location(), "the update could not be added without disturbing the file's layout",
                    "add it by hand in the action's progress list, in date order");
        }
        return new Inserted(updated, line, null);
    }

    /** The first line after the action: the next action's, the next field of the file's, or past the end. */
    private static int end(Node root, Node.Mapping action, List<String> lines) {
        List<Node.Mapping> actions = actions(root);
        int index = actions.indexOf(action);
        if (index >= 0 && index + 1 < actions.size()) {
            Location next = actions.get(index + 1).location();
            int line = next.line();
            // An item written as a lone '-' with its fields below starts on the line of the '-'.
            while (line > 1 && !lines.get(line - 1).substring(0, Math.min(next.column() - 1, lines.get(line - 1).length())).contains("-")
                    && lines.get(line - 2).strip().equals("-")) {
                line--;
            }
            return line;
        }
        return nextKeyLine((Node.Mapping) root, "actions").orElse(lines.size() + 1);
    }

    private static Optional<Integer> nextKeyLine(Node.Mapping mapping, String key) {
        List<Node.Mapping.Entry> entries = mapping.entries();
        for (int i = 0; i < entries.size() - 1; i++) {
            if (entries.get(i).key().equals(key)) {
                return Optional.of(entries.get(i + 1).keyLocation().line());
            }
        }
        return Optional.empty();
    }

    /** The 1-based number of the last line before {@code boundary} that holds more than blanks or a comment. */
    private static int lastContentLine(List<String> lines, int boundary, int floor) {
        int line = Math.min(boundary - 1, lines.size());
        while (line > floor && (lines.get(line - 1).isBlank() || lines.get(line - 1).strip().startsWith("#"))) {
            line--;
        }
        return line;
    }

    private static boolean isFlow(List<String> lines, Location at) {
        String line = lines.get(at.line() - 1);
        return at.column() >= 1 && at.column() <= line.length() && line.charAt(at.column() - 1) == '[';
    }

    private static int progressCount(Node.Mapping action) {
        return value(action, "progress") instanceof Node.Sequence list ? list.items().size() : 0;
    }

    /** Whether the text holds the action's progress with one more entry than {@code before}: the new one, at {@code index}. */
    private static boolean holdsTheNewEntry(SourceFile file, String text, String ref, int before, int index, LocalDate date) {
        Optional<Node> root = YamlReader.read(new SourceFile(file.path(), file.display(), text), new Problems());
        if (root.isEmpty()) {
            return false;
        }
        for (Node.Mapping action : actions(root.get())) {
            if (ref(action).equals(ref) && value(action, "progress") instanceof Node.Sequence list && list.items().size() == before + 1
                    && list.items().get(index) instanceof Node.Mapping added && value(added, "date") instanceof Node.Scalar day) {
                return day.text().equals(date.toString());
            }
        }
        return false;
    }

    private static Node value(Node.Mapping mapping, String key) {
        return mapping.entry(key).map(Node.Mapping.Entry::value).orElse(null);
    }

    private static String spaces(int n) {
        return " ".repeat(Math.max(0, n));
    }
}

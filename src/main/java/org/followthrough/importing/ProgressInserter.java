package org.followthrough.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.followthrough.source.Node;

/**
 * Adds progress entries at the end of one action's {@code progress:} list by inserting lines, using
 * the positions the YAML loader keeps on every node; every other byte of the file stays as the
 * editor left it (comments, key order, quoting, layout). New lines follow the file's indentation and line ends.
 */
final class ProgressInserter {

    /** The file's layout does not allow a safe line-based insertion; the message says why and what to do. */
    static final class CannotInsert extends Exception {
        CannotInsert(String message) {
            super(message);
        }
    }

    private static final Pattern KEY_ONLY = Pattern.compile("^\\s*(- )?[A-Za-z_][A-Za-z0-9_]*:\\s*$");
    private static final Pattern EMPTY_FLOW = Pattern.compile("^(\\s*progress:)\\s*\\[\\s*]\\s*(#.*)?$");

    private ProgressInserter() {
    }

    /** The action's mapping in a recommendation file, found by its ref as check reads it (without the spaces at its ends). */
    static Optional<Node.Mapping> action(Node root, String ref) {
        if (root instanceof Node.Mapping file && file.entry("actions").map(Node.Mapping.Entry::value).orElse(null) instanceof Node.Sequence actions) {
            for (Node item : actions.items()) {
                if (item instanceof Node.Mapping action && action.entry("ref").map(e -> e.value()).orElse(null) instanceof Node.Scalar s
                        && org.followthrough.format.Characters.stripAnySpace(s.text()).equals(ref)) {
                    return Optional.of(action);
                }
            }
        }
        return Optional.empty();
    }

    /** The file's text with the entries appended to the action's progress. */
    static String insert(String text, Node.Mapping action, List<Map<String, Object>> entries) throws CannotInsert {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        boolean endsWithNewline = text.endsWith("\n");
        if (endsWithNewline) {
            lines.remove(lines.size() - 1);
        }
        Node.Mapping.Entry firstKey = action.entries().get(0);
        int keyIndent = firstKey.keyLocation().column() - 1;
        String actionLine = lines.get(firstKey.keyLocation().line() - 1);
        int dashIndent = actionLine.substring(0, keyIndent).lastIndexOf('-');
        if (dashIndent < 0 || !actionLine.substring(0, dashIndent).isBlank()) {
            throw new CannotInsert("the action is not written as a block list item ('- ref: …' with its fields below)");
        }
        for (Node.Mapping.Entry entry : action.entries()) {
            if (entry.keyLocation().column() - 1 != keyIndent) {
                throw new CannotInsert("the action's fields are not written one per line at the same indentation");
            }
        }
        YamlWriter writer = new YamlWriter(2);
        Optional<Node.Mapping.Entry> progress = action.entry("progress");
        int insertAfter;
        int itemDash;
        int itemKey;
        List<String> added = new ArrayList<>();
        if (progress.isEmpty()) {
            insertAfter = lastContentLine(lines, firstKey.keyLocation().line() - 1, dashIndent, false);
            itemDash = keyIndent + sequenceOffset(lines, firstKey.keyLocation().line() - 1);
            itemKey = itemDash + 2;
            added.add(" ".repeat(keyIndent) + "progress:");
        } else {
            int keyLine = progress.get().keyLocation().line() - 1;
            Node value = progress.get().value();
            if (value instanceof Node.Scalar scalar && scalar.kind() == Node.Scalar.Kind.NULL) {
                insertAfter = keyLine;
                itemDash = keyIndent + sequenceOffset(lines, firstKey.keyLocation().line() - 1);
                itemKey = itemDash + 2;
            } else if (value instanceof Node.Sequence sequence && sequence.items().isEmpty()) {
                Matcher flow = EMPTY_FLOW.matcher(lines.get(keyLine));
                if (!flow.matches()) {
                    throw new CannotInsert("the action's empty progress list is not written as 'progress: []' on one line");
                }
                lines.set(keyLine, flow.group(1) + (flow.group(2) == null ? "" : " " + flow.group(2)));
                insertAfter = keyLine;
                itemDash = keyIndent + sequenceOffset(lines, firstKey.keyLocation().line() - 1);
                itemKey = itemDash + 2;
            } else if (value instanceof Node.Sequence sequence && sequence.items().get(0) instanceof Node.Mapping first
                    && !first.entries().isEmpty() && first.entries().get(0).keyLocation().line() - 1 > keyLine) {
                Node.Mapping.Entry key = first.entries().get(0);
                String itemLine = lines.get(key.keyLocation().line() - 1);
                itemKey = key.keyLocation().column() - 1;
                itemDash = itemLine.substring(0, itemKey).lastIndexOf('-');
                if (itemDash < keyIndent) {
                    throw new CannotInsert("the action's progress entries are not written as a block list ('- date: …')");
                }
                insertAfter = lastContentLine(lines, keyLine, keyIndent, itemDash == keyIndent);
            } else {
                throw new CannotInsert("the action's progress is written on one line ('progress: [...]'); "
                        + "write it as a block list, one '- date: …' entry per update");
            }
        }
        for (Map<String, Object> entry : entries) {
            added.addAll(writer.item(entry, itemDash, itemKey));
        }
        lines.addAll(insertAfter + 1, added);
        return String.join(newline, lines) + (endsWithNewline ? newline : "");
    }

    /**
     * The last line of the block that starts at {@code start}: the lines after it that are indented
     * deeper than {@code indent} (or, for a list written at its key's indentation, list items there).
     * Blank lines and comments inside or after the block do not end it and are not its last line.
     */
    private static int lastContentLine(List<String> lines, int start, int indent, boolean itemsAtIndent) {
        int last = start;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            int lineIndent = line.length() - line.stripLeading().length();
            boolean inside = lineIndent > indent || (itemsAtIndent && lineIndent == indent && content.startsWith("-"));
            if (!inside) {
                break;
            }
            last = i;
        }
        return last;
    }

    /**
     * How far this file indents a list's dashes under its key ("owners:\n  - organisation" is 2,
     * "owners:\n- organisation" is 0): as in the action's own lists where it has one, else as in the file.
     */
    private static int sequenceOffset(List<String> lines, int from) {
        for (int i = from; i + 1 < lines.size(); i++) {
            String line = lines.get(i);
            if (KEY_ONLY.matcher(line).matches() && lines.get(i + 1).strip().startsWith("- ")) {
                return offset(line, lines.get(i + 1));
            }
        }
        return from == 0 ? 2 : sequenceOffset(lines, 0);
    }

    private static int offset(String keyLine, String itemLine) {
        int keyIndent = keyLine.length() - keyLine.stripLeading().length();
        if (keyLine.strip().startsWith("- ")) {
            keyIndent += 2;
        }
        return Math.max(0, (itemLine.length() - itemLine.stripLeading().length()) - keyIndent);
    }
}

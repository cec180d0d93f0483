package org.followthrough.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * The places in a YAML text where a key's value is written, found without a YAML parser (the text
 * may already be broken by an earlier mutation): {@code key: value} in block style, and inside flow
 * mappings such as {@code {organisation: sample-trust, role: Manager}}. A value that opens a flow
 * collection runs to its closing bracket; an empty value (a key whose value is the block below it)
 * is a slot of no width.
 */
final class Slots {

    /** One value: its key, and where it starts and ends in the text. */
    record Slot(String key, int start, int end) {
    }

    private Slots() {
    }

    /** The value numbered {@code n} in the text, counting round again past the last; null if it has none. */
    static Slot numbered(String text, int n) {
        List<Slot> slots = of(text);
        return slots.isEmpty() ? null : slots.get(n % slots.size());
    }

    static List<Slot> of(String text) {
        List<Slot> slots = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            inLine(text, lineStart, lineEnd, slots);
            lineStart = lineEnd + 1;
        }
        return slots;
    }

    private static void inLine(String text, int from, int to, List<Slot> slots) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
                continue;
            }
            if (c == '#' && (i == from || text.charAt(i - 1) == ' ')) {
                return;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ':' && (i + 1 == to || text.charAt(i + 1) == ' ')) {
                int keyStart = i;
                while (keyStart > from && isKeyCharacter(text.charAt(keyStart - 1))) {
                    keyStart--;
                }
                if (keyStart == i) {
                    continue;
                }
                int start = i + 1;
                while (start < to && text.charAt(start) == ' ') {
                    start++;
                }
                int end = valueEnd(text, start, to, depth > 0);
                slots.add(new Slot(text.substring(keyStart, i), start, end));
                if (end > start && (text.charAt(start) == '{' || text.charAt(start) == '[')) {
                    // the keys inside a flow collection are slots of their own
                    continue;
                }
                i = Math.max(i, end - 1);
            }
        }
    }

    private static boolean isKeyCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '<';
    }

    private static int valueEnd(String text, int start, int to, boolean inFlow) {
        if (start >= to) {
            return start;
        }
        char first = text.charAt(start);
        if (first == '{' || first == '[') {
            int depth = 0;
            char quote = 0;
            for (int i = start; i < to; i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    return i + 1;
                }
            }
            return to;
        }
        char quote = first == '"' || first == '\'' ? first : 0;
        for (int i = start + (quote != 0 ? 1 : 0); i < to; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    return i + 1;
                }
            } else if (inFlow && (c == ',' || c == '}' || c == ']')) {
                return trimmed(text, start, i);
            } else if (c == '#' && text.charAt(i - 1) == ' ') {
                return trimmed(text, start, i);
            }
        }
        return trimmed(text, start, to);
    }

    private static int trimmed(String text, int start, int end) {
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }
}

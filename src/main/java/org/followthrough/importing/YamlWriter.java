package org.followthrough.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes YAML the way the shipped content is written by hand: keys in the order given, plain
 * scalars where YAML reads them back as the same text, double quotes otherwise, Markdown as
 * literal blocks ({@code |}), lists of mappings in block style. Values are {@link String}s (written
 * as text), {@link Plain} (written as they are: dates, codes known to be safe), {@link Block}
 * (Markdown), {@link Flow} (a short mapping on one line), lists and nested maps.
 */
public final class YamlWriter {

    /** A value written without quotes, such as a date. */
    public record Plain(String text) {
    }

    /** Markdown, written as a literal block. */
    public record Block(String text) {
    }

    /** A short mapping written on one line: {@code {as_published: "Apr-14", date: 2014-04}}. */
    public record Flow(Map<String, Object> entries) {
    }

    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");

    private final int step;

    /** @param step how many spaces a nested block is indented by */
    public YamlWriter(int step) {
        this.step = step;
    }

    /** The lines of a mapping, every key at {@code indent}. */
    public List<String> mapping(Map<String, ?> entries, int indent) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, ?> entry : entries.entrySet()) {
            field(lines, indent, entry.getKey(), entry.getValue());
        }
        return lines;
    }

    /** The lines of a mapping written as a list item: the dash at {@code dashIndent}, the keys at {@code keyIndent}. */
    public List<String> item(Map<String, ?> entries, int dashIndent, int keyIndent) {
        List<String> lines = mapping(entries, keyIndent);
        if (!lines.isEmpty()) {
            String first = lines.get(0).substring(keyIndent);
            lines.set(0, " ".repeat(dashIndent) + "-" + " ".repeat(keyIndent - dashIndent - 1) + first);
        }
        return lines;
    }

    private void field(List<String> lines, int indent, String key, Object value) {
        String pad = " ".repeat(indent);
        if (value instanceof Block block) {
            String text = block.text().strip();
            // A first line that starts with a space would change the block's indentation: say it explicitly.
            lines.add(pad + key + ": |" + (text.startsWith(" ") ? String.valueOf(step) : ""));
            for (String line : text.split("\n", -1)) {
                lines.add(line.isBlank() ? "" : " ".repeat(indent + step) + line.stripTrailing());
            }
        } else if (value instanceof Map<?, ?> nested) {
            lines.add(pad + key + ":");
            @SuppressWarnings("unchecked")
            Map<String, ?> map = (Map<String, ?>) nested;
            lines.addAll(mapping(map, indent + step));
        } else if (value instanceof List<?> list) {
            if (list.stream().allMatch(v -> v instanceof String || v instanceof Plain)) {
                lines.add(pad + key + ":");
                for (Object v : list) {
                    lines.add(pad + " ".repeat(step) + "- " + scalarOf(v));
                }
                return;
            }
            lines.add(pad + key + ":");
            for (Object v : list) {
                @SuppressWarnings("unchecked")
                Map<String, ?> map = (Map<String, ?>) v;
                lines.addAll(item(map, indent + step, indent + step + 2));
            }
        } else {
            lines.add(pad + key + ": " + scalarOf(value));
        }
    }

    private static String scalarOf(Object value) {
        if (value instanceof Plain plain) {
            return plain.text();
        }
        if (value instanceof Flow flow) {
            List<String> parts = new ArrayList<>();
            // inside {…} a comma, bracket or brace ends the value, so text holding one is quoted
            flow.entries().forEach((k, v) -> parts.add(k + ": " + (v instanceof String text && !isFlowSafe(text) ? quoted(text) : scalarOf(v))));
            return "{" + String.join(", ", parts) + "}";
        }
        return scalar((String) value);
    }

    private static boolean isFlowSafe(String text) {
        return isPlainSafe(text) && text.chars().noneMatch(c -> ",[]{}".indexOf(c) >= 0);
    }

    /** Text as a YAML scalar that reads back as exactly this text. */
    public static String scalar(String text) {
        return isPlainSafe(text) ? text : quoted(text);
    }

    static boolean isPlainSafe(String text) {
        if (text.isEmpty() || !text.equals(text.strip()) || RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return false;
        }
        char first = text.charAt(0);
        if ("-?:,[]{}#&*!|>'\"%@`.+0123456789".indexOf(first) >= 0) {
            return false;
        }
        if (text.contains(": ") || text.contains(" #") || text.endsWith(":")) {
            return false;
        }
        return text.chars().allMatch(c -> c >= 0x20 && c != 0x7f && !Character.isISOControl(c) && c != 0xfeff);
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == 0xfeff) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

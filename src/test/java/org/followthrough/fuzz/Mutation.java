package org.followthrough.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One change to a content folder, of the kinds an editor, an editor's tool or an attacker could
 * make: to its bytes, its YAML, its Markdown, its dates and its ids. Each is a value that says what
 * it does, so that a failing case reads as the list of its mutations. A mutation whose file is
 * gone (an earlier one renamed or deleted it) changes nothing. Positions are given in thousandths
 * of the file's length or of its number of lines, so that they shrink towards the start.
 */
sealed interface Mutation {

    Content apply(Content content);

    /** The bytes of a file cut off at a position. */
    record Truncated(String file, int at) implements Mutation {
        @Override
        public Content apply(Content content) {
            if (!content.has(file)) {
                return content;
            }
            byte[] bytes = content.bytes(file);
            return content.with(file, Arrays.copyOf(bytes, position(at, bytes.length)));
        }

        @Override
        public String toString() {
            return "truncate " + file + " at " + at + "/1000 of its length";
        }
    }

    /** One byte of a file with some of its bits flipped. */
    record ByteFlipped(String file, int at, int mask) implements Mutation {
        @Override
        public Content apply(Content content) {
            if (!content.has(file) || content.bytes(file).length == 0) {
                return content;
            }
            byte[] bytes = content.bytes(file).clone();
            int i = Math.min(position(at, bytes.length), bytes.length - 1);
            bytes[i] ^= (byte) mask;
            return content.with(file, bytes);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "flip bits 0x%02X of the byte at %d/1000 of %s", mask, at, file);
        }
    }

    /** Bytes put into a file at a position: invalid UTF-8, control characters, invisible characters. */
    record BytesInserted(String file, int at, Bytes what) implements Mutation {
        @Override
        public Content apply(Content content) {
            if (!content.has(file)) {
                return content;
            }
            byte[] bytes = content.bytes(file);
            return content.with(file, spliced(bytes, position(at, bytes.length), 0, what.bytes));
        }

        @Override
        public String toString() {
            return "insert " + what + " at " + at + "/1000 of " + file;
        }
    }

    /** Byte sequences that a text file should not hold, or that mean something other than they show. */
    enum Bytes {
        LONE_CONTINUATION_BYTE(0x80), LATIN_1_E_ACUTE(0xE9), OVERLONG_SLASH(0xC0, 0xAF), TRUNCATED_EURO(0xE2, 0x82),
        ENCODED_SURROGATE(0xED, 0xA0, 0x80), BEYOND_UNICODE(0xF4, 0x90, 0x80, 0x80), BYTE_FF(0xFF), NUL(0x00),
        BELL(0x07), ESCAPE(0x1B), DELETE(0x7F), NEXT_LINE(0xC2, 0x85), LINE_SEPARATOR(0xE2, 0x80, 0xA8),
        RIGHT_TO_LEFT_OVERRIDE(0xE2, 0x80, 0xAE), ZERO_WIDTH_SPACE(0xE2, 0x80, 0x8B), BOM_INSIDE(0xEF, 0xBB, 0xBF),
        NONCHARACTER_FFFF(0xEF, 0xBF, 0xBF), TAB(0x09), CARRIAGE_RETURN(0x0D), NEWLINE(0x0A), COLON_SPACE(0x3A, 0x20),
        DOUBLE_QUOTE(0x22), EMOJI(0xF0, 0x9F, 0x98, 0x80), COMBINING_ACUTE(0xCC, 0x81);

        final byte[] bytes;

        Bytes(int... values) {
            bytes = bytesOf(values);
        }
    }

    /** A byte order mark in front of a file. */
    record Bom(String file, Mark mark) implements Mutation {
        enum Mark {
            UTF_8(0xEF, 0xBB, 0xBF), UTF_8_TWICE(0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF), UTF_16_LITTLE_ENDIAN(0xFF, 0xFE),
            UTF_16_BIG_ENDIAN(0xFE, 0xFF);

            final byte[] bytes;

            Mark(int... values) {
                bytes = bytesOf(values);
            }
        }

        @Override
        public Content apply(Content content) {
            return content.has(file) ? content.with(file, spliced(content.bytes(file), 0, 0, mark.bytes)) : content;
        }

        @Override
        public String toString() {
            return "put a " + mark + " byte order mark in front of " + file;
        }
    }

    /** The line endings of a file changed. */
    record LineEndings(String file, Ending ending) implements Mutation {
        enum Ending {
            CR_LF("\r\n"), CR("\r"), NEXT_LINE("\u0085"), LINE_SEPARATOR("\u2028"), CR_LF_ON_EVERY_OTHER_LINE(null), NO_FINAL_NEWLINE(null);

            final String text;

            Ending(String text) {
                this.text = text;
            }
        }

        @Override
        public Content apply(Content content) {
            if (!content.has(file)) {
                return content;
            }
            String text = content.text(file);
            String changed = switch (ending) {
                case NO_FINAL_NEWLINE -> text.stripTrailing();
                case CR_LF_ON_EVERY_OTHER_LINE -> {
                    StringBuilder out = new StringBuilder();
                    int n = 0;
                    for (String line : text.split("\n", -1)) {
                        out.append(line).append(n++ % 2 == 0 ? "\r\n" : "\n");
                    }
                    yield out.substring(0, out.length() - (n % 2 == 1 ? 2 : 1));
                }
                default -> text.replace("\n", ending.text);
            };
            return content.with(file, changed);
        }

        @Override
        public String toString() {
            return "end the lines of " + file + " with " + ending;
        }
    }

    /** A line taken out, written twice (a key given twice, an item repeated), or swapped with the next (moved under another parent). */
    record LineEdited(String file, int at, Edit edit) implements Mutation {
        enum Edit {
            DELETED, WRITTEN_TWICE, SWAPPED_WITH_THE_NEXT
        }

        @Override
        public Content apply(Content content) {
            return changeLine(content, file, at, (lines, i) -> {
                switch (edit) {
                    case DELETED -> lines.remove(i);
                    case WRITTEN_TWICE -> lines.add(i, lines.get(i));
                    case SWAPPED_WITH_THE_NEXT -> {
                        if (lines.size() > 1) {
                            int first = Math.min(i, lines.size() - 2);
                            lines.set(first, lines.set(first + 1, lines.get(first)));
                        }
                    }
                }
            });
        }

        @Override
        public String toString() {
            return "the line at " + at + "/1000 of " + file + " " + edit.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** A line's indentation changed. */
    record Reindented(String file, int at, Indent indent) implements Mutation {
        enum Indent {
            TAB_IN_FRONT, TAB_FOR_TWO_SPACES, ONE_SPACE_MORE, TWO_SPACES_MORE, TWO_SPACES_LESS, NO_INDENTATION
        }

        @Override
        public Content apply(Content content) {
            return changeLine(content, file, at, (lines, i) -> {
                String line = lines.get(i);
                lines.set(i, switch (indent) {
                    case TAB_IN_FRONT -> "\t" + line;
                    case TAB_FOR_TWO_SPACES -> line.startsWith("  ") ? "\t" + line.substring(2) : "\t" + line;
                    case ONE_SPACE_MORE -> " " + line;
                    case TWO_SPACES_MORE -> "  " + line;
                    case TWO_SPACES_LESS -> line.startsWith("  ") ? line.substring(2) : line;
                    case NO_INDENTATION -> line.stripLeading();
                });
            });
        }

        @Override
        public String toString() {
            return "indent the line at " + at + "/1000 of " + file + ": " + indent;
        }
    }

    /** A line of YAML put in: document markers, directives, anchors, merge keys, complex keys. */
    record LineInserted(String file, int at, String line) implements Mutation {
        @Override
        public Content apply(Content content) {
            return changeLines(content, file, lines -> lines.add(Math.min(lineIndex(at, lines.size() + 1), lines.size()), line));
        }

        @Override
        public String toString() {
            return "insert the line " + quoted(line) + " at " + at + "/1000 of " + file;
        }
    }

    /** A key renamed: misspelt, in capitals, another field's name, or something YAML reads as another type. */
    record KeyRenamed(String file, int slot, String key) implements Mutation {
        @Override
        public Content apply(Content content) {
            return changeSlot(content, file, slot, (text, chosen) -> {
                int keyEnd = text.lastIndexOf(':', chosen.start());
                int keyStart = keyEnd - chosen.key().length();
                return text.substring(0, keyStart) + key + text.substring(keyEnd);
            });
        }

        @Override
        public String toString() {
            return "rename key number " + slot + " of " + file + " to " + quoted(key);
        }
    }

    /**
     * A value replaced by the YAML text {@code yaml}: a date that cannot be, a wrong type, an odd
     * scalar, Markdown with script in it, a web address that is not one.
     */
    record ValueSet(String file, int slot, String yaml) implements Mutation {
        @Override
        public Content apply(Content content) {
            return changeSlot(content, file, slot, (text, chosen) -> {
                String separator = chosen.start() > 0 && text.charAt(chosen.start() - 1) == ':' ? " " : "";
                return text.substring(0, chosen.start()) + separator + yaml + text.substring(chosen.end());
            });
        }

        @Override
        public String toString() {
            return "set value number " + slot + " of " + file + " to " + quoted(yaml);
        }
    }

    /** One value given an anchor and another replaced by an alias to it (or a merge key). */
    record Aliased(String file, int anchored, int alias, boolean merge) implements Mutation {
        @Override
        public Content apply(Content content) {
            if (!content.has(file)) {
                return content;
            }
            String text = content.text(file);
            Slots.Slot from = Slots.numbered(text, anchored);
            Slots.Slot to = Slots.numbered(text, alias);
            if (from == null || from.equals(to)) {
                return content;
            }
            String reference = merge ? "{<<: *a}" : "*a";
            StringBuilder changed = new StringBuilder(text);
            // the later one first, so that the earlier offsets still hold
            if (from.start() > to.start()) {
                changed.insert(from.start(), "&a ");
                changed.replace(to.start(), to.end(), reference);
            } else {
                changed.replace(to.start(), to.end(), reference);
                changed.insert(from.start(), "&a ");
            }
            return content.with(file, changed.toString());
        }

        @Override
        public String toString() {
            return "anchor value number " + anchored + " of " + file + " and put " + (merge ? "a merge of it" : "an alias to it")
                    + " for value number " + alias;
        }
    }

    /** Markdown written into a Markdown file at a position. */
    record MarkdownInserted(String file, int at, String markdown) implements Mutation {
        @Override
        public Content apply(Content content) {
            if (!content.has(file)) {
                return content;
            }
            String text = content.text(file);
            int i = position(at, text.length());
            // at a line's start, so that block syntax (lists, quotes, HTML blocks) is read as such
            int lineStart = text.lastIndexOf('\n', Math.max(i - 1, 0));
            i = lineStart < 0 || i == 0 ? 0 : lineStart + 1;
            return content.with(file, text.substring(0, i) + markdown + "\n" + text.substring(i));
        }

        @Override
        public String toString() {
            return "insert the Markdown " + quoted(markdown) + " at " + at + "/1000 of " + file;
        }
    }

    /**
     * An organisation's id changed: its file renamed and every reference to it replaced by the
     * new id, quoted; an id that cannot be a file name leaves the file where it was.
     */
    record OrganisationRenamed(String from, String to) implements Mutation {
        @Override
        public Content apply(Content content) {
            Content renamed = content.has("organisations/" + from + ".yaml")
                    ? content.moved("organisations/" + from + ".yaml", "organisations/" + to + ".yaml") : content;
            for (String path : renamed.files().keySet()) {
                if (path.endsWith(".yaml") && !path.startsWith("organisations/")) {
                    String text = renamed.text(path);
                    String changed = text.replaceAll("(?<=[\\[{,:] ?)" + java.util.regex.Pattern.quote(from) + "(?=[,\\]}\\s])",
                            java.util.regex.Matcher.quoteReplacement(Values.doubleQuoted(to)));
                    if (!changed.equals(text)) {
                        renamed = renamed.with(path, changed);
                    }
                }
            }
            return renamed;
        }

        @Override
        public String toString() {
            return "rename organisation " + from + " to " + quoted(to) + ", file and references";
        }
    }

    /** A plan's folder, or a recommendation's file, renamed. */
    record Renamed(String from, String to) implements Mutation {
        @Override
        public Content apply(Content content) {
            boolean exists = content.files().keySet().stream().anyMatch(path -> path.equals(from) || path.startsWith(from + "/"));
            return exists ? content.moved(from, to) : content;
        }

        @Override
        public String toString() {
            return "rename " + from + " to " + quoted(to);
        }
    }

    /**
     * A file replaced by a symbolic link. The target is relative to the link's folder, or absolute;
     * {@link Content#OUTSIDE} stands for the folder of secrets beside the content.
     */
    record Linked(String file, String target) implements Mutation {
        @Override
        public Content apply(Content content) {
            return content.linked(file, target);
        }

        @Override
        public String toString() {
            return "make " + file + " a symbolic link to " + quoted(target);
        }
    }

    /** A file added, or replaced: a logo, a Markdown file, a file in the wrong place. */
    record FileWritten(String file, byte[] bytes) implements Mutation {
        FileWritten(String file, String text) {
            this(file, text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Content apply(Content content) {
            return content.with(file, bytes);
        }

        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return "write " + file + " as " + (text.indexOf('\uFFFD') < 0 ? quoted(text) : bytes.length + " bytes of " + Logos.describe(bytes));
        }
    }

    /** A file taken away. */
    record FileDeleted(String file) implements Mutation {
        @Override
        public Content apply(Content content) {
            return content.without(file);
        }

        @Override
        public String toString() {
            return "delete " + file;
        }
    }

    /** The position in a text of {@code length} that {@code thousandths} of it names. */
    static int position(int thousandths, int length) {
        return (int) ((long) length * Math.min(Math.max(thousandths, 0), 1000) / 1000);
    }

    private static int lineIndex(int thousandths, int lines) {
        return Math.min(position(thousandths, lines), Math.max(lines - 1, 0));
    }

    private static byte[] bytesOf(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] spliced(byte[] bytes, int at, int removed, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at + removed, bytes.length - at - removed);
        return out.toByteArray();
    }

    /** The file changed at the line {@code thousandths} of the way through it; unchanged if it has no lines. */
    private static Content changeLine(Content content, String file, int thousandths,
            java.util.function.ObjIntConsumer<List<String>> change) {
        return changeLines(content, file, lines -> {
            if (!lines.isEmpty()) {
                change.accept(lines, lineIndex(thousandths, lines.size()));
            }
        });
    }

    private static Content changeLines(Content content, String file, java.util.function.Consumer<List<String>> change) {
        if (!content.has(file)) {
            return content;
        }
        List<String> lines = new ArrayList<>(Arrays.asList(content.text(file).split("\n", -1)));
        boolean finalNewline = !lines.isEmpty() && lines.get(lines.size() - 1).isEmpty();
        if (finalNewline) {
            lines.remove(lines.size() - 1);
        }
        change.accept(lines);
        return content.with(file, String.join("\n", lines) + (finalNewline ? "\n" : ""));
    }

    /** The file's text changed at the value numbered {@code slot} (see {@link Slots}); unchanged if the file has no values. */
    private static Content changeSlot(Content content, String file, int slot,
            java.util.function.BiFunction<String, Slots.Slot, String> change) {
        if (!content.has(file)) {
            return content;
        }
        String text = content.text(file);
        Slots.Slot chosen = Slots.numbered(text, slot);
        return chosen == null ? content : content.with(file, change.apply(text, chosen));
    }

    /** A text as a YAML double-quoted scalar, shortened in the middle when long, so that a case's description stays readable. */
    static String quoted(String text) {
        return Values.doubleQuoted(text.length() <= 120 ? text
                : text.substring(0, 60) + "…(" + text.length() + " characters)…" + text.substring(text.length() - 40));
    }
}

package org.followthrough.format;

import java.util.Locale;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;

/**
 * The characters content may not hold, in one place. Control characters cannot be published
 * anywhere (XML, and so feeds, PDF metadata and pages, cannot carry them); in one-line fields such
 * as names and titles, invisible characters that change the direction of text or join words are
 * refused too, so a name cannot display reversed or differ from one that looks the same.
 */
public final class Characters {

    private Characters() {
    }

    /** What is told where a list item's '-' is followed by a no-break space (pasted from Word) rather than a space. */
    public static final String NO_BREAK_SPACE_AFTER_DASH = "this space after the '-' is a no-break space (as copied from Word or a PDF),"
            + " which YAML does not read as a space, so the line is not read as an item of the list";

    /**
     * What is told where a value that looks right ({@code what} '{@code value}') is read with a no-break space pasted from
     * Word at one of its ends, which makes it {@code partOf} (an id, a date) of nothing the content has.
     */
    public static String noBreakSpaceAtTheEnds(String what, String value, String partOf) {
        return what + " '" + value + "' is written with a no-break space (as copied from Word or a PDF) before or after it, which is"
                + " read as part of the " + partOf;
    }

    /** What is told where the white space that starts a line holds a no-break space or another space that is not an ordinary one. */
    public static final String ODD_SPACE_INDENTATION = "a non-breaking space (often pasted from Word or a web page) is used for indentation";
    /** What to do about {@link #ODD_SPACE_INDENTATION}. */
    public static final String ODD_SPACE_INDENTATION_HINT = "delete the white space at the start of this line and indent it again with ordinary spaces";

    /** Whether {@code text} starts with a space other than an ordinary one (U+0020), such as a no-break space. */
    public static boolean startsWithOddSpace(String text) {
        return !text.isEmpty() && text.charAt(0) != ' ' && Character.isSpaceChar(text.charAt(0));
    }

    /** {@code text} without the spaces of any kind (no-break spaces too, which {@link String#strip()} keeps) at its start and end. */
    public static String stripAnySpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (Character.isSpaceChar(text.charAt(start)) || Character.isWhitespace(text.charAt(start)))) {
            start++;
        }
        while (end > start && (Character.isSpaceChar(text.charAt(end - 1)) || Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * C0 controls other than tab, line feed and carriage return; DEL; C1 controls; the non-characters
     * U+FFFE and U+FFFF; and halves of surrogate pairs standing alone.
     */
    public static final IntPredicate CONTROL = c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r'
            || c >= 0x7F && c <= 0x9F
            || c == 0xFFFE || c == 0xFFFF
            || c <= 0xFFFF && Character.isSurrogate((char) c);

    /** Embeddings, overrides and isolates: they change the direction of the text that follows them. */
    public static final IntPredicate BIDI_CONTROL = c -> c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;

    /**
     * Invisible characters that join or split words: zero width space, word joiner, zero width
     * no-break space, Mongolian vowel separator. (Zero width joiner and non-joiner are left alone:
     * some scripts and emoji need them.)
     */
    public static final IntPredicate ZERO_WIDTH = c -> c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x180E;

    /** A character found in a text: where it is, counting from 1, and which it is. */
    public record Found(int line, int column, int codePoint) {

        /** The character as editors can look it up: "U+0001 START OF HEADING". */
        public String describe() {
            return Characters.describe(codePoint);
        }
    }

    /**
     * The first character of {@code text} that {@code refused} matches, with its line and column. Printable ASCII, tab,
     * line feed and carriage return are refused by none of this class's predicates, and are passed over unread by them.
     */
    public static Optional<Found> first(String text, IntPredicate refused) {
        int at = indexOf(text, refused);
        if (at < 0) {
            return Optional.empty();
        }
        int line = 1;
        int column = 1;
        for (int i = 0; i < at; ) {
            int c = text.codePointAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(c);
        }
        return Optional.of(new Found(line, column, text.codePointAt(at)));
    }

    /** Where the first refused character is, or -1; counting lines only once one is found keeps a clean text's scan quick. */
    private static int indexOf(String text, IntPredicate refused) {
        for (int i = 0; i < text.length(); ) {
            char ch = text.charAt(i);
            if (ch >= 0x20 && ch < 0x7F || ch == '\n' || ch == '\t' || ch == '\r') {
                i++;
                continue;
            }
            int c = text.codePointAt(i);
            if (refused.test(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** Reports the first control character of a file at its line and column; true when there is none. */
    public static boolean controlFree(String text, String display, Problems problems) {
        Optional<Found> control = first(text, CONTROL);
        control.ifPresent(found -> problems.error(new Location(display, found.line(), found.column()),
                "the file holds a character that cannot be published (" + found.describe() + ")",
                "delete it: it is invisible, and pages, feeds and PDFs cannot hold it (it often comes with text copied from a PDF or a word processor)"));
        return control.isEmpty();
    }

    /**
     * The text with each line break a line feed: a carriage return, alone or before a line feed (a Markdown file saved on
     * Windows, or a "\r" written in quotes), is published otherwise by each format (kept in a CSV cell, dropped from a
     * calendar so that words run together), and no text means anything by it but a new line.
     */
    public static String oneKindOfLineBreak(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** A code point as editors can look it up: "U+0001 START OF HEADING". */
    public static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        String code = String.format(Locale.ROOT, "U+%04X", codePoint);
        return name == null ? code : code + " " + name;
    }
}

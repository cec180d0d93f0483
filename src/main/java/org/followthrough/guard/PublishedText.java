package org.followthrough.guard;

import static org.followthrough.guard.NameAutomaton.IGNORED;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * A text as readers will see it, however it is written: the ways of reading one file that the
 * guard searches, each as long as the file, position for position, so that whatever is found in any
 * of them is at its place in the file. Escapes (JSON's {@code \u00e9}, YAML's {@code \n}, HTML's
 * {@code &eacute;}) are read as the character they stand for, at the escape's first position, the
 * rest of the escape {@link NameAutomaton#IGNORED}; markup is read as the text around it, which it
 * separates, and its attribute values (titles, alternative text, links), so a name split by a tag
 * ({@code Jo<b>hn</b>}) is still one name. Markup escaped inside markup (HTML in a feed) is read
 * once more, and the text as written is searched too, so that nothing a reader could see is missed
 * by reading it one way only.
 */
final class PublishedText {

    /** How a kind of file writes its text. */
    enum Kind {
        /** Text read as it is, and as markup if it holds any. */
        PLAIN,
        /** JSON: strings with backslash escapes. */
        JSON,
        /** iCalendar: folded lines and backslash escapes (RFC 5545). */
        ICALENDAR,
        /** YAML: double-quoted strings may hold backslash escapes. */
        YAML;

        /** The kind of a file by its name. */
        static Kind of(String path) {
            String name = path.toLowerCase(Locale.ROOT);
            if (name.endsWith(".json")) {
                return JSON;
            }
            if (name.endsWith(".ics")) {
                return ICALENDAR;
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return YAML;
            }
            return PLAIN;
        }
    }

    /** The longest a tag may be, quoted values included, before a '<' is taken for text. */
    private static final int LONGEST_TAG = 8192;
    /** The longest an entity's name or number may be. */
    private static final int LONGEST_ENTITY = 40;

    private PublishedText() {
    }

    /** Every way of reading {@code text} that can differ, the text as written first. */
    static List<char[]> readings(String text, Kind kind) {
        List<char[]> readings = new ArrayList<>(4);
        char[] written = text.toCharArray();
        char[] decoded = switch (kind) {
            case PLAIN -> null;
            case JSON -> json(written);
            case ICALENDAR -> icalendar(written);
            case YAML -> yaml(written);
        };
        if (kind == Kind.PLAIN || kind == Kind.YAML || decoded == null) {
            readings.add(written);
        }
        if (decoded != null) {
            readings.add(decoded);
        }
        char[] last = readings.get(readings.size() - 1);
        char[] uncommented = withoutComments(last);
        for (int depth = 0; depth < 2; depth++) {
            char[] text2 = markup(last);
            if (text2 == null) {
                break;
            }
            readings.add(text2);
            last = text2;
        }
        if (uncommented != null) {
            readings.add(uncommented);
            char[] text2 = markup(uncommented);
            if (text2 != null) {
                readings.add(text2);
            }
        }
        char[] addresses = percentDecoded(last);
        if (addresses != null) {
            readings.add(addresses);
        }
        return readings;
    }

    /**
     * The text with each HTML comment left out altogether, delimiters and all, as a page shows
     * Markdown that holds one ({@code Jo<!-- -->hn} is published as "John"); null when there is none.
     */
    static char[] withoutComments(char[] in) {
        int start = find(in, 0, "<!--");
        if (start < 0) {
            return null;
        }
        char[] out = in.clone();
        boolean changed = false;
        while (start >= 0) {
            int end = find(in, start + 1, "-->");
            if (end < 0) {
                break;
            }
            int after = end;
            for (int k = 0; k < 3; k++) {
                after = real(in, after) + 1;
            }
            Arrays.fill(out, start, after, IGNORED);
            changed = true;
            start = find(in, after, "<!--");
        }
        return changed ? out : null;
    }

    // ---------------------------------------------------------------- markup

    /** The text of HTML or XML and its attribute values, entities decoded; null when there is neither markup nor an entity. */
    static char[] markup(char[] in) {
        if (!holds(in, '<') && !holds(in, '&')) {
            return null;
        }
        char[] out = in.clone();
        boolean changed = false;
        int n = in.length;
        int i = 0;
        while (i < n) {
            char c = in[i];
            if (c == '&') {
                int end = entity(in, i, out);
                changed |= end > i + 1;
                i = end;
                continue;
            }
            if (c != '<') {
                i++;
                continue;
            }
            int j = real(in, i + 1);
            if (j < n && in[j] == '!' && startsWith(in, real(in, j + 1), "--")) {
                // a comment's text is published too: only its delimiters separate
                i = enclosed(in, out, i, "-->");
                changed = true;
            } else if (j < n && in[j] == '!' && startsWith(in, real(in, j + 1), "[CDATA[")) {
                i = enclosed(in, out, i, "]]>");
                changed = true;
            } else if (j < n && (isAsciiLetter(in[j]) || in[j] == '/' || in[j] == '!' || in[j] == '?')) {
                int end = tag(in, out, i);
                if (end < 0) {
                    i++;
                } else {
                    changed = true;
                    i = end;
                }
            } else {
                i++;
            }
        }
        return changed ? out : null;
    }

    /** A comment or CDATA section from {@code i}: its opening and closing separate, what is between stays. */
    private static int enclosed(char[] in, char[] out, int i, String close) {
        int bodyStart = i;
        for (int opened = 0; opened < (close.equals("-->") ? 4 : 9); opened++) {
            bodyStart = real(in, bodyStart) + 1;
        }
        separate(out, i, bodyStart);
        int end = find(in, bodyStart, close);
        if (end < 0) {
            return in.length;
        }
        int after = end;
        for (int k = 0; k < close.length(); k++) {
            after = real(in, after) + 1;
        }
        separate(out, end, after);
        return after;
    }

    /**
     * A tag from the '<' at {@code i}: it separates, and only its attribute values are text. Returns the
     * position after its '>', or -1 when it is not a tag after all (no '>' before the next '<').
     */
    private static int tag(char[] in, char[] out, int i) {
        int n = in.length;
        int limit = Math.min(n, i + LONGEST_TAG);
        char quote = 0;
        boolean afterEquals = false;
        boolean unquoted = false;
        int k = i + 1;
        for (; k < limit; k++) {
            char c = in[k];
            if (c == IGNORED) {
                continue;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '>') {
                break;
            }
            if (c == '<') {
                return -1;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            }
        }
        if (k >= limit) {
            return -1;
        }
        int end = k;
        // the tag is sure: now write it out
        quote = 0;
        for (k = i; k <= end; k++) {
            char c = in[k];
            if (c == IGNORED) {
                continue;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                    out[k] = ' ';
                } else if (c == '&') {
                    k = entity(in, k, out) - 1;
                }
                continue;
            }
            if (unquoted) {
                if (Character.isWhitespace(c) || c == '>') {
                    unquoted = false;
                    out[k] = ' ';
                } else if (c == '&') {
                    k = entity(in, k, out) - 1;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
                afterEquals = false;
            } else if (afterEquals && !Character.isWhitespace(c)) {
                afterEquals = false;
                unquoted = true;
                if (c == '&') {
                    k = entity(in, k, out) - 1;
                }
                continue;
            } else if (c == '=') {
                afterEquals = true;
            }
            out[k] = ' ';
        }
        return end + 1;
    }

    /**
     * An entity at the '&' at {@code i}: decoded into {@code out} at its first positions when it is one
     * ({@code &eacute;}, {@code &#233;}, {@code &#xE9;}); returns the position after it, or {@code i + 1}.
     */
    private static int entity(char[] in, int i, char[] out) {
        int n = in.length;
        StringBuilder name = new StringBuilder();
        int[] positions = new int[LONGEST_ENTITY + 2];
        positions[0] = i;
        int count = 1;
        int k = i + 1;
        for (; k < n && count <= LONGEST_ENTITY; k++) {
            char c = in[k];
            if (c == IGNORED) {
                continue;
            }
            if (c == ';') {
                break;
            }
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '#' && name.length() == 0)) {
                return i + 1;
            }
            name.append(c);
            positions[count++] = k;
        }
        if (k >= n || in[k] != ';' || name.length() == 0) {
            return i + 1;
        }
        positions[count++] = k;
        String value = value(name.toString());
        if (value == null) {
            return i + 1;
        }
        for (int p = 0; p < count; p++) {
            out[positions[p]] = p < value.length() ? value.charAt(p) : IGNORED;
        }
        return k + 1;
    }

    /** What an entity's name or number stands for; null when it is not one. */
    private static String value(String name) {
        if (name.charAt(0) != '#') {
            String value = Entities.getByName(name);
            return value.isEmpty() ? null : value;
        }
        try {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
            return Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : " ";
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- escapes

    /**
     * The text with the percent-escapes of web addresses decoded ({@code Jose%20Alvarez}, {@code Jos%C3%A9}), as a browser
     * shows an address: each run of escapes read as UTF-8 (as Latin-1 where it is not), each character at the first
     * position of its escape; null when there is none.
     */
    static char[] percentDecoded(char[] in) {
        char[] out = null;
        byte[] bytes = null;
        for (int i = 0; i < in.length; ) {
            if (!isPercentEscape(in, i)) {
                i++;
                continue;
            }
            if (out == null) {
                out = in.clone();
                bytes = new byte[in.length / 3];
            }
            int count = 0;
            int end = i;
            for (; isPercentEscape(in, end); end += 3) {
                bytes[count++] = (byte) (Character.digit(in[end + 1], 16) << 4 | Character.digit(in[end + 2], 16));
            }
            String decoded;
            try {
                decoded = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes, 0, count)).toString();
            } catch (java.nio.charset.CharacterCodingException notUtf8) {
                decoded = new String(bytes, 0, count, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            Arrays.fill(out, i, end, IGNORED);
            for (int k = 0; k < decoded.length(); k++) {
                out[i + 3 * k] = decoded.charAt(k);
            }
            i = end;
        }
        return out;
    }

    private static boolean isPercentEscape(char[] in, int i) {
        return i + 2 < in.length && in[i] == '%' && Character.digit(in[i + 1], 16) >= 0 && in[i + 1] < 128
                && Character.digit(in[i + 2], 16) >= 0 && in[i + 2] < 128;
    }

    /** JSON with the escapes in its strings decoded; null when it has none. */
    static char[] json(char[] in) {
        if (!holds(in, '\\')) {
            return null;
        }
        char[] out = in.clone();
        boolean inString = false;
        for (int i = 0; i < in.length; i++) {
            char c = in[i];
            if (c == '"') {
                inString = !inString;
            } else if (c == '\\' && inString && i + 1 < in.length) {
                i = backslash(in, i, out, false);
            }
        }
        return out;
    }

    /** YAML with backslash escapes decoded wherever they are (they mean something only in double quotes, but reading them everywhere only finds more). */
    static char[] yaml(char[] in) {
        if (!holds(in, '\\')) {
            return null;
        }
        char[] out = in.clone();
        for (int i = 0; i < in.length - 1; i++) {
            if (in[i] == '\\') {
                i = backslash(in, i, out, true);
            }
        }
        return out;
    }

    /** iCalendar with folded lines joined and escapes decoded; null when it has neither. */
    static char[] icalendar(char[] in) {
        char[] out = in.clone();
        boolean changed = false;
        for (int i = 0; i < in.length; i++) {
            char c = in[i];
            int fold = c == '\r' && i + 2 < in.length && in[i + 1] == '\n' && (in[i + 2] == ' ' || in[i + 2] == '\t') ? 3
                    : c == '\n' && i + 1 < in.length && (in[i + 1] == ' ' || in[i + 1] == '\t') ? 2 : 0;
            if (fold > 0) {
                // a folded line goes on where it broke, even inside a word
                for (int k = 0; k < fold; k++) {
                    out[i + k] = IGNORED;
                }
                i += fold - 1;
                changed = true;
            } else if (c == '\\' && i + 1 < in.length) {
                char e = in[i + 1];
                out[i] = e == 'n' || e == 'N' ? '\n' : e;
                out[i + 1] = IGNORED;
                i++;
                changed = true;
            }
        }
        return changed ? out : null;
    }

    /**
     * The escape at the backslash at {@code i} (JSON's, or with {@code yaml} YAML's few more), decoded
     * into {@code out}; returns the position of its last character.
     */
    private static int backslash(char[] in, int i, char[] out, boolean yaml) {
        char e = in[i + 1];
        int digits = e == 'u' ? 4 : yaml && e == 'x' ? 2 : yaml && e == 'U' ? 8 : 0;
        if (digits > 0) {
            if (i + 1 + digits >= in.length) {
                return i + 1;
            }
            int codePoint;
            try {
                codePoint = Integer.parseInt(new String(in, i + 2, digits), 16);
            } catch (NumberFormatException ex) {
                return i + 1;
            }
            String value = Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : " ";
            for (int k = 0; k < digits + 2; k++) {
                out[i + k] = k < value.length() ? value.charAt(k) : IGNORED;
            }
            int last = i + 1 + digits;
            // a surrogate pair written as two escapes is read as the one character it is
            if (Character.isHighSurrogate(value.charAt(0)) && last + 6 < in.length && in[last + 1] == '\\' && in[last + 2] == 'u') {
                try {
                    char low = (char) Integer.parseInt(new String(in, last + 3, 4), 16);
                    if (Character.isLowSurrogate(low)) {
                        out[i + 1] = low;
                        for (int k = last + 1; k <= last + 6; k++) {
                            out[k] = IGNORED;
                        }
                        return last + 6;
                    }
                } catch (NumberFormatException ex) {
                    // not a pair: the high half stays alone
                }
            }
            return last;
        }
        out[i] = switch (e) {
            case 'n', 'r', 't', 'b', 'f', '0', 'a', 'v', 'e', 'N', 'L', 'P', '_' -> ' ';
            default -> e;
        };
        out[i + 1] = IGNORED;
        return i + 1;
    }

    // ---------------------------------------------------------------- helpers

    private static boolean holds(char[] text, char c) {
        for (char x : text) {
            if (x == c) {
                return true;
            }
        }
        return false;
    }

    /** The first position at or after {@code i} that is not {@link NameAutomaton#IGNORED}. */
    private static int real(char[] text, int i) {
        while (i < text.length && text[i] == IGNORED) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(char[] text, int i, String prefix) {
        int k = i;
        for (int p = 0; p < prefix.length(); p++) {
            k = real(text, k);
            if (k >= text.length || text[k] != prefix.charAt(p)) {
                return false;
            }
            k++;
        }
        return true;
    }

    private static int find(char[] text, int from, String what) {
        for (int k = from; k < text.length; k++) {
            if (text[k] == what.charAt(0) && startsWith(text, k, what)) {
                return k;
            }
        }
        return -1;
    }

    /** Positions {@code [from, to)} become one separator. */
    private static void separate(char[] out, int from, int to) {
        out[from] = ' ';
        for (int k = from + 1; k < to; k++) {
            out[k] = IGNORED;
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}

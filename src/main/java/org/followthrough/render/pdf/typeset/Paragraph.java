package org.followthrough.render.pdf.typeset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text of one block, collected from its inline HTML (with white space collapsed as HTML does),
 * then broken into lines: greedily at spaces, and inside a word only where the word is wider than the
 * line (after a hyphen, slash or no-break space if one fits, else between letters). Each character's glyph and width
 * are looked up once, as it is added.
 */
final class Paragraph {

    private static final int FORCED_BREAK = '\n';
    private static final int ZERO_WIDTH_SPACE = 0x200B;
    private static final int NO_BREAK_SPACE = 0x00A0;

    private final DocumentFonts fonts;
    private int[] chars = new int[64];
    private int[] glyphs = new int[64];
    private float[] widths = new float[64];
    private int n;

    private int[] spanStart = new int[4];
    private TextStyle[] spanStyle = new TextStyle[4];
    private Tag.Content[] spanContent = new Tag.Content[4];
    private Item.Link[] spanLink = new Item.Link[4];
    private String[] spanActual = new String[4];
    private int spans;
    /** The last character added was a collapsible space, or a line start: another space is dropped. */
    private boolean afterSpace = true;
    private List<String> anchors;

    /** @param fonts told each glyph used, and each character the font has no glyph for (drawn as a replacement glyph) */
    Paragraph(DocumentFonts fonts) {
        this.fonts = fonts;
    }

    void anchor(String id) {
        if (anchors == null) {
            anchors = new ArrayList<>(1);
        }
        anchors.add(id);
    }

    List<String> anchors() {
        return anchors;
    }

    /** Adds text; outside {@code pre}, runs of white space become one space, and none at the start of a line. */
    void text(String text, TextStyle style, Tag.Content content, Item.Link link, boolean pre) {
        int length = text.length();
        for (int i = 0; i < length; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (pre) {
                switch (cp) {
                    case '\n' -> add(FORCED_BREAK, 0, 0f, style, content, link, null);
                    case '\t' -> {
                        for (int k = 0; k < 4; k++) {
                            add(' ', style, content, link);
                        }
                    }
                    case '\r' -> {
                    }
                    default -> character(cp, style, content, link);
                }
                afterSpace = false;
            } else if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f') {
                if (!afterSpace) {
                    add(' ', style, content, link);
                    afterSpace = true;
                }
            } else {
                character(cp, style, content, link);
            }
        }
    }

    /** A forced line break (br). */
    void lineBreak(TextStyle style, Tag.Content content, Item.Link link) {
        trimSpace();
        add(FORCED_BREAK, 0, 0f, style, content, link, null);
        afterSpace = true;
    }

    /** Controls and invisible format characters, which have nothing to draw. */
    static boolean invisible(int cp) {
        return cp < 0x20 || cp >= 0x7F && cp < 0xA0 || cp == 0xAD || cp >= 0x200C && cp <= 0x200F || cp >= 0x2060 && cp <= 0x2064
                || cp == 0xFEFF || cp >= 0xFE00 && cp <= 0xFE0F;
    }

    private void character(int cp, TextStyle style, Tag.Content content, Item.Link link) {
        if (invisible(cp)) {
            return; // controls and invisible format characters: nothing to draw
        }
        afterSpace = false;
        if (cp == ZERO_WIDTH_SPACE) {
            add(cp, 0, 0f, style, content, link, null);
            return;
        }
        int glyph = style.font().glyph(cp);
        if (glyph == 0) {
            fonts.missing(cp);
            int replacement = style.font().replacementGlyph;
            fonts.use(style.font(), replacement, 0xFFFD);
            add(cp, replacement, style.font().width(replacement, style.size()), style, content, link, new String(Character.toChars(cp)));
            return;
        }
        fonts.use(style.font(), glyph, cp);
        add(cp, glyph, style.font().width(glyph, style.size()), style, content, link, null);
    }

    private void add(int cp, TextStyle style, Tag.Content content, Item.Link link) {
        int glyph = style.font().glyph(cp);
        fonts.use(style.font(), glyph, cp);
        add(cp, glyph, style.font().width(glyph, style.size()), style, content, link, null);
    }

    private void add(int cp, int glyph, float width, TextStyle style, Tag.Content content, Item.Link link, String actual) {
        if (n == chars.length) {
            chars = Arrays.copyOf(chars, n * 2);
            glyphs = Arrays.copyOf(glyphs, n * 2);
            widths = Arrays.copyOf(widths, n * 2);
        }
        int last = spans - 1;
        if (spans == 0 || actual != null || spanActual[last] != null || spanStyle[last] != style || spanContent[last] != content
                || spanLink[last] != link) {
            if (spans == spanStart.length) {
                int size = spans * 2;
                spanStart = Arrays.copyOf(spanStart, size);
                spanStyle = Arrays.copyOf(spanStyle, size);
                spanContent = Arrays.copyOf(spanContent, size);
                spanLink = Arrays.copyOf(spanLink, size);
                spanActual = Arrays.copyOf(spanActual, size);
            }
            spanStart[spans] = n;
            spanStyle[spans] = style;
            spanContent[spans] = content;
            spanLink[spans] = link;
            spanActual[spans] = actual;
            spans++;
        }
        chars[n] = cp;
        glyphs[n] = glyph;
        widths[n] = width;
        n++;
    }

    /** Drops a collapsed space at the end (before a line break, or at the end of the block). */
    private void trimSpace() {
        if (afterSpace && n > 0 && chars[n - 1] == ' ') {
            n--;
            while (spans > 0 && spanStart[spans - 1] >= n) {
                spans--;
            }
        }
    }

    /** The widest word and the whole text on one line, in points: what a table column needs at least and at most. */
    float[] measure() {
        float widest = 0;
        float line = 0;
        float longest = 0;
        float word = 0;
        for (int i = 0; i < n; i++) {
            int cp = chars[i];
            if (cp == FORCED_BREAK) {
                longest = Math.max(longest, line);
                widest = Math.max(widest, word);
                line = 0;
                word = 0;
                continue;
            }
            line += widths[i];
            if (cp == ' ' || cp == ZERO_WIDTH_SPACE) {
                widest = Math.max(widest, word);
                word = 0;
            } else {
                word += widths[i];
            }
        }
        return new float[] {Math.max(widest, word), Math.max(longest, line)};
    }

    /**
     * The lines of this text in a column at {@code x}, {@code width} wide; {@code strut} is the block's own
     * text style (every line is at least as tall as its line height); {@code marker}, if any, is put on the first line.
     */
    List<Item.Line> lines(float x, float width, Style.Align align, TextStyle strut, Item.Run marker) {
        trimSpace();
        while (n > 0 && chars[n - 1] == FORCED_BREAK) {
            n--; // a br at the end of a block makes no empty line
            while (spans > 0 && spanStart[spans - 1] >= n) {
                spans--;
            }
        }
        List<Item.Line> lines = new ArrayList<>();
        if (n == 0) {
            if (marker != null) {
                lines.add(line(0, 0, x, width, align, strut, marker, new float[] {0}));
            }
            return lines;
        }
        float[] prefix = new float[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + widths[i];
        }
        int start = 0;
        int lastSpace = -1;
        for (int i = 0; i < n; i++) {
            int cp = chars[i];
            if (cp == FORCED_BREAK) {
                lines.add(line(start, i, x, width, align, strut, lines.isEmpty() ? marker : null, prefix));
                start = i + 1;
                lastSpace = -1;
                continue;
            }
            if (cp == ' ' || cp == ZERO_WIDTH_SPACE) {
                lastSpace = i; // a space may hang past the end of the line
                continue;
            }
            if (prefix[i + 1] - prefix[start] > width && i > start) {
                if (lastSpace >= start) {
                    lines.add(line(start, lastSpace + 1, x, width, align, strut, lines.isEmpty() ? marker : null, prefix));
                    start = lastSpace + 1;
                    lastSpace = -1;
                }
                if (prefix[i + 1] - prefix[start] > width && i > start) {
                    int cut = i;
                    for (int j = i - 1; j > start; j--) {
                        // a no-break space keeps words together only where they fit: a date wider than its column
                        // ("since 28 November 2018") breaks there rather than inside the year
                        if (chars[j - 1] == '-' || chars[j - 1] == '/' || chars[j - 1] == NO_BREAK_SPACE) {
                            cut = j;
                            break;
                        }
                    }
                    lines.add(line(start, cut, x, width, align, strut, lines.isEmpty() ? marker : null, prefix));
                    start = cut;
                }
            }
        }
        lines.add(line(start, n, x, width, align, strut, lines.isEmpty() ? marker : null, prefix));
        if (anchors != null) {
            lines.get(0).anchor(anchors);
        }
        return lines;
    }

    private Item.Line line(int start, int end, float x, float width, Style.Align align, TextStyle strut, Item.Run marker, float[] prefix) {
        int visible = end;
        while (visible > start && (chars[visible - 1] == ' ' || chars[visible - 1] == ZERO_WIDTH_SPACE || chars[visible - 1] == NO_BREAK_SPACE)) {
            visible--;
        }
        float used = prefix[visible] - prefix[start];
        float offset = switch (align) {
            case RIGHT -> Math.max(0, width - used);
            case CENTER -> Math.max(0, (width - used) / 2);
            case LEFT -> 0;
        };
        float above = strut.above();
        float below = strut.below();
        List<Item.Run> runs = new ArrayList<>(2);
        if (marker != null) {
            runs.add(marker);
            above = Math.max(above, marker.style.above());
            below = Math.max(below, marker.style.below());
        }
        int span = spanAt(start);
        for (int s = span; s < spans && spanStart[s] < Math.max(end, start + 1); s++) {
            int from = Math.max(start, spanStart[s]);
            int to = Math.min(end, s + 1 < spans ? spanStart[s + 1] : n);
            TextStyle style = spanStyle[s];
            above = Math.max(above, style.above());
            below = Math.max(below, style.below());
            if (to <= from) {
                continue;
            }
            int[] g = new int[to - from];
            int count = 0;
            for (int i = from; i < to; i++) {
                if (chars[i] != ZERO_WIDTH_SPACE && chars[i] != FORCED_BREAK) {
                    g[count++] = glyphs[i];
                }
            }
            if (count == 0) {
                continue;
            }
            float inked = Math.max(0f, prefix[Math.min(to, visible)] - prefix[from]);
            runs.add(new Item.Run(spanContent[s], style, x + offset + prefix[from] - prefix[start],
                    count == g.length ? g : Arrays.copyOf(g, count), inked, spanLink[s], spanActual[s]));
        }
        return new Item.Line(above + below, above, runs.toArray(new Item.Run[0]));
    }

    /** The span holding character {@code index}: a binary search, since lines start anywhere. */
    private int spanAt(int index) {
        int lo = 0;
        int hi = spans - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (spanStart[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return Math.max(lo, 0);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.appendCodePoint(chars[i]);
        }
        return b.toString();
    }
}

package org.followthrough.render.pdf.typeset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One TrueType face, read once: what layout needs (each character's glyph and each glyph's advance
 * width, from arrays) and what the subsetter copies (the file's bytes and where its tables are).
 * Immutable, so every thread shares it; no glyph substitution or kerning is applied.
 *
 * <p>It reads only the tables it needs (head, hhea, maxp, hmtx, loca, cmap, post, name) straight from
 * the file's bytes: a general font library would load and initialise far more, on every cold start.
 */
final class FontProgram {

    final FontSource.Face face;
    final String postScriptName;
    final byte[] data;
    final int unitsPerEm;
    final int numGlyphs;
    final int numberOfHMetrics;
    private final int[] advance;
    private final char[] bmp;
    private final Map<Integer, Integer> astral;
    final long[] loca;
    /** Tag → {offset, length} in {@link #data}. */
    final Map<String, int[]> tables;
    /** Above and below the baseline, in ems. */
    final float ascent;
    final float descent;
    final float underlinePosition;
    final float underlineThickness;
    /** For the font descriptor, in thousandths of an em. */
    final float[] bbox;
    final float capHeight;
    final float xHeight;
    final float italicAngle;
    final boolean fixedPitch;
    /** The glyph drawn for a character the face lacks: U+FFFD if it has one, else "?". */
    final int replacementGlyph;

    private FontProgram(FontSource.Face face, byte[] data) throws IOException {
        this.face = face;
        this.data = data;
        this.tables = tables(data);
        int head = offset("head");
        int hhea = offset("hhea");
        int post = offset("post");
        this.unitsPerEm = u16(head + 18);
        this.numGlyphs = u16(offset("maxp") + 4);
        this.numberOfHMetrics = u16(hhea + 34);
        this.advance = advances(offset("hmtx"));
        this.loca = loca(offset("loca"), s16(head + 50) != 0);
        this.bmp = new char[0x10000];
        this.astral = new HashMap<>();
        characters(offset("cmap"));
        this.postScriptName = name();
        float em = unitsPerEm;
        this.ascent = s16(hhea + 4) / em;
        this.descent = -s16(hhea + 6) / em;
        this.italicAngle = s32(post + 4) / 65536f;
        this.underlinePosition = s16(post + 8) / em;
        this.underlineThickness = Math.max(s16(post + 10), 1) / em;
        this.fixedPitch = s32(post + 12) != 0;
        this.bbox = new float[] {s16(head + 36) * 1000f / em, s16(head + 38) * 1000f / em, s16(head + 40) * 1000f / em,
            s16(head + 42) * 1000f / em};
        this.capHeight = height('H', 0.7f);
        this.xHeight = height('x', 0.5f);
        int fffd = glyph(0xFFFD);
        this.replacementGlyph = fffd != 0 ? fffd : glyph('?');
    }

    /** Reads a face's TrueType file. */
    static FontProgram parse(FontSource.Face face, byte[] data) throws IOException {
        try {
            return new FontProgram(face, data);
        } catch (IndexOutOfBoundsException e) {
            throw new IOException("the " + face.name().toLowerCase(java.util.Locale.ROOT) + " font file is cut short or damaged", e);
        }
    }

    /** The glyph for a character, or 0 (.notdef) when the face has none. */
    int glyph(int codePoint) {
        if (codePoint < 0x10000) {
            return bmp[codePoint];
        }
        Integer g = astral.get(codePoint);
        return g == null ? 0 : g;
    }

    /** A glyph's advance width in thousandths of an em, as the PDF's width array gives it. */
    int advanceThousandths(int glyph) {
        return Math.round(advance[glyph] * 1000f / unitsPerEm);
    }

    /** The width of a glyph at a font size, in points. */
    float width(int glyph, float size) {
        return advance[glyph] * size / unitsPerEm;
    }

    // ---------------------------------------------------------------- reading the tables

    private static Map<String, int[]> tables(byte[] data) throws IOException {
        int version = (int) u32(data, 0);
        if (version != 0x00010000 && version != 0x74727565) {
            throw new IOException("not a TrueType font file");
        }
        int count = u16(data, 4);
        Map<String, int[]> tables = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int record = 12 + i * 16;
            String tag = new String(data, record, 4, StandardCharsets.US_ASCII);
            tables.put(tag, new int[] {(int) u32(data, record + 8), (int) u32(data, record + 12)});
        }
        return Map.copyOf(tables);
    }

    private int offset(String tag) throws IOException {
        int[] table = tables.get(tag);
        if (table == null) {
            throw new IOException("the font has no '" + tag + "' table");
        }
        return table[0];
    }

    /** Every glyph's advance width: glyphs after the last full metric take its width. */
    private int[] advances(int hmtx) {
        int[] widths = new int[numGlyphs];
        for (int g = 0; g < numGlyphs; g++) {
            widths[g] = u16(hmtx + Math.min(g, numberOfHMetrics - 1) * 4);
        }
        return widths;
    }

    private long[] loca(int start, boolean longOffsets) {
        long[] offsets = new long[numGlyphs + 1];
        for (int g = 0; g <= numGlyphs; g++) {
            offsets[g] = longOffsets ? u32(data, start + g * 4) : u16(start + g * 2) * 2L;
        }
        return offsets;
    }

    /** Fills the character map from the best Unicode subtable: full Unicode (format 12) if there is one, else the BMP (format 4). */
    private void characters(int cmap) throws IOException {
        int best = -1;
        int bestRank = 0;
        int count = u16(cmap + 2);
        for (int i = 0; i < count; i++) {
            int record = cmap + 4 + i * 8;
            int platform = u16(record);
            int encoding = u16(record + 2);
            int subtable = cmap + (int) u32(data, record + 4);
            int format = u16(subtable);
            int rank = format == 12 && (platform == 3 && encoding == 10 || platform == 0) ? 3
                    : format == 4 && (platform == 3 && encoding == 1 || platform == 0) ? 2 : 0;
            if (rank > bestRank) {
                best = subtable;
                bestRank = rank;
            }
        }
        if (best < 0) {
            throw new IOException("the font has no Unicode character map");
        }
        if (bestRank == 3) {
            format12(best);
        } else {
            format4(best);
        }
    }

    private void format4(int table) {
        int segments = u16(table + 6) / 2;
        int ends = table + 14;
        int starts = ends + segments * 2 + 2;
        int deltas = starts + segments * 2;
        int ranges = deltas + segments * 2;
        for (int s = 0; s < segments; s++) {
            int end = u16(ends + s * 2);
            int start = u16(starts + s * 2);
            int delta = s16(deltas + s * 2);
            int range = u16(ranges + s * 2);
            for (int c = start; c <= end && c != 0xFFFF; c++) {
                int g;
                if (range == 0) {
                    g = (c + delta) & 0xFFFF;
                } else {
                    g = u16(ranges + s * 2 + range + (c - start) * 2);
                    if (g != 0) {
                        g = (g + delta) & 0xFFFF;
                    }
                }
                if (g < numGlyphs) {
                    bmp[c] = (char) g;
                }
            }
        }
    }

    private void format12(int table) {
        long groups = u32(data, table + 12);
        for (int i = 0; i < groups; i++) {
            int group = table + 16 + i * 12;
            long start = u32(data, group);
            long end = Math.min(u32(data, group + 4), 0x10FFFF);
            long glyph = u32(data, group + 8);
            for (long c = start; c <= end; c++) {
                int g = (int) (glyph + c - start);
                if (g >= numGlyphs) {
                    break;
                }
                if (c < 0x10000) {
                    bmp[(int) c] = (char) g;
                } else {
                    astral.put((int) c, g);
                }
            }
        }
    }

    /** The PostScript name (name id 6), from the Windows or the Macintosh record. */
    private String name() throws IOException {
        int name = offset("name");
        int count = u16(name + 2);
        int strings = name + u16(name + 4);
        for (int i = 0; i < count; i++) {
            int record = name + 6 + i * 12;
            if (u16(record + 6) != 6) {
                continue;
            }
            int platform = u16(record);
            int length = u16(record + 8);
            int at = strings + u16(record + 10);
            String text = platform == 3 || platform == 0 ? new String(data, at, length, StandardCharsets.UTF_16BE)
                    : new String(data, at, length, StandardCharsets.ISO_8859_1);
            String clean = text.replaceAll("[^A-Za-z0-9-]", "");
            if (!clean.isEmpty()) {
                return clean;
            }
        }
        return "Font" + face.ordinal();
    }

    /** The top of a letter's outline, in thousandths of an em (for the cap height and x-height). */
    private float height(char c, float fallback) throws IOException {
        int g = glyph(c);
        if (g == 0 || loca[g + 1] - loca[g] < 10) {
            return fallback * 1000f;
        }
        return s16(offset("glyf") + (int) loca[g] + 8) * 1000f / unitsPerEm;
    }

    private int u16(int at) {
        return u16(data, at);
    }

    private int s16(int at) {
        return (short) u16(data, at);
    }

    private int s32(int at) {
        return (int) u32(data, at);
    }

    private static int u16(byte[] d, int at) {
        return (d[at] & 0xff) << 8 | d[at + 1] & 0xff;
    }

    private static long u32(byte[] d, int at) {
        return (long) u16(d, at) << 16 | u16(d, at + 2);
    }
}

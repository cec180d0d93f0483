package org.followthrough.render.pdf.typeset;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * One TrueType face, parsed once: what layout needs (each character's glyph and each glyph's advance
 * width, from arrays) and what the subsetter copies (the file's bytes and where its tables are).
 * Immutable, so every thread shares it; no glyph substitution or kerning is applied.
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

    private FontProgram(FontSource.Face face, byte[] data, TrueTypeFont ttf) throws IOException {
        this.face = face;
        this.data = data;
        this.postScriptName = ttf.getName() == null ? "Font" + face.ordinal() : ttf.getName().replaceAll("[^A-Za-z0-9-]", "");
        this.unitsPerEm = ttf.getUnitsPerEm();
        this.numGlyphs = ttf.getNumberOfGlyphs();
        this.numberOfHMetrics = ttf.getHorizontalHeader().getNumberOfHMetrics();
        this.advance = new int[numGlyphs];
        for (int g = 0; g < numGlyphs; g++) {
            advance[g] = ttf.getAdvanceWidth(g);
        }
        CmapLookup cmap = ttf.getUnicodeCmapLookup();
        this.bmp = new char[0x10000];
        for (int c = 0; c < 0x10000; c++) {
            bmp[c] = (char) cmap.getGlyphId(c);
        }
        Map<Integer, Integer> beyond = new HashMap<>();
        for (int g = 0; g < numGlyphs; g++) {
            List<Integer> codes = cmap.getCharCodes(g);
            if (codes != null) {
                for (int code : codes) {
                    if (code > 0xFFFF) {
                        beyond.putIfAbsent(code, g);
                    }
                }
            }
        }
        this.astral = Map.copyOf(beyond);
        this.loca = ttf.getIndexToLocation().getOffsets().clone();
        Map<String, int[]> t = new HashMap<>();
        for (TTFTable table : ttf.getTableMap().values()) {
            t.put(table.getTag(), new int[] {(int) table.getOffset(), (int) table.getLength()});
        }
        this.tables = Map.copyOf(t);
        float em = unitsPerEm;
        this.ascent = ttf.getHorizontalHeader().getAscender() / em;
        this.descent = -ttf.getHorizontalHeader().getDescender() / em;
        this.underlinePosition = ttf.getPostScript().getUnderlinePosition() / em;
        this.underlineThickness = Math.max(ttf.getPostScript().getUnderlineThickness(), 1) / em;
        this.italicAngle = ttf.getPostScript().getItalicAngle();
        this.fixedPitch = ttf.getPostScript().getIsFixedPitch() != 0;
        var head = ttf.getHeader();
        this.bbox = new float[] {head.getXMin() * 1000f / em, head.getYMin() * 1000f / em, head.getXMax() * 1000f / em,
                head.getYMax() * 1000f / em};
        this.capHeight = height(ttf, 'H', 0.7f);
        this.xHeight = height(ttf, 'x', 0.5f);
        int fffd = glyph(0xFFFD);
        this.replacementGlyph = fffd != 0 ? fffd : glyph('?');
    }

    /** Parses a face's TrueType file. */
    static FontProgram parse(FontSource.Face face, byte[] data) throws IOException {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(data))) {
            return new FontProgram(face, data, ttf);
        }
    }

    private float height(TrueTypeFont ttf, char c, float fallback) throws IOException {
        int gid = glyph(c);
        GlyphData glyph = gid == 0 ? null : ttf.getGlyph().getGlyph(gid);
        return glyph == null ? fallback * 1000f : glyph.getBoundingBox().getUpperRightY() * 1000f / unitsPerEm;
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
}

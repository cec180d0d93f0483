package org.followthrough.render.pdf.typeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.followthrough.render.pdf.PdfFonts;
import org.followthrough.render.pdf.PdfRenderer;
import org.junit.jupiter.api.Test;

/** The typesetter's own reading of the fonts, checked against fontbox's on every character and glyph of every face. */
class FontProgramTest {

    private static final FontSource FONTS = PdfRenderer.fontSource(PdfFonts.locate());

    @Test
    void everyCharactersGlyphAndEveryGlyphsWidthAreThoseFontboxReads() throws IOException {
        for (FontSource.Face face : FontSource.Face.values()) {
            byte[] data = FONTS.read(face);
            FontProgram ours = FontProgram.parse(face, data);
            try (TrueTypeFont theirs = new TTFParser().parse(new RandomAccessReadBuffer(data))) {
                assertThat(ours.numGlyphs).isEqualTo(theirs.getNumberOfGlyphs());
                assertThat(ours.unitsPerEm).isEqualTo(theirs.getUnitsPerEm());
                assertThat(ours.postScriptName).isEqualTo(theirs.getName());
                CmapLookup cmap = theirs.getUnicodeCmapLookup();
                for (int c = 0; c < 0x10000; c++) {
                    if (ours.glyph(c) != cmap.getGlyphId(c)) {
                        assertThat(ours.glyph(c)).as("%s U+%04X", face, c).isEqualTo(cmap.getGlyphId(c));
                    }
                }
                for (int g = 0; g < ours.numGlyphs; g++) {
                    if (ours.width(g, 1000f) != theirs.getAdvanceWidth(g) * 1000f / theirs.getUnitsPerEm()) {
                        assertThat(ours.width(g, 1000f)).as("%s glyph %d", face, g).isEqualTo(theirs.getAdvanceWidth(g) * 1000f / theirs.getUnitsPerEm());
                    }
                }
                assertThat(ours.loca).isEqualTo(theirs.getIndexToLocation().getOffsets());
                assertThat(ours.italicAngle).isEqualTo(theirs.getPostScript().getItalicAngle());
                assertThat(ours.ascent * ours.unitsPerEm).isEqualTo(theirs.getHorizontalHeader().getAscender());
            }
        }
    }

    @Test
    void aFileThatIsNotAFontIsRefusedWithAReason() {
        assertThatThrownBy(() -> FontProgram.parse(FontSource.Face.REGULAR, "not a font at all".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("not a TrueType font file");
    }
}

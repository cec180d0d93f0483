package org.followthrough.render.pdf.typeset;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;

/**
 * The glyphs one document uses in each face, and the character each stands for; at the end, each used
 * face embedded as a subset (Type 0 font, Identity-H, CIDFontType2) with its widths and a ToUnicode map,
 * so that text can be searched, copied and read aloud.
 */
final class DocumentFonts {

    /** Records nothing: for measuring text that is not drawn. */
    static final DocumentFonts MEASURING = new DocumentFonts(false);

    private final boolean recording;
    private final BitSet[] used = new BitSet[FontSource.Face.values().length];
    private final int[][] unicode = new int[used.length][];
    private final SortedSet<Integer> missing = new TreeSet<>();

    DocumentFonts() {
        this(true);
    }

    private DocumentFonts(boolean recording) {
        this.recording = recording;
    }

    void use(FontProgram font, int glyph, int codePoint) {
        if (!recording) {
            return;
        }
        int f = font.face.ordinal();
        if (used[f] == null) {
            used[f] = new BitSet();
            unicode[f] = new int[font.numGlyphs];
        }
        used[f].set(glyph);
        if (unicode[f][glyph] == 0) {
            unicode[f][glyph] = codePoint;
        }
    }

    void missing(int codePoint) {
        if (recording) {
            missing.add(codePoint);
        }
    }

    /** The characters no glyph was found for, each drawn as the replacement glyph. */
    SortedSet<Integer> missing() {
        return missing;
    }

    boolean uses(FontSource.Face face) {
        return used[face.ordinal()] != null;
    }

    /** Writes a used face, its subset embedded; gives the Type 0 font dictionary's reference. */
    PdfFile.Ref embed(FontProgram font, PdfFile file) {
        int f = font.face.ordinal();
        BitSet glyphs = used[f];
        byte[] subset = FontSubset.of(font, glyphs);
        String name = subsetTag(glyphs, font) + "+" + font.postScriptName;

        COSDictionary program = new COSDictionary();
        program.setInt(COSName.LENGTH1, subset.length);
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, name);
        descriptor.setInt(COSName.FLAGS, 4 | (font.italicAngle != 0 ? 64 : 0) | (font.fixedPitch ? 1 : 0));
        descriptor.setItem(COSName.FONT_BBOX, numbers(font.bbox));
        descriptor.setItem(COSName.ITALIC_ANGLE, new COSFloat(font.italicAngle));
        descriptor.setItem(COSName.ASCENT, new COSFloat(round(font.ascent * 1000)));
        descriptor.setItem(COSName.DESCENT, new COSFloat(round(-font.descent * 1000)));
        descriptor.setItem(COSName.CAP_HEIGHT, new COSFloat(round(font.capHeight)));
        descriptor.setItem(COSName.XHEIGHT, new COSFloat(round(font.xHeight)));
        descriptor.setItem(COSName.STEM_V, new COSFloat(round((font.bbox[2] - font.bbox[0]) * 0.13f)));
        descriptor.setItem(COSName.FONT_FILE2, file.flate(program, subset, subset.length));

        COSDictionary system = new COSDictionary();
        system.setString(COSName.REGISTRY, "Adobe");
        system.setString(COSName.ORDERING, "Identity");
        system.setInt(COSName.SUPPLEMENT, 0);

        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cidFont.setName(COSName.BASE_FONT, name);
        cidFont.setItem(COSName.CIDSYSTEMINFO, system);
        cidFont.setItem(COSName.FONT_DESC, file.write(descriptor));
        cidFont.setItem(COSName.W, widths(font, glyphs));
        cidFont.setItem(COSName.CID_TO_GID_MAP, COSName.IDENTITY);

        COSArray descendants = new COSArray();
        descendants.add(file.write(cidFont));
        COSDictionary type0 = new COSDictionary();
        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
        type0.setName(COSName.BASE_FONT, name);
        type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);
        type0.setItem(COSName.TO_UNICODE, file.flate(toUnicode(glyphs, unicode[f]).getBytes(StandardCharsets.US_ASCII)));
        return file.write(type0);
    }

    /** Six capital letters from the glyphs used, so that different subsets of one font have different names. */
    private static String subsetTag(BitSet glyphs, FontProgram font) {
        long hash = 1125899906842597L + font.face.ordinal();
        for (long word : glyphs.toLongArray()) {
            hash = 31 * hash + word;
            hash ^= hash >>> 29;
        }
        char[] tag = new char[6];
        long h = hash & Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            tag[i] = (char) ('A' + h % 26);
            h /= 26;
        }
        return new String(tag);
    }

    /** The width of each glyph used, in runs of consecutive glyphs: [first [w w w] first [w] …]. */
    private static COSArray widths(FontProgram font, BitSet glyphs) {
        COSArray w = new COSArray();
        int g = glyphs.nextSetBit(0);
        while (g >= 0) {
            int first = g;
            COSArray run = new COSArray();
            while (g >= 0 && g == first + run.size()) {
                run.add(COSInteger.get(font.advanceThousandths(g)));
                g = glyphs.nextSetBit(g + 1);
            }
            w.add(COSInteger.get(first));
            w.add(run);
        }
        return w;
    }

    private static String toUnicode(BitSet glyphs, int[] unicode) {
        StringBuilder b = new StringBuilder(256 + glyphs.cardinality() * 24);
        b.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        int[] mapped = glyphs.stream().filter(g -> unicode[g] > 0).toArray();
        for (int start = 0; start < mapped.length; start += 100) {
            int end = Math.min(mapped.length, start + 100);
            b.append(end - start).append(" beginbfchar\n");
            for (int i = start; i < end; i++) {
                b.append('<');
                hex4(b, mapped[i]);
                b.append("> <");
                for (char c : Character.toChars(unicode[mapped[i]])) {
                    hex4(b, c);
                }
                b.append(">\n");
            }
            b.append("endbfchar\n");
        }
        b.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return b.toString();
    }

    private static void hex4(StringBuilder b, int value) {
        String hex = "0123456789ABCDEF";
        b.append(hex.charAt(value >> 12 & 15)).append(hex.charAt(value >> 8 & 15)).append(hex.charAt(value >> 4 & 15))
                .append(hex.charAt(value & 15));
    }

    private static COSArray numbers(float[] values) {
        COSArray array = new COSArray();
        for (float v : values) {
            array.add(new COSFloat(round(v)));
        }
        return array;
    }

    private static float round(float v) {
        return Math.round(v * 1000f) / 1000f;
    }
}

package org.followthrough.render.pdf.typeset;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * A TrueType file holding only the glyphs a document uses, for embedding. Glyph ids stay as they are
 * in the full font (unused glyphs are left empty), so the PDF maps character codes to glyphs with
 * {@code /CIDToGIDMap /Identity} and the text written before the subset is made needs no renumbering.
 * Only the tables a PDF viewer needs to draw TrueType glyphs are kept.
 */
final class FontSubset {

    /** Sorted by tag, as the table directory must be. */
    private static final String[] TABLES = {"cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"};

    private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;
    private static final int WE_HAVE_A_SCALE = 0x0008;
    private static final int MORE_COMPONENTS = 0x0020;
    private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
    private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;

    private FontSubset() {
    }

    /** The subset font file with {@code used} glyphs (and the glyphs they are made of, and .notdef). */
    static byte[] of(FontProgram font, BitSet used) {
        BitSet glyphs = (BitSet) used.clone();
        glyphs.set(0);
        addComponents(font, glyphs);
        int count = glyphs.length();

        byte[][] data = new byte[TABLES.length][];
        ByteArrayOutputStream glyf = new ByteArrayOutputStream();
        ByteBuffer loca = ByteBuffer.allocate((count + 1) * 4);
        int glyfStart = font.tables.get("glyf")[0];
        for (int g = 0; g < count; g++) {
            loca.putInt(glyf.size());
            if (glyphs.get(g)) {
                int start = (int) font.loca[g];
                int length = (int) (font.loca[g + 1] - font.loca[g]);
                glyf.write(font.data, glyfStart + start, length);
                for (int pad = length; pad % 4 != 0; pad++) {
                    glyf.write(0);
                }
            }
        }
        loca.putInt(glyf.size());
        for (int i = 0; i < TABLES.length; i++) {
            data[i] = switch (TABLES[i]) {
                case "glyf" -> glyf.toByteArray();
                case "loca" -> loca.array();
                case "head" -> head(font);
                case "hhea" -> hhea(font, count);
                case "maxp" -> maxp(font, count);
                case "hmtx" -> hmtx(font, glyphs, count);
                default -> copy(font, TABLES[i]);
            };
        }
        return assemble(data);
    }

    /** Composite glyphs (most accented letters) are drawn from other glyphs, which must be kept too. */
    private static void addComponents(FontProgram font, BitSet glyphs) {
        int glyfStart = font.tables.get("glyf")[0];
        byte[] d = font.data;
        for (int g = glyphs.nextSetBit(0); g >= 0; g = glyphs.nextSetBit(g + 1)) {
            if (g >= font.numGlyphs || font.loca[g + 1] - font.loca[g] < 10) {
                continue;
            }
            int p = glyfStart + (int) font.loca[g];
            short contours = (short) u16(d, p);
            if (contours >= 0) {
                continue;
            }
            p += 10;
            int flags;
            do {
                flags = u16(d, p);
                int component = u16(d, p + 2);
                p += 4;
                p += (flags & ARG_1_AND_2_ARE_WORDS) != 0 ? 4 : 2;
                if ((flags & WE_HAVE_A_SCALE) != 0) {
                    p += 2;
                } else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) != 0) {
                    p += 4;
                } else if ((flags & WE_HAVE_A_TWO_BY_TWO) != 0) {
                    p += 8;
                }
                if (component < font.numGlyphs && !glyphs.get(component)) {
                    glyphs.set(component);
                    if (component < g) {
                        g = component - 1; // look into the component too; nextSetBit(g + 1) comes back to it
                    }
                }
            } while ((flags & MORE_COMPONENTS) != 0);
        }
    }

    private static byte[] copy(FontProgram font, String tag) {
        int[] at = font.tables.get(tag);
        if (at == null) {
            return null;
        }
        byte[] out = new byte[at[1]];
        System.arraycopy(font.data, at[0], out, 0, at[1]);
        return out;
    }

    private static byte[] head(FontProgram font) {
        byte[] head = copy(font, "head");
        ByteBuffer b = ByteBuffer.wrap(head);
        b.putInt(8, 0); // checkSumAdjustment, set once the whole file is known
        b.putShort(50, (short) 1); // long offsets in loca
        return head;
    }

    private static byte[] hhea(FontProgram font, int count) {
        byte[] hhea = copy(font, "hhea");
        ByteBuffer.wrap(hhea).putShort(34, (short) Math.min(font.numberOfHMetrics, count));
        return hhea;
    }

    private static byte[] maxp(FontProgram font, int count) {
        byte[] maxp = copy(font, "maxp");
        ByteBuffer.wrap(maxp).putShort(4, (short) count);
        return maxp;
    }

    /** The metrics of the kept glyphs; those of glyphs left out are zero, which compresses to nothing. */
    private static byte[] hmtx(FontProgram font, BitSet glyphs, int count) {
        int metrics = Math.min(font.numberOfHMetrics, count);
        int length = metrics * 4 + (count - metrics) * 2;
        byte[] out = new byte[length];
        int start = font.tables.get("hmtx")[0];
        if (metrics == font.numberOfHMetrics && count > metrics) {
            // glyphs past the last full metric take its advance width, whether or not it is used itself
            System.arraycopy(font.data, start + (metrics - 1) * 4, out, (metrics - 1) * 4, 4);
        }
        for (int g = glyphs.nextSetBit(0); g >= 0 && g < count; g = glyphs.nextSetBit(g + 1)) {
            if (g < metrics) {
                System.arraycopy(font.data, start + g * 4, out, g * 4, 4);
            } else {
                int from = start + font.numberOfHMetrics * 4 + (g - font.numberOfHMetrics) * 2;
                System.arraycopy(font.data, from, out, metrics * 4 + (g - metrics) * 2, 2);
            }
        }
        return out;
    }

    private static byte[] assemble(byte[][] data) {
        int tables = 0;
        for (byte[] d : data) {
            if (d != null) {
                tables++;
            }
        }
        int offset = 12 + tables * 16;
        int size = offset;
        for (byte[] d : data) {
            if (d != null) {
                size += (d.length + 3) & ~3;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        int power = Integer.highestOneBit(tables);
        out.putInt(0x00010000).putShort((short) tables).putShort((short) (power * 16))
                .putShort((short) Integer.numberOfTrailingZeros(power)).putShort((short) (tables * 16 - power * 16));
        int headOffset = 0;
        for (int i = 0; i < TABLES.length; i++) {
            byte[] d = data[i];
            if (d == null) {
                continue;
            }
            out.put(TABLES[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(checksum(d, 0, d.length))
                    .putInt(offset).putInt(d.length);
            if (TABLES[i].equals("head")) {
                headOffset = offset;
            }
            offset += (d.length + 3) & ~3;
        }
        for (byte[] d : data) {
            if (d != null) {
                out.put(d);
                for (int pad = d.length; pad % 4 != 0; pad++) {
                    out.put((byte) 0);
                }
            }
        }
        byte[] file = out.array();
        ByteBuffer.wrap(file).putInt(headOffset + 8, (int) (0xB1B0AFBAL - checksum(file, 0, file.length)));
        return file;
    }

    private static int checksum(byte[] d, int from, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 4) {
            long word = 0;
            for (int k = 0; k < 4; k++) {
                word = word << 8 | (i + k < length ? d[from + i + k] & 0xff : 0);
            }
            sum += word;
        }
        return (int) sum;
    }

    private static int u16(byte[] d, int p) {
        return (d[p] & 0xff) << 8 | d[p + 1] & 0xff;
    }
}

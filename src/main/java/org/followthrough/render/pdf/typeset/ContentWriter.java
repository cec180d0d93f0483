package org.followthrough.render.pdf.typeset;

import java.util.Arrays;

/**
 * The operators of a page's content stream, written straight into a byte buffer: numbers with at most
 * three decimals (the same text on every machine, whatever its locale), glyphs as hexadecimal strings.
 */
final class ContentWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[8192];
    private int length;

    void reset() {
        length = 0;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** An operator, ending its line. */
    ContentWriter op(String text) {
        return append(text, '\n');
    }

    /** Operands written as they are (names, dictionaries), then a space. */
    ContentWriter raw(String text) {
        return append(text, ' ');
    }

    private ContentWriter append(String text, char end) {
        int n = text.length();
        ensure(n + 1);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        bytes[length++] = (byte) end;
        return this;
    }

    ContentWriter number(float value) {
        ensure(24);
        long scaled = Math.round(value * 1000.0);
        if (scaled < 0) {
            bytes[length++] = '-';
            scaled = -scaled;
        }
        long whole = scaled / 1000;
        int fraction = (int) (scaled % 1000);
        digits(whole);
        if (fraction != 0) {
            bytes[length++] = '.';
            int d1 = fraction / 100;
            int d2 = fraction / 10 % 10;
            int d3 = fraction % 10;
            bytes[length++] = (byte) ('0' + d1);
            if (d2 != 0 || d3 != 0) {
                bytes[length++] = (byte) ('0' + d2);
                if (d3 != 0) {
                    bytes[length++] = (byte) ('0' + d3);
                }
            }
        }
        bytes[length++] = ' ';
        return this;
    }

    ContentWriter integer(long value) {
        ensure(21);
        if (value < 0) {
            bytes[length++] = '-';
            value = -value;
        }
        digits(value);
        bytes[length++] = ' ';
        return this;
    }

    private void digits(long value) {
        if (value >= 10) {
            digits(value / 10);
        }
        bytes[length++] = (byte) ('0' + value % 10);
    }

    /** A colour as three numbers from 0 to 1. */
    ContentWriter rgb(int rgb) {
        return number((rgb >> 16 & 0xff) / 255f).number((rgb >> 8 & 0xff) / 255f).number((rgb & 0xff) / 255f);
    }

    /** Glyph ids as a string of two bytes each, the encoding Identity-H reads. */
    ContentWriter glyphs(int[] glyphs) {
        ensure(glyphs.length * 4 + 3);
        bytes[length++] = '<';
        for (int g : glyphs) {
            bytes[length++] = HEX[g >> 12 & 15];
            bytes[length++] = HEX[g >> 8 & 15];
            bytes[length++] = HEX[g >> 4 & 15];
            bytes[length++] = HEX[g & 15];
        }
        bytes[length++] = '>';
        bytes[length++] = ' ';
        return this;
    }

    /** A text string in PDF's UTF-16 form, as a hexadecimal string (for ActualText). */
    ContentWriter text(String s) {
        ensure(s.length() * 4 + 8);
        bytes[length++] = '<';
        bytes[length++] = 'F';
        bytes[length++] = 'E';
        bytes[length++] = 'F';
        bytes[length++] = 'F';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes[length++] = HEX[c >> 12 & 15];
            bytes[length++] = HEX[c >> 8 & 15];
            bytes[length++] = HEX[c >> 4 & 15];
            bytes[length++] = HEX[c & 15];
        }
        bytes[length++] = '>';
        bytes[length++] = ' ';
        return this;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}

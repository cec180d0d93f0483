package org.followthrough.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * A writer that encodes what it is given straight into UTF-8 bytes, for a page made by a template: the
 * page is held once, as its bytes, rather than as a growing buffer of two-byte characters (every page has
 * a character beyond Latin-1, such as a typographic apostrophe), then a String, then its bytes. Encodes
 * as {@link String#getBytes} with UTF-8 does: a surrogate that is not half of a pair becomes '?'.
 * Not thread-safe; closing it does nothing.
 */
public final class Utf8Writer extends Writer {

    private byte[] bytes = new byte[16 * 1024];
    private int size;
    /** Characters of a string being written, copied out of it at once rather than read one call at a time. */
    private char[] copied = new char[1024];
    /** A high surrogate written last, waiting for its low half; 0 when there is none. */
    private char high;

    @Override
    public void write(int c) {
        room(4);
        put((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, chars.length);
        room(3L * length + 1);
        for (int i = offset, end = offset + length; i < end; i++) {
            char c = chars[i];
            if (c < 0x80 && high == 0) {
                bytes[size++] = (byte) c;
            } else {
                put(c);
            }
        }
    }

    @Override
    public void write(String text, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, text.length());
        while (length > 0) {
            int n = Math.min(length, copied.length);
            text.getChars(offset, offset + n, copied, 0);
            write(copied, 0, n);
            offset += n;
            length -= n;
        }
    }

    @Override
    public void write(String text) {
        write(text, 0, text.length());
    }

    @Override
    public Writer append(CharSequence text) {
        String s = String.valueOf(text);
        write(s, 0, s.length());
        return this;
    }

    private void put(char c) {
        if (high != 0) {
            char pending = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int point = Character.toCodePoint(pending, c);
                bytes[size++] = (byte) (0xF0 | (point >> 18));
                bytes[size++] = (byte) (0x80 | ((point >> 12) & 0x3F));
                bytes[size++] = (byte) (0x80 | ((point >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (point & 0x3F));
                return;
            }
            bytes[size++] = '?';
        }
        if (c < 0x80) {
            bytes[size++] = (byte) c;
        } else if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | (c >> 6));
            bytes[size++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            bytes[size++] = '?';
        } else {
            bytes[size++] = (byte) (0xE0 | (c >> 12));
            bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            bytes[size++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    /** Room for {@code n} more bytes (a character takes at most 3, and a pair's second half 4 with its first's). */
    private void room(long n) {
        if (size + n > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, size + n);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new OutOfMemoryError("a page of more than 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }

    /** The bytes written; a high surrogate left waiting at the end becomes '?'. */
    public byte[] toByteArray() {
        if (high != 0) {
            room(1);
            high = 0;
            bytes[size++] = '?';
        }
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}

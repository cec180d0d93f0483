package org.followthrough.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Text written straight into UTF-8 bytes, for the downloads that run to tens of megabytes (the whole
 * site's CSV and calendar at archive scale): the bytes are kept in chunks as they are written and
 * joined once, so a file is held as its bytes and one copy of them, not as a growing builder of
 * two-byte characters, a String and then its bytes, several times its size. Encodes as
 * {@link String#getBytes} with UTF-8 does (a lone surrogate becomes '?').
 */
public final class Utf8Text {

    private static final int CHUNK = 1 << 16;
    /** Bytes appended that are at least this long are kept as they are, between chunks, not copied into them. */
    private static final int KEPT_AS_IT_IS = CHUNK / 4;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] chunk = new byte[CHUNK];
    private int used;
    private long size;

    public Utf8Text append(String text) {
        return append(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The characters {@code start} to {@code end} of {@code text}, which must not split a surrogate pair. */
    public Utf8Text append(String text, int start, int end) {
        return append(text.substring(start, end));
    }

    /** A character outside the surrogates (a separator, a line break). */
    public Utf8Text append(char c) {
        if (c < 0x80 && used < chunk.length) {
            chunk[used++] = (byte) c;
            size++;
            return this;
        }
        return append(String.valueOf(c));
    }

    /**
     * Text that is UTF-8 already: a part made before. A long one (a plan's rows, joined into the site's CSV) is
     * kept as it is rather than copied, and must not be changed afterwards.
     */
    public Utf8Text append(byte[] bytes) {
        if (bytes.length >= KEPT_AS_IT_IS) {
            if (used > 0) {
                chunks.add(Arrays.copyOf(chunk, used));
                used = 0;
            }
            chunks.add(bytes);
            size += bytes.length;
            return this;
        }
        int from = 0;
        while (from < bytes.length) {
            if (used == chunk.length) {
                chunks.add(chunk);
                chunk = new byte[CHUNK];
                used = 0;
            }
            int n = Math.min(bytes.length - from, chunk.length - used);
            System.arraycopy(bytes, from, chunk, used, n);
            used += n;
            from += n;
        }
        size += bytes.length;
        return this;
    }

    /** Whether the text holds {@code ascii} (plain ASCII), looking through the bytes without decoding them. */
    public boolean contains(String ascii) {
        byte[] all = bytes();
        byte[] sought = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + sought.length <= all.length; i++) {
            for (int j = 0; j < sought.length; j++) {
                if (all[i + j] != sought[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The bytes written, in one array of their exact length, which from then on holds the text (the
     * chunks are let go): asked again, with nothing written since, it is the same array. Not to be changed.
     */
    public byte[] bytes() {
        if (chunks.isEmpty() && used == chunk.length) {
            return chunk;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a file of " + size + " bytes is too large to publish");
        }
        byte[] all = new byte[(int) size];
        int at = 0;
        for (byte[] full : chunks) {
            System.arraycopy(full, 0, all, at, full.length);
            at += full.length;
        }
        System.arraycopy(chunk, 0, all, at, used);
        chunks.clear();
        chunk = all;
        used = all.length;
        return all;
    }

    /** The text written, decoded again: for reading it in tests and messages. */
    @Override
    public String toString() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Utf8Text text && Arrays.equals(bytes(), text.bytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes());
    }
}

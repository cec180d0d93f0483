package org.followthrough.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Text written in Markdown (CommonMark with GFM tables), as the editor wrote it. A plan read back from the
 * build cache holds its texts as the bytes they were kept as, made into text only when asked for: a build
 * that changed one plan of a thousand reads back every other plan, and shows few of their texts. Those bytes
 * may be a part of a file mapped into memory, outside the heap: the 999 plans' texts are then neither copied
 * nor moved about by the collector.
 */
public final class Markdown {

    /** The text as given; null for one read back (see {@link #made}). Final, so any thread that has the text sees it. */
    private final String given;
    /** What holds the text read back, UTF-8 encoded, from {@link #offset} for {@link #length} bytes; null for one given. */
    private final ByteBuffer utf8;
    private final int offset;
    private final int length;
    /** The text read back, once made; a data race only makes it twice, as a String's hash is (a String is immutable). */
    private String made;

    public Markdown(String source) {
        this.given = Objects.requireNonNull(source, "a Markdown text");
        this.utf8 = null;
        this.offset = 0;
        this.length = 0;
    }

    private Markdown(ByteBuffer utf8, int offset, int length) {
        this.given = null;
        this.utf8 = utf8;
        this.offset = Objects.checkFromIndexSize(offset, length, utf8.limit());
        this.length = length;
    }

    /**
     * The text UTF-8 encoded in {@code utf8}, which is the text's own: nothing may change it after. (Held through a buffer
     * over it, some 48 bytes more than the array alone.)
     */
    public static Markdown ofUtf8(byte[] utf8) {
        return new Markdown(ByteBuffer.wrap(Objects.requireNonNull(utf8, "a Markdown text")), 0, utf8.length);
    }

    /**
     * The text UTF-8 encoded in {@code length} bytes of {@code bytes} from {@code offset} (a file mapped into memory, say,
     * which many texts share), which nothing may change after.
     */
    public static Markdown ofUtf8(ByteBuffer bytes, int offset, int length) {
        return new Markdown(Objects.requireNonNull(bytes, "a Markdown text"), offset, length);
    }

    public String source() {
        if (given != null) {
            return given;
        }
        String text = made;
        if (text == null) {
            byte[] bytes = new byte[length];
            utf8.get(offset, bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
            made = text;
        }
        return text;
    }

    public boolean isBlank() {
        return source().isBlank();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Markdown markdown && source().equals(markdown.source());
    }

    @Override
    public int hashCode() {
        return source().hashCode();
    }

    @Override
    public String toString() {
        return "Markdown[source=" + source() + "]";
    }
}

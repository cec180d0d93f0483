package org.followthrough.model;

import java.nio.charset.StandardCharsets;

/**
 * Text written in Markdown (CommonMark with GFM tables), as the editor wrote it. A plan read back from the
 * build cache holds its texts as the bytes they were kept as, made into text only when asked for: a build
 * that changed one plan of a thousand reads back every other plan, and shows few of their texts again.
 */
public final class Markdown {

    /** The text as given; null for one read back, until {@link #source()} makes it. Final, so any thread that has the text sees it. */
    private final String given;
    /** The text read back, UTF-8 encoded; null for one given. */
    private final byte[] utf8;
    /** The text read back, once made; a data race only makes it twice, as a String's hash is (a String is immutable). */
    private String made;

    public Markdown(String source) {
        this.given = java.util.Objects.requireNonNull(source, "a Markdown text");
        this.utf8 = null;
    }

    private Markdown(byte[] utf8) {
        this.given = null;
        this.utf8 = utf8;
    }

    /** The text UTF-8 encoded in {@code utf8}, which is the text's own: nothing may change it after. */
    public static Markdown ofUtf8(byte[] utf8) {
        return new Markdown(java.util.Objects.requireNonNull(utf8, "a Markdown text"));
    }

    public String source() {
        if (given != null) {
            return given;
        }
        String text = made;
        if (text == null) {
            text = new String(utf8, StandardCharsets.UTF_8);
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

package org.followthrough.output;

/** Where rendered files go. Implementations are thread-safe: pages are written from several threads. */
public interface Publisher {

    /** Writes one file; {@code path} is relative to the site root, with forward slashes. */
    void write(String path, byte[] content);

    default void write(String path, String content) {
        write(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

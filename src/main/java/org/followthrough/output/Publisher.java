package org.followthrough.output;

import java.nio.file.Path;
import java.util.Optional;

/** Where rendered files go. Implementations are thread-safe: pages are written from several threads. */
public interface Publisher {

    /** Writes one file; {@code path} is relative to the site root, with forward slashes. */
    void write(String path, byte[] content);

    default void write(String path, String content) {
        write(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Writes one file made from what {@code key} fingerprints, so that a later build may keep it if that has not changed. */
    default void write(String path, byte[] content, String key) {
        write(path, content);
    }

    /**
     * Publishes the file the site being replaced has at {@code path}, if it was made from {@code key};
     * returns its size, or -1 when there is no such file (then the caller makes it).
     */
    default long reuse(String path, String key) {
        return -1;
    }

    /** The file the site being replaced has at {@code path}, if it was made from {@code key} and {@link #reuse} would keep it. */
    default Optional<Path> previous(String path, String key) {
        return Optional.empty();
    }

    /** Publishes into a folder of {@code publisher}'s site (an organisation's own site beside the partnership's). */
    static Publisher inFolder(Publisher publisher, String folder) {
        return new Publisher() {
            @Override
            public void write(String path, byte[] content) {
                publisher.write(folder + path, content);
            }

            @Override
            public void write(String path, byte[] content, String key) {
                publisher.write(folder + path, content, key);
            }

            @Override
            public long reuse(String path, String key) {
                return publisher.reuse(folder + path, key);
            }

            @Override
            public Optional<Path> previous(String path, String key) {
                return publisher.previous(folder + path, key);
            }
        };
    }
}

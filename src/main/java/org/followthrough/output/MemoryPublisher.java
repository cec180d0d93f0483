package org.followthrough.output;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Keeps a built site in memory, for tests and previews. */
public final class MemoryPublisher implements Publisher {

    private final ConcurrentSkipListMap<String, byte[]> files = new ConcurrentSkipListMap<>();

    @Override
    public void write(String path, byte[] content) {
        if (files.putIfAbsent(path, content) != null) {
            throw new IllegalStateException("two pages were rendered to " + path);
        }
    }

    public NavigableMap<String, byte[]> files() {
        return java.util.Collections.unmodifiableNavigableMap(files);
    }

    public String text(String path) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new IllegalArgumentException("no file " + path + " in " + files.keySet());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public Map<String, byte[]> asMap() {
        return files;
    }
}

package org.followthrough.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Files made earlier, kept in memory by their cache key for as long as a preview runs, up to a
 * number of bytes: the files used longest ago go first. The sizes of the files made are kept apart
 * and for longer, since pages show them and they cost nothing to keep. Thread-safe.
 */
public final class MemoryCache {

    /** What was made for a key: its bytes, or null for an output that has no file (a calendar with no dated target). */
    public record Kept(byte[] bytes) {

        /** The file's size, or -1 when there is no file. */
        public int size() {
            return bytes == null ? -1 : bytes.length;
        }
    }

    private final long maxBytes;
    private final Map<String, Kept> kept = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<String, Integer> sizes = new java.util.concurrent.ConcurrentHashMap<>();
    private long bytes;

    public MemoryCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public synchronized Optional<Kept> find(String key) {
        return Optional.ofNullable(kept.get(key));
    }

    /** The size of what was made for a key, even after its bytes were let go; -1 for no file. */
    public Optional<Integer> size(String key) {
        return Optional.ofNullable(sizes.get(key));
    }

    public synchronized void put(String key, byte[] made) {
        Kept old = kept.put(key, new Kept(made));
        sizes.put(key, made == null ? -1 : made.length);
        bytes += Math.max(0, made == null ? 0 : made.length) - (old == null ? 0 : Math.max(0, old.size()));
        var eldest = kept.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Kept gone = eldest.next().getValue();
            bytes -= Math.max(0, gone.size());
            eldest.remove();
        }
    }
}

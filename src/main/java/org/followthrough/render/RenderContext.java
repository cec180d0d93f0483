package org.followthrough.render;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the outputs of one unit share while it is made: the sizes of the unit's downloads made so far
 * (pages give them beside each link), values worked out once for the unit, such as a plan's view, and
 * the parts of outputs kept from earlier builds. One context per unit; it is dropped when the unit is
 * done, so memory holds one unit's views at a time. Not thread-safe: a unit is made on one thread.
 */
public final class RenderContext {

    private final Map<String, Integer> sizes = new HashMap<>();
    private final Map<String, Object> once = new HashMap<>();
    private final boolean pdfs;
    private final boolean pdfsOnRequest;
    private final Function<String, Optional<Integer>> elsewhere;
    private final Parts parts;
    private int partsMade;

    /**
     * Where parts of outputs are kept, by a fingerprint of everything each is made from: a site-wide
     * download is joined from one part per plan, so that a change to one plan makes one plan's part
     * again. Safe to share between threads.
     */
    public interface Parts {
        /** Keeps nothing: every part is made. */
        Parts NONE = new Parts() {
            @Override
            public Optional<byte[]> find(String key) {
                return Optional.empty();
            }

            @Override
            public void keep(String key, byte[] bytes) {
            }
        };

        Optional<byte[]> find(String key);

        void keep(String key, byte[] bytes);
    }

    /**
     * @param elsewhere the sizes of downloads other units made, for the few outputs (the sitemap) that run after every unit
     */
    public RenderContext(boolean pdfs, Function<String, Optional<Integer>> elsewhere) {
        this(pdfs, elsewhere, Parts.NONE);
    }

    /** @param parts where parts of outputs made before are kept */
    public RenderContext(boolean pdfs, Function<String, Optional<Integer>> elsewhere, Parts parts) {
        this(pdfs, false, elsewhere, parts);
    }

    private RenderContext(boolean pdfs, boolean pdfsOnRequest, Function<String, Optional<Integer>> elsewhere, Parts parts) {
        this.pdfs = pdfs;
        this.pdfsOnRequest = pdfsOnRequest;
        this.elsewhere = elsewhere;
        this.parts = parts;
    }

    /**
     * For a preview that makes each file when it is asked for: {@code sizes} gives the size of any
     * download, made on the spot, and a PDF, the dearest, is made only when it is itself asked for, so
     * pages link to it without its size.
     */
    public static RenderContext onRequest(Function<String, Optional<Integer>> sizes, Parts parts) {
        return new RenderContext(true, true, sizes, parts);
    }

    /** Whether this build makes PDFs ({@code build --no-pdf} does not). */
    public boolean pdfs() {
        return pdfs;
    }

    /** Whether PDFs are made only when asked for, so that their sizes are not known when pages are made. */
    public boolean pdfsOnRequest() {
        return pdfsOnRequest;
    }

    /** The size in bytes of a download made earlier in the unit; empty when it was not made or not published. */
    public Optional<Integer> size(String path) {
        Integer size = sizes.get(path);
        return size != null ? Optional.of(size) : elsewhere.apply(path);
    }

    public void recordSize(String path, int size) {
        sizes.put(path, size);
    }

    /**
     * A part of an output, kept by {@code key}, a fingerprint of everything its bytes depend on: taken
     * from where parts are kept when it was made before, else made now and kept.
     */
    public byte[] part(String key, Supplier<byte[]> make) {
        return part(parts, key, () -> {
            partsMade++;
            return make.get();
        });
    }

    /** How many parts this unit made so far, not found kept: a PDF whose part was found came from the cache. */
    public int partsMade() {
        return partsMade;
    }

    /** A part kept in {@code parts} by {@code key}, as {@link #part(String, Supplier)} takes or makes it, outside any unit. */
    static byte[] part(Parts parts, String key, Supplier<byte[]> make) {
        Optional<byte[]> kept = parts.find(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        byte[] bytes = make.get();
        parts.keep(key, bytes);
        return bytes;
    }

    /** A value worked out once per unit, however many of its outputs ask for it. */
    @SuppressWarnings("unchecked")
    public <T> T once(String name, Supplier<T> make) {
        Object value = once.get(name);
        if (value == null) {
            value = make.get();
            once.put(name, value);
        }
        return (T) value;
    }

    /** The value worked out once for the unit under this name, if an output made before asked for it. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> madeOnce(String name) {
        return Optional.ofNullable((T) once.get(name));
    }
}

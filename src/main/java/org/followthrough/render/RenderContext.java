package org.followthrough.render;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the outputs of one unit share while it is made: the sizes of the unit's downloads made so far
 * (pages give them beside each link), and values worked out once for the unit, such as a plan's view.
 * One context per unit; it is dropped when the unit is done, so memory holds one unit's views at a time.
 * Not thread-safe: a unit is made on one thread.
 */
public final class RenderContext {

    private final Map<String, Integer> sizes = new HashMap<>();
    private final Map<String, Object> once = new HashMap<>();
    private final boolean pdfs;
    private final Function<String, Optional<Integer>> elsewhere;

    /**
     * @param elsewhere the sizes of downloads other units made, for the few outputs (the sitemap) that run after every unit
     */
    public RenderContext(boolean pdfs, Function<String, Optional<Integer>> elsewhere) {
        this.pdfs = pdfs;
        this.elsewhere = elsewhere;
    }

    /** Whether this build makes PDFs ({@code build --no-pdf} does not). */
    public boolean pdfs() {
        return pdfs;
    }

    /** The size in bytes of a download made earlier in the unit; empty when it was not made or not published. */
    public Optional<Integer> size(String path) {
        Integer size = sizes.get(path);
        return size != null ? Optional.of(size) : elsewhere.apply(path);
    }

    public void recordSize(String path, int size) {
        sizes.put(path, size);
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
}

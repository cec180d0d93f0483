package org.followthrough.render;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Fingerprints of what the keys of site-wide outputs take from each plan (its part of the search index's
 * sources, its card in the list of plans, its actions' rows in the lists of actions, its events in the site's
 * calendar), kept from one build to the next by the plan's key: a build
 * works one out again only for a plan whose key changed, instead of reading every plan's texts to key
 * the search index. All are kept in one part, by a fingerprint of the site's settings and as-of date,
 * which the plans' keys leave out; each build keeps those of the plans it had. Thread-safe.
 */
final class PlanFingerprints {

    private final RenderContext.Parts parts;
    private final String key;
    /** What was kept, as read or as last written. */
    private volatile Map<String, String> kept;
    private final Map<String, String> used = new ConcurrentHashMap<>();

    /** @param key a fingerprint of everything but the plan that each fingerprint depends on */
    PlanFingerprints(RenderContext.Parts parts, String key) {
        this.parts = parts;
        this.key = key;
        Map<String, String> read = new TreeMap<>();
        parts.find(key).ifPresent(bytes -> new String(bytes, StandardCharsets.UTF_8).lines().forEach(line -> {
            int space = line.lastIndexOf(' ');
            if (space > 0) {
                read.put(line.substring(0, space), line.substring(space + 1));
            }
        }));
        this.kept = Map.copyOf(read);
    }

    /** The fingerprint of {@code what} of the plan with this key: kept from an earlier build, or of {@code sources} now. */
    String of(String what, String planKey, Supplier<Object> sources) {
        String name = what + " " + planKey;
        return used.computeIfAbsent(name, n -> {
            String known = kept.get(n);
            return known != null ? known : Fingerprint.of(sources.get());
        });
    }

    /** Keeps the fingerprints used since this was read for the next build, unless they are those already kept. */
    synchronized void keep() {
        Map<String, String> now = new TreeMap<>(used);
        if (!now.equals(kept)) {
            StringBuilder lines = new StringBuilder();
            now.forEach((name, fingerprint) -> lines.append(name).append(' ').append(fingerprint).append('\n'));
            parts.keep(key, lines.toString().getBytes(StandardCharsets.UTF_8));
            kept = Map.copyOf(now);
        }
    }
}

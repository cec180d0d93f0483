package org.followthrough.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.followthrough.render.RenderContext;

/**
 * How a build published one unit (a plan's pages and downloads), kept in the build cache by the unit's
 * key: each output's path, the fingerprint it was published under and its size (-1 for an output that
 * is not published, such as a calendar with no dates). A later build with the same unit key keeps the
 * unit's files from the site it replaces by these fingerprints, instead of working each out again.
 */
final class UnitRecord {

    private UnitRecord() {
    }

    /** One output of the unit, in the unit's order. */
    record Entry(String path, String key, long size) {
        boolean published() {
            return size >= 0;
        }
    }

    /** The record kept under {@code key}; empty when there is none or it cannot be read as one. */
    static Optional<List<Entry>> find(RenderContext.Parts parts, String key) {
        return parts.find(key).flatMap(UnitRecord::parse);
    }

    static void keep(RenderContext.Parts parts, String key, List<Entry> entries) {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            text.append(entry.path()).append('\t').append(entry.key()).append('\t').append(entry.size()).append('\n');
        }
        parts.keep(key, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<List<Entry>> parse(byte[] bytes) {
        List<Entry> entries = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length != 3) {
                return Optional.empty();
            }
            try {
                entries.add(new Entry(fields[0], fields[1], Long.parseLong(fields[2])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(entries);
    }
}

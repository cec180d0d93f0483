package org.followthrough.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each file of a published site was made from, kept beside the build cache (never in the site,
 * which must be the same bytes whatever machine built it): the file's fingerprint, and the size,
 * modification time and identity the file had when it was published. A later build keeps a file
 * whose fingerprint has not changed only if the file is still the one it published, so a site
 * rebuilt without the cache, or a file changed by hand, is never mistaken for what the record says.
 */
final class SiteManifest {

    /** One published file: its fingerprint and what the file system said of it once published. */
    record Entry(String key, long size, long modified, String identity) {
        /** A file as its attributes describe it, with the fingerprint it was made from. */
        static Entry of(String key, BasicFileAttributes a) {
            Object identity = a.fileKey();
            return new Entry(key, a.size(), a.lastModifiedTime().toMillis(), identity == null ? "-" : identity.toString());
        }
    }

    private SiteManifest() {
    }

    /**
     * The entries whose files under {@code site} are still as they were published, by what the file
     * system said of them in {@code seen} (only files present there can be).
     */
    static Map<String, Entry> read(Path manifest, Path site, Map<String, BasicFileAttributes> seen) {
        Map<String, Entry> entries = new HashMap<>();
        parse(manifest).forEach((path, entry) -> {
            BasicFileAttributes attributes = seen.get(path);
            if (attributes != null && site.resolve(path).normalize().startsWith(site) && attributes.isRegularFile()
                    && entry.equals(Entry.of(entry.key(), attributes))) {
                entries.put(path, entry);
            }
        });
        return entries;
    }

    /** Every entry of the record, by path, without looking at the files; none when there is no record or it cannot be read. */
    static Map<String, Entry> parse(Path manifest) {
        Map<String, Entry> entries = new HashMap<>();
        if (manifest == null || !Files.isRegularFile(manifest)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t");
                if (parts.length == 5) {
                    entries.put(parts[0], new Entry(parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3]), parts[4]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // An unreadable record only means the files are made again.
            entries.clear();
        }
        return entries;
    }

    /** Records the files of a site just published, each with the fingerprint it was made from. */
    static void write(Path manifest, Path site, Map<String, String> keys) {
        write(manifest, site, keys, Map.of());
    }

    /**
     * Records the files of a site just published, each with the fingerprint it was made from; files in
     * {@code checked} were just seen to be as described there, and are not looked at again.
     */
    static void write(Path manifest, Path site, Map<String, String> keys, Map<String, Entry> checked) {
        if (manifest == null) {
            return;
        }
        // in the order of the paths; sorted as an array, which a site of 27,000 files sorts quicker than a tree is built
        String[] paths = keys.keySet().toArray(new String[0]);
        java.util.Arrays.sort(paths);
        StringBuilder text = new StringBuilder(paths.length * 160);
        for (String path : paths) {
            String key = keys.get(path);
            Entry known = checked.get(path);
            Optional<Entry> entry = known != null && known.key().equals(key) ? Optional.of(known) : describe(site.resolve(path), key);
            entry.ifPresent(e -> text.append(path).append('\t').append(e.key()).append('\t').append(e.size()).append('\t')
                    .append(e.modified()).append('\t').append(e.identity()).append('\n'));
        }
        try {
            Files.createDirectories(manifest.getParent());
            Path temporary = Files.createTempFile(manifest.getParent(), ".tmp-", "");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Without a record, the next build makes or copies every file: slower, never wrong.
        }
    }

    /** Forgets what a site was made from, before it is replaced by a build that keeps no record. */
    static void forget(Path manifest) {
        if (manifest != null) {
            try {
                Files.deleteIfExists(manifest);
            } catch (IOException e) {
                // reads of it are checked against the files anyway
            }
        }
    }

    /** What the file system says of a published file now, with the fingerprint it was made from; empty if it is not a plain file. */
    static Optional<Entry> describe(Path file, String key) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(Entry.of(key, a));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

package org.followthrough.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.followthrough.guard.OutputGuard;

/**
 * The files earlier builds made, kept by the fingerprint of what each was made from, so that a later
 * build takes an unchanged file from here instead of making it again. Safe to delete at any time;
 * bounded in size (the files used longest ago go first); written so that a build killed halfway, or
 * two builds sharing the folder, never leave a partly written entry.
 *
 * <p>Layout: {@code <folder>/objects/<2 hex>/<62 hex>} holds the bytes of the output with that
 * fingerprint, or the bytes of all the files a build made for one plan's or one organisation's pages and
 * downloads, kept together (one entry a unit, not one a file); an entry ending {@code .none} records that
 * the output has no file (a calendar with no dated target). Each entry ends with a check of its bytes ({@value #TRAILER}
 * bytes: their CRC-32C and a mark), so that one cut short or damaged (a power cut, a full disk, a hand) is a miss,
 * removed, and the output made again, never published as it is; {@code <folder>/plans/…} holds checked and
 * assembled plans by the fingerprint of their files (see {@link PlanStore}), and {@code <folder>/content/…} the keys of plans' files by
 * the files' stats (see {@link PlanKeyIndex}). Nothing in it is published: the build copies from it into the site.
 */
public final class BuildCache {

    /** The folder a build uses unless told otherwise, relative to where it runs; Git should ignore it. */
    public static final String DEFAULT_FOLDER = ".followthrough-cache";
    /** How much the cache may hold before the entries used longest ago are removed. */
    public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024 * 1024;

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    /** The names of the files a cache writes in its areas, by their path in the area: what trimming may remove, and nothing else. */
    private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{2}/([0-9a-f]{62}(\\.none)?|\\.tmp-[0-9]+)");
    private static final String NONE = ".none";
    /** The length of the check that ends each entry of outputs: the CRC-32C of the bytes before it, then {@link #MARK}. */
    public static final int TRAILER = 8;
    private static final int MARK = 0x46546331; // "FTc1"
    /**
     * How many builds may trust the tally of the cache's size before one walks the cache again: builds
     * sharing the cache can each miss what the other added, and entries can go by other means.
     */
    private static final int BUILDS_BETWEEN_WALKS = 100;

    private final Path folder;
    private final Path objects;
    private final long maxBytes;
    private final AtomicLong written = new AtomicLong();
    /**
     * The entries this build has used or written: trimming never removes them, so that the next build finds what this
     * one needed even where that alone is more than the bound.
     */
    private final java.util.Set<Path> used = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The entries' folders this build has made or found. */
    private final java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Whether this build has marked the folder as a cache (see {@link CacheFolder}): done with its first entry, so a build that keeps nothing leaves nothing. */
    private final java.util.concurrent.atomic.AtomicBoolean tagged = new java.util.concurrent.atomic.AtomicBoolean();

    private BuildCache(Path folder, long maxBytes) {
        this.folder = folder;
        this.objects = folder == null ? null : folder.resolve("objects");
        this.maxBytes = maxBytes;
    }

    /** A cache in {@code folder}, made when first written to. */
    public static BuildCache in(Path folder) {
        return new BuildCache(folder, DEFAULT_MAX_BYTES);
    }

    public static BuildCache in(Path folder, long maxBytes) {
        return new BuildCache(folder, maxBytes);
    }

    /** No cache: every output is made ({@code build --no-cache}, and builds in memory). */
    public static BuildCache none() {
        return new BuildCache(null, 0);
    }

    public boolean enabled() {
        return objects != null;
    }

    /** What the cache holds for a fingerprint. */
    public sealed interface Hit permits Hit.File, Hit.NoFile {
        /**
         * The output's bytes are in this file, {@code size} of them, followed by their check: read them with
         * {@link BuildCache#read}, which checks them, or check the file with {@link BuildCache#intact} first.
         */
        record File(Path path, long size) implements Hit {
        }

        /** The output has no file. */
        record NoFile() implements Hit {
        }
    }

    /** The entry for a fingerprint, marked as used now; empty when there is none. */
    public Optional<Hit> find(String key) {
        if (objects == null) {
            return Optional.empty();
        }
        Path file = entry(key);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.size() < TRAILER) {
                discard(file);
                return Optional.empty();
            }
            markUsed(file);
            return Optional.of(new Hit.File(file, attributes.size() - TRAILER));
        } catch (NoSuchFileException e) {
            Path none = file.resolveSibling(file.getFileName() + NONE);
            if (Files.exists(none)) {
                markUsed(none);
                return Optional.of(new Hit.NoFile());
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Marks the entry for a fingerprint, if there is one, as used by this build without reading it: an entry a build
     * relies on without opening (a unit's pack, while the site still holds its files) is then kept when the cache is trimmed.
     */
    public void markUsed(String key) {
        if (objects != null) {
            Path file = entry(key);
            if (touch(file)) {
                used.add(file);
            }
        }
    }

    private void markUsed(Path file) {
        touch(file);
        used.add(file);
    }

    /** The bytes of an entry found, checked against the check that ends it; empty (and the entry removed) where they fail it. */
    public static Optional<byte[]> read(Hit.File hit) {
        // Read into an array of the content's length and the check apart, so that the content is not copied again
        // without its check: the site's CSV at 1,000 plans is joined from 57 MB of plans' rows.
        byte[] content;
        byte[] check = new byte[TRAILER];
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(hit.path(), java.nio.file.StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < TRAILER || size - TRAILER > Integer.MAX_VALUE - 16) {
                discard(hit.path());
                return Optional.empty();
            }
            content = new byte[(int) (size - TRAILER)];
            if (!readFully(channel, java.nio.ByteBuffer.wrap(content)) || !readFully(channel, java.nio.ByteBuffer.wrap(check))) {
                discard(hit.path());
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!intact(content, check)) {
            discard(hit.path());
            return Optional.empty();
        }
        return Optional.of(content);
    }

    /** Fills {@code buffer} from the channel; false where the file ends first (cut short meanwhile). */
    private static boolean readFully(java.nio.channels.FileChannel channel, java.nio.ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an entry's file read through {@code channel} (from its start) ends with the check of its bytes; an entry
     * that fails it is removed. For entries read in place, in parts (a unit's pack).
     */
    public static boolean intact(java.nio.channels.FileChannel channel, Path path) {
        try {
            long size = channel.size();
            if (size < TRAILER) {
                discard(path);
                return false;
            }
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(64 * 1024);
            long at = 0;
            long content = size - TRAILER;
            while (at < content) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), content - at));
                int n = channel.read(buffer, at);
                if (n < 0) {
                    return false;
                }
                crc.update(buffer.flip());
                at += n;
            }
            java.nio.ByteBuffer trailer = java.nio.ByteBuffer.allocate(TRAILER);
            while (trailer.hasRemaining() && channel.read(trailer, content + trailer.position()) >= 0) {
                // read the check whole
            }
            boolean intact = !trailer.hasRemaining() && trailer.getInt(0) == (int) crc.getValue() && trailer.getInt(4) == MARK;
            if (!intact) {
                discard(path);
            }
            return intact;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean intact(byte[] content, byte[] check) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(content, 0, content.length);
        java.nio.ByteBuffer trailer = java.nio.ByteBuffer.wrap(check);
        return trailer.getInt() == (int) crc.getValue() && trailer.getInt() == MARK;
    }

    /** Removes an entry found damaged, so that the output is made and kept again. */
    private static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a read-only cache: the output is made again each time
        }
    }

    /** Keeps an output's bytes, or (bytes null) the fact that it has no file. Failing to keep it costs only a later remake. */
    public void put(String key, byte[] bytes) {
        if (objects != null) {
            Path file = entry(key);
            keep(bytes == null ? file.resolveSibling(file.getFileName() + NONE) : file, bytes == null ? List.of() : List.of(bytes));
        }
    }

    /** Keeps the bytes of {@code chunks}, one after the other, as one entry: many files' bytes kept together. */
    public void put(String key, List<byte[]> chunks) {
        if (objects != null) {
            keep(entry(key), chunks);
        }
    }

    private void keep(Path target, List<byte[]> chunks) {
        try {
            // Each of the cache's folders is made once a build, not looked for again with every entry.
            if (!folders.contains(target.getParent())) {
                Files.createDirectories(target.getParent());
                folders.add(target.getParent());
            }
        } catch (IOException e) {
            return;
        }
        tag();
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        chunks.forEach(crc::update);
        List<byte[]> checked = new ArrayList<>(chunks);
        checked.add(java.nio.ByteBuffer.allocate(TRAILER).putInt((int) crc.getValue()).putInt(MARK).array());
        if (writeInto(target, checked)) {
            used.add(target);
            written.addAndGet(chunks.stream().mapToLong(chunk -> chunk.length).sum());
        }
    }

    /** Writes a file so that no reader ever sees it half written; false when it could not be written. */
    public static boolean writeAtomically(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            return false;
        }
        return writeInto(target, List.of(bytes));
    }

    /** {@link #writeAtomically} into a folder that exists, the bytes of {@code chunks} one after the other. */
    private static boolean writeInto(Path target, List<byte[]> chunks) {
        Path temporary = null;
        try {
            temporary = Files.createTempFile(target.getParent(), ".tmp-", "");
            try (java.io.OutputStream out = Files.newOutputStream(temporary)) {
                for (byte[] chunk : chunks) {
                    out.write(chunk);
                }
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            // The cache is an optimisation: a full disk or a read-only folder must not fail the build.
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the next trim removes it
                }
            }
            return false;
        }
    }

    /** Where to keep what each file of the site published at {@code site} (a real path) was made from; null without a cache. */
    public Path manifestFor(Path site) {
        return folder == null ? null : folder.resolve("sites").resolve(org.followthrough.render.Fingerprint.of(site.toString()) + ".tsv");
    }

    /** Where to remember the last build that published the site at {@code site} (a real path); null without a cache. */
    public Path lastBuildFor(Path site) {
        return folder == null ? null : folder.resolve("sites").resolve(org.followthrough.render.Fingerprint.of(site.toString()) + ".last");
    }

    /** The texts read from PDFs, kept as entries of their own, by a fingerprint of the PDF's (see {@link OutputGuard}). */
    public OutputGuard.TextCache texts() {
        return new OutputGuard.TextCache() {
            @Override
            public Optional<byte[]> find(String key) {
                return BuildCache.this.find(key).orElse(null) instanceof Hit.File file ? read(file) : Optional.empty();
            }

            @Override
            public void keep(String key, byte[] text) {
                put(key, text);
            }
        };
    }

    /** The checked and assembled plans kept beside the outputs. */
    public PlanStore plans() {
        return folder == null ? PlanStore.NONE : new PlanStore.InFolder(folder.resolve("plans"), folder.resolve("content"), new Use() {
            @Override
            public void used(Path entry) {
                markUsed(entry);
            }

            @Override
            public void written(Path entry, long bytes) {
                tag();
                used.add(entry);
                written.addAndGet(bytes);
            }
        });
    }

    /** What a store of entries beside the outputs tells the cache, so that it keeps them when it trims and tallies what they add. */
    interface Use {
        /** The entry was used by this build. */
        void used(Path entry);

        /** The entry was written by this build, {@code bytes} of it. */
        void written(Path entry, long bytes);

        /** Tells nothing. */
        Use NONE = new Use() {
            @Override
            public void used(Path entry) {
            }

            @Override
            public void written(Path entry, long bytes) {
            }
        };
    }

    private void tag() {
        if (folder != null && tagged.compareAndSet(false, true)) {
            CacheFolder.tag(folder);
        }
    }

    /**
     * Removes the entries used longest ago when the cache holds more than its bound, until it holds no more
     * than nine tenths of it, or only the entries this build used or wrote, which are never removed: a cache
     * trimmed below what one build needs would have the next build make again what it removed. Returns the bytes
     * removed. The cache is walked only when what it held at the last walk, with what builds have added since (kept
     * in a tally beside the entries), could pass the bound, or could pass by a tenth of it what the build of that
     * walk needed where that was more than the bound; or after many builds.
     */
    public long trim() {
        if (folder == null || !Files.isDirectory(folder)) {
            return 0;
        }
        Path tally = folder.resolve("size");
        long[] known = readTally(tally);
        if (known != null && known[0] + written.get() <= Math.max(maxBytes, known[2] + maxBytes / 10) && known[1] < BUILDS_BETWEEN_WALKS) {
            writeTally(tally, known[0] + written.get(), known[1] + 1, known[2]);
            return 0;
        }
        return walkAndTrim();
    }

    /**
     * The bytes the cache holds by its tally, the builds since it was last walked and the bytes of the entries that
     * walk could not remove as its build had used them; null if there is no tally to trust.
     */
    private static long[] readTally(Path tally) {
        try {
            String[] parts = Files.readString(tally).trim().split(" ");
            if (parts.length < 2 || parts.length > 3) {
                return null;
            }
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts.length == 3 ? Long.parseLong(parts[2]) : 0};
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static void writeTally(Path tally, long total, long builds, long needed) {
        writeAtomically(tally, (total + " " + builds + " " + needed + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private long walkAndTrim() {
        record Entry(Path path, long size, FileTime used) {
        }
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        long needed = 0;
        for (Path area : List.of(objects, folder.resolve("plans"))) {
            if (!Files.isDirectory(area)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(area, 2)) {
                for (Path path : walk.filter(path -> Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && ENTRY.matcher(area.relativize(path).toString().replace('\\', '/')).matches()).toList()) {
                    try {
                        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                        total += a.size();
                        if (used.contains(path)) {
                            needed += a.size();
                        } else {
                            entries.add(new Entry(path, a.size(), a.lastModifiedTime()));
                        }
                    } catch (IOException e) {
                        // removed meanwhile by another build
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                return 0;
            }
        }
        Path tally = folder.resolve("size");
        if (total <= maxBytes) {
            writeTally(tally, total, 0, 0);
            return 0;
        }
        long removed = 0;
        entries.sort(Comparator.comparing(Entry::used).thenComparing(Entry::path));
        // Down to nine tenths of the bound: a cache trimmed to its very bound would be walked again by every build after.
        long keep = maxBytes - maxBytes / 10;
        for (Entry entry : entries) {
            if (total - removed <= keep) {
                break;
            }
            try {
                Files.deleteIfExists(entry.path());
                removed += entry.size();
            } catch (IOException e) {
                // in use or already gone
            }
        }
        writeTally(tally, total - removed, 0, needed > keep ? needed : 0);
        return removed;
    }

    private Path entry(String key) {
        return entry(objects, key);
    }

    static Path entry(Path area, String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a fingerprint: " + key);
        }
        return area.resolve(key.substring(0, 2)).resolve(key.substring(2));
    }

    /** The modification time records when an entry was last used, so that trimming removes the longest unused. */
    private static boolean touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            return true;
        } catch (IOException e) {
            // none, or a read-only cache, which is still a cache
            return false;
        }
    }
}

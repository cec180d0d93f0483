package org.followthrough.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.followthrough.model.Plan;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problem;
import org.followthrough.source.ContentFiles;
import org.followthrough.source.FileStat;
import org.followthrough.source.SourceFile;

/**
 * Plans that were checked and assembled before, kept by the fingerprint of everything that went into
 * them (their files, the site's settings, the organisations' ids, the as-of date and the tool), so
 * that a build does not parse, check and assemble an unchanged plan again. On disk beside the build
 * cache for {@code build}; in memory for a preview that rebuilds on every save.
 */
public interface PlanStore {

    /**
     * A plan as checked and assembled, with the warnings its check gave (replayed on every build that
     * reuses it) and where its reference and former ids were written (for the checks that no two plans claim one).
     */
    record Kept(Plan plan, List<Problem> warnings, Location referenceAt, List<Location> formerIdsAt) {
    }

    Optional<Kept> find(String key);

    void keep(String key, Kept plan);

    /**
     * The key worked out last time for a plan whose files (those under {@code folder}), and what else
     * its key is made from ({@code shared}), are the same now; empty unless the store remembers keys.
     * A store in memory does, so that a preview rebuilding on every save does not fingerprint every
     * file again, and so does a store in a folder, by the files' stats (see {@link PlanKeyIndex}).
     *
     * @param content the content files
     */
    default Optional<String> keyOf(String planId, String folder, ContentFiles content, String shared) {
        return Optional.empty();
    }

    default void rememberKey(String planId, String folder, ContentFiles content, String shared, String key) {
    }

    /**
     * Keeps the keys remembered, for a later build, where the store keeps them beyond its life: only
     * after a build found no problem in the content.
     *
     * @param names the fingerprint of the list of protected names the content was checked for
     */
    default void saveKeys(String names) {
    }

    /**
     * Which files of the content folder {@code content} need not be read, by their stat: those a build
     * that found no problem in the content, and no name of the list whose fingerprint is {@code names},
     * saw as they are (see {@link PlanKeyIndex}). None, unless the store keeps the files' stats.
     */
    default BiPredicate<String, FileStat> unchangedFiles(Path content, String names) {
        return (path, stat) -> false;
    }

    PlanStore NONE = new PlanStore() {
        @Override
        public Optional<Kept> find(String key) {
            return Optional.empty();
        }

        @Override
        public void keep(String key, Kept plan) {
        }
    };

    /**
     * This store for a command that writes nothing ({@code check}): it finds what the store holds and works out keys
     * as the store does, but keeps no plan, saves no key and marks no entry as used.
     */
    default PlanStore readOnly() {
        PlanStore store = this;
        return new PlanStore() {
            @Override
            public Optional<Kept> find(String key) {
                return store instanceof InFolder folder ? folder.find(key, false) : store.find(key);
            }

            @Override
            public void keep(String key, Kept plan) {
            }

            @Override
            public Optional<String> keyOf(String planId, String folder, ContentFiles content, String shared) {
                return store.keyOf(planId, folder, content, shared);
            }

            @Override
            public void rememberKey(String planId, String folder, ContentFiles content, String shared, String key) {
                // remembered in memory only, for this command's life: an index in a folder is saved only by saveKeys
                store.rememberKey(planId, folder, content, shared, key);
            }

            @Override
            public BiPredicate<String, FileStat> unchangedFiles(Path content, String names) {
                return store.unchangedFiles(content, names);
            }
        };
    }

    /** Plans kept in memory, for as long as the store lives, and the last key of each plan's files. */
    static PlanStore inMemory() {
        return inMemory(NONE);
    }

    /**
     * Plans kept in memory, as {@link #inMemory()}, and found in {@code behind} (a build's cache, read only) when
     * not yet kept: a preview starts from the plans the last build checked.
     */
    static PlanStore inMemory(PlanStore behind) {
        Map<String, Kept> plans = new ConcurrentHashMap<>();
        record Remembered(List<SourceFile> files, String shared, String key) {
        }
        Map<String, Remembered> keys = new ConcurrentHashMap<>();
        return new PlanStore() {
            @Override
            public Optional<Kept> find(String key) {
                Kept kept = plans.get(key);
                return kept != null ? Optional.of(kept) : behind.find(key);
            }

            @Override
            public void keep(String key, Kept plan) {
                plans.put(key, plan);
            }

            @Override
            public Optional<String> keyOf(String planId, String folder, ContentFiles content, String shared) {
                // Files read again only when they changed are the same objects, so this compares little.
                Optional<String> known = Optional.ofNullable(keys.get(planId))
                        .filter(r -> r.shared().equals(shared) && r.files().equals(content.under(folder))).map(Remembered::key);
                return known.isPresent() ? known : behind.keyOf(planId, folder, content, shared);
            }

            @Override
            public void rememberKey(String planId, String folder, ContentFiles content, String shared, String key) {
                keys.put(planId, new Remembered(content.under(folder), shared, key));
            }
        };
    }

    /**
     * Plans kept as files in a folder, and the keys of plans' files by their stats in a folder beside
     * it; an entry that cannot be read is treated as missing.
     */
    final class InFolder implements PlanStore {
        private final Path folder;
        private final Path keys;
        private final BuildCache.Use use;
        private PlanKeyIndex index;
        /**
         * How many plans a store maps into memory at most (see {@link #find}): a quarter of Linux's usual limit of mappings.
         * A build has one store.
         */
        static final int MOST_MAPPED = 16_384;
        private final int mostMapped;
        private final java.util.concurrent.atomic.AtomicInteger mapped = new java.util.concurrent.atomic.AtomicInteger();

        /** @param use told each plan used and kept, for the cache's tally of its size and its trimming */
        InFolder(Path folder, Path keys, BuildCache.Use use) {
            this(folder, keys, use, MOST_MAPPED);
        }

        /** @param mostMapped how many plans to map into memory before reading the rest into the heap */
        InFolder(Path folder, Path keys, BuildCache.Use use, int mostMapped) {
            this.folder = folder;
            this.keys = keys;
            this.use = use;
            this.mostMapped = mostMapped;
        }

        private synchronized PlanKeyIndex index(Path content) {
            if (index == null) {
                index = PlanKeyIndex.in(keys, content);
            }
            return index;
        }

        private PlanKeyIndex index(ContentFiles content) {
            return index(Path.of(content.display("")));
        }

        @Override
        public Optional<String> keyOf(String planId, String folder, ContentFiles content, String shared) {
            return index(content).keyOf(planId, folder, content, shared);
        }

        @Override
        public void rememberKey(String planId, String folder, ContentFiles content, String shared, String key) {
            index(content).remember(planId, folder, content, shared, key);
        }

        @Override
        public synchronized void saveKeys(String names) {
            if (index != null) {
                index.save(names);
            }
        }

        @Override
        public BiPredicate<String, FileStat> unchangedFiles(Path content, String names) {
            PlanKeyIndex known = index(content);
            return (path, stat) -> known.unchanged(path, stat, names);
        }

        /**
         * The plan kept by {@code key}, read from its file mapped into memory: its texts stay there (in the operating
         * system's cache of the file, outside the heap) until a page shows them. An entry is never changed in place, only
         * replaced whole or deleted, which leaves the file mapped as it was; one cut short in place by something else
         * while it is read is a miss, as a damaged entry is (Java reports such a fault as an internal error). Past
         * {@value #MOST_MAPPED} plans a store reads them into the heap instead: a system allows a process some tens of
         * thousands of mappings, and Java collects the whole heap before it gives up on one.
         */
        @Override
        public Optional<Kept> find(String key) {
            return find(key, true);
        }

        /** @param markUsed whether to mark the entry as used now, which keeps it when the cache is trimmed */
        Optional<Kept> find(String key, boolean markUsed) {
            Path file = BuildCache.entry(folder, key);
            try {
                Object read;
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    long size = channel.size();
                    if (size > Integer.MAX_VALUE) {
                        return Optional.empty();
                    }
                    read = mapped.incrementAndGet() <= mostMapped ? ModelCodec.read(channel.map(FileChannel.MapMode.READ_ONLY, 0, size))
                            : ModelCodec.read(Files.readAllBytes(file));
                }
                if (markUsed) {
                    use.used(file);
                }
                return read instanceof Kept kept ? Optional.of(kept) : Optional.empty();
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException | InternalError e) {
                return Optional.empty();
            }
        }

        /** How many plans this store has mapped into memory so far. */
        int mapped() {
            return Math.min(mapped.get(), mostMapped);
        }

        @Override
        public void keep(String key, Kept plan) {
            byte[] bytes = ModelCodec.write(plan);
            Path entry = BuildCache.entry(folder, key);
            if (BuildCache.writeAtomically(entry, bytes)) {
                use.written(entry, bytes.length);
            }
        }
    }
}

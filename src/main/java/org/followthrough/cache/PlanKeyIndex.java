package org.followthrough.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.followthrough.render.Fingerprint;
import org.followthrough.source.ContentFiles;
import org.followthrough.source.FileStat;

/**
 * The key each plan's files had at the last build, with the stat of each file then, kept beside the
 * build cache so that a build does not fingerprint the bytes of a plan whose files the file system
 * says are the same (as Git's index spares it hashing unchanged files), nor even read them. A file is
 * only vouched for by a stat taken well after it last changed ({@link FileStat#settledBefore}).
 *
 * <p>Written only by a build that found no problem in the content, so every file it names held none
 * then, and held no protected name of the list that build searched for, whose fingerprint it keeps:
 * a file left unread is one the content guard need not read either, if the list is the same.
 *
 * <p>One file per content folder: a first line {@value #CHECKED}, a tab and the fingerprint of that
 * list, then a line per plan: its id, what else its key is made from, the key, then path, size,
 * modified, changed and identity of each of its files, separated by tabs.
 */
final class PlanKeyIndex {

    /** What the first line starts with: no plan's id can, as ids are lower-case letters, digits and hyphens. */
    static final String CHECKED = "#checked";

    private record Known(String shared, String key, List<String> paths, List<FileStat> stats) {
    }

    private final Path file;
    private final Map<String, Known> known;
    /** The fingerprint of the protected names the files named were checked for; null where the file does not say. */
    private final String checked;
    private final Map<String, FileStat> knownStats = new HashMap<>();
    private final Map<String, Known> now = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private PlanKeyIndex(Path file, Map<String, Known> known, String checked) {
        this.file = file;
        this.known = known;
        this.checked = checked;
        known.values().forEach(k -> {
            for (int i = 0; i < k.paths().size(); i++) {
                knownStats.put(k.paths().get(i), k.stats().get(i));
            }
        });
    }

    /** The index for the content folder {@code content} kept in {@code folder}; empty, and written afresh, if it cannot be read. */
    static PlanKeyIndex in(Path folder, Path content) {
        String root = content.toAbsolutePath().normalize().toString();
        Path file = folder.resolve(Fingerprint.of("content", root) + ".tsv");
        Map<String, Known> known = new HashMap<>();
        String checked = null;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", -1);
                if (parts.length == 2 && parts[0].equals(CHECKED)) {
                    checked = parts[1];
                }
                if (parts.length < 3 || (parts.length - 3) % 5 != 0) {
                    continue;
                }
                List<String> paths = new ArrayList<>();
                List<FileStat> stats = new ArrayList<>();
                for (int i = 3; i < parts.length; i += 5) {
                    paths.add(parts[i]);
                    stats.add(new FileStat(Long.parseLong(parts[i + 1]), Long.parseLong(parts[i + 2]), Long.parseLong(parts[i + 3]),
                            parts[i + 4]));
                }
                known.put(parts[0], new Known(parts[1], parts[2], paths, stats));
            }
        } catch (IOException | NumberFormatException e) {
            // no index, or a damaged one: every plan's files are read and fingerprinted, and a new index written
            known.clear();
            checked = null;
        }
        return new PlanKeyIndex(file, known, checked);
    }

    /**
     * Whether a file of a plan has the stat it had when the index was written, and the content was
     * checked then for the protected names whose fingerprint is {@code names}.
     */
    boolean unchanged(String path, FileStat stat, String names) {
        return names.equals(checked) && stat.equals(knownStats.get(path));
    }

    /** The key of a plan whose files are all as the file system said they were when the key was worked out. */
    Optional<String> keyOf(String planId, String folder, ContentFiles content, String shared) {
        Known k = known.get(planId);
        List<String> paths = content.paths(folder);
        if (k == null || !k.shared().equals(shared) || !k.paths().equals(paths)) {
            return Optional.empty();
        }
        for (int i = 0; i < paths.size(); i++) {
            if (!content.stat(paths.get(i)).equals(Optional.of(k.stats().get(i)))) {
                return Optional.empty();
            }
        }
        now.put(planId, k);
        return Optional.of(k.key());
    }

    /** Remembers a plan's key, if every one of its files has a stat that vouches for it. */
    void remember(String planId, String folder, ContentFiles content, String shared, String key) {
        changed = true;
        List<String> paths = content.paths(folder);
        List<FileStat> stats = new ArrayList<>();
        for (String path : paths) {
            Optional<FileStat> stat = content.settledStat(path);
            if (stat.isEmpty() || path.matches("(?s).*[\t\n\r].*")) {
                return;
            }
            stats.add(stat.get());
        }
        now.put(planId, new Known(shared, key, paths, stats));
    }

    /**
     * Writes the index of the plans this build saw, if any key had to be worked out or the list of
     * protected names is another; plans no longer there are left out.
     *
     * @param names the fingerprint of the protected names this build checked the content for, finding none
     */
    void save(String names) {
        if (!changed && now.size() == known.size() && names.equals(checked)) {
            return;
        }
        StringBuilder text = new StringBuilder(CHECKED).append('\t').append(names).append('\n');
        new TreeMap<>(now).forEach((id, k) -> {
            text.append(id).append('\t').append(k.shared()).append('\t').append(k.key());
            for (int i = 0; i < k.paths().size(); i++) {
                FileStat s = k.stats().get(i);
                text.append('\t').append(k.paths().get(i)).append('\t').append(s.size()).append('\t').append(s.modified()).append('\t')
                        .append(s.changed()).append('\t').append(s.identity());
            }
            text.append('\n');
        });
        BuildCache.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}

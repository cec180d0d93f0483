package org.followthrough.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.followthrough.render.Fingerprint;
import org.followthrough.source.ContentFiles;
import org.followthrough.source.FileStat;
import org.followthrough.source.SourceFile;

/**
 * The key each plan's files had at the last build, with the stat of each file then, kept beside the
 * build cache so that a build does not fingerprint the bytes of a plan whose files the file system
 * says are the same (as Git's index spares it hashing unchanged files). A file is only vouched for
 * by a stat taken well after it last changed ({@link FileStat#settledBefore}); the files are still
 * walked, resolved and read as before, so what is refused is refused just the same.
 *
 * <p>One file per content folder, a line per plan: its id, what else its key is made from, the key,
 * then path, size, modified, changed and identity of each of its files, separated by tabs.
 */
final class PlanKeyIndex {

    private record Known(String shared, String key, List<String> paths, List<FileStat> stats) {
    }

    private final Path file;
    private final Map<String, Known> known;
    private final Map<String, Known> now = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private PlanKeyIndex(Path file, Map<String, Known> known) {
        this.file = file;
        this.known = known;
    }

    /** The index for a content folder kept in {@code folder}; empty, and written afresh, if it cannot be read. */
    static PlanKeyIndex in(Path folder, ContentFiles content) {
        String root = Path.of(content.display("")).toAbsolutePath().normalize().toString();
        Path file = folder.resolve(Fingerprint.of("content", root) + ".tsv");
        Map<String, Known> known = new ConcurrentHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", -1);
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
            // no index, or a damaged one: every plan's files are fingerprinted, and a new index written
            known.clear();
        }
        return new PlanKeyIndex(file, known);
    }

    /** The key of a plan whose files are all as the file system said they were when the key was worked out. */
    Optional<String> keyOf(String planId, List<SourceFile> files, ContentFiles content, String shared) {
        Known k = known.get(planId);
        if (k == null || !k.shared().equals(shared) || k.paths().size() != files.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < files.size(); i++) {
            String path = files.get(i).path();
            if (!path.equals(k.paths().get(i)) || !content.stat(path).equals(Optional.of(k.stats().get(i)))) {
                return Optional.empty();
            }
        }
        now.put(planId, k);
        return Optional.of(k.key());
    }

    /** Remembers a plan's key, if every one of its files has a stat that vouches for it. */
    void remember(String planId, List<SourceFile> files, ContentFiles content, String shared, String key) {
        changed = true;
        List<String> paths = new ArrayList<>();
        List<FileStat> stats = new ArrayList<>();
        for (SourceFile f : files) {
            Optional<FileStat> stat = content.settledStat(f.path());
            if (stat.isEmpty() || f.path().matches("(?s).*[\t\n\r].*")) {
                return;
            }
            paths.add(f.path());
            stats.add(stat.get());
        }
        now.put(planId, new Known(shared, key, paths, stats));
    }

    /** Writes the index of the plans this build saw, if any key had to be worked out; plans no longer there are left out. */
    void save() {
        if (!changed && now.size() == known.size()) {
            return;
        }
        StringBuilder text = new StringBuilder();
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

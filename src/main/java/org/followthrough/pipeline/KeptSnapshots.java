package org.followthrough.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.followthrough.guard.OutputGuard;
import org.followthrough.output.OutputFolder;
import org.followthrough.output.StagedDirectoryPublisher;
import org.followthrough.render.Routes;

/**
 * The snapshots the site being replaced holds. No build makes a snapshot again: each build carries
 * every file of every snapshot into the new site byte for byte, whatever else changed. A snapshot is
 * found by its files, listed in the site's marker and still there: one whose folder was deleted by hand
 * is gone from the next site, and from its list of snapshots.
 */
final class KeptSnapshots {

    private static final Pattern FILE = Pattern.compile(Pattern.quote(Routes.SNAPSHOTS) + "(\\d{4}-\\d{2}-\\d{2})/.+");

    private final Path site;
    private final SortedMap<LocalDate, List<String>> files;

    private KeptSnapshots(Path site, SortedMap<LocalDate, List<String>> files) {
        this.site = site;
        this.files = files;
    }

    static KeptSnapshots none() {
        return new KeptSnapshots(null, new TreeMap<>());
    }

    /** The snapshots of the site in {@code folder}, by date. */
    static KeptSnapshots in(OutputFolder folder) {
        SortedMap<LocalDate, List<String>> files = new TreeMap<>();
        for (String path : folder.publishedFiles().stream().filter(path -> path.startsWith(Routes.SNAPSHOTS)).sorted().toList()) {
            Matcher snapshot = FILE.matcher(path);
            if (snapshot.matches() && Files.isRegularFile(folder.path().resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                try {
                    files.computeIfAbsent(LocalDate.parse(snapshot.group(1)), d -> new ArrayList<>()).add(path);
                } catch (DateTimeParseException e) {
                    // not a folder a build names: left out of the new site
                }
            }
        }
        return new KeptSnapshots(folder.path(), files);
    }

    Set<LocalDate> dates() {
        return files.keySet();
    }

    /**
     * Publishes every file of every snapshot as it is; a file in which {@code guard} finds a protected
     * name is not (the build then fails). Returns how many files were kept.
     */
    int carry(StagedDirectoryPublisher publisher, OutputGuard guard) throws IOException {
        int kept = 0;
        for (Map.Entry<LocalDate, List<String>> snapshot : files.entrySet()) {
            for (String path : snapshot.getValue()) {
                if (guard.isOn() && !guard.admitsKept(path, Files.readAllBytes(site.resolve(path)))) {
                    continue;
                }
                publisher.keep(path);
                kept++;
            }
        }
        return kept;
    }
}

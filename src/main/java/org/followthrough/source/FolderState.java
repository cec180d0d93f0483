package org.followthrough.source;

import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * A folder as the file system describes it, without reading a file: where it really is, the stat of
 * every file a read of it would read and every folder it would enter. The same state means the same
 * files with the same bytes, provided every file had settled before the state was taken (see
 * {@link #settledBefore}): a file saved, added, removed, renamed or relinked, or whose mode changed,
 * gives another state.
 *
 * @param realPath  the folder's real path
 * @param files     each file's stat, by its path relative to the folder
 * @param folders   each folder's path relative to the folder
 * @param realPaths each file's real path, by its path relative to the folder: where a read of it opens it
 *                  (not where a link would lead by then)
 * @param takenAt   when the walk that took the state started, in nanoseconds since the epoch
 */
public record FolderState(String realPath, SortedMap<String, FileStat> files, SortedSet<String> folders, Map<String, Path> realPaths,
                          long takenAt) {

    /** Whether every file was last modified and changed well before {@code readAt} (see {@link FileStat#settledBefore}). */
    public boolean settledBefore(long readAt) {
        return files.values().stream().allMatch(stat -> stat.settledBefore(readAt));
    }
}

package org.followthrough.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.followthrough.format.Limits;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;

/**
 * Reads every file under a folder into memory without ever leaving it. Each entry is resolved to
 * its real path: a symbolic link that stays inside the folder is read like the file or folder it
 * leads to; one that leads outside, a loop of links, a folder that cannot be listed, a file that
 * cannot be read, a folder with a file's name and anything that is neither file nor folder are
 * reported with their path, never skipped, so that a build cannot publish what is on the machine
 * and no editor's file is ignored without a word.
 */
final class FolderReader {

    /**
     * What was read.
     *
     * @param files   every file read, by its path relative to the folder, with forward slashes
     * @param refused the relative paths of entries that exist but were reported and not read
     * @param tooLarge files over the size limit, with their sizes: not read, and left to the caller to report
     * @param stats   what the file system said of each file read, taken just before reading it, where it tells
     */
    record Result(Map<String, byte[]> files, Set<String> refused, Map<String, Long> tooLarge, Map<String, FileStat> stats) {
    }

    private final Path realRoot;
    private final String displayRoot;
    private final String folderName;
    private final Predicate<String> ignored;
    private final Set<String> fileExtensions;
    private final Problems problems;
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Set<String> refused = new HashSet<>();
    private final Map<String, Long> tooLarge = new TreeMap<>();
    private final Map<String, FileStat> stats = new java.util.HashMap<>();
    /** Each file's real path, taken by a walk that only looks. */
    private final Map<String, Path> realPaths = new java.util.HashMap<>();
    private final Predicate<String> limited;
    private final long maxBytes;
    /**
     * Links already followed or reported. Through links to folders one link can be met again under
     * other names; following each once keeps a maze of links from multiplying the walk.
     */
    private final Set<Path> links = new HashSet<>();
    /** False for a walk that only looks ({@link #state}): every file's stat is taken, none is read. */
    private final boolean reads;
    /** The folders entered, by relative path: where a walk that only looks finds an empty folder, or a new one. */
    private final java.util.SortedSet<String> folders = new java.util.TreeSet<>();
    /** Files whose stat the file system would not tell. */
    private int unstated;

    private FolderReader(Path realRoot, String displayRoot, String folderName, Predicate<String> ignored,
                         Set<String> fileExtensions, Predicate<String> limited, long maxBytes, Problems problems, boolean reads) {
        this.reads = reads;
        this.limited = limited;
        this.maxBytes = maxBytes;
        this.realRoot = realRoot;
        this.displayRoot = displayRoot;
        this.folderName = folderName;
        this.ignored = ignored;
        this.fileExtensions = fileExtensions;
        this.problems = problems;
    }

    /**
     * Reads a folder that exists.
     *
     * @param folderName     what editors call the folder ("content folder"), for messages
     * @param ignored        relative paths that are not read at all (hidden files, generated files)
     * @param fileExtensions extensions of files, such as ".yaml": a folder named so is reported, not entered
     */
    static Result read(Path root, String displayRoot, String folderName, Predicate<String> ignored, Set<String> fileExtensions,
                       Problems problems) {
        return read(root, displayRoot, folderName, ignored, fileExtensions, relative -> false, Long.MAX_VALUE, problems);
    }

    /**
     * Reads a folder that exists; the files {@code limited} names that are over {@code maxBytes} are not
     * read but listed in the result's {@code tooLarge}.
     */
    static Result read(Path root, String displayRoot, String folderName, Predicate<String> ignored, Set<String> fileExtensions,
                       Predicate<String> limited, long maxBytes, Problems problems) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            problems.error(Location.of(displayRoot), "could not open the " + folderName + ": " + reason(e),
                    "check that the folder exists and that you may read it");
            return new Result(Map.of(), Set.of(), Map.of(), Map.of());
        }
        FolderReader reader = new FolderReader(realRoot, displayRoot, folderName, ignored, fileExtensions, limited, maxBytes, problems, true);
        reader.walk(realRoot, "", new ArrayList<>(List.of(realRoot)));
        return new Result(reader.files, Set.copyOf(reader.refused), Map.copyOf(reader.tooLarge), reader.stats);
    }

    /**
     * Walks a folder as {@link #read} would, by the same rules, but only looks: the stat of every file
     * it would read, and every folder it would enter. Empty when the walk finds anything {@code read}
     * would report (a link out of the folder, a folder that cannot be listed…) or a file whose stat the
     * file system does not tell: such a folder must be read to be known.
     */
    static java.util.Optional<FolderState> state(Path root, Predicate<String> ignored, Set<String> fileExtensions) {
        java.time.Instant started = java.time.Instant.now();
        Problems problems = new Problems();
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        FolderReader reader = new FolderReader(realRoot, root.toString(), "folder", ignored, fileExtensions, relative -> false,
                Long.MAX_VALUE, problems, false);
        reader.walk(realRoot, "", new ArrayList<>(List.of(realRoot)));
        if (problems.hasErrors() || !reader.refused.isEmpty() || reader.unstated > 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FolderState(realRoot.toString(), new TreeMap<>(reader.stats), reader.folders,
                java.util.Collections.unmodifiableMap(reader.realPaths), nanos(started)));
    }

    /** A time in nanoseconds since the epoch, as the file system's times are compared with it. */
    static long nanos(java.time.Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /**
     * The bytes of a file a walk found, by the real path it found: a link put in its place since is
     * not followed, and a file over {@code maxBytes} is not read.
     *
     * @throws IOException where it cannot be read, or is over the limit
     */
    static byte[] readFound(Path real, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            // One byte more than the limit, to tell a file over it
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes) + 1);
            if (bytes.length > maxBytes) {
                throw new IOException("the file is larger than it was");
            }
            return bytes;
        }
    }

    /** The path of an entry as editors see it in messages. */
    static String display(String root, String relative) {
        if (root.isEmpty() || root.equals(".")) {
            return relative;
        }
        return root.endsWith("/") ? root + relative : root + "/" + relative;
    }

    /**
     * Lists one folder, by its real path, and reads what is in it under the names the editor sees
     * ({@code prefix}); {@code ancestors} are the real paths of the folders being read around it.
     */
    private void walk(Path realFolder, String prefix, List<Path> ancestors) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(realFolder)) {
            stream.forEach(children::add);
        } catch (IOException | DirectoryIteratorException failed) {
            // opened, then refused part-way through its entries (a folder of /proc, say): told as one that cannot be opened
            IOException e = failed instanceof DirectoryIteratorException partWay ? partWay.getCause() : (IOException) failed;
            String relative = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
            refuse(relative, "the folder cannot be listed: " + reason(e),
                    e instanceof AccessDeniedException ? "make the folder readable by whoever runs the build (chmod a+rx)" : null);
            return;
        }
        children.sort(null);
        for (Path child : children) {
            String name = child.getFileName().toString();
            String relative = prefix + name;
            if (ignored.test(relative)) {
                continue;
            }
            entry(child, relative, ancestors);
        }
    }

    private void entry(Path path, String relative, List<Path> ancestors) {
        FileStat.Look own;
        try {
            own = FileStat.look(path);
        } catch (IOException e) {
            refuse(relative, "this entry cannot be read: " + reason(e), "check that whoever runs the build may read it");
            return;
        }
        Path real = path;
        FileStat.Look target = own;
        if (own.isLink()) {
            if (!links.add(path)) {
                return;
            }
            try {
                real = path.toRealPath();
                target = FileStat.look(real);
            } catch (NoSuchFileException e) {
                refuse(relative, "this is a symbolic link to " + linkTarget(path) + ", which does not exist",
                        "remove the link, or make it lead to a file inside the " + folderName);
                return;
            } catch (IOException e) {
                refuse(relative, isLoop(e) ? "this symbolic link leads round a loop of links and never reaches a file or folder"
                                : "this symbolic link cannot be followed: " + reason(e),
                        "remove the link, or make it lead to a file inside the " + folderName);
                return;
            }
            if (!real.startsWith(realRoot)) {
                refuse(relative, "this is a symbolic link that leads outside the " + folderName + ", to " + real
                                + "; nothing outside the " + folderName + " is read",
                        "copy what it should hold into the " + folderName + " instead of linking to it");
                return;
            }
        }
        if (target.isFolder()) {
            folder(real, relative, ancestors);
        } else if (target.isFile()) {
            file(real, relative, target.stat());
        } else {
            refuse(relative, "this is neither a file nor a folder (a named pipe, socket or device)",
                    "remove it from the " + folderName);
        }
    }

    private void folder(Path real, String relative, List<Path> ancestors) {
        if (ancestors.contains(real)) {
            String holder = realRoot.relativize(real).toString().replace('\\', '/');
            refuse(relative, "this folder is a symbolic link to " + display(displayRoot, holder).replaceAll("/$", "")
                            + ", a folder that holds it, so reading it would never end",
                    "remove the link");
            return;
        }
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        for (String extension : fileExtensions) {
            if (name.endsWith(extension)) {
                refuse(relative, "'" + name + "' is a folder, but a " + extension + " file was expected",
                        "put what it should hold in a file of that name, and remove the folder");
                return;
            }
        }
        if (ancestors.size() > Limits.MAX_FOLDER_DEPTH) {
            refuse(relative, "this folder is inside " + Limits.MAX_FOLDER_DEPTH + " others in the " + folderName
                            + ", more than the content format ever needs; nothing in it is read",
                    "move what it should hold nearer the top of the " + folderName + ", or remove it");
            return;
        }
        folders.add(relative);
        ancestors.add(real);
        walk(real, relative + "/", ancestors);
        ancestors.remove(ancestors.size() - 1);
    }

    /** @param stat the file's stat, taken just now, before reading it: a change made while it is read gives it other times */
    private void file(Path real, String relative, Optional<FileStat> stat) {
        if (!reads) {
            stat.ifPresentOrElse(s -> stats.put(relative, s), () -> unstated++);
            realPaths.put(relative, real);
            return;
        }
        stat.ifPresent(s -> stats.put(relative, s));
        // The path is real: opening it without following a last link means that a link put in its place since cannot lead elsewhere.
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            if (limited.test(relative)) {
                long size = Files.size(real);
                if (size > maxBytes) {
                    tooLarge.put(relative, size);
                    return;
                }
            }
            files.put(relative, in.readAllBytes());
        } catch (IOException e) {
            refuse(relative, "the file cannot be read: " + reason(e),
                    e instanceof AccessDeniedException ? "make the file readable by whoever runs the build (chmod a+r)" : null);
        }
    }

    private void refuse(String relative, String message, String hint) {
        refused.add(relative);
        problems.error(Location.of(relative.isEmpty() ? displayRoot : display(displayRoot, relative)), message, hint);
    }

    private static String linkTarget(Path link) {
        try {
            return "'" + Files.readSymbolicLink(link) + "'";
        } catch (IOException | UnsupportedOperationException e) {
            return "a path";
        }
    }

    /** ELOOP, which Java reports only by the operating system's wording. */
    private static boolean isLoop(IOException e) {
        return e instanceof FileSystemException fs && fs.getReason() != null
                && fs.getReason().toLowerCase(java.util.Locale.ROOT).contains("levels of symbolic links");
    }

    /** The operating system's reason, without the path Java repeats in front of it. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }
}

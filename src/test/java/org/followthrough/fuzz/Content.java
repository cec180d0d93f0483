package org.followthrough.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A content folder in memory, which mutations change and a case writes out: its files by path
 * relative to the folder, and its symbolic links by path with what they point at. A link's target
 * may name {@link #OUTSIDE}, the folder beside the content where the fuzz test keeps files that must
 * never be published.
 */
record Content(SortedMap<String, byte[]> files, SortedMap<String, String> links) {

    /** Stands for the absolute path of the folder of secrets beside the content, in file texts and link targets. */
    static final String OUTSIDE = "${outside}";

    Content {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        links = Collections.unmodifiableSortedMap(new TreeMap<>(links));
    }

    /** Every file under {@code folder} (links are not expected in fixtures: Git does not keep them reliably). */
    static Content read(Path folder) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Content(files, new TreeMap<>());
    }

    boolean has(String path) {
        return files.containsKey(path);
    }

    byte[] bytes(String path) {
        return files.get(path);
    }

    String text(String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    Content with(String path, byte[] bytes) {
        SortedMap<String, byte[]> changed = new TreeMap<>(files);
        changed.put(path, bytes);
        return new Content(changed, links);
    }

    Content with(String path, String text) {
        return with(path, text.getBytes(StandardCharsets.UTF_8));
    }

    Content without(String path) {
        SortedMap<String, byte[]> changed = new TreeMap<>(files);
        changed.remove(path);
        SortedMap<String, String> keptLinks = new TreeMap<>(links);
        keptLinks.remove(path);
        return new Content(changed, keptLinks);
    }

    /** The file or folder at {@code from} (every file under it) moved to {@code to}. */
    Content moved(String from, String to) {
        SortedMap<String, byte[]> changed = new TreeMap<>();
        files.forEach((path, bytes) -> changed.put(movedPath(path, from, to), bytes));
        SortedMap<String, String> movedLinks = new TreeMap<>();
        links.forEach((path, target) -> movedLinks.put(movedPath(path, from, to), target));
        return new Content(changed, movedLinks);
    }

    private static String movedPath(String path, String from, String to) {
        if (path.equals(from)) {
            return to;
        }
        return path.startsWith(from + "/") ? to + path.substring(from.length()) : path;
    }

    /** A symbolic link at {@code path} to {@code target} in place of any file there. */
    Content linked(String path, String target) {
        SortedMap<String, byte[]> changed = new TreeMap<>(files);
        changed.remove(path);
        SortedMap<String, String> changedLinks = new TreeMap<>(links);
        changedLinks.put(path, target);
        return new Content(changed, changedLinks);
    }

    /**
     * Writes the files and links under {@code folder}, with {@link #OUTSIDE} replaced by {@code outside};
     * a path that would leave the folder or that clashes with another entry is left out, since no
     * editor could make such a folder either.
     */
    Path write(Path folder, Path outside) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.forEach((relative, bytes) -> place(folder, relative, at -> Files.write(at, outsideNamed(bytes, outside))));
        links.forEach((relative, target) -> place(folder, relative,
                at -> Files.createSymbolicLink(at, Path.of(target.replace(OUTSIDE, outside.toString())))));
        return folder;
    }

    private interface Placing {
        void at(Path path) throws IOException;
    }

    private static void place(Path folder, String relative, Placing placing) {
        Path at = inside(folder, relative);
        if (at == null || Files.exists(at, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.createDirectories(at.getParent());
            placing.at(at);
        } catch (java.nio.file.FileSystemException e) {
            // a name too long, or a folder where a file already is: not a folder an editor could make
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path inside(Path folder, String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.indexOf('\0') >= 0) {
            return null;
        }
        Path target = folder.resolve(relative).normalize();
        return target.startsWith(folder) && !target.equals(folder) ? target : null;
    }

    private static byte[] outsideNamed(byte[] bytes, Path outside) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (!text.contains(OUTSIDE)) {
            return bytes;
        }
        return text.replace(OUTSIDE, new String(outside.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}

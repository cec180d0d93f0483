package org.followthrough.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Copies of fixture folders, for tests that change or leave out a file before they check or build, and what a build left in one. */
public final class Folders {

    private Folders() {
    }

    /** Copies {@code from} with everything in it to {@code to}; returns {@code to}. */
    public static Path copy(Path from, Path to) throws IOException {
        return copy(from, to, path -> true);
    }

    /** Copies the files and folders under {@code from} that {@code keep} accepts to {@code to}; returns {@code to}. */
    public static Path copy(Path from, Path to, Predicate<Path> keep) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.filter(keep).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }

    /** Every file under {@code root} by its path from it, as text (PDFs included, byte for byte as ISO-8859-1). */
    public static java.util.Map<String, String> contents(Path root) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'),
                        new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    /** Every file and folder under {@code root} with its size and modification time: what a write of any kind would change. */
    public static java.util.Map<String, String> listing(Path root) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(root)) {
            for (Path path : walk.toList()) {
                java.nio.file.attribute.BasicFileAttributes a = java.nio.file.Files.readAttributes(path,
                        java.nio.file.attribute.BasicFileAttributes.class);
                files.put(root.relativize(path).toString().replace('\\', '/'),
                        a.size() + " " + a.lastModifiedTime().toMillis() + " " + a.isDirectory());
            }
        }
        files.remove("");
        return files;
    }

    /** Deletes a folder and everything in it. */
    public static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Replaces text in a file, failing the test if the file does not hold it. */
    public static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new AssertionError(file + " does not hold: " + from);
        }
        Files.writeString(file, text.replace(from, to));
    }
}

package org.followthrough.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Copies of fixture folders, for tests that change or leave out a file before they check or build. */
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
}

package org.followthrough.problem;

/** A place in a content file: the path as the editor knows it, and a 1-based line and column (0 when unknown). */
public record Location(String file, int line, int column) {

    public static Location of(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return file + ":" + line + ":" + column;
    }
}

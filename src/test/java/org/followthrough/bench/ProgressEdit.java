package org.followthrough.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The edit an editor makes most often: the text of one progress update in one plan, changed. It
 * works on the lines of the file, as an editor does, so it needs no knowledge of who wrote the
 * content: it changes the first {@code text:} inside the first {@code progress:} list of the first
 * recommendation file (in name order) of the first plan that has one.
 */
public final class ProgressEdit {

    private static final Pattern PROGRESS = Pattern.compile("^(\\s*)progress:\\s*$");
    private static final Pattern TEXT = Pattern.compile("^(\\s*(?:- )?text:[ \\t]*)(.*)$");

    private final Path file;
    private final List<String> original;
    private final int line;

    private ProgressEdit(Path file, List<String> original, int line) {
        this.file = file;
        this.original = original;
        this.line = line;
    }

    /** Finds the progress update to edit in a content folder, or says why there is none. */
    public static ProgressEdit in(Path content) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(content.resolve("plans"))) {
            files = walk.filter(path -> path.getParent().getFileName().toString().equals("recommendations"))
                    .filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Optional<Integer> line = firstProgressText(lines);
            if (line.isPresent()) {
                return new ProgressEdit(file, lines, line.get());
            }
        }
        throw new IllegalArgumentException("no progress update with a 'text:' line under " + content.resolve("plans")
                + "; the benchmark edits the first one it finds, written in block style");
    }

    /** The file that {@link #revise} changes. */
    public Path file() {
        return file;
    }

    /**
     * Writes the file with the progress update's text ending in "Revision N.", so that every
     * revision differs from the last and from the original.
     */
    public void revise(int revision) {
        List<String> lines = new ArrayList<>(original);
        String marker = " Revision " + revision + ".";
        Matcher text = TEXT.matcher(lines.get(line));
        text.matches();
        String value = text.group(2).stripTrailing();
        if (value.startsWith("|") || value.startsWith(">")) {
            lines.set(line + 1, lines.get(line + 1).stripTrailing() + marker);
        } else if (value.length() > 1 && (value.startsWith("\"") || value.startsWith("'")) && value.endsWith(value.substring(0, 1))) {
            lines.set(line, text.group(1) + value.substring(0, value.length() - 1) + marker + value.charAt(0));
        } else {
            lines.set(line, text.group(1) + value + marker);
        }
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file back as it was found. */
    public void restore() throws IOException {
        Files.write(file, original, StandardCharsets.UTF_8);
    }

    /** The index of the first {@code text:} line of a progress update, which is indented deeper than its {@code progress:}. */
    private static Optional<Integer> firstProgressText(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher progress = PROGRESS.matcher(lines.get(i));
            if (!progress.matches()) {
                continue;
            }
            int indent = progress.group(1).length();
            for (int j = i + 1; j < lines.size(); j++) {
                String next = lines.get(j);
                if (next.isBlank()) {
                    continue;
                }
                int nextIndent = next.length() - next.stripLeading().length();
                // a list may sit at its key's own indent, each item starting "- "
                if (nextIndent < indent || nextIndent == indent && !next.stripLeading().startsWith("- ")) {
                    break;
                }
                if (TEXT.matcher(next).matches() && j + 1 < lines.size()) {
                    return Optional.of(j);
                }
            }
        }
        return Optional.empty();
    }
}

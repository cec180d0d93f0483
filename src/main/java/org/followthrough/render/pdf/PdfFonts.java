package org.followthrough.render.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The font files the PDF summaries embed: DejaVu Sans in the four faces the stylesheet uses
 * (regular, bold, oblique, bold oblique). PDF/UA and PDF/A need every font embedded, so nothing
 * may fall back to a PDF viewer's built-in fonts.
 *
 * <p>Looked for, in order: a folder the caller names, the folder in the {@value #ENVIRONMENT_VARIABLE}
 * environment variable, then the usual system folders ({@link #SYSTEM_FOLDERS}); in each, the folder
 * itself and the folders directly inside it. The first folder holding all four files wins. If none
 * does, {@link MissingFontsException} says which files are needed, where they were looked for and
 * how to fix it.
 */
public record PdfFonts(Path regular, Path bold, Path oblique, Path boldOblique) {

    /** The family name the stylesheet uses. */
    public static final String FAMILY = "DejaVu Sans";

    public static final String ENVIRONMENT_VARIABLE = "FOLLOWTHROUGH_FONTS";

    public static final String REGULAR_FILE = "DejaVuSans.ttf";
    public static final String BOLD_FILE = "DejaVuSans-Bold.ttf";
    public static final String OBLIQUE_FILE = "DejaVuSans-Oblique.ttf";
    public static final String BOLD_OBLIQUE_FILE = "DejaVuSans-BoldOblique.ttf";
    public static final List<String> FILES = List.of(REGULAR_FILE, BOLD_FILE, OBLIQUE_FILE, BOLD_OBLIQUE_FILE);

    /** Where Debian and Ubuntu (fonts-dejavu-core), Alpine, Fedora and Arch put DejaVu, then local fonts. */
    public static final List<Path> SYSTEM_FOLDERS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu"),
            Path.of("/usr/share/fonts/dejavu"),
            Path.of("/usr/share/fonts/dejavu-sans-fonts"),
            Path.of("/usr/share/fonts/TTF"),
            Path.of("/usr/local/share/fonts"));

    /** Looks in the {@value #ENVIRONMENT_VARIABLE} folder, then the system folders. */
    public static PdfFonts locate() {
        return locate(null);
    }

    /** Looks in {@code folder} (when not null), the {@value #ENVIRONMENT_VARIABLE} folder, then the system folders. */
    public static PdfFonts locate(Path folder) {
        return in(searchOrder(folder, System.getenv(ENVIRONMENT_VARIABLE)));
    }

    /** The folders {@link #locate(Path)} looks in, in order. */
    public static List<Path> searchOrder(Path folder, String environmentValue) {
        Set<Path> folders = new LinkedHashSet<>();
        if (folder != null) {
            folders.add(folder);
        }
        if (environmentValue != null && !environmentValue.isBlank()) {
            folders.add(Path.of(environmentValue.strip()));
        }
        folders.addAll(SYSTEM_FOLDERS);
        return List.copyOf(folders);
    }

    /** Looks in exactly these folders (and the folders directly inside each), in order. */
    public static PdfFonts in(List<Path> folders) {
        List<String> looked = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                looked.add(folder.toAbsolutePath() + " (no such folder)");
                continue;
            }
            List<String> partial = new ArrayList<>();
            for (Path candidate : withSubfolders(folder)) {
                List<String> present = FILES.stream().filter(f -> Files.isRegularFile(candidate.resolve(f))).toList();
                if (present.size() == FILES.size()) {
                    return new PdfFonts(candidate.resolve(REGULAR_FILE).toAbsolutePath(), candidate.resolve(BOLD_FILE).toAbsolutePath(),
                            candidate.resolve(OBLIQUE_FILE).toAbsolutePath(), candidate.resolve(BOLD_OBLIQUE_FILE).toAbsolutePath());
                }
                if (!present.isEmpty()) {
                    partial.add(candidate.toAbsolutePath() + " has only " + String.join(", ", present));
                }
            }
            looked.add(folder.toAbsolutePath() + (partial.isEmpty() ? " (none of them)" : " (" + String.join("; ", partial) + ")"));
        }
        throw new MissingFontsException(looked);
    }

    private static List<Path> withSubfolders(Path folder) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(folder);
        try (Stream<Path> children = Files.list(folder)) {
            children.filter(Files::isDirectory).sorted().forEach(candidates::add);
        } catch (IOException e) {
            // an unreadable folder is reported as holding none of the files
        }
        return candidates;
    }

    /** No folder holds all four DejaVu Sans files: says which, where it looked, and how to fix it. */
    public static final class MissingFontsException extends IllegalStateException {

        private final List<String> looked;

        MissingFontsException(List<String> looked) {
            super(message(looked));
            this.looked = List.copyOf(looked);
        }

        /** Each folder looked in, with what was (not) found there. */
        public List<String> looked() {
            return looked;
        }

        private static String message(List<String> looked) {
            return "cannot make the PDF summaries: the font " + FAMILY + " was not found. They need all four files "
                    + String.join(", ", FILES) + " in one folder.\nLooked in:\n  " + String.join("\n  ", looked)
                    + "\nTo fix: install the fonts (Debian or Ubuntu: apt-get install fonts-dejavu-core; Fedora: dnf install "
                    + "dejavu-sans-fonts; Alpine: apk add font-dejavu), or put the four files in a folder and set "
                    + ENVIRONMENT_VARIABLE + "=that folder.";
        }
    }
}

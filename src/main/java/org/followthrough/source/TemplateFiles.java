package org.followthrough.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.followthrough.problem.Problems;

/**
 * A site's own templates folder, read into memory at load time under the same rules as the content
 * folder: nothing outside it is read, and links out of it, loops, unreadable files and text files that are
 * not UTF-8 are problems.
 */
public final class TemplateFiles {

    /** Names that are files of templates: a folder named so is a mistake, reported rather than entered. */
    private static final Set<String> EXTENSIONS = Set.of(".ftlh", ".css", ".js", ".xsl");

    private TemplateFiles() {
    }

    /**
     * The files of the folder by relative path ({@code layout.ftlh}, {@code assets/followthrough.css}); none if
     * the folder is not given or does not exist, when the built-in templates are used.
     */
    public static Map<String, byte[]> read(Path folder, Problems problems) {
        if (folder == null || !Files.isDirectory(folder)) {
            return Map.of();
        }
        FolderReader.Result read = FolderReader.read(folder, folder.toString(), "templates folder", TemplateFiles::isHidden, EXTENSIONS,
                problems);
        // A template or stylesheet in another encoding would be published with U+FFFD where its accents were: told, as in content.
        new java.util.TreeMap<>(read.files()).forEach((name, bytes) -> {
            if (EXTENSIONS.stream().anyMatch(name::endsWith)) {
                ContentFiles.decode(bytes, folder.resolve(name).toString(), problems);
            }
        });
        return Map.copyOf(read.files());
    }

    /**
     * The templates folder as the file system describes it, without reading it (see {@link FolderState}):
     * an empty state where there is no folder, and the built-in templates are used; empty where a read
     * would report something.
     */
    public static java.util.Optional<FolderState> state(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return java.util.Optional.of(new FolderState("", new java.util.TreeMap<>(), new java.util.TreeSet<>(), Map.of(),
                    FolderReader.nanos(java.time.Instant.now())));
        }
        return FolderReader.state(folder, TemplateFiles::isHidden, EXTENSIONS);
    }

    private static boolean isHidden(String relative) {
        return relative.substring(relative.lastIndexOf('/') + 1).startsWith(".");
    }
}

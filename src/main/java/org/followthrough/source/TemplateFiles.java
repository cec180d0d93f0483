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
        new java.util.TreeMap<>(read.files()).forEach((name, bytes) -> misnamedOrEmpty(folder, name, bytes, problems));
        return Map.copyOf(read.files());
    }

    /** Where the built-in templates are, by the same names as a site's own. */
    private static final String BUILT_IN = "/followthrough/templates/";

    /**
     * Warns of a file meant to replace a built-in template that replaces none, its name in other capitals ({@code Plan.ftlh})
     * or with another extension ({@code plan.ftl}), so that the built-in one is still used; and of an empty template, which
     * would publish every page made from it empty. A file of another name may be the site's own, included by its templates.
     */
    private static void misnamedOrEmpty(Path folder, String name, byte[] bytes, Problems problems) {
        org.followthrough.problem.Location at = org.followthrough.problem.Location.of(folder.resolve(name).toString());
        if (!builtIn(name)) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            String meant = builtIn(lower) ? lower : lower.endsWith(".ftl") && builtIn(lower + "h") ? lower + "h" : null;
            if (meant != null) {
                problems.warning(at, "this file replaces no built-in template, so the built-in " + meant + " is used: names are told apart"
                        + " by their capitals and extension", "name it " + meant + " to replace the built-in one");
            }
        }
        if (name.endsWith(".ftlh") && new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            problems.warning(at, "the template is empty: every page made from it would be published empty",
                    "write the template, or delete the file to use the built-in one");
        }
    }

    private static boolean builtIn(String name) {
        return TemplateFiles.class.getResource(BUILT_IN + name) != null;
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

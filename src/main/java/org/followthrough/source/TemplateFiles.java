package org.followthrough.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.followthrough.problem.Problems;

/**
 * A site's own templates folder, read into memory at load time under the same rules as the content
 * folder: nothing outside it is read, and links out of it, loops and unreadable files are problems.
 */
public final class TemplateFiles {

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
        FolderReader.Result read = FolderReader.read(folder, folder.toString(), "templates folder",
                relative -> relative.substring(relative.lastIndexOf('/') + 1).startsWith("."), Set.of(".ftlh", ".css", ".js", ".xsl"), problems);
        return Map.copyOf(read.files());
    }
}

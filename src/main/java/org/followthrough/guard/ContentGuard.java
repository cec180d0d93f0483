package org.followthrough.guard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;
import org.followthrough.source.ContentFiles;
import org.followthrough.source.SourceFile;

/**
 * The first net: every protected name in the content and the site's own templates, by file, line
 * and column, found before anything is built, so that {@code check} reports what {@code build}
 * would refuse. Every line of a file is read, comments included (the repository may be public
 * too), and so is every file's path (plans and organisations are published under their files' names).
 */
public final class ContentGuard {

    private final ProtectedNames names;

    public ContentGuard(ProtectedNames names) {
        this.names = names;
    }

    /**
     * Reports each protected name in the content's files (YAML, Markdown, images written as text)
     * and in the site's own templates. Run after everything else has read the content: a file left
     * unread until then is not read for the guard (see {@link ContentFiles#isUnread}).
     *
     * @param templates         the site's own templates by path in their folder
     * @param templateLocation  where a template is, for messages
     */
    public void check(ContentFiles files, Map<String, byte[]> templates, UnaryOperator<String> templateLocation, Problems problems) {
        if (names.isEmpty()) {
            return;
        }
        List<Text> texts = new ArrayList<>();
        for (String path : files.paths("")) {
            // A file left unread was found to hold none of these names by a build that saw it as it is: only its name is searched.
            Optional<SourceFile> file = files.isUnread(path) ? Optional.empty() : files.get(path);
            texts.add(new Text(path, files.display(path), file.map(SourceFile::text).orElse(null)));
        }
        files.assets().forEach((path, bytes) -> {
            if (isText(path)) {
                texts.add(new Text(path, files.display(path), new String(bytes, StandardCharsets.UTF_8)));
            } else {
                texts.add(new Text(path, files.display(path), null));
            }
        });
        templates.forEach((path, bytes) -> texts.add(new Text(path, templateLocation.apply(path),
                isText(path) ? new String(bytes, StandardCharsets.UTF_8) : null)));
        texts.parallelStream().forEach(text -> check(text, problems));
    }

    /** A file: its path in its folder, as messages show it, and its text (null for an image that is not text, or a file not read). */
    private record Text(String path, String display, String text) {
    }

    private void check(Text file, Problems problems) {
        for (ProtectedNames.Hit hit : names.find(file.path())) {
            problems.error(Location.of(file.display()), ProtectedNames.describe(hit.line()) + " is in the name of this file or its folder",
                    "rename it: plans and organisations are published at addresses made from their files' names" + listed());
        }
        if (file.text() == null) {
            return;
        }
        for (ProtectedNames.Hit hit : names.find(file.text(), PublishedText.Kind.of(file.path()))) {
            problems.error(ProtectedNames.locate(file.display(), file.text(), hit.start()), ProtectedNames.describe(hit.line()) + " appears here",
                    "remove it, or write the anonymised name the report uses" + listed());
        }
    }

    /** Where the list is, said in every hint so that an editor knows which list to read. */
    private String listed() {
        return "; nothing is published while a name on " + names.file() + " appears (names are numbered by their line in it)";
    }

    /** Files written as text: the guard reads those; PNG images hold no text it could read. */
    static boolean isText(String path) {
        return !path.toLowerCase(java.util.Locale.ROOT).endsWith(".png");
    }
}

package org.followthrough.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;
import org.followthrough.source.Node;
import org.followthrough.source.SourceFile;

/**
 * The characters of the published texts that the PDF summaries' font cannot draw (an emoji, Chinese
 * script, in DejaVu Sans): the pages show them, but a PDF shows a replacement mark in their place.
 * Told once a file, at the first such character, naming the first few.
 */
final class PdfCharacters {

    /** How many of a file's characters the warning names. */
    private static final int NAMED = 3;

    private final IntPredicate drawable;

    /** @param drawable whether the summaries' font draws a character (tested only for characters beyond ASCII) */
    PdfCharacters(IntPredicate drawable) {
        this.drawable = drawable;
    }

    /** Tells of the characters of a YAML file's values that a PDF cannot draw. */
    void check(SourceFile file, Node root, Problems problems) {
        Set<Integer> lacking = new LinkedHashSet<>();
        List<Location> where = new ArrayList<>();
        collect(root, lacking, where);
        if (!lacking.isEmpty()) {
            tell(file, lacking, where.get(0), problems);
        }
    }

    /** Tells of the characters of a Markdown file, all of whose text is published, that a PDF cannot draw. */
    void check(SourceFile markdown, Problems problems) {
        Set<Integer> lacking = new LinkedHashSet<>();
        lacking(markdown.text(), lacking);
        if (!lacking.isEmpty()) {
            tell(markdown, lacking, Location.of(markdown.display()), problems);
        }
    }

    private void collect(Node node, Set<Integer> lacking, List<Location> where) {
        if (node instanceof Node.Scalar scalar) {
            int before = lacking.size();
            lacking(scalar.text(), lacking);
            if (before == 0 && !lacking.isEmpty()) {
                where.add(scalar.location());
            }
        } else if (node instanceof Node.Mapping mapping) {
            mapping.entries().forEach(entry -> collect(entry.value(), lacking, where));
        } else if (node instanceof Node.Sequence sequence) {
            sequence.items().forEach(item -> collect(item, lacking, where));
        }
    }

    private void lacking(String text, Set<Integer> lacking) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x7E) {
                continue; // ASCII, which every font draws: nearly all of a plan's text, passed over at once
            }
            int cp = text.codePointAt(i);
            if (!drawable.test(cp)) {
                lacking.add(cp);
            }
            if (Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
        }
    }

    private static void tell(SourceFile file, Set<Integer> lacking, Location value, Problems problems) {
        int first = lacking.iterator().next();
        List<String> named = lacking.stream().limit(NAMED).map(PdfCharacters::describe).toList();
        String list = lacking.size() > NAMED ? String.join(", ", named) + " and " + (lacking.size() - NAMED) + " more"
                : named.size() == 1 ? named.get(0) : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
        boolean one = lacking.size() == 1;
        problems.warning(at(file, first, value), "the PDF summaries cannot draw " + list + ": their font has no such "
                        + (one ? "character" : "characters") + ", so a PDF shows a replacement mark (\uFFFD) in " + (one ? "its" : "their")
                        + " place, though the pages show " + (one ? "it" : "them"),
                "where the PDF matters, write " + (one ? "it" : "them") + " another way (a word for an emoji, say)");
    }

    /**
     * Where a character first stands in the file's text from the line where the value it is in starts (not in a comment
     * or value above it), line and column; else where the value starts (written as an escape, say).
     */
    private static Location at(SourceFile file, int codePoint, Location value) {
        String text = file.text();
        int from = 0;
        for (int line = 1; line < value.line() && from >= 0; line++) {
            from = text.indexOf('\n', from);
            from = from < 0 ? -1 : from + 1;
        }
        int index = from < 0 ? -1 : text.indexOf(Character.toString(codePoint), from);
        if (index < 0) {
            return value;
        }
        int lineStart = text.lastIndexOf('\n', index - 1) + 1;
        int line = (int) text.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
        int column = text.codePointCount(lineStart, index) + 1;
        return new Location(file.display(), line, column);
    }

    private static String describe(int codePoint) {
        return "'" + Character.toString(codePoint) + "' (U+" + String.format(Locale.ROOT, "%04X", codePoint) + ")";
    }
}

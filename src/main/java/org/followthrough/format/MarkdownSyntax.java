package org.followthrough.format;

import java.util.List;
import java.util.OptionalInt;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The Markdown of the content: CommonMark with GFM tables and autolinks. The renderer parses with
 * these extensions; the checker measures how deeply a text nests, since every renderer walks the
 * tree by recursion and a text nested thousands deep would exhaust its stack.
 */
public final class MarkdownSyntax {

    private MarkdownSyntax() {
    }

    public static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());

    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    /**
     * The line (from 1) of the first place where {@code source} nests deeper than {@link Limits#MAX_MARKDOWN_NESTING},
     * or empty when it never does. The tree is walked without recursion, so any depth can be measured.
     */
    public static OptionalInt tooDeep(String source) {
        if (2 * markers(source) + FIXED_LEVELS <= Limits.MAX_MARKDOWN_NESTING) {
            // Too few markers to nest that deep, so no need to parse: most texts, as most are a few sentences.
            return OptionalInt.empty();
        }
        Node node;
        try {
            node = PARSER.parse(source);
        } catch (StackOverflowError e) {
            // The parser merges the text of nested emphasis by recursion: thousands of levels exhaust the stack
            // before the tree exists to be measured. The recursion has unwound by now; nothing else was touched.
            return OptionalInt.of(1);
        }
        int depth = 0;
        while (node != null) {
            if (depth > Limits.MAX_MARKDOWN_NESTING) {
                return OptionalInt.of(line(node));
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != null && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == null ? null : node.getNext();
        }
        return OptionalInt.empty();
    }

    /**
     * Levels any text may have without a marker of its own: the document, a table's four (block, head or body,
     * row, cell), a block holding text, a bare address made a link, and the text itself.
     */
    private static final int FIXED_LEVELS = 8;

    /**
     * The characters that can each open at most two levels: a block quote's {@code >}, a list's marker ({@code - + *},
     * or {@code .} or {@code )} after a digit: a list and its item), emphasis ({@code * _}) and a link ({@code [}, {@code <}).
     * A text nests no deeper than twice their number and {@link #FIXED_LEVELS}.
     */
    private static int markers(String source) {
        int count = 0;
        for (int i = 0; i < source.length(); i++) {
            switch (source.charAt(i)) {
                case '>', '-', '+', '*', '_', '[', '<' -> count++;
                case '.', ')' -> {
                    if (i > 0 && source.charAt(i - 1) >= '0' && source.charAt(i - 1) <= '9') {
                        count++;
                    }
                }
                default -> {
                }
            }
        }
        return count;
    }

    /** The line of a node's nearest block with a known place; inline nodes carry none. */
    private static int line(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            List<SourceSpan> spans = at.getSourceSpans();
            if (!spans.isEmpty()) {
                return spans.get(0).getLineIndex() + 1;
            }
        }
        return 1;
    }
}

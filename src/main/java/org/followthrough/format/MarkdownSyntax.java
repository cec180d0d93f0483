package org.followthrough.format;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
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

    /** A table too large to lay out: where it starts and how many cells it would have. */
    public record LargeTable(int line, long cells) {
    }

    /**
     * The first table of {@code source} with more than {@link Limits#MAX_MARKDOWN_TABLE_CELLS} cells, counting each line
     * after its header's delimiter row up to a blank line as a row as wide as the header (a table may end sooner, so this
     * is never less than its cells); empty when there is none. Read line by line, without parsing.
     */
    public static java.util.Optional<LargeTable> tooLargeTable(String source) {
        if (source.indexOf('|') < 0 || source.indexOf('-') < 0) {
            return java.util.Optional.empty();
        }
        List<String> lines = source.lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            long columns = delimiterColumns(line);
            if (columns == 0 || lines.get(i - 1).indexOf('|') < 0) {
                continue;
            }
            long rows = 1;
            int next = i + 1;
            while (next < lines.size() && !lines.get(next).isBlank()) {
                rows++;
                next++;
            }
            if (rows * columns > Limits.MAX_MARKDOWN_TABLE_CELLS) {
                return java.util.Optional.of(new LargeTable(i, rows * columns));
            }
            i = next;
        }
        return java.util.Optional.empty();
    }

    /**
     * The columns of a table's delimiter row ("| --- | :-: |", "---|---", with or without the outer bars), or 0 for any
     * other line. Read character by character: a pattern would recurse once per column.
     */
    private static long delimiterColumns(String line) {
        String row = line.strip();
        if (row.startsWith("|")) {
            row = row.substring(1);
        }
        if (row.endsWith("|")) {
            row = row.substring(0, row.length() - 1);
        }
        long columns = 1;
        boolean dash = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '|') {
                if (!dash) {
                    return 0;
                }
                columns++;
                dash = false;
            } else if (c == '-') {
                dash = true;
            } else if (c != ':' && c != ' ' && c != '\t') {
                return 0;
            }
        }
        return dash && (columns > 1 || line.indexOf('|') >= 0) ? columns : 0;
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

    /**
     * What the pages publish of a text's HTML: simple formatting, tables and links to web, mail and telephone
     * addresses. Images, script, styles and other links are removed.
     */
    public static org.jsoup.safety.Safelist safelist() {
        return org.jsoup.safety.Safelist.relaxed()
                .removeTags("img")
                .addTags("s", "del", "ins", "abbr", "mark")
                .addAttributes("abbr", "title")
                .addAttributes("th", "scope")
                .removeProtocols("a", "href", "ftp")
                .addProtocols("a", "href", "http", "https", "mailto", "tel");
    }

    private static final org.jsoup.safety.Safelist PUBLISHED = safelist();
    /** A web address with a name, and perhaps a password, before its host ({@code https://user:pw@host/}): it can pass for another host. */
    private static final java.util.regex.Pattern WITH_USER = java.util.regex.Pattern.compile("(?i)^\\s*https?:/*[^/?#]*@");

    /**
     * Whether the pages publish a link to this address as a link: a web, mail or telephone address written in full (as
     * the cleaner of {@link #safelist} reads it), with no name or password before a web address's host. The link of any
     * other address is left out, and its words kept.
     */
    public static boolean publishesLink(String address) {
        org.jsoup.nodes.Element link = new org.jsoup.nodes.Element("a").attr("href", address);
        return PUBLISHED.isSafeAttribute("a", link, link.attribute("href")) && !WITH_USER.matcher(address).find();
    }

    /**
     * A part of a text that the pages do not publish as written: where it is in the text (line and column from 1), and what.
     * One that {@code runsScript} could run a script where the text is shown as written: the pages leave it out, but the
     * data downloads publish each text as it is written, for other sites to show, so the content may not hold it.
     */
    public record Unpublished(int line, int column, String message, String hint, boolean runsScript) {
        public Unpublished(int line, int column, String message, String hint) {
            this(line, column, message, hint, false);
        }
    }

    /**
     * Elements that run a script, restyle the page around the text ({@code <style>}), or whose content a browser reads
     * otherwise than a cleaner may ({@code <noscript>}), whatever their attributes.
     */
    private static final Set<String> SCRIPTING = Set.of("script", "noscript", "style");
    /** CSS that runs a script or loads something, in the browsers that read it so. */
    private static final java.util.regex.Pattern SCRIPT_IN_STYLE = java.util.regex.Pattern.compile(
            "expression\\s*\\(|javascript:|vbscript:|@import|behavior\\s*:|-moz-binding|url\\s*\\(", java.util.regex.Pattern.CASE_INSENSITIVE);
    /**
     * Elements that load another document, page or resource in place of the text, or change where its links go, given any
     * address; with none ({@code <link to be added>}, a placeholder in angle brackets) they do nothing.
     */
    private static final Set<String> LOADING = Set.of("iframe", "frame", "frameset", "object", "embed", "applet", "portal", "base", "link");
    /** Attributes whose value is an address a browser follows or loads, or a document it shows. */
    private static final Set<String> ADDRESSES = Set.of("href", "src", "action", "formaction", "data", "poster", "background", "srcset",
            "cite", "longdesc", "manifest", "ping", "codebase", "archive", "code", "icon", "dynsrc", "lowsrc", "xml:base", "xlink:href",
            "values", "to", "from", "by", "srcdoc", "content");
    /**
     * A tag written in text that CommonMark does not read as HTML ({@code <svg/onload=…>}, a slash after the name) but other
     * Markdown readers may: not after a backslash, which escapes it everywhere.
     */
    private static final java.util.regex.Pattern TAG_IN_TEXT = java.util.regex.Pattern.compile("(?<!\\\\)<[A-Za-z][^<>]*>?");

    /**
     * Whether an address runs a script when followed or loaded: {@code javascript:}, {@code vbscript:}, {@code livescript:} or
     * {@code data:}, as a browser reads it (whatever its case, and with spaces and control characters in it left out).
     */
    static boolean runsScript(String address) {
        if (address.indexOf(';') >= 0) {
            // a list of addresses, as SVG animates between ("values"): any one of them
            for (String one : address.split(";")) {
                if (startsScript(one)) {
                    return true;
                }
            }
        }
        return startsScript(address);
    }

    private static boolean startsScript(String address) {
        StringBuilder read = new StringBuilder();
        for (int i = 0; i < address.length() && read.length() < 12; i++) {
            char c = address.charAt(i);
            if (c > ' ') {
                read.append(Character.toLowerCase(c));
            }
        }
        String start = read.toString();
        return start.startsWith("javascript:") || start.startsWith("vbscript:") || start.startsWith("livescript:") || start.startsWith("data:");
    }

    /** A text quoted in a message: its first 60 characters, and an ellipsis where there are more. */
    private static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static final String SCRIPT_HINT = "delete it: the pages leave it out, but the data downloads publish each text as it is written,"
            + " for other sites to show; write the words in Markdown, give a link as a web address starting https://, and write"
            + " angle brackets around words as \\< and \\>";

    private static final Parser SPANNING = Parser.builder().extensions(EXTENSIONS).includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final java.util.regex.Pattern START_TAG = java.util.regex.Pattern.compile("^<([A-Za-z][A-Za-z0-9-]*)");

    /**
     * The images, links and HTML of a text that the pages leave out or change (see {@link #safelist}): the output is
     * safe either way, but the editor should know that something written is not published. A text with neither
     * '&lt;' nor ']' has none, and is not parsed.
     */
    public static List<Unpublished> unpublished(String source) {
        List<Unpublished> found = new java.util.ArrayList<>(localFiles(source));
        if (source.indexOf('<') < 0 && source.indexOf(']') < 0) {
            return found;
        }
        org.jsoup.safety.Safelist safelist = safelist();
        // what the parser read as code or as HTML: tags there are told as HTML, or are shown as code, not read as tags
        List<SourceSpan> read = new java.util.ArrayList<>();
        Node document = SPANNING.parse(source);
        document.accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Image image) {
                StringBuilder words = new StringBuilder();
                image.accept(new org.commonmark.node.AbstractVisitor() {
                    @Override
                    public void visit(org.commonmark.node.Text text) {
                        words.append(text.getLiteral());
                    }
                });
                String alt = words.toString().strip();
                if (runsScript(image.getDestination())) {
                    script(image, "the image's address '" + shortened(image.getDestination()) + "' could run a script");
                    return;
                }
                add(image, "the image " + (alt.isEmpty() ? "" : "'" + alt + "' ") + "(" + image.getDestination() + ") is not published,"
                        + " nor its description: pages show no images from the content", "link to it instead, e.g. ["
                        + (alt.isEmpty() ? "a description" : alt) + "](https://…), or say in words what it shows");
            }

            @Override
            public void visit(org.commonmark.node.Link link) {
                if (runsScript(link.getDestination())) {
                    script(link, "the link to '" + shortened(link.getDestination()) + "' could run a script");
                } else if (!publishesLink(link.getDestination())) {
                    add(link, "the link to '" + link.getDestination() + "' is not published: its words are, without the link"
                            + " (only addresses starting https://, http://, mailto: or tel: are, written in full, and with no name or"
                            + " password before the host)", "give the full address, starting https://");
                }
                visitChildren(link);
            }

            @Override
            public void visit(org.commonmark.node.HtmlInline html) {
                html(html, html.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.HtmlBlock html) {
                html(html, html.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code code) {
                read.addAll(code.getSourceSpans());
            }

            @Override
            public void visit(org.commonmark.node.FencedCodeBlock code) {
                read.addAll(code.getSourceSpans());
            }

            @Override
            public void visit(org.commonmark.node.IndentedCodeBlock code) {
                read.addAll(code.getSourceSpans());
            }

            @Override
            public void visit(org.commonmark.node.ThematicBreak line) {
                add(line, "a line of '---', '***' or '___' draws a rule across the page, which pages leave out",
                        "leave it out, or start a new section with a heading (## …)");
            }

            private void html(Node node, String literal) {
                read.addAll(node.getSourceSpans());
                Optional<String> scripting = endTagAlone(literal) ? Optional.empty() : scripting(literal);
                if (scripting.isPresent()) {
                    String first = literal.strip().lines().findFirst().orElse("");
                    script(node, "this HTML could run a script or change the page it is shown in: '" + shortened(first) + "' (" + scripting.get() + ")");
                    return;
                }
                java.util.regex.Matcher tag = START_TAG.matcher(literal.strip());
                if (tag.find() && !org.jsoup.parser.Tag.isKnownTag(tag.group(1).toLowerCase(java.util.Locale.ROOT))) {
                    String words = literal.strip().lines().findFirst().orElse("");
                    add(node, "'" + words + "' is read as an HTML tag, and left out of the page with the words in it",
                            "write the brackets as \\< and \\>, or use other brackets: (" + words.replaceAll("^<|>$", "") + ")");
                    return;
                }
                // an end tag alone is no more than the end of what its start tag, told already, began
                List<String> leftOut = endTagAlone(literal) ? List.of() : leftOut(literal);
                if (!leftOut.isEmpty()) {
                    String first = literal.strip().lines().findFirst().orElse("");
                    add(node, "this HTML is not published as written: '" + shortened(first)
                            + "'" + (leftOut.size() > 1 || literal.strip().lines().count() > 1 ? ", of which pages leave out "
                                    + atMostFive(leftOut) : "")
                            + " (pages keep simple formatting such as <abbr> and <s>, and remove script, styles, frames and images)",
                            "write it in Markdown, or leave it out");
                }
            }

            private void script(Node node, String message) {
                add(node, message, SCRIPT_HINT, true);
            }

            /**
             * What of a piece of HTML the pages leave out, each element and attribute once, in order ("<form>", "the
             * href of <a>"); empty where they keep all of it (a tag alone is not closed: not a fault).
             */
            private List<String> leftOut(String literal) {
                java.util.Set<String> out = new java.util.LinkedHashSet<>();
                org.jsoup.nodes.Document fragment = org.jsoup.Jsoup.parseBodyFragment(literal);
                for (org.jsoup.nodes.Element element : fragment.getAllElements()) {
                    String name = element.tagName();
                    if (name.equals("#root") || name.equals("html") || name.equals("head") || name.equals("body")) {
                        continue;
                    }
                    if (!safelist.isSafeTag(name)) {
                        out.add("<" + name + ">");
                        continue;
                    }
                    for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
                        if (!safelist.isSafeAttribute(name, element, attribute)) {
                            out.add("the " + attribute.getKey() + " of <" + name + ">");
                        }
                    }
                }
                return List.copyOf(out);
            }

            private void add(Node node, String message, String hint) {
                add(node, message, hint, false);
            }

            private void add(Node node, String message, String hint, boolean runsScript) {
                List<SourceSpan> spans = node.getSourceSpans();
                int line = spans.isEmpty() ? line(node) : spans.get(0).getLineIndex() + 1;
                int column = spans.isEmpty() ? 1 : spans.get(0).getColumnIndex() + 1;
                found.add(new Unpublished(line, column, message, hint, runsScript));
            }
        });
        if (source.indexOf('<') >= 0) {
            // a text with no '<' has no tag, and links alone are told above
            tagsInText(source, read, found);
            if (found.stream().noneMatch(Unpublished::runsScript) && !read.isEmpty()) {
                asAWhole(document, read, found);
            }
        }
        return found;
    }

    private static final org.commonmark.renderer.html.HtmlRenderer AS_WRITTEN = org.commonmark.renderer.html.HtmlRenderer.builder()
            .extensions(EXTENSIONS).build();

    /**
     * The text's HTML read as a whole, as another site's CommonMark renderer passes it through: pieces that run nothing
     * each on their own can together (a quote left open in one block and closed in the next carries an event handler into
     * a tag). Told at the first piece of HTML.
     */
    private static void asAWhole(Node document, List<SourceSpan> read, List<Unpublished> found) {
        Optional<String> scripting = scripting(AS_WRITTEN.render(document));
        if (scripting.isPresent()) {
            SourceSpan first = read.stream().min(java.util.Comparator.comparingInt(SourceSpan::getLineIndex)
                    .thenComparingInt(SourceSpan::getColumnIndex)).orElseThrow();
            found.add(new Unpublished(first.getLineIndex() + 1, first.getColumnIndex() + 1, "this text's HTML, read as a whole, could run a"
                    + " script or change the page it is shown in (" + scripting.get() + "): a quote or tag left open here is closed"
                    + " further on", SCRIPT_HINT, true));
        }
    }

    /**
     * Tags that CommonMark reads as words ({@code <svg/onload=…>}: a slash after the tag's name) but other Markdown readers may
     * read as HTML, outside what the parser read as code or HTML: one that could run a script is refused, at its place.
     */
    private static void tagsInText(String source, List<SourceSpan> read, List<Unpublished> found) {
        int[] lineStarts = lineStarts(source);
        java.util.BitSet excluded = new java.util.BitSet(source.length());
        for (SourceSpan span : read) {
            int from = lineStarts[span.getLineIndex()] + span.getColumnIndex();
            excluded.set(from, Math.min(source.length(), from + span.getLength()));
        }
        java.util.regex.Matcher tag = TAG_IN_TEXT.matcher(source);
        while (tag.find()) {
            if (excluded.get(tag.start())) {
                continue;
            }
            Optional<String> scripting = scripting(tag.group());
            if (scripting.isPresent()) {
                int line = lineOf(lineStarts, tag.start());
                found.add(new Unpublished(line + 1, tag.start() - lineStarts[line] + 1, "this could run a script or change the page it is shown in where the text is read by"
                        + " other Markdown readers, which read it as HTML: '" + shortened(tag.group().strip().lines().findFirst().orElse(""))
                        + "' (" + scripting.get() + ")", SCRIPT_HINT, true));
            }
        }
    }

    /**
     * The first thing in a piece of HTML that could run a script or load something in place of the text, as a browser
     * reads it: an element of {@link #SCRIPTING}; one of {@link #LOADING} given an address; a {@code <meta>} that acts
     * ({@code http-equiv}); an attribute that handles an event ({@code on…}, with something to run), holds a document
     * ({@code srcdoc}) or a style that runs or loads something; or an address attribute whose value runs a script.
     */
    private static Optional<String> scripting(String literal) {
        for (org.jsoup.nodes.Element element : org.jsoup.Jsoup.parseBodyFragment(literal).getAllElements()) {
            String name = element.tagName().toLowerCase(java.util.Locale.ROOT);
            if (SCRIPTING.contains(name)) {
                return Optional.of("<" + name + ">");
            }
            if (name.equals("meta") && element.hasAttr("http-equiv")) {
                return Optional.of("the http-equiv of <meta>");
            }
            for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
                boolean address = ADDRESSES.contains(key);
                // an event handler with nothing to run ("<review ongoing>") runs nothing
                if (key.startsWith("on") && !attribute.getValue().isBlank() || key.equals("srcdoc")
                        || key.equals("style") && SCRIPT_IN_STYLE.matcher(attribute.getValue()).find()
                        || address && LOADING.contains(name) && !attribute.getValue().isBlank()
                        || address && runsScript(attribute.getValue())) {
                    return Optional.of("the " + key + " of <" + name + ">");
                }
            }
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern END_TAG_ALONE = java.util.regex.Pattern.compile("</[A-Za-z][^<>]*>\\s*");

    /** Whether a piece of HTML is an end tag and nothing more (not "</p><script>…", which begins with one). */
    private static boolean endTagAlone(String literal) {
        return END_TAG_ALONE.matcher(literal.strip()).matches();
    }

    /** Where each line of a text begins, as the parser counts lines (after a line feed, a carriage return, or both). */
    private static int[] lineStarts(String source) {
        List<Integer> starts = new java.util.ArrayList<>(List.of(0));
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == source.length() || source.charAt(i + 1) != '\n')) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, int offset) {
        int line = java.util.Arrays.binarySearch(lineStarts, offset);
        return line >= 0 ? line : -line - 2;
    }

    /** Items as a sentence lists them, five at most: "a", "a and b", "a, b and c", "a, b, c, d and 3 more". */
    private static String atMostFive(List<String> items) {
        List<String> listed = new java.util.ArrayList<>(items.subList(0, items.size() <= 5 ? items.size() : 4));
        if (items.size() > 5) {
            listed.add((items.size() - 4) + " more");
        }
        return listed.size() == 1 ? listed.get(0)
                : String.join(", ", listed.subList(0, listed.size() - 1)) + " and " + listed.get(listed.size() - 1);
    }

    /**
     * A file on a computer or a shared drive, named in a text ({@code C:\\Users\\…\\log.docx}, {@code \\\\server\\share\\…}): readers of
     * the site cannot open it, and its path may name a member of staff. A path with a space is no link in Markdown, so
     * it is published as written. A shared drive's run of backslashes is matched from its first, whole (possessively): a
     * line of backslashes is looked at once, not once from each of them.
     */
    private static final java.util.regex.Pattern LOCAL_FILE = java.util.regex.Pattern.compile(
            "(?<![A-Za-z0-9])[A-Za-z]:\\\\[^\\s<>\"|?*)]*|(?<!\\\\)\\\\{2,}+[A-Za-z0-9][A-Za-z0-9._$-]*\\\\[^\\s<>\"|?*)]*");

    private static List<Unpublished> localFiles(String source) {
        if (source.indexOf('\\') < 0) {
            return List.of();
        }
        List<Unpublished> found = new java.util.ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            java.util.regex.Matcher path = LOCAL_FILE.matcher(lines[n]);
            if (path.find()) {
                found.add(new Unpublished(n + 1, path.start() + 1, "this names a file on a computer or a shared drive ('" + path.group()
                        + "'), which readers of the site cannot open; the path may also name a member of staff",
                        "name the document in words instead, or link to where it is published (https://…)"));
            }
        }
        return found;
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

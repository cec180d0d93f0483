package org.followthrough.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.followthrough.model.Markdown;
import org.junit.jupiter.api.Test;

/** Markdown in content may format text but never inject script, load resources or break the page. */
class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private String html(String markdown) {
        return renderer.toHtml(new Markdown(markdown));
    }

    @Test
    void rendersCommonMarkAndTables() {
        assertThat(html("**Complete** and _embedded_")).isEqualTo("<p><strong>Complete</strong> and <em>embedded</em></p>");
        assertThat(html("| Grade | Meaning |\n| --- | --- |\n| A | Impact |")).contains("<table>").contains("<th>Grade</th>").contains("<td>Impact</td>");
    }

    @Test
    void removesScriptsAndEventHandlers() {
        String out = html("Hello <script>alert(1)</script> <b onclick=\"alert(2)\">bold</b> <a href=\"javascript:alert(3)\">x</a>");
        assertThat(out).doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript:").contains("<b>bold</b>");
    }

    @Test
    void removesEmbedsFramesStylesAndImagesFromElsewhere() {
        String out = html("<iframe src=\"https://evil.example\"></iframe><style>body{}</style><img src=\"https://tracker.example/p.gif\"><form><input></form>\n\n<svg onload=alert(1)></svg>");
        assertThat(out).doesNotContain("iframe").doesNotContain("<style").doesNotContain("<img").doesNotContain("<form")
                .doesNotContain("<input").doesNotContain("svg").doesNotContain("evil.example").doesNotContain("tracker.example");
    }

    @Test
    void markdownLinksWithScriptUrlsAreDropped() {
        assertThat(html("[click](javascript:alert(1))")).doesNotContain("javascript");
        assertThat(html("[data](data:text/html;base64,PHNjcmlwdD4=)")).doesNotContain("data:");
        // their words stay, as words: not a link that leads nowhere, which a keyboard cannot reach but a screen reader announces
        assertThat(html("See [the report](javascript:alert(1)) first.")).isEqualTo("<p>See the report first.</p>");
        assertThat(html("<javascript:alert(1)>")).isEqualTo("<p>javascript:alert(1)</p>");
    }

    @Test
    void aLinkMadeOfAnImageKeepsWordsForScreenReaders() {
        // the image is not published (check says so): the link was left with nothing in it, which a screen reader names by nothing
        assertThat(html("[![The full report](https://img.example/cover.png)](https://example.org/report.pdf)"))
                .isEqualTo("<p><a href=\"https://example.org/report.pdf\" rel=\"external\">The full report</a></p>");
        assertThat(html("[![](https://img.example/cover.png)](https://example.org/report.pdf)")).as("an image without words: the address")
                .isEqualTo("<p><a href=\"https://example.org/report.pdf\" rel=\"external\">https://example.org/report.pdf</a></p>");
        assertThat(html("See [](https://example.org/report.pdf).")).as("a link written without words")
                .isEqualTo("<p>See <a href=\"https://example.org/report.pdf\" rel=\"external\">https://example.org/report.pdf</a>.</p>");
    }

    @Test
    void linksThePagesCannotFollowAreTheirWordsAlone() {
        assertThat(html("See [the minutes](https:minutes.example) and [the plan](https://).")).isEqualTo("<p>See the minutes and the plan.</p>");
        assertThat(html("[the audit](ftp://files.example/audit.pdf)")).as("no browser follows ftp: any more").isEqualTo("<p>the audit</p>");
        assertThat(html("[the log](https://admin:secret@files.example/log)")).as("a name before the host can pass for another host")
                .isEqualTo("<p>the log</p>");
        assertThat(html("[mail](mailto:team@example.org) [call](tel:+441234567890) [web](https://example.org/a%20b)"))
                .contains("href=\"mailto:team@example.org\"").contains("href=\"tel:+441234567890\"").contains("href=\"https://example.org/a%20b\"");
    }

    @Test
    void headingsSitBelowThePageHeadings() {
        assertThat(html("# Background")).isEqualTo("<h3>Background</h3>");
    }

    @Test
    void keepsTextThatLooksLikeMarkup() {
        assertThat(html("Use 5 < 6 & \"quotes\"")).isEqualTo("<p>Use 5 &lt; 6 &amp; \"quotes\"</p>");
    }

    /**
     * Plain texts skip the cleaner: every Markdown text of the shipped plans and the test sites, and
     * some of every kind of plain text, must come out exactly as the cleaner would write it.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("texts")
    void plainTextsComeOutAsTheCleanerWouldWriteThem(String source) {
        assertThat(renderer.toHtml(new Markdown(source))).isEqualTo(renderer.renderCleaned(source));
    }

    static java.util.stream.Stream<String> texts() throws java.io.IOException {
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of(
                "Plain", "Two\nlines", "Hard  \nbreak", "Rule\n\n---\n\nafter", "# One\n## Two\n###### Six",
                "- a\n- b\n\n1. one\n2. two", "3. starts at three", "> quoted", "    indented code", "`code` and *em* and **strong**",
                "\"quoted\" and it's & ampersand", "no\u00a0break", "Complete 04/03/2020 — done", "a_b_c and 2*3*4",
                "Setext\n===", "\\* not a list", "x\\\ny"));
        for (java.nio.file.Path content : java.util.List.of(org.followthrough.support.TestBuilds.SHIPPED_CONTENT,
                org.followthrough.support.TestBuilds.fixture("small"))) {
            var result = org.followthrough.pipeline.Pipeline.check(org.followthrough.support.TestBuilds.request(content, null));
            collect(result.archive(), texts);
        }
        return texts.stream();
    }

    /** Every Markdown text anywhere in a model. */
    private static void collect(Object value, java.util.List<String> texts) {
        if (value instanceof Markdown markdown) {
            texts.add(markdown.source());
        } else if (value instanceof java.util.Collection<?> items) {
            items.forEach(item -> collect(item, texts));
        } else if (value instanceof Record record) {
            for (var component : record.getClass().getRecordComponents()) {
                try {
                    collect(component.getAccessor().invoke(record), texts);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
    /**
     * Prose is written without the parser: for every text of the shipped plans and the test sites, and for thousands made up
     * of the characters and line starts that matter to Markdown, a text taken as prose comes out exactly as the parser makes it.
     */
    @Test
    void proseComesOutAsTheParserMakesIt() throws java.io.IOException {
        java.util.List<String> texts = new java.util.ArrayList<>(texts().toList());
        String[] pieces = {"a", "Word", "2016", "1", "12", ".", ")", ",", " ", "  ", "    ", "\n", "\n\n", "\n  \n", "-", "+", "=", "#",
                "*", "_", ":", "//", "www.", "WWW.x", "wWw.", "w", "W", "http", "@", "&", "<", ">", "\"", "'", "\u00a0", "\t", "\\", "`", "~", "|", "[", "]",
                "!", "(", "£", "é", "\u2014", "\u2003", "\ud83d\ude00", "x@y.org", "1. ", "3) ", "- ", "# "};
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int count = 1 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(text.toString());
        }
        int prose = 0;
        for (String text : texts) {
            String written = MarkdownRenderer.prose(text);
            if (written != null) {
                prose++;
                assertThat(written).as("%s", text.replace("\n", "\\n")).isEqualTo(renderer.renderParsed(text));
            }
        }
        // taken as prose often enough for the test to mean something, and for most of the shipped plans' texts (621 of 670)
        assertThat(prose).isGreaterThan(2_000);
        long shipped = texts().filter(text -> MarkdownRenderer.prose(text) != null).count();
        assertThat(shipped).isGreaterThan(texts().count() * 8 / 10);
        assertThat(MarkdownRenderer.prose("Audit the minutes of the\nsafeguarding meeting.\n\nDone in 2025 (see \"report\").\n"))
                .isEqualTo("<p>Audit the minutes of the\nsafeguarding meeting.</p>\n<p>Done in 2025 (see \"report\").</p>");
    }
}

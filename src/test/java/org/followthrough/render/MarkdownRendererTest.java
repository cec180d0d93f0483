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
    }

    @Test
    void headingsSitBelowThePageHeadings() {
        assertThat(html("# Background")).isEqualTo("<h3>Background</h3>");
    }

    @Test
    void keepsTextThatLooksLikeMarkup() {
        assertThat(html("Use 5 < 6 & \"quotes\"")).isEqualTo("<p>Use 5 &lt; 6 &amp; \"quotes\"</p>");
    }
}

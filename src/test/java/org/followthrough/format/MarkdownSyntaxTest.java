package org.followthrough.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntFunction;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * A text is too deep when its tree nests more than {@link Limits#MAX_MARKDOWN_NESTING} levels. Most texts are not
 * parsed to find out (they have too few markers to nest that deep): for every way of nesting, at every depth
 * around the limit, the answer is the one the parsed tree gives.
 */
class MarkdownSyntaxTest {

    private static final Parser PARSER = Parser.builder().extensions(MarkdownSyntax.EXTENSIONS).build();

    /** Ways of nesting n levels, each with as few markers as it can. */
    private static final List<IntFunction<String>> NESTINGS = List.of(
            n -> "> ".repeat(n) + "text",
            n -> nested(n, "- "),
            n -> nested(n, "1. "),
            n -> nested(n, "2) "),
            n -> "*".repeat(n) + "text" + "*".repeat(n),
            n -> "_a ".repeat(n) + "text" + " a_".repeat(n),
            n -> "[".repeat(n) + "text" + "](#a)".repeat(n),
            n -> "> ".repeat(n) + "| a | b |\n" + "> ".repeat(n) + "|---|---|\n" + "> ".repeat(n) + "| *[https://example.org](#x)* | b |",
            n -> nested(n, "- ") + " [see https://example.org](#x)");

    private static String nested(int n, String marker) {
        StringBuilder text = new StringBuilder();
        for (int level = 0; level < n; level++) {
            text.append(" ".repeat(level * (marker.length()))).append(marker).append("item\n");
        }
        return text.toString();
    }

    @Test
    void reportsExactlyTheTextsWhoseTreeIsTooDeep() {
        for (IntFunction<String> nesting : NESTINGS) {
            for (int n = 1; n <= 110; n++) {
                String text = nesting.apply(n);
                boolean deeper = depth(PARSER.parse(text)) > Limits.MAX_MARKDOWN_NESTING;
                assertThat(MarkdownSyntax.tooDeep(text).isPresent()).as("%d levels of %s", n, text.lines().findFirst().orElse(""))
                        .isEqualTo(deeper);
            }
        }
    }

    @Test
    void theDeepestTextsAreReportedAtTheirLine() {
        assertThat(MarkdownSyntax.tooDeep("Intro\n\n" + "> ".repeat(120) + "text")).hasValue(3);
        assertThat(MarkdownSyntax.tooDeep("A plain progress update, done on 2024-03-01 - see item 3.2.")).isEmpty();
    }

    @Test
    void aSharedDrivesPathIsToldFromTheFirstBackslashOfItsRun() {
        assertThat(MarkdownSyntax.unpublished("See \\\\fs01\\gov\\register.xlsx for the list.")).singleElement()
                .satisfies(u -> assertThat(u.message()).contains("'\\\\fs01\\gov\\register.xlsx'"));
        assertThat(MarkdownSyntax.unpublished("Three: \\\\\\fs01\\gov\\x.docx")).singleElement()
                .satisfies(u -> assertThat(u.message()).contains("'\\\\\\fs01\\gov\\x.docx'"));
        assertThat(MarkdownSyntax.unpublished("A run of backslashes \\\\\\ then words, no path")).isEmpty();
    }

    /**
     * A line of backslashes (a file of them is within the size limit) is looked at once, not from each backslash again:
     * looked at from each, a million took hours. The bound is a guard against that, hundreds of times what it takes.
     */
    @Test
    void aLineOfAMillionBackslashesIsLookedAtOnce() {
        String line = "x " + "\\".repeat(1_000_000);
        List<MarkdownSyntax.Unpublished> found = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> MarkdownSyntax.unpublished(line));
        assertThat(found).isEmpty();
    }

    private static int depth(Node node) {
        int deepest = 0;
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            deepest = Math.max(deepest, 1 + depth(child));
        }
        return deepest;
    }

    /** An address runs a script as a browser reads it: whatever its case, with spaces, tabs and control characters in it left out. */
    @Test
    void anAddressRunsAScriptAsABrowserReadsIt() {
        for (String address : List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x", "java\tscript:x", "\u0001javascript:x",
                "vbscript:msgbox(1)", "livescript:x", "data:text/html,x", "DATA:image/svg+xml;base64,PHN2Zz4=")) {
            assertThat(MarkdownSyntax.runsScript(address)).as(address).isTrue();
        }
        for (String address : List.of("https://example.org/javascript:x", "mailto:a@example.org", "#data:", "database:x", "minutes.pdf", "")) {
            assertThat(MarkdownSyntax.runsScript(address)).as(address).isFalse();
        }
    }

    /**
     * Placeholders in angle brackets, words that begin "on", and an abbreviation whose title starts "Data:" are editors'
     * words, not script: they are at most left out of the pages, with a warning, never refused.
     */
    @Test
    void wordsInAngleBracketsThatRunNothingAreNotRefused() {
        for (String text : List.of("Policy available at <link to be added>", "Complete the <template> for each case", "Status <review ongoing>",
                "<staff on leave> until May", "<TBC once appointed>", "The <abbr title=\"Data: Protection Act\">DPA</abbr> applies",
                "Escaped \\<svg/onload=alert(1)> stays words", "In code: `<svg/onload=alert(1)>`", "<meta name=\"x\">", "<base>",
                "<iframe></iframe>")) {
            assertThat(MarkdownSyntax.unpublished(text)).as(text).noneMatch(MarkdownSyntax.Unpublished::runsScript);
        }
    }

    /**
     * Script CommonMark reads as words (a slash after the tag's name) is still refused, as other Markdown readers run it; so
     * is script made of pieces of HTML that run nothing each on their own, and an address among a list of them.
     */
    @Test
    void scriptOtherMarkdownReadersWouldRunIsRefused() {
        for (String text : List.of("Done <svg/onload=alert(2)>", "<img/src/onerror=alert(1)>", "x <iframe/src=https://evil.example/>",
                "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">", "<base href=\"https://evil.example/\">",
                "<a href=\"java&#x09;script:alert(1)\">x</a>", "<form action=\"javascript:alert(1)\">",
                "<style>main { display: none }</style>", "<p style=\"background: url(https://evil.example/t.png)\">x</p>",
                "</p><script>alert(1)</script><p>",
                "<div title='Note\n\n' onmouseover=alert(document.domain) style=display:block x=y",
                "<svg><a><animate attributeName=href values=\"https://www.nhs.uk/;javascript:alert(1)\" dur=1s fill=freeze /></a></svg>")) {
            assertThat(MarkdownSyntax.unpublished(text)).as(text).anyMatch(MarkdownSyntax.Unpublished::runsScript);
        }
    }

    /** Simple formatting, tables and web links are published as written and are not refused; only what could run a script is. */
    @Test
    void onlyWhatCouldRunAScriptIsRefused() {
        assertThat(MarkdownSyntax.unpublished("<abbr title=\"Multidisciplinary team\">MDT</abbr>, <s>old</s>, [minutes](https://x.example/)"))
                .isEmpty();
        assertThat(MarkdownSyntax.unpublished("<span style=\"color: red\">Urgent</span>")).singleElement()
                .satisfies(u -> assertThat(u.runsScript()).as("a style is left out, not refused").isFalse());
        assertThat(MarkdownSyntax.unpublished("Done. <p onclick=\"alert(1)\">Click</p>")).singleElement()
                .satisfies(u -> assertThat(u.runsScript()).isTrue());
    }
}

package org.followthrough.fuzz;

import java.util.List;
import java.util.Locale;

/**
 * The values the fuzz test writes into content, by kind, each as YAML text. They are the inputs
 * that broke other tools' parsers and sites, or that sit on an edge of this format's rules.
 */
final class Values {

    private Values() {
    }

    /** Dates that cannot be, or that sit on the edge of the years dates may name, and things that look like dates. */
    static final List<String> DATES = List.of(
            "2024-02-30", "2023-02-29", "2024-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-06-00", "2024-06-32",
            "0000-01-01", "0000-00-00", "9999-12-31", "1899-12-31", "1900-01-01", "2100-12-31", "2101-01-01", "1970-01-01",
            "2026-11-23", "2026-11-24", "2024-1-5", "24-01-05", "2024/01/05", "2024-06", "2024-13", "2024-00", "2024",
            "ongoing", "Ongoing", "2024-06-30T10:00:00Z", "2024-06-30 10:00", "+2024-01-01", "-0001-01-01", "2024-W01",
            "'2024-01-15'", "\"2024-01-15\"", "20240115", "2024-01-15.5", "\"２０２４-０１-１５\"", "\"2024-01-15\\u200b\"",
            "{as_published: Spring 2025, date: 2025-02-30}", "{as_published: Never, date: 9999-12}", "{date: 2025-05}",
            "{as_published: \"\", date: 0000-01}", "[2024-01-01]");

    /** Text that is not what a field expects, or that YAML reads as another type. */
    static final List<String> ODD_SCALARS = List.of(
            "", "''", "\"\"", "~", "null", "true", "no", "yes", "on", "0x1F", "1e400", ".inf", "-.inf", ".nan", "-0", "0o17",
            "1_000", "12:30:00", "[]", "{}", "[a, [b]]", "{a: b}", "[[[[[[[[]]]]]]]]", "!!binary aGk=", "!!str 1", "!custom x",
            "!!timestamp 2024-01-01", "!!float 1", "!!map {}", "!!null ''", "&a x", "*a", "|", ">-", "|-\n  two\n  lines",
            "@x", "`x`", "%x", "- x", "? x", ": x", "x: y", "x #not a comment", "x#y", "'it''s'", "\"\\u0000\"", "\"\\uD800\"",
            "\"\\x07\"", "\"\\e\"", "\"\\N\"", "\"\\L\"", "\"\\u202E reversed\"", "\"zero\\u200Bwidth\"", "\"a\\nb\"",
            "\"\\t\"", "\" \"", "\"\\uFEFF\"", "\"\\U0001F600\"", "\"e\\u0301\"", "\"\\uFFFF\"", "\"\\uFFFE\"",
            "\"<b>bold</b>\"", "\"</title><script>alert(1)</script>\"", "\"\\\"><svg onload=alert(1)>\"",
            "\"]]><script>alert(1)</script>\"", "\"${site.title}\"", "\"#{1+1}\"", "\"<#assign x=1>\"", "\"&amp;&lt;&#0;\"",
            "\"%s%n%d\"", "\"BEGIN:VEVENT\"", "\"a\\r\\nSUMMARY:injected\"", "\"=HYPERLINK(\\\"https://evil.example/\\\")\"",
            "\"+cmd|' /C calc'!A0\"", "\"-@\"", "\"\\u0085\"", "\"\\u2028\"", "\"../../etc/passwd\"", "\"/etc/passwd\"",
            "\"C:\\\\Windows\"", "\"\\\\\\\\server\\\\share\"", "Ⅻ", "\"١٢٣\"", "\"𝟙𝟚𝟛\"", "𝕏", "\"ﷺ\"", "\"‮\"");

    /** Web addresses that match "https?://…" or nearly, but that no browser or URI parser takes as they are. */
    static final List<String> URLS = List.of(
            "https://pl{ans.example/", "https://a|b.example/", "https://[::1/", "https://[::1]/", "https://example.org/%zz/",
            "https://例え.jp/", "https://xn--r8jz45g.jp/", "javascript:alert(1)//", "\"javascript:alert(1)//\"",
            "\"https://x.example/\\\"><script>alert(1)</script>/\"", "https://user:pass@host.example/", "https:///",
            "https://x.example/#frag/", "https://x.example/?q=<b>/", "HTTPS://X.EXAMPLE/", "ftp://x.example/",
            "https://x.example", "https://x.example/../", "https://x.example/a b/", "\"https://x.example/\\u0000/\"",
            "https://x.example:99999/", "https://x.example:-1/", "https://-x-.example/", "https://x_y.example/", "http://a/",
            "https://x.example/%/", "https://x.example/^`{}/", "\"https://x.example/\\u202E/\"", "https://x.example/</script>/",
            "\"data:text/html,<script>alert(1)</script>\"", "https://x.example/'onmouseover=alert(1)'/");

    /** Ids, as a plan folder or an organisation file would be named, or as a reference would name them. */
    static final List<String> IDS = List.of(
            "Sample-Trust", "SAMPLE", "sample trust", "sample_trust", "sämple", "ｓａｍｐｌｅ", "sample\u200b", "sample\u202e",
            "con", "nul", "aux", "prn", "com1", "lpt1", "index", "assets", "data", "schema", "fragments", "organisations", "plans",
            "actions", "404", "0", "-", "-lead", "trail-", "a--b", "a.b", "..", ".", "...", ".hidden", "a/b", "../escape",
            "a\\b", "%2e%2e", "a%2fb", "~", "a:b", "a*b", "a?b", "a\"b", "a<b>", "x".repeat(255), "x".repeat(256), "e\u0301",
            "sample-trust.yaml", "\u0130", "ı");

    /** Keys an editor could write instead of the right one, or that YAML reads as something else. */
    static final List<String> KEYS = List.of(
            "Title", "TITLE", "titel", "title ", "\"title\"", "'date'", "1", "null", "~", "true", "<<", "? title",
            "summary", "date", "status", "organisations", "actions", "progress", "text", "ref", "number", "target", "name",
            "type", "logo", "file", "as_published", "scales", "lifecycle", "code", "base_url", "time_zone", "x".repeat(300),
            "ti\u200btle", "tïtle", "__proto__", "constructor", "@type");

    /** Lines of YAML that change a document's structure when put in anywhere. */
    static final List<String> LINES = List.of(
            "---", "...", "--- !!map", "%YAML 1.1", "%TAG ! tag:evil.example,2000:", "# comment", "? complex", ": key",
            "!!map", "- dangling", "extra: &a [1, 2]", "<<: *a", "&anchor", "*alias", "unknown_field: 1", "  indented: x",
            "\t", " ", "key: |", "key: >", "[", "{", "]", "\"", "'", "title: second title", "- {ref: \"9.9\"}", "\ufeff---");

    /** Markdown and HTML that must never run script, load anything or break out of the page. */
    static final List<String> MARKDOWN = List.of(
            "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">click</a>", "[click](javascript:alert(1))", "[click](JaVaScRiPt:alert(1))",
            "[click](java\tscript:alert(1))", "[click](&#106;avascript:alert(1))", "[click](%6Aavascript:alert(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "![x](data:image/svg+xml,<svg onload=alert(1)>)",
            "![x](javascript:alert(1))", "<javascript:alert(1)>", "[ref]\n\n[ref]: javascript:alert(1)", "[click](vbscript:msgbox(1))",
            "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>", "<iframe src=\"https://evil.example/\"></iframe>",
            "<style>body{background:url(javascript:alert(1))}</style>", "<form action=\"javascript:alert(1)\"><button>x</button></form>",
            "<details open ontoggle=alert(1)>x</details>", "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "<base href=\"https://evil.example/\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"javascript:alert(1)\">", "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<p style=\"x:expression(alert(1))\">x</p>", "<!-- <script>alert(1)</script> -->", "<![CDATA[<script>alert(1)</script>]]>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", "<template><script>alert(1)</script></template>",
            "<textarea><script>alert(1)</script></textarea>", "<title><script>alert(1)</script></title>",
            "<a href=\" javascript:alert(1)\">x</a>", "<a href=\"\u0001javascript:alert(1)\">x</a>", "<a href=javascript&#58;alert(1)>x</a>",
            "<a href=\"https://ok.example/\" onclick=\"alert(1)\">x</a>", "<a href=\"https://ok.example/\" target=_blank>x</a>",
            "<table><tr><td background=\"javascript:alert(1)\">x</td></tr></table>", "<video poster=javascript:alert(1)>",
            "<input autofocus onfocus=alert(1)>", "<select onchange=alert(1)><option>x</option></select>",
            "<body onload=alert(1)>", "<link rel=import href=\"https://evil.example/\">", "<isindex action=javascript:alert(1)>",
            "<img src=\"x\" alt=\"\" onerror=\"alert(1)\"/>", "<scr<script>ipt>alert(1)</script>", "</p><script>alert(1)</script><p>",
            "`<script>alert(1)</script>`", "```html\n<script>alert(1)</script>\n```", "    <script>alert(1)</script>",
            "<https://ok.example/?<script>alert(1)</script>>", "https://ok.example/\"onmouseover=\"alert(1)",
            "www.evil.example/<script>", "[x](https://ok.example/ \"title\\\" onmouseover=\\\"alert(1)\")",
            "| a | b |\n|---|---|\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |", "# <script>alert(1)</script>",
            "> <script>alert(1)</script>", "- <script>alert(1)</script>", "***<script>alert(1)</script>***", "\\<script>alert(1)\\</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;", "<sCrIpT>alert(1)</ScRiPt>", "<script\n>alert(1)</script\n>",
            "<x onclick=alert(1)>x</x>", "<a href=\"#\" onclick=\"alert(1)\">x</a>", "<abbr title=\"x\" onmouseover=\"alert(1)\">x</abbr>",
            "<mark style=\"position:fixed;top:0;left:0;width:100%;height:100%\">covering</mark>", "<h1>heading</h1>", "---", "***",
            "[a]: <javascript:alert(1)>\n\n[a]", "<a href='javascript:alert(1)'>x</a>", "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<a href=\"mailto:a@b.example\">mail</a>", "<a href=\"tel:+44\">tel</a>", "<a href=\"//evil.example/\">x</a>",
            "<del>x</del><ins>y</ins><s>z</s>", "<!DOCTYPE html>", "<?php echo 1; ?>", "<!--", "-->", "<", "&", "]]>");

    /** Text a title or name holds, of many lengths: one-line texts may be at most 2,000 characters. */
    static List<String> longTexts() {
        return List.of("x".repeat(1999), "x".repeat(2000), "x".repeat(2001), "😀".repeat(1000), "😀".repeat(1001),
                "e\u0301".repeat(1000), "w ".repeat(1000).strip(), "ﷺ".repeat(2000));
    }

    /**
     * A YAML double-quoted scalar holding {@code text} exactly; control, invisible and line-separating
     * characters are written as escapes, which YAML reads as the characters themselves.
     */
    static String doubleQuoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                        out.append(String.format(Locale.ROOT, "\\x%02X", c));
                    } else if (Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029 || c == 0xFFFE || c == 0xFFFF) {
                        out.append(String.format(Locale.ROOT, "\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}

package org.followthrough.serve;

import java.util.List;
import org.followthrough.problem.Problem;

/**
 * What the preview shows instead of a page when the content or a template has problems: each
 * problem with its file:line:column, message and hint, as {@code check} prints them. Its look is its
 * own, not the site's, so that broken templates cannot break it; every text from the content is escaped.
 */
final class ProblemsPage {

    private static final String STYLE = """
            body { font: 1.05rem/1.5 system-ui, sans-serif; margin: 0; color: #0b0c0c; background: #fff; }
            main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
            h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
            .box { border-left: .4rem solid #b10e1e; padding: .25rem 1rem; }
            .box.warnings { border-left-color: #8a6d00; }
            ol { padding-left: 1.5rem; } li { margin: 1rem 0; }
            code { font: .95rem/1.4 ui-monospace, monospace; background: #f3f2f1; padding: .1rem .3rem; overflow-wrap: anywhere; }
            code .place { display: inline-block; max-width: 100%; }
            .hint { margin: .25rem 0 0; color: #3d3d3d; }
            a { color: #1d4f91; } a:focus { outline: 3px solid #fd0; background: #fd0; }
            """;

    private ProblemsPage() {
    }

    /**
     * The page listing the problems of a rebuild.
     *
     * @param lastGood  the address of the requested page in the last good site, or null when there is none
     * @param templates the site's templates folder, as problems name it: problems there are the templates', not the content's
     */
    static String ofContent(List<Problem> problems, String lastGood, String templates) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        long inTemplates = errors.stream().filter(p -> p.location().file().startsWith(templates)
                || p.location().file().startsWith(org.followthrough.pipeline.Pipeline.BUILT_IN_TEMPLATE)).count();
        String where = inTemplates == 0 ? "the content" : inTemplates == errors.size() ? "the templates" : "the content and templates";
        String title = (errors.size() == 1 ? "1 problem in " : errors.size() + " problems in ") + where;
        StringBuilder html = start(title);
        html.append("<p>The preview could not be built from the files as they are now. Fix ").append(errors.size() == 1 ? "it" : "them")
                .append(" and save: this page reloads by itself when the site can be rebuilt.</p>\n");
        if (lastGood != null) {
            html.append("<p><a href=\"").append(escape(lastGood)).append("\">Show this page as it was before the change</a></p>\n");
        }
        return end(list(html, problems));
    }

    /**
     * The warnings of a site that was built: worth a look, though nothing stops it being published.
     *
     * @param site the address of the site's home page, to go back to
     * @param page the address of the page of the site the list was opened from, to go back to; null when there is none
     */
    static String ofWarnings(List<Problem> warnings, String site, String page) {
        StringBuilder html = start(warnings.size() == 1 ? "1 warning about the content" : warnings.size() + " warnings about the content",
                "box warnings");
        html.append("<p>The site was built, and could be published as it is; these are worth a look, as <code>check</code> says.</p>\n")
                .append("<p><a href=\"").append(escape(page != null ? page : site)).append("\">")
                .append(page != null ? "Back to the page" : "Back to the site").append("</a></p>\n");
        return end(list(html, warnings));
    }

    /**
     * A notice at the top of a page of a site built with warnings, which only the terminal told before.
     *
     * @param warningsAddress where the preview lists them
     */
    static String warningsNotice(int warnings, String warningsAddress) {
        return "<div style=\"margin:0;padding:.5rem 1rem;background:#fff4ce;color:#1f1f1f;border-bottom:2px solid #8a6d00;"
                + "font:1rem/1.4 system-ui,sans-serif\">Preview: the content has " + (warnings == 1 ? "1 warning" : warnings + " warnings")
                + ". <a style=\"color:#1f1f1f;font-weight:bold\" href=\"" + escape(warningsAddress) + "\">Show "
                + (warnings == 1 ? "it" : "them") + "</a></div>";
    }

    /** The page shown for a file that could not be made: a template mistake, or no fonts for a PDF. */
    static String ofFile(Problem problem) {
        StringBuilder html = start("This page could not be made");
        html.append("<p>Fix the problem and save: this page reloads by itself.</p>\n");
        return end(list(html, List.of(problem)));
    }

    /**
     * A notice at the top of a page of the last good site, shown while the content has problems.
     *
     * @param problemsAddress the address of the same page, which shows the problems
     */
    static String banner(int errors, String problemsAddress) {
        return "<div role=\"alert\" style=\"position:sticky;top:0;z-index:1000;margin:0;padding:.75rem 1rem;background:#b10e1e;"
                + "color:#fff;font:1rem/1.4 system-ui,sans-serif\">This is the page as it was before your last change: the content now has "
                + (errors == 1 ? "1 problem" : errors + " problems") + ". <a style=\"color:#fff;font-weight:bold\" href=\""
                + escape(problemsAddress) + "\">Show the problems</a></div>";
    }

    private static StringBuilder start(String title) {
        return start(title, "box");
    }

    private static StringBuilder start(String title, String boxClass) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append(" – preview</title>\n<style>").append(STYLE).append("</style>\n</head>\n")
                .append("<body>\n<main>\n<div class=\"").append(boxClass).append("\">\n<h1>").append(escape(title)).append("</h1>\n");
        return html;
    }

    private static StringBuilder list(StringBuilder html, List<Problem> problems) {
        html.append("</div>\n<ol>\n");
        for (Problem problem : problems) {
            html.append("<li><code>").append(place(problem.location().toString())).append("</code><br>");
            if (!problem.isError()) {
                html.append("<strong>Warning:</strong> ");
            }
            html.append(escape(problem.message()));
            if (problem.hint() != null) {
                html.append("<p class=\"hint\">").append(escape(problem.hint())).append("</p>");
            }
            html.append("</li>\n");
        }
        return html.append("</ol>\n");
    }

    /**
     * A file:line:column to wrap on a phone: after any '/' of its folders, and inside the file's name and its line and
     * column, which are read together, only where they are longer than a line.
     */
    static String place(String location) {
        int last = location.lastIndexOf('/');
        String folders = escape(location.substring(0, last + 1)).replace("/", "/<wbr>");
        return folders + "<span class=\"place\">" + escape(location.substring(last + 1)) + "</span>";
    }

    private static String end(StringBuilder html) {
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

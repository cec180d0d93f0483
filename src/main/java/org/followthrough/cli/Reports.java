package org.followthrough.cli;

import java.io.PrintWriter;
import java.util.List;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.problem.Problem;

/** Prints problems the way editors' tools expect: one per line, file:line:column first. */
final class Reports {

    private Reports() {
    }

    /**
     * For {@code check}, which never writes: the summary speaks of what was checked. Text goes to
     * standard error with a summary; the other forms are documents for tools and go to standard output
     * alone. The exit code is the same in every form.
     */
    static int reportCheck(BuildResult result, String content, ProblemFormat format, PrintWriter out, PrintWriter err) {
        if (format != ProblemFormat.TEXT) {
            format.write(result.problems(), out);
            return result.problems().stream().anyMatch(Problem::isError) ? Main.CONTENT_PROBLEMS : Main.OK;
        }
        return report(result.problems(), result.notWritten(), err, "found in " + content + ".");
    }

    /** For {@code build}: the summary says that the output folder was left as it was, or that there is none yet. */
    static int reportBuild(BuildResult result, String out, PrintWriter err) {
        boolean partly = result.problems().stream().anyMatch(p -> p.message().contains(org.followthrough.output.OutputFolder.PARTLY_CHANGED));
        return report(result.problems(), result.notWritten(), err, partly ? "found; " + out + " " + org.followthrough.output.OutputFolder.PARTLY_CHANGED
                + ", and the next build puts it right." : "found; nothing was published"
                + (java.nio.file.Files.exists(java.nio.file.Path.of(out)) ? ", and " + out + " is unchanged." : " (there is no " + out + " yet)."));
    }

    /**
     * For commands that write files of the content (import, export): prints the problems, then a file that
     * could not be written, and returns the exit code; {@code consequence} says what an error stopped ("nothing was written").
     */
    static int report(List<Problem> problems, Problem writeFailure, PrintWriter err, String consequence) {
        int code = report(problems, false, err, "found; " + consequence + ".");
        if (code == Main.OK && writeFailure != null) {
            err.println(line(writeFailure));
            return Main.NOT_WRITTEN;
        }
        return code;
    }

    private static int report(List<Problem> problems, boolean notWritten, PrintWriter err, String outcome) {
        for (Problem problem : problems) {
            err.println(line(problem));
        }
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        if (errors > 0) {
            err.println(count(errors, "problem") + (warnings > 0 ? " and " + count(warnings, "warning") : "") + " " + outcome);
            return notWritten ? Main.NOT_WRITTEN : Main.CONTENT_PROBLEMS;
        }
        if (warnings > 0) {
            err.println(count(warnings, "warning") + ".");
        }
        return Main.OK;
    }

    /**
     * A problem as one line of a terminal: a control character in it (a file named with a line break or an
     * escape sequence, which could forge a line or recolour the terminal) is written as a backslash escape instead.
     */
    static String line(Problem problem) {
        String text = problem.format();
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                line.append("\\n");
            } else if (c == '\r') {
                line.append("\\r");
            } else if (c == '\t') {
                line.append("\\t");
            } else if (Character.getType(c) == Character.CONTROL) {
                line.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
            } else {
                line.appendCodePoint(c);
            }
        });
        return line.toString();
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

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

    /** For {@code build}: the summary says that the output folder was left as it was. */
    static int reportBuild(BuildResult result, String out, PrintWriter err) {
        return report(result.problems(), result.notWritten(), err, "found; nothing was published, and " + out + " is unchanged.");
    }

    /**
     * For commands that write files of the content (import, export): prints the problems, then a file that
     * could not be written, and returns the exit code; {@code consequence} says what an error stopped ("nothing was written").
     */
    static int report(List<Problem> problems, Problem writeFailure, PrintWriter err, String consequence) {
        int code = report(problems, false, err, "found; " + consequence + ".");
        if (code == Main.OK && writeFailure != null) {
            err.println(writeFailure.format());
            return Main.NOT_WRITTEN;
        }
        return code;
    }

    private static int report(List<Problem> problems, boolean notWritten, PrintWriter err, String outcome) {
        for (Problem problem : problems) {
            err.println(problem.format());
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

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

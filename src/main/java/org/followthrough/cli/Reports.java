package org.followthrough.cli;

import java.io.PrintWriter;
import org.followthrough.build.BuildResult;
import org.followthrough.problem.Problem;

/** Prints problems the way editors' tools expect: one per line, file:line:column first. */
final class Reports {

    private Reports() {
    }

    /**
     * Prints the problems in the form asked for. Text goes to standard error with a summary; the other
     * forms are documents for tools and go to standard output alone. The exit code is the same in every form.
     */
    static int report(BuildResult result, ProblemFormat format, PrintWriter out, PrintWriter err) {
        if (format == ProblemFormat.TEXT) {
            return report(result, err);
        }
        format.write(result.problems(), out);
        return result.problems().stream().anyMatch(Problem::isError) ? Main.CONTENT_PROBLEMS : Main.OK;
    }

    static int report(BuildResult result, PrintWriter err) {
        for (Problem problem : result.problems()) {
            err.println(problem.format());
        }
        long errors = result.problems().stream().filter(Problem::isError).count();
        long warnings = result.problems().size() - errors;
        if (errors > 0) {
            err.println(errors + (errors == 1 ? " problem" : " problems") + (warnings > 0 ? " and " + warnings + " warning(s)" : "")
                    + " found; nothing was published.");
            return Main.CONTENT_PROBLEMS;
        }
        if (warnings > 0) {
            err.println(warnings + " warning(s).");
        }
        return Main.OK;
    }
}

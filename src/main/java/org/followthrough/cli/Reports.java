package org.followthrough.cli;

import java.io.PrintWriter;
import org.followthrough.build.BuildResult;
import org.followthrough.problem.Problem;

/** Prints problems the way editors' tools expect: one per line, file:line:column first. */
final class Reports {

    private Reports() {
    }

    static int report(BuildResult result, PrintWriter err) {
        return report(result.problems(), err, "nothing was published");
    }

    /** Prints the problems and returns the exit code; {@code consequence} says what an error stopped ("nothing was written"). */
    static int report(java.util.List<Problem> problems, PrintWriter err, String consequence) {
        for (Problem problem : problems) {
            err.println(problem.format());
        }
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        if (errors > 0) {
            err.println(errors + (errors == 1 ? " problem" : " problems") + (warnings > 0 ? " and " + warnings + " warning(s)" : "")
                    + " found; " + consequence + ".");
            return Main.CONTENT_PROBLEMS;
        }
        if (warnings > 0) {
            err.println(warnings + " warning(s).");
        }
        return Main.OK;
    }

    /** Reports a file that could not be written, after any problems, and returns the exit code for it. */
    static int report(java.util.List<Problem> problems, Problem writeFailure, PrintWriter err, String consequence) {
        int code = report(problems, err, consequence);
        if (code == Main.OK && writeFailure != null) {
            err.println(writeFailure.format());
            return Main.NOT_WRITTEN;
        }
        return code;
    }
}

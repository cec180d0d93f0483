package org.followthrough.cli;

import java.io.PrintWriter;
import org.followthrough.build.BuildResult;
import org.followthrough.problem.Problem;

/** Prints problems the way editors' tools expect: one per line, file:line:column first; then what came of it and the exit code. */
final class Reports {

    private Reports() {
    }

    /** For {@code check}, which never writes: the summary speaks of what was checked. */
    static int reportCheck(BuildResult result, String content, PrintWriter err) {
        return report(result, err, "found in " + content + ".");
    }

    /** For {@code build}: the summary says that the output folder was left as it was. */
    static int reportBuild(BuildResult result, String out, PrintWriter err) {
        return report(result, err, "found; nothing was published, and " + out + " is unchanged.");
    }

    private static int report(BuildResult result, PrintWriter err, String outcome) {
        for (Problem problem : result.problems()) {
            err.println(problem.format());
        }
        long errors = result.problems().stream().filter(Problem::isError).count();
        long warnings = result.problems().size() - errors;
        if (errors > 0) {
            err.println(count(errors, "problem") + (warnings > 0 ? " and " + count(warnings, "warning") : "") + " " + outcome);
            return result.notWritten() ? Main.NOT_WRITTEN : Main.CONTENT_PROBLEMS;
        }
        if (warnings > 0) {
            err.println(count(warnings, "warning") + ".");
        }
        return Main.OK;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

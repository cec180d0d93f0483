package org.followthrough.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;

/** One run of the command line in the test's own process: its exit code and everything it printed. */
record CommandRun(int code, String out, String err) {

    static CommandRun of(Clock clock, String... args) {
        return of(clock, java.util.Map.of(), args);
    }

    /** A run that sees only these environment variables. */
    static CommandRun of(Clock clock, java.util.Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), clock, environment::get, args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    String all() {
        return out + err;
    }
}

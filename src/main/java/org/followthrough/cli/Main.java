package org.followthrough.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: maps options to a request and calls the pipeline. Tests call {@link #run}. */
@Command(name = "followthrough", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Publishes action plans written as YAML and Markdown as an accessible static website.",
        subcommands = {BuildCommand.class, CheckCommand.class, SchemaCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:problems in the content or templates (each reported as file:line:column)",
                "2:the command line was wrong", "3:the site could not be written"})
public final class Main implements Runnable {

    static final int OK = 0;
    static final int CONTENT_PROBLEMS = 1;
    static final int USAGE = 2;
    /** Running out of memory leaves the site unwritten, like any other failure to write it. */
    static final int OUT_OF_MEMORY = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    final Clock clock;

    Main(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // A worker thread can run out of memory where the error cannot reach the command: say it in the same one line.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError) {
                err.println(outOfMemory(args));
                Runtime.getRuntime().halt(OUT_OF_MEMORY);
            }
            e.printStackTrace();
        });
        System.exit(run(out, err, Clock.systemUTC(), args));
    }

    /** Runs a command and returns its exit code; nothing is thrown for bad content or bad arguments. */
    public static int run(PrintWriter out, PrintWriter err, Clock clock, String... args) {
        CommandLine cli = new CommandLine(new Main(clock), new Factory(clock));
        cli.registerConverter(java.time.LocalDate.class, Main::date);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("followthrough: internal error: " + e);
            err.println("Please report this with the command you ran; the published site was not changed.");
            return 70;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            // The work that filled the heap has unwound by now, so there is room to say so in one line.
            err.println(outOfMemory(args));
            code = OUT_OF_MEMORY;
        }
        out.flush();
        err.flush();
        return code;
    }

    private static String outOfMemory(String... args) {
        return "followthrough: ran out of memory (Java may use " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB); nothing was published. Give Java more memory, e.g. java -Xmx4g -jar followthrough.jar " + String.join(" ", args);
    }

    /** Dates on the command line: YYYY-MM-DD and a real calendar day, with a message editors understand. */
    static java.time.LocalDate date(String text) {
        try {
            return java.time.LocalDate.parse(text, java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd")
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT));
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a real date written as YYYY-MM-DD");
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Gives commands the clock, so "today" can be fixed in tests. */
    private record Factory(Clock clock) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == Main.class) {
                return cls.cast(new Main(clock));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"followthrough " + (v == null ? "development" : v)};
        }
    }
}

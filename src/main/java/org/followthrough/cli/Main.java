package org.followthrough.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.followthrough.format.Limits;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: maps options to a request and calls the pipeline. Tests call {@link #run}. */
@Command(name = "followthrough", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Publishes action plans written as YAML and Markdown as an accessible static website.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:problems in the content or templates (each reported as file:line:column), or in an imported file",
                "2:the command line was wrong", "3:the site or the files (an exported or imported file, a new repository) could not be written, or serve could not listen on its port",
                "70:an internal error of Followthrough's own: please report it with the command you ran"})
public final class Main implements Runnable {

    static final int OK = 0;
    static final int CONTENT_PROBLEMS = 1;
    static final int USAGE = 2;
    static final int NOT_WRITTEN = 3;
    /** An error of Followthrough's own, as the handler of unforeseen exceptions reports one. */
    static final int INTERNAL_ERROR = 70;
    /** Running out of memory leaves the site unwritten, like any other failure to write it. */
    static final int OUT_OF_MEMORY = NOT_WRITTEN;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Also print what the libraries log (PDFBox, Freemarker), e.g. when reporting a problem.")
    boolean verbose;

    final Clock clock;
    /** The environment variables commands read (the process's own, but for tests). */
    final UnaryOperator<String> environment;

    Main(Clock clock, UnaryOperator<String> environment) {
        this.clock = clock;
        this.environment = environment;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // A worker thread can run out of memory where the error cannot reach the command: say it in the same one line.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (ranOutOfMemory(e)) {
                err.println(outOfMemory(args));
                Runtime.getRuntime().halt(OUT_OF_MEMORY);
            }
            e.printStackTrace();
        });
        System.exit(run(out, err, Clock.systemUTC(), args));
    }

    /** Runs a command and returns its exit code; nothing is thrown for bad content or bad arguments. */
    public static int run(PrintWriter out, PrintWriter err, Clock clock, String... args) {
        return run(out, err, clock, System::getenv, args);
    }

    /** The same, with these environment variables instead of the process's. */
    public static int run(PrintWriter out, PrintWriter err, Clock clock, UnaryOperator<String> environment, String... args) {
        CommandLine cli = new CommandLine(new Main(clock, environment), new Factory(clock, environment));
        addCommands(cli, args);
        cli.registerConverter(java.time.LocalDate.class, Main::date);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("followthrough: internal error: " + e);
            err.println("Please report this with the command you ran; the published site was not changed.");
            return INTERNAL_ERROR;
        });
        // A wrong option is one line and where to read more, not the whole usage, which pushes the line off a small terminal.
        cli.setParameterExceptionHandler((e, ignored) -> {
            CommandLine wrong = e.getCommandLine();
            err.println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Run '" + wrong.getCommandSpec().qualifiedName() + " --help' for its options.");
            return wrong.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionStrategy(parseResult ->
                LibraryLogs.around(verbose(parseResult), err, () -> new CommandLine.RunLast().execute(parseResult)));
        int code;
        try {
            code = cli.execute(args);
        } catch (Error e) {
            if (ranOutOfStack(e)) {
                // A text the checks did not foresee, nested or repeated deeper than Java's stack: one line, not a thousand.
                err.println("followthrough: internal error: a text in the content ran Java out of stack (StackOverflowError)");
                err.println("Please report this with the command you ran; the published site was not changed.");
                out.flush();
                err.flush();
                return INTERNAL_ERROR;
            }
            if (!ranOutOfMemory(e)) {
                throw e;
            }
            // The work that filled the heap has unwound by now, so there is room to say so in one line.
            err.println(outOfMemory(args));
            code = OUT_OF_MEMORY;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Each command by its name, in the order the usage lists them. */
    private static final java.util.Map<String, Class<?>> COMMANDS = commands(BuildCommand.class, CheckCommand.class, ServeCommand.class,
            SchemaCommand.class, InitCommand.class, NewCommand.class, ExportCommand.class, ImportCommand.class);

    private static java.util.Map<String, Class<?>> commands(Class<?>... classes) {
        java.util.Map<String, Class<?>> commands = new java.util.LinkedHashMap<>();
        for (Class<?> command : classes) {
            commands.put(command.getAnnotation(Command.class).name(), command);
        }
        return java.util.Collections.unmodifiableMap(commands);
    }

    /**
     * Sets up the command the arguments name, or every command where they name none (the usage lists them all, and a
     * mistyped name is answered with the nearest) or ask for help or the version before it (the usage then printed is the
     * tool's own, with every command). Picocli reads each command's options by reflection as it sets it up, and loads the
     * classes they name, which for all eight is a good part of a short run's start.
     */
    static void addCommands(CommandLine cli, String... args) {
        Class<?> only = null;
        for (String arg : args) {
            // the one option before a command that leaves the command to run
            if (!arg.equals("--verbose")) {
                only = COMMANDS.get(arg);
                break;
            }
        }
        for (Class<?> command : COMMANDS.values()) {
            if (only == null || command == only) {
                cli.addSubcommand(command);
            }
        }
    }

    private static boolean verbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Whether an error is a thread's stack running out, or was caused by one. */
    static boolean ranOutOfStack(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an error is the heap running out, also when it struck while a class was being set up
     * (time-zone rules, for one), which reaches us as an ExceptionInInitializerError or a
     * NoClassDefFoundError caused by it.
     */
    static boolean ranOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private static String outOfMemory(String... args) {
        long megabytes = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return "followthrough: ran out of memory (Java may use " + megabytes + " MB); nothing was published. Give Java more memory,"
                + " e.g. java -Xmx" + moreMemory(megabytes) + "g -jar followthrough.jar " + String.join(" ", args);
    }

    /** The gigabytes to suggest to a build that ran out in this many megabytes: twice as many, and at least 4. */
    static long moreMemory(long megabytes) {
        return Math.max(4, (2 * megabytes + 1023) / 1024);
    }

    /**
     * Dates on the command line: YYYY-MM-DD, a real calendar day, and in the years the content's dates may name (a
     * mistyped year would show every action overdue, or none), with a message editors understand.
     */
    static java.time.LocalDate date(String text) {
        java.time.LocalDate date;
        try {
            date = java.time.LocalDate.parse(text, java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd")
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT));
        } catch (java.time.format.DateTimeParseException e) {
            java.util.Optional<java.time.LocalDate> meant = org.followthrough.format.ShapeChecker.dayFirst(text);
            if (meant.isPresent()) {
                throw new CommandLine.TypeConversionException("'" + text + "' is written day first: write dates year first, YYYY-MM-DD ("
                        + meant.get() + ")");
            }
            java.util.Optional<String> yearFirst = org.followthrough.format.ShapeChecker.impossible(text);
            if (yearFirst.isPresent()) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a real date" + yearFirst.get() + "; check the day and month");
            }
            java.util.Optional<String> impossible = org.followthrough.format.ShapeChecker.dayFirstImpossible(text);
            throw new CommandLine.TypeConversionException(impossible.map(why -> "'" + text + "' is not a real date" + why
                    + "; write dates year first, YYYY-MM-DD").orElse("'" + text + "' is not a real date written as YYYY-MM-DD"));
        }
        if (date.getYear() < Limits.EARLIEST_YEAR || date.getYear() > Limits.LATEST_YEAR) {
            throw new CommandLine.TypeConversionException("'" + text + "' is outside the years " + Limits.EARLIEST_YEAR + " to "
                    + Limits.LATEST_YEAR + " that dates may name; check the year");
        }
        return date;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Gives commands the clock and the environment, so that "today" and the variables can be fixed in tests. */
    private record Factory(Clock clock, UnaryOperator<String> environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == Main.class) {
                return cls.cast(new Main(clock, environment));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    /** The version the build wrote into {@code version.properties}: the same in the jar and in the tests. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"followthrough " + number()};
        }

        static String number() {
            return property("version");
        }

        /** This release's version, home page and distribution address, as the build wrote them. */
        static org.followthrough.scaffold.StarterRepository.Release release() {
            return new org.followthrough.scaffold.StarterRepository.Release(number(), property("home"), property("download"));
        }

        private static String property(String key) {
            try (java.io.InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    throw new IllegalStateException("version.properties is missing from the build");
                }
                java.util.Properties properties = new java.util.Properties();
                properties.load(in);
                return properties.getProperty(key);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}

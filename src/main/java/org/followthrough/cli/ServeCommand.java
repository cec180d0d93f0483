package org.followthrough.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.problem.Problem;
import org.followthrough.serve.PreviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Preview the site in a browser while you edit it: serve builds it in memory and shows it on this computer only.",
                "When a file of the content or templates is saved, the site is rebuilt and the open page reloads by itself; "
                        + "problems are shown in the browser, with the last good site behind a link. Nothing is written to disk.",
                "PDF summaries are made when they are opened. Stop serve with Ctrl+C."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    /** This command, for usage errors: they show its own usage, not the top-level command's. */
    @Spec
    CommandSpec spec;

    @Mixin
    ContentOptions options;

    @Mixin
    TemplatesOption templates;

    @Mixin
    CacheReadOption cache;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8000", converter = Port.class,
            description = "The port to serve on, at 127.0.0.1 (default: ${DEFAULT-VALUE}); 0 for any free port.")
    int port;

    /** A port as a whole number from 0 to 65535, told in words otherwise ("'abc' is not a port"), not as a Java type. */
    static final class Port implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            if (text.matches("\\d{1,5}") && Integer.parseInt(text) <= 65_535) {
                return Integer.parseInt(text);
            }
            throw new picocli.CommandLine.TypeConversionException("'" + text + "' is not a port: give a whole number from 1 to 65535,"
                    + " such as 8000, or 0 for any free port");
        }
    }

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Compute statuses, overdue and staleness as at this date (default: today in the site's time zone).")
    LocalDate asOf;

    /** The warnings last printed, so that a rebuild does not print the same ones again. */
    private List<Problem> warningsShown = List.of();
    /** Whether a build has succeeded since serve started: until one has, there is no last good site to show. */
    private boolean built;
    /** The server, once started, and the address last printed: a changed base_url moves the site, which is said. */
    private volatile PreviewServer serving;
    private String addressShown;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be a number from 0 to 65535, not " + port);
        }
        PrintWriter out = main.spec.commandLine().getOut();
        PrintWriter err = main.spec.commandLine().getErr();
        BuildRequest request = new BuildRequest(options.content, templates.templates(main), null, asOf, null, main.clock)
                .withCache(cache.folder());
        PreviewServer.Listener listener = new PreviewServer.Listener() {
            @Override
            public void rebuilt(List<Problem> problems, boolean succeeded, long millis, boolean first) {
                report(problems, succeeded, millis, first, out, err);
            }

            @Override
            public void couldNotMake(String path, Problem problem) {
                synchronized (ServeCommand.this) {
                    err.println("The browser asked for " + path + ", which could not be made:");
                    Reports.report(List.of(problem), null, err, "the browser shows the problem; the rest of the site is served as it is");
                    err.flush();
                }
            }
        };
        try (PreviewServer server = PreviewServer.start(request, port, listener)) {
            addressShown = server.address();
            serving = server;
            out.println("Serving the site at " + addressShown);
            out.println("Open it in a browser; the page reloads when you save a file in " + options.content + " or "
                    + request.templates() + ". Press Ctrl+C to stop.");
            out.flush();
            new CountDownLatch(1).await();
        } catch (BindException e) {
            err.println("followthrough serve: cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ") — another program uses it;"
                    + " give another port with --port N, or --port 0 for any free one");
            return Main.NOT_WRITTEN;
        } catch (IOException e) {
            err.println("followthrough serve: cannot start: " + e.getMessage());
            return Main.NOT_WRITTEN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }

    private synchronized void report(List<Problem> problems, boolean succeeded, long millis, boolean first, PrintWriter out,
                                     PrintWriter err) {
        if (!succeeded) {
            warningsShown = List.of();
            Reports.report(problems, null, err, built ? "the browser shows the problems, with the last good site behind a link"
                    : "the browser shows the problems; the site appears when they are fixed");
            err.flush();
            return;
        }
        boolean firstSite = !built;
        built = true;
        if (!problems.equals(warningsShown)) {
            Reports.report(problems, null, err, "");
            warningsShown = problems;
        }
        out.println((first ? "Checked the content in " : "Rebuilt in ") + ProgressLine.seconds(millis) + ".");
        PreviewServer server = serving;
        if (server != null && !server.address().equals(addressShown)) {
            addressShown = server.address();
            out.println(firstSite ? "The site is served at " + addressShown + "."
                    : "The site's base_url changed: it is now served at " + addressShown + " (open pages follow it there).");
        }
        out.flush();
    }
}

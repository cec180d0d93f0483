package org.followthrough.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.followthrough.cli.Main;
import org.followthrough.support.TestBuilds;

/**
 * {@code followthrough serve} run as an editor runs it, on a free port, in a thread of the test's
 * own process; {@link #close()} stops it as Ctrl+C would and waits for it to end.
 */
final class ServeRun implements AutoCloseable {

    /** How long a change may take to show: far more than it needs, for a busy machine. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern ADDRESS = Pattern.compile("Serving the site at (http://\\S+)");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger code = new AtomicInteger(-1);
    private final Thread thread;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String address;

    private ServeRun(Path content, Path templates, List<String> more) {
        List<String> arguments = new ArrayList<>(List.of("serve", "--content", content.toString(), "--templates", templates.toString(),
                "--port", "0", "--as-of", TestBuilds.AS_OF.toString()));
        arguments.addAll(more);
        thread = new Thread(() -> code.set(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), TestBuilds.CLOCK,
                arguments.toArray(String[]::new))), "serve under test");
        thread.start();
        Matcher started = waitFor(() -> ADDRESS.matcher(out.toString()), Matcher::find, "serve to print its address");
        address = started.group(1);
    }

    /**
     * Starts serve on a content folder, with a templates folder that does not exist yet (the built-in templates), and
     * without the build cache of the folder the tests run in.
     */
    static ServeRun on(Path content, Path templates) {
        return new ServeRun(content, templates, List.of("--no-cache"));
    }

    /** The same, with other options ({@code --cache DIR}). */
    static ServeRun on(Path content, Path templates, String... options) {
        return new ServeRun(content, templates, List.of(options));
    }

    /** The address serve printed: the site's home page. */
    String address() {
        return address;
    }

    /** The server's root, "http://127.0.0.1:PORT". */
    String origin() {
        URI uri = URI.create(address);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** GETs an address of the server, from its root ("/plans/x/"). */
    HttpResponse<String> get(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(origin() + path)).timeout(PATIENCE).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return client;
    }

    /** GETs an address until its answer passes {@code test}; fails with the last answer after {@link #PATIENCE}. */
    HttpResponse<String> getUntil(String path, Predicate<HttpResponse<String>> test, String what) {
        return waitFor(() -> get(path), test, what);
    }

    /** Asks until the answer passes the test, without sleeping longer than needed; fails with the last answer after {@link #PATIENCE}. */
    static <T> T waitFor(Supplier<T> ask, Predicate<T> test, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = ask.get();
        while (!test.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + "; last saw:\n"
                        + (last instanceof HttpResponse<?> response ? response.statusCode() + "\n" + response.body() : last));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = ask.get();
        }
        return last;
    }

    /** Replaces text in a file as an editor saving it would, failing if the text is not there. */
    static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) {
                throw new AssertionError(file + " does not contain " + from);
            }
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops serve as Ctrl+C would, and returns its exit code. */
    int stop() {
        thread.interrupt();
        try {
            thread.join(PATIENCE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return code.get();
    }

    @Override
    public void close() {
        stop();
    }
}

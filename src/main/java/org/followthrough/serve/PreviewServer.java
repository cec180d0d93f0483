package org.followthrough.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.Preview;
import org.followthrough.pipeline.PreviewSite;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problem;
import org.followthrough.render.Fingerprint;

/**
 * serve's web server: the previewed site on 127.0.0.1, under the path of its own base URL so that
 * the 404 page and absolute links work as they will when published. Every page it serves carries a
 * script that asks to be told when the page has changed and then reloads it; published files never
 * do. While the content has problems, a page shows them instead, with the last good version of the
 * page behind a link, and the stylesheets and downloads of the last good site are still served.
 */
public final class PreviewServer implements AutoCloseable {

    /** serve's own addresses: no path of a site starts so. */
    static final String OWN = "/__followthrough/";
    static final String SCRIPT = OWN + "reload.js";
    static final String EVENTS = OWN + "events";
    /** The warnings of the site served, which every page's notice links to. */
    static final String WARNINGS = OWN + "warnings";
    /** The query that asks for a page of the last good site while the content has problems. */
    static final String LAST_GOOD = "last-good";
    /** The parameter of the list of warnings naming the page it was opened from. */
    static final String FROM = "from";
    /** How often an open page is sent a comment, so that a page closed without a word is noticed. */
    private static final long HEARTBEAT_MILLIS = 15_000;
    /** 127.0.0.1 itself, not whatever "localhost" resolves to: the address printed must be the one listened on. */
    private static final InetAddress LOCALHOST = loopback();
    private static final Pattern BODY = Pattern.compile("<body[^>]*>");
    /**
     * How long the folders must stay unchanged after a change before the site is rebuilt: long enough
     * for a save that writes a file in several steps, short enough not to be noticed.
     */
    private static final java.time.Duration QUIET = java.time.Duration.ofMillis(40);

    /** Told of every rebuild, for the command line. */
    public interface Listener {
        /**
         * @param problems     what the rebuild found; when it failed, the preview shows them
         * @param succeeded    whether the rebuild gave a site, which the preview now shows
         * @param millis       how long the rebuild took
         * @param first        whether this was the first build, when serve started
         */
        void rebuilt(List<Problem> problems, boolean succeeded, long millis, boolean first);

        /**
         * A file asked for could not be made (a template's mistake that shows only as the page is made, or no fonts for a
         * PDF): the browser shows the problem; told once for each problem, as a rebuild's problems are.
         */
        default void couldNotMake(String path, Problem problem) {
        }
    }

    /**
     * The problems {@link Listener#couldNotMake} was told of since the last rebuild, so that a page reloaded again and again is
     * not told each time.
     */
    private final java.util.Set<Problem> toldFailures = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * What is served: the last good site (null if none yet), and the problems of the last rebuild,
     * which are shown instead of its pages when there are errors among them.
     */
    /**
     * What is served: {@code movedFrom} is the path the site was served under before its base URL changed (null if it
     * never did), whose addresses lead to the same pages under the new one, so that an open page follows the site.
     */
    private record State(long generation, PreviewSite site, List<Problem> problems, String movedFrom) {
        boolean broken() {
            return site == null || problems.stream().anyMatch(Problem::isError);
        }
    }

    /** What a request is answered with, decided from the state alone, so that an open page can tell whether it changed. */
    private sealed interface Shown permits Redirect, ProblemsShown, FileShown, WarningsShown {
    }

    /** The list of the warnings of the site served, which the notice on its pages links to. */
    private record WarningsShown() implements Shown {
    }

    private record Redirect(String location) implements Shown {
    }

    private record ProblemsShown() implements Shown {
    }

    /** A file of {@code site}; {@code lastGood} when it is a page of the last good site shown while the content has problems. */
    private record FileShown(PreviewSite site, String path, int status, boolean lastGood) implements Shown {
    }

    /** The JDK server's setting that sends each response as soon as it is written (TCP_NODELAY). */
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final Preview preview;
    private final HttpServer http;
    private final ExecutorService executor;
    private final String origin;
    private final Listener listener;
    /** The templates folder, as problems name it. */
    private final String templatesFolder;
    private final Object rebuilding = new Object();
    /** Notified after every rebuild and on close, for the open pages waiting to hear of changes. */
    private final Object changes = new Object();
    private final byte[] script;
    private volatile State state;
    private volatile boolean closed;
    private FolderWatch watch;

    private PreviewServer(Preview preview, HttpServer http, ExecutorService executor, Listener listener, String templatesFolder) {
        this.templatesFolder = templatesFolder;
        this.preview = preview;
        this.http = http;
        this.executor = executor;
        this.origin = "http://" + LOCALHOST.getHostAddress() + ":" + http.getAddress().getPort();
        this.listener = listener;
        try (InputStream in = PreviewServer.class.getResourceAsStream("reload.js")) {
            this.script = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("reload.js is missing from the build", e);
        }
    }

    /**
     * Builds the site of {@code request}'s content and templates and serves it on 127.0.0.1 only, so
     * that nothing on the network can read it, rebuilding it whenever a file in either folder changes.
     *
     * @param request the content and templates folders, the as-of date (null for today) and the clock
     * @param port    the port, or 0 for any free one
     * @throws IOException when the port cannot be listened on (another program uses it) or the folders cannot be watched
     */
    public static PreviewServer start(BuildRequest request, int port, Listener listener) throws IOException {
        LongRunHeap.relax();
        // The JDK's server otherwise sends a response's body only once the browser has acknowledged its headers, which
        // the browser puts off: about 40 ms lost on every file a page loads. Read when its first server starts.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(LOCALHOST, port), 0);
        // Open pages each hold a request open for as long as they are shown.
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "followthrough-serve");
            thread.setDaemon(true);
            return thread;
        });
        PreviewServer server = new PreviewServer(new Preview(request), http, executor, listener,
                request.templates() + java.io.File.separator);
        try {
            // Watching starts first, so that nothing saved during the first build is missed.
            List<Path> folders = java.util.stream.Stream.of(request.content(), request.templates())
                    .filter(java.util.Objects::nonNull).toList();
            server.watch = new FolderWatch(folders, QUIET, server::rebuild);
            server.rebuild(Optional.empty());
            http.createContext("/", server::handle);
            http.setExecutor(executor);
            http.start();
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The address of the site's home page, to open in a browser. */
    public String address() {
        State now = state;
        return now.site() != null ? now.site().baseUrl() : origin + "/";
    }

    /**
     * Reads the content and templates again and serves what they make now; open pages that changed
     * reload. One rebuild at a time.
     *
     * @param changed the files that changed, if that is known: of the content, only they are read again
     */
    private void rebuild(Optional<Set<Path>> changed) {
        synchronized (rebuilding) {
            long started = System.nanoTime();
            State before = state;
            long generation = before == null ? 1 : before.generation() + 1;
            PreviewSite good = before == null ? null : before.site();
            List<Problem> problems;
            State next;
            try {
                Preview.Result result = preview.rebuild(origin, changed);
                problems = result.problems();
                String movedFrom = before == null ? null : before.movedFrom();
                if (result.site().isPresent()) {
                    PreviewSite made = result.site().get();
                    if (good != null && !good.basePath().equals(made.basePath())) {
                        movedFrom = good.basePath();
                    }
                    // the warnings kept, for the notice on every page and the list it links to
                    next = new State(generation, made, problems, movedFrom);
                } else {
                    next = new State(generation, good, problems, movedFrom);
                }
            } catch (RuntimeException e) {
                // A fault of the tool, not of the content: shown like a problem, and the last good site is kept.
                problems = List.of(Problem.error(Location.of("followthrough serve"), "internal error while rebuilding: " + e,
                        "please report this with the change you saved; the last good site is still served"));
                next = new State(generation, good, problems, before == null ? null : before.movedFrom());
            }
            state = next;
            synchronized (changes) {
                changes.notifyAll();
            }
            // a mistake fixed and made again is told again
            toldFailures.clear();
            listener.rebuilt(problems, !next.broken(), (System.nanoTime() - started) / 1_000_000, before == null);
        }
    }

    // ---------------------------------------------------------------- answering requests

    private void handle(HttpExchange exchange) {
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", utf8("serve answers GET and HEAD only\n"));
                return;
            }
            if (!isOwnHost(exchange.getRequestHeaders().getFirst("Host"), exchange.getLocalAddress().getPort())) {
                send(exchange, 421, "text/plain; charset=utf-8", utf8("serve answers only for 127.0.0.1 and localhost: open "
                        + origin + "/\n"));
                return;
            }
            URI uri = exchange.getRequestURI();
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            if (path.equals(SCRIPT)) {
                send(exchange, 200, MediaTypes.of(SCRIPT), script);
            } else if (path.equals(EVENTS)) {
                events(exchange, uri.getRawQuery());
            } else {
                State now = state;
                show(exchange, now, resolve(now, path, parameter(uri.getRawQuery(), LAST_GOOD).isPresent()), uri.getRawPath(),
                        parameter(uri.getRawQuery(), FROM).orElse(null));
            }
        } catch (IOException | UncheckedIOException e) {
            // the browser went away
        } catch (RuntimeException e) {
            try {
                send(exchange, 500, "text/plain; charset=utf-8", utf8("followthrough serve: internal error: " + e
                        + "\nPlease report this with the address you opened.\n"));
            } catch (IOException | RuntimeException again) {
                // the response had begun: nothing more can be said
            }
        } finally {
            exchange.close();
        }
    }

    /**
     * Whether a request names this computer as the preview's host. A page from another site that points its own name at
     * 127.0.0.1 (DNS rebinding) would otherwise read the preview, unpublished plans and the problems page with the
     * content's paths included; its requests carry its own name.
     */
    static boolean isOwnHost(String host, int port) {
        if (host == null) {
            return false;
        }
        String lower = host.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.equals("127.0.0.1:" + port) || lower.equals("localhost:" + port) || lower.equals("[::1]:" + port);
    }

    /** Where a request leads: a redirect, the problems, or a file of the site (its 404 page when it has no such file). */
    private static Shown resolve(State state, String path, boolean lastGoodAsked) {
        PreviewSite site = state.site();
        if (site == null || path.equals(WARNINGS) && state.broken()) {
            return new ProblemsShown();
        }
        if (path.equals(WARNINGS)) {
            return new WarningsShown();
        }
        String base = site.basePath();
        if (!path.startsWith(base)) {
            if (path.equals("/") || (path + "/").equals(base)) {
                return new Redirect(base);
            }
            if (state.movedFrom() != null && path.startsWith(state.movedFrom())) {
                return new Redirect(base + path.substring(state.movedFrom().length()));
            }
            return file(state, "404.html", 404, lastGoodAsked);
        }
        String rest = path.substring(base.length());
        String file = rest.isEmpty() || rest.endsWith("/") ? rest + "index.html" : rest;
        if (site.has(file)) {
            return file(state, file, 200, lastGoodAsked);
        }
        if (!rest.isEmpty() && !rest.endsWith("/") && site.has(rest + "/index.html")) {
            return new Redirect(path + "/");
        }
        // the site moved to a path above its old one (/learning/ to /): the old addresses are under the new
        if (state.movedFrom() != null && path.startsWith(state.movedFrom()) && !state.movedFrom().equals(base)) {
            return new Redirect(base + path.substring(state.movedFrom().length()));
        }
        return file(state, "404.html", 404, lastGoodAsked);
    }

    private static Shown file(State state, String path, int status, boolean lastGoodAsked) {
        boolean page = path.endsWith(".html");
        if (page && state.broken() && !lastGoodAsked) {
            return new ProblemsShown();
        }
        return new FileShown(state.site(), path, status, page && state.broken());
    }

    /** What an open page is a version of: when it differs from the page's own, the page has changed. */
    private static String version(State state, Shown shown) {
        if (shown instanceof FileShown file) {
            String version = file.site().version(file.path()).orElse("none");
            if (file.path().endsWith(".html")) {
                // a page shows the site's stylesheets and scripts: edited, they reload it
                version = Fingerprint.of(version, file.site().assetsVersion());
            }
            // a page shown with a notice of the problems, or of the warnings, changes with them
            return file.lastGood() || !state.problems().isEmpty() ? version + " with " + Fingerprint.of(state.problems()) : version;
        }
        if (shown instanceof ProblemsShown) {
            return "problems " + Fingerprint.of(state.problems());
        }
        if (shown instanceof WarningsShown) {
            return "warnings " + Fingerprint.of(state.problems());
        }
        return "redirect " + ((Redirect) shown).location();
    }

    private void show(HttpExchange exchange, State now, Shown shown, String rawPath, String from) throws IOException {
        if (shown instanceof Redirect redirect) {
            exchange.getResponseHeaders().set("Location", redirect.location());
            send(exchange, 302, null, new byte[0]);
        } else if (shown instanceof ProblemsShown) {
            String lastGood = now.site() == null ? null : rawPath + "?" + LAST_GOOD;
            sendPage(exchange, 500, ProblemsPage.ofContent(now.problems(), lastGood, templatesFolder), version(now, shown));
        } else if (shown instanceof WarningsShown) {
            sendPage(exchange, 200, ProblemsPage.ofWarnings(now.problems(), now.site().basePath(), pageOfSite(from, now.site().basePath())),
                    version(now, shown));
        } else {
            FileShown file = (FileShown) shown;
            PreviewSite.File made = file.site().file(file.path());
            if (made instanceof PreviewSite.File.Made bytes) {
                if (file.path().endsWith(".html")) {
                    String banner = file.lastGood() ? ProblemsPage.banner(errors(now), rawPath)
                            : now.problems().isEmpty() ? null : ProblemsPage.warningsNotice(now.problems().size(),
                            WARNINGS + "?" + FROM + "=" + java.net.URLEncoder.encode(rawPath, StandardCharsets.UTF_8));
                    // the page's own links kept on the last good site, not the banner's to the problems
                    byte[] page = file.lastGood() ? lastGoodLinks(bytes.bytes()) : bytes.bytes();
                    send(exchange, file.status(), MediaTypes.of(file.path()), withReload(page, version(now, shown), banner));
                } else {
                    send(exchange, file.status(), MediaTypes.of(file.path()), bytes.bytes());
                }
            } else if (made instanceof PreviewSite.File.Failed failed) {
                if (toldFailures.add(failed.problem())) {
                    listener.couldNotMake(file.path(), failed.problem());
                }
                sendPage(exchange, 500, ProblemsPage.ofFile(failed.problem()), version(now, shown));
            } else if (!file.path().equals("404.html")) {
                // decided but not made, such as a calendar with no dated target
                show(exchange, now, file(now, "404.html", 404, file.lastGood()), rawPath, from);
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", utf8("Not found\n"));
            }
        }
    }

    /**
     * The page the list of warnings was opened from, to go back to: an address of the site served (under its base path), or
     * null for any other, which is never made a link.
     */
    static String pageOfSite(String from, String basePath) {
        if (from == null || !from.startsWith(basePath) || from.contains("//") || from.contains("\\")) {
            return null;
        }
        return from;
    }

    private static int errors(State state) {
        return (int) state.problems().stream().filter(Problem::isError).count();
    }

    private void sendPage(HttpExchange exchange, int status, String html, String version) throws IOException {
        send(exchange, status, MediaTypes.of("problems.html"), withReload(utf8(html), version, null));
    }

    /** A page's link to skip to its main content, which stays the first thing a keyboard reaches. */
    private static final Pattern SKIP_LINK = Pattern.compile("\\s*<a\\b[^>]*\\bclass=\"skip-link\"[^>]*>.*?</a>", Pattern.DOTALL);

    /**
     * The page with the reload script at the end of its body, and the banner, if any, at the start: after the page's link
     * to skip to its main content, where it has one, so that the link is still the first a keyboard reaches.
     */
    static byte[] withReload(byte[] page, String version, String banner) {
        String html = new String(page, StandardCharsets.UTF_8);
        String tag = "<script src=\"" + SCRIPT + "\" data-version=\"" + ProblemsPage.escape(version) + "\"></script>\n";
        int end = html.lastIndexOf("</body>");
        html = end < 0 ? html + tag : html.substring(0, end) + tag + html.substring(end);
        if (banner != null) {
            Matcher body = BODY.matcher(html);
            if (body.find()) {
                Matcher skip = SKIP_LINK.matcher(html).region(body.end(), html.length());
                int at = skip.lookingAt() ? skip.end() : body.end();
                html = html.substring(0, at) + banner + html.substring(at);
            } else {
                html = banner + html;
            }
        }
        return utf8(html);
    }

    /** A link of a page to another page of the site, by a relative or root-relative address: its address, then its fragment. */
    private static final Pattern PAGE_LINK = Pattern.compile("(<a\\b[^>]*?\\shref=\")((?![a-zA-Z][a-zA-Z0-9+.-]*:|//)[^\"#?]*(?:/|\\.html))(#[^\"]*)?\"");

    /**
     * A page of the last good site, its links to other pages leading to their last good versions too: an editor who looks
     * round the site as it was keeps seeing it as it was, rather than the problems at the first link.
     */
    static byte[] lastGoodLinks(byte[] page) {
        return utf8(PAGE_LINK.matcher(new String(page, StandardCharsets.UTF_8)).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
                + m.group(2) + "?" + LAST_GOOD + (m.group(3) == null ? "" : m.group(3)) + "\"")));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        // Every answer is made afresh from what is on disk now: a browser must never show an older one.
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    // ---------------------------------------------------------------- telling open pages of changes

    /**
     * Server-sent events for an open page: it says which address it shows and the version it was
     * served with, and is sent "reload" as soon as what that address shows is another version,
     * which may be at once (it changed while the page was loading).
     */
    private void events(HttpExchange exchange, String query) throws IOException {
        String page = parameter(query, "page").orElse("/");
        String shown = parameter(query, "version").orElse("");
        URI address = URI.create("http://localhost").resolve(page.startsWith("/") ? page : "/" + page);
        boolean lastGood = parameter(address.getRawQuery(), LAST_GOOD).isPresent();
        String path = address.getPath() == null || address.getPath().isEmpty() ? "/" : address.getPath();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        // After serve is restarted the page finds it again within a second.
        write(out, "retry: 1000\n\n");
        long seen = -1;
        try {
            while (!closed) {
                State now = state;
                if (now.generation() != seen) {
                    seen = now.generation();
                    if (!version(now, resolve(now, path, lastGood)).equals(shown)) {
                        write(out, "event: reload\ndata: " + seen + "\n\n");
                        return;
                    }
                }
                synchronized (changes) {
                    if (state.generation() == seen && !closed) {
                        changes.wait(HEARTBEAT_MILLIS);
                    }
                }
                if (state.generation() == seen && !closed) {
                    write(out, ": waiting for changes\n\n");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalArgumentException e) {
            // a page address that is not one: nothing to tell it
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(utf8(text));
        out.flush();
    }

    /** A parameter of a query, decoded; present but empty for a bare name ("?last-good"). */
    static Optional<String> parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        return Arrays.stream(rawQuery.split("&"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8).equals(name))
                .map(pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "")
                .findFirst();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops serving: open pages are let go, and the port is free again when this returns. */
    @Override
    public void close() {
        closed = true;
        if (watch != null) {
            watch.close();
        }
        synchronized (changes) {
            changes.notifyAll();
        }
        http.stop(0);
        executor.shutdownNow();
    }
}

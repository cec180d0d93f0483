package org.followthrough.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;

/**
 * A built site served over HTTP from 127.0.0.1 on a free port, as a static host would serve it:
 * a URL ending in "/" serves that folder's index.html, a folder without the "/" is redirected to it,
 * files get their proper Content-Type, and a missing file gets the site's 404.html (with status 404)
 * if it has one. The site is served at the root or under a sub-path such as
 * {@code /learning/action-plans/}, and built with that local URL as its base URL, as
 * {@code build --base-url} would build it for its real host.
 */
public final class LocalSite implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("atom", "application/atom+xml"),
            Map.entry("xsl", "application/xml; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("pdf", "application/pdf"));

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path root;
    private final String basePath;
    /** Whether closing it leaves the server running: a {@link #folder} of another LocalSite, or a {@link #shared} site. */
    private final boolean borrowed;

    /** The {@link #shared} sites by content folder, or why one could not be built. */
    private static final Map<Path, Object> SHARED = new HashMap<>();

    private LocalSite(HttpServer server, ExecutorService executor, Path root, String basePath, boolean borrowed) {
        this.server = server;
        this.executor = executor;
        this.root = root;
        this.basePath = basePath;
        this.borrowed = borrowed;
    }

    /**
     * Builds {@code content} into {@code outDir} (as at {@link TestBuilds#AS_OF}, with the local URL
     * as its base URL, with a snapshot of the site as at that date in snapshots/, and with what changed
     * since {@link TestBuilds#SINCE}) and serves it at the root.
     */
    public static LocalSite build(Path content, Path outDir) {
        return build(content, outDir, "/");
    }

    /**
     * Builds {@code content} into {@code outDir} and serves it under {@code basePath} (for example
     * {@code /learning/action-plans/}); the site's base URL is the local URL of that path. The change
     * history is read from the repository the content is in, so its pages are served too. Fails the
     * test with the build's problems if the build does not succeed.
     */
    public static LocalSite build(Path content, Path outDir, String basePath) {
        return build(content, outDir, basePath, null, false);
    }

    /**
     * The same, built as {@code build --organisation ID} (one organisation's own site, whose base URL
     * is then the local URL) or {@code build --all-organisations} (the site, with every organisation's
     * own site in a folder named after it: serve those with {@link #folder}).
     */
    public static LocalSite build(Path content, Path outDir, String basePath, String organisation, boolean allOrganisations) {
        String base = normalise(basePath);
        HttpServer server = bind();
        try {
            BuildRequest plain = TestBuilds.request(content, outDir);
            // the site is built for the address it is served at, as it would be for its real host: pages
            // that must use absolute or root-relative URLs (canonical links, 404.html) then work locally too
            String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + base;
            // The partnership's site comes with a snapshot of itself as at the same date, whose pages are checked like the others.
            BuildRequest request = new BuildRequest(plain.content(), plain.templates(), plain.output(), plain.asOf(), baseUrl, plain.clock(),
                    organisation, allOrganisations).withSnapshot(organisation == null && !allOrganisations)
                    .withSince(TestBuilds.SINCE).withHistory(true);
            BuildResult result = Pipeline.build(request);
            if (!result.succeeded()) {
                throw new AssertionError("build of " + content + " failed:\n"
                        + String.join("\n", result.problems().stream().map(Object::toString).toList()));
            }
            return start(server, outDir, base);
        } catch (RuntimeException | Error e) {
            server.stop(0);
            throw e;
        }
    }

    /**
     * The site built from {@code content} as {@link #build(Path, Path)} builds it, served at the root, built once in
     * the JVM and shared by the test classes that ask for it, which only read it: a build of the same content is
     * the same site. Closing it does nothing; its folder is deleted when the JVM exits. Fails the test with the
     * build's problems, for every class that asks, if the build does not succeed.
     */
    public static LocalSite shared(Path content) {
        Object site;
        synchronized (SHARED) {
            site = SHARED.computeIfAbsent(content.toAbsolutePath().normalize(), LocalSite::buildToShare);
        }
        if (site instanceof AssertionError failed) {
            throw new AssertionError(failed.getMessage(), failed);
        }
        return (LocalSite) site;
    }

    private static Object buildToShare(Path content) {
        Path folder;
        try {
            folder = Files.createTempDirectory("followthrough-shared-site-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Folders.delete(folder);
            } catch (IOException e) {
                // a leftover folder in the temp folder is harmless
            }
        }));
        try {
            LocalSite built = build(content, folder.resolve("site"));
            return new LocalSite(built.server, built.executor, built.root, built.basePath, true);
        } catch (AssertionError e) {
            return e;
        }
    }

    /** Serves a folder that already holds a site (or a few hand-written pages) at the root. */
    public static LocalSite serve(Path siteDir) {
        return serve(siteDir, "/");
    }

    public static LocalSite serve(Path siteDir, String basePath) {
        return start(bind(), siteDir, normalise(basePath));
    }

    private static HttpServer bind() {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalSite start(HttpServer server, Path siteDir, String basePath) {
        Path root = siteDir.toAbsolutePath().normalize();
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "local-site");
            t.setDaemon(true);
            return t;
        });
        LocalSite site = new LocalSite(server, executor, root, basePath, false);
        server.createContext("/", site::handle);
        server.setExecutor(executor);
        server.start();
        return site;
    }

    private static String normalise(String basePath) {
        String b = basePath.startsWith("/") ? basePath : "/" + basePath;
        return b.endsWith("/") ? b : b + "/";
    }

    /**
     * A folder of this site seen as a site of its own, served by the same server under this site's
     * base path + {@code folder} + "/": an organisation's own site inside a build with
     * {@code --all-organisations}. Its pages, URLs and crawls stay inside the folder; a missing URL
     * still gets this site's 404 page. Closing it does nothing: close this site.
     */
    public LocalSite folder(String folder) {
        String name = folder.replaceAll("^/+|/+$", "");
        Path sub = root.resolve(name).normalize();
        if (name.isEmpty() || !sub.startsWith(root) || !Files.isDirectory(sub)) {
            throw new IllegalArgumentException("no folder " + folder + " in " + root);
        }
        return new LocalSite(server, executor, sub, basePath + name + "/", true);
    }

    /** The folder being served. */
    public Path root() {
        return root;
    }

    /** The URL of the site's home, ending in "/". */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
    }

    /** The URL of a path inside the site; for "…/index.html" the folder URL ending in "/", as links use it. */
    public String url(String sitePath) {
        String p = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        if (p.equals("index.html")) {
            p = "";
        } else if (p.endsWith("/index.html")) {
            p = p.substring(0, p.length() - "index.html".length());
        }
        return baseUrl() + p;
    }

    /**
     * The page of the site a URL shows ("plans/x/index.html"), or null if the URL is not inside the
     * site. Ignores the query and the fragment, as a static host does.
     */
    public String pageOf(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String base = baseUrl();
        String plain = uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        if (!(plain + "/").startsWith(base) || plain.length() < base.length() - 1) {
            return null;
        }
        String rest = plain.length() >= base.length() ? plain.substring(base.length()) : "";
        rest = URLDecoder.decode(rest, StandardCharsets.UTF_8);
        if (rest.isEmpty() || rest.endsWith("/")) {
            return rest + "index.html";
        }
        if (Files.isDirectory(root.resolve(rest))) {
            return rest + "/index.html";
        }
        return rest;
    }

    /**
     * For a URL on this server but outside the site's base path (a link written for a site published
     * at the root), its path, such as "/plans/x/"; otherwise null.
     */
    public String outsideBasePath(String url) {
        try {
            URI uri = URI.create(url);
            URI base = URI.create(baseUrl());
            if (!base.getScheme().equals(uri.getScheme()) || !base.getRawAuthority().equals(uri.getRawAuthority())) {
                return null;
            }
            return pageOf(url) == null ? (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Every HTML page of the site, as paths relative to its root with "/" separators, sorted. The
     * fragments under fragments/ are not pages: they are made to be embedded in other sites' pages.
     */
    public List<String> pages() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("fragments/"))
                    .sorted((a, b) -> {
                        // the home first, then by depth, then alphabetically: reports read top-down like the site
                        if (a.equals("index.html") || b.equals("index.html")) {
                            return a.equals(b) ? 0 : a.equals("index.html") ? -1 : 1;
                        }
                        int da = a.split("/").length;
                        int db = b.split("/").length;
                        return da != db ? Integer.compare(da, db) : a.compareTo(b);
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The pages a check in the browser loads: every page of the live site, and of each snapshot its largest page
     * of each {@linkplain #kind kind}. A snapshot's pages are the live site's pages made by the same templates,
     * with a notice that they are a snapshot; one page of each kind (a plan, a recommendation, an organisation, a
     * list of actions ...) shows that notice in every layout, and the largest is the one most likely to wrap,
     * spill or fail a contrast check. (The shipped site's snapshot is 156 of its 336 pages: loading every copy
     * again was almost half the time of the site's checks in the browser.)
     */
    public List<String> pagesToCheck() {
        List<String> checked = new ArrayList<>();
        for (String page : pages()) {
            if (!page.startsWith("snapshots/")) {
                checked.add(page);
            }
        }
        largestOfEachKind().stream().filter(page -> page.startsWith("snapshots/")).forEach(checked::add);
        return checked;
    }

    /** The largest page of each {@linkplain #kind kind}, as a set for asking whether a page is one. */
    public Set<String> largestOfEachKind() {
        Map<String, String> largest = new TreeMap<>();
        for (String page : pages()) {
            largest.merge(kind(page), page, (a, b) -> size(b) > size(a) ? b : a);
        }
        return new TreeSet<>(largest.values());
    }

    /**
     * A page's kind: the template that made it, near enough, told by its first folder and its depth, within its
     * snapshot if it is in one. plans/ID/recommendations/N/index.html is of the kind of every recommendation's page,
     * plans/ID/history/index.html of every plan's history, snapshots/DATE/plans/ID/index.html of every plan's page
     * in that snapshot.
     */
    static String kind(String page) {
        String[] parts = page.split("/");
        int from = parts.length > 2 && parts[0].equals("snapshots") ? 2 : 0;
        String prefix = from == 0 ? "" : "snapshots/" + parts[1] + "/";
        int depth = parts.length - from;
        return prefix + parts[from] + " " + depth;
    }

    private long size(String page) {
        try {
            return Files.size(root.resolve(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (borrowed) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            if (!rawPath.startsWith(basePath)) {
                if ((rawPath + "/").equals(basePath)) {
                    redirect(exchange, basePath);
                } else {
                    notFound(exchange);
                }
                return;
            }
            String rest = URLDecoder.decode(rawPath.substring(basePath.length()), StandardCharsets.UTF_8);
            Path file = root.resolve(rest).normalize();
            if (!file.startsWith(root)) {
                notFound(exchange);
                return;
            }
            if (Files.isDirectory(file)) {
                if (!rest.isEmpty() && !rest.endsWith("/")) {
                    redirect(exchange, rawPath + "/");
                    return;
                }
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                notFound(exchange);
                return;
            }
            send(exchange, 200, contentType(file), Files.readAllBytes(file));
        }
    }

    private void notFound(HttpExchange exchange) throws IOException {
        Path page = root.resolve("404.html");
        if (Files.isRegularFile(page)) {
            send(exchange, 404, TYPES.get("html"), Files.readAllBytes(page));
        } else {
            send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(301, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        return type != null ? type : "application/octet-stream";
    }
}

package org.followthrough.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.problem.Problems;
import org.followthrough.render.TemplateEngine;
import org.followthrough.source.TemplateFiles;

/** Builds content folders in memory for tests, at a fixed as-of date. */
public final class TestBuilds {

    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    public static final Path SHIPPED_CONTENT = Path.of("content");
    /**
     * The date the site checks show what changed after ({@code build --since}): the shipped plans have
     * dated updates and changes of status, new plans and passed targets after it, and undated updates.
     */
    public static final LocalDate SINCE = LocalDate.of(2018, 1, 1);
    public static final Path BUILT_IN_TEMPLATES = Path.of("templates");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    private TestBuilds() {
    }

    public static Path fixture(String name) {
        return Path.of("src/test/resources/sites", name);
    }

    /** A copy of a folder, for a test that changes it (to add symbolic links, which Git does not keep reliably). */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }

    /**
     * A copy of the small test site in {@code to} with a second plan ({@code second-review}, a copy of the
     * first with its own reference and title), so that a change to one plan leaves the other alone.
     */
    public static Path twoPlans(Path to) throws IOException {
        Path content = copy(fixture("small"), to);
        copy(content.resolve("plans/sample-review"), content.resolve("plans/second-review"));
        Folders.replace(content.resolve("plans/second-review/plan.yaml"), "reference: SAMPLE/01", "reference: SAMPLE/02");
        Folders.replace(content.resolve("plans/second-review/plan.yaml"), "title: Sample safety action plan", "title: Second safety action plan");
        return content;
    }

    /**
     * The files under {@code folder} (a site, a build cache) that hold a protected name, read as the
     * build's guard reads what it publishes (a PDF by its text and metadata, whatever its file is called).
     */
    public static java.util.List<Path> filesHolding(org.followthrough.guard.ProtectedNames names, Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return java.util.List.of();
        }
        java.util.List<Path> holding = new java.util.ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                boolean pdf = bytes.length > 4 && new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF");
                if (!new org.followthrough.guard.OutputGuard(names, "").admits(pdf ? "file.pdf" : "file.txt", bytes)) {
                    holding.add(file);
                }
            }
        }
        return holding;
    }

    public static BuildRequest request(Path content, Path out) {
        return new BuildRequest(content, BUILT_IN_TEMPLATES, out, AS_OF, null, CLOCK);
    }

    /** A template engine with a templates folder's files as overrides, read as a build reads them; fails the test if they cannot be. */
    public static TemplateEngine templateEngine(Path templates) {
        Problems problems = new Problems();
        java.util.Map<String, byte[]> overrides = TemplateFiles.read(templates, problems);
        if (problems.hasErrors()) {
            throw new AssertionError("could not read " + templates + ":\n" + problems.sorted());
        }
        return new TemplateEngine(overrides);
    }

    /**
     * What a reader can read of a plan on a built site: the text of its page followed by that of each of its
     * recommendations' pages, in the plan's order.
     */
    public static String planText(MemoryPublisher site, String planId) {
        String folder = org.followthrough.render.Routes.plan(planId);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(site.text(folder + "index.html"));
        StringBuilder text = new StringBuilder(page.text());
        // the contents list links each recommendation's page in the plan's order
        for (org.jsoup.nodes.Element link : page.select("ul.contents a[href]")) {
            String href = link.attr("href");
            String path = href.startsWith("#") ? null : java.net.URI.create("http://site.invalid/" + folder).resolve(href).getPath().substring(1);
            if (path != null && site.files().containsKey(path + "index.html")) {
                text.append(' ').append(org.jsoup.Jsoup.parse(site.text(path + "index.html")).text());
            }
        }
        return text.toString();
    }

    /** Builds into memory and fails the test with the problems if the build did not succeed. */
    public static MemoryPublisher buildInMemory(Path content) {
        return buildInMemory(request(content, null));
    }

    /**
     * Builds are shared by every test in the JVM that asks for the same request: a site is built
     * once, and its files are only read. (Requests with a different templates folder, base URL or
     * organisation are different keys.)
     */
    private static final java.util.Map<BuildRequest, MemoryPublisher> BUILT = new java.util.concurrent.ConcurrentHashMap<>();

    public static MemoryPublisher buildInMemory(BuildRequest request) {
        return BUILT.computeIfAbsent(request, TestBuilds::build);
    }

    private static MemoryPublisher build(BuildRequest request) {
        MemoryPublisher publisher = new MemoryPublisher();
        BuildResult result = Pipeline.build(request, publisher);
        if (!result.succeeded()) {
            throw new AssertionError("build of " + request.content() + " failed:\n" + String.join("\n",
                    result.problems().stream().map(Object::toString).toList()));
        }
        return publisher;
    }
}

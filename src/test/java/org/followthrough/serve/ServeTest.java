package org.followthrough.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.followthrough.cli.Main;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.support.Folders;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code followthrough serve} on real files, asked with a real HTTP client: it serves the site,
 * shows a saved change, shows problems with their place and keeps the last good site, and adds its
 * reload script only to what it serves.
 */
class ServeTest {

    private static final String PLAN = "/plans/sample-review/";
    /** The page of the recommendation whose progress the tests edit. */
    private static final String RECOMMENDATION = PLAN + "recommendations/1/";
    private static final String UPDATE = "text: A template has been drafted.";

    @TempDir
    Path temp;

    private Path content() throws IOException {
        return TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("content"));
    }

    private Path recommendation(Path content) {
        return content.resolve("plans/sample-review/recommendations/01.yaml");
    }

    @Test
    void showsASavedProgressUpdateOnTheNextRequest() throws IOException {
        Path content = content();
        try (ServeRun serve = ServeRun.on(content, temp.resolve("templates"))) {
            assertThat(serve.address()).isEqualTo(serve.origin() + "/");
            HttpResponse<String> before = serve.get(RECOMMENDATION);
            assertThat(before.statusCode()).isEqualTo(200);
            assertThat(text(before)).contains("A template has been drafted.");

            ServeRun.edit(recommendation(content), UPDATE, "text: A template has been drafted and sent to every team.");

            serve.getUntil(RECOMMENDATION, r -> text(r).contains("A template has been drafted and sent to every team."), "the saved update");
            assertThat(serve.out()).contains("Rebuilt in");
        }
    }

    /** An earlier progress update rewritten while serve runs is told there as check tells it, not only by the next check. */
    @Test
    void warnsOfAnEarlierProgressUpdateRewrittenAsCheckDoes() throws IOException {
        Path content;
        try (org.followthrough.support.GitRepositories repo = org.followthrough.support.GitRepositories.init(temp.resolve("repo"))) {
            content = TestBuilds.copy(TestBuilds.fixture("small"), repo.root().resolve("content"));
            repo.commit("Add the sample plan", "2026-11-01T10:00:00Z");
        }
        try (ServeRun serve = ServeRun.on(content, temp.resolve("templates"))) {
            serve.get(RECOMMENDATION);

            ServeRun.edit(recommendation(content), UPDATE, "text: A template was agreed.");

            serve.getUntil(RECOMMENDATION, r -> text(r).contains("A template was agreed."), "the saved update");
            ServeRun.waitFor(serve::err, err -> err.contains("differs from the last commit's"), "the warning");
            assertThat(serve.err()).contains(recommendation(content) + ":", "warning: the progress update of 2024-03-01 of action 1.1"
                    + " differs from the last commit's");
        }
    }

    @Test
    void startsFromThePlansTheLastBuildCheckedAndWritesNothingToItsCache() throws IOException {
        Path content = content();
        Path cache = temp.resolve("cache");
        StringWriter out = new StringWriter();
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(out), TestBuilds.CLOCK, "build", "--content", content.toString(),
                "--out", temp.resolve("site").toString(), "--cache", cache.toString(), "--no-pdf",
                "--as-of", TestBuilds.AS_OF.toString())).as("%s", out).isZero();
        java.util.Map<String, String> before = Folders.listing(cache);

        try (ServeRun serve = ServeRun.on(content, temp.resolve("templates"), "--cache", cache.toString())) {
            assertThat(text(serve.get(RECOMMENDATION))).contains("A template has been drafted.");
            ServeRun.edit(recommendation(content), UPDATE, "text: A template has been drafted and sent to every team.");
            serve.getUntil(RECOMMENDATION, r -> text(r).contains("A template has been drafted and sent to every team."), "the saved update");
        }

        assertThat(Folders.listing(cache)).isEqualTo(before);
    }

    @Test
    void showsProblemsWithTheirPlaceKeepsTheLastGoodSiteAndComesBackWhenFixed() throws IOException {
        Path content = content();
        try (ServeRun serve = ServeRun.on(content, temp.resolve("templates"))) {
            Document page = Jsoup.parse(saveStatusAndGetProblems(serve, content, "finished").body());
            assertThat(page.select("h1").text()).isEqualTo("1 problem in the content");
            assertThat(page.select("li code").text()).isEqualTo(content.resolve("plans/sample-review/recommendations/01.yaml") + ":19:17");
            assertThat(page.select("li").text()).contains("unknown status 'finished'", "the codes of this plan's scale are: open, done");
            // the page is served as the problem is told: the terminal's line may come a moment after
            ServeRun.waitFor(serve::err, err -> err.contains("01.yaml:19:17: unknown status 'finished'"), "the terminal to tell the problem");

            // the last good page, saying why it is shown, and the stylesheet it needs
            String lastGoodLink = page.select("a:contains(as it was before the change)").attr("href");
            assertThat(lastGoodLink).isEqualTo(PLAN + "?last-good");
            Document lastGood = Jsoup.parse(serve.get(lastGoodLink).body());
            assertThat(lastGood.select("[role=alert]").text()).contains("before your last change", "1 problem");
            assertThat(lastGood.select("h1").text()).isEqualTo("Sample safety action plan");
            assertThat(serve.get("/assets/followthrough.css").statusCode()).isEqualTo(200);
            // its links lead round the last good site, not back to the problems; but the banner's leads to the problems
            assertThat(lastGood.select("[role=alert] a").attr("href")).isEqualTo(PLAN);
            String home = lastGood.select("nav a:contains(Home)").attr("href");
            assertThat(home).endsWith("?last-good");
            HttpResponse<String> homeAsItWas = serve.get(java.net.URI.create(PLAN).resolve(home).toString());
            assertThat(homeAsItWas.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(homeAsItWas.body()).select("[role=alert]").text()).contains("before your last change");
            assertThat(lastGood.select("a[href$=.csv]").eachAttr("href")).as("downloads are not pages").noneMatch(h -> h.contains("?"));

            ServeRun.edit(recommendation(content), "        status: finished", "        status: done");

            HttpResponse<String> fixed = serve.getUntil(PLAN, r -> r.statusCode() == 200, "the site again");
            assertThat(Jsoup.parse(fixed.body()).select("h1").text()).isEqualTo("Sample safety action plan");
            assertThat(Jsoup.parse(fixed.body()).select("[role=alert]")).isEmpty();
        }
    }

    /**
     * A site built with warnings says so on every page it serves, with a link to them, as only the terminal did before;
     * the notice goes when they are dealt with. A published site never has it.
     */
    @Test
    void showsTheWarningsOfASiteThatBuiltOnEveryPage() throws Exception {
        Path content = content();
        ServeRun.edit(recommendation(content), "description: Audit the minutes.", "description: Audit the minutes of team #2 North.");
        try (ServeRun serve = ServeRun.on(content, temp.resolve("templates"))) {
            Document page = Jsoup.parse(serve.get(PLAN).body());
            assertThat(serve.get(PLAN).statusCode()).isEqualTo(200);
            assertThat(page.select("h1").text()).isEqualTo("Sample safety action plan");
            assertThat(page.select("div:contains(the content has 1 warning)")).isNotEmpty();
            String warnings = page.select("a:contains(Show it)").attr("href");
            assertThat(warnings).isEqualTo(PreviewServer.WARNINGS + "?from=" + java.net.URLEncoder.encode(PLAN, StandardCharsets.UTF_8));
            // the page's link to skip to its content stays the first a keyboard reaches
            assertThat(page.select("body a[href]").first().text()).isEqualTo("Skip to main content");

            Document listed = Jsoup.parse(serve.get(warnings).body());
            assertThat(listed.select("h1").text()).isEqualTo("1 warning about the content");
            // back to the page it was opened from, not the home page; an address not of the site served is no link
            assertThat(listed.select("a:contains(Back to the page)").attr("href")).isEqualTo(PLAN);
            Document fromElsewhere = Jsoup.parse(serve.get(PreviewServer.WARNINGS + "?from=" + java.net.URLEncoder.encode(
                    "//elsewhere.example/", StandardCharsets.UTF_8)).body());
            assertThat(fromElsewhere.select("a:contains(Back to the site)").attr("href")).isEqualTo("/");
            assertThat(fromElsewhere.select("a[href*=elsewhere]")).isEmpty();
            // the list open in a browser is not told to reload while nothing changes
            String version = listed.select("script[data-version]").attr("data-version");
            HttpRequest listen = HttpRequest.newBuilder(URI.create(serve.origin() + PreviewServer.EVENTS + "?page="
                    + java.net.URLEncoder.encode(warnings, StandardCharsets.UTF_8) + "&version=" + java.net.URLEncoder.encode(version,
                    StandardCharsets.UTF_8))).build();
            HttpResponse<InputStream> events = serve.client().send(listen, HttpResponse.BodyHandlers.ofInputStream());
            var firstEvent = firstEvent(events);
            assertThat(firstEvent).failsWithin(java.time.Duration.ofSeconds(2)).withThrowableOfType(java.util.concurrent.TimeoutException.class);
            assertThat(listed.select("li code").text()).startsWith(recommendation(content) + ":");
            assertThat(listed.select("li").text()).contains("is a comment");

            ServeRun.edit(recommendation(content), "description: Audit the minutes of team #2 North.", "description: Audit the minutes.");
            serve.getUntil(PLAN, r -> !r.body().contains("the content has 1 warning"), "the page without the notice");
        }
    }

    /**
     * An editor who changes base_url while serve runs sees where the site went: the terminal says its new address, and a
     * page open at the old one is sent to the same page at the new one. Before, it showed "Page not found" unexplained.
     */
    @Test
    void followsTheSiteWhenItsBaseUrlChanges() throws IOException {
        Path content = content();
        try (ServeRun serve = ServeRun.on(content, temp.resolve("templates"))) {
            assertThat(serve.get(PLAN).statusCode()).isEqualTo(200);

            ServeRun.edit(content.resolve("site.yaml"), "base_url: https://plans.example/", "base_url: https://plans.example/learning/");

            HttpResponse<String> moved = serve.getUntil(PLAN, r -> r.statusCode() == 302, "a redirect from the old address");
            assertThat(moved.headers().firstValue("Location")).hasValue("/learning" + PLAN);
            assertThat(serve.get("/learning" + PLAN).statusCode()).isEqualTo(200);
            ServeRun.waitFor(serve::out, out -> out.contains("now served at " + serve.origin() + "/learning/"), "the new address printed");

            // and back up to the root, above the path it left
            ServeRun.edit(content.resolve("site.yaml"), "base_url: https://plans.example/learning/", "base_url: https://plans.example/");
            HttpResponse<String> back = serve.getUntil("/learning" + PLAN, r -> r.statusCode() == 302, "a redirect from /learning/");
            assertThat(back.headers().firstValue("Location")).hasValue(PLAN);
        }
    }

    /**
     * A syntax mistake saved in one of the site's own templates is told at once, in the terminal and in the browser, with
     * its place, on every page: before, the terminal said the site was rebuilt, and only the pages using the template,
     * when opened, showed the mistake.
     */
    @Test
    void tellsATemplatesSyntaxMistakeAsSoonAsItIsSaved() throws IOException {
        Path content = content();
        Path templates = Files.createDirectories(temp.resolve("own-templates"));
        try (ServeRun serve = ServeRun.on(content, templates)) {
            assertThat(serve.get(PLAN).statusCode()).isEqualTo(200);
            // the organisation's template, which the plan's page does not use
            Files.writeString(templates.resolve("organisation.ftlh"), "<#if organisation??>broken</#iff>\n");
            Document page = Jsoup.parse(serve.getUntil(PLAN, r -> r.statusCode() == 500, "the problems page").body());
            assertThat(page.select("li code").text()).startsWith(templates.resolve("organisation.ftlh") + ":1:");
            assertThat(page.select("li").text()).contains("template error", "#iff");
            assertThat(page.select("h1").text()).isEqualTo("1 problem in the templates");
            ServeRun.waitFor(serve::err, err -> err.contains("organisation.ftlh:1:"), "the terminal to tell the mistake");

            Files.delete(templates.resolve("organisation.ftlh"));
            serve.getUntil(PLAN, r -> r.statusCode() == 200, "the site again");

            // a file no build uses (no built-in template has its name) is only warned of, as check and build do
            Files.writeString(templates.resolve("plan.ftl"), "<#if plan??>broken</#iff>\n");
            Files.writeString(content.resolve("site.yaml"), Files.readString(content.resolve("site.yaml")) + "\n");
            ServeRun.waitFor(serve::err, err -> err.contains("plan.ftl"), "the warning of the file");
            assertThat(serve.get(PLAN).statusCode()).isEqualTo(200);
        }
    }

    /**
     * A template's mistake that shows only as a page is made (a name it does not have) is told in the browser on the page
     * it breaks, and in the terminal, once: before, the terminal said only that the site was rebuilt.
     */
    @Test
    void tellsATemplatesMistakeFoundAsThePageIsMadeInTheTerminalToo() throws IOException {
        Path content = content();
        Path templates = Files.createDirectories(temp.resolve("own-templates"));
        try (ServeRun serve = ServeRun.on(content, templates)) {
            assertThat(serve.get(PLAN).statusCode()).isEqualTo(200);
            String plan = Files.readString(Path.of("templates/plan.ftlh"));
            Files.writeString(templates.resolve("plan.ftlh"), plan.replaceFirst("<h1>", "<h1>\\${noSuchName} "));
            Document page = Jsoup.parse(serve.getUntil(PLAN, r -> r.statusCode() == 500, "the page that could not be made").body());
            assertThat(page.select("li").text()).contains("noSuchName");
            ServeRun.waitFor(serve::err, err -> err.contains("The browser asked for plans/sample-review/index.html, which could not be made:")
                    && err.contains(templates.resolve("plan.ftlh") + ":"), "the terminal to tell the mistake");
            serve.get(PLAN);
            assertThat(serve.err().split("which could not be made", -1)).as("told once, however often the page is asked for").hasSize(2);
        }
    }

    /** A plan's folder renamed while the preview runs is told at once, with the former_ids that keeps its old addresses. */
    @Test
    void tellsAPlanRenamedWithoutItsFormerIdWhileTheEditorWorks() throws IOException {
        Path content = content();
        try (ServeRun serve = ServeRun.on(content, temp.resolve("templates"))) {
            assertThat(serve.get(PLAN).statusCode()).isEqualTo(200);

            Files.move(content.resolve("plans/sample-review"), content.resolve("plans/sample-review-2024"));

            ServeRun.waitFor(serve::err, err -> err.contains("plan 'sample-review' was in the content when the preview started and is no"
                    + " longer in the content: a build removes its pages, and links to plans/sample-review/ will find nothing"), "the warning");
            assertThat(serve.err()).contains("add former_ids: [sample-review] to plans/sample-review-2024/plan.yaml");
            // told while it stands, as the page of warnings shows it
            ServeRun.edit(content.resolve("plans/sample-review-2024/recommendations/01.yaml"), UPDATE, "text: A template was agreed.");
            serve.getUntil("/plans/sample-review-2024/recommendations/1/", r -> text(r).contains("A template was agreed."), "the saved update");
            assertThat(Jsoup.parse(serve.get(PreviewServer.WARNINGS).body()).text())
                    .as("the warning still told after another save").contains("plan 'sample-review' was in the content when the preview started");
        }
    }

    @Test
    void escapesWhatTheContentSaysInTheProblemsPage() throws IOException {
        Path content = content();
        try (ServeRun serve = ServeRun.on(content, temp.resolve("templates"))) {
            HttpResponse<String> problems = saveStatusAndGetProblems(serve, content, "<script>alert(1)</script>");
            assertThat(problems.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        }
    }

    /**
     * A page of another site that points its own name at 127.0.0.1 (DNS rebinding) cannot read the preview: its requests
     * carry its name as their host, and serve answers only for this computer's.
     */
    @Test
    void answersOnlyRequestsAddressedToThisComputer() throws IOException {
        try (ServeRun serve = ServeRun.on(content(), temp.resolve("templates"))) {
            int port = URI.create(serve.origin()).getPort();
            for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port)) {
                assertThat(statusLine(port, host, PLAN)).as(host).isEqualTo("HTTP/1.1 200 OK");
            }
            for (String host : List.of("attacker.example:" + port, "attacker.example", "127.0.0.1", "127.0.0.1:1")) {
                assertThat(statusLine(port, host, PLAN)).as(host).startsWith("HTTP/1.1 421");
            }
        }
    }

    /** The first line of the answer to a GET sent by hand, with the Host header an HTTP client would not let a test set. */
    private static String statusLine(int port, String host, String path) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
    }

    @Test
    void servesUnderTheSitesBasePathAsAStaticHostWould() throws IOException {
        Path content = content();
        ServeRun.edit(content.resolve("site.yaml"), "base_url: https://plans.example/", "base_url: https://plans.example/learning/action-plans/");
        try (ServeRun serve = ServeRun.on(content, temp.resolve("templates"))) {
            String base = "/learning/action-plans/";
            assertThat(serve.address()).isEqualTo(serve.origin() + base);

            assertThat(serve.get("/").statusCode()).isEqualTo(302);
            assertThat(serve.get("/").headers().firstValue("Location")).hasValue(base);
            assertThat(serve.get(base + "plans/sample-review").headers().firstValue("Location")).hasValue(base + "plans/sample-review/");

            HttpResponse<String> home = serve.get(base);
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(Jsoup.parse(home.body()).select("link[rel=canonical]").attr("href")).isEqualTo(serve.origin() + base);

            // the site's own 404 page, whose links start from the base path, for any address it does not have
            for (String missing : List.of(base + "no-such-page/", "/elsewhere", base + "plans/no-such-plan/")) {
                HttpResponse<String> notFound = serve.get(missing);
                assertThat(notFound.statusCode()).as(missing).isEqualTo(404);
                Document page = Jsoup.parse(notFound.body());
                assertThat(page.select("h1").text()).isEqualTo("Page not found");
                assertThat(page.select("link[rel=stylesheet]").attr("href")).isEqualTo(base + "assets/followthrough.css");
            }

            assertThat(serve.get(base + "assets/followthrough.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
            assertThat(serve.get(base + "plans/sample-review/actions.csv").headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
            // the feed as a static host sends a .xml file, so that a browser shows it through its stylesheet
            assertThat(serve.get(base + "plans/sample-review/progress.xml").headers().firstValue("Content-Type"))
                    .hasValue("application/xml; charset=utf-8");
            assertThat(serve.get(base + "assets/feed.xsl").headers().firstValue("Content-Type")).hasValue("application/xml; charset=utf-8");
            assertThat(serve.get(base + "plans/sample-review/targets.ics").headers().firstValue("Content-Type"))
                    .hasValue("text/calendar; charset=utf-8");
            assertThat(serve.get(base + "plans/sample-review/plan.json").headers().firstValue("Content-Type"))
                    .hasValue("application/json; charset=utf-8");
        }
    }

    @Test
    void linksThePdfWithoutItsSizeAndMakesItWhenItIsOpened() throws Exception {
        Path content = content();
        try (ServeRun serve = ServeRun.on(content, temp.resolve("templates"))) {
            Document plan = Jsoup.parse(serve.get(PLAN).body());
            var pdfLink = plan.select("ul.downloads a[type=application/pdf]");
            assertThat(pdfLink.attr("href")).isEqualTo("../../plans/sample-review/summary.pdf");
            assertThat(pdfLink.first().parent().text()).isEqualTo("Summary to read or print (PDF)");
            assertThat(plan.select("ul.downloads li:has(a[type=text/csv])").text()).matches("Every action, to open in a spreadsheet \\(CSV, \\d+ (bytes|KB)\\)");

            HttpResponse<byte[]> pdf = serve.client().send(HttpRequest.newBuilder(URI.create(serve.origin() + PLAN + "summary.pdf")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }

    @Test
    void tellsAnOpenPageToReloadWhenWhatItShowsChangesAndOnlyThen() throws Exception {
        Path content = content();
        try (ServeRun serve = ServeRun.on(content, temp.resolve("templates"))) {
            String version = Jsoup.parse(serve.get(PLAN).body()).select("script[data-version]").attr("data-version");
            String aboutVersion = Jsoup.parse(serve.get("/about/").body()).select("script[data-version]").attr("data-version");
            HttpRequest listen = HttpRequest.newBuilder(URI.create(serve.origin() + PreviewServer.EVENTS + "?page="
                    + java.net.URLEncoder.encode(PLAN, StandardCharsets.UTF_8) + "&version=" + version)).build();
            HttpResponse<InputStream> events = serve.client().send(listen, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(events.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");

            ServeRun.edit(recommendation(content), UPDATE, "text: A template has been drafted and agreed.");

            var firstEvent = firstEvent(events);
            assertThat(firstEvent.get(ServeRun.PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("event: reload");
            // a page the change does not touch keeps its version, so it is not reloaded
            assertThat(Jsoup.parse(serve.get("/about/").body()).select("script[data-version]").attr("data-version")).isEqualTo(aboutVersion);
        }
    }

    /** The stylesheet of the site's own templates, edited, reloads every open page: each shows it, though none changed itself. */
    @Test
    void tellsAnOpenPageToReloadWhenTheSitesStylesheetChanges() throws Exception {
        Path content = content();
        Path templates = Files.createDirectories(temp.resolve("own-templates").resolve("assets")).getParent();
        Files.copy(Path.of("templates/assets/followthrough.css"), templates.resolve("assets/followthrough.css"));
        try (ServeRun serve = ServeRun.on(content, templates)) {
            String version = Jsoup.parse(serve.get(PLAN).body()).select("script[data-version]").attr("data-version");
            HttpRequest listen = HttpRequest.newBuilder(URI.create(serve.origin() + PreviewServer.EVENTS + "?page="
                    + java.net.URLEncoder.encode(PLAN, StandardCharsets.UTF_8) + "&version="
                    + java.net.URLEncoder.encode(version, StandardCharsets.UTF_8))).build();
            HttpResponse<InputStream> events = serve.client().send(listen, HttpResponse.BodyHandlers.ofInputStream());

            Files.writeString(templates.resolve("assets/followthrough.css"), "\n.site-header { background: #600; }\n",
                    java.nio.file.StandardOpenOption.APPEND);

            var firstEvent = firstEvent(events);
            assertThat(firstEvent.get(ServeRun.PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("event: reload");
            assertThat(serve.get("/assets/followthrough.css").body()).endsWith(".site-header { background: #600; }\n");
        }
    }

    @Test
    void addsTheReloadScriptToServedPagesOnlyNeverToAPublishedSite() throws IOException {
        Path content = content();
        try (ServeRun serve = ServeRun.on(content, temp.resolve("templates"))) {
            assertThat(serve.get(PLAN).body()).contains("<script src=\"/__followthrough/reload.js\"");
            assertThat(serve.get("/assets/followthrough.css").body()).doesNotContain("__followthrough");
            assertThat(serve.get("/__followthrough/reload.js").body()).contains("EventSource");
        }
        Path site = temp.resolve("site");
        BuildResult built = Pipeline.build(TestBuilds.request(content, site));
        assertThat(built.succeeded()).as(built.problems().toString()).isTrue();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as(site.relativize(file).toString()).doesNotContain("__followthrough", "EventSource", "last-good");
            }
        }
    }

    @Test
    void stopsWhenInterruptedAndFreesItsPort() throws IOException {
        Path content = content();
        ServeRun serve = ServeRun.on(content, temp.resolve("templates"));
        String origin = serve.origin();
        assertThat(serve.stop()).isZero();
        int port = URI.create(origin).getPort();
        try (var socket = new java.net.ServerSocket(port, 0, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    /** Saves a status the plan's scale does not have, and waits for the plan's page to show the problem. */
    private HttpResponse<String> saveStatusAndGetProblems(ServeRun serve, Path content, String status) {
        ServeRun.edit(recommendation(content), "        status: done", "        status: " + status);
        return serve.getUntil(PLAN, r -> r.statusCode() == 500, "the problems page");
    }

    private static String text(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).text();
    }

    /** The first event the page's stream of events sends (its line "event: …"), read in the background. */
    private static java.util.concurrent.CompletableFuture<String> firstEvent(HttpResponse<InputStream> events) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                return lines.lines().filter(line -> line.startsWith("event:")).findFirst().orElse("(the stream ended)");
            } catch (IOException e) {
                return e.toString();
            }
        });
    }
}

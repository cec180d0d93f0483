package org.followthrough.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every link in the site built from the shipped content works, for the base URL in content/site.yaml,
 * at the root of a host, and under a folder of someone else's site:
 * <ul>
 * <li>relative links, stylesheets, scripts, images (and srcset), form actions and CSS url()s resolve
 * to files of the output ("…/" meaning "…/index.html"), and every #fragment names an id (or an
 * a[name]) on the page it points at;</li>
 * <li>rel=canonical, and any other absolute URL pointing at the site, starts with the base URL and
 * names an existing file;</li>
 * <li>nothing loads from another host (links out to other sites with a[href] are fine);</li>
 * <li>sitemap.xml and robots.txt, once the site has them, point only at existing files under the base URL
 * (the two tests are skipped while the files are not built);</li>
 * <li>every URL to the site in its data (JSON, CSV, feeds and calendars) names a file the site has, and a place
 * in it that the page has: a data user follows them as a reader follows links.</li>
 * </ul>
 * 404.html is checked as the server uses it: sent in place of a missing URL at any depth, so its links
 * must work from there too. Each site is built once and each page parsed once; every check reports all
 * it found at once, grouped by cause. A throwaway site with one of each mistake proves the checks can fail.
 */
class LinkCheckTest {

    /** The base URLs the site is built for. */
    enum Base {
        /** content/site.yaml's own base_url. */
        SHIPPED(null),
        /** The root of a host. */
        HOST_ROOT("https://followthrough.example/"),
        /** A folder in someone else's site. */
        SUBFOLDER("https://trust.example/learning/action-plans/");

        final String url;

        Base(String url) {
            this.url = url;
        }
    }

    @TempDir
    static Path temp;

    private static final Map<Base, Site> SITES = new ConcurrentHashMap<>();
    /** content/site.yaml's base_url: no other build may still point at it. */
    private static String configuredBase;

    @BeforeAll
    static void readTheConfiguredBaseUrl() {
        var check = Pipeline.check(TestBuilds.request(TestBuilds.SHIPPED_CONTENT, null));
        assertThat(check.succeeded()).as("content/ is valid: %s", check.problems()).isTrue();
        String url = check.archive().site().baseUrl();
        configuredBase = url.endsWith("/") ? url : url + "/";
    }

    private static Site site(Base base) {
        return SITES.computeIfAbsent(base, b -> new Site(BuiltSite.build(temp.resolve(b.name().toLowerCase(Locale.ROOT)), b.url)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Base.class)
    void relativeLinksAndFragmentsResolveToFilesOfTheSite(Base base) {
        relativeLinks(site(base)).assertEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Base.class)
    void canonicalAndOtherAbsoluteUrlsToTheSiteUseTheBaseUrlAndExist(Base base) {
        absoluteUrlsToTheSite(site(base), configuredBase).assertEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Base.class)
    void nothingLoadsFromAnotherHost(Base base) {
        loadsFromElsewhere(site(base)).assertEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Base.class)
    void sitemapListsExistingPagesUnderTheBaseUrl(Base base) {
        Site site = site(base);
        assumeTrue(site.built.has("sitemap.xml"), "sitemap.xml is not built yet: nothing to check");
        sitemap(site).assertEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Base.class)
    void robotsTxtPointsToTheSitemapUnderTheBaseUrl(Base base) {
        Site site = site(base);
        assumeTrue(site.built.has("robots.txt"), "robots.txt is not built yet: nothing to check");
        robots(site).assertEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Base.class)
    void urlsToTheSiteInItsDataNameFilesItHas(Base base) {
        urlsInTheData(site(base)).assertEmpty();
    }

    /** Proves the checks can fail: a throwaway site with one of each mistake, checked by the same code. */
    @Test
    void theChecksFindEveryKindOfBrokenLinkInAThrowawaySite() throws IOException {
        Path root = temp.resolve("throwaway");
        String base = "https://followthrough.test/site/";
        write(root, "index.html", page("""
                <link rel="canonical" href="https://other.example/">
                <link rel="stylesheet" href="https://cdn.example/x.css">
                <link rel="stylesheet" href="style.css">
                </head><body style="background: url(https://fonts.example/bg.png)">
                <main id="main">
                <a href="#main">fine</a> <a href="#nowhere">no such id</a>
                <a href="page.html#there">fine</a> <a href="page.html#nope">no such id there</a>
                <a href="missing/">no such folder</a> <a href="sub">folder without a slash</a> <a href="sub/">fine</a>
                <a href="../../up.html">above the site</a> <a href="https://external.example/">outbound: fine</a>
                <a href="https://followthrough.test/site/page.html#there">absolute to the site: fine</a>
                <a href="http://followthrough.test/site/page.html">the site, but not its base URL</a>
                <a href="https://followthrough.example/action-plans/plans/x/">site.yaml's base URL, hard-coded</a>
                <a href="javascript:void(0)">not a link</a>
                <img src="//images.example/a.png" alt=""> <img src="logo.png" srcset="logo.png 1x, gone.png 2x" alt="">
                <form action="search/"><button>Search</button></form>
                <svg aria-hidden="true"><symbol id="shape" viewBox="0 0 16 16"><path d="M0 0h16v16z"/></symbol><use href="#shape"/></svg>
                <svg aria-hidden="true"><use href="#no-shape"/></svg>
                </main>"""));
        write(root, "page.html", page("</head><body><main><h1 id=\"there\">There</h1></main>"));
        write(root, "sub/index.html", page("<link rel=\"canonical\" href=\"https://followthrough.test/site/page.html\"></head><body></body>"));
        write(root, "404.html", page("<link rel=\"stylesheet\" href=\"style.css\"></head><body><a href=\"/site/\">home</a></body>"));
        write(root, "logo.png", "");
        write(root, "style.css", "@import \"https://fonts.example/css\";\n/* url(commented-out.png) */\nbody { background: url('missing.png'); }\n");
        write(root, "sitemap.xml", "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>" + base + "</loc></url><url><loc>" + base + "nope/</loc></url>"
                + "<url><loc>https://elsewhere.example/</loc></url></urlset>");
        write(root, "robots.txt", "User-agent: *\nAllow: /\n");
        write(root, "data/site.json", "{\"page\": \"https://followthrough.test/site/page.html#there\", "
                + "\"csv\": \"https://followthrough.test/site/data/actions.csv\", \"elsewhere\": \"https://external.example/x.csv\"}");
        write(root, "data/targets.ics", "BEGIN:VCALENDAR\r\nURL:https://followthrough.test/site/pa\r\n ge.html#nope\r\nEND:VCALENDAR\r\n");
        Site site = new Site(BuiltSite.of(root, base));

        assertThat(relativeLinks(site).lines()).containsExactlyInAnyOrder(
                "missing fragment target: index.html → #nowhere (a[href])",
                "missing fragment target: index.html → page.html#nope (a[href])",
                "missing fragment target: index.html → #no-shape (use[href])",
                "missing file: index.html → missing/ (a[href])",
                "folder link without trailing slash: index.html → sub (a[href])",
                "outside the site: index.html → ../../up.html (a[href])",
                "unexpected scheme: index.html → javascript:void(0) (a[href])",
                "missing file: index.html → gone.png (img[srcset])",
                "missing file: index.html → search/ (form[action])",
                "missing file: style.css → missing.png (url() in the stylesheet)",
                "missing file: 404.html → style.css (link[rel=stylesheet][href] as served for no/such/folder/page)");
        assertThat(absoluteUrlsToTheSite(site, configuredBase).lines()).containsExactlyInAnyOrder(
                "not under the base URL: index.html → https://other.example/ (link[rel=canonical][href])",
                "canonical names another page: sub/index.html → https://followthrough.test/site/page.html (link[rel=canonical][href])",
                "not under the base URL: index.html → http://followthrough.test/site/page.html (a[href])",
                "hard-coded site.yaml base URL: index.html → https://followthrough.example/action-plans/plans/x/ (a[href])");
        assertThat(loadsFromElsewhere(site).lines()).containsExactlyInAnyOrder(
                "loads from another host: index.html → https://cdn.example/x.css (link[rel=stylesheet][href])",
                "loads from another host: index.html → https://fonts.example/bg.png (body[style] url())",
                "loads from another host: index.html → //images.example/a.png (img[src])",
                "loads from another host: style.css → https://fonts.example/css (@import)",
                "rel=canonical/alternate outside the base URL: index.html → https://other.example/ (link[rel=canonical][href])");
        assertThat(sitemap(site).lines()).containsExactlyInAnyOrder(
                "missing file: sitemap.xml → https://followthrough.test/site/nope/ (<loc>)",
                "not under the base URL: sitemap.xml → https://elsewhere.example/ (<loc>)");
        assertThat(robots(site).lines()).containsExactly(
                "no Sitemap line for the sitemap: robots.txt → (none) (Sitemap:)");
        assertThat(urlsInTheData(site).lines()).containsExactlyInAnyOrder(
                "missing file: data/site.json → https://followthrough.test/site/data/actions.csv (URL in the data)",
                "missing fragment target: data/targets.ics → https://followthrough.test/site/page.html#nope (URL in the data)");
    }

    private static String page(String rest) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title>\n" + rest + "</html>";
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------
    // The checks: each returns everything it found.

    static Report relativeLinks(Site site) {
        Report report = new Report("broken internal link(s)", site);
        for (Ref ref : site.refs) {
            String raw = ref.url.strip();
            if (raw.isEmpty()) {
                if (ref.use != Use.NAVIGATE) {
                    report.add(ref, "empty URL", "an empty URL loads the page itself");
                }
                continue;
            }
            URI uri = Site.parse(raw);
            if (uri == null) {
                report.add(ref, "malformed URL", "not a valid URL");
                continue;
            }
            if (uri.getScheme() != null) {
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                boolean fine = switch (ref.use) {
                    case NAVIGATE -> Set.of("http", "https", "mailto", "tel").contains(scheme);
                    case LOAD -> Set.of("http", "https", "data").contains(scheme);
                    case REFER -> Set.of("http", "https").contains(scheme);
                };
                if (!fine) {
                    report.add(ref, "unexpected scheme", "a " + scheme + ": URL has no place here");
                }
                continue; // absolute: see the two checks below
            }
            if (raw.startsWith("//")) {
                continue; // protocol-relative: another host, see loadsFromElsewhere
            }
            if (raw.startsWith("#") && site.pages.containsKey(ref.source)) {
                // a place on this very page, wherever the page is served from
                URI self = site.baseUri.resolve(Site.encode(ref.source));
                site.problemWith(site.resolve(self, uri), ref.use).ifPresent(p -> report.add(ref, p));
                continue;
            }
            site.problemWith(site.resolve(ref.context, uri), ref.use).ifPresent(p -> report.add(ref, p));
        }
        return report;
    }

    static Report absoluteUrlsToTheSite(Site site, String configuredBase) {
        Report report = new Report("wrong absolute URL(s) to the site", site);
        for (var page : site.pages.entrySet()) {
            String path = page.getKey();
            List<Element> canonicals = page.getValue().select("link[rel][href]").stream()
                    .filter(l -> Site.relTokens(l).contains("canonical")).toList();
            if (canonicals.size() > 1) {
                report.add(new Ref(path, "link[rel=canonical]", canonicals.size() + " of them", Use.REFER, null),
                        "several canonicals", "a page has at most one canonical URL");
            }
            for (Element link : canonicals) {
                String href = link.attr("href").strip();
                Ref ref = new Ref(path, "link[rel=canonical][href]", href, Use.REFER, null);
                URI uri = Site.parse(href);
                if (uri == null || uri.getScheme() == null) {
                    report.add(ref, "canonical not absolute", "a canonical URL must be absolute, starting with " + site.base);
                } else if (!href.startsWith(site.base)) {
                    report.add(ref, "not under the base URL", "does not start with the base URL " + site.base);
                } else {
                    String file = site.target(uri).file();
                    site.problemWith(uri, Use.REFER).ifPresentOrElse(p -> report.add(ref, p), () -> {
                        if (!path.equals("404.html") && !path.equals(file)) {
                            report.add(ref, "canonical names another page", "names " + file + ", not this page");
                        }
                    });
                }
            }
        }
        // any other absolute URL that points at the site, in any attribute or JSON-LD
        for (Ref ref : site.absoluteUrls) {
            String url = ref.url;
            URI uri = Site.parse(url);
            if (uri == null) {
                continue;
            }
            if (configuredBase != null && !configuredBase.equals(site.base) && url.startsWith(configuredBase) && !url.startsWith(site.base)) {
                report.add(ref, "hard-coded site.yaml base URL", "still points at content/site.yaml's base_url "
                        + configuredBase + " in a site built for " + site.base);
            } else if (site.pointsAtTheSite(uri)) {
                if (!url.startsWith(site.base)) {
                    report.add(ref, "not under the base URL", "points at the site but does not start with the base URL " + site.base);
                } else {
                    site.problemWith(uri, ref.use).ifPresent(p -> report.add(ref, p));
                }
            }
        }
        return report;
    }

    static Report loadsFromElsewhere(Site site) {
        Report report = new Report("thing(s) loaded from outside the site", site);
        for (Ref ref : site.refs) {
            String raw = ref.url.strip();
            URI uri = Site.parse(raw);
            boolean absolute = raw.startsWith("//") || uri != null && uri.getScheme() != null
                    && Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT));
            if (!absolute) {
                continue;
            }
            if (ref.use == Use.LOAD) {
                String host = uri == null || uri.getHost() == null ? raw : uri.getHost();
                if (uri != null && uri.getScheme() != null && site.pointsAtTheSite(uri)) {
                    report.add(ref, "absolute URL for a resource of the site",
                            "use a relative URL: the browser would fetch it from " + host + " even when the site is served elsewhere");
                } else {
                    report.add(ref, "loads from another host", "loads from " + host);
                }
            } else if (ref.use == Use.REFER && !raw.startsWith(site.base)) {
                report.add(ref, "rel=canonical/alternate outside the base URL", "must start with the base URL " + site.base);
            }
        }
        return report;
    }

    /**
     * The URLs to the site in its JSON, CSV, feeds and calendars (sitemap.xml has its own check); a calendar's lines are
     * unfolded first, as a calendar program reads them.
     */
    static Report urlsInTheData(Site site) {
        Report report = new Report("URL(s) in the data naming nothing in the site", site);
        for (String suffix : List.of(".json", ".csv", ".xml", ".ics")) {
            for (String path : site.built.filesEndingWith(suffix)) {
                if (path.equals("sitemap.xml")) {
                    continue;
                }
                String text = site.built.text(path);
                if (suffix.equals(".ics")) {
                    text = text.replace("\r\n ", "").replace("\r\n\t", "");
                }
                Matcher m = Site.ABSOLUTE_URL.matcher(text);
                while (m.find()) {
                    String url = m.group().replace("&amp;", "&");
                    URI uri = Site.parse(url);
                    if (uri != null && url.startsWith(site.base)) {
                        Ref ref = new Ref(path, "URL in the data", url, Use.REFER, null);
                        site.problemWith(uri, Use.REFER).ifPresent(p -> report.add(ref, p));
                    }
                }
            }
        }
        return report;
    }

    static Report sitemap(Site site) {
        Report report = new Report("wrong sitemap entr(y/ies)", site);
        Document xml = Jsoup.parse(site.built.text("sitemap.xml"), "", Parser.xmlParser());
        Element root = xml.children().first();
        if (root == null || !Set.of("urlset", "sitemapindex").contains(root.tagName())) {
            report.add(new Ref("sitemap.xml", "root element", root == null ? "(none)" : root.tagName(), Use.REFER, null),
                    "not a sitemap", "the root element must be <urlset> (or <sitemapindex>)");
        }
        List<Element> locs = xml.select("loc");
        if (locs.isEmpty()) {
            report.add(new Ref("sitemap.xml", "<loc>", "(none)", Use.REFER, null), "empty sitemap", "lists no URL");
        }
        for (Element loc : locs) {
            String url = loc.text().strip();
            Ref ref = new Ref("sitemap.xml", "<loc>", url, Use.REFER, null);
            URI uri = Site.parse(url);
            if (uri == null || uri.getScheme() == null) {
                report.add(ref, "sitemap URL not absolute", "must be absolute, starting with " + site.base);
            } else if (!url.startsWith(site.base)) {
                report.add(ref, "not under the base URL", "does not start with the base URL " + site.base);
            } else if (uri.getRawFragment() != null) {
                report.add(ref, "fragment in sitemap", "sitemap URLs name pages, not places in them");
            } else {
                site.problemWith(uri, Use.REFER).ifPresent(p -> report.add(ref, p));
            }
        }
        return report;
    }

    static Report robots(Site site) {
        Report report = new Report("wrong robots.txt line(s)", site);
        List<String> sitemaps = new ArrayList<>();
        for (String line : site.built.text("robots.txt").split("\r?\n|\r")) {
            String content = line.replaceFirst("#.*", "").strip();
            int colon = content.indexOf(':');
            if (colon > 0 && content.substring(0, colon).strip().equalsIgnoreCase("sitemap")) {
                String url = content.substring(colon + 1).strip();
                sitemaps.add(url);
                Ref ref = new Ref("robots.txt", "Sitemap:", url, Use.REFER, null);
                URI uri = Site.parse(url);
                if (uri == null || uri.getScheme() == null) {
                    report.add(ref, "sitemap URL not absolute", "must be absolute, starting with " + site.base);
                } else if (!url.startsWith(site.base)) {
                    report.add(ref, "not under the base URL", "does not start with the base URL " + site.base);
                } else {
                    site.problemWith(uri, Use.REFER).ifPresent(p -> report.add(ref, p));
                }
            }
        }
        String expected = site.base + "sitemap.xml";
        if (!sitemaps.contains(expected)) {
            report.add(new Ref("robots.txt", "Sitemap:", sitemaps.isEmpty() ? "(none)" : String.join(" ", sitemaps), Use.REFER, null),
                    "no Sitemap line for the sitemap", "needs the line \"Sitemap: " + expected + "\""
                            + (site.built.has("sitemap.xml") ? "" : " (and the site has no sitemap.xml)"));
        }
        return report;
    }

    // ------------------------------------------------------------------------------------------

    /** How a URL is used: followed by the reader, fetched by the browser, or naming the page (canonical, alternate). */
    enum Use { NAVIGATE, LOAD, REFER }

    /**
     * A URL found in the site.
     *
     * @param source  the file it is in
     * @param where   the element and attribute (or CSS construct) it is in
     * @param url     the URL as written
     * @param use     what it is for
     * @param context the URL it is relative to
     */
    record Ref(String source, String where, String url, Use use, URI context) {
    }

    /** One built site, with every page parsed once and every URL in it collected. */
    static final class Site {

        /** A URL that is not in the site, where the server would send the 404 page. */
        static final String MISSING_URL = "no/such/folder/page";
        private static final Pattern CSS_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
        private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\\s]*))\\s*\\)", Pattern.CASE_INSENSITIVE);
        private static final Pattern CSS_IMPORT = Pattern.compile("@import\\s+(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
        private static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)\\bhttps?://[^\\s\"'<>()\\[\\]{},]+");
        private static final Pattern REFRESH = Pattern.compile("(?i)^\\s*\\d*(?:\\.\\d*)?\\s*[;,]\\s*(?:url\\s*=\\s*)?['\"]?([^'\"]*)['\"]?\\s*$");
        /** Link types that make the browser fetch the link; everything else in link[href] only names something. */
        private static final Set<String> FETCHING_RELS = Set.of("stylesheet", "icon", "apple-touch-icon", "mask-icon", "manifest",
                "preload", "modulepreload", "prefetch", "prerender", "preconnect", "dns-prefetch");
        private static final String[][] LOADING_ATTRIBUTES = {
                {"script", "src"}, {"img", "src"}, {"iframe", "src"}, {"frame", "src"}, {"embed", "src"}, {"source", "src"},
                {"track", "src"}, {"audio", "src"}, {"video", "src"}, {"video", "poster"}, {"input", "src"}, {"object", "data"},
                {"use", "href"}, {"use", "xlink:href"}, {"image", "href"}, {"image", "xlink:href"}};
        private static final String[][] NAVIGATING_ATTRIBUTES = {
                {"a", "href"}, {"area", "href"}, {"form", "action"}, {"button", "formaction"}, {"input", "formaction"}};

        final BuiltSite built;
        final String base;
        final URI baseUri;
        /** Every HTML page, parsed once, by path. */
        final Map<String, Document> pages = new TreeMap<>();
        /** The ids and a[name]s of every HTML page, by path. */
        final Map<String, Set<String>> anchors = new LinkedHashMap<>();
        /** Every URL in a place that links or loads. */
        final List<Ref> refs = new ArrayList<>();
        /** Every absolute http(s) URL anywhere in an attribute or JSON-LD, canonical links excepted. */
        final List<Ref> absoluteUrls = new ArrayList<>();

        Site(BuiltSite built) {
            this.built = built;
            this.base = built.baseUrl();
            this.baseUri = URI.create(base);
            for (String path : built.filesEndingWith(".html")) {
                URI pageUrl = baseUri.resolve(encode(path));
                Document doc = Jsoup.parse(built.text(path), pageUrl.toString());
                pages.put(path, doc);
                Set<String> ids = new HashSet<>();
                doc.select("[id]").forEach(e -> ids.add(e.id()));
                doc.select("a[name]").forEach(e -> ids.add(e.attr("name")));
                anchors.put(path, ids);
                if (path.equals("404.html")) {
                    // the server sends the 404 page in place of any missing URL, at any depth: its links must work from there
                    collect(path, doc, baseUri.resolve(MISSING_URL), " as served for " + MISSING_URL);
                } else {
                    collect(path, doc, pageUrl, "");
                }
            }
            for (String css : built.filesEndingWith(".css")) {
                cssUrls(css, "url() in the stylesheet", built.text(css), baseUri.resolve(encode(css)));
            }
        }

        private void collect(String path, Document doc, URI pageUrl, String servedAs) {
            URI context = pageUrl;
            Element baseElement = doc.selectFirst("base[href]");
            if (baseElement != null) {
                URI href = parse(baseElement.attr("href").strip());
                context = href == null ? pageUrl : pageUrl.resolve(href);
            }
            for (String[] ea : NAVIGATING_ATTRIBUTES) {
                for (Element e : doc.select(ea[0] + "[" + cssEscape(ea[1]) + "]")) {
                    refs.add(new Ref(path, ea[0] + "[" + ea[1] + "]" + servedAs, e.attr(ea[1]), Use.NAVIGATE, context));
                }
            }
            for (Element link : doc.select("link[href]")) {
                Set<String> rels = relTokens(link);
                boolean names = (rels.contains("canonical") || rels.contains("alternate")) && rels.stream().noneMatch(FETCHING_RELS::contains);
                refs.add(new Ref(path, "link[rel=" + link.attr("rel") + "][href]" + servedAs, link.attr("href"), names ? Use.REFER : Use.LOAD, context));
            }
            for (String[] ea : LOADING_ATTRIBUTES) {
                for (Element e : doc.select(ea[0] + "[" + cssEscape(ea[1]) + "]")) {
                    refs.add(new Ref(path, ea[0] + "[" + ea[1] + "]" + servedAs, e.attr(ea[1]), Use.LOAD, context));
                }
            }
            for (Element e : doc.select("[srcset]")) {
                for (String candidate : e.attr("srcset").split(",")) {
                    String url = candidate.strip().split("\\s+", 2)[0];
                    if (!url.isEmpty()) {
                        refs.add(new Ref(path, e.tagName() + "[srcset]" + servedAs, url, Use.LOAD, context));
                    }
                }
            }
            for (Element meta : doc.select("meta[http-equiv][content]")) {
                if (meta.attr("http-equiv").equalsIgnoreCase("refresh")) {
                    Matcher m = REFRESH.matcher(meta.attr("content"));
                    if (m.matches() && !m.group(1).isBlank()) {
                        refs.add(new Ref(path, "meta[http-equiv=refresh]" + servedAs, m.group(1), Use.NAVIGATE, context));
                    }
                }
            }
            for (Element e : doc.select("[style]")) {
                cssUrls(path, e.tagName() + "[style] url()" + servedAs, e.attr("style"), context);
            }
            for (Element style : doc.select("style")) {
                cssUrls(path, "<style> url()" + servedAs, style.data(), context);
            }
            // absolute URLs anywhere, to find those that point at the site
            for (Element e : doc.getAllElements()) {
                boolean canonical = e.tagName().equals("link") && relTokens(e).contains("canonical");
                for (Attribute a : e.attributes()) {
                    if (canonical && a.getKey().equals("href")) {
                        continue;
                    }
                    Use use = e.tagName().equals("a") || e.tagName().equals("area") || e.tagName().equals("form") ? Use.NAVIGATE : Use.REFER;
                    Matcher m = ABSOLUTE_URL.matcher(a.getValue());
                    while (m.find()) {
                        absoluteUrls.add(new Ref(path, e.tagName() + "[" + a.getKey() + "]", m.group(), use, null));
                    }
                }
            }
            for (Element json : doc.select("script[type=application/ld+json]")) {
                Matcher m = ABSOLUTE_URL.matcher(json.data());
                while (m.find()) {
                    absoluteUrls.add(new Ref(path, "JSON-LD", m.group(), Use.REFER, null));
                }
            }
        }

        private void cssUrls(String source, String where, String css, URI context) {
            String code = CSS_COMMENT.matcher(css).replaceAll(" ");
            for (Pattern p : List.of(CSS_URL, CSS_IMPORT)) {
                Matcher m = p.matcher(code);
                while (m.find()) {
                    String url = Arrays.stream(new String[] {m.group(1), m.group(2), m.groupCount() > 2 ? m.group(3) : null})
                            .filter(Objects::nonNull).findFirst().orElse("");
                    refs.add(new Ref(source, p == CSS_IMPORT ? "@import" : where, url, Use.LOAD, context));
                }
            }
        }

        static Set<String> relTokens(Element link) {
            return Arrays.stream(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).filter(s -> !s.isEmpty())
                    .collect(Collectors.toSet());
        }

        private static String cssEscape(String attribute) {
            return attribute.replace(":", "|"); // jsoup: ns|attr
        }

        static URI parse(String url) {
            try {
                return new URI(url);
            } catch (URISyntaxException e) {
                return null;
            }
        }

        static URI encode(String path) {
            try {
                return new URI(null, null, path, null);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(path, e);
            }
        }

        /** Resolves a relative reference as a browser would (java.net.URI gets "" and "?q" wrong). */
        URI resolve(URI context, URI relative) {
            if (relative.getRawPath() == null || relative.getRawPath().isEmpty()) {
                try {
                    return new URI(context.getScheme(), context.getRawAuthority() == null ? null : context.getAuthority(), context.getPath(),
                            relative.getRawQuery() != null ? relative.getQuery() : context.getQuery(), relative.getFragment());
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException(e);
                }
            }
            return context.resolve(relative);
        }

        /** Whether an absolute URL is on the site's host and under its base path (whatever the scheme or host case). */
        boolean pointsAtTheSite(URI uri) {
            if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(baseUri.getHost())) {
                return false;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return path.startsWith(baseUri.getRawPath()) || (path + "/").equals(baseUri.getRawPath());
        }

        /** The file of the site a URL names (null if it is outside the site), and its fragment. */
        record Target(String file, String fragment, String outside) {
        }

        Target target(URI url) {
            URI u = url.normalize();
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            boolean sameOrigin = u.getScheme() != null && u.getScheme().equalsIgnoreCase(baseUri.getScheme())
                    && u.getHost() != null && u.getHost().equalsIgnoreCase(baseUri.getHost()) && u.getPort() == baseUri.getPort();
            if (!sameOrigin || !path.startsWith(baseUri.getRawPath()) || path.contains("/../") || path.endsWith("/..")) {
                return new Target(null, u.getFragment(), u.getScheme() + "://" + u.getRawAuthority() + path);
            }
            String file = u.getPath().substring(baseUri.getPath().length());
            if (file.isEmpty() || file.endsWith("/")) {
                file += "index.html";
            }
            return new Target(file, u.getFragment(), null);
        }

        /** What is wrong with an absolute URL meant to name a file of this site (and a place in it), if anything. */
        java.util.Optional<String> problemWith(URI url, Use use) {
            Target t = target(url);
            if (t.file == null) {
                return java.util.Optional.of("outside the site|resolves to " + t.outside + ", outside the base URL " + base);
            }
            if (!built.has(t.file)) {
                if (built.has(t.file + "/index.html")) {
                    return java.util.Optional.of("folder link without trailing slash|" + t.file + " is a folder: end the link with \"/\"");
                }
                return java.util.Optional.of("missing file|no file " + t.file);
            }
            if (t.fragment != null && !t.fragment.isEmpty() && !t.fragment.equalsIgnoreCase("top") && anchors.containsKey(t.file)
                    && !anchors.get(t.file).contains(t.fragment)) {
                return java.util.Optional.of("missing fragment target|no id=\"" + t.fragment + "\" in " + t.file);
            }
            return java.util.Optional.empty();
        }
    }

    /** Collects problems and fails with all of them, grouped by cause. */
    static final class Report {
        private record Line(Ref ref, String cause, String detail) {
        }

        private final String what;
        private final Site site;
        private final List<Line> lines = new ArrayList<>();

        Report(String what, Site site) {
            this.what = what;
            this.site = site;
        }

        void add(Ref ref, String causeAndDetail) {
            String[] parts = causeAndDetail.split("\\|", 2);
            add(ref, parts[0], parts[1]);
        }

        void add(Ref ref, String cause, String detail) {
            lines.add(new Line(ref, cause, detail));
        }

        /** One line per distinct problem: "cause: source → url (where)". */
        List<String> lines() {
            return lines.stream().map(l -> l.cause + ": " + l.ref.source + " → " + l.ref.url + " (" + l.ref.where + ")").distinct().toList();
        }

        void assertEmpty() {
            if (lines.isEmpty()) {
                return;
            }
            List<Line> distinct = lines.stream().distinct().toList();
            Map<String, List<Line>> byCause = new TreeMap<>(distinct.stream().collect(Collectors.groupingBy(Line::cause)));
            StringBuilder out = new StringBuilder(distinct.size() + " " + what + " in the site built for " + site.base + ":\n");
            byCause.forEach((cause, list) -> {
                out.append(cause).append(" (").append(list.size()).append("):\n");
                list.stream().sorted(Comparator.comparing((Line l) -> l.ref.source).thenComparing(l -> l.ref.url))
                        .forEach(l -> out.append("  ").append(l.ref.source).append(" → ").append(l.ref.url)
                                .append(" (").append(l.ref.where).append("): ").append(l.detail).append('\n'));
            });
            fail(out.toString());
        }
    }
}

package org.followthrough.render;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.followthrough.model.Site;
import org.followthrough.model.Slug;

/**
 * Every address of the site in one place: the path of each page and download from the site root,
 * the pages of recommendations and the anchors of actions, and absolute addresses. Paths of folders end in
 * "/", so that pages are {@code <folder>index.html} and links work under any sub-path.
 *
 * <p>Per plan and per organisation, the downloads sit next to the HTML page
 * ({@code plans/<id>/actions.csv}, {@code organisations/<id>/targets.ics}); the whole site's are
 * under {@code data/}; the JSON Schemas of the JSON downloads are under {@code schema/}, next to
 * the content schemas.
 */
public final class Routes {

    public static final String HOME = "";
    public static final String ACTIONS = "actions/";
    public static final String OVERDUE = "actions/overdue/";
    public static final String NOT_UPDATED_RECENTLY = "actions/not-updated-recently/";
    /** Actions whose target has passed with no status published: not called overdue. */
    public static final String TARGET_PASSED = "actions/target-passed-no-status/";
    /** Every plan, to narrow by organisation, kind of review, year and status (its first page). */
    public static final String PLANS = "plans/";
    /**
     * The rest of the list of plans: its further pages and the pages that narrow it, outside plans/, where a
     * plan's id could take any name.
     */
    public static final String FIND_PLANS = "find-plans/";
    /** The search page, and under it the index its script reads. */
    public static final String SEARCH = "search/";
    public static final String SEARCH_INDEX = SEARCH + "index/";
    public static final String ORGANISATIONS = "organisations/";
    /** The list of the site's themes. */
    public static final String THEMES = "themes/";
    public static final String ABOUT = "about/";
    public static final String ACCESSIBILITY = "accessibility/";
    public static final String NOT_FOUND = "404.html";
    public static final String SITEMAP = "sitemap.xml";
    public static final String ROBOTS = "robots.txt";

    /** The list of the site's snapshots; each snapshot is a frozen copy of the site in a folder under it named after its date. */
    public static final String SNAPSHOTS = "snapshots/";

    /** The folder of the site-wide downloads. */
    public static final String SITE_DATA = "data/";
    /** Where the HTML fragments for embedding in other websites go. */
    public static final String FRAGMENTS = "fragments/";

    public static final String CSV = "actions.csv";
    /** The CSVW convention: a metadata file named after its CSV with "-metadata.json" is found automatically. */
    public static final String CSV_METADATA = CSV + "-metadata.json";
    public static final String PLAN_JSON = "plan.json";
    public static final String ORGANISATION_JSON = "organisation.json";
    public static final String SITE_JSON = "site.json";
    /**
     * The Atom feed. Named .xml, not .atom, as static hosts then serve it as XML, which browsers show as a page through
     * its stylesheet (assets/feed.xsl); one served as application/atom+xml Chromium shows as raw text.
     */
    public static final String ATOM = "progress.xml";
    /** The same progress updates as {@link #ATOM}, as a JSON Feed 1.1. */
    public static final String JSON_FEED = "progress.json";
    public static final String ICS = "targets.ics";
    public static final String PDF = "summary.pdf";

    /** What changed after the date a build is given ({@code --since}); an organisation's are under its own page. */
    public static final String CHANGES = "changes/";
    /** The changes as CSV: in data/ for the site, beside the page of each organisation for its own. */
    public static final String CHANGES_CSV = "changes.csv";
    public static final String CHANGES_CSV_METADATA = CHANGES_CSV + "-metadata.json";

    public static final String PLAN_SCHEMA = "schema/plan-data.schema.json";
    public static final String ORGANISATION_SCHEMA = "schema/organisation-data.schema.json";
    public static final String SITE_SCHEMA = "schema/site-data.schema.json";

    private Routes() {
    }

    /** The plans with one value of one way of narrowing the list ("organisation", "eput" → find-plans/organisation/eput/). */
    public static String planFilter(String facet, String value) {
        return FIND_PLANS + facet + "/" + slug(value) + "/";
    }

    /** The search index's description: how many documents, shards and buckets of words it has. */
    public static final String SEARCH_META = SEARCH_INDEX + "meta.json";

    /** The n-th shard of the search index's documents, from 0. */
    public static String searchDocs(int shard) {
        return SEARCH_INDEX + "docs-" + shard + ".json";
    }

    /** The n-th bucket of the search index's words, from 0. */
    public static String searchWords(int bucket) {
        return SEARCH_INDEX + "words-" + bucket + ".json";
    }

    /** The further pages of the whole list of plans; page 1 is {@link #PLANS}. */
    public static final String ALL_PLANS = FIND_PLANS + "all/";

    /** A plan's page, and the folder of its downloads. */
    public static String plan(String planId) {
        return "plans/" + planId + "/";
    }

    /** The list of the commits that changed a plan's files. */
    public static String planHistory(String planId) {
        return plan(planId) + "history/";
    }

    /** An organisation's page, and the folder of its downloads. */
    public static String organisation(String organisationId) {
        return "organisations/" + organisationId + "/";
    }

    /** A theme's page: the recommendations and actions of every plan under it. */
    public static String theme(String themeId) {
        return THEMES + themeId + "/";
    }

    /** What changed to the actions an organisation owns ({@code build --since}). */
    public static String organisationChanges(String organisationId) {
        return organisation(organisationId) + CHANGES;
    }

    /**
     * A recommendation's own page, with its actions in full: plans/&lt;id&gt;/recommendations/&lt;number&gt;/. The
     * plan's page keeps the anchor {@code #recommendation-<number>} on its entry in the contents, and
     * {@code #action-<ref>} on each action's row, so that addresses of the single-page plans still lead there.
     */
    public static String recommendation(String planId, String number) {
        return plan(planId) + "recommendations/" + slug(number) + "/";
    }

    /** An action on its recommendation's page. */
    public static String action(String planId, String recommendationNumber, String ref) {
        return recommendation(planId, recommendationNumber) + "#" + anchor("action", ref);
    }

    /** Actions in one stage of the common lifecycle ("in_progress" → actions/status/in-progress/). */
    public static String lifecycle(String code) {
        return "actions/status/" + code.replace('_', '-') + "/";
    }

    /** A snapshot of the site as it stood on a date: {@code snapshots/2026-11-23/}. */
    public static String snapshot(java.time.LocalDate date) {
        return SNAPSHOTS + date + "/";
    }

    public static String planFragment(String planId) {
        return FRAGMENTS + "plans/" + planId + ".html";
    }

    public static String organisationFragment(String organisationId) {
        return FRAGMENTS + "organisations/" + organisationId + ".html";
    }

    /** Where an organisation's own site puts its logo: assets/logo.svg or assets/logo.png. */
    public static String logo(String contentPath) {
        return "assets/logo" + contentPath.substring(contentPath.lastIndexOf('.'));
    }

    /** Anchors are stable: they come from the numbers and refs as published. */
    public static String anchor(String prefix, String published) {
        return prefix + "-" + slug(published);
    }

    private static String slug(String published) {
        return Slug.of(published);
    }

    /** An absolute address on the site from a path from its root. */
    public static String url(Site site, String path) {
        return site.baseUrl() + path;
    }

    /** The site's host name, for tag: URIs and calendar UIDs. */
    public static String host(Site site) {
        return address(site.baseUrl()).host();
    }

    /** The site's path below its host, still percent-encoded, without the leading slash ("action-plans/"), or "" at the root. */
    public static String basePath(Site site) {
        return address(site.baseUrl()).path();
    }

    /** A base URL's host and path, as {@link #host} and {@link #basePath} give them. */
    private record Address(String baseUrl, String host, String path) {
        static Address of(String baseUrl) {
            URI uri = URI.create(baseUrl);
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            String path = uri.getRawPath();
            if (path == null || path.isEmpty() || path.equals("/")) {
                return new Address(baseUrl, host, "");
            }
            String trimmed = path.startsWith("/") ? path.substring(1) : path;
            return new Address(baseUrl, host, trimmed.endsWith("/") ? trimmed : trimmed + "/");
        }
    }

    /**
     * The last base URL taken apart: each entry of a feed and each event of a calendar names the site's host, hundreds of
     * thousands at 1,000 plans, and parsing the URL each time was 2% of a build's processor time.
     */
    private static volatile Address lastAddress = Address.of("http://localhost/");

    private static Address address(String baseUrl) {
        Address last = lastAddress;
        if (!last.baseUrl().equals(baseUrl)) {
            last = Address.of(baseUrl);
            lastAddress = last;
        }
        return last;
    }

    /**
     * Percent-encodes everything but letters, digits, '.', '_' and '~' (RFC 3986 unreserved characters
     * less '-'), so that an action's reference as published can sit in an identifier unambiguously.
     */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}

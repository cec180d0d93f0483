package org.followthrough.render.data;

import java.net.URI;
import org.followthrough.model.Site;
import org.followthrough.render.view.ViewFactory;

/**
 * Where each open-data download lives, as paths from the site root, so that the documents that
 * link to one another (the site JSON, the CSVW metadata, the feeds' self links) agree.
 *
 * <p>Per plan and per organisation, the downloads sit next to the HTML page
 * ({@code plans/<id>/actions.csv}, {@code organisations/<id>/targets.ics}); the whole site's are
 * under {@code data/}; the JSON Schemas of the JSON downloads are under {@code schema/}, next to
 * the content schemas.
 */
public final class Downloads {

    public static final String CSV = "actions.csv";
    /** The CSVW convention: a metadata file named after its CSV with "-metadata.json" is found automatically. */
    public static final String CSV_METADATA = CSV + "-metadata.json";
    public static final String PLAN_JSON = "plan.json";
    public static final String ORGANISATION_JSON = "organisation.json";
    public static final String SITE_JSON = "site.json";
    public static final String ATOM = "progress.atom";
    /** The same progress updates as {@link #ATOM}, as a JSON Feed 1.1. */
    public static final String JSON_FEED = "progress.json";
    public static final String ICS = "targets.ics";
    public static final String PDF = "summary.pdf";

    /** The folder of the site-wide downloads. */
    public static final String SITE_FOLDER = "data/";

    public static final String PLAN_SCHEMA = "schema/plan-data.schema.json";
    public static final String ORGANISATION_SCHEMA = "schema/organisation-data.schema.json";
    public static final String SITE_SCHEMA = "schema/site-data.schema.json";

    private Downloads() {
    }

    /** The folder of a plan's downloads: its page's folder. */
    public static String planFolder(String planId) {
        return ViewFactory.planPath(planId);
    }

    /** The folder of an organisation's downloads: its page's folder. */
    public static String organisationFolder(String organisationId) {
        return ViewFactory.organisationPath(organisationId);
    }

    /** An absolute address on the site from a path from its root. */
    public static String url(Site site, String path) {
        return site.baseUrl() + path;
    }

    /** The site's host name, for tag: URIs and calendar UIDs. */
    public static String host(Site site) {
        String host = URI.create(site.baseUrl()).getHost();
        return host == null ? "localhost" : host;
    }

    /** The site's path below its host, still percent-encoded, without the leading slash ("action-plans/"), or "" at the root. */
    public static String basePath(Site site) {
        String path = URI.create(site.baseUrl()).getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "";
        }
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }

    /**
     * Percent-encodes everything but letters, digits, '.', '_' and '~' (RFC 3986 unreserved characters
     * less '-'), so that an action's reference as published can sit in an identifier unambiguously.
     */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
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

package org.followthrough.render.feed;

import java.util.Map;
import org.followthrough.model.Archive;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.Site;
import org.followthrough.render.MarkdownRenderer;

/**
 * Atom feeds (RFC 4287) of the actions' progress updates, for a plan, an organisation (the actions it
 * owns) and the whole site: one entry per dated progress update, newest first.
 *
 * <p>Progress updates without a date cannot be placed in time, so they are left out; each feed's
 * subtitle says so, with how many were left out.
 *
 * <p>An entry's id is a tag: URI (RFC 4151) made only from the site's address, the plan, the action
 * and the update's own date and its place among the action's updates of that date:
 * {@code tag:<host>,<update date>:<site path>plans/<plan id>/actions/<ref>/progress/<n>} (an update reported for the
 * whole recommendation: {@code …/recommendation-progress/<n>}, counted apart from the action's own). Appending
 * an update (or inserting one with another date) never changes an earlier entry's id, and nothing
 * else in an entry depends on later updates or on the as-of date, so earlier entries stay
 * byte-identical. An entry's {@code updated} is its update's date at 00:00:00Z; the feed's is the
 * newest entry's, or the as-of date when there are none. The same content and as-of date always give
 * the same bytes.
 *
 * <p>Which updates become entries, their ids, titles and content are worked out in
 * {@link ProgressEntries}, which the {@link JsonFeedRenderer JSON Feed} shares, so the two feeds of a
 * scope always have the same entries.
 *
 * <p>Thread-safe: holds only a (thread-safe) Markdown renderer.
 */
public final class AtomRenderer {

    public static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    public static final String MEDIA_TYPE = "application/atom+xml";
    /** The stylesheet, from the site root, that shows a feed opened in a browser as a page (assets/feed.xsl in the templates). */
    public static final String STYLESHEET = "assets/feed.xsl";

    private final MarkdownRenderer markdown;

    public AtomRenderer(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    public AtomRenderer() {
        this(new MarkdownRenderer());
    }

    /**
     * @param selfUrl the feed's own absolute address ({@code rel="self"}), also its id
     * @param pageUrl the plan's page ({@code rel="alternate"})
     */
    public String plan(Archive archive, Plan plan, String selfUrl, String pageUrl) {
        return feed(archive, ProgressEntries.plan(archive, plan, markdown), selfUrl, pageUrl);
    }

    /** The progress of the actions the organisation owns, alone or with others, in any plan. */
    public String organisation(Archive archive, Organisation organisation, String selfUrl, String pageUrl) {
        return feed(archive, ProgressEntries.organisation(archive, organisation, markdown), selfUrl, pageUrl);
    }

    public String site(Archive archive, String selfUrl, String pageUrl) {
        return feed(archive, ProgressEntries.site(archive, markdown), selfUrl, pageUrl);
    }

    /** The feed of a scope's entries, chosen and written out once for this feed and its JSON Feed. */
    public String feed(Archive archive, ProgressEntries entries, String selfUrl, String pageUrl) {
        Site site = archive.site();
        Map<String, Organisation> organisations = archive.organisationsById();
        ProgressEntries.Scope scope = entries.scope();
        ProgressEntries.Selection selection = entries.selection();

        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.append("<?xml-stylesheet type=\"text/xsl\" href=\"").append(attr(stylesheet(site, selfUrl))).append("\"?>\n");
        xml.append("<feed xmlns=\"").append(NAMESPACE).append("\" xml:lang=\"").append(attr(site.language())).append("\">\n");
        element(xml, 1, "id", selfUrl);
        element(xml, 1, "title", scope.title());
        element(xml, 1, "subtitle", selection.subtitle(scope));
        element(xml, 1, "updated", ProgressEntries.timestamp(selection.updated()));
        xml.append("  <link rel=\"self\" type=\"").append(MEDIA_TYPE).append("\" href=\"").append(attr(selfUrl)).append("\"/>\n");
        xml.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(attr(pageUrl)).append("\"/>\n");
        xml.append("  <author>\n");
        element(xml, 2, "name", site.publisher());
        element(xml, 2, "uri", site.baseUrl());
        xml.append("  </author>\n");
        xml.append("  <generator>Followthrough</generator>\n");
        for (int i = 0; i < selection.entries().size(); i++) {
            entry(xml, site, organisations, selection.entries().get(i), entries.content(i), scope.withPlan());
        }
        xml.append("</feed>\n");
        return xml.toString();
    }

    /**
     * The address of the stylesheet that shows the feed as a readable page in a browser, from the feed's own
     * folder, so that it is found wherever the site is published (a browser applies one only from the same site).
     */
    static String stylesheet(Site site, String selfUrl) {
        if (!selfUrl.startsWith(site.baseUrl())) {
            return site.baseUrl() + STYLESHEET;
        }
        long depth = selfUrl.substring(site.baseUrl().length()).chars().filter(c -> c == '/').count();
        return "../".repeat((int) depth) + STYLESHEET;
    }

    private static void entry(StringBuilder xml, Site site, Map<String, Organisation> organisations, ProgressEntries.Entry entry,
                              String content, boolean withPlan) {
        ProgressUpdate update = entry.update();
        String url = entry.record().url(site);
        xml.append("  <entry>\n");
        element(xml, 2, "id", entry.id(site));
        element(xml, 2, "title", entry.title(withPlan));
        element(xml, 2, "updated", ProgressEntries.timestamp(update.date()));
        xml.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(attr(url)).append("\"/>\n");
        for (String owner : entry.owners(organisations)) {
            xml.append("    <author>\n");
            element(xml, 3, "name", owner);
            xml.append("    </author>\n");
        }
        if (update.reportedBy() != null) {
            xml.append("    <contributor>\n");
            element(xml, 3, "name", update.reportedBy());
            xml.append("    </contributor>\n");
        }
        Lifecycle lifecycle = entry.lifecycle();
        xml.append("    <category term=\"").append(attr(lifecycle.code())).append("\" scheme=\"")
                .append(attr(site.baseUrl() + "about/#status")).append("\" label=\"").append(attr(lifecycle.label())).append("\"/>\n");
        xml.append("    <content type=\"html\">").append(text(content)).append("</content>\n");
        xml.append("  </entry>\n");
    }

    private static void element(StringBuilder xml, int depth, String name, String value) {
        xml.append("  ".repeat(depth)).append('<').append(name).append('>').append(text(value)).append("</").append(name).append(">\n");
    }

    /** Character data: markup escaped, and characters XML 1.0 cannot hold dropped. */
    static String text(String value) {
        return ProgressEntries.text(value);
    }

    static String attr(String value) {
        return ProgressEntries.attr(value);
    }
}

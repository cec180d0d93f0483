package org.followthrough.render.feed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.followthrough.model.Action;
import org.followthrough.model.Archive;
import org.followthrough.model.Change;
import org.followthrough.model.HistoryEntry;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Organisation;
import org.followthrough.model.Owner;
import org.followthrough.model.Plan;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.ScaleEntry;
import org.followthrough.model.Site;
import org.followthrough.render.Dates;
import org.followthrough.render.MarkdownRenderer;
import org.followthrough.render.data.ActionRecord;
import org.followthrough.render.data.Downloads;

/**
 * Atom feeds (RFC 4287) of the actions' progress updates, for a plan, an organisation (the actions it
 * owns) and the whole site: one entry per dated progress update, newest first.
 *
 * <p>Progress updates without a date cannot be placed in time, so they are left out; each feed's
 * subtitle says so, with how many were left out.
 *
 * <p>An entry's id is a tag: URI (RFC 4151) made only from the site's address, the plan, the action
 * and the update's own date and its place among the action's updates of that date:
 * {@code tag:<host>,<update date>:<site path>plans/<plan id>/actions/<ref>/progress/<n>}. Appending
 * an update (or inserting one with another date) never changes an earlier entry's id, and nothing
 * else in an entry depends on later updates or on the as-of date, so earlier entries stay
 * byte-identical. An entry's {@code updated} is its update's date at 00:00:00Z; the feed's is the
 * newest entry's, or the as-of date when there are none. The same content and as-of date always give
 * the same bytes.
 *
 * <p>Thread-safe: holds only a (thread-safe) Markdown renderer.
 */
public final class AtomRenderer {

    public static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    public static final String MEDIA_TYPE = "application/atom+xml";

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
        String name = plan.reference() != null ? plan.title() + " (" + plan.reference() + ")" : plan.title();
        return feed(archive, ActionRecord.of(plan), false, "Progress updates: " + name,
                "Progress reported on the actions of " + name + ", newest first.", selfUrl, pageUrl);
    }

    /** The progress of the actions the organisation owns, alone or with others, in any plan. */
    public String organisation(Archive archive, Organisation organisation, String selfUrl, String pageUrl) {
        return feed(archive, ActionRecord.ownedBy(archive, organisation), true, "Progress updates: " + organisation.name(),
                "Progress reported on the actions that " + organisation.name() + " owns, newest first.", selfUrl, pageUrl);
    }

    public String site(Archive archive, String selfUrl, String pageUrl) {
        return feed(archive, ActionRecord.all(archive), true, "Progress updates: " + archive.site().title(),
                "Progress reported on the actions of every plan, newest first.", selfUrl, pageUrl);
    }

    /** One dated update of an action, with its place among the action's updates. */
    private record Item(ActionRecord record, int index, HistoryEntry entry, int sameDay) {
        LocalDate date() {
            return entry.update().date();
        }
    }

    private String feed(Archive archive, List<ActionRecord> records, boolean withPlan, String title, String subtitle,
                        String selfUrl, String pageUrl) {
        Site site = archive.site();
        Map<String, Organisation> organisations = archive.organisationsById();
        List<Item> items = new ArrayList<>();
        int undated = 0;
        for (ActionRecord record : records) {
            List<HistoryEntry> history = record.action().state().history();
            for (int i = 0; i < history.size(); i++) {
                LocalDate date = history.get(i).update().date();
                if (date == null) {
                    undated++;
                    continue;
                }
                int sameDay = 1;
                for (int j = 0; j < i; j++) {
                    if (date.equals(history.get(j).update().date())) {
                        sameDay++;
                    }
                }
                items.add(new Item(record, i, history.get(i), sameDay));
            }
        }
        // Newest first; on one date, as published (a stable sort keeps the plan order and the updates' order).
        List<Item> order = new ArrayList<>(items);
        order.sort(Comparator.comparing(Item::date).reversed());
        LocalDate updated = order.isEmpty() ? archive.asOf() : order.get(0).date();

        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.append("<feed xmlns=\"").append(NAMESPACE).append("\" xml:lang=\"").append(attr(site.language())).append("\">\n");
        element(xml, 1, "id", selfUrl);
        element(xml, 1, "title", title);
        String fullSubtitle = subtitle + " Updates without a date are left out, as they cannot be placed in time"
                + (undated == 0 ? "." : " (" + undated + " here).");
        element(xml, 1, "subtitle", fullSubtitle);
        element(xml, 1, "updated", timestamp(updated));
        xml.append("  <link rel=\"self\" type=\"").append(MEDIA_TYPE).append("\" href=\"").append(attr(selfUrl)).append("\"/>\n");
        xml.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(attr(pageUrl)).append("\"/>\n");
        xml.append("  <author>\n");
        element(xml, 2, "name", site.publisher());
        element(xml, 2, "uri", site.baseUrl());
        xml.append("  </author>\n");
        xml.append("  <generator>Followthrough</generator>\n");
        for (Item item : order) {
            entry(xml, site, organisations, item, withPlan);
        }
        xml.append("</feed>\n");
        return xml.toString();
    }

    private void entry(StringBuilder xml, Site site, Map<String, Organisation> organisations, Item item, boolean withPlan) {
        ActionRecord record = item.record();
        Action action = record.action();
        ProgressUpdate update = item.entry().update();
        String url = record.url(site);
        xml.append("  <entry>\n");
        element(xml, 2, "id", id(site, record, update.date(), item.sameDay()));
        element(xml, 2, "title", title(record, item.entry(), withPlan));
        element(xml, 2, "updated", timestamp(update.date()));
        xml.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(attr(url)).append("\"/>\n");
        Set<String> owners = new LinkedHashSet<>();
        for (Owner owner : action.owners()) {
            Organisation o = organisations.get(owner.organisationId());
            owners.add(o == null ? owner.organisationId() : o.name());
        }
        for (String owner : owners) {
            xml.append("    <author>\n");
            element(xml, 3, "name", owner);
            xml.append("    </author>\n");
        }
        if (update.reportedBy() != null) {
            xml.append("    <contributor>\n");
            element(xml, 3, "name", update.reportedBy());
            xml.append("    </contributor>\n");
        }
        Lifecycle lifecycle = lifecycleAfter(action, item.index());
        xml.append("    <category term=\"").append(attr(lifecycle.code())).append("\" scheme=\"")
                .append(attr(site.baseUrl() + "about/#status")).append("\" label=\"").append(attr(lifecycle.label())).append("\"/>\n");
        xml.append("    <content type=\"html\">").append(text(content(record, item.entry(), url))).append("</content>\n");
        xml.append("  </entry>\n");
    }

    /**
     * {@code tag:<host>,<date>:<site path>plans/<plan>/actions/<ref>/progress/<n>}, where n counts
     * the action's updates of that date (1 for the first). The date is the update's own.
     */
    static String id(Site site, ActionRecord record, LocalDate date, int sameDay) {
        return "tag:" + Downloads.host(site) + "," + date + ":" + Downloads.basePath(site) + "plans/" + record.plan().id()
                + "/actions/" + Downloads.encode(record.action().ref()) + "/progress/" + sameDay;
    }

    /** "Action 3.1.1: In progress → Completed" where the update changed the status, else "Action 3.1.1: progress update". */
    private static String title(ActionRecord record, HistoryEntry entry, boolean withPlan) {
        String what = "progress update";
        for (Change change : entry.changes()) {
            if (change.scale().equals("Status")) {
                what = change.from() == null ? "status " + change.to().label() : change.from().label() + " → " + change.to().label();
            }
        }
        return "Action " + record.action().ref() + ": " + what + (withPlan ? " (" + record.planLabel() + ")" : "");
    }

    /** The lifecycle in force once the update at {@code index} was published: later updates never change it. */
    private static Lifecycle lifecycleAfter(Action action, int index) {
        ScaleEntry status = action.status();
        List<HistoryEntry> history = action.state().history();
        for (int i = 0; i <= index; i++) {
            ScaleEntry s = history.get(i).update().status();
            if (s != null) {
                status = s;
            }
        }
        return status == null || status.lifecycle() == null ? Lifecycle.NOT_STATED : status.lifecycle();
    }

    /** The update as HTML: what it changed, its text, its date as published and who reported it, and a link. */
    private String content(ActionRecord record, HistoryEntry entry, String url) {
        ProgressUpdate update = entry.update();
        StringBuilder html = new StringBuilder();
        html.append("<p>").append(text("Plan: " + record.plan().title()
                + (record.plan().reference() != null ? " (" + record.plan().reference() + ")" : "")
                + ". Recommendation " + record.recommendation().number() + ", action " + record.action().ref()
                + ". Update of " + Dates.format(update.date())
                + (update.dateAsPublished() != null ? " (as published: " + update.dateAsPublished() + ")" : "") + "."))
                .append("</p>");
        if (!entry.changes().isEmpty()) {
            html.append("<ul>");
            for (Change c : entry.changes()) {
                html.append("<li>").append(text(c.from() == null ? c.scale() + ": " + c.to().label() + " (first recorded)"
                        : c.scale() + ": " + c.from().label() + " → " + c.to().label())).append("</li>");
            }
            html.append("</ul>");
        }
        if (update.text() != null) {
            html.append(markdown.toHtml(update.text()));
        }
        if (update.reportedBy() != null) {
            html.append("<p>").append(text("Reported by " + update.reportedBy() + ".")).append("</p>");
        }
        html.append("<p><a href=\"").append(attr(url)).append("\">").append(text("Action " + record.action().ref() + " on the site"))
                .append("</a></p>");
        return html.toString();
    }

    private static String timestamp(LocalDate date) {
        return date + "T00:00:00Z";
    }

    private static void element(StringBuilder xml, int depth, String name, String value) {
        xml.append("  ".repeat(depth)).append('<').append(name).append('>').append(text(value)).append("</").append(name).append(">\n");
    }

    /** Character data: markup escaped, and characters XML 1.0 cannot hold dropped. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (allowed(c)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    static String attr(String value) {
        return text(value).replace("\"", "&quot;");
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
}

package org.followthrough.render.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followthrough.model.Archive;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.Site;
import org.followthrough.render.MarkdownRenderer;
import org.followthrough.render.data.Json;

/**
 * JSON Feeds (version 1.1, https://www.jsonfeed.org/version/1.1/) of the actions' progress updates,
 * for a plan, an organisation (the actions it owns) and the whole site: the same entries as the
 * {@link AtomRenderer Atom feed} of the same scope, item for item, with the same ids, titles, dates
 * and HTML content, newest first. Both are worked out by {@link ProgressEntries}.
 *
 * <p>The feed has {@code version}, {@code title}, {@code home_page_url}, {@code feed_url},
 * {@code description} (the Atom subtitle, with how many undated updates were left out),
 * {@code authors} (the publisher) and {@code language}. Each item has {@code id} (the Atom entry's
 * tag: URI), {@code url} (the action on the site), {@code title}, {@code content_html},
 * {@code date_published} (the update's date at 00:00:00Z, RFC 3339), {@code authors} (the
 * organisations owning the action), {@code tags} (the status in force after the update, in words)
 * and {@code _followthrough}, an extension object with the plan id, recommendation number, action
 * reference, status code and who reported the update, for those who render the updates themselves.
 *
 * <p>Keys come in a fixed order and the text is pretty-printed as the other JSON downloads are, so
 * the same content and as-of date always give the same bytes. Thread-safe: holds only a
 * (thread-safe) Markdown renderer.
 */
public final class JsonFeedRenderer {

    public static final String VERSION = "https://jsonfeed.org/version/1.1";
    public static final String MEDIA_TYPE = "application/feed+json";

    private final MarkdownRenderer markdown;

    public JsonFeedRenderer(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    public JsonFeedRenderer() {
        this(new MarkdownRenderer());
    }

    /**
     * @param feedUrl the feed's own absolute address ({@code feed_url})
     * @param pageUrl the plan's page ({@code home_page_url})
     */
    public String plan(Archive archive, Plan plan, String feedUrl, String pageUrl) {
        return feed(archive, ProgressEntries.plan(archive, plan, markdown), feedUrl, pageUrl);
    }

    /** The progress of the actions the organisation owns, alone or with others, in any plan. */
    public String organisation(Archive archive, Organisation organisation, String feedUrl, String pageUrl) {
        return feed(archive, ProgressEntries.organisation(archive, organisation, markdown), feedUrl, pageUrl);
    }

    public String site(Archive archive, String feedUrl, String pageUrl) {
        return feed(archive, ProgressEntries.site(archive, markdown), feedUrl, pageUrl);
    }

    /** The feed of a scope's entries, chosen and written out once for this feed and its Atom feed. */
    public String feed(Archive archive, ProgressEntries entries, String feedUrl, String pageUrl) {
        Site site = archive.site();
        Map<String, Organisation> organisations = archive.organisationsById();
        ProgressEntries.Scope scope = entries.scope();
        ProgressEntries.Selection selection = entries.selection();

        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", VERSION);
        feed.put("title", scope.title());
        feed.put("home_page_url", pageUrl);
        feed.put("feed_url", feedUrl);
        feed.put("description", selection.subtitle(scope));
        feed.put("authors", List.of(person(site.publisher(), site.baseUrl())));
        feed.put("language", site.language());
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < selection.entries().size(); i++) {
            items.add(item(site, organisations, selection.entries().get(i), entries.content(i), scope.withPlan()));
        }
        feed.put("items", items);
        return Json.data(feed);
    }

    private static Map<String, Object> item(Site site, Map<String, Organisation> organisations, ProgressEntries.Entry entry, String content,
                                            boolean withPlan) {
        ProgressUpdate update = entry.update();
        String url = entry.record().url(site);
        Lifecycle lifecycle = entry.lifecycle();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", entry.id(site));
        item.put("url", url);
        item.put("title", entry.title(withPlan));
        item.put("content_html", content);
        item.put("date_published", ProgressEntries.timestamp(update.date()));
        item.put("authors", entry.owners(organisations).stream().map(name -> person(name, null)).toList());
        item.put("tags", List.of(lifecycle.label()));
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("about", site.baseUrl() + "about/#status");
        extension.put("plan", entry.record().plan().id());
        extension.put("recommendation", entry.record().recommendation().number());
        extension.put("action", entry.record().action().ref());
        extension.put("status", lifecycle.code());
        if (update.dateAsPublished() != null) {
            extension.put("date_as_published", update.dateAsPublished());
        }
        if (update.reportedBy() != null) {
            extension.put("reported_by", update.reportedBy());
        }
        item.put("_followthrough", extension);
        return item;
    }

    private static Map<String, Object> person(String name, String url) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", name);
        if (url != null) {
            person.put("url", url);
        }
        return person;
    }
}

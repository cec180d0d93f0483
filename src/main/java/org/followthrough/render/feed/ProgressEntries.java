package org.followthrough.render.feed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.followthrough.model.Action;
import org.followthrough.model.Archive;
import org.followthrough.model.Change;
import org.followthrough.model.HistoryEntry;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.ScaleEntry;
import org.followthrough.model.Site;
import org.followthrough.render.Dates;
import org.followthrough.render.MarkdownRenderer;
import org.followthrough.render.data.ActionRecord;
import org.followthrough.render.Routes;

/**
 * What every progress feed is made of, whatever its format (Atom, JSON Feed): which actions a feed
 * covers and what it is called, which updates become entries and in what order, and each entry's
 * stable id, title, lifecycle, authors and HTML content. Worked out once here so that the feeds of
 * one scope always agree entry for entry; one scope's entries, chosen and written out once, make both
 * its feeds. Immutable and thread-safe.
 */
public final class ProgressEntries {

    private final Scope scope;
    private final Selection selection;
    /** Each entry's HTML content, in the order of the selection's entries. */
    private final List<String> contents;

    private ProgressEntries(Archive archive, Scope scope, MarkdownRenderer markdown) {
        this.scope = scope;
        this.selection = select(archive, scope);
        Site site = archive.site();
        this.contents = selection.entries().stream().map(entry -> entry.content(markdown, entry.record().url(site))).toList();
    }

    /** The entries of a plan's feeds. */
    public static ProgressEntries plan(Archive archive, Plan plan, MarkdownRenderer markdown) {
        return new ProgressEntries(archive, Scope.plan(plan), markdown);
    }

    /** The entries of the feeds of the actions an organisation owns, alone or with others, in any plan. */
    public static ProgressEntries organisation(Archive archive, Organisation organisation, MarkdownRenderer markdown) {
        return new ProgressEntries(archive, Scope.organisation(archive, organisation), markdown);
    }

    /** The entries of the site's feeds. */
    public static ProgressEntries site(Archive archive, MarkdownRenderer markdown) {
        return new ProgressEntries(archive, Scope.site(archive), markdown);
    }

    Scope scope() {
        return scope;
    }

    Selection selection() {
        return selection;
    }

    /** The HTML content of the selection's entry at {@code index}. */
    String content(int index) {
        return contents.get(index);
    }

    /**
     * The actions a feed covers and its words. {@code withPlan}: entries name their plan, because the
     * feed covers more than one.
     */
    record Scope(List<ActionRecord> records, List<Plan> plans, boolean withPlan, String title, String subtitle) {

        static Scope plan(Plan plan) {
            String name = plan.reference() != null ? plan.title() + " (" + plan.reference() + ")" : plan.title();
            return new Scope(ActionRecord.of(plan), List.of(plan), false, "Progress updates: " + name,
                    "Progress reported on the actions of " + name + ", newest first.");
        }

        /** The progress of the actions the organisation owns, alone or with others, in any plan. */
        static Scope organisation(Archive archive, Organisation organisation) {
            List<ActionRecord> owned = ActionRecord.ownedBy(archive, organisation);
            return new Scope(owned, Plan.distinct(owned.stream().map(ActionRecord::plan)), true, "Progress updates: " + organisation.name(),
                    "Progress reported on the actions that " + organisation.name() + " owns, newest first.");
        }

        static Scope site(Archive archive) {
            return new Scope(ActionRecord.all(archive), archive.plans(), true, "Progress updates: " + archive.site().title(),
                    "Progress reported on the actions of every plan, newest first.");
        }
    }

    /** How many updates a feed carries at most: feed readers want the recent ones, and each plan's JSON holds them all. */
    static final int MOST_RECENT = 100;

    /**
     * A feed's entries newest first, how many updates were left out for want of a date, how many older
     * ones were left out beyond the {@value #MOST_RECENT} most recent, and the feed's date.
     */
    record Selection(List<Entry> entries, int undated, int older, LocalDate updated) {

        /** The subtitle (or description) with the sentences on what the feed leaves out, which every feed carries. */
        String subtitle(Scope scope) {
            return scope.subtitle() + " Updates without a date are left out, as they cannot be placed in time"
                    + (undated == 0 ? "." : "; " + undated + (undated == 1 ? " is" : " are") + " left out here.")
                    + (older == 0 ? "" : " Only the " + MOST_RECENT + " most recent updates are here; the " + older
                    + " older ones are in " + (scope.withPlan() ? "each plan's" : "the plan's") + " JSON download (plan.json).");
        }
    }

    /**
     * One dated update of an action, with its place among the action's updates ({@code index}), among those of its date
     * ({@code sameDay}), and among the dated updates of the feed's actions as published ({@code order}).
     */
    record Entry(ActionRecord record, int index, HistoryEntry history, int sameDay, int order) {

        ProgressUpdate update() {
            return history.update();
        }

        LocalDate date() {
            return history.update().date();
        }

        /**
         * {@code tag:<host>,<date>:<site path>plans/<plan>/actions/<ref>/progress/<n>}, where n counts the action's own
         * updates of that date (1 for the first); an update the plan reported for the whole recommendation, which each of
         * its actions shows, is {@code …/recommendation-progress/<n>}, n counting those of that date. The two are counted
         * apart, so that one of either kind added on a date leaves the other kind's ids as they were. The date is the
         * update's own.
         */
        String id(Site site) {
            return "tag:" + Routes.host(site) + "," + date() + ":" + Routes.basePath(site) + "plans/" + record.plan().id()
                    + "/actions/" + Routes.encode(record.action().ref()) + (update().shared() ? "/recommendation-progress/" : "/progress/")
                    + sameDay;
        }

        /** "Action 3.1.1: In progress → Completed" where the update changed the status, else "Action 3.1.1: progress update". */
        String title(boolean withPlan) {
            String what = "progress update";
            for (Change change : history.changes()) {
                if (change.scale().equals("Status")) {
                    what = change.from() == null ? "status " + change.to().label() : change.from().label() + " → " + change.to().label();
                }
            }
            return "Action " + record.action().ref() + ": " + what + (withPlan ? " (" + record.planLabel() + ")" : "");
        }

        /** The lifecycle in force once this update was published: later updates never change it. */
        Lifecycle lifecycle() {
            Action action = record.action();
            ScaleEntry status = action.status();
            List<HistoryEntry> all = action.state().history();
            for (int i = 0; i <= index; i++) {
                ScaleEntry s = all.get(i).update().status();
                if (s != null) {
                    status = s;
                }
            }
            return status == null || status.lifecycle() == null ? Lifecycle.NOT_STATED : status.lifecycle();
        }

        /** The names of the organisations owning the action, each once, as published. */
        Set<String> owners(Map<String, Organisation> organisations) {
            return new LinkedHashSet<>(record.ownerNames(organisations));
        }

        /** The update as HTML: what it changed, its text, its date as published and who reported it, and a link. */
        String content(MarkdownRenderer markdown, String url) {
            ProgressUpdate update = update();
            StringBuilder html = new StringBuilder();
            html.append("<p>").append(text("Plan: " + record.plan().title()
                    + (record.plan().reference() != null ? " (" + record.plan().reference() + ")" : "")
                    + ". " + record.recommendation().heading() + ", action " + record.action().ref()
                    + ". Update of " + Dates.format(update.date())
                    + (update.dateAsPublished() != null ? " (as published: " + update.dateAsPublished() + ")" : "") + "."))
                    .append("</p>");
            if (!history.changes().isEmpty()) {
                html.append("<ul>");
                for (Change c : history.changes()) {
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
    }

    /**
     * One entry per dated update of the scope's actions, newest first; on one date, as published (the
     * plan order, then the updates' order). The feed's date is the newest entry's, or when there are none
     * the date its last plan was published (or started). Only the {@value #MOST_RECENT} most recent are kept as they are met, the oldest kept
     * giving way to a newer one: the site's feed looks at every update of the archive and sorts a hundred.
     */
    static Selection select(Archive archive, Scope scope) {
        // the oldest kept first; of one date, the last met first, as it would come last in the feed
        PriorityQueue<Entry> kept = new PriorityQueue<>(MOST_RECENT + 1,
                Comparator.comparing(Entry::date).thenComparing(Comparator.comparingInt(Entry::order).reversed()));
        int undated = 0;
        int dated = 0;
        for (ActionRecord record : scope.records()) {
            List<HistoryEntry> history = record.action().state().history();
            for (int i = 0; i < history.size(); i++) {
                LocalDate date = history.get(i).update().date();
                if (date == null) {
                    undated++;
                    continue;
                }
                // met later, so of the same date it comes after every entry kept: it is kept only when newer
                if (kept.size() == MOST_RECENT && !date.isAfter(kept.peek().date())) {
                    dated++;
                    continue;
                }
                int sameDay = 1;
                boolean shared = history.get(i).update().shared();
                for (int j = 0; j < i; j++) {
                    ProgressUpdate earlier = history.get(j).update();
                    if (date.equals(earlier.date()) && earlier.shared() == shared) {
                        sameDay++;
                    }
                }
                kept.add(new Entry(record, i, history.get(i), sameDay, dated++));
                if (kept.size() > MOST_RECENT) {
                    kept.poll();
                }
            }
        }
        List<Entry> entries = new ArrayList<>(kept);
        entries.sort(Comparator.comparing(Entry::date).reversed().thenComparingInt(Entry::order));
        LocalDate updated = entries.isEmpty() ? lastPublished(scope, archive.asOf()) : entries.get(0).date();
        return new Selection(List.copyOf(entries), undated, dated - entries.size(), updated);
    }

    /**
     * The date of a feed without entries: when the last of its plans was published, or started where it gives no date of
     * publication (not after {@code asOf}), so that the feed does not claim to change every day while nothing in it does;
     * the as-of date only where its plans give neither.
     */
    private static LocalDate lastPublished(Scope scope, LocalDate asOf) {
        LocalDate last = null;
        for (Plan plan : scope.plans()) {
            LocalDate published = plan.published() != null ? plan.published() : plan.start();
            if (published != null && !published.isAfter(asOf) && (last == null || published.isAfter(last))) {
                last = published;
            }
        }
        return last == null ? asOf : last;
    }

    /** A date as an RFC 3339 timestamp at midnight UTC, as both feed formats want it. */
    static String timestamp(LocalDate date) {
        return date + "T00:00:00Z";
    }

    /**
     * Character data: markup escaped, and characters XML 1.0 cannot hold dropped (controls other than tab and line ends,
     * a surrogate without its pair, U+FFFE and U+FFFF). Read a char at a time, not a code point at a time: an entry's
     * content is HTML, so every one is escaped, and the feeds of a large archive hold a hundred megabytes of it.
     */
    static String text(String value) {
        int length = value.length();
        int first = 0;
        while (first < length && plain(value.charAt(first))) {
            first++;
        }
        if (first == length) {
            return value;
        }
        StringBuilder out = new StringBuilder(length + length / 8 + 16);
        out.append(value, 0, first);
        for (int i = first; i < length; i++) {
            char c = value.charAt(i);
            if (plain(c)) {
                out.append(c);
            } else if (c == '&') {
                out.append("&amp;");
            } else if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (c >= 0xE000 && c <= 0xFFFD) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether the char is character data as it stands: not markup, not a surrogate, and one XML 1.0 can hold below U+D800. */
    private static boolean plain(char c) {
        return c >= 0x20 ? c != '&' && c != '<' && c != '>' && c < 0xD800 : c == 0x9 || c == 0xA || c == 0xD;
    }

    static String attr(String value) {
        return text(value).replace("\"", "&quot;");
    }
}

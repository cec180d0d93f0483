package org.followthrough.render.calendar;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.followthrough.model.Action;
import org.followthrough.model.Archive;
import org.followthrough.model.FollowUp;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Organisation;
import org.followthrough.model.Owner;
import org.followthrough.model.Plan;
import org.followthrough.model.Site;
import org.followthrough.model.Tally;
import org.followthrough.render.data.ActionRecord;
import org.followthrough.render.Fingerprint;
import org.followthrough.render.Routes;
import org.followthrough.render.Utf8Text;

/**
 * iCalendar files (RFC 5545) of the actions' targets, for a plan, an organisation (the actions it
 * owns) and the whole site, so that a reader can see the deadlines in their own calendar.
 *
 * <p>One all-day event per action whose target names a date: it falls on the target's deadline (a
 * month target's last day). Ongoing and undated targets have no event. Each follow-up whose own
 * target names a date has an event of its own, after its action's, with the UID
 * {@code follow-up-<plan>-<ref>-<key>@<host>}, the key a digest of the follow-up's text (see
 * {@link #followUpKey}), so that adding, removing or reordering follow-ups leaves the others' UIDs, and
 * a calendar that follows the file keeps each event on its own day; an action's UID is
 * {@code action-<plan>-<ref>@<host>}. The reference is percent-encoded, '-' included, so the UIDs cannot collide.
 *
 * <p>A plan whose target completion (the date by which all its actions were to be done) names a date has an event on it,
 * before its actions' events, in the plan's calendar, the site's, and the calendar of each organisation that owns an action
 * of it, with the UID {@code plan-<plan>-target-completion@<host>} ({@code …-target-completion.<organisation>@<host>}
 * in an organisation's, which counts only its actions): its description counts the calendar's actions of the plan and those
 * still open, and its CATEGORIES say "Plan target completion", and "Target completion passed" once the date
 * has passed with any of them open, as the plan's page says.
 *
 * <p>Events are marked TRANSP:TRANSPARENT (a deadline takes up no time), STATUS:CANCELLED when the
 * action (or follow-up) was closed without being completed and CONFIRMED otherwise, and carry the
 * lifecycle and "Overdue", "Target date passed" (no status published) or, for a follow-up, "Date passed"
 * as CATEGORIES, as the pages flag them. DTSTAMP is the as-of date at midnight UTC, so that the same
 * content and as-of date always give the same bytes. Lines end in CRLF and are folded at 75 octets
 * without splitting a UTF-8 character.
 *
 * <p>There is no METHOD property: the file is a calendar to subscribe to, not an iTIP (RFC 5546)
 * message, and METHOD:PUBLISH would require an ORGANIZER on every event. A scope with no dated
 * target gives a calendar with no events, which calendar programs accept, although RFC 5545's
 * grammar asks for at least one component.
 *
 * <p>Pure and thread-safe: every method works only from its arguments.
 */
public final class IcalRenderer {

    public static final String MEDIA_TYPE = "text/calendar";
    public static final String PRODID = "-//Followthrough//Action plan targets//EN";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);
    private static final int MAX_OCTETS = 75;

    private IcalRenderer() {
    }

    public static Utf8Text plan(Archive archive, Plan plan) {
        return plan(archive, plan, events(archive, plan).bytes());
    }

    /** The plan's calendar around its {@code events}, as {@link #events} makes them (now, or in an earlier build). */
    public static Utf8Text plan(Archive archive, Plan plan, byte[] events) {
        String name = plan.reference() != null ? plan.title() + " (" + plan.reference() + ")" : plan.title();
        return calendar(archive, "Targets: " + name, "The target dates of the actions of " + name + ".", out -> out.append(events));
    }

    /**
     * The targets of the actions the organisation owns, alone or with others, in any plan, each plan's target completion
     * first, counting the actions it owns.
     */
    public static Utf8Text organisation(Archive archive, Organisation organisation) {
        return calendar(archive, "Targets: " + organisation.name(), "The target dates of the actions that " + organisation.name() + " owns.",
                out -> archive.plans().forEach(plan -> {
                    Plan part = plan.partOf(organisation.id());
                    if (part.tally().total() > 0) {
                        completion(archive, plan, part.tally(), organisation, out);
                        events(archive, ActionRecord.of(part), out);
                    }
                }));
    }

    public static Utf8Text site(Archive archive) {
        return site(archive, plan -> events(archive, plan).bytes());
    }

    /** The site's calendar, with each plan's events as {@code events} gives them: {@link #events}, made now or in an earlier build. */
    public static Utf8Text site(Archive archive, Function<Plan, byte[]> events) {
        return calendar(archive, "Targets: " + archive.site().title(), "The target dates of the actions of every plan.",
                out -> archive.plans().forEach(plan -> out.append(events.apply(plan))));
    }

    /**
     * The events of a plan's actions, as every calendar that shows them has them (the plan's and the site's):
     * the same bytes whatever the calendar, so that the site's is joined from the plans'.
     */
    public static Utf8Text events(Archive archive, Plan plan) {
        Utf8Text out = new Utf8Text();
        completion(archive, plan, plan.tally(), null, out);
        events(archive, ActionRecord.of(plan), out);
        return out;
    }

    /**
     * Whether a plan's calendar has an event: its target completion, or an action's target or one of its follow-ups', names
     * a date. A calendar without one is not published.
     */
    public static boolean hasEvent(Plan plan) {
        return hasCompletionEvent(plan) || plan.actions().anyMatch(IcalRenderer::hasEvent);
    }

    /** Whether the plan's target completion names a date, and so has an event in every calendar that shows its actions. */
    private static boolean hasCompletionEvent(Plan plan) {
        return ActionRecord.deadline(plan.targetCompletion()) != null;
    }

    /**
     * Whether an owner's calendar has an event because it owns this action of the plan: the action's own target or a
     * follow-up's, or the plan's target completion, which every owner's calendar shows.
     */
    public static boolean hasEvent(Plan plan, Action action) {
        return hasCompletionEvent(plan) || hasEvent(action);
    }

    /**
     * The event of the plan's target completion, where it names a date: {@code tally} counts the calendar's actions of the
     * plan (all of them, or those {@code owner} owns), and the date passed with any of them open is a category, as the plan's
     * page flags it. An owner's calendar has an event of its own, with its own UID: it says something else of the plan (its
     * actions, and whether they are done) than the plan's and the site's, whose events are the same bytes.
     *
     * @param owner the organisation whose calendar it is; null for the plan's and the site's
     */
    private static void completion(Archive archive, Plan plan, Tally tally, Organisation owner, Utf8Text out) {
        LocalDate deadline = ActionRecord.deadline(plan.targetCompletion());
        if (deadline == null) {
            return;
        }
        Site site = archive.site();
        int open = tally.total() - tally.done();
        boolean passed = plan.targetCompletionPassed(archive.asOf()) && open > 0;
        List<String> categories = new ArrayList<>(List.of("Plan target completion"));
        if (passed) {
            categories.add("Target completion passed");
        }
        String url = site.baseUrl() + Routes.plan(plan.id());
        String counted = owner == null ? "Actions of the plan" : "Actions " + owner.name() + " owns in it";
        String text = "The date by which all the plan's actions were to be complete, as published: "
                + ActionRecord.targetText(plan.targetCompletion()) + "\n"
                + (tally.total() == 0 ? "The plan publishes no actions."
                        : counted + ": " + tally.total() + ", " + (open == 0 ? "none" : open) + " of them still open"
                        + (passed ? " (target completion passed)" : ""))
                + "\n\n" + url;
        // no id holds a full stop, so an owner's UID is never another plan's
        event(line -> fold(line, out), "plan-" + plan.id() + "-target-completion" + (owner == null ? "" : "." + owner.id())
                        + "@" + Routes.host(site),
                DATE.format(archive.asOf()) + "T000000Z", deadline, "Target completion: " + ActionRecord.planLabel(plan), text, url, false,
                categories);
    }

    /**
     * Whether an action has an event in the calendars: its target, or one of its follow-ups', names a date. A calendar of
     * actions none of which has one is not published.
     */
    public static boolean hasEvent(Action action) {
        return ActionRecord.deadline(action.target()) != null
                || action.followUps().stream().anyMatch(followUp -> ActionRecord.deadline(followUp.target()) != null);
    }

    private static Utf8Text calendar(Archive archive, String name, String description, Consumer<Utf8Text> events) {
        Site site = archive.site();
        String fullDescription = description + " A follow-up with a dated target of its own has an event too, and so has a plan's"
                + " target date for completing all its actions. Ongoing and undated"
                + " targets are not included. Statuses as at "
                + archive.asOf() + ". Published by " + site.publisher() + ".";
        Utf8Text out = new Utf8Text();
        Lines lines = line -> fold(line, out);
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:" + PRODID);
        lines.add("CALSCALE:GREGORIAN");
        lines.add("NAME:" + text(name));
        lines.add("X-WR-CALNAME:" + text(name));
        lines.add("DESCRIPTION:" + text(fullDescription));
        lines.add("X-WR-CALDESC:" + text(fullDescription));
        events.accept(out);
        lines.add("END:VCALENDAR");
        return out;
    }

    private static void events(Archive archive, List<ActionRecord> records, Utf8Text out) {
        Site site = archive.site();
        Map<String, Organisation> organisations = archive.organisationsById();
        String stamp = DATE.format(archive.asOf()) + "T000000Z";
        Lines lines = line -> fold(line, out);
        for (ActionRecord record : records) {
            Action action = record.action();
            String url = record.url(site);
            LocalDate deadline = ActionRecord.deadline(action.target());
            if (deadline != null) {
                Lifecycle lifecycle = action.state().lifecycle();
                List<String> categories = new ArrayList<>(List.of(lifecycle.label()));
                if (action.state().overdue()) {
                    categories.add("Overdue");
                } else if (action.state().targetPassedWithoutStatus()) {
                    categories.add("Target date passed");
                }
                String status = (action.state().status() != null ? action.state().status().label() : "not published")
                        + (action.state().overdue() ? " (overdue)"
                                : action.state().targetPassedWithoutStatus() ? " (target date passed; no status published)" : "");
                String text = "Target as published: " + ActionRecord.targetText(action.target()) + "\n"
                        + "Status: " + status + "\n"
                        + "Owners: " + owners(action, organisations) + "\n"
                        + (action.description() != null ? "\n" + ActionRecord.text(action.description()) + "\n" : "")
                        + "\n" + url;
                event(lines, "action-" + record.plan().id() + "-" + Routes.encode(action.ref()) + "@" + Routes.host(site),
                        stamp, deadline, "Target: Action " + action.ref() + " – " + record.planLabel(), text, url,
                        lifecycle == Lifecycle.CLOSED, categories);
            }
            List<FollowUp> followUps = action.followUps();
            for (int i = 0; i < followUps.size(); i++) {
                FollowUp followUp = followUps.get(i);
                LocalDate due = ActionRecord.deadline(followUp.target());
                if (due == null) {
                    continue;
                }
                Lifecycle lifecycle = followUp.status() == null ? null : followUp.status().lifecycle();
                List<String> categories = new ArrayList<>(List.of("Follow-up"));
                if (lifecycle != null) {
                    categories.add(lifecycle.label());
                }
                boolean passed = followUp.datePassed(archive.asOf());
                if (passed) {
                    categories.add("Date passed");
                }
                String text = "Follow-up of action " + action.ref() + ": " + ActionRecord.text(followUp.text()) + "\n"
                        + "Target as published: " + ActionRecord.targetText(followUp.target()) + "\n"
                        + "Status: " + (followUp.status() != null ? followUp.status().label() : "not published")
                        + (passed ? " (date passed)" : "") + "\n"
                        + "Owners: " + owners(action, organisations) + "\n"
                        + "\n" + url;
                event(lines, "follow-up-" + record.plan().id() + "-" + Routes.encode(action.ref()) + "-" + followUpKey(action, i) + "@" + Routes.host(site),
                        stamp, due, "Follow-up target: Action " + action.ref() + " – " + record.planLabel(), text, url,
                        lifecycle == Lifecycle.CLOSED, categories);
            }
        }
    }

    /**
     * What tells the action's follow-up {@code index} from its others in its UID: the first 12 hex digits of a digest of
     * its text (as written, without white space at its ends), and where the action gives the same text more than once,
     * which of them it is ("…-2"). Its date is left out, so a follow-up given a new date stays one event and moves.
     */
    static String followUpKey(Action action, int index) {
        String text = followUpText(action.followUps().get(index));
        int same = 0;
        for (int i = 0; i < index; i++) {
            if (followUpText(action.followUps().get(i)).equals(text)) {
                same++;
            }
        }
        String key = Fingerprint.ofBytes(text.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return same == 0 ? key : key + "-" + (same + 1);
    }

    private static String followUpText(FollowUp followUp) {
        return followUp.text() == null ? "" : followUp.text().source().strip();
    }

    /** Where each content line goes, folded as it comes. */
    private interface Lines {
        void add(String line);
    }

    private static void event(Lines lines, String uid, String stamp, LocalDate day, String summary, String description,
                              String url, boolean cancelled, List<String> categories) {
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + uid);
        lines.add("DTSTAMP:" + stamp);
        lines.add("DTSTART;VALUE=DATE:" + DATE.format(day));
        lines.add("DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1)));
        lines.add("SUMMARY:" + text(summary));
        lines.add("DESCRIPTION:" + text(description));
        lines.add("URL:" + url);
        lines.add("STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        lines.add("CATEGORIES:" + String.join(",", categories.stream().map(IcalRenderer::text).toList()));
        lines.add("TRANSP:TRANSPARENT");
        lines.add("END:VEVENT");
    }

    private static String owners(Action action, Map<String, Organisation> organisations) {
        Set<String> names = new LinkedHashSet<>();
        for (Owner owner : action.owners()) {
            Organisation o = organisations.get(owner.organisationId());
            names.add(o == null ? owner.organisationId() : o.name());
        }
        return String.join("; ", names);
    }

    /** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> { }
                default -> {
                    if (c == '\t' || (c >= 0x20 && c != 0x7f)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Appends a content line folded (RFC 5545 3.1): no line longer than 75 octets, continuations starting with a
     * space, each ending in CRLF. Each run of characters that fits on a line is copied at once.
     */
    private static void fold(String line, Utf8Text out) {
        int octets = 0;
        int start = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            int chars = Character.isHighSurrogate(c) && i + 1 < line.length() && Character.isLowSurrogate(line.charAt(i + 1)) ? 2 : 1;
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : chars == 2 ? 4 : 3;
            if (octets + size > MAX_OCTETS) {
                out.append(line, start, i).append("\r\n ");
                start = i;
                octets = 1;
            }
            octets += size;
            i += chars;
        }
        out.append(line, start, line.length()).append("\r\n");
    }
}

package org.followthrough.render.data;

import org.followthrough.render.Routes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.followthrough.model.Action;
import org.followthrough.model.Archive;
import org.followthrough.model.ColumnValue;
import org.followthrough.model.Markdown;
import org.followthrough.model.Organisation;
import org.followthrough.model.Owner;
import org.followthrough.model.Plan;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.Recommendation;
import org.followthrough.model.ScaleEntry;
import org.followthrough.model.Site;
import org.followthrough.model.Target;
import org.followthrough.model.TargetDate;
import org.followthrough.render.Dates;
import org.followthrough.render.view.ViewFactory;

/**
 * One action with the plan and recommendation it belongs to: the unit every open-data download is
 * made of (a CSV row, a JSON action, a feed's entries, a calendar's events). The values the
 * downloads share are worked out here once, so that the CSV, the JSON, the feed and the calendar
 * always agree.
 */
public record ActionRecord(Plan plan, Recommendation recommendation, Action action) {

    /** A plan's actions, as published. */
    public static List<ActionRecord> of(Plan plan) {
        List<ActionRecord> records = new ArrayList<>();
        for (Recommendation r : plan.recommendations()) {
            for (Action a : r.actions()) {
                records.add(new ActionRecord(plan, r, a));
            }
        }
        return List.copyOf(records);
    }

    /** Every action of the archive, in the archive's plan order, then as published. */
    public static List<ActionRecord> all(Archive archive) {
        List<ActionRecord> records = new ArrayList<>();
        archive.plans().forEach(p -> records.addAll(of(p)));
        return List.copyOf(records);
    }

    /** The actions an organisation owns (alone or with others), in the archive's plan order, then as published. */
    public static List<ActionRecord> ownedBy(Archive archive, Organisation organisation) {
        return all(archive).stream().filter(r -> r.action().isOwnedBy(organisation.id())).toList();
    }

    /** The action's address on the site, from the site root: {@code plans/<id>/recommendations/<number>/#action-<slug>}. */
    public String path() {
        return Routes.action(plan.id(), recommendation.number(), action.ref());
    }

    /** The action's absolute address on the site. */
    public String url(Site site) {
        return site.baseUrl() + path();
    }

    /** How a reader tells the plan apart from others in a list: its reference, else its title. */
    public String planLabel() {
        return planLabel(plan);
    }

    public static String planLabel(Plan plan) {
        return plan.reference() != null ? plan.reference() : plan.title();
    }

    /** The latest progress update with text, as the plan's page shows it under "Latest progress"; null when none has text. */
    public ProgressUpdate latestProgress() {
        ProgressUpdate latest = null;
        for (ProgressUpdate update : action.progress()) {
            if (update.text() != null) {
                latest = update;
            }
        }
        return latest;
    }

    /** The owning organisations by name, each once, in the order of {@link #ownerIds()}. */
    public List<String> ownerNames(Map<String, Organisation> organisations) {
        return names(ownerIds(), organisations);
    }

    /** Organisations by name, in the order of their ids; an id the site does not know (never, once checked) as it is. */
    public static List<String> names(List<String> ids, Map<String, Organisation> organisations) {
        return ids.stream().map(id -> {
            Organisation organisation = organisations.get(id);
            return organisation == null ? id : organisation.name();
        }).toList();
    }

    /** The owning organisations' ids, each once, in the order the plan first names them. */
    public List<String> ownerIds() {
        return action.owners().stream().map(Owner::organisationId).distinct().toList();
    }

    /** What the action takes from its recommendation: "owners", "target", "progress" and extra column ids, in that order. */
    public static List<String> inherited(Action action) {
        List<String> names = new ArrayList<>();
        if (action.inherited().owners()) {
            names.add("owners");
        }
        if (action.inherited().target()) {
            names.add("target");
        }
        if (action.progress().stream().anyMatch(ProgressUpdate::shared)) {
            names.add("progress");
        }
        names.addAll(action.inherited().extraColumns());
        return names;
    }

    /** The action's value (its own or its recommendation's) in one of its plan's extra columns; null where it has none. */
    public static Markdown extraColumn(Action action, String id) {
        return action.extraColumns().stream().filter(v -> v.column().equals(id)).map(ColumnValue::value).findFirst().orElse(null);
    }

    /** The target as readers see it: the plan's wording, or the date as written ("30 June 2024"); null without a target. */
    public static String targetText(Target target) {
        return Dates.describe(target);
    }

    /** What a target means, in ISO 8601: 2024-06-30, 2024-06, or "ongoing"; null when it names no real date. */
    public static String targetDate(Target target) {
        if (target == null || target.date() == null) {
            return null;
        }
        if (target.date() instanceof TargetDate.Ongoing) {
            return "ongoing";
        }
        return Dates.iso(target.date());
    }

    /** The last day on which the target is met (a month's last day), or null for ongoing or undated targets. */
    public static LocalDate deadline(Target target) {
        return target == null || target.date() == null ? null : target.date().deadline();
    }

    /**
     * Markdown as plain source text, without the trailing line break a YAML block leaves, or blank lines first; the first
     * line keeps its indent, which Markdown reads (four spaces begin code): the source means what the pages show.
     */
    public static String text(Markdown markdown) {
        return markdown == null ? null : LEADING_BLANK_LINES.matcher(markdown.source().stripTrailing()).replaceFirst("");
    }

    private static final java.util.regex.Pattern LEADING_BLANK_LINES = java.util.regex.Pattern.compile("\\A(?:[ \\t]*(?:\\r\\n|\\r|\\n))+");

    public static String label(ScaleEntry entry) {
        return entry == null ? null : entry.label();
    }

    public static String iso(LocalDate date) {
        return Dates.iso(date);
    }
}

package org.followthrough.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.followthrough.model.Archive;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.model.PlanKind;
import org.followthrough.model.Tally;

/**
 * The ways the list of plans narrows, worked out once from the archive in one pass: by where a plan
 * stands, by kind of review, by year and by organisation. Each value is a page of its own
 * ({@link Routes#planFilter}), so that narrowing needs no script.
 */
final class PlanFacets {

    /** Where a plan stands as a whole, for narrowing the list of plans; every plan is in exactly one. */
    enum Standing {
        OVERDUE("overdue", "Some actions overdue",
                "At least one action's target has passed while the latest status published for it is not a complete one."),
        PAST_COMPLETION("past-completion", "Past target completion, none overdue",
                "The date by which the whole plan was to be done has passed with actions still open, though none of them is overdue"
                        + " against a target of its own."),
        OPEN("open", "Open, none overdue", "Some actions are not yet complete, none of them is overdue, and the plan is not past its"
                + " target completion."),
        COMPLETE("complete", "Every action complete or closed", "Every action has been reported complete, or closed."),
        NOT_STATED("not-stated", "No status published", "The plan publishes no status for any of its actions.");

        final String code;
        final String label;
        final String description;

        Standing(String code, String label, String description) {
            this.code = code;
            this.label = label;
            this.description = description;
        }

        static Standing of(Plan plan, java.time.LocalDate asOf) {
            Tally tally = plan.tally();
            if (tally.total() == 0 || tally.count(Lifecycle.NOT_STATED) == tally.total()) {
                return NOT_STATED;
            }
            if (tally.done() == tally.total()) {
                return COMPLETE;
            }
            if (tally.overdue() > 0) {
                return OVERDUE;
            }
            return plan.targetCompletionPassed(asOf) ? PAST_COMPLETION : OPEN;
        }
    }

    /** One value of one way of narrowing: its page, what it is called, and its plans in archive order. */
    record Facet(String facet, String value, String label, String path, List<Plan> plans) {
    }

    static final String STATUS = "status";
    static final String KIND = "kind";
    static final String YEAR = "year";
    static final String ORGANISATION = "organisation";
    /** The year value of the plans that give no date to place them in a year: listed last, so that the years add up. */
    static final String NO_YEAR = "not-known";

    final List<Facet> standings;
    final List<Facet> kinds;
    final List<Facet> years;
    final List<Facet> organisations;

    /**
     * @param plansOf the plans that name each organisation, indexed once by the caller
     */
    PlanFacets(Archive archive, Map<String, List<Plan>> plansOf) {
        Map<Standing, List<Plan>> byStanding = new LinkedHashMap<>();
        Map<PlanKind, List<Plan>> byKind = new LinkedHashMap<>();
        Map<Integer, List<Plan>> byYear = new TreeMap<>(Comparator.reverseOrder());
        List<Plan> noYear = new ArrayList<>();
        for (Plan plan : archive.plans()) {
            byStanding.computeIfAbsent(Standing.of(plan, archive.asOf()), k -> new ArrayList<>()).add(plan);
            byKind.computeIfAbsent(plan.kind(), k -> new ArrayList<>()).add(plan);
            Integer year = year(plan);
            if (year != null) {
                byYear.computeIfAbsent(year, k -> new ArrayList<>()).add(plan);
            } else {
                noYear.add(plan);
            }
        }
        standings = new ArrayList<>();
        for (Standing s : Standing.values()) {
            if (byStanding.containsKey(s)) {
                standings.add(facet(STATUS, s.code, s.label, byStanding.get(s)));
            }
        }
        kinds = new ArrayList<>();
        for (PlanKind k : PlanKind.values()) {
            if (byKind.containsKey(k)) {
                kinds.add(facet(KIND, k.code().replace('_', '-'), k.label(), byKind.get(k)));
            }
        }
        years = new ArrayList<>();
        byYear.forEach((year, plans) -> years.add(facet(YEAR, String.valueOf(year), String.valueOf(year), plans)));
        if (!noYear.isEmpty()) {
            years.add(facet(YEAR, NO_YEAR, "Year not known", noYear));
        }
        organisations = new ArrayList<>();
        archive.organisations().stream()
                .filter(o -> archive.hasPageFor(o.id()) && plansOf.containsKey(o.id()))
                .sorted(Comparator.comparing((Organisation o) -> o.name().toLowerCase(Locale.ROOT)).thenComparing(Organisation::id))
                .forEach(o -> organisations.add(facet(ORGANISATION, o.id(),
                        o.shortName() != null ? o.name() + " (" + o.shortName() + ")" : o.name(), plansOf.get(o.id()))));
    }

    private static Facet facet(String facet, String value, String label, List<Plan> plans) {
        return new Facet(facet, value, label, Routes.planFilter(facet, value), List.copyOf(plans));
    }

    /** Every facet value, in the order pages list them. */
    List<Facet> all() {
        List<Facet> all = new ArrayList<>(standings);
        all.addAll(kinds);
        all.addAll(years);
        all.addAll(organisations);
        return all;
    }

    /**
     * The year a plan belongs to for readers: the year it was published, else the year it started, else the
     * year of its first published update; null when it gives none of them.
     */
    static Integer year(Plan plan) {
        LocalDate placed = plan.placedOn();
        return placed == null ? null : placed.getYear();
    }
}

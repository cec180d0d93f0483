package org.followthrough.model;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * An action plan: its details, scales, recommendations and actions, with derived totals.
 * {@code statusDatesNotPublished}: the plan publishes statuses and a date for none of them, so pages
 * say so once for the plan rather than under each status (a fact of the whole plan, kept in an
 * organisation's part of it). {@code formerIds}: the ids the plan was published under before its folder was renamed,
 * whose addresses lead to its own.
 */
public record Plan(
        String id,
        String title,
        String reference,
        PlanKind kind,
        String kindAsPublished,
        String subject,
        List<String> commissionedBy,
        String commissionedByAsPublished,
        List<String> investigatedBy,
        List<String> organisations,
        LocalDate published,
        LocalDate start,
        Target targetCompletion,
        String dateRange,
        List<String> careUnits,
        Markdown summary,
        List<PlanUpdate> updates,
        SourceDocument source,
        Scales scales,
        List<ExtraColumn> extraColumns,
        List<AddressedRecommendation> addressedWithoutAction,
        List<Recommendation> recommendations,
        Tally tally,
        boolean statusDatesNotPublished,
        List<String> formerIds) {

    /** Whether the date by which the whole plan was to be done has passed on {@code asOf} (with its actions open or not). */
    public boolean targetCompletionPassed(java.time.LocalDate asOf) {
        java.time.LocalDate deadline = targetCompletion == null || targetCompletion.date() == null ? null : targetCompletion.date().deadline();
        return deadline != null && deadline.isBefore(asOf);
    }

    /** How many of its actions' follow-ups had passed their dates on {@code asOf} without being reported done. */
    public int followUpsPassed(LocalDate asOf) {
        return followUpsPassed(actions().toList(), asOf);
    }

    /** How many of these actions' follow-ups had passed their dates on {@code asOf} without being reported done. */
    public static int followUpsPassed(java.util.Collection<Action> actions, LocalDate asOf) {
        return (int) actions.stream().flatMap(a -> a.followUps().stream()).filter(f -> f.datePassed(asOf)).count();
    }

    /**
     * The date of the plan's last dated update, of the plan or of any of its actions, on or before {@code asOf} (a site
     * as at an earlier date does not know of later ones); null when it has none.
     */
    public LocalDate lastUpdate(LocalDate asOf) {
        LocalDate last = null;
        for (PlanUpdate u : updates) {
            last = later(last, u.date(), asOf);
        }
        for (Action a : (Iterable<Action>) actions()::iterator) {
            for (ProgressUpdate u : a.progress()) {
                last = later(last, u.date(), asOf);
            }
        }
        return last;
    }

    private static LocalDate later(LocalDate known, LocalDate date, LocalDate asOf) {
        if (date == null || date.isAfter(asOf)) {
            return known;
        }
        return known == null || date.isAfter(known) ? date : known;
    }

    /**
     * The date that places the plan in time, for the newest-first lists and the years they are narrowed by: when it was
     * published, else when it started, else the date of its first dated update; null where it gives none of them.
     */
    public LocalDate placedOn() {
        if (published != null) {
            return published;
        }
        if (start != null) {
            return start;
        }
        return updates.stream().map(PlanUpdate::date).filter(d -> d != null).min(LocalDate::compareTo).orElse(null);
    }

    /**
     * Its recommendations that name the organisation in {@code role} (their lead, their oversight bodies), in order: what an
     * organisation's page, its data and the key they are kept by all list.
     */
    public List<Recommendation> recommendationsNaming(String organisationId, java.util.function.Function<Recommendation, List<String>> role) {
        return recommendations.stream().filter(r -> role.apply(r).contains(organisationId)).toList();
    }

    public Stream<Action> actions() {
        return recommendations.stream().flatMap(r -> r.actions().stream());
    }

    /**
     * Every organisation the plan names, in this order: its organisations, who commissioned it and who investigated it, its
     * actions' owners, and its recommendations' leads, oversight and owners of shared progress.
     */
    public java.util.Set<String> organisationIds() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(organisations);
        ids.addAll(commissionedBy);
        ids.addAll(investigatedBy);
        actions().forEach(a -> a.owners().forEach(o -> ids.add(o.organisationId())));
        recommendations.forEach(r -> {
            ids.addAll(r.lead());
            ids.addAll(r.oversightBy());
            r.shared().owners().forEach(o -> ids.add(o.organisationId()));
        });
        return ids;
    }

    /**
     * An organisation's part of the plan: the plan's details, and only the recommendations under which the organisation
     * owns actions, each with its text and only those actions, counted again; no recommendation if it owns none.
     */
    public Plan partOf(String organisationId) {
        List<Recommendation> owning = new java.util.ArrayList<>();
        for (Recommendation r : recommendations) {
            List<Action> owned = r.actions().stream().filter(a -> a.isOwnedBy(organisationId)).toList();
            if (!owned.isEmpty()) {
                owning.add(new Recommendation(r.number(), r.title(), r.text(), r.issuesIdentified(), r.priority(),
                        r.lead(), r.leadAsPublished(), r.oversight(), r.oversightBy(), r.note(), r.shared(), owned, r.themes()));
            }
        }
        return new Plan(id, title, reference, kind, kindAsPublished, subject, commissionedBy, commissionedByAsPublished, investigatedBy,
                organisations, published, start, targetCompletion, dateRange, careUnits, summary, updates, source, scales, extraColumns,
                addressedWithoutAction, List.copyOf(owning), Tally.of(owning.stream().flatMap(r -> r.actions().stream()).toList()),
                statusDatesNotPublished, formerIds);
    }

    /**
     * Each plan once, in the order first met, told apart by id (unique in an archive): cheaper than
     * {@code distinct()}, whose equality of two plans compares every action and update of both.
     */
    public static List<Plan> distinct(Stream<Plan> plans) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return plans.filter(plan -> seen.add(plan.id())).toList();
    }
}
